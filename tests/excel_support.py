"""Helpers for the Excel round-trip tests: fill templates, build messy returns, compare."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

from kpi_desktop.domain.periods import Period
from kpi_desktop.services.importing import ImportPreview, apply_import, preview_import
from kpi_desktop.services.queries import dump

H1 = Period.parse("2024H1")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def snapshot(db: Any) -> list[str]:
    """The database's whole content as SQL, to prove a refusal changed nothing."""
    connection = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def fill_template(
    path: Path, out: Path, values: dict[int, str], *, status: str = "", column: str = "进展情况"
) -> Path:
    """Type `values` (序号 -> text) into a template's progress column, as a unit would."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["进展情况"]
    header = [str(c.value or "") for c in sheet[3]]
    progress = next(i for i, h in enumerate(header, 1) if h.endswith(column) and "参考" not in h)
    state = header.index("完成状态") + 1
    for row in range(4, sheet.max_row + 1):
        seq = sheet.cell(row, 1).value
        if seq in values:
            sheet.cell(row, progress).value = values[seq]
            sheet.cell(row, progress).data_type = "s"
            if status:
                sheet.cell(row, state).value = status
    workbook.save(out)
    return out


def write_table(
    out: Path,
    rows: Sequence[Sequence[Any]],
    *,
    sheets_before: Iterable[str] = (),
    merges: Iterable[str] = (),
) -> Path:
    """A workbook whose first sheet(s) hold notes and whose next sheet holds `rows`."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    names = list(sheets_before)
    if names:
        first.title = names[0]
        first.append(["填表说明：请在进展情况一栏填写截至期末的累计进展。"])
        for name in names[1:]:
            workbook.create_sheet(name).append(["说明"])
        sheet = workbook.create_sheet("报送表")
    else:
        sheet = first
    for row in rows:
        sheet.append(list(row))
    for merge in merges:
        sheet.merge_cells(merge)
    workbook.save(out)
    return out


def run_import(db: Any, paths: Iterable[Path], period: str | None = None) -> ImportPreview:
    with db.read() as session:
        preview = preview_import(session, list(paths), period)
    assert not preview.errors(), [e.message() for e in preview.errors()]
    apply_import(db, preview)
    return preview


def progress(db: Any, seq: int, period: str = "2024H1", year: int = 2024) -> dict[str, Any]:
    with db.read() as session:
        data = dump(session)
    plan = next(p for p in data["plans"] if p["year"] == year)
    indicator = next(i for i in plan["indicators"] if i["seq"] == seq)
    result: dict[str, Any] = indicator["progress"].get(period, {})
    return result
