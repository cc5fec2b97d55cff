"""办结销号: an indicator whose target is met leaves later templates and chase lists, stays in
the year's table marked as done, and comes back when reopened."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.services import done, editing
from kpi_desktop.services.excel_template import build_template
from kpi_desktop.services.queries import dump, indicator_views, plan_for_year
from kpi_desktop.services.submissions import chase_list, submissions
from kpi_desktop.services.summary import compile_summary
from kpi_desktop.storage.models import ChangeLog

Q1, H1, Q3 = (Period.parse(c) for c in ("2024Q1", "2024H1", "2024Q3"))
SEQ = 14  # 新增限上社零企业50家, led by 区商务局 alone
MAY_10 = date(2024, 5, 10)


def _view(database: Any, seq: int = SEQ) -> Any:
    with database.read() as session:
        return next(
            v for v in indicator_views(session, plan_for_year(session, 2024)) if v.seq == seq
        )


def _template_seqs(database: Any, period: Period, unit: str | None = "区商务局") -> list[int]:
    with database.read() as session:
        workbook, _info = build_template(session, period, unit)
    sheet = workbook["进展情况"]
    return [c.value for c in sheet["A"][3:] if isinstance(c.value, int)]


def _mark(database: Any, on: date = MAY_10) -> None:
    with database.transaction() as session:
        done.mark_done(session, _view(database), on)


def _met(database: Any) -> None:
    """The clerk sets the half-year's status to 已完成: the target is met."""
    with database.transaction() as session:
        editing.set_progress(
            session, _view(database).id, "2024H1", {"text": "新增52家。", "status": "done"}
        )


def test_only_a_met_target_can_be_marked_done(database: Any) -> None:
    with pytest.raises(KpiError) as caught:
        _mark(database)
    assert caught.value.code == "done.not_met" and "14" in caught.value.message()
    with database.read() as session:
        assert done.done_indicators(session, plan_for_year(session, 2024)) == {}


def test_done_leaves_later_templates_and_chase_lists_until_reopened(database: Any) -> None:
    _met(database)
    assert SEQ in _template_seqs(database, Q3)
    _mark(database)
    # Marked in May: the first quarter (ended in March) still asks for it; later periods not.
    assert SEQ in _template_seqs(database, Q1)
    assert SEQ not in _template_seqs(database, H1)
    assert SEQ not in _template_seqs(database, Q3)
    assert SEQ not in _template_seqs(database, Q3, None)
    assert _template_seqs(database, Q3)  # the unit's other rows are still asked for
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        commerce = next(s for s in submissions(session, plan, Q3) if s.unit == "区商务局")
        assert SEQ not in commerce.indicators
        chased = {seq for item in chase_list(session, plan, Q3) for seq, _t in item.rows}
        assert SEQ not in chased and chased
        # The year's table still prints it, marked as done from the period it was done in.
        q3_row = next(r for r in compile_summary(session, Q3).rows if r.seq == SEQ)
        q1_row = next(r for r in compile_summary(session, Q1).rows if r.seq == SEQ)
        q3 = compile_summary(session, Q3)
        assert q3_row.done_on == MAY_10 and "【已办结，2024年5月10日销号】" in q3.cells(q3_row)[3]
        assert q1_row.done_on is None
        data = dump(session)
    row = next(i for i in data["plans"][0]["indicators"] if i["seq"] == SEQ)
    assert row["done"] == {"since": "2024-05-10"}
    with database.transaction() as session:
        assert done.reopen_done(session, _view(database)) == MAY_10
    assert SEQ in _template_seqs(database, Q3)
    with database.read() as session:
        logged = [
            (c.old_value, c.new_value)
            for c in session.exec(select(ChangeLog).where(ChangeLog.field_name == "done"))
        ]
    assert logged == [(None, "2024-05-10"), ("2024-05-10", None)]
    with pytest.raises(KpiError) as caught, database.transaction() as session:
        done.reopen_done(session, _view(database))
    assert caught.value.code == "done.not_done"
