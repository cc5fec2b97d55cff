"""Importing returned spreadsheets: a preview first, then one transaction for all files.

`preview_import(session, paths, period)` reads every file (services.returns) and matches its
rows to the plan without changing anything. Each row of the preview is new, changed (old and
new values side by side), unchanged, skipped (with why) or refused (with a KpiError naming
file, sheet, row and what to do). A whole file can be refused too (not a workbook, cut short,
encrypted, no table, no period, another year).

`apply_import(database, preview, accept)` writes the accepted rows through services.editing
with `Source(SourceKind.IMPORTED, file=<name>, file_hash=<sha256>, unit=<unit>)`, all files in ONE
transaction, after a backup copy of the database. The command line accepts all or nothing;
the window lets the clerk pick rows.

Matching. A row is matched by its 序号 and its 重点工作 must agree with the indicator's text
after `domain.text.fold` (white space and character width ignored). A row whose text is that
of another indicator is refused, never re-matched silently. A row without 序号 is matched by
its text alone. A template's hidden marker lists each row's text identity, so a row is also
accepted when the plan's text was edited after the template went out.

Which unit a row speaks for. The template's marker names the unit; otherwise a unit name or
alias in the title, then in the file name. Rows of indicators the file's unit does not lead
are skipped (a unit often leaves other units' rows in a copied table). When the file names no
unit, a row speaks for the unit its 牵头单位 cell names, and for the indicator as a whole
when that is not one of the indicator's units.

Shared indicators (two or more lead units). Each unit's text is kept apart in the
`Contribution` table, and the indicator's progress text is the contributions joined with a
line break in lead-unit order — until the clerk edits it. "The clerk edited it" means: the
stored text differs from the join of the stored contributions *and* the latest change-log
entry of that text came from the clerk (source "typed" or "restored"). Her text is then kept,
the contribution is still stored, and the preview says so. For shared indicators the status,
问题 and 打算 are not kept per unit: a non-empty value from a return replaces the stored one.

Every imported row that speaks for a unit also stores that unit's contribution (for
single-unit indicators too): that is what the submissions view counts.

Empty fill-in cells never erase a stored value.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from kpi_desktop.domain.errors import KpiError, current_language
from kpi_desktop.domain.fields import CLERK_SOURCES, RETURNED_FIELDS, SourceKind
from kpi_desktop.domain.periods import Period, PeriodError, PeriodKind
from kpi_desktop.domain.status import STATUS_CHOICES, Status
from kpi_desktop.domain.text import CELL_CHARACTERS, file_label, fold, short, split_units
from kpi_desktop.services import editing
from kpi_desktop.services.plans import UnitDirectory
from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.services.returns import (
    COLUMN_LABELS,
    DEFAULT_LIMITS,
    Limits,
    ReturnRow,
    ReturnTable,
    RowKind,
    identity_hash,
    read_return,
)
from kpi_desktop.services.tracking import working_period
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.backup import make_backup
from kpi_desktop.storage.engine import Database
from kpi_desktop.storage.models import (
    ChangeLog,
    Contribution,
    IndicatorUnit,
    LeadUnit,
    Plan,
    Progress,
)

log = logging.getLogger(__name__)

FIELDS = RETURNED_FIELDS
JOINER = "\n"


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


# ---------------------------------------------------------------------------------------------
# The plan as import needs it


class _PlanContext:
    """One plan's indicators, texts, units and the stored values of one period."""

    def __init__(self, session: Session, plan: Plan, period: Period) -> None:
        self.session = session
        self.plan = plan
        self.period = period
        self.previous = period.previous()
        self.views = {v.seq: v for v in indicator_views(session, plan)}
        self.by_text: dict[str, int] = {}
        for view in self.views.values():
            self.by_text.setdefault(fold(view.text), view.seq)
        self.units = UnitDirectory(session)
        codes = [period.code] + ([self.previous.code] if self.previous else [])
        entries = {
            e.id: e for v in self.views.values() for code, e in v.progress.items() if code in codes
        }
        self.contributions: dict[tuple[int, str, int], str] = {}  # (indicator, period, unit)
        if entries:
            for c in session.exec(
                select(Contribution).where(col(Contribution.progress_id).in_(list(entries)))
            ):
                entry = entries[c.progress_id]
                self.contributions[(entry.indicator_id, entry.period, c.unit_id)] = c.text
        self.names = sorted(self.units.names(), key=len, reverse=True)
        self.working = Period.parse(working_period(list(self.views.values()), plan.year))

    def unit_named_in(self, text: str) -> LeadUnit | None:
        """The one unit whose name or alias appears in `text` (longest names first)."""
        folded = fold(text)
        found: dict[int, LeadUnit] = {}
        for name in self.names:
            if name and fold(name) in folded:
                unit = self.units.get(name)
                if unit is not None and unit.id is not None:
                    found.setdefault(unit.id, unit)
                    folded = folded.replace(fold(name), "")
        return next(iter(found.values())) if len(found) == 1 else None


