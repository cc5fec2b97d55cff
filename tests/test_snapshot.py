"""The quick first-paint read (storage.snapshot, plain sqlite3) gives the same indicators as the
ordinary read through sqlmodel, field by field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


# --- The reading commands read through storage.snapshot.FileReader -------------------------


def _filled(database: Any, tmp_path: Path) -> None:
    """A database with what every read must carry: two units' own texts for a shared row and
    a clerk's text over them, an alias, a dismissed finding, a note and two instructions."""
    from datetime import date

    from kpi_desktop.domain.periods import Period
    from kpi_desktop.services import notes
    from kpi_desktop.services.checks import dismiss, run_checks
    from kpi_desktop.services.excel_template import export_template
    from kpi_desktop.services.importing import apply_import, preview_import
    from kpi_desktop.services.plans import UnitDirectory
    from tests.excel_support import fill_template

    h1 = Period.parse("2024H1")
    returns = []
    with database.read() as session:
        for unit, text in (
            ("区发展改革局", "发改：上半年增长5.1%。"),
            ("区财政局", "财政：已拨付。"),
        ):
            blank = tmp_path / f"blank-{unit}.xlsx"
            export_template(session, h1, blank, unit)
            returns.append(fill_template(blank, tmp_path / f"{unit}.xlsx", {5: text, 1: text}))
        preview = preview_import(session, returns)
    assert not preview.refusals()
    apply_import(database, preview)
    with database.transaction() as session:
        view = next(v for v in indicator_views(session, plans(session)[0]) if v.seq == 20)
        editing.set_progress(session, view.id, "2024H1", {"text": "上半年外贸增长。"})
        UnitDirectory(session).ensure("区财政局", aliases=("财政局",))
        finding = run_checks(session, "2024Q1")[0]
        dismiss(session, finding, "已与单位核实。")
    with database.transaction() as session:
        shared = next(v for v in indicator_views(session, plans(session)[0]) if v.seq == 5)
        editing.set_progress(session, shared.id, "2024H1", {"text": "联合文本，书记员改写。"})
        notes.set_remark(session, shared.id, "2024H1", "待财政局补报。")
        for given_on, text in (("2024-05-10", "请加快推进。"), ("2024-04-02", "请核实数据。")):
            notes.add_instruction(
                session, shared.id, "2024H1", "王区长", given_on, text, today=date(2024, 6, 1)
            )


def _both(database: Any) -> Any:
    """(the sqlmodel reader, the sqlite3 reader) of `database`, the first open in a session."""
    from kpi_desktop.storage.session_reader import SessionReader
    from kpi_desktop.storage.snapshot import open_reader

    quick = open_reader(database.path)
    assert quick is not None
    return database.read(), SessionReader, quick


def test_both_readers_answer_every_question_alike(database: Any, tmp_path: Path) -> None:
    _filled(database, tmp_path)
    session, make, quick = _both(database)
    try:
        with session:
            ordinary = make(session)
            assert quick.plans() == ordinary.plans()
            plan = ordinary.plans()[0]
            assert quick.plan_rows(plan) == ordinary.plan_rows(plan)
            assert quick.unit_names() == ordinary.unit_names()
            assert quick.unit_aliases() == ordinary.unit_aliases()
            assert "财政局" in [alias for _, alias in quick.unit_aliases()]
            progress_ids = [entry.id for entry in quick.plan_rows(plan).progress]
            own = quick.contributions(progress_ids)
            assert len(own) >= 3  # two units' texts for 序号 5, one for 序号 1
            assert sorted(own) == sorted(ordinary.contributions(progress_ids))
            ids = [row.id for row in quick.plan_rows(plan).indicators]
            assert [r.text for r in quick.remarks(ids)] == ["待财政局补报。"]
            assert quick.remarks(ids, "2024H1") == ordinary.remarks(ids, "2024H1")
            assert quick.remarks(ids, "2024Q1") == []
            given = quick.instructions(ids)
            assert [i.text for i in given] == ["请核实数据。", "请加快推进。"]  # by date given
            assert given == ordinary.instructions(ids) == ordinary.instructions(ids, "2024H1")
            for entity, field, period in (
                ("progress", "text", None),
                ("finding", None, "2024Q1"),
            ):
                chosen = ids if entity == "finding" else progress_ids
                found = quick.log(entity, chosen, field_name=field, period=period)
                assert found, entity
                assert found == ordinary.log(entity, chosen, field_name=field, period=period)
    finally:
        quick.close()


