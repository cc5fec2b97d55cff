"""A process saving edits is killed at random moments; nothing it reported as saved is lost.

The kills run in tests/crash_harness.py (forked children, SIGKILL). CI runs a short series;
KPI_CRASH_KILLS=1000 (or benchmarks/crash_soak.py) runs the long one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).parent / "crash_harness.py"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="the kill test forks its children (POSIX only)"
)


def _kills(default: int) -> int:
    return int(os.environ.get("KPI_CRASH_KILLS", default))


def _run(db: Path, kills: int, mode: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    db.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, str(HARNESS), "--db", str(db), "--kills", str(kills), "--mode", mode],
        capture_output=True,
        text=True,
        timeout=max(300, kills * 5),
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_killed_while_saving_through_the_services_loses_nothing(tmp_path: Path) -> None:
    kills = _kills(100)
    result = _run(tmp_path / "数据 文件" / "kpi.sqlite", kills, "services")
    assert result["failures"] == [], result
    assert result["kills"] == kills
    assert result["lost"] == 0
    # The kills really landed among saved edits, not only before the first one.
    assert isinstance(result["saved"], int) and result["saved"] > kills


def test_killed_while_saving_through_the_window_loses_nothing(tmp_path: Path) -> None:
    kills = max(10, _kills(100) // 4)
    result = _run(tmp_path / "kpi.sqlite", kills, "window")
    assert result["failures"] == [], result
    assert result["lost"] == 0
    # Through the undo commands when the window has them (else the same services from a
    # QTimer); each edit there also reloads the indicator, so fewer land between kills.
    assert result["via"] == ["commands"]  # the window's own undo commands, not a fallback
    assert isinstance(result["saved"], int) and result["saved"] > 0
