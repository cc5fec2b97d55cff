"""The checks before a table goes out (domain.checks) and each unit's assessment (考核)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "check.fell": (
        "第 {seq} 项（{units}）：“{target}”{period}累计 {value}，比{previous}的 {before} 还少。"
        "累计数从年初算起，不应减少：请与牵头单位核实本期数字，或更正{previous}的数字。",
        "No. {seq} ({units}): “{target}” stands at {value} in {period}, less than the {before} "
        "of {previous}. A figure counted from January 1 cannot fall: check this period's "
        "figure with the lead unit, or correct {previous}'s.",
    ),
    "check.implausible_size": (
        "第 {seq} 项（{units}）：“{target}”{period}为 {value}，超过全年目标 {goal} 的 {times} 倍。"
        "请核对是否多写了位数或把万、亿写错，与牵头单位确认后改正。",
        "No. {seq} ({units}): “{target}” is {value} in {period}, more than {times} times the "
        "year's target of {goal}. Check for an extra digit or 万 written for 亿, and correct it "
        "with the lead unit.",
    ),
    "check.implausible_rate": (
        "第 {seq} 项（{units}）：“{target}”{period}为 {value}，比目标 {goal} 高出 {bound} 个百分点"
        "以上。请核对小数点和百分号是否写错，与牵头单位确认后改正。",
        "No. {seq} ({units}): “{target}” is {value} in {period}, more than {bound} points above "
        "its target of {goal}. Check the decimal point and the per cent sign with the lead "
        "unit, and correct it.",
    ),
    "check.verdict": (
        "第 {seq} 项（{units}）：单位自评“{verdict}”，但按{period}的数字计算为“{status}”。"
        "请与牵头单位核实：改正进展情况中的数字或自评，或由您设定状态并写明理由。",
        "No. {seq} ({units}): the unit calls it “{verdict}”, but {period}'s figures make it "
        "“{status}”. Check with the lead unit: correct the figure or the verdict in the text, "
        "or set the status yourself and say why.",
    ),
    "check.unexplained": (
        "第 {seq} 项（{units}）{period}滞后，但没有填写{missing}。"
        "请要求牵头单位说明滞后原因和下步打算，填入后再打印或定稿。",
        "No. {seq} ({units}) is behind in {period}, but {missing} are not filled in. Ask the "
        "lead unit why it is behind and what it will do next, and fill them in before printing "
        "or closing the period.",
    ),
    "check.placeholder": (
        "第 {seq} 项（{units}）：{periods}连续三期都只报“{text}”。"
        "请催牵头单位报送实际进展和数字，或说明为何仍无数据。",
        "No. {seq} ({units}): {periods} all say only “{text}”, three periods in a row. Ask the "
        "lead unit for its real progress and figures, or why there are still none.",
    ),
    "check.unit": (
        "第 {seq} 项（{units}）：“{target}”的目标以“{target_unit}”计，{period}进展中的“{figure}”"
        "以“{unit}”计，两者无法换算。请与牵头单位确认，按目标的单位填写完成数。",
        "No. {seq} ({units}): “{target}” is counted in “{target_unit}”, but {period}'s progress "
        "gives “{figure}” in “{unit}”, which does not convert. Confirm with the lead unit and "
        "enter the figure in the target's unit.",
    ),
    "check.shared": (
        "第 {seq} 项由 {units} 共同牵头：{period}{answered}已报送，{missing}尚未报送。"
        "请催{missing}报送其负责部分，汇总表才完整。",
        "No. {seq} is shared by {units}: in {period} {answered} answered, {missing} did not. "
        "Chase {missing} for their part, so that the table is complete.",
    ),
    "check.none": (
        "{period}检查完毕，未发现问题。",
        "{period} checked: nothing found.",
    ),
    "check.found": (
        "{period}检查发现 {count} 条问题（另有 {dismissed} 条已忽略）。请逐条核实处理。",
        "{period}: {count} findings ({dismissed} more dismissed). Work through them one by one.",
    ),
    "check.open_before_print": (
        "{period}还有 {count} 条检查发现未处理（工具 → 数据检查 可逐条查看）。"
        "可以照常打印，建议处理后再报送。仍要打印吗？",
        "{period} still has {count} open findings (Tools → Data checks lists them). You may "
        "print all the same; better deal with them before sending it out. Print anyway?",
    ),
    "check.open_before_close": (
        "{period}还有 {count} 条检查发现未处理（工具 → 数据检查 可逐条查看）。定稿后进展、状态和"
        "数值都不能再改，建议处理后再定稿。仍要定稿吗？",
        "{period} still has {count} open findings (Tools → Data checks lists them). Once "
        "closed, its progress, statuses and figures can no longer change; better deal with "
        "them first. Close anyway?",
    ),
    "check.open_at_close": (
        "注意：{period}定稿时还有 {count} 条检查发现未处理（kpi-desktop check 可查看）。",
        "Note: {period} was closed with {count} open findings (kpi-desktop check lists them).",
    ),
    "check.no_reason": (
        "忽略这条检查发现需要写明理由（例如“已电话核实，数字无误”）。",
        "Dismissing a finding needs a reason (such as “checked by phone, the figure is right”).",
    ),
    "assess.bad_format": (
        "无法导出考核表到“{path}”：只支持 {formats} 格式。请把文件名改为以其中之一结尾。",
        "Cannot export the assessment to “{path}”: only {formats} files are written. End the "
        "file name with one of them.",
    ),
    "assess.no_folder": (
        "无法导出考核表到“{path}”：文件夹“{folder}”不存在。请先建立该文件夹或选择其他位置。",
        "Cannot export the assessment to “{path}”: the folder “{folder}” does not exist. "
        "Create it or choose another place.",
    ),
    "assess.cannot_write": (
        "考核表未能写入“{path}”（{detail}），原有文件未被改动。请按括号中的原因处理"
        "（例如关闭正在打开该文件的 Excel/WPS、清理磁盘空间），或换一个位置后重试。",
        "The assessment could not be written to “{path}” ({detail}); any existing file was "
        "left as it was. Deal with the cause in brackets (close the file in Excel or WPS, free "
        "disk space) or choose another place, and try again.",
    ),
    "assess.bad_rules": (
        "评分规则文件“{path}”有误：{detail}。可用的项目有 {keys}，每项写不小于 0 的分值，"
        "如 per_late_day = 1。",
        "The scoring rules file “{path}” is wrong: {detail}. The keys are {keys}, each a "
        "number of points from 0 on, such as per_late_day = 1.",
    ),
    "assess.bad_date": (
        "日期“{date}”无法识别。请按 年-月-日 书写，如 2024-07-10。",
        "The date “{date}” is not understood. Write it as year-month-day, e.g. 2024-07-10.",
    ),
}
