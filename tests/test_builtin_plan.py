"""A new database holds the 2024 Qiantang plan exactly as the seed table prints it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SeedRow

from kpi_desktop.services.plans import load_builtin_plan


def test_resource_matches_seed(seed_rows: list[SeedRow]) -> None:
    plan = load_builtin_plan()
    assert plan.year == 2024
    assert [i.seq for i in plan.indicators] == list(range(1, 54))
    for row, item in zip(seed_rows, plan.indicators, strict=True):
        assert item.text == row.text
        assert list(item.lead_units) == row.units.split()
        assert item.progress["2024Q1"].text == row.progress


def test_cli_dump_of_new_database_equals_seed(tmp_path: Path, seed_rows: list[SeedRow]) -> None:
    target = tmp_path / "x.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "kpi_desktop", "dump", "--db", str(target)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert target.exists()
    data = json.loads(result.stdout.decode("utf-8"))
    (plan,) = data["plans"]
    assert plan["year"] == 2024
    indicators = plan["indicators"]
    assert len(indicators) == 53
    for row, item in zip(seed_rows, indicators, strict=True):
        assert item["seq"] == row.seq
        assert item["text"] == row.text
        assert item["lead_units"] == row.units.split()
        assert item["progress"]["2024Q1"]["text"] == row.progress


def test_aliases_name_one_unit(database: object) -> None:
    from kpi_desktop.services.queries import indicator_views, plans

    with database.read() as session:  # type: ignore[attr-defined]
        views = {v.seq: v for v in indicator_views(session, plans(session)[0])}
    # Rows 20 and 22 print 区发展改革委; the bureau is the same as 区发展改革局's.
    assert views[20].lead_units == ["区发展改革委", "区商务局"]
    assert views[20].canonical_units == ["区发展改革局", "区商务局"]
    assert views[22].canonical_units == ["区发展改革局"]
    assert views[13].canonical_units == ["区发展改革局"]
    assert views[7].lead_units == ["区经信科技局", "大创小镇管理办公室", "钱塘芯谷管理办公室"]


def test_new_database_holds_proposed_targets(database: object) -> None:
    from kpi_desktop.services.queries import indicator_views, plans

    with database.read() as session:  # type: ignore[attr-defined]
        views = {v.seq: v for v in indicator_views(session, plans(session)[0])}
    assert [(t.kind, t.value, t.unit) for t in views[3].targets] == [("amount", 11, "亿美元")]
    assert len(views[17].targets) == 4
    assert not any(t.confirmed for v in views.values() for t in v.targets)
