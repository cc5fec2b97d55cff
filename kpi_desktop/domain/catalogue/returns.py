"""Refusals of a returned spreadsheet (services.workbooks, returns, importing). {file} is the
file as the clerk named it; {sheet} and {row} are the sheet and the row number Excel shows."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Returned spreadsheets (services/returns.py, services/importing.py). {file} is the file
    # as the clerk named it; {sheet} and {row} are the sheet and the row number Excel shows.
    "return.missing": (
        "找不到文件“{file}”。请检查文件名和所在文件夹。",
        "The file “{file}” does not exist. Check its name and folder.",
    ),
    "return.unreadable": (
        "无法读取文件“{file}”（{detail}）。请确认文件未被其他程序占用后重试。",
        "Could not read “{file}” ({detail}). Make sure no other program holds it and retry.",
    ),
    "return.not_workbook": (
        "文件“{file}”不是 Excel 工作簿（.xlsx 或 .xls）。请让填报单位用 Excel、WPS 或 "
        "LibreOffice 另存为 .xlsx 后重新报送。",
        "“{file}” is not an Excel workbook (.xlsx or .xls). Ask the unit to save it as .xlsx "
        "from Excel, WPS or LibreOffice and send it again.",
    ),
    "return.folder": (
        "“{file}”是一个文件夹，不是报送表。请选择文件夹里的 .xlsx 或 .xls 文件导入。",
        "“{file}” is a folder, not a returned spreadsheet. Choose the .xlsx or .xls files in "
        "it to import.",
    ),
    "return.truncated": (
        "文件“{file}”不完整（可能在传输或复制时被截断）。请让填报单位重新发送原文件。",
        "“{file}” is cut short (probably damaged in transfer or copying). Ask the unit to send "
        "the original file again.",
    ),
    "return.damaged": (
        "文件“{file}”已损坏，无法读取（{detail}）。请用 Excel 或 WPS 打开并另存为 .xlsx，"
        "或让填报单位重新发送。",
        "“{file}” is damaged and cannot be read ({detail}). Open it in Excel or WPS and save "
        "it as .xlsx, or ask the unit to send it again.",
    ),
    "return.encrypted": (
        "文件“{file}”设置了打开密码，无法导入。请让填报单位取消密码（文件→信息→保护工作簿）"
        "后重新发送。",
        "“{file}” is protected with a password and cannot be imported. Ask the unit to remove "
        "the password and send it again.",
    ),
    "return.too_large": (
        "文件“{file}”过大（{size} 字节，上限 {limit} 字节），不像是一份报送表。"
        "请确认选择的文件是否正确。",
        "“{file}” is too large ({size} bytes; the limit is {limit}) to be a return. Check that "
        "you chose the right file.",
    ),
    "return.inflates": (
        "文件“{file}”解压后过大（{what}：{size}，上限 {limit}），可能是损坏或恶意文件，"
        "已拒绝读取。请让填报单位用 Excel 或 WPS 重新保存后发送。",
        "“{file}” would inflate too far when unpacked ({what}: {size}, limit {limit}); it may "
        "be damaged or hostile and was not read. Ask the unit to save it again in Excel or WPS.",
    ),
    "return.too_slow": (
        "读取文件“{file}”超过 {seconds} 秒，已停止。请用 Excel 或 WPS 打开该文件，"
        "删除多余的工作表和空行后另存再导入。",
        "Reading “{file}” took longer than {seconds} seconds and was stopped. Open it in Excel "
        "or WPS, remove extra sheets and empty rows, save and import again.",
    ),
    "return.not_a_file": (
        "“{file}”不是普通文件（可能是设备或管道），无法作为报送表读取。请选择 .xlsx 或 .xls 文件。",
        "“{file}” is not an ordinary file (a device or a pipe) and cannot be read as a return. "
        "Choose an .xlsx or .xls file.",
    ),
    "return.too_many_sheets": (
        "文件“{file}”有 {found} 个工作表，超过读取上限 {limit} 个，不像是一份报送表，已拒绝读取。"
        "请把进展表复制到一个新工作簿中另存后重新导入。",
        "“{file}” has {found} sheets, more than the {limit} a return is read with; it was not "
        "read. Copy the progress table into a new workbook, save it and import again.",
    ),
    "return.too_many_cells": (
        "文件“{file}”的单元格超过读取上限（{limit} 个），已拒绝读取，可能是损坏或恶意文件。"
        "请用 Excel 或 WPS 打开，删除多余的行列和工作表后另存再导入。",
        "“{file}” holds more than {limit} cells, the most a return is read with; it was not "
        "read (it may be damaged or hostile). Open it in Excel or WPS, delete the extra rows, "
        "columns and sheets, save and import again.",
    ),
    "return.too_many_merges": (
        "文件“{file}”的合并单元格超过读取上限（{limit} 处），已拒绝读取，可能是损坏或恶意文件。"
        "请用 Excel 或 WPS 打开，取消多余的合并后另存再导入。",
        "“{file}” has more than {limit} merged ranges, the most a return is read with; it was "
        "not read (it may be damaged or hostile). Unmerge the extra cells in Excel or WPS, save "
        "and import again.",
    ),
    "return.merges_overlap": (
        "文件“{file}”的合并单元格相互重叠，Excel 不会这样保存，文件可能已损坏或被篡改，"
        "已拒绝读取。请让填报单位用 Excel 或 WPS 重新保存后发送。",
        "“{file}” has merged ranges that overlap, which Excel never saves; the file may be "
        "damaged or tampered with and was not read. Ask the unit to save it again in Excel or "
        "WPS.",
    ),
    "return.too_many_strings": (
        "文件“{file}”的文字条目超过读取上限（{limit} 条），已拒绝读取，可能是损坏或恶意文件。"
        "请让填报单位用 Excel 或 WPS 重新保存后发送。",
        "“{file}” holds more than {limit} distinct texts, the most a return is read with; it "
        "was not read (it may be damaged or hostile). Ask the unit to save it again in Excel "
        "or WPS.",
    ),
    "return.cut_rows": (
        "文件“{file}”工作表“{sheet}”有 {found} 行，程序只读取每个工作表的前 {limit} 行，"
        "表格没有完整读入，未导入。请删除多余的空行或把表格移到工作表前部后另存再导入。",
        "“{file}”, sheet “{sheet}”, has {found} rows; only the first {limit} rows of a sheet "
        "are read, so the table was not read whole and nothing was imported. Delete the extra "
        "rows or move the table to the top of the sheet, save and import again.",
    ),
    "return.cut_columns": (
        "文件“{file}”工作表“{sheet}”有 {found} 列，程序只读取每个工作表的前 {limit} 列，"
        "在读取范围内没有找到进展情况表。请把表格移到工作表左侧后另存再导入。",
        "“{file}”, sheet “{sheet}”, has {found} columns; only the first {limit} are read and "
        "no progress table was found within them. Move the table to the left of the sheet, "
        "save and import again.",
    ),
    "return.cut_area": (
        "文件“{file}”工作表“{sheet}”的使用范围过大（{found} 个单元格，上限 {limit} 个），"
        "未读取该工作表，其余工作表中也没有找到进展情况表。请删除远离表格的内容后另存再导入。",
        "“{file}”, sheet “{sheet}”, spans too large an area ({found} cells; the limit is "
        "{limit}) and was not read, and no other sheet holds a progress table. Delete what lies "
        "far from the table, save and import again.",
    ),
    "return.no_rows": (
        "文件“{file}”工作表“{sheet}”第 {row} 行是进展情况表的表头，但下面没有一行带序号或重点工作"
        "内容的数据（另有 {found} 行说明文字，可能整张表被合并成了一个单元格）。未导入任何内容。"
        "请取消合并单元格、按模板逐行填写后重新报送。",
        "“{file}”, sheet “{sheet}”: row {row} is the header of a progress table, but no row "
        "under it has a 序号 or a 重点工作 ({found} lines of other text; the table may have "
        "been merged into one cell). Nothing was imported. Unmerge the cells, fill in the "
        "template row by row and send it again.",
    ),
    "return.marker_conflict": (
        "文件“{file}”的标题或表头写的是{visible}，但它是从{marked}的模板改来的（模板的隐藏标记"
        "仍为 {code}）。为免把一个期间的进展写进另一个期间，未导入。请用{visible}的模板重新填报，"
        "或确认文件内容后用 --period 指明期间。",
        "“{file}” says {visible} in its title or header, but it was made from the {marked} "
        "template (its hidden marker still says {code}). Nothing was imported, so no period's "
        "progress goes into another. Fill in the {visible} template, or check the file and "
        "give the period with --period.",
    ),
    "return.formula_no_value": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：“{column}”一栏是公式，但文件中没有保存"
        "计算结果，无法知道填报单位看到的内容。请在 Excel 或 WPS 中打开并保存"
        "（或把公式改为文字）后重新报送。",
        "“{file}”, sheet “{sheet}”, row {row}: the “{column}” cell is a formula whose result "
        "the file did not save, so what the unit saw is unknown. Open and save it in Excel or "
        "WPS (or replace the formula with text) and send it again.",
    ),
    "return.text_too_long": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：“{column}”有 {length} 个字，超过 Excel 单元格"
        "最多能容纳的 {limit} 个字，导出汇总表时会被截断。请精简后重新报送。",
        "“{file}”, sheet “{sheet}”, row {row}: the “{column}” text has {length} characters, "
        "more than the {limit} an Excel cell holds; it would be cut off in the summary. "
        "Shorten it and send it again.",
    ),
    "return.no_table": (
        "在文件“{file}”的各个工作表中都找不到进展情况表：最像表头的一行中认出了{found}，"
        "但缺少{missed}（进展情况表需要写明重点工作的一列、进展情况的一列，以及“序号”或“牵头单位”）。"
        "请检查表头是否被改动，或使用导出的模板重新填报；也可以在窗口中手动指定各列"
        "（命令行用 --columns，如 --columns 重点工作=B,牵头单位=C,进展=E）。",
        "No progress table was found in any sheet of “{file}”: the likeliest header row names "
        "{found} but lacks {missed} (a progress table needs a column of work items, one of "
        "progress, and 序号 or 牵头单位). Check the header, or fill in an exported template; "
        "or assign the columns by hand (on the command line with --columns, e.g. --columns "
        "重点工作=B,牵头单位=C,进展=E).",
    ),
    "return.no_period": (
        "无法从文件“{file}”的标题或表头判断报送期间（如“上半年进展情况”）。"
        "请在导入时指定期间（如 --period 2024H1），或在表头中写明期间。",
        "The period of “{file}” cannot be told from its title or header (such as 上半年进展情况). "
        "Give the period when importing (e.g. --period 2024H1) or name it in the header.",
    ),
    "return.month_after_period": (
        "文件“{file}”的标题或表头写明数据截至 {month} 月，"
        "晚于所导入期间{period}（{code}）的截止月份，未导入任何内容。"
        "请按文件所写的月份选择期间（如截至 11 月的报表导入全年），或确认选对了文件。",
        "“{file}” states its figures as of month {month}, after the end of the period "
        "{period} ({code}) it is imported into; nothing was imported. Choose the period that "
        "holds that month (a return to November goes under the whole year), or check that this "
        "is the right file.",
    ),
    "return.period_conflict": (
        "文件“{file}”是{found}的报送表，但导入时指定的期间是 {given}。为免覆盖其他期间的进展，"
        "未导入任何内容。请去掉 --period（程序会按文件中的期间导入），或确认选对了文件。",
        "“{file}” is a return for {found}, but the period given is {given}. Nothing was "
        "imported, so no other period's progress is overwritten. Leave out --period (the file's "
        "own period is used), or check that this is the right file.",
    ),
    "return.other_year": (
        "文件“{file}”属于 {year} 年，但数据库中没有该年度的计划（已有：{years}）"
        "或导入指定的期间不是这一年。请确认文件年份，或先建立该年度计划。",
        "“{file}” belongs to {year}, but the database holds no plan for that year (it has: "
        "{years}) or the period given is of another year. Check the file's year or create that "
        "year's plan first.",
    ),
    "return.seq_unknown": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：{year} 年计划中没有序号 {seq}。"
        "请核对该行序号，或删除不属于本年度计划的行后重新导入。",
        "“{file}”, sheet “{sheet}”, row {row}: the {year} plan has no 序号 {seq}. Check the "
        "number, or delete rows that are not in this year's plan and import again.",
    ),
    "return.seq_bad": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号“{cell}”不是一个数字。请改为计划中的序号。",
        "“{file}”, sheet “{sheet}”, row {row}: the 序号 “{cell}” is not a number. Write the "
        "plan's number there.",
    ),
    "return.text_of_other": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号为 {seq}，但重点工作内容是序号 {other} "
        "的指标。可能行被错位复制，请核对序号和内容后重新导入。",
        "“{file}”, sheet “{sheet}”, row {row}: numbered {seq}, but its 重点工作 is that of "
        "indicator {other}. The rows may have been shifted; check the number and text.",
    ),
    "return.text_mismatch": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号 {seq} 的重点工作内容与计划不一致"
        "（计划为“{expected}”）。请不要修改重点工作一栏，核对后重新导入。",
        "“{file}”, sheet “{sheet}”, row {row}: the 重点工作 of 序号 {seq} differs from the plan "
        "(“{expected}”). Do not change that column; check it and import again.",
    ),
    "return.no_match": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：没有序号，重点工作内容也与计划中的任何指标"
        "都不一致。请补上序号或删除该行。",
        "“{file}”, sheet “{sheet}”, row {row}: no 序号, and its 重点工作 matches no indicator "
        "of the plan. Add the number or delete the row.",
    ),
    "return.seq_repeated": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号 {seq} 已在第 {first} 行出现，且内容不同。"
        "请删除重复的行，只保留正确的一行。",
        "“{file}”, sheet “{sheet}”, row {row}: 序号 {seq} already appears in row {first} with "
        "different content. Delete the duplicate and keep the right row.",
    ),
    "return.bad_status": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：状态“{value}”无法识别。"
        "请从下拉列表中选择：{choices}。",
        "“{file}”, sheet “{sheet}”, row {row}: the status “{value}” is unknown. Choose one "
        "of: {choices}.",
    ),
    "return.is_summary": (
        "文件“{file}”是本程序导出的汇总表，不是牵头单位的报送表，未导入。"
        "请导入各单位填报后发回的模板（文件→导出模板）。",
        "“{file}” is the summary table this program exports, not a lead unit's return; it was "
        "not imported. Import the templates the units filled in and sent back (File → Export "
        "templates).",
    ),
    "return.earlier_period": (
        "文件“{file}”是{found}的报送表，而现在正在收集{working}的进展（可能是沿用了上期的模板）。"
        "为免改动已经过去的期间，未导入。如确需补报或更正{found}，请加 --period {code} 再导入；"
        "否则请让填报单位用本期模板重新填报。",
        "“{file}” is a return for {found}, while {working} is being collected now (perhaps "
        "last period's template was reused). Nothing was imported, so a past period is not "
        "changed. To add to or correct {found} on purpose, import again with --period {code}; "
        "otherwise ask the unit to fill in this period's template.",
    ),
    "return.conflict": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号 {seq}（{unit}）的进展与文件“{other}”"
        "中的不同。同一次导入中请只保留其中一个文件。",
        "“{file}”, sheet “{sheet}”, row {row}: the progress of 序号 {seq} ({unit}) differs from "
        "the one in “{other}”. Import only one of the two files.",
    ),
    "return.changed_since_preview": (
        "预览之后，序号 {seqs} 已被他人修改并保存，为免覆盖对方的内容，这次导入未写入任何数据。"
        "请重新导入（重新预览），查看现在保存的内容后再决定。",
        "Since the preview, indicator(s) {seqs} were changed and saved by someone else; so as "
        "not to overwrite their work, nothing of this import was written. Import again (a new "
        "preview) and decide on what is stored now.",
    ),
}
