"""Which language the clerk reads: Chinese by default, English when she or her system says so.

Layers below the window cannot use Qt's tr(); they ask here.
"""

from __future__ import annotations

import locale
import os

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