def _without_calendar(dumped: dict[str, Any]) -> dict[str, Any]:
    """A dump without the quarter's calendar, which only the sqlmodel read gives (its part is
    read through a session: services.reads.calendar_session)."""
    plans = []
    for plan in dumped["plans"]:
        indicators = [{k: v for k, v in i.items() if k != "done"} for i in plan["indicators"]]
        plans.append(
            {**{k: v for k, v in plan.items() if k != "periods"}, "indicators": indicators}
        )
    return {**dumped, "plans": plans}


def test_each_read_service_gives_the_same_from_either_reader(database: Any, tmp_path: Path) -> None:
    """dump, the summary table, the template, the checks and an import preview: one rule
    each, fed by either reader, with the same result."""
    from kpi_desktop.domain.periods import Period
    from kpi_desktop.services.checks import run_checks
    from kpi_desktop.services.dump import dump
    from kpi_desktop.services.excel_template import build_template
    from kpi_desktop.services.import_matching import preview_import
    from kpi_desktop.services.summary import SummaryOptions, compile_summary

    _filled(database, tmp_path)
    h1 = Period.parse("2024H1")
    again = sorted(tmp_path.glob("区*.xlsx"))

    def results(source: Any) -> Any:
        workbook, info = build_template(source, h1, "财政局")  # by its alias
        preview = preview_import(source, again)
        return (
            _without_calendar(dump(source)),
            compile_summary(
                source,
                h1,
                SummaryOptions(unit="区财政局", with_instructions=True, with_remarks=True),
            ),
            [[cell.value for cell in row] for row in workbook.active.iter_rows()],
            info,
            [(f.message(), f.dismissed) for f in run_checks(source, "2024Q1")],
            [
                (
                    file.unit,
                    file.period,
                    [(r.seq, r.state, r.changes, r.notices) for r in file.rows],
                )
                for file in preview.files
            ],
        )

    session, _, quick = _both(database)
    try:
        with session:
            ordinary = results(session)
        plain = results(quick)
    finally:
        quick.close()
    assert plain == ordinary
    dumped = plain[0]["plans"][0]["indicators"]
    assert dumped[4]["progress"]["2024H1"]["text"] == "联合文本，书记员改写。"
    assert dumped[4]["notes"] == {"2024H1": "待财政局补报。"}
    assert len(dumped[4]["instructions"]["2024H1"]) == 2
    shared_row = next(row for row in plain[1].rows if row.seq == 5)
    assert shared_row.remark == "待财政局补报。" and len(shared_row.instructions) == 2
    assert any(f[1] == "已与单位核实。" for f in plain[4])
    assert any(r[3] for f in plain[5] for r in f[2])  # the clerk's text is noticed


_PROBE = """
import json, sys
from kpi_desktop.cli import main
status = main(sys.argv[2:])
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"sqlalchemy", "sqlmodel"})
with open(sys.argv[1], "w") as out:
    json.dump({"status": status, "loaded": loaded}, out)
"""


def _probe(tmp_path: Path, *args: str) -> dict[str, Any]:
    import json
    import os
    import subprocess
    import sys

    report = tmp_path / "probe.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(report), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(report.read_text())
    return result


