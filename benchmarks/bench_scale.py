"""A city-sized year: a generated plan of 300 indicators led by 60 units, four periods of
returns (300 files) imported by one command and previewed in the window, printed to PDF and
Word, checked and assessed; and how each time grows from 53 to 300 to 3,000 indicators.

    python benchmarks/bench_scale.py [--sizes 53,300,3000] [--runs 3]

For each size N the plan holds N indicators (the built-in plan's 53 texts, repeated with a
district's name in front where N > 53), led by 60 units (unit i leads indicators i, i+60, …;
every tenth indicator is shared with the next unit), with no progress yet. Each unit that leads
something returns its template for each of the four periods, filled in with openpyxl, and once
more its full-year return (a second copy it sent, saved again): 5 returns per unit, 300 in
all (265 for 53 indicators, where 53 units lead one each). Timed, each a whole process:

- `import` of all the returns in one command, against a process that only opens the same
  files with openpyxl (the floor of bench_import.py);
- the window's preview of the same files dropped on it (benchmarks/window_preview.py), from
  the drop to the preview on screen, with the values its progress bar showed;
- `export-summary --period 2024Y` to PDF, against `soffice --headless --convert-to pdf` of the
  table's .xlsx, and to Word;
- `check --period 2024Y` and `assess --period 2024Y -o .xlsx`.

Prints the load average, medians, the ratios to the floors, and what each added indicator
costs in CPU time from one size to the next (the same at both steps: the time grows linearly).
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from installed import compile_package
from machine import load, timed

UNITS = 60
PERIODS = ("2024Q1", "2024H1", "2024Q3", "2024Y")
MONTH = {"2024Q1": 3, "2024H1": 6, "2024Q3": 9, "2024Y": 12}
FLOOR = """
import sys, openpyxl
for name in sys.argv[1:]:
    openpyxl.load_workbook(name)
