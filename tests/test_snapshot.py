"""The quick first-paint read (storage.snapshot, plain sqlite3) gives the same indicators as the
ordinary read through sqlmodel, field by field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kpi_desktop.services import editing
from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.services.views import views_from_snapshot
from kpi_desktop.storage.snapshot import read_snapshot


def _fields(row: Any) -> dict[str, Any]:
    if isinstance(row, tuple):  # the snapshot's rows are named tuples
        return dict(row._asdict())  # type: ignore[attr-defined]
    return dict(row.model_dump())


def _as_plain(view: Any) -> dict[str, Any]:
    return {
        "indicator": _fields(view.indicator),
        "units": [_fields(u) for u in view.units],
        "canonical": view.canonical_units,
        "targets": [_fields(t) for t in view.targets],
        "progress": {k: _fields(v) for k, v in view.progress.items()},
        "actuals": {k: _fields(v) for k, v in view.actuals.items()},
    }


def test_snapshot_reads_what_sqlmodel_reads(database: Any) -> None:
    with database.transaction() as session:
        view = next(v for v in indicator_views(session, plans(session)[0]) if v.seq == 32)
        editing.set_progress(
            session,
            view.id,
            "2024H1",
            {"text": "上半年新增1600人。", "status": "on_schedule", "as_of_month": 5},
        )
        assert view.targets[0].id is not None
        editing.set_actual(
            session, view.id, "2024H1", view.targets[0].id, 1600, "人", confirmed=True
        )
    with database.read() as session:
        ordinary = indicator_views(session, plans(session)[0])
    snapshot = read_snapshot(database.path)
    assert snapshot is not None and snapshot.plan.year == 2024
    quick = views_from_snapshot(snapshot)
    assert len(quick) == len(ordinary) == 53
    assert [_as_plain(v) for v in quick] == [_as_plain(v) for v in ordinary]


def test_snapshot_declines_what_it_cannot_read_safely(tmp_path: Path) -> None:
    import shutil
    import sqlite3

    assert read_snapshot(tmp_path / "missing.sqlite") is None
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database")
    assert read_snapshot(bogus) is None
    old = tmp_path / "v1.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-v1.sqlite", old)
    assert read_snapshot(old) is None  # needs an upgrade: the ordinary path does that
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    assert read_snapshot(other) is None
