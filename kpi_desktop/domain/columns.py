"""What each column of an office's table holds, found by meaning rather than by one spelling.

Offices name the same column many ways: the work item is 重点工作, 工作任务, 项目内容, 实事项目,
民生事项名称…; the lead unit 牵头单位, 责任单位, 牵头负责部门…, beside which 配合单位, 协办单位
and 责任领导 are fields of their own, not lead units. Each header cell is scored for every role
(`score_header`): a name known from practice scores highest, a cell holding a telling word less.
`assign_columns` then gives each column its best role and settles the rest by what the header
row says as a whole: two lead-unit columns are either two levels (市级 / 区级: the office's own
level leads, the other is kept) or a lead and a cooperating one (牵头单位 beside 责任单位); two
progress columns are read as the latest period's (1-10月 / 1-11月) unless they report the same
period; an item's name beside its content makes the text "name：content"; a header cell merged
over two columns (an empty cell after a named one) carries its neighbour's role.

Pure rules: no file, no Qt, no database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a column of a plan or progress table holds."""

    SEQ = "seq"  # 序号
    CATEGORY = "category"  # 大类 / 类别: the section an item belongs to
    TEXT = "text"  # the work item: 重点工作, 项目内容, 任务名称…
    DETAIL = "detail"  # its content or target beside a name column (主要内容, 指标要求…)
    UNITS = "units"  # the lead unit at the office's own level
    OTHER_UNITS = "other_units"  # the lead unit at the other level (市级 beside 区级)
    COOPERATING = "cooperating"  # 配合单位 / 协办单位 / 主要协作单位
    LEADER = "leader"  # 责任领导 / 分管领导 / 责任人
    PROGRESS = "progress"  # the period's progress text
    EARLIER_PROGRESS = "earlier_progress"  # an earlier period's progress beside the latest
    STATUS = "status"  # 完成状态 as this program's template asks for it
    VERDICT = "verdict"  # the unit's own word: 推进状态, 进度, 完成成效, 目标完成情况…
    ON_PACE = "on_pace"  # 是否达序时
    PROBLEMS = "problems"  # 存在问题
    NEXT_STEPS = "next_steps"  # 下步打算
    PLAN = "plan"  # what was planned for the period: 月度工作计划, 一季度目标, 实施计划
    SHARE = "share"  # 完成率 / 占比 / 占全年计划
    DEADLINE = "deadline"  # 完成时限
    REMARKS = "remarks"  # 备注 / 说明
    CONTACT = "contact"  # 监督电话
    MEASURE = "measure"  # 单位 as a unit of measure (个, 人次) beside a target column


# How the clerk and the messages name each role.
ROLE_LABELS: dict[Role, str] = {
    Role.SEQ: "序号",
    Role.CATEGORY: "类别",
    Role.TEXT: "重点工作",
    Role.DETAIL: "工作内容",
    Role.UNITS: "牵头单位",
    Role.OTHER_UNITS: "另一级牵头单位",
    Role.COOPERATING: "配合单位",
    Role.LEADER: "责任领导",
    Role.PROGRESS: "进展情况",
    Role.EARLIER_PROGRESS: "前期进展情况",
    Role.STATUS: "完成状态",
    Role.VERDICT: "推进状态",
    Role.ON_PACE: "是否达序时",
    Role.PROBLEMS: "存在问题",
    Role.NEXT_STEPS: "下步打算",
    Role.PLAN: "工作计划",
    Role.SHARE: "完成率",
    Role.DEADLINE: "完成时限",
    Role.REMARKS: "备注",
    Role.CONTACT: "监督电话",
    Role.MEASURE: "计量单位",
}

# Roles a clerk may give a column by hand (the others follow from the header row).
ASSIGNABLE: tuple[Role, ...] = (
    Role.SEQ,
    Role.CATEGORY,
    Role.TEXT,
    Role.DETAIL,
    Role.MEASURE,
    Role.UNITS,
    Role.OTHER_UNITS,
    Role.COOPERATING,
    Role.LEADER,
    Role.PROGRESS,
    Role.VERDICT,
    Role.ON_PACE,
    Role.PROBLEMS,
    Role.NEXT_STEPS,
    Role.DEADLINE,
    Role.REMARKS,
)

