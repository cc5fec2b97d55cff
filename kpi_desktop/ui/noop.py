"""Marking a string for translation where it is defined and translating it where it is shown.

`QT_TRANSLATE_NOOP(context, text)` is what pyside6-lupdate looks for by name, so the strings
are collected as they are with Qt's own; this one returns the text typed as the `str` it is
(Qt's is typed `object`, which every caller would have to cast).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, marked for translation in `context` (translate it when shown)."""
    del context
    return text
