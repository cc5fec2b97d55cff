"""Plans and their structure, periods, units, templates, the summary table and the bulletin."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "structure.seq_taken": (
        "序号 {seq} 已被另一项指标使用。请换一个未用的序号，或先调整那项指标的序号。",
        "Number {seq} is taken by another indicator. Choose a free number, or renumber that "
        "indicator first.",
    ),
    "structure.bad_seq": (
        "序号必须是大于 0 的整数，“{seq}”不行。",
        "A number must be a whole number above 0, not “{seq}”.",
    ),
    "structure.no_text": (
        "指标需要填写重点工作内容。",
        "An indicator needs its text.",
    ),
    "structure.no_unit": (
        "指标至少要有一个牵头单位。多个单位之间用空格分隔。",
        "An indicator needs at least one lead unit. Separate several with spaces.",
    ),
    "structure.gone": (
        "这项内容已被删除（可能在另一个窗口中）。请刷新后再试。",
        "This item has been removed (perhaps in another window). Reload and try again.",
    ),
    "plan.bad_resource": (
        "内置计划文件“{path}”有误：{detail}。请修正该文件后重试。",
        "The plan file “{path}” is wrong: {detail}. Correct the file and try again.",
    ),
    "period.unknown": (
        "无法识别期间“{code}”。请使用如 2024Q1（一季度）、2024H1（上半年）、"
        "2024Q3（前三季度）、2024Y（全年）的写法。",
        "Unknown period “{code}”. Use a code such as 2024Q1, 2024H1, 2024Q3 (Jan–Sep) or 2024Y.",
    ),
    "plan.no_year": (
        "数据库中没有 {year} 年的计划。请先建立该年度的计划，或选择已有的年份：{years}。",
        "The database holds no plan for {year}. Create that year's plan first, or choose one "
        "of: {years}.",
    ),
    "unit.unknown": (
        "找不到牵头单位“{name}”。请检查单位名称，已有的单位有：{known}。",
        "No lead unit is named “{name}”. Check the name; the units are: {known}.",
    ),
    "summary.bad_format": (
        "无法导出汇总表到“{path}”：只支持 {formats} 格式。请把文件名改为以其中之一结尾。",
        "Cannot export the summary table to “{path}”: only {formats} files are written. "
        "End the file name with one of them.",
    ),
    "summary.pdf_only": (
        "{option} 只用于 PDF 汇总表，“{path}”不是 PDF。请去掉该选项，或导出为 .pdf。",
        "{option} applies to a PDF summary only, and “{path}” is not one. Leave the option "
        "out, or export to .pdf.",
    ),
    "summary.size_not_xlsx": (
        "--font-size 只用于 PDF 和 Word 汇总表；Excel 汇总表的字号请在 Excel/WPS 中调整。",
        "--font-size applies to PDF and Word summaries; change an Excel summary's size in "
        "Excel or WPS.",
    ),
    "summary.bad_size": (
        "字号“{size}”无法识别。请写字号名称（如 小四、四号、五号），"
        "或 9 到 16 之间的磅值（如 12）。",
        "The type size “{size}” is not understood. Give a size name (小四, 四号, 五号) or a "
        "number of points from 9 to 16 (such as 12).",
    ),
    "bulletin.bad_format": (
        "通报草稿只能写成 Word 文件，“{path}”不是 .docx。请把文件名改为以 .docx 结尾。",
        "A bulletin draft is written as a Word file, and “{path}” is not .docx. End the file "
        "name with .docx.",
    ),
    "bulletin.no_folder": (
        "无法写入“{path}”：文件夹“{folder}”不存在。请先建立该文件夹或选择其他位置。",
        "Cannot write “{path}”: the folder “{folder}” does not exist. Create it or choose "
        "another place.",
    ),
    "bulletin.cannot_write": (
        "通报草稿未能写入“{path}”（{detail}），原有文件未被改动。请按括号中的原因处理"
        "（例如关闭正在打开该文件的 Word/WPS、清理磁盘空间），或换一个位置后重试。",
        "The bulletin draft could not be written to “{path}” ({detail}); any existing file was "
        "left as it was. Deal with the cause in brackets (close the file in Word or WPS, free "
        "disk space) or choose another place, and try again.",
    ),
    "bulletin.bad_date": (
        "截止日期“{date}”无法识别。请按 年-月-日 书写，如 2024-04-10。",
        "The due date “{date}” is not understood. Write it as year-month-day, e.g. 2024-04-10.",
    ),
    "bulletin.template_not_found": (
        "找不到通报模板“{file}”。请检查文件名和所在文件夹。",
        "The bulletin template “{file}” does not exist. Check its name and folder.",
    ),
    "bulletin.template_encoding": (
        "通报模板“{file}”不是 UTF-8 编码的文本。请在记事本中“另存为”，编码选 UTF-8 后重试。",
        "The bulletin template “{file}” is not UTF-8 text. Save it again as UTF-8 (in "
        "Notepad: Save as, encoding UTF-8) and retry.",
    ),
    "bulletin.template_unreadable": (
        "无法读取通报模板“{file}”（{detail}）。",
        "Could not read the bulletin template “{file}” ({detail}).",
    ),
    "bulletin.template_no_section": (
        "通报模板“{file}”第 {line} 行：文字写在了第一个段名之前。请在前面加上 [通报] 这样的段名，"
        "或在行首加 # 作为说明。",
        "Bulletin template “{file}”, line {line}: text before the first section name. Put a "
        "section name such as [通报] above it, or start the line with # to make it a note.",
    ),
    "bulletin.template_twice": (
        "通报模板“{file}”第 {line} 行：段名 [{name}] 重复出现。请删去或改名其中一段。",
        "Bulletin template “{file}”, line {line}: the section [{name}] appears twice. Remove "
        "or rename one of them.",
    ),
    "bulletin.template_braces": (
        "通报模板“{file}”第 {line} 行：花括号不成对。字段要写成 {{字段}} 的形式。",
        "Bulletin template “{file}”, line {line}: unmatched braces. Write a field as {{name}}.",
    ),
    "bulletin.template_missing": (
        "通报模板“{file}”中没有 [{name}] 段。通报全文要写在这一段里。",
        "The bulletin template “{file}” has no [{name}] section, which holds the bulletin.",
    ),
    "bulletin.template_field": (
        "通报模板“{file}”第 {line} 行：没有名为 {{{name}}} 的字段。这里可以用的字段有：{known}。",
        "Bulletin template “{file}”, line {line}: there is no field {{{name}}}. The fields "
        "here are: {known}.",
    ),
    "bulletin.template_count": (
        "通报模板“{file}”第 {line} 行：{{#{name}}} 只能用于列表，{{{name}}} 不是列表。",
        "Bulletin template “{file}”, line {line}: {{#{name}}} counts a list, and {{{name}}} "
        "is not one.",
    ),
    "bulletin.template_no_list": (
        "通报模板“{file}”第 {line} 行：列表 {{{name}}} 需要一段 [{name}] 写明每项的写法。"
        "请补上该段。",
        "Bulletin template “{file}”, line {line}: the list {{{name}}} needs a section "
        "[{name}] saying how to write each item. Add it.",
    ),
    "bulletin.template_inline": (
        "通报模板“{file}”第 {line} 行：{{{name}}} 写在句中，它的段 [{name}] 只能有一行。"
        "请把该段改为一行，或把 {{{name}}} 单独写成一行。",
        "Bulletin template “{file}”, line {line}: {{{name}}} is inside a sentence, so its "
        "section [{name}] may have one line only. Make it one line, or put {{{name}}} on a "
        "line of its own.",
    ),
    "summary.no_folder": (
        "无法导出汇总表到“{path}”：文件夹“{folder}”不存在。请先建立该文件夹或选择其他位置。",
        "Cannot export the summary table to “{path}”: the folder “{folder}” does not exist. "
        "Create it or choose another place.",
    ),
    "summary.cannot_write": (
        "汇总表未能写入“{path}”（{detail}），原有文件未被改动。请按括号中的原因处理"
        "（例如关闭正在打开该文件的 Excel/WPS、清理磁盘空间），或换一个位置后重试。",
        "The summary table could not be written to “{path}” ({detail}); any existing file was "
        "left as it was. Deal with the cause in brackets (close the file in Excel or WPS, free "
        "disk space) or choose another place, and try again.",
    ),
    "template.no_rows": (
        "{year} 年计划中没有由“{unit}”牵头的指标，未生成模板。请检查单位名称。",
        "No indicator of the {year} plan is led by “{unit}”; no template was written. Check "
        "the unit's name.",
    ),
    "template.cannot_write": (
        "无法写入模板“{path}”（{detail}），原有文件未被改动。如果该文件正在 Excel 或 WPS 中打开，"
        "请先关闭；或选择其他位置。",
        "Could not write the template “{path}” ({detail}); any existing file was left as it "
        "was. Close it if Excel or WPS has it open, or choose another place.",
    ),
    "template.no_folder": (
        "无法导出模板到“{path}”：文件夹“{folder}”不存在。请先建立该文件夹或选择其他位置。",
        "Cannot export the template to “{path}”: the folder “{folder}” does not exist. Create "
        "it or choose another place.",
    ),
    "plan.exists": (
        "数据库中已有 {year} 年的计划，未作改动。如果表格是另一年度的，请用 --year 指明年份"
        "（在窗口中会询问）；如需重建 {year} 年的计划，请先在“计划”菜单中删除或调整原有指标。",
        "The database already holds a plan for {year}; nothing was changed. If the table is "
        "another year's, give the year with --year (the window asks for it); to rebuild the "
        "{year} plan, remove or change its indicators in the Plan menu first.",
    ),
    "plan.no_table": (
        "在文件“{file}”的各个工作表中都找不到计划表：最像表头的一行中认出了{found}，"
        "但缺少{missed}（计划表需要写明重点工作或指标内容的一列，以及“序号”或“牵头单位”）。"
        "请检查表头，或在窗口中手动指定各列"
        "（命令行用 --columns，如 --columns 重点工作=B,牵头单位=C）。",
        "No plan table was found in any sheet of “{file}”: the likeliest header row names "
        "{found} but lacks {missed} (a plan table needs a column of work items or indicators, "
        "and 序号 or 牵头单位). Check the header, or assign the columns by hand (on the "
        "command line with --columns, e.g. --columns 重点工作=B,牵头单位=C).",
    ),
    "columns.bad_header_row": (
        "文件“{file}”：指定的表头行 {row} 不在表格范围内。请给出表头所在的行号。",
        "“{file}”: the header row {row} given is not in the table. Give the row the header is on.",
    ),
    "columns.outside": (
        "文件“{file}”：为“{role}”指定的列超出了表格（表格只有 {width} 列）。请检查列号。",
        "“{file}”: the column given for “{role}” lies outside the table (it has {width} "
        "columns). Check the column letters.",
    ),
    "columns.no_text": (
        "文件“{file}”：手动指定的各列中没有“重点工作”（事项内容）一列。请至少指定这一列。",
        "“{file}”: the columns given name no 重点工作 (work item) column. Give at least that one.",
    ),
    "columns.bad_option": (
        "--columns 中的“{part}”看不懂：请写成“列名=列号”，多项用逗号隔开，"
        "如 --columns 重点工作=B,牵头单位=C,进展=E（可用的列名：{roles}；表头=行号 指定表头行）。",
        "“{part}” in --columns is not understood: write name=column, several separated by "
        "commas, e.g. --columns 重点工作=B,牵头单位=C,进展=E (names: {roles}; 表头=N gives "
        "the header row).",
    ),
    "plan.table_empty": (
        "文件“{file}”的表格中没有任何带序号的指标行。请检查文件。",
        "The table in “{file}” has no numbered rows. Check the file.",
    ),
    "plan.table_no_units": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号 {seq} 没有填写牵头单位。请补全后重试。",
        "“{file}”, sheet “{sheet}”, row {row}: 序号 {seq} names no lead unit. Fill it in and "
        "try again.",
    ),
    "plan.table_no_seq": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号“{cell}”不是一个数字。"
        "计划表的每一行都需要序号，请补全后重试。",
        "“{file}”, sheet “{sheet}”, row {row}: the 序号 “{cell}” is not a number. Every row "
        "of a plan table needs one; fill it in and try again.",
    ),
    "plan.table_no_text": (
        "文件“{file}”工作表“{sheet}”第 {row} 行：序号 {seq} 没有填写重点工作内容。请补全后重试。",
        "“{file}”, sheet “{sheet}”, row {row}: 序号 {seq} has no 重点工作 text. Fill it in and "
        "try again.",
    ),
    "plan.table_no_year": (
        "无法从文件“{file}”的标题判断年度。请用 --year 指定，如 --year 2025。",
        "The year of “{file}” cannot be told from its title. Give it with --year, e.g. "
        "--year 2025.",
    ),
}