# Names seen in published tables: a cell that is exactly one of these is that column.
_NAMES: dict[Role, tuple[str, ...]] = {
    Role.SEQ: (
        "序号",
        "编号",
        "序",
        "号",
        "项目编号",
        "序列",
        "NO.",
        "NO",
        "No.",
        "No",
        "序号/编号",
    ),
    Role.CATEGORY: ("大类", "类别", "分类", "领域", "板块", "类别名称"),
    Role.TEXT: (
        "重点工作",
        "工作任务",
        "目标任务",
        "全年目标任务",
        "项目内容",
        "项目名称",
        "任务内容",
        "主要指标",
        "指标名称",
        "量化指标",
        "民生实事项目",
        "民生实事",
        "实事项目",
        "实事项目名称",
        "实事内容",
        "内容与要求",
        "任务名称",
        "民生事项名称",
        "事项名称",
        "考核指标",
        "指标任务",
        "任务指标",
        "主要任务",
        "主要预期目标",
        "预期目标",
        "工作事项",
        "项目",
        "指标内容",
        "重点任务",
        "工作内容",
        "主要内容",
        "指标要求",
        "工作目标",
        "年度任务目标",
        "任务目标",
        "目标要求",
        "具体内容",
    ),
    Role.UNITS: (
        "牵头单位",
        "责任单位",
        "牵头责任单位",
        "主办单位",
        "区级牵头单位",
        "县级牵头单位",
        "市级牵头单位",
        "牵头部门",
        "责任部门",
        "负责部门",
        "牵头负责部门",
        "牵头单位及主要负责人",
        "主责单位",
        "承办单位",
        "牵头领导及单位",
    ),
    Role.COOPERATING: ("配合单位", "协办单位", "主要协作单位", "配合部门", "协同单位", "参与单位"),
    Role.LEADER: (
        "责任领导",
        "分管领导",
        "责任人",
        "分管市领导",
        "区政府分管领导",
        "联系领导",
        "牵头领导",
        "牵头市领导",
        "牵头区领导",
    ),
    Role.PROGRESS: (
        "进展情况",
        "完成情况",
        "落实情况",
        "推进情况",
        "当前进度",
        "工作进度",
        "实际进度情况",
        "年度完成情况",
        "落实进展情况",
        "进展情况、存在问题及下一步打算",
        "工作完成情况",
    ),
    Role.STATUS: ("完成状态", "状态"),
    Role.VERDICT: ("推进状态", "进度", "完成成效", "进度评价", "进展评估", "目标完成情况"),
    Role.ON_PACE: ("是否达序时", "是否达序", "是否序时", "是否达序时进度", "序时进度"),
    Role.PROBLEMS: ("存在问题", "问题", "存在困难"),
    Role.NEXT_STEPS: ("下步打算", "下一步打算", "下一步工作", "下步工作打算"),
    Role.PLAN: ("月度工作计划", "工作计划", "实施计划", "工作举措及实施计划", "计划进度"),
    Role.SHARE: ("完成率", "占比", "占全年计划", "完成比例", "完成进度"),
    Role.DEADLINE: ("完成时限", "完成时间", "时限", "时间节点", "完成期限", "计划完成时间"),
    Role.REMARKS: ("备注", "说明", "附注", "目标类型"),
    Role.CONTACT: ("监督电话", "联系电话", "电话"),
    Role.MEASURE: ("单位", "计量单位", "指标单位"),
}

