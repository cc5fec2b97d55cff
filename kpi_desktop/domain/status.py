"""The status of an indicator's progress in a period, as supervision practice names it."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DONE = "done"  # 已完成
    AHEAD = "ahead"  # 超序时
    ON_SCHEDULE = "on_schedule"  # 序时推进
    BEHIND = "behind"  # 滞后
    NO_FIGURE = "no_figure"  # 暂无数据: a placeholder such as 季度数据 / 年度数据
    # 待填报: the period has no progress text yet. (未报送 is said of a lead unit that sent no
    # return: services.submissions.)
    NOT_REPORTED = "not_reported"

    @property
    def chinese(self) -> str:
        return _CHINESE[self]

    @property
    def letter(self) -> str:
        """A one-letter mark readable without colour."""
        return _LETTER[self]

    @classmethod
    def from_text(cls, text: str) -> Status | None:
        """A status from a clerk's or unit's wording ("序时推进", "滞后", "done")."""
        cleaned = "".join(text.split())
        for status in cls:
            if cleaned in (status.value, status.chinese):
                return status
        return _SYNONYMS.get(cleaned)


_CHINESE = {
    Status.DONE: "已完成",
    Status.AHEAD: "超序时",
    Status.ON_SCHEDULE: "序时推进",
    Status.BEHIND: "滞后",
    Status.NO_FIGURE: "暂无数据",
    Status.NOT_REPORTED: "待填报",
}
_LETTER = {
    Status.DONE: "✓",
    Status.AHEAD: "+",
    Status.ON_SCHEDULE: "=",
    Status.BEHIND: "!",
    Status.NO_FIGURE: "?",
    Status.NOT_REPORTED: "–",
}
_SYNONYMS = {
    "完成": Status.DONE,
    "已完成": Status.DONE,
    "序时": Status.ON_SCHEDULE,
    "正常推进": Status.ON_SCHEDULE,
    "按序时推进": Status.ON_SCHEDULE,
    "超序时推进": Status.AHEAD,
    "超进度": Status.AHEAD,
    "滞后序时": Status.BEHIND,
    "进度滞后": Status.BEHIND,
    "暂无": Status.NO_FIGURE,
    "无数据": Status.NO_FIGURE,
}


# The statuses a lead unit may choose in a return; 待填报 (no text yet) is the office's mark.
STATUS_CHOICES = tuple(_CHINESE[s] for s in Status if s is not Status.NOT_REPORTED)
