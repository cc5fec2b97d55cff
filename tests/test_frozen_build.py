"""The frozen Linux build: packaging/build_linux.sh builds the PyInstaller folder once, and the
frozen program then does the clerk's work — a new database and its dump, the summary table as
PDF and as .xlsx, a template and an import, the window started and closed — with the same
results as the program run from this checkout. A resource left out of the build fails one of
these.

The build takes a minute or two. Set KPI_DESKTOP_SKIP_FROZEN_BUILD=1 to skip it locally; it
always runs in CI (CI=true), where a missing PyInstaller fails instead of skipping.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kpi_desktop import __version__
from kpi_desktop.ui.icon import ICON_SIZES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() == "true"

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux folder"),
    pytest.mark.skipif(
        os.environ.get("KPI_DESKTOP_SKIP_FROZEN_BUILD") == "1" and not IN_CI,
        reason="KPI_DESKTOP_SKIP_FROZEN_BUILD=1",
    ),
]

CJK = re.compile(r"[\u4e00-\u9fff]")


class Build:
    def __init__(self, dist: Path, work: Path, log: str) -> None:
        self.dist, self.work, self.log = dist, work, log
        self.folder = dist / "kpi-desktop"
        self.program = self.folder / "kpi-desktop"
        self.internal = self.folder / "_internal"

    def frozen_modules(self) -> set[str]:
        """The modules frozen into the program's archive, from PyInstaller's table of it."""
        toc = ast.literal_eval((self.work / "kpi-desktop" / "PYZ-00.toc").read_text())
        entries = toc[-1] if isinstance(toc, tuple) else toc
        return {entry[0] for entry in entries}


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if IN_CI:
            raise
        pytest.skip('PyInstaller is not installed (pip install -e ".[test]")')
    base = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ, PYTHON=sys.executable)
    env["KPI_DESKTOP_DIST"], env["KPI_DESKTOP_WORK"] = str(base / "dist"), str(base / "work")
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build_linux.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, f"the build failed:\n{done.stdout}\n{done.stderr}"
    return Build(base / "dist", base / "work", done.stdout + done.stderr)


def clerk_environment(home: Path) -> dict[str, str]:
    """A clean account: its own home and folders, Chinese, no screen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "XDG_", "QT_", "KPI_DESKTOP_")) and key != "LANGUAGE"
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        # Chinese through LANGUAGE; LANG names a locale every Linux has, so that the frozen
        # program and the interpreter (which would otherwise coerce a missing locale to
        # C.UTF-8 by itself) run under the same one and pick the same fonts.
        LANG="C.UTF-8",
        LANGUAGE="zh_CN",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def run(
    command: list[str], env: dict[str, str], timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)


def from_source() -> list[str]:
    return [sys.executable, "-m", "kpi_desktop"]


def without_times(value: Any) -> Any:
    """The dump without its timestamps, which differ between two runs."""
    if isinstance(value, dict):
        return {k: without_times(v) for k, v in value.items() if not k.endswith("_at")}
    if isinstance(value, list):
        return [without_times(item) for item in value]
    return value


def test_the_build_holds_the_package_data_and_leaves_out_what_is_not_used(build: Build) -> None:
    package = build.internal / "kpi_desktop"
    assert (package / "resources" / "plans" / "2024-qiantang.toml").is_file()
    assert (package / "resources" / "bulletin" / "template.txt").is_file()
    for name in ("kpi-desktop.svg", "kpi-desktop.ico", "kpi-desktop-16.png", "kpi-desktop-256.png"):
        assert (package / "resources" / "icons" / name).is_file(), name
    for language in ("zh_CN", "en"):
        assert (package / "translations" / f"kpi_desktop_{language}.qm").is_file()
    qt_translations = build.internal / "PySide6" / "Qt" / "translations"
    assert (qt_translations / "qtbase_zh_CN.qm").is_file()
    assert not list(qt_translations.glob("qtbase_de.qm")), "only Chinese and English are kept"

    modules = build.frozen_modules()
    for needed in (
        "kpi_desktop.resources",
        "kpi_desktop.translations",
        "kpi_desktop.commands.dump",
        "kpi_desktop.commands.export_summary",
        "kpi_desktop.commands.export_template",
        "kpi_desktop.commands.import_returns",
        "kpi_desktop.commands.bulletin",
        "kpi_desktop.ui.main_window",
        "docx",
        "pyqtgraph",
        "numpy",
        "openpyxl",
        "xlrd",
        "defusedxml",
    ):
        assert needed in modules, needed
    for unused in (
        "pytest",
        "hypothesis",
        "mypy",
        "tkinter",
        "PySide6.QtQml",
        "PySide6.QtWebEngineCore",
    ):
        assert not any(m == unused or m.startswith(unused + ".") for m in modules), unused
    libraries = {path.name.split(".so")[0] for path in build.internal.rglob("*.so*")}
    for unused in ("libQt6Qml", "libQt6Quick", "libQt6WebEngineCore", "libQt63DCore", "libtk8.6"):
        assert unused not in libraries, unused


