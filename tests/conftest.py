"""Shared fixtures: every test gets its own database; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """The original table, from ../shared: only the test that compares the built-in plan
    with it needs it."""
    if not SEED.exists():
        pytest.skip(f"the seed table is not at {SEED} (it comes with ../shared)")
    return read_seed()


@pytest.fixture(scope="session")
def plan_rows() -> list[SeedRow]:
    """The built-in plan's rows as the package ships them (tests/test_builtin_plan.py checks
    they are the seed's, word for word), so that a clean clone runs every other test."""
    from kpi_desktop.services.plans import load_builtin_plan

    return [
        SeedRow(item.seq, item.text, " ".join(item.lead_units), item.progress["2024Q1"].text)
        for item in load_builtin_plan().indicators
    ]


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


SERVER = os.environ.get("KPI_TEST_POSTGRES_URL")
NO_SERVER = "no PostgreSQL server: set KPI_TEST_POSTGRES_URL (.ci/run starts one)"


def admin_url() -> Any:
    """The test server's URL as SQLAlchemy takes it (KPI_TEST_POSTGRES_URL)."""
    from sqlalchemy import make_url

    assert SERVER is not None
    return make_url(SERVER).set(drivername="postgresql+psycopg")


@pytest.fixture
def server_url() -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped afterwards."""
    if not SERVER:
        pytest.skip(NO_SERVER)
    pytest.importorskip("psycopg", reason="the PostgreSQL driver (pip install '.[postgres]')")
    import uuid

    from sqlalchemy import create_engine, make_url, text

    name = f"kpi_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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


# The fast loop (`pytest -m "not slow"`) leaves out what takes seconds a test: the kill tests,
# the frozen and Windows builds, the real small disks, and every test that starts a process of
# its own (the program's command line, LibreOffice, a worker). CI runs everything.
SLOW_MODULES = frozenset(
    {
        "test_crash_safety",
        "test_frozen_build",
        "test_faults_told_truly",
        "test_windows_under_wine",
        "test_shared_writers",
    }
)
STARTS_A_PROCESS = ("subprocess", "soffice", "lo_pdf(", "ReturnReader(")


def _source(function: object) -> str:
    import inspect

    try:
        return inspect.getsource(function) if function is not None else ""  # type: ignore[arg-type]
    except (OSError, TypeError):
        return ""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # The test's own source and that of the fixtures it uses (LibreOffice's print of a
        # document is usually a fixture).
        sources = [_source(getattr(item, "function", None))]
        info = getattr(item, "_fixtureinfo", None)
        for definitions in getattr(info, "name2fixturedefs", {}).values():
            sources += [_source(getattr(d, "func", None)) for d in definitions]
        module = getattr(getattr(item, "module", None), "__name__", "")
        if module in SLOW_MODULES or any(w in s for s in sources for w in STARTS_A_PROCESS):
            item.add_marker(pytest.mark.slow)
