"""Several clerks writing one database at once, each write carrying its base: no lost update.

Two and then ten processes (tests/writers_harness.py) edit for a bounded time the same
indicator and one of their own, on a PostgreSQL server (KPI_TEST_POSTGRES_URL, as CI runs
it) and on a SQLite file. Afterwards, for every indicator, the change log of its text must be
one chain from the text it started with to the text stored now, each step exactly one write
that was accepted with that base; every refused write must have been stale (someone else's
text stood there, later in the chain than the base) and must have left no trace. A role the
server lets only read is refused cleanly, and the README's GRANT lines give the roles they say.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlmodel import select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services import editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.storage.models import ChangeLog, Indicator, Progress

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tests" / "writers_harness.py"
PERIOD = "2024H1"
SHARED_SEQ = 1


@pytest.fixture(params=["postgresql", "sqlite"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "共享 文件" / "kpi.sqlite"
        path.parent.mkdir()
        open_plan_database(path).close()
        return str(path)
    url: str = request.getfixturevalue("server_url")
    open_plan_database(url).close()
    return url


def _run_writers(target: str, count: int, seconds: float, folder: Path) -> list[dict[str, Any]]:
    """`count` writer processes at once, each on the shared indicator and one of its own."""
    processes = []
    for worker in range(count):
        out = folder / f"writer-{worker}.json"
        command = [
            sys.executable,
            str(HARNESS),
            "--db",
            target,
            "--worker",
            str(worker),
            "--seconds",
            str(seconds),
            "--seqs",
            f"{SHARED_SEQ},{10 + worker}",
            "--period",
            PERIOD,
            "--out",
            str(out),
        ]
        processes.append((subprocess.Popen(command, stderr=subprocess.PIPE, text=True), out))
    writes = []
    for process, out in processes:
        _out, err = process.communicate(timeout=seconds + 120)
        assert process.returncode == 0, err
        writes.extend(json.loads(out.read_text(encoding="utf-8"))["writes"])
    return writes


def _state(target: str) -> tuple[dict[int, str], dict[int, list[ChangeLog]]]:
    """Each indicator's stored text in PERIOD and its text's change log, oldest first."""
    database = open_plan_database(target, read_only=True)
    try:
        with database.read() as session:
            texts: dict[int, str] = {}
            logs: dict[int, list[ChangeLog]] = {}
            for indicator in session.exec(select(Indicator)):
                entry = editing.progress_entry(session, indicator.id or 0, PERIOD)
                texts[indicator.seq] = entry.text if entry is not None else ""
                logs[indicator.seq] = list(
                    session.exec(
                        select(ChangeLog)
                        .where(
                            ChangeLog.indicator_id == indicator.id,
                            ChangeLog.period == PERIOD,
                            ChangeLog.field_name == "text",
                        )
                        .order_by(ChangeLog.id)  # type: ignore[arg-type]
                    )
                )
    finally:
        database.close()
    return texts, logs


def _check_no_lost_update(writes: list[dict[str, Any]], target: str) -> dict[str, int]:
    texts, logs = _state(target)
    accepted = [w for w in writes if w["ok"]]
    refused = [w for w in writes if not w["ok"]]
    # Every refusal is the stale-write refusal: no raw driver error, no duplicate first entry.
    for write in refused:
        if write.get("via") == "command":
            assert write["exit"] == 2 and "与 --expect 给出的文字不同" in write["message"], write
        else:
            assert write.get("code") == "edit.stale", write
    for seq in {w["seq"] for w in writes}:
        chain = logs[seq]
        # A true chain old → new, from the empty text (no 上半年 text in the built-in plan)
        # to the stored one; one step per accepted write with exactly its base.
        assert chain, seq
        assert chain[0].old_value in ("", None)
        for before, after in itertools.pairwise(chain):
            assert after.old_value == before.new_value, (seq, before.id, after.id)
        assert texts[seq] == chain[-1].new_value
        steps = [(c.old_value or "", c.new_value) for c in chain]
        mine = [(w["base"], w["new"]) for w in accepted if w["seq"] == seq]
        assert sorted(steps) == sorted(mine), seq  # nothing lost, nothing unaccounted for
        written = [c.new_value for c in chain]
        assert all(c.user_name and c.host for c in chain)
        for write in (w for w in refused if w["seq"] == seq):
            assert write["new"] not in written  # a refused write leaves no trace
            if "stored" in write:
                # It was stale: what stood there was someone's later text, not its base.
                assert write["stored"] != write["base"]
                later = written[written.index(write["base"]) + 1 :] if write["base"] else written
                assert write["stored"] in later, write
    return {
        "accepted": len(accepted),
        "refused": len(refused),
        "refused on purpose": sum(1 for w in refused if w["stale_on_purpose"]),
    }


@pytest.mark.parametrize(("count", "seconds"), [(2, 4.0), (10, 8.0)], ids=["two", "ten"])
def test_writers_at_once_lose_nothing(
    target: str, count: int, seconds: float, tmp_path: Path
) -> None:
    writes = _run_writers(target, count, seconds, tmp_path)
    figures = _check_no_lost_update(writes, target)
    # Stale writes were really tried (one in five on purpose) and every one was refused;
    # every process got writes through.
    assert figures["refused on purpose"] > 0
    assert all(w["ok"] is False for w in writes if w["stale_on_purpose"])
    assert {w["new"].split("第")[0] for w in writes if w["ok"]} == {
        f"工作者{k}" for k in range(count)
    }


def test_set_command_refuses_a_stale_expectation(target: str) -> None:
    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "kpi_desktop",
                "set",
                "--db",
                target,
                "--period",
                PERIOD,
                "--seq",
                "7",
                *extra,
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "LANGUAGE": "zh_CN"},
        )

    assert run("--text", "甲写的", "--expect", "").returncode == 0
    refused = run("--text", "乙写的", "--expect", "")
    assert refused.returncode == 2
    assert "甲写的" in refused.stderr and "Traceback" not in refused.stderr
    assert run("--text", "乙写的", "--expect", "甲写的").returncode == 0
    texts, logs = _state(target)
    assert texts[7] == "乙写的"
    assert [(c.old_value, c.new_value) for c in logs[7]] == [("", "甲写的"), ("甲写的", "乙写的")]


# ---------------------------------------------------------------------------------------------
# Roles on the server

README = ROOT / "README.md"


def _grant_lines() -> str:
    """The administrator's SQL as the README gives it (the block after its marker)."""
    readme = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- roles -->\s*```sql\n(.*?)```", readme, re.DOTALL)
    assert found, "the README's GRANT block"
    return found.group(1)


