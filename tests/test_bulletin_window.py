"""File → Bulletin draft (Word)… in the window: the draft of the period shown, in the clerk's
wording when she chose her own template."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")
docx = pytest.importorskip("docx")

import test_window  # noqa: E402

# the main window's fixtures
settings, shell, window = test_window.settings, test_window.shell, test_window.window

from kpi_desktop.domain.status import Status  # noqa: E402
from kpi_desktop.services.bulletin import builtin_template_text  # noqa: E402
from kpi_desktop.ui.bulletin_dialog import TEMPLATE_KEY, BulletinDialog  # noqa: E402
from kpi_desktop.ui.main_window import MainWindow  # noqa: E402


def test_the_window_writes_the_draft_in_the_clerks_wording(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert window.menus.bulletin in window.menus.file.actions()
    own = tmp_path / "我的模板.txt"
    own.write_text(builtin_template_text().replace("一、总体情况", "一、总的情况"), "utf-8")
    dialog = BulletinDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.period.setCurrentIndex(dialog.period.findData("2024Q1"))
    dialog.output.setText(str(tmp_path / "通报.docx"))
    dialog.template.setText(str(own))
    dialog.write()
    assert dialog.written == tmp_path / "通报.docx"
    text = "\n".join(p.text for p in docx.Document(str(dialog.written)).paragraphs)
    # The counts are the statuses the window itself shows for the period.
    shown = Counter(window.document.status(v, "2024Q1") for v in window.document.views)
    counts = (
        f"{len(window.document.views)}项指标中，已完成{shown[Status.DONE]}项、"
        f"超序时{shown[Status.AHEAD]}项、序时推进{shown[Status.ON_SCHEDULE]}项、"
        f"滞后{shown[Status.BEHIND]}项"
    )
    assert "一、总的情况" in text and counts in text, counts
    assert window.settings.value(TEMPLATE_KEY) == str(own)  # offered again next time


def test_a_refusal_is_shown_and_nothing_written(
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "kpi_desktop.ui.bulletin_dialog.QMessageBox.warning",
        lambda _parent, _title, message: shown.append(message),
    )
    dialog = BulletinDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "通报.docx"))
    dialog.template.setText(str(tmp_path / "没有这个文件.txt"))
    dialog.write()
    assert dialog.written is None and shown and "没有这个文件.txt" in shown[0]
    assert not list(tmp_path.glob("*.docx"))
