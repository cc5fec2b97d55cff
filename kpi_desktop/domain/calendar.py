"""The quarter's calendar: due dates, where a unit stands against its date, the ways of
chasing, and the clerk's dates written the Chinese way.

Dates here are the clerk's calendar dates (her local time): a return imported at 23:30 on
5 July counts for 5 July, whatever UTC says. The rules take "today" as a parameter, so the
same answer is given by the window, the command line and a test.

Where a unit stands (`Light`), for a period with a due date:
- 按时 (on time): every row it is asked for came back, the last of them on or before the date;
- 迟报 (late): every row came back, the last of them N days after the date;
- 临期 (due soon): rows still outstanding and the date is today or within `DUE_SOON_DAYS`;
- 逾期 (overdue): rows still outstanding and the date has passed (N days ago);
- 未到期 (not yet due): rows outstanding, the date more than `DUE_SOON_DAYS` away;
- 无需报送 (nothing to return): every row it leads has its text without a return;
- 未设截止日期 (no due date): the period has no due date for that unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kpi_desktop.domain.errors import KpiError

# 临期: a unit is warned from three days before its date. Offices set returns due a week or
# two after the quarter ends and chase by phone the day before; three days leaves time for a
# reminder to reach the unit's clerk and for her to fill in the template.
DUE_SOON_DAYS = 3


class Light(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    NOT_DUE = "not_due"
    NOT_NEEDED = "not_needed"
    NO_DATE = "no_date"


# A mark readable without colour, then the word (with its number of days where it has one).
_LIGHT_WORDS: dict[Light, tuple[str, str, str]] = {
    Light.ON_TIME: ("✓", "按时报送", "returned on time"),
    Light.LATE: ("◆", "迟报 {days} 天", "returned {days} days late"),
    Light.DUE_SOON: ("◔", "临期，还剩 {days} 天", "due soon: {days} days left"),
    Light.OVERDUE: ("✗", "逾期 {days} 天", "overdue by {days} days"),
    Light.NOT_DUE: ("○", "未到期", "not yet due"),
    Light.NOT_NEEDED: ("–", "无需报送", "nothing to return"),
    Light.NO_DATE: ("·", "未设截止日期", "no due date"),
}


@dataclass(frozen=True)
class Standing:
    """Where one unit stands against its due date."""

    light: Light
    days: int = 0  # days late, days overdue, or days left (due soon); 0 otherwise
    due: date | None = None
    returned_on: date | None = None

    @property
    def mark(self) -> str:
        return _LIGHT_WORDS[self.light][0]

    def word(self, language: str = "zh") -> str:
        _mark, zh, en = _LIGHT_WORDS[self.light]
        if self.light is Light.DUE_SOON and self.days == 0:
            return "今天截止" if language == "zh" else "due today"
        return (en if language == "en" else zh).format(days=self.days)

    def label(self, language: str = "zh") -> str:
        """The mark and the word, as a cell shows it: "✗ 逾期 5 天"."""
        return f"{self.mark} {self.word(language)}"


def standing(
    due: date | None,
    *,
    outstanding: bool,
    returned_on: date | None,
    today: date,
) -> Standing:
    """Where a unit stands: `outstanding` when it still owes rows; `returned_on` the day the
    last of its returned rows first came in (None when it returned nothing)."""
    if not outstanding and returned_on is None:
        return Standing(Light.NOT_NEEDED, due=due)
    if due is None:
        return Standing(Light.NO_DATE, returned_on=returned_on)
    if not outstanding:
        assert returned_on is not None
        late = (returned_on - due).days
        if late > 0:
            return Standing(Light.LATE, late, due, returned_on)
        return Standing(Light.ON_TIME, 0, due, returned_on)
    left = (due - today).days
    if left < 0:
        return Standing(Light.OVERDUE, -left, due, returned_on)
    if left <= DUE_SOON_DAYS:
        return Standing(Light.DUE_SOON, left, due, returned_on)
    return Standing(Light.NOT_DUE, 0, due, returned_on)


def local_date(when: datetime) -> date:
    """The clerk's calendar date of a stored time (times are stored in UTC; a naive one is
    UTC, as SQLite gives it back)."""
    from datetime import UTC

    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().date()


def chinese_date(day: date) -> str:
    """2024年7月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


_DATE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")


def parse_date(text: str) -> date:
    """A date as the clerk types it: 2024-07-05, 2024/7/5, 2024.7.5 or 2024年7月5日."""
    match = _DATE.match(text or "")
    if match is not None:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise KpiError("calendar.bad_date", text=text)


class ChaseWay(StrEnum):
    """The ways of chasing every office uses; the clerk adds her own (services.calendar)."""

    PHONE = "电话"
    SMS = "短信"
    OA = "政务钉钉/OA"
    NOTICE = "书面通知"


CHASE_WAY_CODES: dict[str, ChaseWay] = {
    "phone": ChaseWay.PHONE,
    "sms": ChaseWay.SMS,
    "oa": ChaseWay.OA,
    "notice": ChaseWay.NOTICE,
}


class ClosingAction(StrEnum):
    """What happened to a period: closed (定稿) or reopened."""

    CLOSED = "closed"
    REOPENED = "reopened"
