"""Mutated workbooks: whatever the bytes, the importer answers with its own error type only."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from excel_support import FIXTURES, H1, fill_template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_desktop.domain.errors import KpiError
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