def test_no_module_the_program_imports_is_missing(build: Build) -> None:
    """PyInstaller's list of modules it could not find, for imports our own code makes
    unconditionally (an import under `if sys.platform == "win32"` is conditional)."""
    warnings = (build.work / "kpi-desktop" / "warn-kpi-desktop.txt").read_text()
    missing = []
    for line in warnings.splitlines():
        found = re.match(r"missing module named (\S+) - imported by (.*)", line)
        if found is None:
            continue
        for importer, flags in re.findall(r"([\w.]+) \(([^)]*)\)", found.group(2)):
            if importer.startswith("kpi_desktop") and not {"conditional", "optional"} & {
                flag.strip() for flag in flags.split(",")
            }:
                missing.append(f"{found.group(1)} (imported by {importer})")
    assert missing == []


def test_dump_of_a_new_database_matches_the_checkout(build: Build, tmp_path: Path) -> None:
    env = clerk_environment(tmp_path / "home")
    frozen = run([str(build.program), "dump", "--db", str(tmp_path / "新 文件.sqlite")], env)
    assert frozen.returncode == 0, frozen.stderr
    source = run([*from_source(), "dump", "--db", str(tmp_path / "source.sqlite")], env)
    assert source.returncode == 0, source.stderr
    dumped = json.loads(frozen.stdout)
    assert len(dumped["plans"][0]["indicators"]) == 53
    assert without_times(dumped) == without_times(json.loads(source.stdout))


