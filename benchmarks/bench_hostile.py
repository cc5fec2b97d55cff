"""How long a hostile return keeps the reader busy, and how much memory it takes.

    python benchmarks/bench_hostile.py [--runs 3]

Each file below is built here, small on disk but made to cost as much as possible, and then
read as `kpi-desktop import` reads it (services.returns.read_return) in a process of its own;
the wall time and the peak resident memory of that process are measured (the process reports
its own peak, VmHWM). The floor
is the same process reading an ordinary return, so the figures show what each file adds; the
largest file the bounds still admit is measured too.
The reader's answer for every file must come within `Limits.max_seconds` (30 s) and 500 MB.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from installed import compile_package

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TITLE = "2024年钱塘区政府报告重点工作量化指标上半年进展情况（区商务局）"
HEADER = ["序号", "重点工作", "牵头单位", "上半年进展情况"]


def _workbook(rows: list[list[object]], sheets: int = 1) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for index in range(sheets - 1):
        book.create_sheet(f"表{index}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _edit_sheet(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = edit(content)
            archive.writestr(name, content)
    return out.getvalue()


def _body(body: bytes) -> Callable[[bytes], bytes]:
    return lambda d: re.sub(
        rb"<sheetData>.*</sheetData>|<sheetData/>",
        b"<sheetData>" + body + b"</sheetData>",
        d,
        flags=re.S,
    )


def _plain() -> bytes:
    return _workbook([[TITLE], HEADER, [3, "实际利用外资11亿美元以上。", "区商务局", "甲"]])


def files(folder: Path) -> dict[str, Path]:
    made: dict[str, bytes] = {}
    made["ordinary return (the floor)"] = _plain()
    merges = b"".join(b'<mergeCell ref="A1:BH5000"/>' for _ in range(100_000))
    made["100,000 merged ranges over A1:BH5000"] = _edit_sheet(
        _plain(),
        lambda d: d.replace(
            b"</sheetData>", b"</sheetData><mergeCells>" + merges + b"</mergeCells>"
        ),
    )
    made["12 million empty cells in one row"] = _edit_sheet(
        _plain(), _body(b'<row r="1">' + b"<c/>" * 12_000_000 + b"</row>")
    )
    made["values at A1 and XFD1048576"] = _edit_sheet(
        _plain(),
        _body(
            b'<row r="1"><c r="A1"><v>1</v></c></row>'
            b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        ),
    )
    made["1,900 sheets"] = _workbook([[TITLE]], sheets=1900)
    made["the most the bounds admit: 1000 x 1000 values"] = _edit_sheet(
        _plain(),
        _body(
            b"".join(
                b'<row r="%d">' % r
                + b"".join(
                    b'<c r="%s%d"><v>%d</v></c>' % (_letters(c), r, c) for c in range(1, 1001)
                )
                + b"</row>"
                for r in range(1, 1000)
            )
        ),
    )
    made["overlapping merges on a full grid"] = _edit_sheet(
        _plain(),
        lambda d: _body(
            b'<row r="1">'
            + b"".join(b'<c r="%s1"><v>1</v></c>' % _letters(c) for c in range(1, 61))
            + b"</row>"
            + b"".join(
                b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(2, 5001)
            )
        )(d).replace(
            b"</sheetData>",
            b"</sheetData><mergeCells>"
            + b'<mergeCell ref="A1:BH5000"/>' * 19_000
            + b"</mergeCells>",
        ),
    )
    made["a 32 MB shared-string table"] = _edit_sheet(_plain(), lambda d: d)
    paths = {}
    for name, data in made.items():
        path = folder / (re.sub(r"\W+", "-", name) + ".xlsx")
        path.write_bytes(data)
        paths[name] = path
    strings = paths["a 32 MB shared-string table"]
    with zipfile.ZipFile(strings, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + b"<si><t>a</t></si>" * 1_800_000
            + b"</sst>",
        )
    pipe = folder / "a-named-pipe.xlsx"
    if hasattr(os, "mkfifo"):
        os.mkfifo(pipe)
        paths["a named pipe"] = pipe
    if Path("/dev/zero").exists():
        paths["/dev/zero"] = Path("/dev/zero")
    return paths


def _letters(column: int) -> bytes:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column).encode()


READ = """
import resource, sys
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.returns import read_return
try:
    table = read_return(sys.argv[1])
    print(f"read: {len(table.rows)} rows")
except KpiError as error:
    print(error.message())
try:  # this process's own peak; getrusage's keeps the parent's from before the exec
    status = open("/proc/self/status").read()
    print(int(status.split("VmHWM:")[1].split()[0]))
except (OSError, IndexError):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(path: Path) -> tuple[float, float, str]:
    """(wall seconds, peak resident MB, the first line of the answer) of one process that only
    reads the file as an import does."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", READ, str(path)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", "LANGUAGE": "en"},
        )
        child.wait()
        wall = time.perf_counter() - start
        output.seek(0)
        lines = output.read().decode("utf-8", "replace").strip().splitlines() or ["?"]
    # The child reports its own peak (getrusage, KB) on its last line.
    return wall, int(lines[-1]) / 1024, lines[-2] if len(lines) > 1 else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        db = folder / "kpi.sqlite"
        subprocess.run(
            [sys.executable, "-m", "kpi_desktop", "dump", "--db", str(db)],
            capture_output=True,
            check=True,
        )
        paths = files(folder)
        print(f"{'file':42} {'on disk':>9} {'median s':>9} {'peak MB':>8}  answer")
        for name in paths:
            path = paths[name]
            size = path.stat().st_size if path.is_file() else 0
            walls, peaks = [], []
            for _ in range(args.runs):
                wall, peak, answer = measure(path)
                walls.append(wall)
                peaks.append(peak)
            print(
                f"{name:42} {size / 1024:7.0f} K {statistics.median(walls):9.2f}"
                f" {max(peaks):8.0f}  {answer[:70]}"
            )


if __name__ == "__main__":
    main()
