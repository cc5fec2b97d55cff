"""Errors the clerk can act on, with their messages in Chinese and English.

Layers below the window cannot use Qt's tr(), so a refusal carries a code and its parameters
and is worded here. Every message says what happened, where, and what to do next.
"""

from __future__ import annotations

import errno
import locale
import os
from typing import Any

_language: str | None = None


def system_language() -> str:
    """ "en" when the user's locale is English, else "zh" (the program's default)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "en" if name.lower().startswith("en") else "zh"


def set_language(language: str | None) -> None:
    """Choose the language of messages; None follows the system locale."""
    global _language
    _language = None if language is None else ("en" if language.startswith("en") else "zh")


def current_language() -> str:
    return _language or system_language()


def zh_en(zh: str, en: str) -> str:
    """The Chinese or the English wording, by the current language (for short output lines
    of the command line; refusals go through MESSAGES)."""
    return en if current_language() == "en" else zh


# Why the operating system refused, in the clerk's words, by errno (and Windows error code).
_OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("磁盘空间不足", "the disk is full"),
    errno.EROFS: ("磁盘或共享文件夹是只读的", "the disk or share is read-only"),
    errno.EACCES: (
        "没有写入权限，或文件正被其他程序打开",
        "no permission, or another program has the file open",
    ),
    errno.EPERM: ("没有写入权限", "no permission"),
    errno.ENOENT: ("文件或文件夹不存在", "the file or folder does not exist"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: ("路径中有一段不是文件夹", "part of the path is not a folder"),
    errno.EBUSY: ("文件正被其他程序占用", "another program is using the file"),
    errno.EIO: ("磁盘读写出错", "the disk failed to read or write"),
    errno.ENAMETOOLONG: ("文件名或路径太长", "the file name or path is too long"),
    errno.EDQUOT: ("磁盘配额已用完", "the disk quota is used up"),
}
_WINDOWS_ERRORS: dict[int, tuple[str, str]] = {
    32: (
        "文件正被其他程序打开（例如 Excel 或 WPS）",
        "another program has the file open (Excel or WPS?)",
    ),
    33: ("文件的一部分被其他程序锁定", "another program has locked part of the file"),
    112: ("磁盘空间不足", "the disk is full"),
    53: ("找不到网络路径，网络盘可能已断开", "the network path is gone (a network drive lost?)"),
    64: ("网络连接已断开", "the network connection was lost"),
}


def os_error_text(error: OSError) -> str:
    """Why an operating-system call failed, as a phrase for a message (never "[Errno 28]")."""
    winerror = getattr(error, "winerror", None)
    known = _WINDOWS_ERRORS.get(winerror) if winerror else None
    known = known or _OS_ERRORS.get(error.errno or 0)
    if known is not None:
        return zh_en(*known)
    return error.strerror or type(error).__name__


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
    "edit.text_too_long": (
        "这段文字有 {length} 个字，超过 Excel 单元格最多能容纳的 {limit} 个字，导出时会被截断，"
        "未保存。请精简后再保存。",
        "This text has {length} characters, more than the {limit} an Excel cell holds; it would "
        "be cut off in exports and was not saved. Shorten it and save again.",
    ),
    "db.is_folder": (
        "“{path}”是一个文件夹，不是数据库文件。请选择其中的 .sqlite 文件，"
        "或写出要新建的文件名（例如 {path}/kpi.sqlite）。",
        "“{path}” is a folder, not a database file. Choose the .sqlite file in it, or give the "
        "name of a file to create (such as {path}/kpi.sqlite).",
    ),
    "db.empty": (
        "文件“{path}”是空的（0 字节），不是数据库，未作改动。如果它本该是数据库，"
        "可能在复制时没有复制完整：请用“从备份恢复”或重新复制；要新建数据库，请换一个文件名。",
        "“{path}” is empty (0 bytes), not a database; it was left as it is. If it should be "
        "one, it may not have been copied whole: restore a backup or copy it again; to start a "
        "new database, give another file name.",
    ),
    "db.unreadable": (
        "无法读取数据库文件“{path}”（{detail}）。请检查文件权限，或文件是否正被其他程序占用。",
        "Could not read the database “{path}” ({detail}). Check its permissions and whether "
        "another program holds it.",
    ),
    "file.failed": (
        "操作未能完成：“{path}”（{detail}）。请按括号中的原因处理后重试。",
        "This could not be done: “{path}” ({detail}). Deal with the cause in brackets and try "
        "again.",
    ),
    "db.not_sqlite": (
        "文件“{path}”不是 kpi-desktop 数据库（也不是 SQLite 文件）。"
        "请确认选择的是 .sqlite 数据文件；如果该文件曾经可以打开，请用“从备份恢复”找回数据。",
        "“{path}” is not a kpi-desktop database (not an SQLite file). Check that you chose the "
        ".sqlite data file; if it used to open, restore it from a backup.",
    ),
    "db.no_folder": (
        "文件夹“{folder}”不存在，无法在其中新建数据库“{path}”。请检查路径是否写错，"
        "或先建立该文件夹。",
        "The folder “{folder}” does not exist, so the database “{path}” cannot be created "
        "there. Check the path for a typing mistake, or create the folder first.",
    ),
    "db.damaged": (
        "数据库文件“{path}”已损坏，无法读取（{detail}）。请用“从备份恢复”找回最近的备份。",
        "The database “{path}” is damaged and cannot be read ({detail}). Restore the latest "
        "backup with “Restore from backup”.",
    ),
    "db.not_ours": (
        "文件“{path}”是 SQLite 数据库，但不是 kpi-desktop 的数据文件。请选择本程序创建的数据库。",
        "“{path}” is an SQLite database but not a kpi-desktop data file. Choose a database "
        "this program created.",
    ),
    "db.newer": (
        "数据库“{path}”由更新版本的 kpi-desktop 创建（数据格式版本 {found}，"
        "本程序只支持到 {supported}）。为避免损坏数据，本程序不会打开它。"
        "请升级 kpi-desktop 后再打开。",
        "The database “{path}” was written by a newer kpi-desktop (schema version {found}; "
        "this program knows up to {supported}). It was not opened, so nothing in it can be "
        "damaged. Update kpi-desktop to open it.",
    ),
    "db.cannot_create": (
        "无法在“{path}”创建数据库（{detail}）。请选择一个有写入权限、空间充足的文件夹。",
        "Could not create the database at “{path}” ({detail}). Choose a folder you can write "
        "to with enough free space.",
    ),
    "db.read_only": (
        "数据库“{path}”是只读的，无法保存修改（{detail}）。请检查文件属性或把它复制到可写的位置。",
        "The database “{path}” is read-only, so changes cannot be saved ({detail}). Check the "
        "file's properties or copy it somewhere you can write.",
    ),
    "db.locked": (
        "数据库“{path}”正由 {user}（计算机 {host}，进程 {pid}）自 {since} 起打开并编辑。"
        "为防止两处同时修改互相覆盖，本程序不能同时写入。请让对方关闭程序后再打开，"
        "或以只读方式打开查看。",
        "The database “{path}” is open for editing by {user} on {host} (process {pid}) since "
        "{since}. Two programs writing at once would overwrite each other's work. Ask them "
        "to close it and try again, or open it read-only to look.",
    ),
    "db.locked_command": (
        "数据库“{path}”正由 {user}（计算机 {host}，进程 {pid}）自 {since} 起打开并编辑。"
        "为防止两处同时修改互相覆盖，现在不能写入。请等对方关闭程序后再运行本命令；"
        "只想先看看会导入什么，可加 --dry-run。",
        "The database “{path}” is open for editing by {user} on {host} (process {pid}) since "
        "{since}. Two programs writing at once would overwrite each other's work. Run this "
        "command again once they have closed it; to see what would be imported, add --dry-run.",
    ),
    "db.file_read_only": (
        "数据库“{path}”或其所在文件夹不可写（只读文件、只读文件夹或共享盘权限），无法保存修改。"
        "请在文件属性中取消“只读”、把它复制到可写的文件夹，或以只读方式打开查看。",
        "The database “{path}” or its folder cannot be written (a read-only file, folder or "
        "share), so changes cannot be saved. Clear the read-only flag, copy it to a folder "
        "you can write, or open it read-only to look.",
    ),
    "db.opened_read_only": (
        "数据库“{path}”以只读方式打开，修改未保存。请关闭后以可写方式重新打开再修改。",
        "The database “{path}” is open read-only; the change was not saved. Reopen it for "
        "editing to make changes.",
    ),
    "db.disk_full": (
        "磁盘空间不足，数据库“{path}”无法保存这次修改。这次修改已全部撤销，之前保存的数据完好。"
        "请清理磁盘空间后重试。",
        "The disk is full: the database “{path}” could not save this change. The change was "
        "undone as a whole and everything saved before is intact. Free some disk space and "
        "try again.",
    ),
    "db.busy": (
        "数据库“{path}”正被其他程序占用，等待超时，这次修改未保存。请稍后重试。",
        "The database “{path}” was busy in another program for too long; the change was not "
        "saved. Try again in a moment.",
    ),
    "db.io_error": (
        "读写数据库“{path}”时磁盘出错（{detail}），这次修改未保存。"
        "请检查磁盘或网络盘连接，然后重试。",
        "A disk error occurred on the database “{path}” ({detail}); the change was not saved. "
        "Check the disk or network drive and try again.",
    ),
    "db.disk_full_open": (
        "磁盘空间不足，无法打开数据库“{path}”（打开时需要在它旁边建立一个小的临时文件）。"
        "数据库本身完好，未作任何改动。请清理磁盘空间后重试。",
        "The disk is full, so the database “{path}” could not be opened (opening makes a small "
        "file beside it). The database itself is intact and was not changed. Free some disk "
        "space and try again.",
    ),
    "db.io_error_open": (
        "打开数据库“{path}”时磁盘出错（{detail}），未作任何改动。这通常是磁盘或网络盘的问题，"
        "不是数据库损坏；请检查磁盘或网络盘连接后重试。",
        "A disk error occurred while opening the database “{path}” ({detail}); nothing was "
        "changed. This is usually the disk or the network drive, not a damaged database; check "
        "it and try again.",
    ),
    "db.not_found": (
        "找不到数据库文件“{path}”。请检查路径。",
        "There is no database file at “{path}”. Check the path.",
    ),
    "db.needs_upgrade": (
        "数据库“{path}”是旧版本格式（{found}），需先升级到 {supported} 才能查看；"
        "升级需要写入，只读方式无法进行。请以可写方式打开一次。",
        "The database “{path}” has the older schema version {found} and must be upgraded to "
        "{supported}, which needs writing. Open it once for editing.",
    ),
    "db.server_driver": (
        "连接 PostgreSQL 需要安装驱动 {module}。请运行 pip install 'kpi-desktop[postgres]'。",
        "Connecting to PostgreSQL needs the driver {module}. Run "
        "pip install 'kpi-desktop[postgres]'.",
    ),
    "db.server_unreachable": (
        "无法连接共享数据库“{url}”（{detail}）。请检查服务器地址、用户名和网络后重试。",
        "Could not connect to the shared database “{url}” ({detail}). Check the server "
        "address, the user name and the network, then try again.",
    ),
    "backup.failed": (
        "无法为数据库“{path}”生成备份（{detail}），为安全起见本次操作未执行。"
        "请检查磁盘空间和备份文件夹“{folder}”的写入权限。",
        "Could not back up the database “{path}” ({detail}), so to be safe nothing was done. "
        "Check the free disk space and that the folder “{folder}” can be written.",
    ),
    "backup.unusable": (
        "备份文件“{path}”无法使用（{detail}），当前数据未作任何修改。请选择另一个备份。",
        "The backup “{path}” cannot be used ({detail}); the current data was not changed. "
        "Choose another backup.",
    ),
    "backup.on_server": (
        "共享数据库“{path}”由服务器管理员用 pg_dump 备份和恢复，本程序不做文件备份。",
        "The shared database “{path}” is backed up and restored on the server with pg_dump, "
        "not by this program.",
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
    "indicator.unknown": (
        "{year} 年计划中没有序号为 {seq} 的指标。",
        "The {year} plan has no indicator numbered {seq}.",
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
    "output.failed": (
        "结果未能完整输出（{detail}）。请检查输出的位置（例如磁盘空间）后重试。",
        "The output could not be written whole ({detail}). Check where it goes (the free disk "
        "space, say) and try again.",
    ),
    "command.not_ready": (
        "命令“{command}”尚未实现。",
        "The command “{command}” is not available yet.",
    ),
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
        "在文件“{file}”的各个工作表中都找不到进展情况表（需要有“序号”或“牵头单位”、"
        "“重点工作”和“进展情况”等表头）。请检查表头是否被改动，或使用导出的模板重新填报。",
        "No progress table was found in any sheet of “{file}” (a header with 序号 or 牵头单位, "
        "重点工作 and 进展情况 is needed). Check the header, or fill in an exported template.",
    ),
    "return.no_period": (
        "无法从文件“{file}”的标题或表头判断报送期间（如“上半年进展情况”）。"
        "请在导入时指定期间（如 --period 2024H1），或在表头中写明期间。",
        "The period of “{file}” cannot be told from its title or header (such as 上半年进展情况). "
        "Give the period when importing (e.g. --period 2024H1) or name it in the header.",
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
    "file.cannot_write": (
        "无法写入文件“{path}”（{detail}），原有文件未被改动。如果该文件正在其他程序中打开，"
        "请先关闭；或选择其他位置。",
        "Could not write “{path}” ({detail}); any existing file was left as it was. Close it "
        "if another program has it open, or choose another place.",
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
        "在文件“{file}”的各个工作表中都找不到指标表（需要有“序号”或“牵头单位”以及“重点工作”"
        "等表头）。请检查表头是否被改动。",
        "No plan table was found in any sheet of “{file}” (a header with 序号 or 牵头单位 and "
        "重点工作 is needed). Check the header.",
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


class KpiError(Exception):
    """A refusal the clerk can act on. `code` selects the message; `params` fill it in."""

    exit_status = 2

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, language: str | None = None) -> str:
        zh, en = MESSAGES[self.code]
        template = en if (language or current_language()) == "en" else zh
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled with its parameters, so that a refusal found in a worker process (reading
        # returns in parallel) reaches the clerk with the same message.
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[KpiError], code: str, params: dict[str, Any]) -> KpiError:
    return cls(code, **params)
