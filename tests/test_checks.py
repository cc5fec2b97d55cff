"""The checks before a table goes out: one test per rule, each on a database it builds (the
built-in plan, then the half-year or later written as a unit would), asserting the finding
and the message the clerk reads; and dismissing a finding with a reason."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session, select

from kpi_desktop.cli import main
from kpi_desktop.domain.checks import CheckRule, Finding
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.checks import dismiss, open_findings, run_checks, undismiss
from kpi_desktop.services.editing import (
    Source,
    set_actual,
    set_contribution,
    set_progress,
)
from kpi_desktop.services.queries import dump, plan_for_year
from kpi_desktop.storage.models import ChangeLog, Indicator, IndicatorUnit, LeadUnit, Target

EXPLAINED = {"problems": "项目签约延后。", "next_steps": "加快推进。"}


def _indicator(session: Session, seq: int) -> Indicator:
    plan = plan_for_year(session, 2024)
    return session.exec(
        select(Indicator).where(Indicator.plan_id == plan.id, Indicator.seq == seq)
    ).one()


def _write(database: Any, seq: int, period: str, text: str, **fields: str) -> None:
    with database.transaction() as session:
        indicator = _indicator(session, seq)
        assert indicator.id is not None
        set_progress(session, indicator.id, period, {"text": text, **fields})


def _findings(database: Any, period: str, seq: int, rule: CheckRule) -> list[Finding]:
    with database.read() as session:
        return [f for f in run_checks(session, period) if f.seq == seq and f.rule is rule]


def test_a_cumulative_figure_lower_than_last_quarters(database: Any) -> None:
    # No. 32: 3000 new skilled workers; the first quarter reported 825.
    _write(database, 32, "2024H1", "上半年新增高技能人才700人。", **EXPLAINED)
    (finding,) = _findings(database, "2024H1", 32, CheckRule.FELL)
    assert finding.message() == (
        "第 32 项（区人社局）：“高技能人才”上半年累计 700名，比一季度的 825名 还少。"
        "累计数从年初算起，不应减少：请与牵头单位核实本期数字，或更正一季度的数字。"
    )
    assert "No. 32" in finding.message("en") and "first half" in finding.message("en")
    # More than last quarter: nothing to say.
    _write(database, 32, "2024H1", "上半年新增高技能人才1600人。")
    assert _findings(database, "2024H1", 32, CheckRule.FELL) == []


def test_a_figure_beyond_twice_the_years_target(database: Any) -> None:
    # No. 3: 11亿美元 of foreign investment; 25亿美元 by June is a slip of a digit.
    _write(database, 3, "2024H1", "上半年实际利用外资250000万美元。")
    (finding,) = _findings(database, "2024H1", 3, CheckRule.IMPLAUSIBLE)
    assert finding.message() == (
        "第 3 项（区商务局）：“实际利用外资”上半年为 25亿美元，超过全年目标 11亿美元 的 2 倍。"
        "请核对是否多写了位数或把万、亿写错，与牵头单位确认后改正。"
    )
    _write(database, 3, "2024H1", "上半年实际利用外资60000万美元。")
    assert _findings(database, "2024H1", 3, CheckRule.IMPLAUSIBLE) == []


def test_a_growth_rate_far_above_its_target(database: Any) -> None:
    # No. 1: GDP growth of 5.5%; 55% is the decimal point lost.
    _write(database, 1, "2024H1", "上半年地区生产总值增长55%。")
    (finding,) = _findings(database, "2024H1", 1, CheckRule.IMPLAUSIBLE)
    assert finding.message() == (
        "第 1 项（区发展改革局）：“地区生产总值增长”上半年为 55%，比目标 5.5% 高出 20 个百分点"
        "以上。请核对小数点和百分号是否写错，与牵头单位确认后改正。"
    )
    _write(database, 1, "2024H1", "上半年地区生产总值增长6.1%。")
    assert _findings(database, "2024H1", 1, CheckRule.IMPLAUSIBLE) == []


def test_a_units_verdict_against_the_computed_status(database: Any) -> None:
    # No. 14: 50 new retail enterprises; 10 by June is behind, whatever the unit says.
    _write(database, 14, "2024H1", "上半年新增入库限上社零企业10家，已完成。", **EXPLAINED)
    (finding,) = _findings(database, "2024H1", 14, CheckRule.VERDICT)
    assert finding.message() == (
        "第 14 项（区商务局）：单位自评“已完成”，但按上半年的数字计算为“滞后”。"
        "请与牵头单位核实：改正进展情况中的数字或自评，或由您设定状态并写明理由。"
    )
    # 30 of 50 at mid-year is on schedule, and the unit says so.
    _write(database, 14, "2024H1", "上半年新增入库限上社零企业30家，序时推进。")
    assert _findings(database, "2024H1", 14, CheckRule.VERDICT) == []


def test_behind_without_problems_or_next_steps(database: Any) -> None:
    _write(database, 14, "2024H1", "上半年新增入库限上社零企业5家。")
    (finding,) = _findings(database, "2024H1", 14, CheckRule.UNEXPLAINED)
    assert finding.message() == (
        "第 14 项（区商务局）上半年滞后，但没有填写存在问题和下步打算。"
        "请要求牵头单位说明滞后原因和下步打算，填入后再打印或定稿。"
    )
    _write(database, 14, "2024H1", "上半年新增入库限上社零企业5家。", problems="企业观望。")
    (finding,) = _findings(database, "2024H1", 14, CheckRule.UNEXPLAINED)
    assert "没有填写下步打算。" in finding.message()
    _write(database, 14, "2024H1", "上半年新增入库限上社零企业5家。", next_steps="上门服务。")
    assert _findings(database, "2024H1", 14, CheckRule.UNEXPLAINED) == []


def test_the_same_placeholder_three_periods_in_a_row(database: Any) -> None:
    # No. 10 said 推进中。 in the first quarter (the built-in plan).
    _write(database, 10, "2024H1", "推进中。")
    assert _findings(database, "2024H1", 10, CheckRule.PLACEHOLDER) == []  # twice only
    _write(database, 10, "2024Q3", "推进中。")
    (finding,) = _findings(database, "2024Q3", 10, CheckRule.PLACEHOLDER)
    assert finding.message() == (
        "第 10 项（区经信科技局）：一季度、上半年、前三季度连续三期都只报“推进中。”。"
        "请催牵头单位报送实际进展和数字，或说明为何仍无数据。"
    )
    # A yearly statistic says 年度数据 honestly until the year's figure is out.
    _write(database, 4, "2024H1", "年度数据。")
    _write(database, 4, "2024Q3", "年度数据。")
    assert _findings(database, "2024Q3", 4, CheckRule.PLACEHOLDER) == []
    _write(database, 4, "2024Y", "年度数据。")
    (yearly,) = _findings(database, "2024Y", 4, CheckRule.PLACEHOLDER)
    assert "上半年、前三季度、全年连续三期都只报“年度数据。”" in yearly.message()


def test_a_figure_in_a_unit_that_does_not_convert(database: Any) -> None:
    # No. 3 counts 美元; 12亿元 is yuan, and the exchange rate is not the clerk's to choose.
    _write(database, 3, "2024H1", "上半年实际利用外资12亿元。")
    (finding,) = _findings(database, "2024H1", 3, CheckRule.UNIT)
    assert finding.message() == (
        "第 3 项（区商务局）：“实际利用外资”的目标以“亿美元”计，上半年进展中的“12亿元”"
        "以“亿元”计，两者无法换算。请与牵头单位确认，按目标的单位填写完成数。"
    )


def test_a_figure_entered_in_another_counting_unit(database: Any) -> None:
    # No. 18 counts projects in 个; a figure entered in 家 cannot be compared.
    _write(database, 18, "2024H1", "上半年签约亿元以上项目若干。")
    with database.transaction() as session:
        indicator = _indicator(session, 18)
        assert indicator.id is not None
        target = session.exec(
            select(Target).where(Target.indicator_id == indicator.id, Target.position == 2)
        ).one()
        assert target.unit == "个" and target.id is not None
        set_actual(session, indicator.id, "2024H1", target.id, 60, "家", confirmed=True)
    (finding,) = _findings(database, "2024H1", 18, CheckRule.UNIT)
    assert finding.message() == (
        f"第 18 项（区商务局）：“{target.label}”的目标以“个”计，上半年进展中的“60家”"
        "以“家”计，两者无法换算。请与牵头单位确认，按目标的单位填写完成数。"
    )


def test_a_shared_indicator_one_lead_unit_answered(database: Any) -> None:
    # No. 20 is led by 区发展改革局 and 区商务局; only 区商务局's return came.
    with database.transaction() as session:
        indicator = _indicator(session, 20)
        assert indicator.id is not None
        entry = set_progress(session, indicator.id, "2024H1", {"text": "落地亿元以上项目30个。"})
        commerce = session.exec(select(LeadUnit).where(LeadUnit.name == "区商务局")).one()
        assert entry.id is not None and commerce.id is not None
        set_contribution(
            session,
            entry.id,
            commerce.id,
            "落地亿元以上项目30个。",
            Source("imported", "区商务局.xlsx"),
            indicator_id=indicator.id,
            period="2024H1",
        )
        units = session.exec(
            select(IndicatorUnit).where(IndicatorUnit.indicator_id == indicator.id)
        ).all()
        assert len(units) == 2
    (finding,) = _findings(database, "2024H1", 20, CheckRule.SHARED)
    assert finding.message() == (
        "第 20 项由 区发展改革局、区商务局 共同牵头：上半年区商务局已报送，区发展改革局尚未报送。"
        "请催区发展改革局报送其负责部分，汇总表才完整。"
    )


def test_dismissing_a_finding_needs_a_reason_and_is_kept_in_the_log(database: Any) -> None:
    _write(database, 32, "2024H1", "上半年新增高技能人才700人。", **EXPLAINED)
    (finding,) = _findings(database, "2024H1", 32, CheckRule.FELL)
    with database.read() as session:
        before = len(session.exec(select(ChangeLog)).all())
    with pytest.raises(KpiError) as refused, database.transaction() as session:
        dismiss(session, finding, "  ")
    assert refused.value.code == "check.no_reason"
    with database.read() as session:
        assert len(session.exec(select(ChangeLog)).all()) == before  # nothing written
    with database.transaction() as session:
        dismiss(session, finding, "一季度数字系预计数，已核实。")
    (again,) = _findings(database, "2024H1", 32, CheckRule.FELL)
    assert again.dismissed == "一季度数字系预计数，已核实。" and not again.open
    with database.read() as session:
        assert again not in open_findings(run_checks(session, "2024H1"))
        logged = session.exec(select(ChangeLog).where(ChangeLog.entity == "finding")).all()
    assert [(e.field_name, e.new_value, e.period) for e in logged] == [
        ("fell:target1", "一季度数字系预计数，已核实。", "2024H1")
    ]
    with database.transaction() as session:
        undismiss(session, again)
    (reopened,) = _findings(database, "2024H1", 32, CheckRule.FELL)
    assert reopened.open


def test_the_check_command_lists_findings_and_exits_1_while_any_is_open(
    database: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(database.path)
    # Nothing reported for the half-year yet: nothing to find.
    assert main(["check", "--db", db, "--period", "2024H1"]) == 0
    assert capsys.readouterr().out == "上半年检查完毕，未发现问题。\n"
    _write(database, 14, "2024H1", "上半年新增入库限上社零企业5家。")
    assert main(["check", "--db", db, "--period", "2024H1"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "[滞后未说明] 第 14 项（区商务局）上半年滞后，但没有填写存在问题和下步打算。"
        "请要求牵头单位说明滞后原因和下步打算，填入后再打印或定稿。",
        "上半年检查发现 1 条问题（另有 0 条已忽略）。请逐条核实处理。",
    ]
    (finding,) = _findings(database, "2024H1", 14, CheckRule.UNEXPLAINED)
    with database.transaction() as session:
        dismiss(session, finding, "已电话催问，原因随下期报送。")
    assert main(["check", "--db", db, "--period", "2024H1"]) == 0
    out = capsys.readouterr().out
    assert "[滞后未说明]（已忽略：已电话催问，原因随下期报送。）第 14 项" in out
    assert main(["check", "--db", db, "--period", "2024H9"]) == 2
    assert "无法识别期间“2024H9”" in capsys.readouterr().err


def test_dump_carries_the_findings_per_indicator_and_period(
    database: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(database, 14, "2024H1", "上半年新增入库限上社零企业5家。")
    with database.read() as session:
        data = dump(session)
    by_seq = {i["seq"]: i for i in data["plans"][0]["indicators"]}
    assert by_seq[14]["findings"]["2024H1"] == [
        {
            "rule": "unexplained",
            "about": "",
            "message": "第 14 项（区商务局）上半年滞后，但没有填写存在问题和下步打算。"
            "请要求牵头单位说明滞后原因和下步打算，填入后再打印或定稿。",
            "dismissed": None,
        }
    ]
    assert by_seq[32]["findings"] == {}  # on schedule in the first quarter, nothing since
