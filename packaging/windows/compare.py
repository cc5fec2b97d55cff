"""Compare an output of the Windows program (run under Wine) with the same command run from the
checkout on Linux; used by packaging/test_windows.sh, one comparison per call:

    python compare.py dump WINDOWS.json LINUX.json     the dump, apart from its timestamps
    python compare.py xlsx WINDOWS.xlsx LINUX.xlsx     every sheet cell by cell
    python compare.py pdf WINDOWS.pdf LINUX.pdf        the text of every page, page by page
    python compare.py text WINDOWS.txt LINUX.txt       the printed lines, line endings aside
    python compare.py startup REPORT.txt VERSION       the window's startup report (JSON line)

Prints one line saying what matched or where the two first differ; exits 1 on a difference.
Needs the project's test extra (openpyxl, pypdf).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

CJK = re.compile(r"[\u4e00-\u9fff]")


def without_times(value: Any) -> Any:
    """The dump without its timestamps, which differ between two runs."""
    if isinstance(value, dict):
        return {k: without_times(v) for k, v in value.items() if not k.endswith("_at")}
    if isinstance(value, list):
        return [without_times(item) for item in value]
    return value


def first_difference(left: list[Any], right: list[Any]) -> str:
    for index, (a, b) in enumerate(zip(left, right, strict=False)):
        if a != b:
            return f"item {index + 1}: {a!r} != {b!r}"
    return f"{len(left)} items != {len(right)} items"


def dump(windows: Path, linux: Path) -> tuple[bool, str]:
    a = json.loads(windows.read_text(encoding="utf-8"))
    b = json.loads(linux.read_text(encoding="utf-8"))
    indicators = sum(len(plan.get("indicators", [])) for plan in a.get("plans", []))
    if without_times(a) != without_times(b):
        return False, "the dumps differ apart from their timestamps"
    return True, f"same as on Linux apart from timestamps ({indicators} indicators)"


def xlsx(windows: Path, linux: Path) -> tuple[bool, str]:
    import openpyxl

    def cells(path: Path) -> list[tuple[str, int, int, Any]]:
        book = openpyxl.load_workbook(path)
        return [
            (sheet.title, cell.row, cell.column, cell.value)
            for sheet in book
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]

    a, b = cells(windows), cells(linux)
    if a != b:
        return False, "cells differ, " + first_difference(a, b)
    return True, f"{len(a)} filled cells, the same as on Linux"


def pdf(windows: Path, linux: Path) -> tuple[bool, str]:
    from pypdf import PdfReader

    def pages(path: Path) -> list[str]:
        # A gap between words comes out as a space or a tab, after the font's metrics (the
        # Windows program draws with the fonts Wine offers): compare them as one space.
        return [re.sub(r"[ \t]+", " ", page.extract_text()) for page in PdfReader(path).pages]

    a, b = pages(windows), pages(linux)
    if not a or not CJK.search("".join(a)):
        return False, f"{len(a)} pages without Chinese text"
    if a != b:
        return False, "pages differ, " + first_difference(a, b)
    return True, f"{len(a)} pages, the text of each the same as on Linux (gaps aside)"


def text(windows: Path, linux: Path) -> tuple[bool, str]:
    a = windows.read_text(encoding="utf-8").replace("\r\n", "\n").strip().splitlines()
    b = linux.read_text(encoding="utf-8").replace("\r\n", "\n").strip().splitlines()
    if not a:
        return False, "no output"
    if a != b:
        return False, "lines differ, " + first_difference(a, b)
    return True, f"{len(a)} lines, the same as on Linux"


def startup(report: Path, version: str) -> tuple[bool, str]:
    lines = [line for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        found = json.loads(lines[-1])
    except (IndexError, ValueError):
        return False, "no startup report on the last line"
    problems = []
    if found.get("version") != version:
        problems.append(f"version {found.get('version')!r}")
    menus = found.get("menus") or []
    if not menus or not all(CJK.search(menu) for menu in menus):
        problems.append(f"menus {menus!r}")
    if found.get("qt_cancel") != "取消":
        problems.append(f"Qt's Cancel is {found.get('qt_cancel')!r}")
    if str(found.get("charts", "error")).startswith("error"):
        problems.append(f"charts {found.get('charts')!r}")
    if found.get("platform") != "windows":
        problems.append(f"platform {found.get('platform')!r}")
    if problems:
        return False, "; ".join(problems)
    return True, (
        f"menus {' '.join(menus)}, Qt's 取消, pyqtgraph {found['charts']} drew a plot, "
        f"icon sizes {found.get('application_icon_sizes')}"
    )


KINDS = {"dump": dump, "xlsx": xlsx, "pdf": pdf, "text": text}


def main(argv: list[str]) -> int:
    kind, first, second = argv
    try:
        if kind == "startup":
            same, said = startup(Path(first), second)
        else:
            same, said = KINDS[kind](Path(first), Path(second))
    except Exception as error:  # one line for the report, whatever went wrong
        same, said = False, f"could not compare: {error!r}"
    print(said)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