def test_word_documents_match_the_checkout(build: Build, tmp_path: Path) -> None:
    """python-docx reads its own templates from its package folder: the build must have it."""
    import docx

    env = clerk_environment(tmp_path / "home")
    for command, name in (("bulletin", "通报.docx"), ("export-summary", "汇总表.docx")):
        texts = []
        for program, folder in ((build.program,), "frozen"), (tuple(from_source()), "source"):
            output = tmp_path / folder / name
            output.parent.mkdir(exist_ok=True)
            done = run(
                [*map(str, program), command, "--db", str(output.parent / "k.sqlite"),
                 "--period", "2024Q1", "-o", str(output)],
                env,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            document = docx.Document(str(output))
            cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
            texts.append(([p.text for p in document.paragraphs], cells))
        assert texts[0] == texts[1], command


def test_version_is_the_package_version(build: Build, tmp_path: Path) -> None:
    done = run([str(build.program), "--version"], clerk_environment(tmp_path / "home"))
    assert done.returncode == 0
    assert done.stdout.split() == ["kpi-desktop", __version__]
    assert (build.folder / "VERSION").read_text().strip() == __version__


def test_summary_as_xlsx_and_pdf_matches_the_checkout(build: Build, tmp_path: Path) -> None:
    import openpyxl
    from pypdf import PdfReader

    env = clerk_environment(tmp_path / "home")
    outputs: dict[str, dict[str, Path]] = {}
    for who, command in (("frozen", [str(build.program)]), ("source", from_source())):
        db = tmp_path / f"{who}.sqlite"
        outputs[who] = {}
        for suffix in (".xlsx", ".pdf"):
            out = tmp_path / f"汇总表-{who}{suffix}"
            done = run(
                [*command, "export-summary", "--db", str(db), "--period", "2024Q1", "-o", str(out)],
                env,
            )
            assert done.returncode == 0, f"{who} {suffix}: {done.stderr}"
            outputs[who][suffix] = out

    def cells(path: Path) -> list[list[object]]:
        book = openpyxl.load_workbook(path)
        return [list(row) for sheet in book for row in sheet.iter_rows(values_only=True)]

    frozen_cells = cells(outputs["frozen"][".xlsx"])
    assert any("地区生产总值增长5.5%" in str(cell) for row in frozen_cells for cell in row)
    assert frozen_cells == cells(outputs["source"][".xlsx"])

    def text(path: Path) -> list[str]:
        return [page.extract_text() for page in PdfReader(path).pages]

    frozen_pages = text(outputs["frozen"][".pdf"])
    # Text extraction breaks lines where the table's cells wrap; compare without white space.
    assert frozen_pages and "地区生产总值增长5.5%" in re.sub(r"\s", "", "".join(frozen_pages))
    assert frozen_pages == text(outputs["source"][".pdf"])


def test_template_export_and_import_of_returns_match_the_checkout(
    build: Build, tmp_path: Path
) -> None:
    env = clerk_environment(tmp_path / "home")
    results = {}
    for who, command in (("frozen", [str(build.program)]), ("source", from_source())):
        db = str(tmp_path / f"{who}.sqlite")
        template = tmp_path / f"模板-{who}.xlsx"
        exported = run(
            [*command, "export-template", "--db", db, "--period", "2024H1", "-o", str(template)],
            env,
        )
        assert exported.returncode == 0, f"{who}: {exported.stderr}"
        returns = [str(FIXTURES / "returns-libreoffice.xls"), str(template)]
        dry = run([*command, "import", "--db", db, "--dry-run", *returns], env)
        assert dry.returncode == 0, f"{who}: {dry.stderr}"
        results[who] = dry.stdout.replace(str(template), "TEMPLATE")
    assert "returns-libreoffice.xls" in results["frozen"]
    assert results["frozen"] == results["source"]


def test_the_window_starts_offscreen_and_closes(build: Build, tmp_path: Path) -> None:
    env = clerk_environment(tmp_path / "home")
    env.update(KPI_DESKTOP_QUIT_AFTER_FIRST_PAINT="1", KPI_DESKTOP_STARTUP_REPORT="1")
    done = run([str(build.program), "--db", str(tmp_path / "窗口.sqlite")], env, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["version"] == __version__
    assert report["platform"] == "offscreen"
    # The program's own catalogue: the menus are written in English in the code.
    assert report["menus"] and all(CJK.search(menu) for menu in report["menus"])
    # Qt's catalogue, found through QLibraryInfo in the frozen folder.
    assert report["qt_cancel"] == "取消"
    assert report["application_icon_sizes"] == sorted(ICON_SIZES)
    # pyqtgraph (the charts) imports and draws in the build.
    assert not str(report["charts"]).startswith("error"), report["charts"]


def test_install_script_adds_a_menu_entry_and_uninstall_keeps_the_data(
    build: Build, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = clerk_environment(home)
    share = home / ".local" / "share"
    installed = run(["bash", str(build.folder / "install.sh")], env)
    assert installed.returncode == 0, installed.stderr
    entry = share / "applications" / "kpi-desktop.desktop"
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{build.program}"' in lines
    assert "Icon=kpi-desktop" in lines
    assert not any(line.startswith("MimeType=") for line in lines), "associates no file type"
    for size in ICON_SIZES:
        assert (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "kpi-desktop.png"
        ).is_file()
    validate = shutil.which("desktop-file-validate")
    if validate is not None:
        checked = run([validate, str(entry)], env)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    command = home / ".local" / "bin" / "kpi-desktop"
    version = run([str(command), "--version"], env)
    assert version.stdout.split() == ["kpi-desktop", __version__]

    # The clerk's data, created by the installed program in its default place.
    opened = run([str(command), "dump"], env)
    assert opened.returncode == 0, opened.stderr
    data = share / "kpi-desktop" / "kpi-desktop.sqlite"
    assert data.is_file()
    removed = run(["bash", str(build.folder / "uninstall.sh")], env)
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists()
    assert not command.exists()
    assert not (share / "icons" / "hicolor" / "48x48" / "apps" / "kpi-desktop.png").exists()
    assert data.is_file(), "the data is kept"
