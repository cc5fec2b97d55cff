"""Figures proposed from the texts are stored unconfirmed and never replace a confirmed one."""

from __future__ import annotations

from kpi_desktop.domain.periods import Period
from kpi_desktop.services import editing
from kpi_desktop.services.figures import propose_all_figures
from kpi_desktop.services.queries import indicator_views, plans

Q1 = Period.parse("2024Q1")


def _view(session, seq):  # type: ignore[no-untyped-def]
    return next(v for v in indicator_views(session, plans(session)[0]) if v.seq == seq)


def test_proposals_are_stored_unconfirmed(database: object) -> None:
    with database.transaction() as session:  # type: ignore[attr-defined]
        written = propose_all_figures(session, Q1)
    with database.read() as session:  # type: ignore[attr-defined]
        view = _view(session, 3)
        actual = view.actuals[("2024Q1", view.targets[0].id)]
        assert (actual.value, actual.unit, actual.as_of_month) == (19431, "万美元", 3)
        assert not actual.confirmed
        placeholder = _view(session, 1)
        assert placeholder.actuals == {}
    assert written == 31  # the figures of the expected table in test_figures_schedule


def test_a_confirmed_figure_is_never_overwritten(database: object) -> None:
    with database.transaction() as session:  # type: ignore[attr-defined]
        view = _view(session, 32)
        target_id = view.targets[0].id
        editing.set_actual(session, view.id, "2024Q1", target_id, 900, "人", confirmed=True)
    with database.transaction() as session:  # type: ignore[attr-defined]
        propose_all_figures(session, Q1)
    with database.read() as session:  # type: ignore[attr-defined]
        actual = _view(session, 32).actuals[("2024Q1", target_id)]
        assert (actual.value, actual.confirmed) == (900, True)


def test_running_twice_writes_nothing_new(database: object) -> None:
    with database.transaction() as session:  # type: ignore[attr-defined]
        propose_all_figures(session, Q1)
    with database.transaction() as session:  # type: ignore[attr-defined]
        assert propose_all_figures(session, Q1) == 0
