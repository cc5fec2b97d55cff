"""The page image of the assessment (考核) in docs/: the built-in plan after the scripted
half-year of tests/half_year.py (some units late, most not at all), as `kpi-desktop assess`
prints it. Run from the checkout: python docs/assessment_page.py (needs pdftoppm)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "tests"))

from half_year import play_half_year  # noqa: E402

from kpi_desktop.cli import main  # noqa: E402
from kpi_desktop.services.database import open_plan_database  # noqa: E402


def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        database = open_plan_database(work / "kpi.sqlite")
        try:
            play_half_year(database, work)
        finally:
            database.close()
        pdf = work / "assessment.pdf"
        period = ["--period", "2024H1", "--due", "2024-07-10", "--on", "2024-07-20"]
        if main(["assess", "--db", str(work / "kpi.sqlite"), *period, "-o", str(pdf)]) != 0:
            raise SystemExit("assess failed")
        for old in DOCS.glob("assessment-2024H1-page-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(DOCS / "assessment-2024H1-page")],
            check=True,
        )


if __name__ == "__main__":
    run()
