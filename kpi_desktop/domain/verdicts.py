"""A lead unit's own verdict on its progress, as it writes it.

Units write their judgement beside or inside their progress text: "已完成。", "按时序推进",
"88%（…推进缓慢）", "22%（严重滞后）", or a status column of 是/否 under 是否达序时. The
verdict is kept beside the status the figures give (domain.schedule), never instead of it:
a unit writing "已完成" about its month's plan may be far from its year's target, and where
the two disagree the clerk sees both.
"""

from __future__ import annotations

import re
from enum import StrEnum

from kpi_desktop.domain.status import Status
from kpi_desktop.domain.text import fold


class Verdict(StrEnum):
    DONE = "done"  # 已完成, 超额完成, 提前完成年度任务, 基本完成
    AHEAD = "ahead"  # 超序时
    ON_SCHEDULE = "on_schedule"  # 序时推进, 按时序推进, 达到时间进度, 顺利推进
    BEHIND = "behind"  # 滞后, 推进缓慢, 偏慢, 未达序时
    SERIOUSLY_BEHIND = "seriously_behind"  # 严重滞后

    @property
    def chinese(self) -> str:
        return _CHINESE[self]

    @property
    def status(self) -> Status:
        """The status the verdict claims, to compare with the one the figures give."""
        return Status.BEHIND if self is Verdict.SERIOUSLY_BEHIND else Status(self.value)


_CHINESE = {
    Verdict.DONE: "已完成",
    Verdict.AHEAD: "超序时",
    Verdict.ON_SCHEDULE: "序时推进",
    Verdict.BEHIND: "滞后",
    Verdict.SERIOUSLY_BEHIND: "严重滞后",
}

_PHRASES: dict[Verdict, tuple[str, ...]] = {
    Verdict.SERIOUSLY_BEHIND: ("严重滞后",),
    Verdict.DONE: (
        "已经完成或基本完成",
        "提前完成年度任务",
        "提前完成全年任务",
        "提前完成",
        "超额完成",
        "基本完成",
        "全部完成",
        "已经完成",
        "已完成",
        "完成任务",
        "完成",
    ),
    Verdict.AHEAD: ("超序时推进", "超序时", "超进度", "快于序时"),
    Verdict.ON_SCHEDULE: (
        "按时序推进",
        "按序时推进",
        "达到序时进度",
        "达到时间进度",
        "序时推进",
        "基本序时",
        "正常推进",
        "顺利推进",
        "达序时",
        "达进度",
        "序时",
    ),
    Verdict.BEHIND: (
        "未达到序时进度",
        "未达序时",
        "进度滞后",
        "滞后序时",
        "推进缓慢",
        "进度缓慢",
        "进度偏慢",
        "慢序时",
        "欠进度",
        "偏慢",
        "滞后",
    ),
}
# Longest first, so that "严重滞后" is not read as "滞后", nor "基本完成" as "完成".
_ORDERED = sorted(
    ((phrase, verdict) for verdict, phrases in _PHRASES.items() for phrase in phrases),
    key=lambda item: -len(item[0]),
)
# Only a status column answers 是否达序时 with a bare yes or no.
_CELL_ANSWERS = {"是": Verdict.ON_SCHEDULE, "否": Verdict.BEHIND}
_CLAUSE = re.compile(r"[^，,。.；;：:、（）()\n]+")
_NEGATED = ("未", "没有", "尚未")


def _clause_verdict(clause: str) -> Verdict | None:
    """The verdict a clause states: the clause is a verdict phrase, or ends with one
    ("金乡镇四好农村路推进缓慢"); a negated one ("未完成") states none."""
    for phrase, verdict in _ORDERED:
        if clause.endswith(phrase) and not clause[: -len(phrase)].endswith(_NEGATED):
            return verdict
    return None


def verdict_in_text(text: str) -> Verdict | None:
    """The unit's own verdict written in a progress text, the first one it states."""
    for clause in _CLAUSE.findall(fold(text)):
        found = _clause_verdict(clause)
        if found is not None:
            return found
    return None


def verdict_in_cell(cell: str) -> Verdict | None:
    """The verdict a status column states (是否达序时: 是 / 否, or the words themselves)."""
    folded = fold(cell).strip("。.")
    return _CELL_ANSWERS.get(folded) or verdict_in_text(folded)