def clerk_edited(session: Session, entry: Progress | None, joined_before: str) -> bool:
    """Whether the clerk changed an indicator's text away from its units' contributions."""
    if entry is None or entry.id is None or entry.text == joined_before:
        return False
    latest = session.exec(
        select(ChangeLog)
        .where(
            ChangeLog.entity == "progress",
            ChangeLog.entity_id == entry.id,
            ChangeLog.field_name == "text",
        )
        .order_by(col(ChangeLog.at).desc(), col(ChangeLog.id).desc())
    ).first()
    return latest is not None and latest.source in CLERK_SOURCES


def joined_text(unit_order: Sequence[int], texts: dict[int, str]) -> str:
    """The contributions (unit id -> text) in the order the indicator lists its units."""
    ordered: list[str] = []
    seen: set[int] = set()
    for unit_id in unit_order:
        if unit_id in seen:
            continue
        seen.add(unit_id)
        text = texts.get(unit_id, "")
        if text:
            ordered.append(text)
    return JOINER.join(ordered)


# ---------------------------------------------------------------------------------------------
# Preview


def _named_period_kind(table: ReturnTable) -> PeriodKind | None:
    """The period the file itself names: its template marker, else its header or title."""
    marker = table.marker
    if marker is not None and marker.period:
        try:
            return Period.parse(marker.period).kind
        except PeriodError:
            pass
    return table.period_kind


def _check_marker(table: ReturnTable, file: str) -> None:
    """A template reused for another period keeps its old hidden marker while the unit
    retypes the title or the header: when the two disagree, neither can be trusted."""
    marker = table.marker
    if marker is None or not marker.period or table.period_kind is None:
        return
    try:
        marked = Period.parse(marker.period)
    except PeriodError:
        return
    if marked.kind is not table.period_kind:
        raise KpiError(
            "return.marker_conflict",
            file=file,
            visible=Period.of(marked.year, table.period_kind).chinese,
            marked=marked.chinese,
            code=marked.code,
        )


def _resolve_period(
    session: Session, table: ReturnTable, given: Period | None, file: str
) -> tuple[Period, Plan]:
    _check_marker(table, file)
    marker = table.marker
    file_year = (marker.year if marker else None) or table.year
    if given is not None:
        named = _named_period_kind(table)
        if named is not None and named is not given.kind:
            # --period is for a file that names no period; it never relabels a quarter's
            # return as another quarter's, which would overwrite that quarter's progress.
            raise KpiError(
                "return.period_conflict",
                file=file,
                found=Period.of(given.year, named).chinese,
                given=given.code,
            )
    period = given
    if period is None and marker is not None and marker.period:
        try:
            period = Period.parse(marker.period)
        except PeriodError:
            period = None
    if period is None and table.period_kind is not None:
        year = file_year
        if year is None:
            held = {p.year for p in plans(session)}
            year = held.pop() if len(held) == 1 else None
        if year is not None:
            period = Period.of(year, table.period_kind)
    if period is None:
        raise KpiError("return.no_period", file=file)
    known = {p.year: p for p in plans(session)}
    years = "、".join(str(y) for y in sorted(known)) or "—"
    if file_year is not None and file_year != period.year:
        raise KpiError("return.other_year", file=file, year=file_year, years=years)
    if period.year not in known:
        raise KpiError("return.other_year", file=file, year=period.year, years=years)
    return period, known[period.year]


