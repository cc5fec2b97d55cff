"""Reading a plan back through a session: the plans as the table models, and each
indicator with its units, targets and progress (services.reads reads the same from either
kind of storage.reader.Reader)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from kpi_desktop.services.dump import dump as dump
from kpi_desktop.services.reads import no_year
from kpi_desktop.services.views import IndicatorView, views_from_snapshot
from kpi_desktop.storage.models import Plan
from kpi_desktop.storage.rows import PlanRow, plain
from kpi_desktop.storage.session_reader import SessionReader


def plans(session: Session) -> list[Plan]:
    return list(session.exec(select(Plan).order_by(col(Plan.year), col(Plan.region))))


def plan_for_year(session: Session, year: int) -> Plan:
    for plan in plans(session):
        if plan.year == year:
            return plan
    raise no_year(year, [p.year for p in plans(session)])


def indicator_views(session: Session, plan: Plan | PlanRow) -> list[IndicatorView]:
    """Every indicator of `plan` in 序号 order, loaded with a fixed number of queries."""
    return views_from_snapshot(SessionReader(session).plan_rows(plain(PlanRow, plan)))
