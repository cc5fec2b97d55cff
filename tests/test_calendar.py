"""The quarter's calendar: due dates with a unit's own date, where each unit stands against its
date (on time, late, due soon, overdue), chase rounds and their 催报单."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from excel_support import fill_template
from sqlmodel import select

from kpi_desktop.domain.calendar import (
    DUE_SOON_DAYS,
    Light,
    chinese_date,
    parse_date,
    standing,
)
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.services import calendar, chase_notice
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import apply_import, preview_import
from kpi_desktop.services.queries import plan_for_year
from kpi_desktop.storage.models import ChangeLog

H1 = Period.parse("2024H1")
DUE = date(2024, 7, 10)


def test_the_lights_of_a_unit_against_its_date() -> None:
    back = standing(DUE, outstanding=False, returned_on=date(2024, 7, 10), today=date(2024, 8, 1))
    assert (back.light, back.days, back.label()) == (Light.ON_TIME, 0, "✓ 按时报送")
    late = standing(DUE, outstanding=False, returned_on=date(2024, 7, 13), today=date(2024, 8, 1))
    assert (late.light, late.days, late.word()) == (Light.LATE, 3, "迟报 3 天")
    over = standing(DUE, outstanding=True, returned_on=None, today=date(2024, 7, 15))
    assert (over.light, over.days, over.label()) == (Light.OVERDUE, 5, "✗ 逾期 5 天")
    # A unit that sent part of its rows on time is still overdue for the rest.
    partly = standing(DUE, outstanding=True, returned_on=date(2024, 7, 1), today=date(2024, 7, 11))
    assert (partly.light, partly.days) == (Light.OVERDUE, 1)
    soon = DUE - timedelta(days=DUE_SOON_DAYS)
    assert standing(DUE, outstanding=True, returned_on=None, today=soon).light is Light.DUE_SOON
    assert standing(DUE, outstanding=True, returned_on=None, today=soon).word() == "临期，还剩 3 天"
    assert standing(DUE, outstanding=True, returned_on=None, today=DUE).word() == "今天截止"
    early = soon - timedelta(days=1)
    assert standing(DUE, outstanding=True, returned_on=None, today=early).light is Light.NOT_DUE
    assert standing(None, outstanding=True, returned_on=None, today=DUE).light is Light.NO_DATE
    written = standing(DUE, outstanding=False, returned_on=None, today=date(2024, 9, 1))
    assert written.light is Light.NOT_NEEDED
    # Every light has its own mark, readable without colour.
    marks = {
        standing(DUE, outstanding=o, returned_on=r, today=t).mark
        for o, r, t in [
            (False, DUE, DUE),
            (False, DUE + timedelta(1), DUE),
            (True, None, DUE),
            (True, None, DUE + timedelta(1)),
            (True, None, early),
            (False, None, DUE),
            (True, None, DUE),
        ]
    }
    assert len(marks) == 6


def test_dates_are_written_and_read_the_chinese_way() -> None:
    assert chinese_date(date(2024, 7, 5)) == "2024年7月5日"
    for typed in ("2024-07-05", "2024/7/5", "2024.7.5", "2024年7月5日", " 2024-7-5 "):
        assert parse_date(typed) == date(2024, 7, 5)
    for bad in ("2024-02-30", "7月5日", "", "明天"):
        with pytest.raises(KpiError) as caught:
            parse_date(bad)
        assert caught.value.code == "calendar.bad_date"


def _return(database: Any, folder: Path, unit: str, values: dict[int, str]) -> Path:
    with database.read() as session:
        template = export_template(session, H1, folder / f"{unit}.xlsx", unit).path
    return fill_template(template, folder / f"{unit}-填报.xlsx", values)


def _import(database: Any, *paths: Path) -> None:
    with database.read() as session:
        preview = preview_import(session, list(paths))
    apply_import(database, preview)


def _standings(database: Any, today: date) -> dict[str, calendar.UnitStanding]:
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        return {s.unit: s for s in calendar.standings(session, plan, H1, today)}


def _set_due(database: Any, due: date, unit: str | None = None) -> None:
    with database.transaction() as session:
        calendar.set_due_date(session, plan_for_year(session, 2024), H1, due, unit)


def test_a_units_own_date_and_the_periods_date(database: Any, tmp_path: Path) -> None:
    today = date.today()
    _set_due(database, today + timedelta(days=10))
    _set_due(database, today - timedelta(days=2), "区商务局")  # its own date, passed
    _set_due(database, today + timedelta(days=1), "区财政局")
    # Another name the unit goes by finds it too (rows 20 and 22 say 区发展改革委).
    _set_due(database, today - timedelta(days=4), "区发展改革委")
    seqs = _standings(database, today)["区商务局"].submission.indicators
    texts = {seq: f"第{seq}项上半年进展。" for seq in seqs}
    _import(database, _return(database, tmp_path, "区商务局", texts))
    got = _standings(database, today)
    commerce = got["区商务局"]
    assert commerce.own_date and commerce.due == today - timedelta(days=2)
    assert commerce.returned_on == today and not commerce.submission.outstanding
    assert (commerce.standing.light, commerce.standing.days) == (Light.LATE, 2)
    assert got["区财政局"].standing.light is Light.DUE_SOON
    assert got["区发展改革局"].standing.light is Light.OVERDUE
    assert got["区发展改革局"].standing.days == 4
    others = [s for s in got.values() if not s.own_date]
    assert others and all(s.due == today + timedelta(days=10) for s in others)
    assert {s.standing.light for s in others} <= {Light.NOT_DUE, Light.NOT_NEEDED}
    with database.read() as session:
        logged = session.exec(select(ChangeLog).where(ChangeLog.entity == "due_date")).all()
    assert len(logged) == 4
    with pytest.raises(KpiError) as caught:
        _set_due(database, today, "区不存在局")
    assert caught.value.code == "calendar.unknown_unit"


def test_a_correction_sent_after_the_date_does_not_make_an_on_time_unit_late(
    database: Any, tmp_path: Path
) -> None:
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        seqs = next(
            s.submission.indicators
            for s in calendar.standings(session, plan, H1, date.today())
            if s.unit == "区商务局"
        )
    texts = {seq: f"第{seq}项上半年进展。" for seq in seqs}
    _import(database, _return(database, tmp_path, "区商务局", texts))
    # The first return came in ten days ago, on time for a date eight days ago.
    with database.transaction() as session:
        for entry in session.exec(select(ChangeLog).where(ChangeLog.entity == "contribution")):
            entry.at = datetime.now(UTC) - timedelta(days=10)
            session.add(entry)
    _set_due(database, date.today() - timedelta(days=8))
    corrected = {seq: f"第{seq}项上半年进展（更正）。" for seq in seqs}
    (tmp_path / "更正").mkdir()
    _import(database, _return(database, tmp_path / "更正", "区商务局", corrected))
    commerce = _standings(database, date.today())["区商务局"]
    assert not commerce.submission.outstanding
    assert commerce.returned_on == date.today() - timedelta(days=10)
    assert commerce.standing.light is Light.ON_TIME


def test_the_tree_narrows_to_the_rows_overdue_units_owe(database: Any) -> None:
    today = date(2024, 7, 20)
    _set_due(database, date(2024, 7, 30))
    _set_due(database, date(2024, 7, 15), "区商务局")
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        owed = next(
            s.submission.outstanding
            for s in calendar.standings(session, plan, H1, today)
            if s.unit == "区商务局"
        )
        assert owed
        assert calendar.overdue_seqs(session, plan, H1, today) == frozenset(owed)
        assert calendar.overdue_seqs(session, plan, H1, date(2024, 7, 15)) == frozenset()


def test_chase_rounds_list_those_still_missing_and_give_a_notice(
    database: Any, tmp_path: Path
) -> None:
    _set_due(database, date(2024, 7, 10))
    with database.transaction() as session:
        plan = plan_for_year(session, 2024)
        first = calendar.record_round(
            session, plan, H1, date(2024, 7, 12), "phone", whom="各单位联络员", note="电话提醒"
        )
    assert first.number == 1 and first.how == "电话"
    assert "区商务局" in {u.unit for u in first.units}
    commerce = next(u for u in first.units if u.unit == "区商务局")
    texts = {seq: f"第{seq}项上半年进展。" for seq, _text in commerce.rows}
    _import(database, _return(database, tmp_path, "区商务局", texts))
    with database.transaction() as session:
        plan = plan_for_year(session, 2024)
        way = calendar.add_chase_way(session, " 微信 工作群 ")
        second = calendar.record_round(session, plan, H1, date(2024, 7, 15), way)
        rounds = calendar.chase_rounds(session, plan, H1)
        assert calendar.chase_ways(session)[-1] == "微信 工作群"
        with pytest.raises(KpiError) as caught:
            calendar.resolve_way(session, "飞鸽传书")
        assert caught.value.code == "calendar.unknown_way" and "书面通知" in caught.value.message()
        with pytest.raises(KpiError):
            calendar.add_chase_way(session, "  ")
    assert second.number == 2 and second.how == "微信 工作群"
    assert "区商务局" not in {u.unit for u in second.units}
    assert {u.unit for u in second.units} == {u.unit for u in first.units} - {"区商务局"}
    assert [r.number for r in rounds] == [1, 2]
    text = chase_notice.notice_text(first)
    assert "催报单（第1轮）" in text and "2024年7月12日" in text and "电话" in text
    assert "区商务局（截止2024年7月10日，已逾期2天" in text
    seq, row_text = commerce.rows[0]
    assert f"    {seq}. {row_text}" in text
    rows = list(csv.reader(io.StringIO(chase_notice.notice_csv(first).lstrip("\ufeff"))))
    assert rows[0][:6] == ["轮次", "催报日期", "催报方式", "牵头单位", "截止日期", "逾期天数"]
    assert ["1", "2024-07-12", "电话", "区商务局", "2024-07-10", "2", str(seq), row_text] in rows
    assert len(rows) - 1 == sum(len(u.rows) for u in first.units)


def test_nobody_to_chase_records_no_round(database: Any) -> None:
    q1 = Period.parse("2024Q1")  # the built-in plan's first quarter is all written
    with pytest.raises(KpiError) as caught, database.transaction() as session:
        calendar.record_round(session, plan_for_year(session, 2024), q1, date(2024, 4, 12), "电话")
    assert caught.value.code == "calendar.nothing_to_chase"
    with database.read() as session:
        assert calendar.chase_rounds(session, plan_for_year(session, 2024), q1) == []


def test_the_assessment_counts_with_the_stored_calendar(database: Any) -> None:
    from kpi_desktop.services.assessment import assess

    _set_due(database, date(2024, 7, 10))
    _set_due(database, date(2024, 7, 20), "区商务局")
    with database.transaction() as session:
        plan = plan_for_year(session, 2024)
        calendar.record_round(session, plan, H1, date(2024, 7, 12), "电话")
        calendar.record_round(session, plan, H1, date(2024, 7, 15), "书面通知")
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        dates = calendar.assessment_calendar(session, plan, H1, date(2024, 7, 16))
        rows = {r.unit: r for r in assess(session, H1, dates).rows}
        given = calendar.assessment_calendar(session, plan, H1, date(2024, 7, 16), date(2024, 7, 1))
    assert dates.due == date(2024, 7, 10) and dates.unit_due == {"区商务局": date(2024, 7, 20)}
    assert rows["区商务局"].due == date(2024, 7, 20) and rows["区商务局"].chase_rounds == 2
    assert rows["区财政局"].due == date(2024, 7, 10) and rows["区财政局"].days == 6
    assert given.due == date(2024, 7, 1)
