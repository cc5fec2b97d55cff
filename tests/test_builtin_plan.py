"""A new database holds the 2024 Qiantang plan exactly as the seed table prints it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SeedRow

from kpi_desktop.domain.plan import PlanFormatError, plan_from_mapping
from kpi_desktop.domain.schedule import DEFAULT_TOLERANCE
from kpi_desktop.services.plans import install_plan, load_builtin_plan
from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.services.tracking import status_of
from kpi_desktop.storage.engine import open_database
from kpi_desktop.storage.models import Progress, utcnow


def test_resource_matches_seed(seed_rows: list[SeedRow]) -> None:
    plan = load_builtin_plan()
    assert plan.year == 2024
    assert [i.seq for i in plan.indicators] == list(range(1, 54))
    for row, item in zip(seed_rows, plan.indicators, strict=True):
        assert item.text == row.text
        assert list(item.lead_units) == row.units.split()
        assert item.progress["2024Q1"].text == row.progress


def test_cli_dump_of_new_database_equals_seed(tmp_path: Path, plan_rows: list[SeedRow]) -> None:
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
    for row, item in zip(plan_rows, indicators, strict=True):
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


def _plan_file(**extra: object) -> dict[str, object]:
    return {
        "year": 2025,
        "region": "苍南县",
        "title": "2025年苍南县民生实事",
        "indicators": [{"seq": 1, "text": "建设四好农村路55公里。", "lead_units": ["县交通局"]}],
        **extra,
    }


def test_a_plan_sets_its_own_on_schedule_band(tmp_path: Path) -> None:
    spec = plan_from_mapping(_plan_file(tolerance=0))
    assert spec.tolerance == 0.0 and plan_from_mapping(_plan_file()).tolerance is None
    database = open_database(tmp_path / "plan.sqlite", fill_new=lambda session: None)
    try:
        with database.transaction() as session:
            plan = install_plan(session, spec, source="table")
            session.add(
                Progress(indicator_id=1, period="2025H1", text="完成48.7%。", updated_at=utcnow())
            )
        with database.read() as session:
            (stored,) = plans(session)
            (view,) = indicator_views(session, stored)
    finally:
        database.close()
    assert plan.tolerance == stored.tolerance == 0
    assert status_of(view, "2025H1", stored.tolerance).value == "behind"  # strictly judged
    # Every view of the plan carries its band, so no caller can forget it...
    assert view.tolerance == 0 and status_of(view, "2025H1").value == "behind"
    # ...and under the default band the same figure is 基本序时.
    assert status_of(view, "2025H1", DEFAULT_TOLERANCE).value == "on_schedule"


@pytest.mark.parametrize("bad", [1, 1.5, -0.1, "0.1", True])
def test_a_band_outside_zero_to_one_is_refused(bad: object) -> None:
    with pytest.raises(PlanFormatError, match="tolerance"):
        plan_from_mapping(_plan_file(tolerance=bad))
