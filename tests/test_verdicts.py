"""A unit's own verdict read from its progress text or its status column (domain.verdicts)."""

from __future__ import annotations

import pytest

from kpi_desktop.domain.status import Status
from kpi_desktop.domain.verdicts import Verdict, verdict_in_cell, verdict_in_text

V = Verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("已完成。\n已制定并下发工作方案。", V.DONE),
        ("提前完成年度任务。\n开展职业教育培训4348人次", V.DONE),
        ("基本完成。", V.DONE),
        ("已经完成或基本完成", V.DONE),
        ("按时序推进", V.ON_SCHEDULE),
        ("88%(灵溪镇园区六路、金乡镇四好农村路推进缓慢)", V.BEHIND),
        ("57%（赤溪、灵溪偏慢）", V.BEHIND),
        ("80%(新区实验幼儿园进度滞后)", V.BEHIND),
        ("22%(严重滞后)", V.SERIOUSLY_BEHIND),
        ("超序时推进，已完成全年任务的80%", V.AHEAD),
    ],
)
def test_a_verdict_in_the_text(text: str, verdict: Verdict) -> None:
    assert verdict_in_text(text) is verdict


@pytest.mark.parametrize(
    "text",
    [
        "已完成搬迁20612人，完成率137%。",  # a figure, not a verdict on the item
        "其中252户已完成改造。",
        "一是超额完成2022年省政府民生实事项目。",
        "未完成",
        "项目于9月28才签订合同，滞后了2个月，后期将加快推进。",
        "完成有一定困难",
        "",
    ],
)
def test_no_verdict_where_the_text_states_none(text: str) -> None:
    assert verdict_in_text(text) is None


@pytest.mark.parametrize(
    ("cell", "verdict"),
    [("是", V.ON_SCHEDULE), ("否", V.BEHIND), ("滞后", V.BEHIND), ("完成任务", V.DONE)],
)
def test_a_status_column_answers_yes_or_no_or_in_words(cell: str, verdict: Verdict) -> None:
    assert verdict_in_cell(cell) is verdict


def test_yes_and_no_are_verdicts_only_in_a_status_column() -> None:
    assert verdict_in_text("是") is None


def test_a_verdict_compares_with_a_status() -> None:
    assert V.SERIOUSLY_BEHIND.status is Status.BEHIND
    assert V.ON_SCHEDULE.status is Status.ON_SCHEDULE
    assert V.SERIOUSLY_BEHIND.chinese == "严重滞后"
