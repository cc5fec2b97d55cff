"""The Qt application the printing commands draw with: QtGui only, offscreen where there is
no screen, so that a command prints PDF pages on a machine without a display."""

from __future__ import annotations

import os
import sys


def gui_application() -> object:
    """A QGuiApplication for fonts and painting, offscreen where there is no screen."""
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["kpi-desktop"])
