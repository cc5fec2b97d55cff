"""The command line's grammar: every subcommand, its options and help, in the clerk's
language. Each subcommand's handler imports its module of kpi_desktop.commands only when
that command runs, so that a command loads just what it needs (docs/CLI.md).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from kpi_desktop import __version__
from kpi_desktop.domain.errors import KpiError, zh_en

Handler = Callable[[argparse.Namespace], int]
EXIT_FAILED = 1


def db_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="FILE",
        default=default,
        help=zh_en(
            "数据库文件（不存在时以内置计划新建）",
            "the database file (created with the built-in plan if missing)",
        ),
    )


def command_handler(module: str) -> Handler:
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


def build_parser(window: Handler) -> argparse.ArgumentParser:
    """The whole command line; `window` handles the bare command (the main window)."""
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
    db_option(parser, default=None)
    parser.set_defaults(handler=window)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    dump = commands.add_parser(
        "dump", help=zh_en("以 JSON 输出数据库", "print the database as JSON")
    )
    db_option(dump, default=argparse.SUPPRESS)
    dump.set_defaults(handler=command_handler("dump"))

    imp = commands.add_parser("import", help=zh_en("导入报送表", "import returned spreadsheets"))
    db_option(imp, default=argparse.SUPPRESS)
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
        "--columns",
        metavar="ROLE=COL,...",
        help=zh_en(
            "手动指定各列（表头认不出时），如 重点工作=B,牵头单位=C,进展=E；表头=3 指定表头行",
            "assign the columns by hand (where the header is not recognised), e.g. "
            "重点工作=B,牵头单位=C,进展=E; 表头=3 gives the header row",
        ),
    )
    imp.add_argument(
        "returns",
        nargs="+",
        metavar="RETURN",
        help=zh_en("报送表文件（.xlsx 或 .xls）", "returned spreadsheets (.xlsx or .xls)"),
    )
    imp.set_defaults(handler=command_handler("import_returns"))

    new_plan = commands.add_parser(
        "new-plan", help=zh_en("由正式表格建立新年度计划", "create a year's plan from a table")
    )
    db_option(new_plan, default=argparse.SUPPRESS)
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
        "--columns",
        metavar="ROLE=COL,...",
        help=zh_en(
            "手动指定各列（表头认不出时），如 重点工作=B,牵头单位=C,进展=E；表头=3 指定表头行",
            "assign the columns by hand (where the header is not recognised), e.g. "
            "重点工作=B,牵头单位=C,进展=E; 表头=3 gives the header row",
        ),
    )
    new_plan.add_argument(
        "--level",
        choices=["区级", "县级", "市级", "省级"],
        help=zh_en(
            "表格同时列出两级牵头单位时，取哪一级作为计划的牵头单位（默认取区县一级）",
            "where the table names lead units at two levels, which the plan takes "
            "(the district's by default)",
        ),
    )
    new_plan.add_argument(
        "--region",
        metavar="NAME",
        help=zh_en(
            "计划所属地区，如 苍南县（默认取表格标题中的地区）",
            "the plan's region, e.g. 苍南县 (by default the region the table's title names)",
        ),
    )
    new_plan.add_argument(
        "--title",
        metavar="TEXT",
        help=zh_en(
            "计划标题（默认取表格的标题）",
            "the plan's title (by default the table's own title)",
        ),
    )
    new_plan.add_argument(
        "table",
        metavar="TABLE",
        help=zh_en(
            "正式表格（序号、重点工作、牵头单位）", "the official table (序号, 重点工作, 牵头单位)"
        ),
    )
    new_plan.set_defaults(handler=command_handler("new_plan"))

    for name, helptext in (
        ("export-template", zh_en("导出报送模板", "export a template for the units")),
        ("export-summary", zh_en("导出汇总表", "export the summary table")),
    ):
        sub = commands.add_parser(name, help=helptext)
        db_option(sub, default=argparse.SUPPRESS)
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
        sub.set_defaults(handler=command_handler(name.replace("-", "_")))
    _bulletin_parser(commands)
    _check_parsers(commands)
    _notes_parsers(commands)
    _set_parser(commands)
    _calendar_parsers(commands)
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
    db_option(check, default=argparse.SUPPRESS)
    _period_option(check)
    check.set_defaults(handler=command_handler("check"))

    assess = commands.add_parser(
        "assess", help=zh_en("导出各牵头单位考核表", "export each lead unit's assessment")
    )
    db_option(assess, default=argparse.SUPPRESS)
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
    assess.set_defaults(handler=command_handler("assess"))


def _notes_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    note = commands.add_parser(
        "note", help=zh_en("记下本人对某项指标的备注", "keep your own note on an indicator")
    )
    instruct = commands.add_parser(
        "instruct", help=zh_en("记录领导批示", "record a leadership instruction (领导批示)")
    )
    for sub in (note, instruct):
        db_option(sub, default=argparse.SUPPRESS)
        _period_option(sub)
        sub.add_argument(
            "--seq",
            metavar="N",
            type=int,
            required=True,
            help=zh_en("指标序号", "the indicator's 序号"),
        )
        sub.add_argument("--text", metavar="TEXT", required=True, help=zh_en("内容", "the words"))
        sub.set_defaults(handler=command_handler("notes"))
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
    db_option(bulletin, default=argparse.SUPPRESS)
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
    bulletin.set_defaults(handler=command_handler("bulletin"))


def _set_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    setter = commands.add_parser(
        "set",
        help=zh_en(
            "修改一项指标的进展情况（可要求原文一致）",
            "set one indicator's progress text (optionally only over a given text)",
        ),
    )
    setter.add_argument(
        "--db",
        metavar="FILE|URL",
        default=argparse.SUPPRESS,
        help=zh_en(
            "数据库文件或共享数据库地址 postgresql://用户@服务器/库名",
            "the database file, or a shared database postgresql://USER@HOST/DBNAME",
        ),
    )
    _period_option(setter)
    setter.add_argument(
        "--seq", metavar="N", type=int, required=True, help=zh_en("指标序号", "the 序号")
    )
    setter.add_argument(
        "--text", metavar="TEXT", required=True, help=zh_en("新的进展情况", "the new text")
    )
    setter.add_argument(
        "--expect",
        metavar="OLD_TEXT",
        help=zh_en(
            "只有现存文字正好是它时才修改（否则退出码 2，不作改动）",
            "change only if the stored text is exactly this (exit 2 and no change otherwise)",
        ),
    )
    setter.set_defaults(handler=command_handler("set_text"))


def _calendar_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The quarter's calendar: due dates, closing and reopening a period, chase rounds."""
    close = commands.add_parser(
        "close", help=zh_en("定稿：该期数据不再修改", "close a period: its figures are final")
    )
    db_option(close, default=argparse.SUPPRESS)
    _period_option(close)
    close.set_defaults(handler=command_handler("closing"))
    reopen = commands.add_parser(
        "reopen", help=zh_en("重新打开已定稿的期间", "reopen a closed period")
    )
    db_option(reopen, default=argparse.SUPPRESS)
    _period_option(reopen)
    reopen.add_argument(
        "--reason",
        metavar="TEXT",
        help=zh_en("重新打开的原因（必填，记入修改记录）", "why (required; kept in the log)"),
    )
    reopen.set_defaults(handler=command_handler("closing"))
    due = commands.add_parser("due", help=zh_en("设置报送截止日期", "set the date returns are due"))
    db_option(due, default=argparse.SUPPRESS)
    _period_option(due)
    due.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        required=True,
        help=zh_en("截止日期，如 2024-07-10", "the due date, e.g. 2024-07-10"),
    )
    due.add_argument(
        "--unit",
        metavar="NAME",
        help=zh_en("只为该单位单独设置（例外）", "only this unit's own date (an exception)"),
    )
    due.set_defaults(handler=command_handler("due"))
    chase = commands.add_parser(
        "chase",
        help=zh_en("记录一轮催报并生成催报单", "record a round of chasing, write its notice"),
    )
    db_option(chase, default=argparse.SUPPRESS)
    _period_option(chase)
    chase.add_argument(
        "--on",
        metavar="YYYY-MM-DD",
        help=zh_en("催报日期（默认今天）", "the day of the round (today by default)"),
    )
    chase.add_argument(
        "--how",
        metavar="WAY",
        help=zh_en(
            "催报方式：电话（默认）、短信、政务钉钉/OA、书面通知，或已添加的方式",
            "how: phone (default), sms, oa, notice, or a way added in the window",
        ),
    )
    chase.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help=zh_en("催报单文件：.txt、.csv 或 .pdf", "the notice: .txt, .csv or .pdf"),
    )
    chase.set_defaults(handler=command_handler("chase"))