def _row_error(code: str, file: str, row: ReturnRow, **params: Any) -> KpiError:
    return KpiError(code, file=file, sheet=row.sheet, row=row.row, **params)


def _match(
    context: _PlanContext, table: ReturnTable, row: ReturnRow, file: str
) -> IndicatorView | KpiError:
    folded = fold(row.text)
    seq = row.seq
    if seq is None:
        if row.seq_cell:
            return _row_error("return.seq_bad", file, row, cell=row.seq_cell)
        if folded in context.by_text:
            return context.views[context.by_text[folded]]
        return _row_error("return.no_match", file, row)
    view = context.views.get(seq)
    if view is None:
        return _row_error("return.seq_unknown", file, row, seq=seq, year=context.plan.year)
    if folded == fold(view.text):
        return view
    marker = table.marker
    if (
        marker is not None
        and seq in marker.rows
        and (not folded or marker.rows[seq] == identity_hash(row.text))
    ):
        return view  # the template's own row; the plan's wording changed since
    other = context.by_text.get(folded)
    if other is not None and other != seq:
        return _row_error("return.text_of_other", file, row, seq=seq, other=other)
    return _row_error("return.text_mismatch", file, row, seq=seq, expected=short(view.text, 40))


def _new_values(row: ReturnRow) -> dict[str, str]:
    values = {
        "text": row.progress.strip(),
        "status": "",
        "problems": row.problems.strip(),
        "next_steps": row.next_steps.strip(),
    }
    if row.status.strip():
        status = Status.from_text(row.status)
        values["status"] = status.value if status is not None else ""
    return {name: value for name, value in values.items() if value}


def _row_unit(
    context: _PlanContext, view: IndicatorView, row: ReturnRow, file_unit: LeadUnit | None
) -> tuple[LeadUnit | None, bool]:
    """(the unit the row speaks for, whether the row belongs to the file's unit at all)."""
    ids = {link.unit_id for link in view.units}
    if file_unit is not None:
        return (file_unit, True) if file_unit.id in ids else (None, False)
    if len(ids) == 1:
        return context.session.get(LeadUnit, next(iter(ids))), True
    named = {u.id: u for u in map(context.units.get, split_units(row.units)) if u is not None}
    inside = [u for uid, u in named.items() if uid in ids]
    return (inside[0] if len(inside) == 1 else None), True


