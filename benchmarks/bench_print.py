"""Printing the summary table to PDF, against LibreOffice converting the same table's .xlsx.

    python benchmarks/bench_print.py [--runs 5] [--rows 5000]

Both sides are whole processes, started the same way:
- print: `python -m kpi_desktop export-summary --db FILE --period 2024Q1 -o OUT.pdf` (open the
  database, compile the 53-row table, lay it out offscreen, write the PDF);
- LibreOffice: `soffice --headless --convert-to pdf` of the .xlsx `export-summary` wrote for
  the same table, with a profile folder made once before timing so that its first-start set-up
  is not counted against it.

The two alternate, run by run, so that both see the same load on a shared machine; the load
average is printed before and after. Target: the print at least 2× faster.

Then the time to lay out and write a table of `--rows` rows (the built-in rows repeated) in
this process, as the window's print does. Prints medians, the ratio and a README section.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from installed import compile_package
from machine import load

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT, timeout=600)
    return time.perf_counter() - start


def export(db: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "kpi_desktop",
        "export-summary",
        "--db",
        str(db),
        "--period",
        "2024Q1",
        "-o",
        str(output),
    ]


def large_table_seconds(rows: int) -> tuple[float, int]:
    from PySide6.QtGui import QGuiApplication

    from kpi_desktop.printing.summary_printer import print_pdf
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.services.summary import compile_summary

    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory() as folder:
        database = open_plan_database(Path(folder) / "kpi.sqlite")
        with database.read() as session:
            table = compile_summary(session, "2024Q1")
        database.close()
        base = table.rows
        many = tuple(
            replace(base[i % len(base)], seq=i + 1, indicator_id=i + 1) for i in range(rows)
        )
        start = time.perf_counter()
        pages = print_pdf(replace(table, rows=many), Path(folder) / "large.pdf")
        seconds = time.perf_counter() - start
    del app
    return seconds, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    compile_package()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
        return 1

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = work / "kpi.sqlite"
        xlsx = work / "summary.xlsx"
        subprocess.run(export(db, xlsx), check=True, cwd=ROOT)
        profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
        convert = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir"]
        subprocess.run([*convert, str(work / "warm"), str(xlsx)], check=True, capture_output=True)

        before = load()
        ours, theirs = [], []
        for i in range(args.runs):
            ours.append(timed(export(db, work / f"ours-{i}.pdf")))
            theirs.append(timed([*convert, str(work / f"lo-{i}"), str(xlsx)]))
        after = load()

    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    ratio = theirs_median / ours_median
    large, pages = large_table_seconds(args.rows)

    print(f"{before}; after: {after}")
    print(f"export-summary → PDF, 53 rows (whole process): median {ours_median:.2f} s")
    print(f"soffice --convert-to pdf of the same .xlsx:     median {theirs_median:.2f} s")
    print(f"ratio (LibreOffice / kpi-desktop): {ratio:.2f}× (target ≥ 2×)")
    print(f"{args.rows} rows laid out and written in-process: {large:.1f} s, {pages} pages")
    print()
    print("| what | median |")
    print("|---|---|")
    print(f"| `export-summary` 2024Q1 → PDF, whole process | {ours_median:.2f} s |")
    print(f"| `soffice --headless --convert-to pdf` of the same .xlsx | {theirs_median:.2f} s |")
    print(f"| ratio | {ratio:.2f}× faster |")
    print(f"| {args.rows:,} rows to PDF ({pages} pages), in the window's process | {large:.1f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
