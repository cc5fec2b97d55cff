"""A plan as people write it: the readable form of a year's indicators.

This is the shape of the built-in plan resource and of a plan read from an official table,
before it is stored. Validation here gives the clerk (or whoever edits the resource) a message
that names the row at fault.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kpi_desktop.domain.periods import Period, PeriodError


class PlanFormatError(ValueError):
    """A plan description that cannot be used; the message names the place."""


@dataclass(frozen=True)
class UnitSpec:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class TargetSpec:
    label: str
    kind: str
    value: float | None
    unit: str
    base: float | None = None  # a level's value at the start of the year


@dataclass(frozen=True)
class ProgressSpec:
    text: str
    status: str | None = None
    as_of_month: int | None = None
    problems: str = ""
    next_steps: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    seq: int
    text: str
    lead_units: tuple[str, ...]
    category: str | None = None
    targets: tuple[TargetSpec, ...] | None = None  # None: propose them from the text
    progress: Mapping[str, ProgressSpec] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanSpec:
    year: int
    region: str
    title: str
    attachment: str
    units: tuple[UnitSpec, ...]
    indicators: tuple[IndicatorSpec, ...]
    tolerance: float | None = None  # the 基本序时 band; None: domain.schedule's default


def _text(item: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise PlanFormatError(f"{where}: '{key}' must be a non-empty text")
    return value


def _indicator(item: Mapping[str, Any], year: int, index: int) -> IndicatorSpec:
    where = f"indicators[{index}]"
    seq = item.get("seq")
    if not isinstance(seq, int) or seq < 1:
        raise PlanFormatError(f"{where}: 'seq' must be a positive whole number")
    where = f"indicator {seq}"
    units = item.get("lead_units")
    if not isinstance(units, Sequence) or isinstance(units, str) or not units:
        raise PlanFormatError(f"{where}: 'lead_units' must be a list of unit names")
    targets: tuple[TargetSpec, ...] | None = None
    if "targets" in item:
        targets = tuple(
            TargetSpec(
                label=_text(t, "label", where),
                kind=_text(t, "kind", where),
                value=float(t["value"]) if t.get("value") is not None else None,
                unit=str(t.get("unit", "")),
                base=float(t["base"]) if t.get("base") is not None else None,
            )
            for t in item["targets"]
        )
    progress: dict[str, ProgressSpec] = {}
    for code, entry in dict(item.get("progress", {})).items():
        try:
            period = Period.parse(code)
        except PeriodError as error:
            raise PlanFormatError(f"{where}: unknown period '{code}'") from error
        if period.year != year:
            raise PlanFormatError(f"{where}: period {code} is not in the plan year {year}")
        progress[period.code] = ProgressSpec(
            text=_text(entry, "text", where, required=False),
            status=entry.get("status"),
            as_of_month=entry.get("as_of_month"),
            problems=entry.get("problems", ""),
            next_steps=entry.get("next_steps", ""),
        )
    return IndicatorSpec(
        seq=seq,
        text=_text(item, "text", where),
        lead_units=tuple(str(u) for u in units),
        category=item.get("category"),
        targets=targets,
        progress=progress,
    )


def plan_from_mapping(data: Mapping[str, Any]) -> PlanSpec:
    """Check and convert a decoded plan file (TOML) into a PlanSpec."""
    year = data.get("year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise PlanFormatError("'year' must be a year such as 2024")
    units = tuple(
        UnitSpec(name=_text(u, "name", f"units[{i}]"), aliases=tuple(u.get("aliases", ())))
        for i, u in enumerate(data.get("units", []))
    )
    indicators = tuple(_indicator(item, year, i) for i, item in enumerate(data["indicators"]))
    seen: set[int] = set()
    for indicator in indicators:
        if indicator.seq in seen:
            raise PlanFormatError(f"indicator {indicator.seq}: 序号 appears twice")
        seen.add(indicator.seq)
    tolerance = data.get("tolerance")
    if tolerance is not None and (
        isinstance(tolerance, bool)
        or not isinstance(tolerance, int | float)
        or not 0 <= tolerance < 1
    ):
        raise PlanFormatError("'tolerance' must be a share of the pace from 0 to below 1, e.g. 0.1")
    return PlanSpec(
        year=year,
        region=_text(data, "region", "plan"),
        title=_text(data, "title", "plan"),
        attachment=str(data.get("attachment", "")),
        units=units,
        indicators=indicators,
        tolerance=float(tolerance) if tolerance is not None else None,
    )
