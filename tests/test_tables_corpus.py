"""The corpus of other offices' tables (tests/fixtures/tables/) against what a reader takes from
them: the fixture itself, the rows and lead units the reader already gets right, the targets
the parser proposes from every row's text, and the unit's own verdict in every reported row.

How far the program gets on the rest is measured by benchmarks/bench_tables.py, not asserted.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlrd

from kpi_desktop.domain.targets import propose_targets
from kpi_desktop.domain.text import split_units
from kpi_desktop.domain.verdicts import verdict_in_cell, verdict_in_text
from kpi_desktop.services.new_plan import plan_spec_from_table
from kpi_desktop.services.returns import read_return
from kpi_desktop.storage.engine import open_database

CORPUS = Path(__file__).parent / "fixtures" / "tables"
EXPECTATIONS = sorted(CORPUS.glob("*.toml"))


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads((CORPUS / f"{name}.toml").read_text(encoding="utf-8"))


def _cells(path: Path) -> list[str]:
    """Every non-empty cell of the first sheet, read without the program."""
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        return [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    book = xlrd.open_workbook(str(path))
    sheet = book.sheet_by_index(0)
    return [str(v) for r in range(sheet.nrows) for v in sheet.row_values(r) if v != ""]


# --- the fixture ---------------------------------------------------------------------------


def test_the_corpus_holds_thirty_tables_in_both_formats() -> None:
    files = [CORPUS / tomllib.loads(p.read_text(encoding="utf-8"))["file"] for p in EXPECTATIONS]
    assert len(files) >= 30
    assert all(f.is_file() for f in files)
    assert {f.suffix for f in files} == {".xlsx", ".xls"}
    assert sum(f.suffix == ".xls" for f in files) >= 8


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda p: p.stem)
def test_expected_texts_are_in_the_table(expectation: Path) -> None:
    """Each expected text (each part of an item written over rows or columns), progress line
    and lead unit is written in the table: the expectations describe the file they sit beside."""
    expect = tomllib.loads(expectation.read_text(encoding="utf-8"))
    blob = _fold("".join(_cells(CORPUS / expect["file"])))
    missing = []
    for row in expect["rows"]:
        parts = [] if expect.get("text_from_columns") else re.split(r"[\n：]", row["text"])
        parts += [u for unit in row["units"] for u in split_units(unit)]
        for line in row.get("progress", "").split("\n"):
            parts += [p for p in re.split(r"（占全年计划|[（）]", line) if p]
        missing += [(row["seq"], part) for part in parts if _fold(part) not in blob]
    assert not missing


# --- rows and lead units the reader already gets right ----------------------------------------

# table -> the 序号 of the rows whose text and 序号 the reader gives as a careful reader does.
# Only these are asserted; benchmarks/bench_tables.py measures every row of every table.
ROWS_READ = {
    "t09_guobanhan_2016_plan": [str(n) for n in range(1, 11)],
    "t10_lishan_2023_plan": [str(n) for n in range(1, 7)],
    "t14_zhaoqing_2020": ["1", "3", "4"],
    "t15_xuancheng_2020_m11": [str(n) for n in range(1, 7)],
    "t16_xianning_2021_h1": ["1", "2"],
    "t18_guowuyuan_2016_y": [str(n) for n in range(1, 13)],
    "t29_keqiao_2023_q1": ["2", "3"],
}
# table -> rows whose lead units the reader also gets right.
UNITS_READ = {
    "t10_lishan_2023_plan": [str(n) for n in range(1, 7)],
    "t15_xuancheng_2020_m11": [str(n) for n in range(1, 7)],
    "t16_xianning_2021_h1": ["1", "2"],
    "t29_keqiao_2023_q1": ["2", "3"],
}
# table -> rows whose progress text the reader gets right.
PROGRESS_READ = {
    "t14_zhaoqing_2020": ["1", "3", "4"],
    "t16_xianning_2021_h1": ["1"],
    "t29_keqiao_2023_q1": ["2", "3"],
}


def _read(name: str) -> tuple[dict[str, dict[str, Any]], list[Any]]:
    expect = _load(name)
    table = read_return(CORPUS / expect["file"], need_progress=False)
    return {row["seq"]: row for row in expect["rows"]}, list(table.rows)


def _row_read(rows: list[Any], want: dict[str, Any]) -> Any:
    found = [r for r in rows if _fold(r.text) == _fold(want["text"])]
    assert len(found) == 1, (want["seq"], [r.text for r in rows])
    return found[0]


@pytest.mark.parametrize("name", sorted(ROWS_READ))
def test_reader_gives_rows_with_their_text_and_number(name: str) -> None:
    expected, rows = _read(name)
    for seq in ROWS_READ[name]:
        row = _row_read(rows, expected[seq])
        assert _fold(row.seq_cell) == _fold(seq)


@pytest.mark.parametrize("name", sorted(UNITS_READ))
def test_reader_gives_the_lead_units(name: str) -> None:
    expected, rows = _read(name)
    for seq in UNITS_READ[name]:
        row = _row_read(rows, expected[seq])
        assert split_units(row.units) == expected[seq]["units"], seq


@pytest.mark.parametrize("name", sorted(PROGRESS_READ))
def test_reader_gives_the_progress(name: str) -> None:
    expected, rows = _read(name)
    for seq in PROGRESS_READ[name]:
        row = _row_read(rows, expected[seq])
        assert _fold(row.progress) == _fold(expected[seq]["progress"]), seq


def test_plan_from_a_table_with_its_own_lead_and_cooperating_units(tmp_path: Path) -> None:
    """立山区: 牵头单位 leads, the 责任单位 beside it only cooperates."""
    expect = _load("t10_lishan_2023_plan")
    database = open_database(tmp_path / "empty.sqlite", fill_new=lambda session: None)
    try:
        with database.read() as session:
            spec = plan_spec_from_table(session, CORPUS / expect["file"], expect["year"])
    finally:
        database.close()
    got = [(str(i.seq), i.text, list(i.lead_units)) for i in spec.indicators]
    assert got == [(r["seq"], r["text"], r["units"]) for r in expect["rows"]]


# --- targets proposed from every row's text ---------------------------------------------------


def _rows_of_the_corpus() -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for path in EXPECTATIONS:
        expect = tomllib.loads(path.read_text(encoding="utf-8"))
        rows += [(f"{path.stem}[{row['seq']}]", row) for row in expect["rows"]]
    return rows


@pytest.mark.parametrize(("where", "row"), _rows_of_the_corpus(), ids=lambda v: str(v)[:40])
def test_targets_of_every_row(where: str, row: dict[str, Any]) -> None:
    """Each row's targets in order: kind, value, unit, the words naming it and, for a level
    raised from a stated value, that base. A row with nothing checkable gets only the parser's
    request to enter the targets by hand."""
    proposed = propose_targets(row["text"])
    if not row["targets"]:
        assert [(t.kind, t.certain) for t in proposed] == [("qualitative", False)], where
        return
    got = [(str(t.kind), t.value, t.unit, t.base) for t in proposed]
    want = [(t["kind"], t.get("value"), t.get("unit", ""), t.get("base")) for t in row["targets"]]
    assert got == want, where
    for target, expected in zip(proposed, row["targets"], strict=True):
        assert expected["label"] in target.label, (where, target.label)
        assert target.span and target.span in row["text"]


def _reported_rows() -> list[tuple[str, dict[str, Any]]]:
    return [(w, r) for w, r in _rows_of_the_corpus() if "progress" in r or "status_cell" in r]


@pytest.mark.parametrize(("where", "row"), _reported_rows(), ids=lambda v: str(v)[:40])
def test_the_units_own_verdict_of_every_reported_row(where: str, row: dict[str, Any]) -> None:
    """The verdict a unit states in its status column, else in its text; none where it states
    none (a figure such as "已完成搬迁20612人" is not a verdict)."""
    cell = row.get("status_cell", "")
    verdict = (verdict_in_cell(cell) if cell else None) or verdict_in_text(row.get("progress", ""))
    assert (verdict.value if verdict else None) == row.get("verdict"), where
