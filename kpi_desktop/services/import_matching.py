"""Matching the rows of returned spreadsheets to the plan, without changing anything.

`preview_import(source, paths, period)` (a session or a storage.reader.Reader) reads every file
(services.returns) and matches its rows to the plan (services.import_model says what the
preview holds).

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

Empty fill-in cells never erase a stored value.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period, PeriodError, PeriodKind, kind_holding_month
from kpi_desktop.domain.status import STATUS_CHOICES, Status
from kpi_desktop.domain.text import CELL_CHARACTERS, file_label, fold, short, split_units
from kpi_desktop.services.contributions import clerk_edited, joined_text, unit_order
from kpi_desktop.services.import_model import (
    FilePreview,
    ImportPreview,
    Notice,
    RowPreview,
    RowState,
    row_notice,
)
from kpi_desktop.services.reads import (
    Source,
    UnitNames,
    calendar_session,
    indicator_views,
    reader_of,
)
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
from kpi_desktop.storage.reader import Reader
from kpi_desktop.storage.rows import LeadUnitRow, PlanRow

log = logging.getLogger(__name__)


class PlanContext:
    """One plan's indicators, texts, units and the stored values of one period."""

    def __init__(self, reader: Reader, plan: PlanRow, period: Period) -> None:
        self.reader = reader
        self.plan = plan
        self.period = period
        self.previous = period.previous()
        self.views = {v.seq: v for v in indicator_views(reader, plan)}
        self.by_text: dict[str, int] = {}
        for view in self.views.values():
            self.by_text.setdefault(fold(view.text), view.seq)
        self.units = UnitNames(reader)
        codes = [period.code] + ([self.previous.code] if self.previous else [])
        entries = {
            e.id: e for v in self.views.values() for code, e in v.progress.items() if code in codes
        }
        self.contributions: dict[tuple[int, str, int], str] = {}  # (indicator, period, unit)
        for c in reader.contributions(list(entries)):
            entry = entries[c.progress_id]
            self.contributions[(entry.indicator_id, entry.period, c.unit_id)] = c.text
        self.names = sorted(self.units.names(), key=len, reverse=True)
        self.working = Period.parse(working_period(list(self.views.values()), plan.year))

    def unit_named_in(self, text: str) -> LeadUnitRow | None:
        """The one unit whose name or alias appears in `text` (longest names first)."""
        folded = fold(text)
        found: dict[int, LeadUnitRow] = {}
        for name in self.names:
            if name and fold(name) in folded:
                unit = self.units.get(name)
                if unit is not None and unit.id is not None:
                    found.setdefault(unit.id, unit)
                    folded = folded.replace(fold(name), "")
        return next(iter(found.values())) if len(found) == 1 else None


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
    reader: Reader, table: ReturnTable, given: Period | None, file: str
) -> tuple[Period, PlanRow]:
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
    # A monthly return ("1-11月", "截至4月底") that names no quarter-type period counts toward
    # the one that holds its month, filed there with that as-of month (docs/DOMAIN.md).
    kind = table.period_kind
    if kind is None and table.as_of_month is not None:
        kind = kind_holding_month(table.as_of_month)
    if period is None and kind is not None:
        year = file_year
        if year is None:
            held = {p.year for p in reader.plans()}
            year = held.pop() if len(held) == 1 else None
        if year is not None:
            period = Period.of(year, kind)
    if period is None:
        raise KpiError("return.no_period", file=file)
    if table.as_of_month is not None and table.as_of_month > period.end_month:
        raise KpiError(
            "return.month_after_period",
            file=file,
            month=table.as_of_month,
            period=period.chinese,
            code=period.code,
        )
    known = {p.year: p for p in reader.plans()}
    years = "、".join(str(y) for y in sorted(known)) or "—"
    if file_year is not None and file_year != period.year:
        raise KpiError("return.other_year", file=file, year=file_year, years=years)
    if period.year not in known:
        raise KpiError("return.other_year", file=file, year=period.year, years=years)
    return period, known[period.year]


def _row_error(code: str, file: str, row: ReturnRow, **params: Any) -> KpiError:
    return KpiError(code, file=file, sheet=row.sheet, row=row.row, **params)


def _match(
    context: PlanContext, table: ReturnTable, row: ReturnRow, file: str
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
    context: PlanContext, view: IndicatorView, row: ReturnRow, file_unit: LeadUnitRow | None
) -> tuple[LeadUnitRow | None, bool]:
    """(the unit the row speaks for, whether the row belongs to the file's unit at all)."""
    ids = {link.unit_id for link in view.units}
    if file_unit is not None:
        return (file_unit, True) if file_unit.id in ids else (None, False)
    if len(ids) == 1:
        return context.units.by_id.get(next(iter(ids))), True
    named = {u.id: u for u in map(context.units.get, split_units(row.units)) if u is not None}
    inside = [u for uid, u in named.items() if uid in ids]
    return (inside[0] if len(inside) == 1 else None), True


def _preview_row(
    context: PlanContext,
    table: ReturnTable,
    row: ReturnRow,
    file: str,
    file_unit: LeadUnitRow | None,
    seen: dict[int, tuple[ReturnRow, str]],
) -> RowPreview:
    preview = RowPreview(file=file, sheet=row.sheet, row=row.row, seq=row.seq, state=RowState.NEW)

    def refuse(error: KpiError) -> RowPreview:
        preview.state, preview.error = RowState.REFUSED, error
        return preview

    if row.kind is not RowKind.DATA:
        preview.state = RowState.SKIPPED
        preview.notices.append(row_notice(row))
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
        if clerk_edited(context.reader, entry, joined_text(unit_order(view), own)):
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
    reader: Reader,
    path: Path,
    given: Period | None,
    limits: Limits,
    contexts: dict[str, PlanContext],
    read: ReturnTable | KpiError | None = None,
) -> FilePreview:
    file = file_label(path)
    result = FilePreview(path=path, file=file)
    try:
        if isinstance(read, KpiError):
            raise read
        table = read if read is not None else read_return(path, limits)
        result.sha256, result.kind = table.sha256, table.kind
        period, plan = _resolve_period(reader, table, given, file)
        session = calendar_session(reader)
        if session is not None:  # the calendar reads through sqlmodel (services.reads)
            from kpi_desktop.services.closing import refuse_if_closed

            refuse_if_closed(session, plan, period, file)  # type: ignore[arg-type]
    except KpiError as error:
        result.error = error
        return result
    result.period = period.code
    if table.as_of_month is not None and table.as_of_month < period.end_month:
        result.as_of_month = table.as_of_month  # short of the period's end: worth keeping
    context = contexts.get(period.code)
    if context is None:
        context = contexts[period.code] = PlanContext(reader, plan, period)
    if given is None and period < context.working:
        result.earlier_than = context.working.code
    file_unit: LeadUnitRow | None = None
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
    source: Source,
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
    reader = reader_of(source)
    contexts: dict[str, PlanContext] = {}
    files = []
    for index, (path, outcome) in enumerate(zip(files_given, outcomes, strict=True)):
        if progress is not None:
            progress(index, path)
        files.append(_preview_file(reader, path, given, limits, contexts, outcome))
    _flag_copies(files)
    _flag_conflicts(files)
    return ImportPreview(files)
