"""What an import preview is made of: each file and row, its state and why.

A row of the preview is new, changed (old and new values side by side), unchanged, skipped
(with why) or refused (with a KpiError naming file, sheet, row and what to do). A whole file
can be refused too (not a workbook, cut short, encrypted, no table, no period, another
year). Which rows may be imported, which are chosen by default, and which files refuse the
whole import are decided here, once, for the window and the command line alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from kpi_desktop.domain.errors import KpiError, current_language
from kpi_desktop.domain.fields import RETURNED_FIELDS
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.text import file_label
from kpi_desktop.services.return_rows import ReturnRow, RowKind

FIELDS = RETURNED_FIELDS


class RowState(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    REFUSED = "refused"


# Notices are not refusals: they explain a skipped row or a kept text.
NOTICES: dict[str, tuple[str, str]] = {
    "empty": ("未填写，跳过。", "Nothing filled in; skipped."),
    "duplicate": ("与第 {first} 行完全相同，跳过。", "Same as row {first}; skipped."),
    "other_unit": (
        "该指标不由“{unit}”牵头，跳过。",
        "This indicator is not led by “{unit}”; skipped.",
    ),
    "clerk_text": (
        "该指标的进展文字已由人工修改，保留修改后的文字；本单位报送的内容单独保存。",
        "The clerk edited this indicator's text; it is kept, and the unit's text is stored apart.",
    ),
    "same_as_previous": ("与上期报送内容相同。", "Same text as the previous period."),
    "copy": (
        "与同批导入的文件“{file}”完全相同，只导入一次，本文件跳过。",
        "The same file as “{file}” in this import; read once, this copy skipped.",
    ),
    "header_again": (
        "重复的表头行（表格跨页时留下的），跳过。",
        "The header repeated (where the table crossed a page); skipped.",
    ),
    "heading": (
        "分节标题“{category}”：视为标题或说明文字跳过，并作为下面各行的类别。",
        "The section heading “{category}”: skipped as a heading or note, and kept as the "
        "category of the rows under it.",
    ),
    "joined": (
        "与第 {first} 行是同一项（序号跨行合并，或本行没有序号）："
        "内容已并入第 {first} 行一起导入。",
        "The same item as row {first} (its 序号 merged over rows, or none of its own): taken "
        "in with row {first}.",
    ),
    "note": (
        "没有序号，也没有可对应的重点工作和进展：视为标题或说明文字，跳过。",
        "No 序号 and no indicator text with progress: taken as a heading or a note; skipped.",
    ),
}


@dataclass(frozen=True)
class Notice:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, language: str | None = None) -> str:
        zh, en = NOTICES[self.code]
        return (en if (language or current_language()) == "en" else zh).format(**self.params)


RowKey = tuple[str, str, int]  # (file as given, sheet, row number)


@dataclass
class RowPreview:
    """One row of a returned file and what importing it would do."""

    file: str
    sheet: str
    row: int
    seq: int | None
    state: RowState
    indicator_id: int | None = None
    unit: str | None = None  # the canonical unit it speaks for; None: the indicator as a whole
    unit_id: int | None = None
    shared: bool = False
    old: dict[str, str] = field(default_factory=dict)  # stored values of the fields it changes
    new: dict[str, str] = field(default_factory=dict)  # the values the file gives
    same_as_previous: bool = False
    notices: list[Notice] = field(default_factory=list)
    error: KpiError | None = None
    # Another file's row giving a different text for the same indicator and unit: only one
    # of the two can be imported, and the clerk chooses which.
    conflict: RowPreview | None = None

    @property
    def key(self) -> RowKey:
        return (self.file, self.sheet, self.row)

    @property
    def importable(self) -> bool:
        """Whether importing the row does anything: new and changed rows write values; an
        unchanged row that speaks for a unit records that the unit answered."""
        if self.state in (RowState.NEW, RowState.CHANGED):
            return True
        return self.state is RowState.UNCHANGED and self.unit_id is not None

    def conflict_error(self) -> KpiError | None:
        if self.conflict is None:
            return None
        return KpiError(
            "return.conflict",
            file=self.file,
            sheet=self.sheet,
            row=self.row,
            seq=self.seq,
            unit=self.unit or "—",
            other=self.conflict.file,
        )

    @property
    def changes(self) -> dict[str, tuple[str, str]]:
        """field -> (old, new) for the fields whose value would change."""
        return {
            name: (self.old.get(name, ""), value)
            for name, value in self.new.items()
            if self.old.get(name, "") != value
        }


@dataclass
class FilePreview:
    path: Path
    file: str  # as the clerk named it
    sha256: str | None = None
    kind: str | None = None
    period: str | None = None
    unit: str | None = None
    rows: list[RowPreview] = field(default_factory=list)
    error: KpiError | None = None
    same_as_previous: bool = False
    copy_of: str | None = None  # the same bytes came in an earlier file of the batch
    # The period being worked on, when this file is for an earlier one (last quarter's
    # template filled in again): flagged, not chosen unless the clerk says so.
    earlier_than: str | None = None
    # The month the return's figures are as of where its heading states one short of the
    # period's end (a monthly return "1-11月" filed under 全年); None: the period's end.
    as_of_month: int | None = None

    @property
    def name(self) -> str:
        return file_label(self.path.name)

    def earlier_error(self) -> KpiError | None:
        if self.earlier_than is None or self.period is None:
            return None
        period, working = Period.parse(self.period), Period.parse(self.earlier_than)
        return KpiError(
            "return.earlier_period",
            file=self.file,
            found=period.chinese,
            working=working.chinese,
            code=period.code,
        )

    def errors(self) -> list[KpiError]:
        if self.error is not None:
            return [self.error]
        return [r.error for r in self.rows if r.error is not None]

    @property
    def refused(self) -> bool:
        return bool(self.errors())

    def count(self, state: RowState) -> int:
        return sum(1 for r in self.rows if r.state is state)


@dataclass
class ImportPreview:
    files: list[FilePreview]

    def errors(self) -> list[KpiError]:
        return [e for f in self.files for e in f.errors()]

    @property
    def refused(self) -> bool:
        return any(f.refused for f in self.files)

    def rows(self, *states: RowState) -> list[RowPreview]:
        return [r for f in self.files for r in f.rows if not states or r.state in states]

    def file_of(self, row: RowPreview) -> FilePreview:
        return next(f for f in self.files if f.file == row.file)

    def importable(self, file: FilePreview | None = None) -> list[RowPreview]:
        """The rows that can be chosen (of one file, or of all), in file order."""
        files = [file] if file is not None else self.files
        return [r for f in files if f.error is None for r in f.rows if r.importable]

    def default_selection(self) -> set[RowKey]:
        """What is chosen until the clerk says otherwise: every importable row, except those of
        a file for an earlier period than the one being worked on and rows that conflict with
        another file's (the clerk picks one of the two)."""
        return {
            row.key
            for file in self.files
            if file.earlier_than is None
            for row in self.importable(file)
            if row.conflict is None
        }

    def refusals(self, accept: Iterable[RowKey] | None = None) -> list[KpiError]:
        """Why importing `accept` (None: everything, as the command line does) cannot go ahead:
        refused files and rows, two chosen rows that conflict, and — for everything — a file
        for an earlier period than the one being worked on."""
        errors = self.errors()
        chosen = set(accept) if accept is not None else {r.key for r in self.importable()}
        told: set[RowKey] = set()
        for row in self.importable():
            partner, error = row.conflict, row.conflict_error()
            if partner is None or error is None or partner.key in told:  # once for the pair
                continue
            if row.key in chosen and partner.key in chosen:
                told.add(row.key)
                errors.append(error)
        if accept is None:
            errors += [e for f in self.files if (e := f.earlier_error()) is not None]
        return errors


@dataclass(frozen=True)
class ImportResult:
    backup: Path | None
    written: int  # rows that changed something
    recorded: int  # unchanged rows whose receipt was recorded
    indicator_ids: frozenset[int]


def row_notice(row: ReturnRow) -> Notice:
    """Why a row under the header is not taken as an item of its own."""
    if row.kind is RowKind.JOINED:
        return Notice("joined", {"first": row.joined_to})
    if row.kind is RowKind.HEADER_AGAIN:
        return Notice("header_again")
    if row.heading:
        return Notice("heading", {"category": row.category})
    return Notice("note")
