"""Targets proposed from the 2024 seed indicators, checked against a table read by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpi_desktop.domain.targets import (
    ProposedTarget,
    TargetKind,
    parse_number,
    propose_targets,
)
from kpi_desktop.domain.units import UNIT_PATTERN, MeasureUnit, convert, parse_unit

SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_18f662238a09a06d.txt"

G = TargetKind.GROWTH
A = TargetKind.AMOUNT
C = TargetKind.COUNT
T = TargetKind.THRESHOLD
L = TargetKind.LEVEL
S = TargetKind.SHARE
Q = TargetKind.QUALITATIVE

# seq -> targets in text order: (kind, value, unit as written, a fragment the label must hold).
# Read from the 重点工作 column of the seed, one indicator at a time.
Expected = tuple[TargetKind, float | None, str, str]
EXPECTED: dict[int, list[Expected]] = {
    1: [(G, 5.5, "%", "地区生产总值增长")],
    2: [(G, 7, "%", "服务业增加值")],
    3: [(A, 11, "亿美元", "实际利用外资")],
    4: [(S, 5, "%", "研发投入强度")],
    5: [(Q, None, "", "基本同步")],
    6: [(T, 1200, "亿元", "智能汽车及智能装备产业产值")],
    7: [(T, 800, "亿元", "半导体产业产值")],
    8: [(S, 13, "%", "占GDP比重"), (T, 750, "亿元", "营业收入规模")],
    9: [(C, 180, "家", "国家高新技术企业"), (C, 100, "家", "创新型中小企业")],
    10: [(C, 5, "家", "小巨人"), (C, 30, "家", "专精特新中小企业")],
    11: [(L, 14, "万户", "市场主体总数")],
    12: [(C, 50, "家", "规上工业企业")],
    13: [(C, 100, "家", "规上服务业企业")],
    14: [(C, 50, "家", "限上社零企业")],
    15: [(C, 2, "家", "上市企业")],
    16: [(L, 45, "家", "市级总部企业")],
    17: [
        (C, 5, "家", "省级智能工厂/数字化车间"),
        (C, 10, "家", "市级未来工厂"),
        (C, 13, "家", "绿色低碳工厂"),
        (C, 1, "个", "省级工业设计中心"),
    ],
    18: [
        (C, 2, "个", "50亿元以上项目"),
        (C, 20, "个", "10亿元以上项目"),
        (C, 100, "个", "亿元以上项目"),
    ],
    19: [(A, 100, "亿元", "增资扩产规模")],
    20: [(C, 60, "个", "亿元以上项目"), (C, 13, "个", "10亿元以上项目")],
    21: [(C, 100, "个", "技术改造项目开工"), (C, 40, "个", "技术改造项目投产")],
    22: [(Q, None, "", "高于面上投资增速")],
    23: [(A, 2500, "亩", "工业用地收储"), (A, 2000, "亩", "工业用地出让")],
    24: [(A, 30, "亿元", "减负降本")],
    25: [(T, 20, "亿元", "政策性担保金额")],
    26: [(L, 330, "亿元", "区产业基金规模")],
    27: [(C, 10, "个", "研发攻坚计划项目")],
    28: [(C, 60, "家", "研发机构"), (C, 3, "个", "高端仪器共享平台")],
    29: [(L, 2, "万件", "有效发明专利拥有量")],
    30: [(C, 150, "个", "校友经济项目")],
    31: [(C, 180, "个", "产学研合作项目")],
    32: [(C, 3000, "名", "高技能人才")],
    33: [(C, 3, "万名", "35周岁以下大学生")],
    34: [(G, 8, "%", "跨境电商进出口")],
    35: [(C, 100, "家", "外贸出口新主体")],
    36: [(A, 10, "公里", "污水管")],
    37: [(C, 30, "所", "名优特色学校")],
    38: [
        (C, 7200, "套（间）", "保障性租赁住房"),
        (C, 700, "户", "城中村改造"),
        (C, 3000, "套", "安置房"),
        (Q, None, "", "动态清零"),
    ],
    39: [(C, 3, "万人", "城镇新增就业")],
    40: [(C, 3, "个", "居家养老服务照料中心"), (C, 5, "家", "老年友好型社区")],
    41: [(C, 3, "个", "康复站"), (Q, None, "", "街道全覆盖")],
    42: [(C, 7, "个", "同心圆双拥社区"), (C, 2, "个", "双拥共建示范点")],
    43: [(A, 2200, "亩", "高标准农田"), (Q, None, "", "钱塘粮库一期")],
    44: [(A, 1500, "亩", "耕地")],
    45: [(C, 4, "个", "农事服务中心项目"), (A, 2000, "亩", "市级综合种养基地")],
    46: [(C, 5, "家", "家庭农场和农民合作社"), (S, 50, "%", "120万元以上村数量")],
    47: [(C, 6, "个", "千万工程")],
    48: [(C, 2, "个", "文艺精品项目"), (C, 5, "个", "特色艺术示范村社")],
    49: [(C, 3, "家", "城市书房"), (C, 3, "家", "文化驿站")],
    50: [
        (A, 2.2, "万平方米", "嵌入式体育场地"),
        (C, 15, "个", "特色体育空间"),
        (Q, None, "", "低免开放"),
        (C, 300, "场", "体育活动"),
    ],
    51: [(C, 6, "条", "精品旅游线路"), (C, 2, "家", "旅游驿站")],
    52: [(C, 2, "个", "综合示范社区提升工程"), (C, 1, "个", "避灾安置场所")],
    53: [(Q, None, "", "自然灾害普查数据库"), (C, 111, "个", "自动气象站")],
}


def _plan_rows() -> dict[int, str]:
    rows: dict[int, str] = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].strip().isdigit():
            rows[int(cells[0])] = cells[1].strip()
    return rows


@pytest.fixture(scope="module")
def plan_rows() -> dict[int, str]:
    if not SEED.is_file():
        pytest.skip(f"seed table not found at {SEED}")
    return _plan_rows()


def test_expected_table_covers_the_whole_seed(plan_rows: dict[int, str]) -> None:
    assert sorted(plan_rows) == list(range(1, 54))
    assert sorted(EXPECTED) == sorted(plan_rows)


def _shape(target: ProposedTarget) -> tuple[TargetKind, float | None, str]:
    return target.kind, target.value, target.unit


@pytest.mark.parametrize("seq", sorted(EXPECTED))
def test_seed_indicator_targets(seq: int, plan_rows: dict[int, str]) -> None:
    text = plan_rows[seq]
    proposed = propose_targets(text)
    expected = EXPECTED[seq]

    assert [_shape(t) for t in proposed] == [(k, v, u) for k, v, u, _ in expected]
    for target, (_, _, _, fragment) in zip(proposed, expected, strict=True):
        assert fragment in target.label, (target.label, fragment)
        assert target.span and target.span in text
        # Every seed indicator is one the rules can read without help.
        assert target.certain, target.note
        assert target.note == ""


def test_spans_are_in_text_order(plan_rows: dict[int, str]) -> None:
    for seq, text in plan_rows.items():
        positions = [text.index(t.span) for t in propose_targets(text)]
        assert positions == sorted(positions), seq


def test_size_classes_and_conditions_are_not_targets(plan_rows: dict[int, str]) -> None:
    values = {seq: [t.value for t in propose_targets(plan_rows[seq])] for seq in (18, 33, 38, 46)}
    assert 50 not in values[18] and 10 not in values[18]
    assert 35 not in values[33]
    assert 5 not in values[38]
    assert 120 not in values[46]


def test_size_class_stays_in_the_label() -> None:
    labels = [t.label for t in propose_targets("签约50亿元以上项目2个、10亿元以上项目20个")]
    assert labels == ["50亿元以上项目", "10亿元以上项目"]


def test_number_before_its_noun_is_named_by_the_words_after_it() -> None:
    (target,) = propose_targets("加快6个“千万工程”项目建设")
    assert (target.kind, target.value, target.unit) == (C, 6, "个")
    assert target.label == "“千万工程”项目"


def test_full_width_digits_in_text() -> None:
    (target,) = propose_targets("新增国家高新技术企业１８０家，")
    assert (target.kind, target.value, target.unit) == (C, 180, "家")
    assert target.span == "新增国家高新技术企业１８０家"


def test_full_width_percent_sign() -> None:
    (target,) = propose_targets("地区生产总值增长５．５％。")
    assert (target.kind, target.value, target.unit) == (G, 5.5, "％")
    assert target.measure_unit == MeasureUnit("％", "%", 1)


def test_text_without_any_target_asks_the_clerk() -> None:
    (target,) = propose_targets("加快推进某项改革。")
    assert target.kind is Q and target.value is None and target.unit == ""
    assert not target.certain
    assert "人工录入" in target.note


def test_qualitative_outcome_is_certain() -> None:
    (target,) = propose_targets("城乡居民收入与经济增长基本同步。")
    assert target.kind is Q and target.certain


def test_effort_clause_is_dropped_next_to_a_numeric_target() -> None:
    targets = propose_targets("加快推进“个转企”，市场主体总数突破14万户。")
    assert [_shape(t) for t in targets] == [(L, 14, "万户")]


def test_percent_without_a_kind_word_is_uncertain() -> None:
    (target,) = propose_targets("某项指标50%。")
    assert target.kind is S and not target.certain and target.note


def test_decline_is_negative_growth_to_check() -> None:
    (target,) = propose_targets("单位GDP能耗下降3%。")
    assert (target.kind, target.value) == (G, -3)
    assert not target.certain


def test_class_without_a_later_count_is_uncertain() -> None:
    (target,) = propose_targets("培育10亿元以上企业。")
    assert target.value == 10 and target.unit == "亿元"
    assert not target.certain and "规模档次" in target.note


def test_number_without_a_unit_is_uncertain() -> None:
    (target,) = propose_targets("城乡居民收入比缩小到1.7。")
    assert target.value == 1.7 and target.unit == ""
    assert not target.certain


def test_dates_and_durations_are_not_targets() -> None:
    assert [_shape(t) for t in propose_targets("2024年3个月内新增企业3家")] == [(C, 3, "家")]


def test_measure_unit_property() -> None:
    (target,) = propose_targets("实际利用外资11亿美元以上。")
    assert target.measure_unit == MeasureUnit("亿美元", "美元", 1e8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.5", 5.5),
        ("１８０", 180.0),
        ("２．２", 2.2),
        ("1,200", 1200.0),
        ("0", 0.0),
        ("3万", None),
        ("", None),
        ("abc", None),
        ("1.2.3", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "base", "scale"),
    [
        ("元", "元", 1),
        ("万元", "元", 1e4),
        ("亿元", "元", 1e8),
        ("亿元人民币", "元", 1e8),
        ("美元", "美元", 1),
        ("万美元", "美元", 1e4),
        ("亿美元", "美元", 1e8),
        ("%", "%", 1),
        ("％", "%", 1),
        ("家", "家", 1),
        ("个", "个", 1),
        ("项", "项", 1),
        ("件", "件", 1),
        ("万件", "件", 1e4),
        ("名", "人", 1),
        ("万名", "人", 1e4),
        ("人", "人", 1),
        ("万人", "人", 1e4),
        ("户", "户", 1),
        ("万户", "户", 1e4),
        ("套", "套", 1),
        ("间", "间", 1),
        ("套（间）", "套（间）", 1),
        ("亩", "亩", 1),
        ("万亩", "亩", 1e4),
        ("公里", "米", 1e3),
        ("平方米", "平方米", 1),
        ("万平方米", "平方米", 1e4),
        ("场", "场", 1),
        ("所", "所", 1),
        ("条", "条", 1),
        ("村", "村", 1),
        ("只", "只", 1),
        ("万口", "口", 1e4),
        ("对", "对", 1),
        ("节（次）", "节（次）", 1),
        ("节(次)", "节（次）", 1),
        ("万例", "例", 1e4),
        ("本", "本", 1),
        ("床", "床", 1),
        ("张", "张", 1),
        ("座", "座", 1),
        ("辆", "辆", 1),
        ("台", "台", 1),
        ("吨", "吨", 1),
        ("万吨", "吨", 1e4),
        ("公顷", "公顷", 1),
        ("千瓦", "千瓦", 1),
        ("万千瓦", "千瓦", 1e4),
        ("兆瓦", "千瓦", 1e3),
        ("万 平方米", "平方米", 1e4),
    ],
)
def test_parse_unit(text: str, base: str, scale: float) -> None:
    assert parse_unit(text) == MeasureUnit(text, base, scale)


@pytest.mark.parametrize("text", ["", "年", "周岁", "万", "亿", "万%", "美元人民币", "公斤"])
def test_parse_unit_rejects(text: str) -> None:
    assert parse_unit(text) is None


def _unit(text: str) -> MeasureUnit:
    unit = parse_unit(text)
    assert unit is not None
    return unit


def test_convert_between_scales_of_dollars() -> None:
    progress = convert(19431, _unit("万美元"), _unit("亿美元"))
    assert progress == pytest.approx(1.9431)
    assert progress is not None
    assert round(progress / 11 * 100, 1) == 17.7


def test_convert_people_written_as_ming_and_ren() -> None:
    assert convert(3, _unit("万名"), _unit("人")) == pytest.approx(30000)


def test_yuan_and_dollars_do_not_convert() -> None:
    assert convert(1, _unit("亿元"), _unit("亿美元")) is None
    assert convert(1, _unit("美元"), _unit("元")) is None


def test_counts_of_different_things_do_not_convert() -> None:
    assert convert(1, _unit("套"), _unit("套（间）")) is None
    assert convert(1, _unit("亩"), _unit("平方米")) is None


def test_unit_pattern_prefers_the_longest_spelling() -> None:
    quantity = re.compile(rf"(?P<num>[0-9.]+)(?P<unit>{UNIT_PATTERN})")
    found = [m.group("unit") for m in quantity.finditer("2.2万平方米、11亿美元、3个百分点、5家")]
    assert found == ["万平方米", "亿美元", "个百分点", "家"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("新增嵌入式养老床位 7069张", 7069, "张"),  # a space before the unit
        ("新增 52 家专精特新企业", 52, "家"),
        ("培训家政服务人员1,650人", 1650, "人"),  # thousands separated as on an English keyboard
        ("新增立体绿化41.04万 平方米", 41.04, "万 平方米"),  # a space inside the unit
        ("新增752只可控IP化高音喇叭", 752, "只"),
        ("完成7.4万口山坪塘整治", 7.4, "万口"),
        ("新建ICU床位10张", 10, "张"),
        ("新增光伏装机5兆瓦", 5, "兆瓦"),
    ],
)
def test_numbers_and_units_as_re_typed(text: str, value: float, unit: str) -> None:
    (target,) = propose_targets(text)
    assert (target.value, target.unit) == (value, unit)
    assert target.measure_unit is not None


def test_megawatts_convert_to_kilowatts() -> None:
    assert convert(5, _unit("兆瓦"), _unit("万千瓦")) == pytest.approx(0.5)


def test_ascii_commas_break_clauses_but_not_thousands() -> None:
    targets = propose_targets("新(改、扩)建公办园5所,新增公办幼儿学位1,000个。")
    assert [_shape(t) for t in targets] == [(C, 5, "所"), (C, 1000, "个")]
    assert "公办园" in targets[0].label and "公办幼儿学位" in targets[1].label


def test_a_bracketed_quantity_is_a_clause_of_its_own() -> None:
    (target,) = propose_targets("开工建设海塘安澜(南片海塘4.65公里)。")
    assert (target.kind, target.value, target.unit, target.label) == (A, 4.65, "公里", "南片海塘")
    assert target.span == "南片海塘4.65公里"


def test_a_bracketed_aside_without_quantity_stays_in_the_words() -> None:
    (target,) = propose_targets("新改扩建规范化村卫生室（社区卫生服务站）3个。")
    assert (target.value, target.unit) == (3, "个")
    assert "村卫生室（社区卫生服务站）" in target.label
    (rooms,) = propose_targets("筹集保障性租赁住房7200套（间）。")
    assert rooms.unit == "套（间）"


def test_an_aside_or_a_denominator_after_the_unit_names_nothing() -> None:
    (growth,) = propose_targets("地区生产总值：增长5.5%（市下达指标）")
    assert (growth.kind, growth.value) == (G, 5.5) and "地区生产总值" in growth.label
    (standard,) = propose_targets("城市低保标准600元/月/人")
    assert standard.value == 600 and standard.unit == "元"
    assert "城市低保标准" in standard.label


def test_he_and_ji_join_two_targets() -> None:
    targets = propose_targets(
        "完成18个乡镇应急广播分控中心、376个村居广播室和752只可控IP化高音喇叭建设"
    )
    assert [_shape(t) for t in targets] == [(C, 18, "个"), (C, 376, "个"), (C, 752, "只")]
    assert [t.label for t in targets][1:] == ["村居广播室", "可控IP化高音喇叭"]
    assert targets[2].span == "752只可控IP化高音喇叭建设"
    pair = propose_targets("完成30所智慧校园安保一体化管理系统建设和41所学校数字视频监控更新添置。")
    assert [_shape(t) for t in pair] == [(C, 30, "所"), (C, 41, "所")]


def test_he_joining_nouns_is_not_a_second_target() -> None:
    (target,) = propose_targets("培育示范性家庭农场和农民合作社5家")
    assert (target.value, target.label) == (5, "示范性家庭农场和农民合作社")


def test_two_quantities_back_to_back_are_two_targets() -> None:
    targets = propose_targets("新增3岁以下婴幼儿照护服务机构6家180个托位。")
    assert [_shape(t) for t in targets] == [(C, 6, "家"), (C, 180, "个")]
    assert "婴幼儿照护服务机构" in targets[0].label and targets[1].label == "托位"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("引进世界500强、中国500强企业投资项目不少于3个", [(C, 3, "个")]),
        ("5大结构性指标增长10%", [(G, 10, "%")]),
        ("2606个撤并村通公路（2013—2017年）", [(C, 2606, "个")]),
        ("3000公里农村公路危险路段安装安全保障设施（2015-2017年）", [(A, 3000, "公里")]),
        ("总投资2亿元的中子发生器项目开工建设，新增就业300人", [(C, 300, "人")]),
    ],
)
def test_numbers_that_name_date_or_size_are_not_targets(text: str, expected: list) -> None:
    assert [_shape(t) for t in propose_targets(text)] == expected


def test_an_ordinal_is_not_a_target() -> None:
    (target,) = propose_targets("举办好第5届中朝博览会")
    assert target.kind is Q and not target.certain


def test_a_range_is_one_target_met_from_its_lower_end() -> None:
    (target,) = propose_targets("国内生产总值增长6.5%—7%")
    assert _shape(target) == (G, 6.5, "%")
    assert target.span == "国内生产总值增长6.5%—7%"
    (plain,) = propose_targets("城镇新增就业增长6—7%")
    assert _shape(plain) == (G, 6, "%")


def test_parts_adding_up_to_a_total_are_not_targets() -> None:
    text = (
        "实施新建、改扩建学校重点建设项目12个，计划竣工3个，其中幼儿园7个、小学4个、初中1个；"
        "增加学位5000个，其中幼儿园420个，中小学4580个。"
    )
    assert [t.value for t in propose_targets(text)] == [12, 3, 5000]


def test_a_part_that_is_a_requirement_of_its_own_is_a_target() -> None:
    targets = propose_targets("全市新（扩）建幼儿园80所（其中公办30所以上）")
    assert [_shape(t) for t in targets] == [(C, 80, "所"), (C, 30, "所")]
    assert "公办" in targets[1].label


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("城镇登记失业率4.5%以内", 4.5, "%"),
        ("城镇登记失业率控制在4.5%以内", 4.5, "%"),
        ("居民消费价格涨幅3%左右", 3, "%"),
        ("单位生产总值能耗低于0.5吨标准煤", 0.5, "吨"),
        ("生产安全事故死亡人数不超过5人", 5, "人"),
    ],
)
def test_ceilings_are_their_own_kind(text: str, value: float, unit: str) -> None:
    (target,) = propose_targets(text)
    assert _shape(target) == (TargetKind.CEILING, value, unit)


def test_a_ceiling_without_unit_asks_for_one() -> None:
    (target,) = propose_targets("居民消费价格指数控制在103.5以内")
    assert _shape(target) == (TargetKind.CEILING, 103.5, "")
    assert not target.certain and "单位" in target.note


def test_a_bound_after_a_class_is_not_a_ceiling() -> None:
    (target,) = propose_targets("引进35周岁以下大学生3万名")
    assert _shape(target) == (C, 3, "万名")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("市场主体总数突破14万户", 14, "万户"),
        ("有效发明专利拥有量突破2万件", 2, "万件"),
        ("推动区产业基金规模突破330亿元", 330, "亿元"),
        ("省级工业互联网融合发展试点示范企业总数达30家", 30, "家"),
        ("城市低保标准600元/月/人", 600, "元"),
        ("将全市集中供养孤儿养育标准提高到每人每月2200元", 2200, "元"),
    ],
)
def test_stocks_and_standards_are_levels(text: str, value: float, unit: str) -> None:
    (target,) = propose_targets(text)
    assert _shape(target) == (L, value, unit)
    assert not target.label.endswith(("达", "每人每月", "提高到"))


@pytest.mark.parametrize(
    "text",
    ["营业收入规模突破750亿元", "智能汽车产业产值突破1200亿元", "存量企业增资扩产规模超100亿元"],
)
def test_flows_to_exceed_are_not_levels(text: str) -> None:
    (target,) = propose_targets(text)
    assert target.kind in (T, A)


def test_a_standard_of_work_is_not_a_level() -> None:
    (target,) = propose_targets("建设标准化老年活动室10个")
    assert _shape(target) == (C, 10, "个")


def test_levels_raised_from_a_base() -> None:
    text = "将城镇、农村低保人均最低补差水平从每人每月574元、271元分别提高到每人每月609元、300元。"
    targets = propose_targets(text)
    assert [(_shape(t), t.base) for t in targets] == [((L, 609, "元"), 574), ((L, 300, "元"), 271)]
    assert all("补差水平" in t.label and not t.label.endswith("分别") for t in targets)


def test_an_outcome_stated_before_a_listed_quantity_is_a_target_of_its_own() -> None:
    text = "确保有效投资增长高于经济增长、4个结构性指标均实现10%以上增长，市县长项目落地率50%以上。"
    targets = propose_targets(text)
    assert [_shape(t) for t in targets] == [(Q, None, ""), (G, 10, "%"), (S, 50, "%")]
    assert targets[0].label.endswith("高于经济增长")
    assert targets[1].label.startswith("4个结构性指标")


def test_a_verb_before_a_list_is_not_an_outcome_of_its_own() -> None:
    (target,) = propose_targets("建成投用沿浦、宜山、莒溪等8家卫生院")
    assert _shape(target) == (C, 8, "家") and target.label == "卫生院"
    (classes,) = propose_targets("完成同步课堂、研修活动等达2000节（次）以上")
    assert _shape(classes) == (C, 2000, "节（次）")


def test_put_into_use_is_an_outcome() -> None:
    (target,) = propose_targets("庙后吕家初级中学主体建设并投入使用")
    assert target.kind is Q and target.certain
