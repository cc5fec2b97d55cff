"""The Windows program under Wine: packaging/test_windows.sh builds it with the project's spec,
compiles the installer from the project's .iss, installs it silently, runs the installed
program (its outputs compared with the checkout's on Linux), shows its window, uninstalls it,
and writes one report line per check. This test runs the script once and holds it to every
check it names.

Skipped where Wine is not installed (.ci/run installs it); it takes several minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "test_windows.sh"
ISL = ROOT.parent / "shared" / "vendor" / "inno-setup" / "ChineseSimplified.isl"
TOOLS = ("wine", "wineserver", "x86_64-w64-mingw32-gcc", "Xvfb", "xdotool", "localedef", "npm")

# Every check the script makes, in its order: a check that went missing fails here too.
CHECKS = [
    "tools",
    "downloads",
    "prefix",
    "stand-ins",
    "python",
    "build",
    "installer",
    "setup-first-page",
    "install",
    "no-stand-ins-shipped",
    "version",
    "dump",
    "summary-pdf",
    "summary-xlsx",
    "export-template",
    "import-dry-run-模板.xlsx",
    "import-dry-run-returns-libreoffice.xls",
    "default-database",
    "window-startup-report",
    "window",
    "uninstall-removes",
    "uninstall-keeps-data",
]

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="runs Wine on Linux"),
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in TOOLS),
        reason="Wine and its companions are not installed: "
        + ", ".join(tool for tool in TOOLS if shutil.which(tool) is None)
        + " (.ci/run installs them)",
    ),
    pytest.mark.skipif(not ISL.is_file(), reason=f"Inno Setup's Chinese messages not at {ISL}"),
]


Outcome = tuple[subprocess.CompletedProcess[str], Path]


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    out = tmp_path_factory.mktemp("wine")
    env = dict(os.environ, PYTHON=sys.executable)
    env.pop("KPI_WINE_WORK", None)
    # The script limits each of its Wine calls; this limit is for the script as a whole.
    done = subprocess.run(
        ["bash", str(SCRIPT), str(out)], env=env, capture_output=True, text=True, timeout=3000
    )
    return done, out


def test_every_check_passed(outcome: Outcome) -> None:
    done, out = outcome
    lines = (out / "report.txt").read_text(encoding="utf-8").splitlines()
    failed = [line for line in lines if line.startswith("FAIL")]
    assert failed == [], "\n".join(failed) + "\n" + done.stderr[-2000:]
    names = [line.split(" ", 1)[1].split(":", 1)[0] for line in lines[:-1]]
    assert names == CHECKS
    assert lines[-1] == f"windows under wine: {len(CHECKS)}/{len(CHECKS)} checks passed"
    assert done.returncode == 0


def test_it_leaves_the_outputs(outcome: Outcome) -> None:
    _, out = outcome
    dumped = json.loads((out / "dump.json").read_text(encoding="utf-8"))
    assert len(dumped["plans"][0]["indicators"]) == 53
    assert (out / "summary.pdf").read_bytes().startswith(b"%PDF")
    for picture in ("window.png", "setup.png"):
        assert (out / picture).read_bytes().startswith(b"\x89PNG"), picture