@pytest.mark.slow  # starts the command line eight times
def test_reading_commands_on_a_file_never_load_the_database_layer(tmp_path: Path) -> None:
    from kpi_desktop.domain.periods import Period
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.services.excel_template import export_template

    db = tmp_path / "kpi.sqlite"
    database = open_plan_database(db)
    with database.read() as session:
        export_template(session, Period.parse("2024H1"), tmp_path / "r.xlsx", "区财政局")
    database.close()
    commands = [
        ["export-summary", "--db", str(db), "--period", "2024Q1", "-o", str(tmp_path / "s.pdf")],
        ["export-summary", "--db", str(db), "--period", "2024Q1", "-o", str(tmp_path / "s.docx")],
        ["export-summary", "--db", str(db), "--period", "2024Q1", "-o", str(tmp_path / "s.xlsx")],
        ["export-template", "--db", str(db), "--period", "2024H1", "-o", str(tmp_path / "t.xlsx")],
        ["import", "--db", str(db), "--dry-run", str(tmp_path / "r.xlsx")],
        ["check", "--db", str(db), "--period", "2024H1"],
    ]
    for command in commands:
        probe = _probe(tmp_path, *command)
        assert probe["status"] in (0, 1), command  # check: 1 when it finds something
        assert probe["loaded"] == [], command
    assert (tmp_path / "s.pdf").stat().st_size > 10_000
    # dump reads the quarter's calendar through sqlmodel (services.reads.calendar_session).
    assert _probe(tmp_path, "dump", "--db", str(db))["loaded"] == ["sqlalchemy", "sqlmodel"]
    # Writing still goes through the database layer, which the probe sees loaded.
    writing = _probe(tmp_path, "import", "--db", str(db), str(tmp_path / "r.xlsx"))
    assert writing == {"status": 0, "loaded": ["sqlalchemy", "sqlmodel"]}


def test_a_file_the_quick_reader_declines_is_read_the_ordinary_way(tmp_path: Path) -> None:
    """A missing file is created with the built-in plan, an older one upgraded: both through
    sqlmodel, with the same answer."""
    import shutil

    from kpi_desktop.services.dump import dump
    from kpi_desktop.services.reads import reading
    from kpi_desktop.storage.snapshot import FileReader

    new = tmp_path / "new.sqlite"
    with reading(new) as reader:
        assert not isinstance(reader, FileReader)
        first = dump(reader)
    with reading(new) as reader:
        assert isinstance(reader, FileReader)
        assert dump(reader) == _without_calendar(first)
    old = tmp_path / "v1.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-v1.sqlite", old)
    with reading(old) as reader:
        assert not isinstance(reader, FileReader)
        assert dump(reader)["plans"]
    with reading(old) as reader:  # upgraded by the first read
        assert isinstance(reader, FileReader)


def test_a_file_with_a_calendar_is_read_the_ordinary_way(tmp_path: Path) -> None:
    """The quick reader does not read due dates, closings, chase rounds or 办结: a file holding
    any is read through sqlmodel, so that an export leaves out what is 办结 and a dry run is
    refused for a closed period; `dump` always reads its calendar part so."""
    from datetime import date

    from kpi_desktop.domain.periods import Period
    from kpi_desktop.services.calendar import set_due_date
    from kpi_desktop.services.database import open_plan_database
    from kpi_desktop.services.queries import plans
    from kpi_desktop.services.reads import reading
    from kpi_desktop.storage.snapshot import FileReader

    path = tmp_path / "kpi.sqlite"
    database = open_plan_database(path)
    database.close()
    with reading(path) as reader:
        assert isinstance(reader, FileReader)
    with reading(path, calendar=True) as reader:
        assert not isinstance(reader, FileReader)
    database = open_plan_database(path)
    try:
        with database.transaction() as session:
            set_due_date(session, plans(session)[0], Period.parse("2024H1"), date(2024, 7, 5))
    finally:
        database.close()
    with reading(path) as reader:
        assert not isinstance(reader, FileReader)


def test_views_hold_frozen_plain_rows_not_database_objects(database: Any) -> None:
    """What the window and the exports are handed cannot change the data by accident: each
    view and each of its rows is a frozen plain value, whatever the reader."""
    import dataclasses

    from kpi_desktop.services.queries import indicator_views, plans
    from kpi_desktop.storage.rows import IndicatorRow, ProgressRow, TargetRow, UnitLinkRow

    with database.read() as session:
        view = next(v for v in indicator_views(session, plans(session)[0]) if v.seq == 32)
    assert isinstance(view.indicator, IndicatorRow)
    assert all(isinstance(link, UnitLinkRow) for link in view.units)
    assert all(isinstance(target, TargetRow) for target in view.targets)
    assert all(isinstance(entry, ProgressRow) for entry in view.progress.values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.tolerance = 0.5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        view.indicator.text = "改写"  # type: ignore[misc]