# Words that tell a role inside a longer cell, with how surely they tell it. A cell takes the
# best-scoring role; the scores are set so that the telling word wins: "责任主体与协同单位"
# cooperates (协同 over 单位), "牵头单位及主要负责人" leads (牵头 over 负责人), "8月计划进度" is
# the plan (计划 over 进度), "完成时限" a deadline (时限 over 完成).
_WORDS: dict[Role, tuple[tuple[str, float], ...]] = {
    Role.SEQ: (("序号", 0.9),),
    Role.CATEGORY: (("大类", 0.8), ("类别", 0.8), ("领域", 0.8)),
    Role.TEXT: (
        ("重点工作", 0.9),
        ("实事", 0.75),
        ("任务", 0.7),
        ("指标", 0.7),
        ("项目", 0.7),
        ("事项", 0.7),
        ("内容", 0.65),
        ("目标", 0.6),
        ("要求", 0.5),
        ("名称", 0.6),
    ),
    Role.UNITS: (
        ("牵头", 0.9),
        ("责任单位", 0.8),
        ("责任部门", 0.8),
        ("负责部门", 0.8),
        ("主办", 0.85),
        ("主责", 0.85),
        ("承办", 0.75),
        ("处室", 0.8),
        ("科室", 0.8),
        ("责任主体", 0.8),
        ("实施主体", 0.8),
        ("实施单位", 0.8),
        ("部门", 0.6),
        ("单位", 0.55),
    ),
    Role.COOPERATING: (
        ("配合", 0.95),
        ("协办", 0.95),
        ("协作", 0.95),
        ("协同", 0.95),
        ("协助", 0.95),
        ("参与", 0.8),
    ),
    Role.LEADER: (("领导", 0.92), ("责任人", 0.85), ("分管", 0.85), ("负责人", 0.8)),
    Role.PROGRESS: (
        ("进展", 0.9),
        ("完成情况", 0.85),
        ("落实情况", 0.85),
        ("推进情况", 0.85),
        ("执行情况", 0.85),
        ("进度", 0.75),
        ("落实", 0.7),
        ("成效", 0.65),
        ("完成", 0.6),
    ),
    Role.STATUS: (("状态", 0.7),),
    Role.VERDICT: (("推进状态", 0.95), ("评价", 0.8), ("是否完成", 0.9)),
    Role.ON_PACE: (("序时", 0.95),),
    Role.PROBLEMS: (("问题", 0.8), ("困难", 0.8)),
    Role.NEXT_STEPS: (("下步", 0.92), ("下一步", 0.92), ("打算", 0.75)),
    Role.PLAN: (
        ("计划", 0.9),
        ("季度目标", 0.9),
        ("月目标", 0.9),
        ("举措", 0.9),
        ("措施", 0.85),
        ("安排", 0.8),
    ),
    Role.SHARE: (("完成率", 0.95), ("占比", 0.95), ("占全年", 0.95), ("比例", 0.85)),
    Role.DEADLINE: (("时限", 0.95), ("完成时间", 0.92), ("期限", 0.9), ("节点", 0.85)),
    Role.REMARKS: (("备注", 0.95), ("说明", 0.9), ("类型", 0.7)),
    Role.CONTACT: (("电话", 0.95), ("联系人", 0.85)),
}

# A header cell is short; a longer cell is a title, a note or a row's text, not a header.
HEADER_LENGTH = 20
# The least score that gives a column a role.
THRESHOLD = 0.5
# The least score of the decisive columns for the reader to go ahead without asking.
SURE = 0.75

_LEVELS = {"省级": 0, "省": 0, "市级": 1, "市": 1, "区级": 2, "县级": 2, "区": 2, "县": 2}
_LEVEL = re.compile(r"^(省级|市级|区级|县级|区|县|市|省)(?=牵头|责任|主办|负责|主责)")
_MONTHS = re.compile(r"(?:(\d{1,2})\s*[-—－~至到]\s*)?(\d{1,2})\s*月")
_QUARTERS = {
    "一季度": 3,
    "上半年": 6,
    "二季度": 6,
    "三季度": 9,
    "四季度": 12,
    "全年": 12,
    "年度": 12,
}


