"""Shared fixtures: every test gets its own database; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Messages are asserted in Chinese, the program's default, whatever this machine's locale is.
os.environ["LANGUAGE"] = "zh_CN"

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_18f662238a09a06d.txt"


@dataclass(frozen=True)
class SeedRow:
    seq: int
    text: str
    units: str
    progress: str


def read_seed() -> list[SeedRow]:
    rows = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 4 and cells[0] != "序号":
            rows.append(SeedRow(int(cells[0]), cells[1], cells[2], cells[3]))
    return rows


@pytest.fixture(scope="session")
def seed_rows() -> list[SeedRow]:
    if not SEED.exists():
        pytest.skip(f"the seed table is not at {SEED} (it comes with ../shared)")
    return read_seed()


@pytest.fixture(autouse=True)
def _private_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep tests out of the user's real data, log and settings folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "数据 文件"  # Chinese and a space, as on the clerk's PC
    folder.mkdir()
    return folder / "kpi.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[object]:
    from kpi_desktop.services.database import open_plan_database

    db = open_plan_database(db_path)
    yield db
    db.close()
