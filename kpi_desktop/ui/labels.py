"""What the window calls a period (the toolbar, the dialogs, the submissions view)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpi_desktop.domain.periods import Period
from kpi_desktop.ui.noop import QT_TRANSLATE_NOOP

_PERIOD_NAMES = {
    "Q1": QT_TRANSLATE_NOOP("Period", "Q1 (Jan–Mar)"),
    "H1": QT_TRANSLATE_NOOP("Period", "First half (Jan–Jun)"),
    "Q3": QT_TRANSLATE_NOOP("Period", "Jan–Sep"),
    "Y": QT_TRANSLATE_NOOP("Period", "Full year"),
}


def period_title(period: Period) -> str:
    return QCoreApplication.translate("Period", _PERIOD_NAMES[period.kind.value])
