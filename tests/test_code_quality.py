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


def test_mypy_strict_on_domain_storage_services() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout
