"""The bounds a received workbook is read within, the grid it is read into, and the clock
and counters that hold a reading to those bounds (services.workbooks says why).
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from kpi_desktop.domain.errors import KpiError

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Limits:
    """How much of a returned file is read at most. A real return is a few tens of KB, one to
    five sheets, a few hundred cells; every bound is hundreds of times that."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_member_bytes: int = 50 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024
    max_members: int = 2000
    max_sheets: int = 100
    max_cells: int = 1_000_000
    max_area: int = 2_000_000
    max_merges: int = 20_000
    max_strings: int = 500_000
    max_rows: int = 5000
    max_columns: int = 60
    max_seconds: float = 30.0


DEFAULT_LIMITS = Limits()


class Cut(StrEnum):
    """Which bound left part of a sheet unread."""

    ROWS = "rows"
    COLUMNS = "columns"
    AREA = "area"


@dataclass
class Grid:
    """A sheet's cells as text, with vertically merged cells filled from their top cell.

    `uncached` holds the (0-based) cells that are formulas without a saved value: the file
    does not say what the unit saw there. `long` gives the true length of texts longer than a
    cell holds, which calamine returns cut short. `cut` says which bound stopped the reading, with
    how much the sheet really had (`found`) against the bound (`limit`)."""

    name: str
    rows: list[list[str]]
    hidden: bool = False
    uncached: frozenset[tuple[int, int]] = frozenset()
    long: dict[tuple[int, int], int] = field(default_factory=dict)
    cut: Cut | None = None
    found: int = 0
    limit: int = 0


@dataclass
class Shape:
    """What the guard learnt of one sheet before calamine reads it."""

    height: int = 0
    width: int = 0
    uncached: set[tuple[int, int]] = field(default_factory=set)
    long: dict[tuple[int, int], int] = field(default_factory=dict)  # cell -> its length

    @property
    def area(self) -> int:
        return self.height * self.width

    def reach(self, row: int, column: int) -> None:
        self.height = max(self.height, row + 1)
        self.width = max(self.width, column + 1)


class Clock:
    def __init__(self, file: str, limits: Limits) -> None:
        self._file = file
        self._deadline = time.monotonic() + limits.max_seconds
        self._seconds = limits.max_seconds

    def check(self) -> None:
        if time.monotonic() > self._deadline:
            raise KpiError("return.too_slow", file=self._file, seconds=int(self._seconds))


class Counts:
    """Counts across the whole file, refused the moment one passes its bound."""

    def __init__(self, file: str, limits: Limits, clock: Clock) -> None:
        self.file, self.limits, self.clock = file, limits, clock
        self.cells = self.merges = 0
        self._ticks = 0

    def over(self, code: str, found: int, limit: int) -> KpiError:
        return KpiError(code, file=self.file, found=found, limit=limit)

    def cell(self, count: int = 1) -> None:
        self.cells += count
        if self.cells > self.limits.max_cells:
            raise self.over("return.too_many_cells", self.cells, self.limits.max_cells)
        self.tick(count)

    def merge(self) -> None:
        self.merges += 1
        if self.merges > self.limits.max_merges:
            raise self.over("return.too_many_merges", self.merges, self.limits.max_merges)
        self.tick()

    def sheets(self, count: int) -> None:
        if count > self.limits.max_sheets:
            raise self.over("return.too_many_sheets", count, self.limits.max_sheets)

    def strings(self, count: int) -> None:
        if count > self.limits.max_strings:
            raise self.over("return.too_many_strings", count, self.limits.max_strings)

    def tick(self, count: int = 1) -> None:
        self._ticks += count
        if self._ticks >= 4096:
            self._ticks = 0
            self.clock.check()


# ---------------------------------------------------------------------------------------------
# The file itself


def read_file(path: Path, file: str, limits: Limits) -> bytes:
    """The file's bytes: a regular file only, and no more than `max_file_bytes` of it."""
    try:
        info = path.stat()
    except FileNotFoundError as error:
        raise KpiError("return.missing", file=file) from error
    except OSError as error:
        raise KpiError("return.unreadable", file=file, detail=error.strerror or "") from error
    if stat.S_ISDIR(info.st_mode):
        raise KpiError("return.folder", file=file)
    if not stat.S_ISREG(info.st_mode):
        raise KpiError("return.not_a_file", file=file)
    if info.st_size > limits.max_file_bytes:
        raise KpiError(
            "return.too_large", file=file, size=info.st_size, limit=limits.max_file_bytes
        )
    try:
        # Opened without following a swap to a pipe after the check, and read with a bound:
        # the file may grow while it is read.
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise KpiError("return.not_a_file", file=file)
            data = handle.read(limits.max_file_bytes + 1)
    except IsADirectoryError as error:
        raise KpiError("return.folder", file=file) from error
    except OSError as error:
        raise KpiError("return.unreadable", file=file, detail=error.strerror or "") from error
    if len(data) > limits.max_file_bytes:
        raise KpiError("return.too_large", file=file, size=len(data), limit=limits.max_file_bytes)
    return data


def short_error(error: BaseException) -> str:
    """A library's exception in a line, for the log and a message's detail."""
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 160 else text[:159] + "…"