def _preview_row(
    context: _PlanContext,
    table: ReturnTable,
    row: ReturnRow,
    file: str,
    file_unit: LeadUnit | None,
    seen: dict[int, tuple[ReturnRow, str]],
) -> RowPreview:
    preview = RowPreview(file=file, sheet=row.sheet, row=row.row, seq=row.seq, state=RowState.NEW)

    def refuse(error: KpiError) -> RowPreview:
        preview.state, preview.error = RowState.REFUSED, error
        return preview

    if row.kind is not RowKind.DATA:
        preview.state = RowState.SKIPPED
        notice = "header_again" if row.kind is RowKind.HEADER_AGAIN else "note"
        preview.notices.append(Notice(notice))
        return preview
    if row.uncached:
        column = COLUMN_LABELS[row.uncached[0]]
        return refuse(_row_error("return.formula_no_value", file, row, column=column))
    lengths = [(kind, len(value)) for kind, value in row.filled()] + list(row.long)
    for kind, length in lengths:
        if length > CELL_CHARACTERS:
            return refuse(
                _row_error(
                    "return.text_too_long",
                    file,
                    row,
                    column=COLUMN_LABELS[kind],
                    length=length,
                    limit=CELL_CHARACTERS,
                )
            )

    signature = "\t".join(
        fold(v) for v in (row.text, row.progress, row.status, row.problems, row.next_steps)
    )
    if row.seq is not None and row.seq in seen:
        first, first_signature = seen[row.seq]
        if first_signature != signature:
            return refuse(
                _row_error("return.seq_repeated", file, row, seq=row.seq, first=first.row)
            )
        preview.state = RowState.SKIPPED
        preview.notices.append(Notice("duplicate", {"first": first.row}))
        return preview
    if row.seq is not None:
        seen[row.seq] = (row, signature)
    matched = _match(context, table, row, file)
    if isinstance(matched, KpiError):
        return refuse(matched)
    view = matched
    preview.seq, preview.indicator_id = view.seq, view.id
    if row.status.strip() and Status.from_text(row.status) is None:
        return refuse(
            _row_error(
                "return.bad_status", file, row, value=row.status, choices="、".join(STATUS_CHOICES)
            )
        )
    if not row.has_content:
        preview.state = RowState.SKIPPED
        preview.notices.append(Notice("empty"))
        return preview
    unit, belongs = _row_unit(context, view, row, file_unit)
    if not belongs:
        preview.state = RowState.SKIPPED
        preview.notices.append(Notice("other_unit", {"unit": file_unit.name if file_unit else ""}))
        return preview
    preview.shared = len({link.unit_id for link in view.units}) > 1
    if unit is not None:
        preview.unit, preview.unit_id = unit.name, unit.id
    period = context.period.code
    entry = view.progress.get(period)
    stored = {
        "text": entry.text if entry else "",
        "status": (entry.status or "") if entry else "",
        "problems": entry.problems if entry else "",
        "next_steps": entry.next_steps if entry else "",
    }
    if preview.shared and unit is not None and unit.id is not None:
        stored["text"] = context.contributions.get((view.id, period, unit.id), "")
        own = {
            uid: text
            for (iid, code, uid), text in context.contributions.items()
            if iid == view.id and code == period
        }
        if clerk_edited(context.session, entry, joined_text(_order(view), own)):
            preview.notices.append(Notice("clerk_text"))
    preview.new = _new_values(row)
    preview.old = {name: stored[name] for name in preview.new}
    if not preview.changes:
        preview.state = RowState.UNCHANGED
    elif any(stored[name] for name in preview.new):
        preview.state = RowState.CHANGED
    previous = context.previous
    new_text = preview.new.get("text", "")
    if previous is not None and new_text:
        before = view.progress.get(previous.code)
        earlier = before.text if before else ""
        if preview.shared and unit is not None and unit.id is not None:
            earlier = context.contributions.get((view.id, previous.code, unit.id), earlier)
        if earlier and fold(earlier) == fold(new_text):
            preview.same_as_previous = True
            preview.notices.append(Notice("same_as_previous"))
    return preview


def _preview_file(
    session: Session,
    path: Path,
    given: Period | None,
    limits: Limits,
    contexts: dict[str, _PlanContext],
    read: ReturnTable | KpiError | None = None,
) -> FilePreview:
    file = file_label(path)
    result = FilePreview(path=path, file=file)
    try:
        if isinstance(read, KpiError):
            raise read
        table = read if read is not None else read_return(path, limits)
        result.sha256, result.kind = table.sha256, table.kind
        period, plan = _resolve_period(session, table, given, file)
    except KpiError as error:
        result.error = error
        return result
    result.period = period.code
    context = contexts.get(period.code)
    if context is None:
        context = contexts[period.code] = _PlanContext(session, plan, period)
    if given is None and period < context.working:
        result.earlier_than = context.working.code
    file_unit: LeadUnit | None = None
    if table.marker is not None and table.marker.unit:
        file_unit = context.units.get(table.marker.unit)
    if file_unit is None:
        file_unit = context.unit_named_in(table.title) or context.unit_named_in(path.stem)
    result.unit = file_unit.name if file_unit is not None else None
    seen: dict[int, tuple[ReturnRow, str]] = {}
    result.rows = [_preview_row(context, table, row, file, file_unit, seen) for row in table.rows]
    filled = [r for r in result.rows if r.state not in (RowState.SKIPPED, RowState.REFUSED)]
    result.same_as_previous = bool(filled) and all(r.same_as_previous for r in filled)
    return result


