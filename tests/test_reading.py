"""Reading returns in worker processes gives exactly what reading them here gives."""

from __future__ import annotations

import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from excel_support import FIXTURES, H1, fill_template

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services.excel_template import export_templates_per_unit
from kpi_desktop.services.reading import ReturnReader, _start_worker, read_one, worker_count
from kpi_desktop.services.returns import ReturnTable, read_return
from kpi_desktop.services.structure import StructureError


def test_a_refusal_keeps_its_kind_and_message_across_a_process_boundary() -> None:
    error = KpiError("return.inflates", file="甲.xlsx", size=10, limit=5, what="xl/a.xml")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is KpiError
    assert (copy.code, copy.params) == (error.code, error.params)
    assert copy.message() == error.message() and "甲.xlsx" in copy.message()
    structural = pickle.loads(pickle.dumps(StructureError("structure.no_unit")))
    assert type(structural) is StructureError and structural.code == "structure.no_unit"


@pytest.mark.parametrize(
    ("files", "cpus", "expected"),
    [
        (400, 1, 0),  # one core: nothing to gain, read here
        (0, 8, 0),
        (40, 8, 0),  # read here sooner than a worker would have started
        (80, 8, 1),
        (300, 2, 1),  # one core left for the caller
        (300, 8, 4),  # one worker per 80 files
        (2000, 16, 4),  # and no more than four
    ],
)
def test_worker_count(files: int, cpus: int, expected: int) -> None:
    assert worker_count(files, cpus) == expected


@pytest.fixture
def returns(database: object, tmp_path: Path) -> list[Path]:
    """Two filled templates, a LibreOffice .xls, and two files that are refused."""
    with database.read() as session:  # type: ignore[attr-defined]
        infos = export_templates_per_unit(session, H1, tmp_path / "templates")
    filled = [
        fill_template(info.path, tmp_path / f"{n}-{info.unit}.xlsx", {1: f"{info.unit}的进展"})
        for n, info in enumerate(infos[:2])
    ]
    not_a_workbook = tmp_path / "说明.xlsx"
    not_a_workbook.write_text("这不是表格", encoding="utf-8")
    cut_short = tmp_path / "截断.xlsx"
    cut_short.write_bytes(filled[0].read_bytes()[:300])
    return [filled[0], not_a_workbook, FIXTURES / "returns-libreoffice.xls", cut_short, filled[1]]


def _same(a: ReturnTable | KpiError, b: ReturnTable | KpiError) -> bool:
    if isinstance(a, KpiError) or isinstance(b, KpiError):
        return (
            type(a) is type(b)
            and isinstance(a, KpiError)
            and isinstance(b, KpiError)
            and (a.code, a.params) == (b.code, b.params)
        )
    return a == b


def test_workers_read_what_this_process_reads_in_the_same_order(returns: list[Path]) -> None:
    here = [read_one(p) for p in returns]
    assert [type(o).__name__ for o in here] == [
        "ReturnTable",
        "KpiError",
        "ReturnTable",
        "KpiError",
        "ReturnTable",
    ]
    with ReturnReader(returns, workers=2) as reader:
        assert reader.parallel
        there = reader.results()
    assert len(there) == len(here)
    for mine, theirs in zip(here, there, strict=True):
        assert _same(mine, theirs), (mine, theirs)
    assert isinstance(there[0], ReturnTable) and there[0].rows == read_return(returns[0]).rows


def test_without_workers_the_files_are_read_here(returns: list[Path]) -> None:
    with ReturnReader(returns, workers=0) as reader:
        assert not reader.parallel
        outcomes = reader.results()
    assert [isinstance(o, KpiError) for o in outcomes] == [False, True, False, True, False]


def test_files_are_read_here_when_a_worker_is_killed(
    returns: list[Path], caplog: pytest.LogCaptureFixture
) -> None:
    reader = ReturnReader(returns, workers=1)
    try:
        pool = reader._pool
        assert pool is not None and pool._processes
        for process in list(pool._processes.values()):
            process.kill()  # still starting: nothing has been read yet
            process.join()
        with caplog.at_level("WARNING"):
            outcomes = reader.results()
    finally:
        reader.close()
    assert sum("the worker stopped" in r.getMessage() for r in caplog.records) == len(returns)
    for mine, expected in zip(outcomes, (read_one(p) for p in returns), strict=True):
        assert _same(mine, expected)


def _worker_modules(path: str) -> tuple[bool, bool]:
    read_return(path)
    return "openpyxl" in sys.modules, "numpy" in sys.modules and sys.modules["numpy"] is not None


def test_a_worker_reads_workbooks_without_loading_numpy(returns: list[Path]) -> None:
    with ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=_start_worker) as pool:
        openpyxl_loaded, numpy_loaded = pool.submit(_worker_modules, str(returns[0])).result()
    assert openpyxl_loaded and not numpy_loaded


def test_preview_says_which_file_it_is_on_and_takes_files_read_elsewhere(
    database: object, returns: list[Path]
) -> None:
    from kpi_desktop.services.importing import preview_import

    seen: list[tuple[int, str]] = []
    with database.read() as session:  # type: ignore[attr-defined]
        here = preview_import(session, returns, progress=lambda i, p: seen.append((i, p.name)))
        with ReturnReader(returns, workers=1) as reader:
            there = preview_import(session, returns, read=reader.results())
        with pytest.raises(ValueError):
            preview_import(session, returns, read=reader.results()[:2])
    assert seen == [(i, p.name) for i, p in enumerate(returns)]
    summary = [(f.file, f.error.code if f.error else None, len(f.rows)) for f in here.files]
    assert summary == [
        (f.file, f.error.code if f.error else None, len(f.rows)) for f in there.files
    ]
    assert [f.error is None for f in here.files] == [True, False, True, False, True]


def _gone(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" in status.read_text()  # ended, waiting to be reaped
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_workers_end_when_the_command_is_killed(returns: list[Path], tmp_path: Path) -> None:
    """Killed from outside (the Task Manager, the system out of memory), the command leaves
    no worker behind waiting for work, holding its caller's output open."""
    import os
    import signal
    import subprocess
    import time

    script = (
        "import sys, time\n"
        "from kpi_desktop.services.reading import ReturnReader\n"
        "if __name__ == '__main__':\n"
        "    reader = ReturnReader(sys.argv[1:] * 200, workers=1)\n"
        "    print(*reader._pool._processes, flush=True)\n"
        "    time.sleep(60)\n"
    )
    command = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, returns[:1])],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert command.stdout is not None
        workers = [int(pid) for pid in command.stdout.readline().split()]
        assert workers and not any(_gone(pid) for pid in workers)
        os.kill(command.pid, signal.SIGKILL)
        command.wait(timeout=30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not all(_gone(pid) for pid in workers):
            time.sleep(0.1)
        assert all(_gone(pid) for pid in workers)
    finally:
        command.kill()
        command.wait()