def header_key(cell: str) -> str:
    """A header cell as compared: NFKC, no spaces or line breaks, brackets half-width."""
    text = unicodedata.normalize("NFKC", cell)
    return re.sub(r"\s+", "", text)


def _bare(key: str) -> str:
    return re.sub(r"\(.*?\)", "", key)


def score_header(cell: str) -> dict[Role, float]:
    """How surely a header cell names each role (only roles scoring above zero).

    Notes in brackets ("重点工作（量化指标）") and a leading year or period ("2022年度任务目标",
    "1-11月推进情况", "三季度落实情况") do not hide the name; reference columns ("…（供参考）")
    name nothing."""
    key = header_key(cell)
    if not key or len(key) > HEADER_LENGTH or "参考" in key:
        return {}
    bare = _bare(key) or key
    plain = re.sub(
        r"^(?:\d{4}年度?|\d{1,2}[-—~至]?\d{0,2}月份?(?:底|末)?|[一二三四]季度|上半年|下半年|全年|年度)",
        "",
        bare,
    )
    plain = plain or bare
    level = _LEVEL.match(plain)
    unleveled = plain[level.end() :] if level else plain
    scores: dict[Role, float] = {}
    for role, names in _NAMES.items():
        if bare in names or plain in names or unleveled in names:
            scores[role] = 1.0 if bare in names else 0.95
    for role, words in _WORDS.items():
        best = max((score for word, score in words if word in bare), default=0.0)
        if best > scores.get(role, 0.0):
            scores[role] = best
    if scores.get(Role.SEQ, 0) and len(bare) > 4 and bare not in _NAMES[Role.SEQ]:
        del scores[Role.SEQ]  # "序号" inside a longer cell is not the 序号 column
    return scores


def best_role(cell: str) -> tuple[Role, float] | None:
    """The role a header cell most surely names, with its score; None below the threshold."""
    scores = score_header(cell)
    if not scores:
        return None
    role = max(scores, key=lambda r: scores[r])
    return (role, scores[role]) if scores[role] >= THRESHOLD else None


def header_level(cell: str) -> int | None:
    """The level a lead-unit header names: 0 province, 1 city, 2 district or county."""
    match = _LEVEL.match(_bare(header_key(cell)))
    return _LEVELS[match.group(1)] if match else None


def header_month(cell: str) -> int | None:
    """The last month a progress header reports to ("1-11月推进情况" → 11, "三季度" → 9)."""
    key = header_key(cell)
    months = _MONTHS.findall(key)
    if months:
        return int(months[-1][1])
    for word, month in _QUARTERS.items():
        if word in key:
            return month
    return None


@dataclass(frozen=True)
class Layout:
    """The roles of a table's columns: each role with the 0-based columns that hold it, in
    order (a role over two columns is read as one, joined), and how sure the reading is."""

    columns: Mapping[Role, tuple[int, ...]]
    scores: Mapping[int, float] = field(default_factory=dict)  # column -> its role's score
    by_hand: bool = False  # given by the clerk, not read from the header

    def first(self, role: Role) -> int | None:
        found = self.columns.get(role)
        return found[0] if found else None

    def __contains__(self, role: object) -> bool:
        return role in self.columns

    @property
    def sure(self) -> bool:
        """Whether the decisive columns (the item text, and the lead unit and progress where
        the table has them) were read from names known well enough to go ahead unasked."""
        if self.by_hand:
            return True
        if Role.TEXT not in self.columns:
            return False
        decisive = [Role.TEXT, Role.UNITS, Role.PROGRESS]
        cells = [c for role in decisive for c in self.columns.get(role, ())]
        return all(self.scores.get(c, 1.0) >= SURE for c in cells)

    def role_of(self, column: int) -> Role | None:
        for role, found in self.columns.items():
            if column in found:
                return role
        return None


