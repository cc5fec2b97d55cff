"""The command line (docs/CLI.md): `kpi-desktop [--db FILE]` opens the window; the
subcommands do the same work without one. Nothing here imports Qt widgets unless the window
is asked for."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence

from kpi_desktop.commands.parsers import build_parser
from kpi_desktop.domain.errors import KpiError, current_language, os_error_text, zh_en
from kpi_desktop.domain.text import file_label

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2


def _command_window(args: argparse.Namespace) -> int:
    # Start-up makes many objects and no garbage worth a collection (Qt's enums, the
    # modules): the window turns the cyclic collector back on after its first paint.
    gc.disable()
    from kpi_desktop.ui.app import run

    try:
        # A file path or a postgresql:// address, passed on as typed.
        return run(args.db or None)
    except Exception:
        # Failed before the window could show it: the window's exception hook logs it and,
        # once Qt is up, shows it in a dialog (a program started from the Start menu has no
        # console to print it on).
        sys.excepthook(*sys.exc_info())
        return EXIT_FAILED


# argparse's own words (usage, errors, the help of -h) for a clerk who reads Chinese.
_ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "至多只能有一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项不明确：%(option)s 可能是 %(matches)s"
    ),
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "这个选项不带值，却给了 %r",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "unexpected option string: %s": "意外的选项：%s",
}


@contextlib.contextmanager
def _argparse_language() -> Iterator[None]:
    """argparse looks up each of its own words through its module's `_` and `ngettext` when
    it writes it (it is made to be translated with gettext). While our parser is built and
    run, and the program speaks Chinese, they come from the table above; English otherwise."""
    if current_language() == "en":
        yield
        return
    saved = getattr(argparse, "_"), getattr(argparse, "ngettext")  # noqa: B009

    def chinese(text: str) -> str:
        return _ARGPARSE_CHINESE.get(text, text)

    def chinese_plural(one: str, many: str, count: int) -> str:
        return chinese(one if count == 1 else many)

    setattr(argparse, "_", chinese)  # noqa: B010
    setattr(argparse, "ngettext", chinese_plural)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


class _LogOnFirstRecord(logging.Handler):
    """Sets up the log file (services.logs) when the first record is made, and hands it on."""

    def __init__(self, configure: Callable[[], object]) -> None:
        super().__init__(logging.INFO)
        self._configure = configure

    def emit(self, record: logging.LogRecord) -> None:
        root = logging.getLogger()
        root.removeHandler(self)
        self._configure()
        for handler in root.handlers:
            if record.levelno >= handler.level:
                handler.handle(record)


def _use_utf8_streams() -> None:
    # A Windows console or a pipe may default to a legacy code page; JSON and messages are
    # Chinese, so write UTF-8 whatever the console says.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _drop_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    _use_utf8_streams()
    from kpi_desktop.services.logs import configure_logging, logging_configured

    with _argparse_language():
        parser = build_parser(_command_window)
        args = parser.parse_args(argv)
    if args.handler is not _command_window:
        # The log file's handler costs a tenth of a reading command's whole run (its module
        # brings socket, pickle and queue); made when the first record comes, which for most
        # runs is never.
        root = logging.getLogger()
        for waiting in [h for h in root.handlers if isinstance(h, _LogOnFirstRecord)]:
            root.removeHandler(waiting)
        if not logging_configured():
            root.addHandler(_LogOnFirstRecord(configure_logging))
            root.setLevel(logging.INFO)
    try:
        result: int = args.handler(args)
        return result
    except KpiError as error:
        if error.code == "db.locked":  # the window's wording offers to open it read-only
            error = KpiError("db.locked_command", **error.params)
        print(error.message(), file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        # Every command writes in one transaction or to a finished file: an interrupted one
        # has written nothing half-way.
        print(zh_en("已中断。", "Interrupted."), file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader stopped early (`kpi-desktop dump | head`): nothing to tell anyone.
        _drop_stdout()
        return EXIT_FAILED
    except OSError as error:
        detail = os_error_text(error)
        if error.filename is not None:  # a file the command worked on
            log.exception("command failed")
            refusal = KpiError("file.failed", path=file_label(error.filename), detail=detail)
            print(refusal.message(), file=sys.stderr)
            return EXIT_FAILED
        # Otherwise stdout, most often going to a full disk. What is left unwritten is
        # dropped, so that no "Exception ignored" follows the one sentence at exit.
        _drop_stdout()
        print(KpiError("output.failed", detail=detail).message(), file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # the clerk gets a sentence; the log gets the traceback
        log.exception("command failed")
        print(
            zh_en(
                f"出现意外错误：{error}。数据未被修改。",
                f"Unexpected error: {error}. Nothing was changed.",
            ),
            file=sys.stderr,
        )
        return EXIT_FAILED
