"""Every item model passes Qt's model tester, and the translations are complete."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

pytest.importorskip("pytestqt")

from kpi_desktop.ui.document import PlanDocument
from kpi_desktop.ui.history_dialog import HistoryModel
from kpi_desktop.ui.indicator_dialog import TargetEditModel
from kpi_desktop.ui.targets_model import TargetsModel
from kpi_desktop.ui.tree_model import IndicatorFilterProxy, IndicatorTreeModel

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"


@pytest.fixture
def document(qapp, database) -> PlanDocument:  # type: ignore[no-untyped-def]
    return PlanDocument(database)


@pytest.mark.parametrize("grouped", [True, False])
def test_tree_model(qtmodeltester, document: PlanDocument, grouped: bool) -> None:  # type: ignore[no-untyped-def]
    model = IndicatorTreeModel(document, grouped=grouped)
    qtmodeltester.check(model)
    proxy = IndicatorFilterProxy(model)
    proxy.set_text("区经信科技局")
    qtmodeltester.check(proxy)
    model.set_grouped(not grouped)
    qtmodeltester.check(model)


def test_targets_model(qtmodeltester, document: PlanDocument) -> None:  # type: ignore[no-untyped-def]
    model = TargetsModel(document)
    view = next(v for v in document.views if v.seq == 17)
    model.show(view, "2024Q1", editable=True)
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_target_edit_model(qtmodeltester, document: PlanDocument) -> None:  # type: ignore[no-untyped-def]
    view = next(v for v in document.views if v.seq == 18)
    model = TargetEditModel(document, view.id)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_history_model(qtmodeltester, document: PlanDocument) -> None:  # type: ignore[no-untyped-def]
    view = next(v for v in document.views if v.seq == 1)
    document.write_progress(view.id, "2024Q1", {"text": "一季度增长5.2%。"})
    model = HistoryModel(document, view.id)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def _messages(path: Path) -> list[tuple[str, str, ElementTree.Element]]:
    tree = ElementTree.parse(path)
    found = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def test_every_string_is_translated_into_chinese() -> None:
    untranslated = [
        (context, source)
        for context, source, translation in _messages(TRANSLATIONS / "kpi_desktop_zh_CN.ts")
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert untranslated == []


def test_translation_files_hold_every_string_of_the_code(tmp_path: Path) -> None:
    """A string added to the code but not yet extracted would show in English to the clerk."""
    if shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not on PATH")
    sources = sorted(str(p) for p in (TRANSLATIONS.parent / "kpi_desktop" / "ui").glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    in_code = {(c, s) for c, s, _t in _messages(fresh)}
    for language in ("zh_CN", "en"):
        in_file = {(c, s) for c, s, _t in _messages(TRANSLATIONS / f"kpi_desktop_{language}.ts")}
        assert in_code - in_file == set(), f"run python translations/update.py ({language})"


def test_compiled_catalogues_match_their_sources(tmp_path: Path) -> None:
    if shutil.which("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease is not on PATH")
    for language in ("zh_CN", "en"):
        compiled = tmp_path / f"{language}.qm"
        subprocess.run(
            [
                "pyside6-lrelease",
                str(TRANSLATIONS / f"kpi_desktop_{language}.ts"),
                "-qm",
                str(compiled),
            ],
            check=True,
            capture_output=True,
        )
        shipped = TRANSLATIONS / f"kpi_desktop_{language}.qm"
        assert shipped.read_bytes() == compiled.read_bytes(), "run python translations/update.py"
