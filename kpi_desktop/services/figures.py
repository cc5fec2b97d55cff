"""Storing the figures read from progress texts as proposals the clerk confirms.

A proposal is saved as an unconfirmed actual value; the progress panel shows it for the clerk
to confirm or correct. services.editing.set_actual never lets a proposal replace a figure the
clerk confirmed, so running this again after a new import only refreshes guesses.
"""

from __future__ import annotations

from sqlmodel import Session

from kpi_desktop.domain.figures import propose_actuals
from kpi_desktop.domain.periods import Period
from kpi_desktop.services.editing import Source, set_actual
from kpi_desktop.services.queries import IndicatorView, indicator_views, plan_for_year

PROPOSED = Source(kind="proposed")


def propose_figures(session: Session, view: IndicatorView, period: Period) -> int:
    """Save the figures `view`'s progress text gives for its targets; returns how many were
    written (confirmed figures and texts without figures write nothing)."""
    entry = view.progress.get(period.code)
    if entry is None or not entry.text.strip():
        return 0
    written = 0
    proposals = propose_actuals(entry.text, view.targets, period)
    for target, proposal in zip(view.targets, proposals, strict=True):
        if proposal is None or target.id is None:
            continue
        stored = view.actuals.get((period.code, target.id))
        if stored is not None and (stored.confirmed or stored.value == proposal.value):
            continue
        saved = set_actual(
            session,
            view.id,
            period.code,
            target.id,
            proposal.value,
            proposal.unit,
            confirmed=False,
            as_of_month=proposal.as_of_month,
            source=PROPOSED,
        )
        written += saved is not None
    return written


def propose_all_figures(session: Session, period: Period) -> int:
    """propose_figures for every indicator of the plan of `period`'s year."""
    plan = plan_for_year(session, period.year)
    return sum(propose_figures(session, view, period) for view in indicator_views(session, plan))
