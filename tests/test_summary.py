"""The summary table compiled from the database: rows, columns, units and statuses."""

from __future__ import annotations

import pytest

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.status import Status
from kpi_desktop.services import editing
from kpi_desktop.services.summary import SummaryOptions, compile_summary


def _table(database: object, period: str = "2024Q1", **options: object):  # type: ignore[no-untyped-def]
    with database.read() as session:  # type: ignore[attr-defined]
        return compile_summary(session, period, SummaryOptions(**options))  # type: ignore[arg-type]


def test_q1_table_is_the_seed_word_for_word(database: object, plan_rows: list) -> None:
    table = _table(database)
    assert table.attachment == "附件2"
    assert table.title == "2024年钱塘区政府报告重点工作量化指标一季度进展情况汇总表"
    assert table.headers() == ["序号", "重点工作", "牵头单位", "一季度进展情况"]
    assert [(r.seq, r.work, " ".join(r.lead_units), r.progress) for r in table.rows] == [
        (s.seq, s.text, s.units, s.progress) for s in plan_rows
    ]


def test_rows_keep_the_unit_name_they_were_written_with(database: object) -> None:
    row = next(r for r in _table(database).rows if r.seq == 20)
    assert row.lead_units == ("区发展改革委", "区商务局")


def test_one_units_rows_include_shared_rows_and_aliases(database: object) -> None:
    seqs = [r.seq for r in _table(database, unit="区发展改革局").rows]
    assert seqs == [1, 2, 5, 13, 16, 20, 22]
    assert [r.seq for r in _table(database, unit="区发展改革委").rows] == seqs


def test_unknown_unit_is_refused_with_the_known_names(database: object) -> None:
    with pytest.raises(KpiError) as refused:
        _table(database, unit="区不存在局")
    assert refused.value.code == "unit.unknown"
    assert "区商务局" in refused.value.message()


def test_unknown_period_is_refused(database: object) -> None:
    with pytest.raises(KpiError) as refused:
        _table(database, period="2024Q2")
    assert refused.value.code == "period.unknown"


def test_optional_columns(database: object) -> None:
    table = _table(database, with_problems=True, with_status=True)
    assert table.headers()[4:] == ["存在问题", "下步打算", "进度状态"]
    row32 = next(r for r in table.rows if r.seq == 32)
    assert table.cells(row32)[-1] == "序时推进"
    row14 = next(r for r in table.rows if r.seq == 14)
    assert table.cells(row14)[-1] == "滞后"
    row1 = next(r for r in table.rows if r.seq == 1)
    assert table.cells(row1)[-1] == "暂无数据"


def test_clerk_status_and_confirmed_figure_win_over_the_text(database: object) -> None:
    view_id = next(r.indicator_id for r in _table(database).rows if r.seq == 14)
    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(
            session, view_id, "2024Q1", {"problems": "入库慢", "next_steps": "督促"}
        )
    row = next(r for r in _table(database).rows if r.seq == 14)
    assert (row.status, row.problems, row.next_steps) == (Status.BEHIND, "入库慢", "督促")

    from kpi_desktop.services.queries import indicator_views, plans

    with database.transaction() as session:  # type: ignore[attr-defined]
        view = next(v for v in indicator_views(session, plans(session)[0]) if v.id == view_id)
        target_id = view.targets[0].id
        assert target_id is not None
        editing.set_actual(session, view_id, "2024Q1", target_id, 30, "家", confirmed=True)
    assert next(r for r in _table(database).rows if r.seq == 14).status is Status.AHEAD

    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(session, view_id, "2024Q1", {"status": "behind"})
    row = next(r for r in _table(database).rows if r.seq == 14)
    assert row.status is Status.BEHIND and row.status_set_by_clerk


def test_a_period_without_progress_is_not_reported(database: object) -> None:
    table = _table(database, period="2024H1")
    assert table.headers()[3] == "上半年进展情况"
    assert {r.status for r in table.rows} == {Status.NOT_REPORTED}
    assert {r.progress for r in table.rows} == {""}