"""
DISTRICTS = "东西南北中"


def unit_name(index: int) -> str:
    return f"区第{index + 1:02d}号工作专班"


def make_plan(size: int) -> Any:
    from kpi_desktop.domain.plan import IndicatorSpec, PlanSpec, UnitSpec
    from kpi_desktop.services.plans import load_builtin_plan

    builtin = load_builtin_plan()
    texts = [item.text for item in builtin.indicators]
    indicators = []
    for index in range(size):
        text = texts[index % len(texts)]
        lap = index // len(texts)
        if lap:
            text = f"{DISTRICTS[lap % 5]}片区第{lap}组：{text}"
        units = [unit_name(index % UNITS)]
        if index % 10 == 9:
            units.append(unit_name((index + 1) % UNITS))
        indicators.append(IndicatorSpec(seq=index + 1, text=text, lead_units=tuple(units)))
    return PlanSpec(
        year=2024,
        region="示例市",
        title="2024年示例市政府工作报告重点工作量化指标",
        attachment="附件",
        units=tuple(UnitSpec(unit_name(u)) for u in range(UNITS)),
        indicators=tuple(indicators),
    )


def make_year(folder: Path, size: int) -> tuple[Path, list[str]]:
    """The database of a plan of `size` indicators, and the returns of its year."""
    import openpyxl

    from kpi_desktop.domain.periods import Period
    from kpi_desktop.services.excel_template import export_templates_per_unit
    from kpi_desktop.services.plans import install_plan
    from kpi_desktop.storage.engine import open_database

    spec = make_plan(size)
    db = folder / "base.sqlite"
    database = open_database(db, fill_new=lambda session: install_plan(session, spec))
    returns = folder / "returns"
    returns.mkdir()
    files: list[str] = []
    with database.read() as session:
        for code in PERIODS:
            infos = export_templates_per_unit(session, Period.parse(code), folder / code)
            for info in infos:
                workbook = openpyxl.load_workbook(info.path)
                sheet = workbook["进展情况"]
                header = [str(c.value or "") for c in sheet[3]]
                column = next(
                    i for i, h in enumerate(header, 1) if h.endswith("进展情况") and "参考" not in h
                )
                for row in range(4, sheet.max_row + 1):
                    seq = sheet.cell(row, 1).value
                    if isinstance(seq, int):
                        share = 20 + (seq * 7 + MONTH[code] * 5) % 80
                        sheet.cell(
                            row, column
                        ).value = f"截至{MONTH[code]}月底，{info.unit}累计完成年度目标的{share}%。"
                copies = 2 if code == "2024Y" else 1
                for copy in range(copies):
                    out = returns / f"{code}-{info.unit}{'-重报' if copy else ''}.xlsx"
                    workbook.save(out)
                    files.append(str(out))
    database.close()
    return db, files


def kpi(*args: str) -> list[str]:
    return [sys.executable, "-m", "kpi_desktop", *args]


def window_preview(db: Path, files: list[str]) -> dict[str, Any]:
    script = Path(__file__).with_name("window_preview.py")
    done = subprocess.run(
        [sys.executable, str(script), str(db), *files], check=True, capture_output=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure(size: int, runs: int, soffice: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        base, files = make_year(folder, size)
        imported = folder / "imported.sqlite"
        shutil.copy(base, imported)
        subprocess.run(
            kpi("import", "--db", str(imported), *files), check=True, capture_output=True
        )
        xlsx = folder / "summary.xlsx"
        subprocess.run(
            kpi("export-summary", "--db", str(imported), "--period", "2024Y", "-o", str(xlsx)),
            check=True,
            capture_output=True,
        )
        profile = f"-env:UserInstallation=file://{folder / 'lo-profile'}"
        convert = (
            [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir"] if soffice else []
        )
        if soffice:
            subprocess.run(
                [*convert, str(folder / "warm"), str(xlsx)], check=True, capture_output=True
            )
        times: dict[str, list[tuple[float, float]]] = {}
        window: list[dict[str, Any]] = []

        def add(name: str, command: list[str]) -> None:
            times.setdefault(name, []).append(timed(command))

        before = load()
        for run in range(runs):
            copy = folder / f"run{run}.sqlite"
            shutil.copy(base, copy)
            add("floor: openpyxl opens the returns", [sys.executable, "-c", FLOOR, *files])
            add("import, one command", kpi("import", "--db", str(copy), *files))
            shutil.copy(base, copy)
            window.append(window_preview(copy, files))
            db = str(imported)
            add(
                "PDF",
                kpi(
                    "export-summary",
                    "--db",
                    db,
                    "--period",
                    "2024Y",
                    "-o",
                    str(folder / f"s{run}.pdf"),
                ),
            )
            if soffice:
                add("floor: soffice → PDF", [*convert, str(folder / f"lo{run}"), str(xlsx)])
            add(
                "Word",
                kpi(
                    "export-summary",
                    "--db",
                    db,
                    "--period",
                    "2024Y",
                    "-o",
                    str(folder / f"s{run}.docx"),
                ),
            )
            command = kpi("check", "--db", db, "--period", "2024Y")
            # check exits 1 when it finds something, which a generated year does
            times.setdefault("check", []).append(_timed_any(command))
            add(
                "assess",
                kpi("assess", "--db", db, "--period", "2024Y", "-o", str(folder / f"a{run}.xlsx")),
            )
        after = load()
        rows = window[0]["rows"]
    result: dict[str, Any] = {
        "size": size,
        "returns": len(files),
        "rows": rows,
        "load": f"{before}; after: {after}",
        "bar": window[0]["bar"],  # the values the preview's progress bar showed
        "refused": window[0]["refused"],
    }
    for name, values in times.items():
        result[name] = statistics.median(v[0] for v in values)
        result[name + " (cpu)"] = statistics.median(v[1] for v in values)
    result["window preview"] = statistics.median(w["preview"] for w in window)
    result["window preview (cpu)"] = statistics.median(w["cpu"] for w in window)
    return result


def _timed_any(command: list[str]) -> tuple[float, float]:
    import resource
    import time

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, timeout=900)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr.decode())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="53,300,3000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        result = measure(size, args.runs, soffice)
        results.append(result)
        shown = {**result, "bar": f"{len(result['bar'])} values"}
        print(json.dumps(shown, ensure_ascii=False), flush=True)
    names = [k for k in results[0] if isinstance(results[0][k], float) and "(cpu)" not in k]
    print()
    print("| what | " + " | ".join(f"{r['size']:,} indicators" for r in results) + " |")
    print("|---|" + "---|" * len(results))
    print(
        "| returns (rows) | "
        + " | ".join(f"{r['returns']} ({r['rows']:,})" for r in results)
        + " |"
    )
    for name in names:
        cells = [f"{r[name]:.2f} s (cpu {r[name + ' (cpu)']:.2f})" for r in results]
        print(f"| {name} | " + " | ".join(cells) + " |")
    first = results[0]
    if "floor: openpyxl opens the returns" in first:
        ratios = [
            r["import, one command"] / r["floor: openpyxl opens the returns"] for r in results
        ]
        print("| import / floor | " + " | ".join(f"{x:.2f}×" for x in ratios) + " |")
    if "floor: soffice → PDF" in first:
        ratios = [r["floor: soffice → PDF"] / r["PDF"] for r in results]
        print("| PDF: LibreOffice / ours | " + " | ".join(f"{x:.2f}×" for x in ratios) + " |")
    print()
    # Every command has a fixed part (the interpreter, Qt, the database layer) that a ratio of
    # whole times hides; what one more indicator costs shows how the work itself grows.
    print("CPU ms per added indicator, size to size (the same at both steps: linear):")
    for earlier, later in itertools.pairwise(results):
        added = later["size"] - earlier["size"]
        parts = [
            f"{name} {1000 * (later[name + ' (cpu)'] - earlier[name + ' (cpu)']) / added:.2f}"
            for name in names
        ]
        print(f"  {earlier['size']} → {later['size']}: " + ", ".join(parts))
    for r in results:
        bar = r["bar"]
        moved = f"{len(bar)} values, {bar[0]} to {bar[-1]}" if bar else "none"
        print(f"{r['size']}: {r['load']}; the preview's progress bar showed {moved}")
        print(f"  files refused: {r['refused'] or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