def _flag_copies(files: Sequence[FilePreview]) -> None:
    """A file sent twice (the same bytes under two names, or dropped twice) is read once: the
    later copy's rows are skipped, naming the first."""
    first: dict[str, FilePreview] = {}
    for preview in files:
        if preview.sha256 is None:
            continue
        original = first.setdefault(preview.sha256, preview)
        if original is preview:
            continue
        preview.copy_of = original.file
        for row in preview.rows:
            row.state, row.error, row.new = RowState.SKIPPED, None, {}
            row.notices = [Notice("copy", {"file": original.name})]


def _flag_conflicts(files: Sequence[FilePreview]) -> None:
    """Two files giving different texts for the same indicator and unit cannot both win: each
    row names the other, and the clerk chooses (the command line, taking all, refuses)."""
    first: dict[tuple[str | None, int | None, int | None], RowPreview] = {}
    for preview in files:
        if preview.error is not None:
            continue
        for row in preview.rows:
            if not row.importable or "text" not in row.new:
                continue
            key = (preview.period, row.indicator_id, row.unit_id)
            earlier = first.get(key)
            if earlier is None:
                first[key] = row
            elif earlier.file != row.file and fold(earlier.new["text"]) != fold(row.new["text"]):
                row.conflict = earlier
                if earlier.conflict is None:
                    earlier.conflict = row


def preview_import(
    session: Session,
    paths: Iterable[Path | str],
    period: Period | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    read: Sequence[ReturnTable | KpiError] | None = None,
    progress: Callable[[int, Path], None] | None = None,
) -> ImportPreview:
    """What importing `paths` would do, changing nothing. `period` (a Period or a code such as
    "2024H1") overrides the period found in the files. `read` holds the files already read
    (services.reading), one per path in order; without it each file is read here.
    `progress(index, path)` is called as each file is started."""
    given = Period.parse(period) if isinstance(period, str) else period
    files_given = [Path(p) for p in paths]
    if read is not None and len(read) != len(files_given):
        raise ValueError(f"{len(read)} files read for {len(files_given)} paths")
    outcomes: list[ReturnTable | KpiError | None] = (
        list(read) if read is not None else [None] * len(files_given)
    )
    contexts: dict[str, _PlanContext] = {}
    files = []
    for index, (path, outcome) in enumerate(zip(files_given, outcomes, strict=True)):
        if progress is not None:
            progress(index, path)
        files.append(_preview_file(session, path, given, limits, contexts, outcome))
    _flag_copies(files)
    _flag_conflicts(files)
    return ImportPreview(files)


# ---------------------------------------------------------------------------------------------
# Apply


class _Stored:
    """The stored progress, contributions and unit order of the rows being applied, loaded
    once for all rows instead of row by row, and kept current as rows are written."""

    def __init__(self, session: Session, rows: Sequence[tuple[FilePreview, RowPreview]]) -> None:
        ids = sorted({row.indicator_id for _f, row in rows if row.indicator_id is not None})
        self.entries: dict[tuple[int, str], Progress] = {}
        self.contributions: dict[tuple[int, int], Contribution] = {}
        self.texts: dict[int, dict[int, str]] = {}  # progress id -> unit id -> text
        self.order: dict[int, list[int]] = {}
        self.writes: list[editing.ContributionWrite] = []
        for entry in session.exec(select(Progress).where(col(Progress.indicator_id).in_(ids))):
            self.entries[(entry.indicator_id, entry.period)] = entry
        by_id = {e.id: e for e in self.entries.values() if e.id is not None}
        for c in session.exec(
            select(Contribution).where(col(Contribution.progress_id).in_(list(by_id)))
        ):
            self.contributions[(c.progress_id, c.unit_id)] = c
            self.texts.setdefault(c.progress_id, {})[c.unit_id] = c.text
        for link in session.exec(
            select(IndicatorUnit)
            .where(col(IndicatorUnit.indicator_id).in_(ids))
            .order_by(col(IndicatorUnit.indicator_id), col(IndicatorUnit.position))
        ):
            self.order.setdefault(link.indicator_id, []).append(link.unit_id)
        missing = [
            (row.indicator_id, file.period)
            for file, row in rows
            if row.indicator_id is not None
            and file.period is not None
            and (row.indicator_id, file.period) not in self.entries
        ]
        if missing:
            self.entries.update(editing.add_progress_entries(session, missing))


