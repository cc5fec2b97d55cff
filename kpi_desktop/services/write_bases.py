"""The base of a write: what it changes from, and the refusal when someone saved since.

Several clerks write one database (a PostgreSQL server, or a file one program edits while
others read it). Every write of an indicator's values first takes the indicator's row
(`lock_indicators`), so writes of one indicator follow one another; a write that says what
it changes from (its base: the value the clerk saw) is then compared with what is stored
(`check_base`), and refused with `StaleWrite` when another writer saved something else in
between. services.editing calls these for every change; the window, the importer and the `set`
command give the bases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlmodel import Session, col, select

from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.domain.fields import ProgressField, field_label
from kpi_desktop.domain.text import clean_text
from kpi_desktop.storage.models import ChangeLog, Indicator, Progress


class StaleWrite(KpiError):
    """A write whose base is stale: since the writer read the value, someone else saved
    another one. Nothing was written; `stored` is what is there now, `wanted` what this writer
    tried to save, `expected` the value it had started from."""

    def __init__(
        self,
        *,
        indicator_id: int,
        seq: int,
        period: str,
        field: str,
        expected: Any,
        stored: Any,
        wanted: Any,
        who: str,
    ) -> None:
        super().__init__(
            "edit.stale",
            seq=seq,
            period=period,
            field=field_label(field),
            stored=_shown(stored),
            who=who,
        )
        self.indicator_id, self.field = indicator_id, field
        self.expected, self.stored, self.wanted = expected, stored, wanted

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_stale, (self.__dict__.copy(),))


def _rebuild_stale(state: dict[str, Any]) -> StaleWrite:
    error = StaleWrite.__new__(StaleWrite)
    KpiError.__init__(error, state["code"], **state["params"])
    error.__dict__.update(state)
    return error


def _shown(value: Any) -> str:
    if value is None or value == "":
        return zh_en("（空）", "(empty)")
    return str(value)


def lock_indicators(session: Session, indicator_ids: Iterable[int]) -> dict[int, Indicator]:
    """Take the indicators' rows for this transaction (`SELECT … FOR UPDATE` on a server;
    a SQLite write transaction holds the whole file already), in id order so that two writers
    never wait for each other in a circle. Every write of an indicator's progress takes its row
    first: writes of one indicator follow one another, each seeing the one before, so a write
    checked against its base cannot be overtaken between the check and the commit, and two
    first entries at once are one after the other, not a duplicate row."""
    ids = sorted(set(indicator_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Indicator)
        .where(col(Indicator.id).in_(ids))
        .order_by(col(Indicator.id))
        .with_for_update()
        # A row read before in this session is read again, now that it is locked.
        .execution_options(populate_existing=True)
    )
    return {row.id: row for row in rows if row.id is not None}


def stored_value(entry: Progress | None, name: str) -> Any:
    value = getattr(entry, name) if entry is not None else None
    if value is None and name in ("text", "problems", "next_steps"):
        return ""
    return value


def check_base(
    session: Session,
    indicator: Indicator,
    period: str,
    entry: Progress | None,
    expected: Mapping[str, Any],
    wanted: Mapping[str, Any],
) -> None:
    """Refuse (StaleWrite) when a stored value is no longer the one the writer started from."""
    for name, base in expected.items():
        if name not in tuple(ProgressField):
            raise KpiError("edit.unknown_field", field=name)
        stored = stored_value(entry, name)
        if base is None and name in ("text", "problems", "next_steps"):
            base = ""
        if name in ("text", "problems", "next_steps"):
            base = clean_text(str(base))
        if stored == base:
            continue
        if name in wanted and stored == wanted[name]:  # `wanted`: checked values
            continue  # someone saved the very same value: nothing is lost either way
        assert indicator.id is not None
        raise StaleWrite(
            indicator_id=indicator.id,
            seq=indicator.seq,
            period=period,
            field=name,
            expected=base,
            stored=stored,
            wanted=wanted.get(name),
            who=last_writer(session, entry, name),
        )


def last_writer(session: Session, entry: Progress | None, name: str) -> str:
    if entry is None or entry.id is None:
        return "?"
    change = session.exec(
        select(ChangeLog)
        .where(
            ChangeLog.entity == "progress",
            ChangeLog.entity_id == entry.id,
            ChangeLog.field_name == name,
        )
        .order_by(col(ChangeLog.id).desc())
        .limit(1)
    ).first()
    if change is None or not change.user_name:
        return "?"
    when = change.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return f"{change.user_name}@{change.host or '?'}{zh_en('，', ', ')}{when}"