def assign_columns(cells: Sequence[str], *, level: int | None = None) -> Layout:
    """The roles of a header row's cells. `level` is the office's own (see `header_level`);
    None takes the most local level a table names."""
    picked: list[tuple[int, Role, float]] = []
    previous: tuple[int, Role] | None = None
    for index, cell in enumerate(cells):
        if not header_key(cell):
            # A header merged across two columns leaves the second cell empty: it holds more
            # of its neighbour's text or progress.
            if previous is not None and previous[0] == index - 1:
                role = previous[1]
                if role in (Role.TEXT, Role.DETAIL, Role.PROGRESS):
                    role = Role.DETAIL if role is Role.TEXT else role
                    picked.append((index, role, 0.9))
                    previous = (index, role)
            continue
        found = best_role(cell)
        previous = None
        if found is None:
            continue
        picked.append((index, found[0], found[1]))
        previous = (index, found[0])
    columns: dict[Role, list[int]] = {}
    scores = {index: score for index, _role, score in picked}
    for index, role, _score in picked:
        columns.setdefault(role, []).append(index)
    _settle_texts(columns, cells, scores)
    _settle_units(columns, cells, scores, level)
    _settle_progress(columns, cells)
    if len(columns.get(Role.SEQ, ())) > 1:
        columns[Role.SEQ] = columns[Role.SEQ][:1]
    if len(columns.get(Role.CATEGORY, ())) > 1:
        columns[Role.CATEGORY] = columns[Role.CATEGORY][:1]
    return Layout({role: tuple(found) for role, found in columns.items() if found}, scores)


def _settle_texts(
    columns: dict[Role, list[int]], cells: Sequence[str], scores: dict[int, float]
) -> None:
    """The first text column is the item; a second one (its content or target) its detail."""
    texts = columns.get(Role.TEXT, [])
    if len(texts) <= 1:
        return
    first, second, *rest = texts
    columns[Role.TEXT] = [first]
    columns.setdefault(Role.DETAIL, []).insert(0, second)
    columns[Role.DETAIL].sort()
    for index in rest:
        scores.pop(index, None)


def _settle_units(
    columns: dict[Role, list[int]],
    cells: Sequence[str],
    scores: dict[int, float],
    level: int | None,
) -> None:
    """Two lead-unit columns: two levels (the office's own leads) or a lead and a helper."""
    units = columns.get(Role.UNITS, [])
    if len(units) <= 1:
        return
    levels = {index: header_level(cells[index]) for index in units}
    named = {lv for lv in levels.values() if lv is not None}
    if len(named) >= 2:
        own = level if level in named else max(named)
        lead = [i for i in units if levels[i] == own][:1]
        columns[Role.UNITS] = lead
        columns.setdefault(Role.OTHER_UNITS, []).extend(i for i in units if i not in lead)
        return
    lead_first = sorted(units, key=lambda i: (-scores.get(i, 0), "牵头" not in cells[i], i))
    columns[Role.UNITS] = lead_first[:1]
    columns.setdefault(Role.COOPERATING, []).extend(sorted(lead_first[1:]))
    columns[Role.COOPERATING].sort()


def _settle_progress(columns: dict[Role, list[int]], cells: Sequence[str]) -> None:
    """Progress over several columns: the latest period's, unless all report the same one."""
    found = columns.get(Role.PROGRESS, [])
    if len(found) <= 1:
        return
    months = {index: header_month(cells[index]) for index in found if header_key(cells[index])}
    named = {m for m in months.values() if m is not None}
    if len(named) <= 1:
        return  # one period over several columns (完成情况 + 取得成效, or a merged header)
    latest = max(named)
    keep = [i for i in found if months.get(i, latest) == latest or not header_key(cells[i])]
    # an empty (merged) cell goes with the column before it
    keep = [i for i in keep if header_key(cells[i]) or (i - 1) in keep]
    columns[Role.PROGRESS] = keep
    columns.setdefault(Role.EARLIER_PROGRESS, []).extend(i for i in found if i not in keep)


def layout_key(cells: Sequence[str]) -> str:
    """The layout of a header row, for remembering the clerk's choice for files like it."""
    return "|".join(header_key(cell) for cell in cells).rstrip("|")
