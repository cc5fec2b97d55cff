"""One indicator as the window, the exports and the dump read it.

Kept apart from services.queries so that the window can show indicators read through
storage.snapshot before SQLAlchemy is loaded: nothing here imports it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpi_desktop.storage.rows import (
        ActualRow,
        IndicatorRow,
        ProgressRow,
        TargetRow,
        UnitLinkRow,
    )
    from kpi_desktop.storage.snapshot import Snapshot


def plan_units(views: Iterable[IndicatorView]) -> list[str]:
    """The plan's lead units (canonical names), in the order the plan first names them."""
    return list(dict.fromkeys(name for view in views for name in view.canonical_units))


@dataclass(frozen=True)
class IndicatorView:
    """One indicator as the window, the exports and the dump read it: plain, frozen rows
    (storage.rows), never the database's own objects. A change goes through the services and
    comes back as a new view."""

    indicator: IndicatorRow
    units: list[UnitLinkRow]
    canonical_units: list[str]
    targets: list[TargetRow]
    progress: dict[str, ProgressRow] = field(default_factory=dict)
    actuals: dict[tuple[str, int], ActualRow] = field(default_factory=dict)
    tolerance: float | None = None  # the plan's 基本序时 band (None: the default)

    @property
    def id(self) -> int:
        assert self.indicator.id is not None
        return self.indicator.id

    @property
    def seq(self) -> int:
        return self.indicator.seq

    @property
    def text(self) -> str:
        return self.indicator.text

    @property
    def lead_units(self) -> list[str]:
        """The lead units as the row writes them."""
        return [u.written_name for u in self.units]


def views_from_snapshot(snapshot: Snapshot) -> list[IndicatorView]:
    """The indicators of a snapshot's plan, in 序号 order, as services.queries gives them.

    The snapshot's rows are the same plain rows services.queries makes of what it reads."""
    links: dict[int, list[Any]] = defaultdict(list)
    for link in snapshot.links:
        links[link.indicator_id].append(link)
    targets: dict[int, list[Any]] = defaultdict(list)
    for target in snapshot.targets:
        targets[target.indicator_id].append(target)
    progress: dict[int, dict[str, Any]] = defaultdict(dict)
    owners: dict[int, Any] = {}
    for entry in snapshot.progress:
        progress[entry.indicator_id][entry.period] = entry
        owners[entry.id] = entry
    actuals: dict[int, dict[tuple[str, int], Any]] = defaultdict(dict)
    for actual in snapshot.actuals:
        owner = owners[actual.progress_id]
        actuals[owner.indicator_id][(owner.period, actual.target_id)] = actual
    return [
        IndicatorView(
            indicator=row,
            units=links[row.id],
            canonical_units=[snapshot.unit_names[link.unit_id] for link in links[row.id]],
            targets=targets[row.id],
            progress=progress[row.id],
            actuals=actuals[row.id],
            tolerance=snapshot.plan.tolerance,
        )
        for row in snapshot.indicators
    ]
