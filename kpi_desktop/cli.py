"""The command line (docs/CLI.md): `kpi-desktop [--db FILE]` opens the window; the
subcommands do the same work without one. Nothing here imports Qt widgets unless the window
is asked for."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence

from kpi_desktop import __version__
from kpi_desktop.domain.errors import KpiError, current_language, os_error_text, zh_en
from kpi_desktop.domain.text import file_label

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2


def _db_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="FILE",
        default=default,
        help=zh_en(
            "数据库文件（不存在时以内置计划新建）",
            "the database file (created with the built-in plan if missing)",
        ),
    )


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


def _command(module: str) -> Callable[[argparse.Namespace], int]:
    """The handler of a subcommand: `run(args)` of kpi_desktop.commands.<module>, imported
    only when that command is used so that each command loads just what it needs."""

    def handler(args: argparse.Namespace) -> int:
        try:
            loaded = importlib.import_module(f"kpi_desktop.commands.{module}")
        except ModuleNotFoundError as missing:
            if missing.name != f"kpi_desktop.commands.{module}":
                raise
            error = KpiError("command.not_ready", command=args.command)
            error.exit_status = EXIT_FAILED
            raise error from missing
        result: int = loaded.run(args)
        return result

    return handler


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpi-desktop",
        description=zh_en("政府工作报告重点工作量化指标跟踪", "Work-report target tracking"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kpi-desktop {__version__}",
        help=zh_en("显示版本号并退出", "show the program's version and exit"),
    )
    _db_option(parser, default=None)
    parser.set_defaults(handler=_command_window)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    dump = commands.add_parser(
        "dump", help=zh_en("以 JSON 输出数据库", "print the database as JSON")
    )
    _db_option(dump, default=argparse.SUPPRESS)
    dump.set_defaults(handler=_command("dump"))

    imp = commands.add_parser("import", help=zh_en("导入报送表", "import returned spreadsheets"))
    _db_option(imp, default=argparse.SUPPRESS)
    imp.add_argument(
        "--period",
        metavar="P",
        help=zh_en(
            "期间（如 2024H1），仅用于文件中没有写明期间时",
            "the period (e.g. 2024H1), only for files that name none",
        ),
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=zh_en("只显示将导入的内容，不作修改", "show what would be imported, change nothing"),
    )
    imp.add_argument(
        "returns",
        nargs="+",
        metavar="RETURN",
        help=zh_en("报送表文件（.xlsx 或 .xls）", "returned spreadsheets (.xlsx or .xls)"),
    )
    imp.set_defaults(handler=_command("import_returns"))

    new_plan = commands.add_parser(
        "new-plan", help=zh_en("由正式表格建立新年度计划", "create a year's plan from a table")
    )
    _db_option(new_plan, default=argparse.SUPPRESS)
    new_plan.add_argument(
        "--year",
        type=int,
        metavar="YEAR",
        help=zh_en(
            "计划年度（表格标题中没有写明时）",
            "the plan's year (where the table's title names none)",
        ),
    )
    new_plan.add_argument(
        "table",
        metavar="TABLE",
        help=zh_en(
            "正式表格（序号、重点工作、牵头单位）", "the official table (序号, 重点工作, 牵头单位)"
        ),
    )
    new_plan.set_defaults(handler=_command("new_plan"))

    for name, helptext in (
        ("export-template", zh_en("导出报送模板", "export a template for the units")),
        ("export-summary", zh_en("导出汇总表", "export the summary table")),
    ):
        sub = commands.add_parser(name, help=helptext)
        _db_option(sub, default=argparse.SUPPRESS)
        sub.add_argument(
            "--period",
            metavar="P",
            required=True,
            help=zh_en(
                "期间：2024Q1 一季度、2024H1 上半年、2024Q3 前三季度、2024Y 全年",
                "the period: 2024Q1, 2024H1, 2024Q3 (Jan–Sep) or 2024Y",
            ),
        )
        sub.add_argument(
            "--unit",
            metavar="NAME",
            help=zh_en(
                "只含该牵头单位的指标（含共同牵头的）",
                "only this lead unit's rows (shared ones too)",
            ),
        )
        if name == "export-summary":
            sub.add_argument(
                "--with-problems",
                action="store_true",
                help=zh_en("加印存在问题、下步打算两列", "add problems and next steps columns"),
            )
            sub.add_argument(
                "--with-status",
                action="store_true",
                help=zh_en("加印进度状态列", "add a status column"),
            )
            sub.add_argument(
                "--with-instructions",
                action="store_true",
                help=zh_en(
                    "加印领导批示列（批示领导、日期、内容、落实情况）",
                    "add a column of leadership instructions (who, when, what, followed up)",
                ),
            )
            sub.add_argument(
                "--with-notes",
                action="store_true",
                help=zh_en(
                    "加印备注列（经办人自己的备注，默认不印）",
                    "add a column of the clerk's own notes (not printed by default)",
                ),
            )
            sub.add_argument(
                "--portrait",
                action="store_true",
                help=zh_en("纵向打印（默认横向）", "portrait pages (landscape by default)"),
            )
            sub.add_argument(
                "--font-size",
                metavar="SIZE",
                help=zh_en(
                    "表格文字字号（PDF、Word）：小四（默认）、四号、五号等，或磅值如 12",
                    "the table's type size (PDF, Word): 小四 (default), 四号, 五号…, or points",
                ),
            )
            sub.add_argument(
                "--compact",
                action="store_true",
                help=zh_en(
                    "PDF 用窄页边距的紧凑版式（默认按 GB/T 9704 公文版式）",
                    "PDF with the compact narrow margins (GB/T 9704 pages by default)",
                ),
            )
        sub.add_argument(
            "-o",
            "--output",
            metavar="OUT",
            required=True,
            help=zh_en(
                "输出文件（.xlsx；汇总表也可 .pdf 或 Word .docx）",
                "the file to write (.xlsx; .pdf or Word .docx for the summary)",
            ),
        )
        sub.set_defaults(handler=_command(name.replace("-", "_")))
    _bulletin_parser(commands)
    _check_parsers(commands)
    _notes_parsers(commands)
    return parser


def _period_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--period",
        metavar="P",
        required=True,
        help=zh_en("期间，如 2024Q1、2024H1", "the period, e.g. 2024Q1 or 2024H1"),
    )


def _check_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help=zh_en(
            "打印前检查数据（有问题时退出码为 1）",
            "check the data before printing (exit status 1 when something is found)",
        ),
    )
    _db_option(check, default=argparse.SUPPRESS)
    _period_option(check)
    check.set_defaults(handler=_command("check"))

    assess = commands.add_parser(
        "assess", help=zh_en("导出各牵头单位考核表", "export each lead unit's assessment")
    )
    _db_option(assess, default=argparse.SUPPRESS)
    _period_option(assess)
    assess.add_argument(
        "--due",
        metavar="YYYY-MM-DD",
        help=zh_en(
            "报送截止日期（不填则不计逾期）",
            "the day returns were due (without it nothing counts as late)",
        ),
    )
    assess.add_argument(
        "--rules",
        metavar="RULES.toml",
        help=zh_en(
            "本单位的评分规则（TOML，如 per_late_day = 1），默认见说明",
            "the office's scoring rules (TOML, e.g. per_late_day = 1); defaults documented",
        ),
    )
    assess.add_argument(
        "--on",
        metavar="YYYY-MM-DD",
        help=zh_en(
            "统计日期，未报送单位逾期天数算至此日（默认今天）",
            "the day of the table; missing returns are overdue to it (today by default)",
        ),
    )
    assess.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help=zh_en("输出文件（.xlsx 或 .pdf）", "the file to write (.xlsx or .pdf)"),
    )
    assess.set_defaults(handler=_command("assess"))


def _notes_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    note = commands.add_parser(
        "note", help=zh_en("记下本人对某项指标的备注", "keep your own note on an indicator")
    )
    instruct = commands.add_parser(
        "instruct", help=zh_en("记录领导批示", "record a leadership instruction (领导批示)")
    )
    for sub in (note, instruct):
        _db_option(sub, default=argparse.SUPPRESS)
        _period_option(sub)
        sub.add_argument(
            "--seq",
            metavar="N",
            type=int,
            required=True,
            help=zh_en("指标序号", "the indicator's 序号"),
        )
        sub.add_argument("--text", metavar="TEXT", required=True, help=zh_en("内容", "the words"))
        sub.set_defaults(handler=_command("notes"))
    instruct.add_argument("--by", metavar="WHO", required=True, help=zh_en("批示领导", "who"))
    instruct.add_argument(
        "--date", metavar="YYYY-MM-DD", required=True, help=zh_en("批示日期", "the day")
    )
    instruct.add_argument(
        "--follow-up",
        metavar="STATE",
        default="待落实",
        help=zh_en(
            "落实情况：待落实（默认）、跟进中、已落实", "待落实 (default), 跟进中 or 已落实"
        ),
    )


def _bulletin_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bulletin = commands.add_parser(
        "bulletin", help=zh_en("生成通报草稿（Word）", "write a bulletin (通报) draft in Word")
    )
    _db_option(bulletin, default=argparse.SUPPRESS)
    bulletin.add_argument(
        "--period",
        metavar="P",
        required=True,
        help=zh_en("期间，如 2024Q1、2024H1", "the period, e.g. 2024Q1 or 2024H1"),
    )
    bulletin.add_argument(
        "--template",
        metavar="TEMPLATE",
        help=zh_en(
            "自己的通报模板（UTF-8 文本，默认用内置模板）",
            "your own bulletin template (UTF-8 text; the built-in one by default)",
        ),
    )
    bulletin.add_argument(
        "--due",
        metavar="YYYY-MM-DD",
        help=zh_en(
            "报送截止日期，此后才报送的单位列为逾期",
            "the day returns were due; units that returned later are listed as late",
        ),
    )
    bulletin.add_argument(
        "-o",
        "--output",
        metavar="OUT.docx",
        required=True,
        help=zh_en("输出的 Word 文件（.docx）", "the Word file to write (.docx)"),
    )
    bulletin.set_defaults(handler=_command("bulletin"))


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
    from kpi_desktop.services.logs import configure_logging

    with _argparse_language():
        parser = build_parser()
        args = parser.parse_args(argv)
    if args.handler is not _command_window:
        configure_logging()  # the window does it once it is on screen
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
