"""Errors the clerk can act on, with their messages in Chinese and English.

Layers below the window cannot use Qt's tr(), so a refusal carries a code and its parameters
and is worded here. Every message says what happened, where, and what to do next.
"""

from __future__ import annotations

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


MESSAGES: dict[str, tuple[str, str]] = {
    "db.not_sqlite": (
        "文件“{path}”不是 kpi-desktop 数据库（也不是 SQLite 文件）。"
        "请确认选择的是 .sqlite 数据文件；如果该文件曾经可以打开，请用“从备份恢复”找回数据。",
        "“{path}” is not a kpi-desktop database (not an SQLite file). Check that you chose the "
        ".sqlite data file; if it used to open, restore it from a backup.",
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
    "command.not_ready": (
        "命令“{command}”尚未实现。",
        "The command “{command}” is not available yet.",
    ),
}


class KpiError(Exception):
    """A refusal the clerk can act on. `code` selects the message; `params` fill it in."""

    exit_status = 2

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, language: str | None = None) -> str:
        zh, en = MESSAGES[self.code]
        template = en if (language or current_language()) == "en" else zh
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.message()
