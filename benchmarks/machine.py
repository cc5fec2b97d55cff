"""What every benchmark prints beside its figures: how loaded the shared machine was.

The machine has two cores and other people's tests run on it, so absolute times move from
run to run; each benchmark times its floor in the same run, alternating with the program, and
reports the ratio. The load average (`uptime`) is printed before and after so that a reader can
tell a quiet run from a busy one."""

from __future__ import annotations

import os
import resource
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def timed(
    command: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child and its children) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(list(command), check=True, capture_output=True, env=env, cwd=cwd, timeout=900)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu
