"""The database file, its backups, the files the program writes, typed edits."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "edit.text_too_long": (
        "这段文字有 {length} 个字，超过 Excel 单元格最多能容纳的 {limit} 个字，导出时会被截断，"
        "未保存。请精简后再保存。",
        "This text has {length} characters, more than the {limit} an Excel cell holds; it would "
        "be cut off in exports and was not saved. Shorten it and save again.",
    ),
    "edit.unknown_field": (
        "程序内部错误：没有名为“{field}”的字段，未保存。请把日志文件发给维护人员。",
        "Internal error: there is no field “{field}”; nothing was saved. Please send the log "
        "file to the maintainers.",
    ),
    "edit.bad_status": (
        "“{value}”不是一种进度状态，未保存。请从列表中选择状态。",
        "“{value}” is not a progress status; nothing was saved. Choose a status from the list.",
    ),
    "edit.bad_month": (
        "截至月份“{value}”不在 1 到 12 之间，未保存。请填写 1 到 12 之间的月份。",
        "The month “{value}” is not between 1 and 12; nothing was saved. Give a month from 1 "
        "to 12.",
    ),
    "edit.indicator_gone": (
        "这项指标（内部编号 {id}）已不存在，可能刚被删除，未保存。请重新打开数据库后再试。",
        "This indicator (internal number {id}) no longer exists, perhaps just removed; nothing "
        "was saved. Open the database again and retry.",
    ),
    "edit.target_gone": (
        "这项目标（内部编号 {id}）已不存在，可能刚被删除，未保存。请重新打开数据库后再试。",
        "This target (internal number {id}) no longer exists, perhaps just removed; nothing "
        "was saved. Open the database again and retry.",
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
    "output.failed": (
        "结果未能完整输出（{detail}）。请检查输出的位置（例如磁盘空间）后重试。",
        "The output could not be written whole ({detail}). Check where it goes (the free disk "
        "space, say) and try again.",
    ),
    "command.not_ready": (
        "命令“{command}”尚未实现。",
        "The command “{command}” is not available yet.",
    ),
    "file.cannot_write": (
        "无法写入文件“{path}”（{detail}），原有文件未被改动。如果该文件正在其他程序中打开，"
        "请先关闭；或选择其他位置。",
        "Could not write “{path}” ({detail}); any existing file was left as it was. Close it "
        "if another program has it open, or choose another place.",
    ),
    "edit.stale": (
        "序号 {seq} 的{field}（{period}）在您修改期间已被他人保存（{who}），"
        "为免覆盖对方的内容，您的修改未保存。现在保存的是：{stored}。"
        "请比较双方的文字，选择保留哪一个或合并后再保存。",
        "The {field} of indicator {seq} ({period}) was saved by someone else ({who}) while you "
        "were changing it; so as not to overwrite theirs, your change was not saved. It now "
        "reads: {stored}. Compare the two texts and keep one, or merge them, and save again.",
    ),
    "edit.plan_changed": (
        "序号 {seq} 的指标在您修改期间已被他人修改并保存，为免覆盖对方的修改，您的修改未保存。"
        "窗口已显示对方保存的内容，请查看后再修改。",
        "Indicator {seq} was changed and saved by someone else while you were changing it; so "
        "as not to overwrite theirs, your change was not saved. The window shows what they "
        "saved: look at it, then change it again.",
    ),
    "set.expect_differs": (
        "序号 {seq}（{period}）现在保存的进展情况是“{stored}”，与 --expect 给出的文字不同"
        "（在此期间可能已有人修改），未作任何改动。请先查看现在的文字，再决定是否修改。",
        "The progress text of indicator {seq} ({period}) now reads “{stored}”, not the text "
        "--expect gives (someone may have changed it meanwhile); nothing was changed. Look at "
        "the present text first, then decide whether to change it.",
    ),
    "set.no_indicator": (
        "{year} 年的计划中没有序号 {seq}，未作任何改动。请检查序号和期间。",
        "The {year} plan has no indicator {seq}; nothing was changed. Check the number and "
        "the period.",
    ),
    "db.write_refused": (
        "数据库“{path}”拒绝了这次修改（与已保存的数据相抵触，例如序号重复），修改未保存，"
        "之前保存的数据完好。请检查后重试。",
        "The database “{path}” refused this change (it contradicts what is stored, a repeated "
        "number for instance); nothing was saved and everything saved before is intact. Check "
        "and try again.",
    ),
    "db.write_conflict": (
        "另一位同事刚刚在共享数据库“{url}”中保存了同一条内容，您的修改未保存，以免两份互相覆盖。"
        "窗口已显示对方保存的内容；请查看后再修改。",
        "A colleague has just saved the same item in the shared database “{url}”; your change "
        "was not saved, so that neither overwrites the other. Look at what they saved, then "
        "change it again.",
    ),
    "db.server_busy": (
        "共享数据库“{url}”正忙于其他同事同时进行的修改，这次修改未保存。请稍候几秒再试。",
        "The shared database “{url}” was busy with colleagues' changes at the same moment; "
        "this change was not saved. Wait a few seconds and try again.",
    ),
    "db.server_error": (
        "共享数据库“{url}”拒绝了这次操作（服务器代码 {code}），修改未保存，之前保存的数据完好。"
        "请稍后重试；如再次出现，请把日志文件交给数据库管理员。",
        "The shared database “{url}” refused this (server code {code}); nothing was saved and "
        "everything saved before is intact. Try again later; if it happens again, give the log "
        "file to the database administrator.",
    ),
    "db.no_permission": (
        "服务器用户“{user}”没有修改共享数据库“{url}”的权限，修改未保存。"
        "需要修改的，请数据库管理员为该用户授予写入权限（见说明书中的 GRANT 语句）。",
        "The server user “{user}” may not change the shared database “{url}”; nothing was "
        "saved. To make changes, ask the database administrator to grant this user the right "
        "to write (the README gives the GRANT lines).",
    ),
    "db.server_read_only": (
        "服务器用户“{user}”对共享数据库“{url}”只有查看权限，所以以只读方式打开，不能修改。"
        "需要修改的，请数据库管理员为该用户授予写入权限。",
        "The server user “{user}” may only read the shared database “{url}”, so it is open "
        "read-only. To make changes, ask the database administrator to grant this user the "
        "right to write.",
    ),
    "db.server_cannot_create": (
        "共享数据库“{url}”还是空的，服务器用户“{user}”没有在其中建表的权限。"
        "请数据库管理员用有建表权限的用户先打开一次（见说明书）。",
        "The shared database “{url}” is still empty and the server user “{user}” may not "
        "create tables in it. Ask the database administrator to open it once as a user who "
        "may (see the README).",
    ),
    "db.server_cannot_upgrade": (
        "共享数据库“{url}”需要升级到本程序的数据格式，但服务器用户“{user}”没有修改表结构的权限，"
        "未作任何改动。请数据库管理员用数据库所有者的身份打开一次。",
        "The shared database “{url}” must be upgraded to this program's schema, but the server "
        "user “{user}” may not change tables; nothing was changed. Ask the database "
        "administrator to open it once as the database's owner.",
    ),
    "db.network_wal": (
        "数据库“{path}”在网络共享文件夹上（{fs}），却仍是只适合本机磁盘的 WAL 日志方式，"
        "可能另一台电脑正以这种方式打开着它。为防止数据损坏，本程序没有打开它。"
        "请先关闭其他电脑上打开它的程序再打开（本程序会改用适合网络文件夹的方式），"
        "或把文件复制到本机磁盘上使用。",
        "The database “{path}” is on a network folder ({fs}) but still in the WAL journal mode, "
        "which is safe on a local disk only; another computer may have it open that way. So "
        "that no data is damaged, it was not opened. Close the program on the other computers "
        "and open it again (this program then switches it to the mode safe on a network "
        "folder), or copy the file to a local disk.",
    ),
}
