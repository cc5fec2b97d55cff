"""Figures read from progress texts and the 序时 status they give, checked against a table
written by reading every first-quarter text of the seed, plus one test per rule."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kpi_desktop.domain.figures import as_of_month, find_figures, placeholder, propose_actuals
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.schedule import Reason, assess_target, assess_text, combine
from kpi_desktop.domain.status import Status
from kpi_desktop.domain.targets import propose_targets

Q1 = Period.parse("2024Q1")
B, OK, A, D, N = Status.BEHIND, Status.ON_SCHEDULE, Status.AHEAD, Status.DONE, Status.NO_FIGURE

# seq -> per target in text order: (value, unit as the text writes it, as-of month, status),
# or (None, status) where the text holds no figure answering that target.
# Reading notes:
#  3  19431万美元 of 11亿美元 is 17.7% against 25%.
#  6  163.46 of 1200亿元 at February: 13.6% against 16.7%.
#  11 13.9万户 of 14万户: a stock not yet reached, and its base not given: on schedule.
#  18 signed: 1 of 2 (50亿元以上), 5 of 20 (10亿元以上), 25 of 100 (亿元以上).
#  19 the March estimate 35.85亿元 replaces the February 21.51亿元.
#  21 开工 30 of 100, 投产 5 of 40; the 26 are 备案 projects, not starts.
#  29 311 newly granted patents do not measure the stock held (拥有量突破2万件).
#  38 the text reports the 7200 rooms raised and 621 of 700 households.
#  40 one centre in use (新投入) of three; the two renovated are not in use yet.
#  43 2200亩 only approved (立项); 44 1496亩 only approved and designed: no result yet.
#  45 four projects started (开工建设), none built; 47 eight projects started, not a count of 6.
#  46 6.8% of villages against a share of 50%; 48 44 projects applied for (上报), not launched.
#  50 50 events of 300 at the end of March; 51 routes only being planned (谋划).
Row = tuple[float | None, str, int, Status] | tuple[None, Status]
EXPECTED: dict[int, list[Row]] = {
    1: [(None, N)],
    2: [(None, N)],
    3: [(19431, "万美元", 3, B)],
    4: [(None, N)],
    5: [(None, N)],
    6: [(163.46, "亿元", 2, B)],
    7: [(101.04, "亿元", 2, B)],
    8: [(None, N), (None, N)],
    9: [(None, N), (None, N)],
    10: [(None, N), (None, N)],
    11: [(13.9, "万户", 3, OK)],
    12: [(20, "家", 3, OK)],
    13: [(62, "家", 3, A)],
    14: [(3, "家", 3, B)],
    15: [(None, N)],
    16: [(None, N)],
    17: [(None, N)] * 4,
    18: [(1, "个", 3, A), (5, "个", 3, OK), (25, "个", 3, OK)],
    19: [(35.85, "亿元", 3, OK)],
    20: [(19, "个", 3, OK), (4, "个", 3, OK)],
    21: [(30, "个", 3, OK), (5, "个", 3, B)],
    22: [(None, N)],
    23: [(817.67, "亩", 3, OK), (571, "亩", 3, OK)],
    24: [(None, N)],
    25: [(18.56, "亿元", 3, A)],
    26: [(None, N)],
    27: [(None, N)],
    28: [(None, N), (None, N)],
    29: [(None, N)],
    30: [(41, "个", 3, OK)],
    31: [(63, "个", 3, OK)],
    32: [(825, "人", 3, OK)],
    33: [(4711, "人", 3, B)],
    34: [(27, "%", 2, OK)],
    35: [(31, "家", 3, OK)],
    36: [(5, "公里", 3, A)],
    37: [(None, N)],
    38: [(7200, "套（间）", 3, D), (621, "户", 3, A), (None, N), (None, N)],
    39: [(4228, "名", 2, B)],
    40: [(1, "个", 3, OK), (None, N)],
    41: [(None, N), (None, N)],
    42: [(None, N), (None, N)],
    43: [(None, N), (None, N)],
    44: [(None, N)],
    45: [(None, N), (None, N)],
    46: [(None, N), (6.8, "%", 2, B)],
    47: [(None, N)],
    48: [(None, N), (None, N)],
    49: [(None, N), (None, N)],
    50: [(None, N), (None, N), (None, N), (50, "场", 3, B)],
    51: [(None, N), (None, N)],
    52: [(None, N), (None, N)],
    53: [(None, N), (None, N)],
}
# The whole indicator: the worst status among targets that have a figure.
INDICATOR_STATUS = {18: OK, 21: B, 38: A, 40: OK, 46: B, 50: B}
# The month each text says its figures are as of (None: the text names none).
AS_OF = {3: 3, 5: 2, 6: 2, 7: 2, 11: 3, 14: 3, 18: 3, 19: 3, 20: 3, 21: 3, 22: 2, 26: 3}
AS_OF |= {29: 1, 31: 3, 32: 3, 33: 3, 34: 2, 35: 3, 39: 2, 43: 3, 44: 3, 46: 2}
PLACEHOLDERS = {1: "季度数据", 2: "季度数据", 4: "年度数据", 8: "季度数据", 10: "推进中"}
PLACEHOLDERS |= {17: "推进中", 27: "推进中", 28: "推进中", 37: "推进中", 42: "推进中"}


def test_the_expected_table_covers_every_seed_indicator(plan_rows: list) -> None:
    assert sorted(EXPECTED) == [row.seq for row in plan_rows]
    for row in plan_rows:
        assert len(EXPECTED[row.seq]) == len(propose_targets(row.text)), row.seq


def test_figures_proposed_from_every_q1_text(plan_rows: list) -> None:
    wrong = []
    for row in plan_rows:
        proposals = propose_actuals(row.progress, propose_targets(row.text), Q1)
        got = [None if p is None else (p.value, p.unit, p.as_of_month) for p in proposals]
        want = [
            None if e[0] is None else (pytest.approx(e[0]), e[1], e[2]) for e in EXPECTED[row.seq]
        ]
        if got != want:
            wrong.append((row.seq, got, want))
    assert not wrong


def test_schedule_status_of_every_q1_text(plan_rows: list) -> None:
    wrong = []
    for row in plan_rows:
        assessments = assess_text(row.progress, propose_targets(row.text), Q1)
        got = [a.status for a in assessments]
        want = [e[-1] for e in EXPECTED[row.seq]]
        if got != want:
            wrong.append((row.seq, got, want))
        overall = combine(assessments).status
        expected_overall = INDICATOR_STATUS.get(row.seq, want[0] if len(set(want)) == 1 else None)
        if overall != expected_overall:
            wrong.append((row.seq, overall, expected_overall))
    assert not wrong


def test_as_of_month_and_placeholders_of_every_q1_text(plan_rows: list) -> None:
    for row in plan_rows:
        assert as_of_month(row.progress, Q1) == AS_OF.get(row.seq), row.seq
        assert placeholder(row.progress) == PLACEHOLDERS.get(row.seq), row.seq


def test_placeholders_are_never_behind(plan_rows: list) -> None:
    for row in plan_rows:
        if row.seq in PLACEHOLDERS:
            for assessment in assess_text(row.progress, propose_targets(row.text), Q1):
                assert assessment.status is Status.NO_FIGURE
                assert assessment.reason is Reason.PLACEHOLDER


# --- one test per rule -------------------------------------------------------------------


@dataclass(frozen=True)
class T:
    kind: str
    value: float | None
    unit: str
    label: str = ""
    span: str = ""


def test_count_behind_on_and_ahead_of_schedule() -> None:
    target = T("count", 3000, "名")
    assert assess_target(target, 650, "人", Q1).status is B  # 21.7%: more than a tenth short of 25%
    assert assess_target(target, 825, "人", Q1).status is OK  # 27.5%
    assert assess_target(target, 1500, "人", Q1).status is A  # half the year's target
    assert assess_target(target, 3000, "人", Q1).status is D


def test_completion_is_compared_with_the_as_of_month() -> None:
    target = T("amount", 1200, "亿元")
    at_february = assess_target(target, 210, "亿元", Q1, as_of_month=2)
    at_march = assess_target(target, 210, "亿元", Q1, as_of_month=3)
    assert at_february.status is OK and at_february.expected == pytest.approx(2 / 12)
    assert at_march.status is B and at_march.expected == pytest.approx(3 / 12)


def test_amount_in_another_scale_is_converted() -> None:
    result = assess_target(T("amount", 11, "亿美元"), 19431, "万美元", Q1)
    assert result.completion == pytest.approx(0.17665, abs=1e-4)
    assert result.status is B


def test_money_in_another_currency_is_not_compared() -> None:
    result = assess_target(T("amount", 11, "亿美元"), 19431, "万元", Q1)
    assert (result.status, result.reason) == (N, Reason.UNIT_MISMATCH)


def test_threshold_is_completed_like_an_amount() -> None:
    assert assess_target(T("threshold", 20, "亿元"), 18.56, "亿元", Q1).status is A
    assert assess_target(T("threshold", 20, "亿元"), 21, "亿元", Q1).status is D


def test_growth_rate_compares_rates_not_elapsed_time() -> None:
    target = T("growth", 8, "%")
    assert assess_target(target, 27, "%", Q1).status is OK
    assert assess_target(target, 5, "%", Q1).status is B
    assert assess_target(target, 8, "%", Period.parse("2024Y")).status is D


def test_decline_target_is_met_by_falling_far_enough() -> None:
    target = T("growth", -3, "%")
    assert assess_target(target, -4, "%", Q1).status is OK
    assert assess_target(target, -1, "%", Q1).status is B


def test_share_compares_levels() -> None:
    target = T("share", 50, "%")
    assert assess_target(target, 6.8, "%", Q1).status is B
    assert assess_target(target, 52, "%", Q1).status is OK


def test_qualitative_and_unknown_targets_have_no_figure() -> None:
    assert assess_target(T("qualitative", None, ""), 5, "个", Q1).reason is Reason.QUALITATIVE
    assert assess_target(T("count", None, "个"), 5, "个", Q1).reason is Reason.NO_TARGET_VALUE


def test_a_text_without_figure_is_no_figure_not_behind() -> None:
    [result] = assess_text("开展总部企业申报中。", [T("threshold", 45, "家")], Q1)
    assert (result.status, result.reason) == (N, Reason.NO_FIGURE)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("1-2月，累计实现一般公共预算收入34.7亿元。", 2),
        ("1—3月，促成产学研项目63个。", 3),
        ("截至2月底，城镇新增就业4228名。", 2),
        ("新获得发明专利授权311件（数据截止到1月份）。", 1),
        ("预计一季度实际利用外资19431万美元。", 3),
        ("上半年完成投资8亿元。", 3),  # capped at the period's end
        ("已入库62家。", None),
    ],
)
def test_as_of_markers(text: str, month: int | None) -> None:
    assert as_of_month(text, Q1) == month


def test_a_trailing_marker_dates_the_figure_before_it() -> None:
    [figure] = find_figures("新获得发明专利授权311件（数据截止到1月份）。", Q1)
    assert (figure.value, figure.unit, figure.as_of_month) == (311, "件", 1)


def test_figure_of_a_qualitative_target_is_still_found() -> None:
    [figure] = find_figures("1-2月，累计实现一般公共预算收入34.7亿元。", Q1)
    assert (figure.value, figure.unit, figure.as_of_month) == (34.7, "亿元", 2)


def test_years_ages_and_list_numbers_are_not_figures() -> None:
    figures = find_figures("1. 2024年第一季度已引进35周岁以下大学生4711人。", Q1)
    assert [(f.value, f.unit) for f in figures] == [(4711, "人")]


def test_full_width_digits_are_read() -> None:
    [proposal] = propose_actuals("一季度新增高技能人才８２５人。", [T("count", 3000, "名")], Q1)
    assert proposal is not None and proposal.value == 825


def test_growth_figure_answers_growth_target_only() -> None:
    text = "跨境电商进出口1-2月份31.5亿元人民币，同比增长27%。"
    [growth] = propose_actuals(text, [T("growth", 8, "%", "跨境电商进出口增长")], Q1)
    [share] = propose_actuals(text, [T("share", 30, "%", "跨境电商占比")], Q1)
    assert growth is not None and growth.value == 27
    assert share is None


def test_size_class_tells_targets_of_one_unit_apart() -> None:
    targets = [T("count", 60, "个", "亿元以上项目"), T("count", 13, "个", "10亿元以上项目")]
    text = "其中10亿元以上项目4个，落地亿元以上项目19个。"
    first, second = propose_actuals(text, targets, Q1)
    assert first is not None and first.value == 19
    assert second is not None and second.value == 4


def test_target_verb_chooses_the_figure() -> None:
    targets = [T("count", 100, "个", "技术改造项目开工"), T("count", 40, "个", "技术改造项目投产")]
    first, second = propose_actuals("投产项目5个，已开工项目30个。", targets, Q1)
    assert first is not None and first.value == 30
    assert second is not None and second.value == 5


def test_a_step_short_of_the_result_is_not_the_result() -> None:
    target = T("amount", 2200, "亩", "高标准农田", "新建高标准农田2200亩")
    assert propose_actuals("立项新建高标准农田2200亩。", [target], Q1) == [None]
    approval = T("count", 10, "个", "研发攻坚计划项目", "立项研发攻坚计划项目10个")
    [proposal] = propose_actuals("已立项研发攻坚计划项目3个。", [approval], Q1)
    assert proposal is not None and proposal.value == 3


def test_new_items_do_not_measure_a_stock() -> None:
    stock = T("level", 2, "万件", "有效发明专利拥有量")
    assert propose_actuals("新获得发明专利授权311件。", [stock], Q1) == [None]
    assert propose_actuals("有效发明专利拥有量1.9万件。", [stock], Q1)[0] is not None


def test_indicator_status_is_its_worst_target_with_a_figure() -> None:
    behind = assess_target(T("count", 40, "个"), 5, "个", Q1)
    on = assess_target(T("count", 100, "个"), 30, "个", Q1)
    missing = assess_target(T("count", 3, "家"), None, "", Q1)
    assert combine([on, behind, missing]).status is B
    assert combine([on, missing]).status is OK
    assert combine([missing]).status is N


def test_a_ceiling_is_met_by_staying_at_or_under_it() -> None:
    target = T("ceiling", 4.5, "%")
    year = Period.parse("2024Y")
    assert assess_target(target, 4.02, "%", year).status is D
    assert assess_target(target, 4.5, "%", year).status is D
    assert assess_target(target, 4.8, "%", year).status is B
    assert assess_target(target, 4.0, "%", Q1).status is OK


def test_the_figure_under_a_ceiling_is_the_rate_reached_not_the_ceiling_restated() -> None:
    target = T("ceiling", 4.5, "%", "城镇登记失业率", "城镇登记失业率4.5%以内")
    text = "去年末城镇登记失业率为4.02%，低于4.5%的控制目标。"
    [proposal] = propose_actuals(text, [target], Period.parse("2024Y"))
    assert proposal is not None and proposal.value == 4.02


@dataclass(frozen=True)
class Level:
    kind: str
    value: float | None
    unit: str
    label: str = ""
    span: str = ""
    base: float | None = None


def test_a_level_is_reached_or_not() -> None:
    stock = Level("level", 14, "万户")
    assert assess_target(stock, 14.1, "万户", Q1).status is D
    assert assess_target(stock, 13.9, "万户", Q1).status is OK  # not a flow 99% done from zero
    assert assess_target(stock, 13.9, "万户", Period.parse("2024Y")).status is B


def test_a_level_with_its_base_is_judged_on_the_way_from_there() -> None:
    stock = Level("level", 14, "万户", base=12.6)
    on_way = assess_target(stock, 13.0, "万户", Q1)  # 0.4 of 1.4 万户: 29% at 25% elapsed
    assert on_way.status is OK and on_way.completion == pytest.approx(0.4 / 1.4)
    assert assess_target(stock, 12.7, "万户", Q1).status is B
    assert assess_target(stock, 13.5, "万户", Q1).status is A


Y = Period.parse("2024Y")


def _completions(text: str, targets: list, period: Period = Y) -> list[float | None]:
    return [None if p is None else p.completion for p in propose_actuals(text, targets, period)]


@pytest.mark.parametrize(
    ("text", "completion"),
    [
        ("95%", 0.95),
        ("已进场施工，完成60%。", 0.6),
        ("已完成总进度70%。", 0.7),
        ("完成全年目标的92.1%。", 0.921),
        ("完成筛查工作，完成率47.23%。", 0.4723),
        ("正在施工中（90%）", 0.9),
        ("累计完成650个，占总计划的32.5%。", 0.325),
    ],
)
def test_a_share_of_the_work_is_a_completion(text: str, completion: float) -> None:
    [got] = _completions(text, [T("count", 2000, "公里", "农村公路")])
    assert got == pytest.approx(completion)


def test_a_share_standing_alone_is_the_whole_items() -> None:
    targets = [T("count", 5, "所", "公办园"), T("count", 1000, "个", "公办幼儿学位")]
    assert _completions("80%(新区实验幼儿园进度滞后)", targets) == [0.8, 0.8]


def test_shares_one_per_target_go_in_order() -> None:
    targets = [T("count", 4000, "张", "养老床位"), T("count", 800, "张", "养护床位")]
    text = "4,385（占全年计划110%）\n810（占全年计划101%）"
    assert _completions(text, targets) == [pytest.approx(1.10), pytest.approx(1.01)]


def test_a_share_naming_something_else_is_not_the_targets() -> None:
    targets = [T("count", 1, "所", "公办中小学校"), T("count", 810, "个", "学位")]
    text = "新建工程室内装修及安装工程完成80%，场外工程完成70%。"
    assert _completions(text, targets, Q1) == [None, None]


def test_with_several_shares_the_one_of_the_targets_figure_counts() -> None:
    target = T("count", 17.85, "万人", "受益人口")
    text = "完成工程投资7856万元，完成率54.7%，新增受益人口11.05万人，完成率61.9%。"
    [proposal] = propose_actuals(text, [target], Y)
    assert proposal is not None and (proposal.value, proposal.unit) == (11.05, "万人")


def test_a_figure_counts_only_what_its_noun_names() -> None:
    target = T("count", 210, "个", "达标小区", "新增四分类“三定一督”达标小区210个")
    [proposal] = propose_actuals("在46个小区，建成38个厢房，70个分类亭。", [target], Y)
    assert proposal is not None and proposal.value == 46
    assert propose_actuals("建成38个厢房，70个分类亭。", [target], Y) == [None]


def test_a_figure_not_started_is_none_done() -> None:
    target = T("amount", 2, "公里", "美丽海岸带", "推动“美丽海岸带”建设2公里")
    [proposal] = propose_actuals("“美丽海岸带”建设2公里未启动。", [target], Y)
    assert proposal is not None and proposal.value == 0


def test_a_qualitative_target_is_judged_by_the_share_of_its_work() -> None:
    target = T("qualitative", None, "", "实现全部开工建设")
    q3 = Period.parse("2024Q3")
    [result] = assess_text("30个乡镇已开工建设公办园，完成率78.94%。", [target], q3)
    assert result.status is OK and result.completion == pytest.approx(0.7894)
    [late] = assess_text("完成率40%。", [target], q3)
    assert late.status is B


def test_a_share_is_shown_as_that_much_of_the_target() -> None:
    from datetime import UTC, datetime

    from kpi_desktop.services.tracking import standing
    from kpi_desktop.services.views import IndicatorView
    from kpi_desktop.storage.models import Indicator, Progress, Target

    target = Target(id=1, indicator_id=1, position=0, label="背街后巷", kind="count", value=50)
    target.unit = "条"
    entry = Progress(
        indicator_id=1,
        period="2024Y",
        text="已进场施工，完成60%。",
        as_of_month=11,
        updated_at=datetime.now(UTC),
    )
    view = IndicatorView(
        Indicator(id=1, plan_id=1, seq=24, text="优化提升50条背街后巷交通组织。"),
        [],
        [],
        [target],
        {"2024Y": entry},
    )
    [row] = standing(view, "2024Y").targets
    assert (row.value, row.unit, row.proposed) == (pytest.approx(30), "条", True)
    assert row.assessment.completion == pytest.approx(0.6)


def test_a_little_short_of_the_pace_is_still_on_schedule() -> None:
    """基本序时: 48.7% done at the end of June is not 滞后; 44% is."""
    target = T("amount", 100, "亿元")
    half = Period.parse("2024H1")
    assert assess_target(target, 48.7, "亿元", half).status is OK
    assert assess_target(target, 44, "亿元", half).status is B
    assert assess_target(target, 700 / 30, "亿元", Q1).status is OK  # 23.3% against 25%


def test_a_plan_may_judge_strictly_or_more_leniently() -> None:
    target = T("amount", 100, "亿元")
    half = Period.parse("2024H1")
    assert assess_target(target, 48.7, "亿元", half, tolerance=0).status is B
    assert assess_target(target, 40, "亿元", half, tolerance=0.25).status is OK
    [share] = assess_text("完成44%。", [target], half, tolerance=0.2)
    assert share.status is OK


def test_the_units_verdict_is_kept_beside_the_computed_status() -> None:
    """ "已完成。" about the month's plan, while the figures say the year's target is far off."""
    from datetime import UTC, datetime

    from kpi_desktop.domain.verdicts import Verdict
    from kpi_desktop.services.tracking import standing, verdict_of
    from kpi_desktop.services.views import IndicatorView
    from kpi_desktop.storage.models import Indicator, Progress, Target

    target = Target(id=1, indicator_id=1, position=0, label="筛查", kind="count", value=7400)
    target.unit = "人"
    entry = Progress(
        indicator_id=1,
        period="2024H1",
        text="已完成。\n完成筛查人数1000人。",
        as_of_month=4,
        updated_at=datetime.now(UTC),
    )
    view = IndicatorView(Indicator(id=1, plan_id=1, seq=2, text="筛查7400人。"), [], [], [target])
    view.progress["2024H1"] = entry
    found = standing(view, "2024H1")
    assert found.status is B and found.verdict is Verdict.DONE
    assert verdict_of(view, "2024H1") is Verdict.DONE
    assert verdict_of(view, "2024Q3") is None


def test_an_aside_without_quantity_stays_in_the_figures_words() -> None:
    target = T(
        "count", 35, "条", "全市新增（优化）城乡公交线路", "全市新增（优化）城乡公交线路35条"
    )
    text = "已完成新增（优化）线路37条，完成率106%。其中新增11条，优化26条。"
    [proposal] = propose_actuals(text, [target], Period.parse("2018H1"))
    assert proposal is not None and proposal.value == 37


def test_work_in_progress_is_not_work_done() -> None:
    target = T("count", 10, "家", "示范型居家养老服务照料中心")
    text = "已完成设计方案，5家施工中，5家完成建设。"
    q3 = Period.parse("2021Q3")
    [proposal] = propose_actuals(text, [target], q3)
    assert proposal is not None and proposal.value == 5
    assert propose_actuals("5家施工中。", [target], q3) == [None]


def test_the_target_stated_again_is_no_progress() -> None:
    target = T("count", 180, "人", "康复救助残疾儿童")
    text = "目标任务是要完成180人*8个月的康复培训任务。"
    assert propose_actuals(text, [target], Period.parse("2021H1")) == [None]


def test_a_generic_word_after_the_noun_does_not_hide_it() -> None:
    target = T("count", 7.4, "万口", "山坪塘整治", "完成7.4万口山坪塘整治")
    text = "全市7.4万口山坪塘整治工作已提前完成总目标任务。"
    [proposal] = propose_actuals(text, [target], Period.parse("2015H1"))
    assert proposal is not None and proposal.value == 7.4


def test_an_item_over_several_rows_takes_one_share_per_line() -> None:
    targets = [
        T("count", 2800, "人次", "孕产妇免费产前筛查"),
        T("count", 1980, "人次", "“两癌”免费检查"),
        T("count", 180, "人", "康复救助残疾儿童"),
    ]
    text = (
        "1564（55.9%）\n1060（53.5%）\n126（70%）目标任务是要完成180人，完成率为1005/1440*100%=70%"
    )
    got = _completions(text, targets, Period.parse("2021H1"))
    assert got == [pytest.approx(0.559), pytest.approx(0.535), pytest.approx(0.70)]


def test_dump_says_how_each_target_stands(database: object) -> None:
    """`dump` gives, per indicator and reported period, each target's figure, unit, as-of
    month, completion and what would be on schedule, the status, and the unit's verdict."""
    from kpi_desktop.services import editing
    from kpi_desktop.services.queries import dump

    def indicator(data: dict, seq: int) -> dict:  # type: ignore[type-arg]
        return next(i for i in data["plans"][0]["indicators"] if i["seq"] == seq)

    with database.read() as session:  # type: ignore[attr-defined]
        data = dump(session)
    workers = indicator(data, 32)["standing"]
    assert workers == {
        "2024Q1": {
            "status": "on_schedule",
            "targets": [
                {
                    "target": 0,
                    "figure": 825,
                    "unit": "人",
                    "as_of_month": 3,
                    "completion": 0.275,
                    "on_schedule_at": 0.25,
                    "status": "on_schedule",
                    "confirmed": False,
                }
            ],
        }
    }
    foreign = indicator(data, 3)["standing"]["2024Q1"]["targets"][0]
    assert (foreign["figure"], foreign["unit"], foreign["status"]) == (19431, "万美元", "behind")
    assert "2024H1" not in indicator(data, 3)["standing"]  # nothing reported there

    from kpi_desktop.services.queries import indicator_views, plans

    with database.transaction() as session:  # type: ignore[attr-defined]
        view = next(v for v in indicator_views(session, plans(session)[0]) if v.seq == 32)
        editing.set_progress(
            session, view.id, "2024H1", {"text": "上半年新增高技能人才1200人，已完成。"}
        )
    with database.read() as session:  # type: ignore[attr-defined]
        half = indicator(dump(session), 32)["standing"]["2024H1"]
    assert half["verdict"] == "done" and half["targets"][0]["figure"] == 1200