def _apply_row(session: Session, preview: FilePreview, row: RowPreview, known: _Stored) -> bool:
    """Write one row (its unit's contribution is queued in `known.writes`); True when a
    stored value changes."""
    assert row.indicator_id is not None and preview.period is not None
    period = preview.period
    source = editing.Source(
        SourceKind.IMPORTED, file=preview.name, file_hash=preview.sha256, unit=row.unit
    )
    new = dict(row.new)
    text = new.get("text", "")
    changes = {name: value for name, value in new.items() if name != "text"}
    entry = known.entries[(row.indicator_id, period)]
    assert entry.id is not None
    stored = known.texts.setdefault(entry.id, {})
    if row.shared and row.unit_id is not None:
        order = known.order.get(row.indicator_id, [])
        edited = clerk_edited(session, entry, joined_text(order, stored))
        if text and not edited:
            changes["text"] = joined_text(order, {**stored, row.unit_id: text})
    elif text:
        changes["text"] = text
    before = _snapshot(entry)
    if changes:
        editing.set_progress(session, row.indicator_id, period, changes, source, existing=entry)
    contribution_changed = False
    if row.unit_id is not None and text:
        contribution_changed = stored.get(row.unit_id) != text
        known.writes.append(
            editing.ContributionWrite(entry.id, row.unit_id, text, source, row.indicator_id, period)
        )
        stored[row.unit_id] = text
    return contribution_changed or _snapshot(entry) != before


def _snapshot(entry: Progress | None) -> tuple[Any, ...] | None:
    if entry is None:
        return None
    return tuple(getattr(entry, name) for name in FIELDS)


def _order(view: IndicatorView) -> list[int]:
    return [link.unit_id for link in view.units]


def apply_import(
    database: Database, preview: ImportPreview, accept: Iterable[RowKey] | None = None
) -> ImportResult:
    """Write the accepted rows of `preview` (all new and changed ones when `accept` is None)
    in one transaction, after a backup copy. Unchanged rows of accepted files are recorded as
    received. Two accepted rows that conflict are refused (KpiError "return.conflict");
    asking for a refused or skipped row is a programming error (ValueError)."""
    wanted = set(accept) if accept is not None else None
    chosen: list[tuple[FilePreview, RowPreview]] = []
    for file in preview.files:
        if file.error is not None:
            if wanted is not None and any(k[0] == file.file for k in wanted):
                raise ValueError(f"{file.file} was refused and cannot be imported")
            continue
        for row in file.rows:
            if wanted is not None and row.key not in wanted:
                continue
            if row.state in (RowState.NEW, RowState.CHANGED):
                chosen.append((file, row))
            elif row.state is RowState.UNCHANGED:
                if row.unit_id is not None:
                    chosen.append((file, row))
            elif wanted is not None:
                raise ValueError(f"{row.key} is {row.state.value} and cannot be imported")
    if wanted is not None:
        missing = wanted - {row.key for _file, row in chosen}
        if missing:
            raise ValueError(f"rows not in the preview: {sorted(missing)}")
    keys = {row.key for _file, row in chosen}
    for _file, row in chosen:
        if row.conflict is not None and row.conflict.key in keys:
            raise row.conflict_error()  # type: ignore[misc]
    if not chosen:
        return ImportResult(None, 0, 0, frozenset())
    # Anything written (a receipt too) is written after a backup copy.
    backup = make_backup(database.file, "before-import") if database.is_sqlite else None
    written = recorded = 0
    touched: set[int] = set()
    with database.transaction() as session:
        known = _Stored(session, chosen)
        for file, row in chosen:
            if _apply_row(session, file, row, known):
                written += 1
                assert row.indicator_id is not None
                touched.add(row.indicator_id)
            else:
                recorded += 1
        editing.set_contributions(session, known.writes, known.contributions)
    log.info("imported %d rows (%d recorded) from %d files", written, recorded, len(preview.files))
    return ImportResult(backup, written, recorded, frozenset(touched))