@pytest.fixture
def roles(server_url: str) -> Iterator[dict[str, str]]:
    """The README's clerk and read-only roles on a new database, with one login each (the
    roles are the server's, not the database's: named apart for this test, dropped after)."""
    tag = uuid.uuid4().hex[:6]
    name = make_url(server_url).database
    names = {role: f"{role}_{tag}" for role in ("kpi_clerk", "kpi_reader", "wang", "li")}
    sql = re.sub(r"\bDATABASE kpi\b", f'DATABASE "{name}"', _grant_lines())
    for role, renamed in names.items():
        sql = re.sub(rf"\b{role}\b", renamed, sql)
    open_plan_database(server_url).close()  # the owner opens it first and makes the tables
    engine = create_engine(make_url(server_url).set(drivername="postgresql+psycopg"))
    statements = [s.strip() for s in re.sub(r"--[^\n]*", "", sql).split(";")]
    with engine.begin() as connection:
        for statement in filter(None, statements):
            connection.execute(text(statement))
    url = make_url(server_url)
    try:
        yield {
            "clerk": url.set(username=names["wang"]).render_as_string(hide_password=False),
            "reader": url.set(username=names["li"]).render_as_string(hide_password=False),
        }
    finally:
        quoted = ", ".join(f'"{role}"' for role in names.values())
        with engine.begin() as connection:
            connection.execute(text(f"DROP OWNED BY {quoted}"))
            connection.execute(text(f"DROP ROLE {quoted}"))
        engine.dispose()


def test_a_clerk_role_writes_and_is_named_in_the_log(roles: dict[str, str]) -> None:
    clerk = open_plan_database(roles["clerk"])
    try:
        assert not clerk.read_only
        with clerk.transaction() as session:
            editing.set_progress_text(session, 2024, 3, PERIOD, "王写的", expect="")
        with clerk.read() as session:
            (change,) = [c for c in session.exec(select(ChangeLog)) if c.new_value == "王写的"]
    finally:
        clerk.close()
    assert change.user_name == make_url(roles["clerk"]).username


def test_a_read_only_role_is_refused_cleanly(roles: dict[str, str]) -> None:
    reader = open_plan_database(roles["reader"])
    try:
        assert reader.read_only
        assert reader.read_only_reason is not None
        assert reader.read_only_reason.code == "db.server_read_only"
        with reader.read() as session:
            assert session.exec(select(Progress)).first() is not None
        with pytest.raises(KpiError) as caught, reader.transaction():
            pass
        assert caught.value.code == "db.server_read_only"
        # Were the program to try anyway, the server's own refusal is a sentence too.
        reader.read_only = False
        with pytest.raises(KpiError) as caught, reader.transaction() as session:
            editing.set_progress_text(session, 2024, 3, PERIOD, "李写的")
        assert caught.value.code == "db.no_permission"
        assert make_url(roles["reader"]).username in caught.value.message()
    finally:
        reader.close()
    command = subprocess.run(
        [
            sys.executable,
            "-m",
            "kpi_desktop",
            "set",
            "--db",
            roles["reader"],
            "--period",
            PERIOD,
            "--seq",
            "3",
            "--text",
            "李写的",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "LANGUAGE": "zh_CN"},
    )
    assert command.returncode == 2
    assert "只有查看权限" in command.stderr and "Traceback" not in command.stderr
