"""Mutated workbooks: whatever the bytes, the importer answers with its own error type only."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from excel_support import FIXTURES, H1, fill_template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.text import clean_text
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import preview_import
from kpi_desktop.services.returns import read_return

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def filled(database: Any, tmp_path: Path) -> bytes:
    with database.read() as session:
        template = export_template(session, H1, tmp_path / "t.xlsx", "区商务局").path
    return fill_template(template, tmp_path / "f.xlsx", {3: "甲", 14: "=乙"}).read_bytes()


def _check(database: Any, path: Path) -> None:
    try:
        read_return(path)
    except KpiError as error:
        assert error.message()  # the message formats: every parameter it names is there
    with database.read() as session:
        preview = preview_import(session, [path])
    for error in preview.errors():
        assert str(path) in error.message()


@FUZZ
@given(
    edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
    cut=st.one_of(st.none(), st.integers(0, 10**6)),
)
def test_byte_mutations(
    database: Any, tmp_path: Path, filled: bytes, edits: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(filled)
    for position, value in edits:
        data[position % len(data)] = value
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    path = tmp_path / "mutated.xlsx"
    path.write_bytes(bytes(data))
    _check(database, path)


@FUZZ
@given(
    member=st.integers(0, 100),
    start=st.integers(0, 10**5),
    length=st.integers(0, 200),
    insert=st.one_of(
        st.binary(max_size=40),
        st.sampled_from(
            [
                b"<",
                b"</row>",
                b'<c r="A1" t="s"><v>999</v></c>',
                b"&lol;",
                b'<!DOCTYPE a [<!ENTITY b "c">]>',
            ]
        ),
    ),
)
def test_member_mutations(
    database: Any,
    tmp_path: Path,
    filled: bytes,
    member: int,
    start: int,
    length: int,
    insert: bytes,
) -> None:
    source = zipfile.ZipFile(io.BytesIO(filled))
    names = source.namelist()
    target = names[member % len(names)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            content = source.read(name)
            if name == target:
                at = start % (len(content) + 1)
                content = content[:at] + insert + content[at + length :]
            out.writestr(name, content)
    path = tmp_path / "mutated.xlsx"
    path.write_bytes(buffer.getvalue())
    _check(database, path)


@FUZZ
@given(
    edits=st.lists(st.tuples(st.integers(0, 10**5), st.integers(0, 255)), min_size=1, max_size=6)
)
def test_xls_byte_mutations(database: Any, tmp_path: Path, edits: list[tuple[int, int]]) -> None:
    data = bytearray((FIXTURES / "returns-libreoffice.xls").read_bytes())
    for position, value in edits:
        data[512 + position % (len(data) - 512)] = value
    path = tmp_path / "mutated.xls"
    path.write_bytes(bytes(data))
    _check(database, path)


def _rewrite_sheet(filled: bytes, edit: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(filled))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = edit(content)
            out.writestr(name, content)
    return buffer.getvalue()


REFS = st.from_regex(r"[A-Z]{1,3}[1-9][0-9]{0,6}(:[A-Z]{1,3}[1-9][0-9]{0,6})?", fullmatch=True)


@FUZZ
@given(ref=REFS)
def test_dimension_tag_mutations_lose_no_row(
    database: Any, tmp_path: Path, filled: bytes, ref: str
) -> None:
    original = tmp_path / "original.xlsx"
    original.write_bytes(filled)
    mutated = tmp_path / "dimension.xlsx"
    mutated.write_bytes(
        _rewrite_sheet(
            filled,
            lambda d: re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), d),
        )
    )
    assert read_return(mutated).rows == read_return(original).rows


@FUZZ
@given(
    merges=st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 9), st.integers(0, 4), st.integers(0, 3)),
        max_size=8,
    ),
    escapes=st.lists(st.integers(0, 0xFFFF), max_size=4),
    formula=st.sampled_from(["none", "cached", "uncached"]),
)
def test_merge_escape_and_formula_mutations(
    database: Any,
    tmp_path: Path,
    filled: bytes,
    merges: list[tuple[int, int, int, int]],
    escapes: list[int],
    formula: str,
) -> None:
    def edit(data: bytes) -> bytes:
        if escapes:
            text = "".join(f"_x{code:04X}_" for code in escapes).encode()
            data = data.replace("甲".encode(), "甲".encode() + text, 1)
        if formula != "none":
            value = b"<v>\xe4\xb8\x99</v>" if formula == "cached" else b""
            data = re.sub(
                rb'<c r="E5"[^>]*?(/>|>.*?</c>)',
                b'<c r="E5" t="str"><f>"\xe4\xb8\x99"</f>' + value + b"</c>",
                data,
                count=1,
                flags=re.S,
            )
        if merges:
            refs = b"".join(
                f'<mergeCell ref="{_ref(r, c)}:{_ref(r + h, c + w)}"/>'.encode()
                for r, c, h, w in merges
            )
            data = data.replace(
                b"</sheetData>", b"</sheetData><mergeCells>" + refs + b"</mergeCells>", 1
            )
        return data

    path = tmp_path / "mutated.xlsx"
    path.write_bytes(_rewrite_sheet(filled, edit))
    _check(database, path)
    try:
        table = read_return(path)
    except KpiError:
        return
    for row in table.rows:
        for text in (row.text, row.units, row.progress, row.status, row.problems, row.next_steps):
            assert clean_text(text) == text  # nothing a worksheet cannot hold
    fourteen = [r for r in table.data_rows() if r.seq == 14 and r.row == 5]
    if formula == "uncached" and fourteen:
        with database.read() as session:
            preview = preview_import(session, [path])
        assert any(e.code == "return.formula_no_value" for e in preview.errors())


def _ref(row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"
