"""The Qt binding must not lose references to None.

PySide6 6.12.0 on Python 3.11 decrements None's reference count every time Python receives an
empty QVariant (an item's data() for a role it does not have, a combo box entry whose data is
None) or calls a method returning nothing, and True's and False's for methods returning a
bool. After enough calls the interpreter aborts, taking the clerk's window with it. The
dependency excludes that release; this test fails if a binding with the same fault is installed.
"""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox


def test_calls_returning_nothing_or_a_bool_keep_their_references(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range(300):
        painter.drawRect(QRect(1, 1, 5, 5))  # returns nothing
        painter.isActive()  # returns a bool
    after = [sys.getrefcount(x) for x in (None, True, False)]
    painter.end()
    assert [b - a > -50 for a, b in zip(before, after, strict=True)] == [True, True, True]


def test_empty_variants_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel()
    model.appendRow(QStandardItem("序号"))
    index = model.index(0, 0)
    combo = QComboBox()
    combo.addItem("自动", None)
    before = sys.getrefcount(None)
    for _ in range(200):
        assert index.data(Qt.ItemDataRole.UserRole + 7) is None
        assert combo.currentData() is None
    # Other threads and caches move the count a little; a leak moves it by 400.
    assert sys.getrefcount(None) - before > -50
