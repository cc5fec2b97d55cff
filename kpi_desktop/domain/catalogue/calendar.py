"""The quarter's calendar: due dates, closing and reopening a period, chase rounds, 办结.
{period} is the period in words (2024年一季度), {code} its code (2024Q1), {day} a date written
the Chinese way (2024年7月5日)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "calendar.bad_date": (
        "“{text}”不是日期。请写成 2024-07-05 或 2024年7月5日 的形式。",
        "“{text}” is not a date. Write it as 2024-07-05.",
    ),
    "calendar.unknown_unit": (
        "计划中没有牵头单位“{unit}”，未设置截止日期。请按计划中的单位名称填写（可用简称或曾用名）。",
        "The plan has no lead unit “{unit}”; no due date was set. Use a unit name as the plan "
        "writes it (or one of its other names).",
    ),
    "calendar.unknown_way": (
        "“{way}”不是已有的催报方式（{ways}）。请从中选择，或先在催报窗口中添加这种方式。",
        "“{way}” is not a way of chasing the program knows ({ways}). Choose one of them, or add "
        "it first in the chase window.",
    ),
    "calendar.blank_way": (
        "催报方式的名称是空的，未添加。请写出方式的名称，例如“微信工作群”。",
        "The name of the way of chasing is empty; nothing was added. Write its name.",
    ),
    "calendar.nothing_to_chase": (
        "{period}没有需要催报的单位（所有应报的行都已报送或已填写），未记录催报。",
        "Nobody is to be chased for {period} (every row asked for is back or written); no round "
        "was recorded.",
    ),
    "calendar.no_folder": (
        "无法把催报单写入“{path}”：文件夹“{folder}”不存在。请先建立该文件夹或选择其他位置。",
        "Cannot write the chase notice to “{path}”: the folder “{folder}” does not exist. "
        "Create it or choose another place.",
    ),
    "calendar.bad_output": (
        "无法识别输出文件“{path}”的格式。催报单可存为 .txt（文字）、.csv（表格）或 .pdf（打印）。",
        "“{path}” has an unknown format. A chase notice is written as .txt, .csv or .pdf.",
    ),
    "closing.closed": (
        "{period}已于 {day} 由 {by} 定稿，进展、状态和数值不能再修改，未保存。"
        "确需修改时，请先在“报送情况”中重新打开该期（需填写原因），"
        "或运行 kpi-desktop reopen --period {code} --reason 原因。",
        "{period} was closed (定稿) on {day} by {by}: its progress, statuses and figures can "
        "no longer be changed; nothing was saved. To change them, first reopen the period in "
        "Submissions (giving a reason), or run kpi-desktop reopen --period {code} --reason WHY.",
    ),
    "closing.import_closed": (
        "文件“{file}”是{period}的报送表，该期已于 {day} 定稿，未导入，数据库未改动。"
        "确需导入时，请先在“报送情况”中重新打开该期（需填写原因），"
        "或运行 kpi-desktop reopen --period {code} --reason 原因，然后再导入。",
        "“{file}” is a return for {period}, which was closed (定稿) on {day}; it was not "
        "imported and the database is unchanged. To import it, first reopen the period in "
        "Submissions (giving a reason), or run kpi-desktop reopen --period {code} --reason WHY, "
        "then import again.",
    ),
    "closing.already_closed": (
        "{period}已于 {day} 定稿，无需再次定稿。",
        "{period} was already closed on {day}.",
    ),
    "closing.not_closed": (
        "{period}尚未定稿，无需重新打开。",
        "{period} is not closed; there is nothing to reopen.",
    ),
    "closing.no_reason": (
        "重新打开{period}需要填写原因（例如“区统计局更正了一季度数据”），未重新打开。",
        "Reopening {period} needs a reason (such as “the statistics bureau corrected Q1”); it "
        "was not reopened.",
    ),
    "done.not_met": (
        "序号 {seq} 在本年度各期的状态都不是“已完成”，不能办结销号，未作改动。"
        "如目标确已完成，请先把该期的状态设为“已完成”，再办结。",
        "Indicator {seq} is not 已完成 (done) in any period of the year, so it cannot be "
        "marked 办结; nothing was changed. If its target is met, set that period's status "
        "to done first.",
    ),
    "done.not_done": (
        "序号 {seq} 没有办结，无需重新打开。",
        "Indicator {seq} is not marked done; there is nothing to reopen.",
    ),
}
