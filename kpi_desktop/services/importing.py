"""Importing returned spreadsheets: a preview first, then one transaction for all files.

The preview (`preview_import`, in services.import_matching; its parts in
services.import_model) reads every file and matches its rows to the plan without changing
anything. `apply_import(database, preview, accept)` writes the accepted rows through
services.editing with `Source(SourceKind.IMPORTED, file=<name>, file_hash=<sha256>,
unit=<unit>)`, all files in ONE transaction, after a backup copy of the database; shared
indicators keep each unit's text apart (services.contributions). The command line accepts
all or nothing; the window lets the clerk pick rows.

This module is also the one the rest of the program imports the import's names from.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from sqlmodel import Session, col, select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.fields import SourceKind
from kpi_desktop.services import editing
from kpi_desktop.services.contributions import JOINER, clerk_edited, joined_text
from kpi_desktop.services.import_matching import preview_import
from kpi_desktop.services.import_model import (
    FIELDS,
    FilePreview,
    ImportPreview,
    ImportResult,
    Notice,
    RowKey,
    RowPreview,
    RowState,
)
from kpi_desktop.storage.backup import make_backup
from kpi_desktop.storage.engine import Database
from kpi_desktop.storage.models import (
    Contribution,
    IndicatorUnit,
    Progress,
)

log = logging.getLogger(__name__)


__all__ = [
    "FIELDS",
    "JOINER",
    "FilePreview",
    "ImportPreview",
    "ImportResult",
    "Notice",
    "RowKey",
    "RowPreview",
    "RowState",
    "apply_import",
    "clerk_edited",
    "joined_text",
    "preview_import",
]


class _Stored:
    """The stored progress, contributions and unit order of the rows being applied, loaded
    once for all rows instead of row by row, and kept current as rows are written."""

    def __init__(self, session: Session, rows: Sequence[tuple[FilePreview, RowPreview]]) -> None:
        ids = sorted({row.indicator_id for _f, row in rows if row.indicator_id is not None})
        self.indicators = editing.lock_indicators(session, ids)  # as every edit does
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
        self.stale = _changed_since_preview(self, rows)
        if missing:
            self.entries.update(editing.add_progress_entries(session, missing))


def _changed_since_preview(
    known: _Stored, rows: Sequence[tuple[FilePreview, RowPreview]]
) -> list[int]:
    """序号 of the rows whose stored values are no longer those the preview showed: the
    import's base, checked in its transaction as every edit's is (editing.check_base)."""
    stale: set[int] = set()
    for file, row in rows:
        assert row.indicator_id is not None and file.period is not None
        entry = known.entries.get((row.indicator_id, file.period))
        for name, shown in row.old.items():
            if row.shared and row.unit_id is not None and name == "text":
                stored = ""
                if entry is not None and entry.id is not None:
                    stored = known.texts.get(entry.id, {}).get(row.unit_id, "")
            else:
                value = getattr(entry, name) if entry is not None else None
                stored = value or ""
            if stored != shown:
                stale.add(row.seq or known.indicators[row.indicator_id].seq)
    return sorted(stale)


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
    changes: dict[str, str | int | None] = {
        name: value for name, value in new.items() if name != "text"
    }
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
    if entry.as_of_month != preview.as_of_month:
        changes["as_of_month"] = preview.as_of_month  # the return's own month, or its end
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
    return (*(getattr(entry, name) for name in FIELDS), entry.as_of_month)


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
        if known.stale:
            raise KpiError("return.changed_since_preview", seqs="、".join(map(str, known.stale)))
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
