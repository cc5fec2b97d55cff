"""Refresh the translation sources from the code and compile them.

    python translations/update.py

pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string of kpi_desktop/ui
into the .ts files (keeping the translations already there); the English catalogue is the
source text itself; pyside6-lrelease compiles the .qm files the program loads. Qt's own
dialogs get their Chinese from the table in qt_zh_CN.py (compiled to qt_zh_CN.qm). Translate new
strings in kpi_desktop_zh_CN.ts (Qt Linguist, or any text editor) and run this again. The test
suite fails while any string is untranslated there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
SOURCES = sorted(str(p) for p in (HERE.parent / "kpi_desktop" / "ui").glob("*.py"))
LANGUAGES = ("zh_CN", "en")


def ts_file(language: str) -> Path:
    return HERE / f"kpi_desktop_{language}.ts"


def lupdate() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                "pyside6-lupdate",
                *SOURCES,
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                "-ts",
                str(ts_file(language)),
            ],
            check=True,
            capture_output=True,
        )


def english_is_source() -> None:
    """Every English translation is its source text: the program's strings are English."""
    path = ts_file("en")
    tree = ElementTree.parse(path)
    for message in tree.iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is not None and translation is not None:
            translation.text = source.text
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def known_translations(language: str) -> dict[str, str]:
    """Every finished translation in the catalogue, by source text (whatever its class)."""
    path = ts_file(language)
    if not path.exists():
        return {}
    known: dict[str, str] = {}
    for message in ElementTree.parse(path).iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            known.setdefault(source.text or "", translation.text)
    return known


def carry_over(language: str, known: dict[str, str]) -> None:
    """A string that moved to another class keeps its translation: lupdate files it under
    the new class as unfinished, and the translation it had is put back."""
    path = ts_file(language)
    tree = ElementTree.parse(path)
    changed = False
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or translation.get("type") != "unfinished":
            continue
        if (source.text or "") in known:
            translation.text = known[source.text or ""]
            translation.attrib.pop("type")
            changed = True
    if changed:
        tree.write(path, encoding="utf-8", xml_declaration=True)


def lrelease() -> None:
    for language in LANGUAGES:
        subprocess.run(
            ["pyside6-lrelease", str(ts_file(language))], check=True, capture_output=True
        )


def qt_catalogue() -> None:
    """Qt's own dialogs in Chinese, from the table in qt_zh_CN.py (see there why)."""
    sys.path.insert(0, str(HERE))
    from qt_zh_CN import ts_text

    target = HERE / "qt_zh_CN.ts"
    target.write_text(ts_text(), encoding="utf-8")
    subprocess.run(["pyside6-lrelease", str(target)], check=True, capture_output=True)


def main() -> int:
    known = known_translations("zh_CN")
    lupdate()
    carry_over("zh_CN", known)
    english_is_source()
    lrelease()
    qt_catalogue()
    return 0


if __name__ == "__main__":
    sys.exit(main())
