"""The layers stay apart (no Qt below the UI), and lint and types stay clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )


def test_import_contracts_hold() -> None:
    result = _run(
        sys.executable,
        "-c",
        "from importlinter.cli import lint_imports_command;lint_imports_command()",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean() -> None:
    if shutil.which("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    folders = [
        p for p in ("kpi_desktop", "tests", "benchmarks", "packaging") if (ROOT / p).is_dir()
    ]
    result = _run("ruff", "check", *folders)
    assert result.returncode == 0, result.stdout
    result = _run("ruff", "format", "--check", *folders)
    assert result.returncode == 0, result.stdout


def test_no_widgets_in_the_command_line_and_the_printing() -> None:
    """commands/ and printing/ draw with QtGui alone, so that they run offscreen without a
    window (import-linter cannot name one module of an external package, hence this test)."""
    import ast

    found = []
    for folder in ("commands", "printing"):
        for path in (ROOT / "kpi_desktop" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                found += [
                    f"{path.name}: {name}"
                    for name in names
                    if name.startswith(("PySide6.QtWidgets", "PySide6.QtPrintSupport"))
                ]
    assert found == []


def test_no_module_is_longer_than_500_lines() -> None:
    """A module does one job: past 500 lines it has usually begun a second."""
    long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / "kpi_desktop").rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


def test_mypy_strict_on_the_whole_package() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout
