"""Shared indicators: each lead unit's own text, and the clerk's text over them.

For an indicator with two or more lead units, each unit's text is kept apart in the
`Contribution` table, and the indicator's progress text is the contributions joined with a
line break in lead-unit order — until the clerk edits it. "The clerk edited it" means: the
stored text differs from the join of the stored contributions *and* the latest change-log
entry of that text came from the clerk (domain.fields.CLERK_SOURCES). Her text is then kept,
the contribution is still stored, and the preview says so. For shared indicators the status,
问题 and 打算 are not kept per unit: a non-empty value from a return replaces the stored one.

Every imported row that speaks for a unit also stores that unit's contribution (for
single-unit indicators too): that is what the submissions view counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kpi_desktop.domain.fields import CLERK_SOURCES
from kpi_desktop.services.reads import Source, reader_of
from kpi_desktop.services.views import IndicatorView
from kpi_desktop.storage.rows import ProgressRow

if TYPE_CHECKING:
    from kpi_desktop.storage.models import Progress

JOINER = "\n"  # between the units' texts of a shared indicator


def unit_order(view: IndicatorView) -> list[int]:
    """The indicator's lead units, in the plan's order: the order their texts are joined."""
    return [link.unit_id for link in view.units]


def clerk_edited(source: Source, entry: Progress | ProgressRow | None, joined_before: str) -> bool:
    """Whether the clerk changed an indicator's text away from its units' contributions."""
    if entry is None or entry.id is None or entry.text == joined_before:
        return False
    changes = reader_of(source).log("progress", [entry.id], field_name="text")
    return bool(changes) and changes[-1].source in CLERK_SOURCES


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
