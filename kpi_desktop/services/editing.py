"""Recording edits: every change to a stored value goes through here and into the change log.

The window's undo commands, the importer and the restore-from-history action all call these
functions, so the log is complete whichever way a value changed. A function here changes the
rows and logs them in the caller's transaction; it commits nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.fields import (
    INDICATOR_FIELDS,
    TARGET_FIELDS,
    ProgressField,
    SourceKind,
)
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.targets import TargetKind
from kpi_desktop.domain.text import CELL_CHARACTERS, clean_text
from kpi_desktop.services.closing import ensure_open as ensure_open  # and its flush guard
from kpi_desktop.services.write_bases import StaleWrite as StaleWrite
from kpi_desktop.services.write_bases import check_base, last_writer, stored_value
from kpi_desktop.services.write_bases import lock_indicators as lock_indicators
from kpi_desktop.storage.models import (
    Actual,
    ChangeLog,
    Contribution,
    Indicator,
    Plan,
    Progress,
    Target,
    utcnow,
)
from kpi_desktop.storage.who import Who


@dataclass(frozen=True)
class Source:
    """Where a value came from: typed by the clerk, imported from a file, restored, …"""

    kind: SourceKind = SourceKind.TYPED
    file: str | None = None
    file_hash: str | None = None
    unit: str | None = None


TYPED = Source()

PROGRESS_FIELDS = tuple(ProgressField)
RESTORED = Source(SourceKind.RESTORED)


class EditError(KpiError):
    """An edit the domain does not allow (an unknown field, a bad value, a row gone)."""


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def log_change(
    session: Session,
    *,
    entity: str,
    entity_id: int,
    field_name: str,
    old: Any,
    new: Any,
    source: Source,
    indicator_id: int | None,
    period: str | None = None,
    at: datetime | None = None,
) -> None:
    who = _who(session)
    session.add(
        ChangeLog(
            at=at or utcnow(),
            entity=entity,
            entity_id=entity_id,
            field_name=field_name,
            old_value=_as_text(old),
            new_value=_as_text(new),
            indicator_id=indicator_id,
            period=period,
            source=source.kind,
            source_file=source.file,
            source_hash=source.file_hash,
            user_name=who.user,
            host=who.host,
        )
    )


def _who(session: Session) -> Who:
    who = session.info.get("who")
    if not isinstance(who, Who):
        who = Who.here()
        session.info["who"] = who
    return who


def _check_progress_value(name: str, value: Any) -> Any:
    if name not in PROGRESS_FIELDS:
        raise EditError("edit.unknown_field", field=name)
    if name == "status" and value is not None:
        try:
            return Status(value).value
        except ValueError:
            raise EditError("edit.bad_status", value=value) from None
    if name == "as_of_month" and value is not None:
        try:
            month = int(value)
        except (TypeError, ValueError):
            month = 0
        if not 1 <= month <= 12:
            raise EditError("edit.bad_month", value=value)
        return month
    if ProgressField(name).is_text:
        # Text pasted from Word may carry line and page breaks no worksheet can hold.
        text = "" if value is None else clean_text(str(value))
        if len(text) > CELL_CHARACTERS:
            raise KpiError("edit.text_too_long", length=len(text), limit=CELL_CHARACTERS)
        return text
    return value


def progress_entry(session: Session, indicator_id: int, period: str) -> Progress | None:
    return session.exec(
        select(Progress)
        .where(Progress.indicator_id == indicator_id, Progress.period == period)
        .execution_options(populate_existing=True)
    ).first()


def set_progress(
    session: Session,
    indicator_id: int,
    period: str,
    changes: dict[str, Any],
    source: Source = TYPED,
    *,
    existing: Progress | None = None,
    expected: Mapping[str, Any] | None = None,
) -> Progress:
    """Change fields of an indicator's progress in `period`, creating it if need be.

    `expected` gives, for fields the writer read before, the value it started from: when
    another writer has saved something else since, nothing is written and StaleWrite is raised
    (no lost update). The indicator's row is locked first (`lock_indicators`).

    Only fields whose value really changes are written and logged. A caller writing many rows
    that has locked the indicators and loaded the stored entries already passes the entry as
    `existing`."""
    Period.parse(period)  # a bad code is a programming error here, not clerk input
    checked = {name: _check_progress_value(name, value) for name, value in changes.items()}
    if existing is not None:
        entry: Progress | None = existing
    else:
        indicator = lock_indicators(session, [indicator_id]).get(indicator_id)
        if indicator is None:
            raise EditError("edit.indicator_gone", id=indicator_id)
        entry = progress_entry(session, indicator_id, period)
        if expected:
            check_base(session, indicator, period, entry, expected, checked)
    now = utcnow()
    if entry is None:
        entry = Progress(indicator_id=indicator_id, period=period, updated_at=now)
        session.add(entry)
        session.flush()
    changed = _set_logged(
        session, entry, "progress", checked, source, indicator_id, period=period, at=now
    )
    if changed:
        entry.source = source.kind
        entry.source_file = source.file
        entry.source_hash = source.file_hash
        entry.source_unit = source.unit
        entry.updated_at = now
        session.add(entry)
    return entry


def add_progress_entries(
    session: Session, keys: Iterable[tuple[int, str]]
) -> dict[tuple[int, str], Progress]:
    """Empty progress entries for (indicator id, period) pairs the caller knows have none,
    made in one flush; `set_progress(..., existing=entry)` then fills them in."""
    now = utcnow()
    made: dict[tuple[int, str], Progress] = {}
    for indicator_id, period in keys:
        Period.parse(period)
        if (indicator_id, period) not in made:
            made[(indicator_id, period)] = Progress(
                indicator_id=indicator_id, period=period, updated_at=now
            )
    session.add_all(made.values())
    session.flush()
    return made


def set_actual(
    session: Session,
    indicator_id: int,
    period: str,
    target_id: int,
    value: float | None,
    unit: str,
    *,
    confirmed: bool,
    as_of_month: int | None = None,
    source: Source = TYPED,
) -> Actual | None:
    """Record a target's achieved value in a period.

    A guess (`confirmed=False`) never replaces a figure the clerk confirmed; the function then
    returns None and changes nothing."""
    lock_indicators(session, [indicator_id])
    entry = progress_entry(session, indicator_id, period) or set_progress(
        session, indicator_id, period, {}, source
    )
    assert entry.id is not None
    actual = session.exec(
        select(Actual).where(Actual.progress_id == entry.id, Actual.target_id == target_id)
    ).first()
    if actual is not None and actual.confirmed and not confirmed:
        return None
    before: dict[str, Any] = {}
    if actual is None:
        actual = Actual(progress_id=entry.id, target_id=target_id)
    else:
        before = {name: getattr(actual, name) for name in ("value", "unit", "as_of_month")}
    after = {"value": value, "unit": unit, "as_of_month": as_of_month}
    actual.value, actual.unit, actual.as_of_month = value, unit, as_of_month
    actual.confirmed = confirmed
    session.add(actual)
    session.flush()
    assert actual.id is not None
    for name, new in after.items():
        if before.get(name) != new:
            log_change(
                session,
                entity="actual",
                entity_id=actual.id,
                field_name=f"{name}",
                old=before.get(name),
                new=new,
                source=source,
                indicator_id=indicator_id,
                period=period,
            )
    return actual


def _apply_fields(
    session: Session,
    row: Indicator | Target,
    entity: str,
    allowed: tuple[str, ...],
    changes: dict[str, Any],
    source: Source,
    expected: Mapping[str, Any] | None = None,
) -> None:
    """Set the changed fields of a plan row, logging each old and new value; with `expected`
    (the values the writer started from) only if nobody saved others since."""
    assert row.id is not None
    indicator_id = row.id if isinstance(row, Indicator) else row.indicator_id
    for name, base in (expected or {}).items():
        stored = getattr(row, name)
        if stored != base and (name not in changes or stored != changes[name]):
            indicator = session.get(Indicator, indicator_id)
            raise KpiError("edit.plan_changed", seq=indicator.seq if indicator else "?")
    checked = {}
    for name, value in changes.items():
        if name not in allowed:
            raise EditError("edit.unknown_field", field=name)
        checked[name] = TargetKind(value).value if entity == "target" and name == "kind" else value
    _set_logged(session, row, entity, checked, source, indicator_id)
    session.add(row)
    session.flush()


def _set_logged(
    session: Session,
    row: Progress | Indicator | Target,
    entity: str,
    changes: Mapping[str, Any],
    source: Source,
    indicator_id: int,
    *,
    period: str | None = None,
    at: datetime | None = None,
) -> bool:
    """Set each field of `row` whose value changes, logging its old and new value; whether
    any did."""
    assert row.id is not None
    changed = False
    for name, value in changes.items():
        old = getattr(row, name)
        if old == value:
            continue
        log_change(
            session,
            entity=entity,
            entity_id=row.id,
            field_name=name,
            old=old,
            new=value,
            source=source,
            indicator_id=indicator_id,
            period=period,
            at=at,
        )
        setattr(row, name, value)
        changed = True
    return changed


def set_indicator(
    session: Session,
    indicator_id: int,
    changes: dict[str, Any],
    source: Source = TYPED,
    *,
    expected: Mapping[str, Any] | None = None,
) -> Indicator:
    indicator = lock_indicators(session, [indicator_id]).get(indicator_id)
    if indicator is None:
        raise EditError("edit.indicator_gone", id=indicator_id)
    _apply_fields(session, indicator, "indicator", INDICATOR_FIELDS, changes, source, expected)
    return indicator


def set_target(
    session: Session,
    target_id: int,
    changes: dict[str, Any],
    source: Source = TYPED,
    *,
    expected: Mapping[str, Any] | None = None,
) -> Target:
    target = session.get(Target, target_id)
    if target is None:
        raise EditError("edit.target_gone", id=target_id)
    lock_indicators(session, [target.indicator_id])
    session.refresh(target)  # as it is now that its indicator is ours
    _apply_fields(session, target, "target", TARGET_FIELDS, changes, source, expected)
    return target


def history(session: Session, indicator_id: int) -> list[ChangeLog]:
    """Every logged change of an indicator, its targets and its progress, newest first."""
    return list(
        session.exec(
            select(ChangeLog)
            .where(ChangeLog.indicator_id == indicator_id)
            .order_by(col(ChangeLog.at).desc(), col(ChangeLog.id).desc())
        )
    )


@dataclass(frozen=True)
class ContributionWrite:
    """One lead unit's text for an indicator's progress, from a returned row."""

    progress_id: int
    unit_id: int
    text: str
    source: Source
    indicator_id: int
    period: str


def set_contributions(
    session: Session,
    writes: Sequence[ContributionWrite],
    stored: Mapping[tuple[int, int], Contribution] | None = None,
) -> list[Contribution]:
    """Store lead units' own texts for indicators' progress (returned rows), in order.

    Each text is logged like any other value. `received_at` and the file are updated even when
    the text is the same, so the submissions view shows the latest return. `stored` holds
    rows already loaded by the caller, by (progress id, unit id); the others are looked up.
    New rows get their ids in one flush for all writes."""
    now = utcnow()
    rows: dict[tuple[int, int], Contribution] = dict(stored or {})
    changed: list[tuple[Contribution, ContributionWrite, str | None]] = []
    result = []
    for write in writes:
        key = (write.progress_id, write.unit_id)
        contribution = rows.get(key)
        if contribution is None and stored is None:
            contribution = session.exec(
                select(Contribution).where(
                    Contribution.progress_id == write.progress_id,
                    Contribution.unit_id == write.unit_id,
                )
            ).first()
        old = contribution.text if contribution is not None else None
        if contribution is None:
            contribution = Contribution(
                progress_id=write.progress_id, unit_id=write.unit_id, received_at=now
            )
        rows[key] = contribution
        contribution.text = write.text
        contribution.source_file = write.source.file
        contribution.source_hash = write.source.file_hash
        contribution.received_at = now
        session.add(contribution)
        if old != write.text:
            changed.append((contribution, write, old))
        result.append(contribution)
    if any(c.id is None for c, _w, _o in changed):
        session.flush()  # the change log names each row by id
    for contribution, write, old in changed:
        assert contribution.id is not None
        log_change(
            session,
            entity="contribution",
            entity_id=contribution.id,
            field_name="text",
            old=old,
            new=write.text,
            source=write.source,
            indicator_id=write.indicator_id,
            period=write.period,
            at=now,
        )
    return result


def set_contribution(
    session: Session,
    progress_id: int,
    unit_id: int,
    text: str,
    source: Source,
    *,
    indicator_id: int,
    period: str,
) -> Contribution:
    """Store one lead unit's own text for an indicator's progress (see set_contributions)."""
    write = ContributionWrite(progress_id, unit_id, text, source, indicator_id, period)
    return set_contributions(session, [write])[0]


def set_progress_text(
    session: Session,
    year: int,
    seq: int,
    period: str,
    text: str,
    *,
    expect: str | None = None,
    source: Source = TYPED,
) -> tuple[str, str]:
    """Set the progress text of indicator `seq` of the `year` plan in `period` (the `set`
    command); with `expect`, only when the stored text is exactly `expect` (StaleWrite
    otherwise, nothing written). Returns the text before and after."""
    # The indicator found and locked in one statement (a write's first step, lock_indicators).
    indicator = session.exec(
        select(Indicator)
        .join(Plan, col(Plan.id) == Indicator.plan_id)
        .where(Plan.year == year, Indicator.seq == seq)
        .order_by(col(Plan.region))
        .limit(1)
        .with_for_update(of=Indicator)  # type: ignore[arg-type]
        .execution_options(populate_existing=True)
    ).first()
    if indicator is None or indicator.id is None:
        from kpi_desktop.services.queries import plan_for_year

        plan_for_year(session, year)  # no plan that year: says which years there are
        raise KpiError("set.no_indicator", year=year, seq=seq)
    entry = progress_entry(session, indicator.id, period)
    before = stored_value(entry, "text")
    if expect is not None and before != expect:
        raise StaleWrite(
            indicator_id=indicator.id,
            seq=seq,
            period=period,
            field="text",
            expected=expect,
            stored=before,
            wanted=text,
            who=last_writer(session, entry, "text"),
        )
    after = set_progress(session, indicator.id, period, {"text": text}, source, existing=entry)
    return before, after.text
