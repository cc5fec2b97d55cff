"""The clerk's notes and the leadership's instructions (领导批示) (domain.notes)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "notes.no_text": (
        "领导批示的内容是空的，未保存。请填写批示原文（可从批示件上照录）。",
        "The instruction has no words, so it was not saved. Type the instruction as the "
        "leader wrote it.",
    ),
    "notes.no_leader": (
        "没有填写批示领导，未保存。请填写作出批示的领导，如“王区长”。",
        "No leader is named, so the instruction was not saved. Type who gave it, such as “王区长”.",
    ),
    "notes.leader_too_long": (
        "批示领导“{leader}”超过 {limit} 个字，未保存。请只填写领导的姓名和职务。",
        "The leader “{leader}” is longer than {limit} characters, so it was not saved. Type "
        "only the leader's name and title.",
    ),
    "notes.bad_date": (
        "“{date}”不是有效的批示日期，未保存。请按 2024-05-10 或 2024年5月10日 的格式填写。",
        "“{date}” is not a valid date, so the instruction was not saved. Write it as "
        "2024-05-10 or 2024年5月10日.",
    ),
    "notes.future_date": (
        "批示日期 {date} 晚于今天（{today}），未保存。请核对批示件上的日期。",
        "The date {date} is after today ({today}), so the instruction was not saved. Check "
        "the date on the instruction.",
    ),
    "notes.too_long": (
        "这段文字有 {length} 个字，超过表格单元格能容纳的 {limit} 个字，未保存。请删减后再保存。",
        "The text has {length} characters, more than the {limit} a table cell can hold, so "
        "it was not saved. Shorten it and save again.",
    ),
    "notes.bad_follow_up": (
        "“{value}”不是一种落实情况，未保存。请选择：{known}。",
        "“{value}” is not a follow-up state, so nothing was saved. Choose one of: {known}.",
    ),
    "notes.no_seq": (
        "{year} 年的计划中没有第 {seq} 项指标（序号为 1 至 {last}），未保存。请核对序号。",
        "The {year} plan has no indicator No. {seq} (they run from 1 to {last}), so nothing "
        "was saved. Check the number.",
    ),
    "notes.gone": (
        "这条领导批示已不存在（可能已被删除或撤销），未保存。请刷新后重试。",
        "This instruction no longer exists (removed, or its adding undone), so nothing was "
        "saved. Look at the indicator again and retry.",
    ),
}
