"""The clerk's notes and the leadership's instructions (领导批示): kept per indicator and
period, each change in the change log, in `dump`, refused with the catalogue's message when an
instruction lacks what it needs (nothing is written then), printed as a column only when asked,
and carried over from a database of the previous schema version."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from kpi_desktop.cli import main
from kpi_desktop.domain.notes import FollowUp, NotesError, parse_date
from kpi_desktop.services import notes
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.queries import dump, plan_for_year
from kpi_desktop.services.structure import remove_indicator, restore_indicator
from kpi_desktop.services.summary import SummaryOptions, compile_summary
from kpi_desktop.services.summary_xlsx import build_summary_workbook
from kpi_desktop.storage import schema
from kpi_desktop.storage.models import ChangeLog, Indicator, Instruction, Remark

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2024, 7, 15)


def _id(session: Session, seq: int) -> int:
    plan = plan_for_year(session, 2024)
    found = session.exec(
        select(Indicator.id).where(Indicator.plan_id == plan.id, Indicator.seq == seq)
    ).one()
    assert found is not None
    return found


def _log(session: Session, entity: str) -> list[tuple[str, str | None, str | None, str | None]]:
    rows = session.exec(
        select(ChangeLog).where(ChangeLog.entity == entity).order_by(col(ChangeLog.id))
    )
    return [(r.field_name, r.old_value, r.new_value, r.period) for r in rows]


def _instruct(database: Any, seq: int = 32, **given: Any) -> int:
    fields: dict[str, Any] = {
        "leader": "王区长",
        "given_on": "2024年5月10日",
        "text": "请区人力社保局加快推进，6月底前报进展。",
        **given,
    }
    with database.transaction() as session:
        return notes.add_instruction(session, _id(session, seq), "2024H1", today=TODAY, **fields)


def test_a_note_is_kept_changed_and_removed_with_each_step_logged(database: Any) -> None:
    with database.transaction() as session:
        notes.set_remark(session, _id(session, 32), "2024H1", "  与人社局核对过口径。 ")
    with database.read() as session:
        assert notes.notes_of(session, _id(session, 32), "2024H1").remark == "与人社局核对过口径。"
        assert notes.notes_of(session, _id(session, 32), "2024Q1").empty
    with database.transaction() as session:
        notes.set_remark(session, _id(session, 32), "2024H1", "与人社局核对过口径。")  # same
        notes.set_remark(session, _id(session, 32), "2024H1", "口径：只算新增。")
        notes.set_remark(session, _id(session, 32), "2024H1", "")
    with database.read() as session:
        assert notes.notes_of(session, _id(session, 32), "2024H1").empty
        assert session.exec(select(Remark)).all() == []  # an emptied note leaves no row
        assert _log(session, "remark") == [
            ("remark", "", "与人社局核对过口径。", "2024H1"),
            ("remark", "与人社局核对过口径。", "口径：只算新增。", "2024H1"),
            ("remark", "口径：只算新增。", "", "2024H1"),
        ]
        # History lists them under the indicator.
        from kpi_desktop.services.editing import history

        assert {c.entity for c in history(session, _id(session, 32))} >= {"remark"}


def test_an_instruction_is_added_edited_followed_up_and_removed_in_the_log(
    database: Any,
) -> None:
    made = _instruct(database)
    with database.read() as session:
        (shown,) = notes.notes_of(session, _id(session, 32), "2024H1").instructions
    assert (shown.id, shown.leader, shown.given_on, shown.follow_up) == (
        made,
        "王区长",
        date(2024, 5, 10),
        FollowUp.PENDING,
    )
    with database.transaction() as session:
        notes.edit_instruction(session, made, "王区长", "2024-05-12", "请加快推进。", today=TODAY)
        notes.set_follow_up(session, made, FollowUp.FOLLOWING)
        notes.set_follow_up(session, made, "已落实")  # its Chinese word, as a command gives it
    with database.read() as session:
        (shown,) = notes.notes_of(session, _id(session, 32), "2024H1").instructions
        assert (shown.given_on, shown.text, shown.follow_up) == (
            date(2024, 5, 12),
            "请加快推进。",
            FollowUp.DONE,
        )
    with database.transaction() as session:
        snapshot = notes.remove_instruction(session, made)
    with database.read() as session:
        assert notes.notes_of(session, _id(session, 32), "2024H1").empty
    with database.transaction() as session:
        assert notes.restore_instruction(session, snapshot) == made  # its own id again
    with database.read() as session:
        (back,) = notes.notes_of(session, _id(session, 32), "2024H1").instructions
        assert back == shown
        assert _log(session, "instruction") == [
            (
                "instruction",
                None,
                "2024-05-10 王区长：请区人力社保局加快推进，6月底前报进展。",
                "2024H1",
            ),
            ("given_on", "2024-05-10", "2024-05-12", "2024H1"),
            (
                "instruction_text",
                "请区人力社保局加快推进，6月底前报进展。",
                "请加快推进。",
                "2024H1",
            ),
            ("follow_up", "pending", "following", "2024H1"),
            ("follow_up", "following", "done", "2024H1"),
            ("instruction", "2024-05-12 王区长：请加快推进。", None, "2024H1"),
            ("instruction", None, "2024-05-12 王区长：请加快推进。", "2024H1"),
            ("follow_up", None, "done", "2024H1"),
        ]


@pytest.mark.parametrize(
    ("given", "code", "words"),
    [
        ({"text": "  "}, "notes.no_text", "批示的内容是空的"),
        ({"leader": " "}, "notes.no_leader", "没有填写批示领导"),
        ({"given_on": "5月10日"}, "notes.bad_date", "“5月10日”不是有效的批示日期"),
        ({"given_on": "2024-02-30"}, "notes.bad_date", "“2024-02-30”不是有效的批示日期"),
        ({"given_on": "2024-08-01"}, "notes.future_date", "2024-08-01 晚于今天（2024-07-15）"),
        ({"leader": "王" * 41}, "notes.leader_too_long", "超过 40 个字"),
    ],
)
def test_an_instruction_lacking_what_it_needs_is_refused_and_nothing_written(
    database: Any, given: dict[str, str], code: str, words: str
) -> None:
    with pytest.raises(NotesError) as refused:
        _instruct(database, **given)
    assert refused.value.code == code
    assert words in refused.value.message() and "未保存" in refused.value.message()
    assert refused.value.message("en") != refused.value.message()
    with database.read() as session:
        assert session.exec(select(Instruction)).all() == []
        assert _log(session, "instruction") == []


def test_dates_as_clerks_write_them() -> None:
    for written in (
        "2024-05-10",
        "2024/5/10",
        "2024.5.10",
        "2024年5月10日",
        "２０２４年５月１０日",
    ):
        assert parse_date(written) == date(2024, 5, 10), written


def test_a_follow_up_word_that_is_none_of_them_is_refused(database: Any) -> None:
    made = _instruct(database)
    with pytest.raises(NotesError) as refused, database.transaction() as session:
        notes.set_follow_up(session, made, "办结了")
    assert "“办结了”不是一种落实情况" in refused.value.message()
    assert "待落实、跟进中、已落实" in refused.value.message()


def test_a_removed_instruction_is_refused_by_name(database: Any) -> None:
    made = _instruct(database)
    with database.transaction() as session:
        notes.remove_instruction(session, made)
    with pytest.raises(NotesError) as refused, database.transaction() as session:
        notes.set_follow_up(session, made, FollowUp.DONE)
    assert refused.value.code == "notes.gone"


def test_dump_has_the_notes_and_instructions_by_period(database: Any) -> None:
    _instruct(database, follow_up=FollowUp.DONE)
    _instruct(database, leader="李副区长", given_on="2024-04-02", text="要盯紧进度。")
    with database.transaction() as session:
        notes.set_remark(session, _id(session, 32), "2024H1", "口径：只算新增。")
    with database.read() as session:
        data = dump(session)
    by_seq = {i["seq"]: i for i in data["plans"][0]["indicators"]}
    assert by_seq[32]["notes"] == {"2024H1": "口径：只算新增。"}
    assert by_seq[32]["instructions"] == {
        "2024H1": [  # by date
            {
                "by": "李副区长",
                "date": "2024-04-02",
                "text": "要盯紧进度。",
                "follow_up": "pending",
            },
            {
                "by": "王区长",
                "date": "2024-05-10",
                "text": "请区人力社保局加快推进，6月底前报进展。",
                "follow_up": "done",
            },
        ]
    }
    assert by_seq[31]["notes"] == {} and by_seq[31]["instructions"] == {}
    # The fields the contract names are still there.
    assert {"seq", "text", "lead_units", "progress"} <= set(by_seq[32])


def test_removing_an_indicator_and_undoing_it_keeps_its_notes(database: Any) -> None:
    made = _instruct(database)
    with database.transaction() as session:
        notes.set_remark(session, _id(session, 32), "2024H1", "口径：只算新增。")
        snapshot = remove_indicator(session, _id(session, 32))
    with database.read() as session:
        assert session.exec(select(Instruction)).all() == []
    with database.transaction() as session:
        restore_indicator(session, snapshot)
    with database.read() as session:
        found = notes.notes_of(session, _id(session, 32), "2024H1")
        assert found.remark == "口径：只算新增。" and [i.id for i in found.instructions] == [made]


def _summary(database: Any, **options: Any) -> Any:
    with database.read() as session:
        return compile_summary(session, "2024H1", SummaryOptions(**options))


def test_the_summary_prints_instructions_and_notes_only_when_asked(database: Any) -> None:
    _instruct(database, follow_up=FollowUp.DONE)
    with database.transaction() as session:
        notes.set_remark(session, _id(session, 32), "2024H1", "口径：只算新增。")
    plain = _summary(database)
    assert plain.headers() == ["序号", "重点工作", "牵头单位", "上半年进展情况"]
    row = next(r for r in plain.rows if r.seq == 32)
    assert all("王区长" not in cell and "口径" not in cell for cell in plain.cells(row))

    both = _summary(database, with_instructions=True, with_remarks=True)
    assert both.headers()[-2:] == ["领导批示", "备注"]
    row = next(r for r in both.rows if r.seq == 32)
    assert both.cells(row)[-2:] == [
        "王区长（2024年5月10日）：请区人力社保局加快推进，6月底前报进展。〔已落实〕",
        "口径：只算新增。",
    ]
    other = next(r for r in both.rows if r.seq == 31)
    assert both.cells(other)[-2:] == ["", ""]
    widths = both.column_widths(225.0)
    assert len(widths) == 6 and abs(sum(widths) - 225.0) < 1e-6

    sheet = build_summary_workbook(both).active
    assert sheet is not None
    header = [sheet.cell(3, c).value for c in range(1, 7)]
    assert header[-2:] == ["领导批示", "备注"]
    cells = {sheet.cell(r, 1).value: sheet.cell(r, 5).value for r in range(4, sheet.max_row + 1)}
    assert cells[32].startswith("王区长（2024年5月10日）")


def test_export_summary_with_instructions_on_the_command_line(
    db_path: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    database = open_plan_database(db_path)
    try:
        _instruct(database)
    finally:
        database.close()
    plain, asked = tmp_path / "plain.xlsx", tmp_path / "asked.xlsx"
    common = ["export-summary", "--db", str(db_path), "--period", "2024H1"]
    assert main([*common, "-o", str(plain)]) == 0
    assert main([*common, "--with-instructions", "-o", str(asked)]) == 0
    plain_sheet, asked_sheet = load_workbook(plain).active, load_workbook(asked).active
    assert plain_sheet is not None and asked_sheet is not None
    assert plain_sheet.max_column == 4
    assert asked_sheet.max_column == 5 and asked_sheet.cell(3, 5).value == "领导批示"


def test_a_database_of_the_previous_version_gains_the_tables_empty(tmp_path: Path) -> None:
    old = tmp_path / "v3.sqlite"
    shutil.copy(FIXTURES / "schema-v3.sqlite", old)
    database = open_plan_database(old)
    try:
        assert database.upgraded_from == 3
        with database.read() as session:
            assert session.exec(select(Remark)).all() == []
            before = dump(session)
        made = _instruct(database)
        with database.read() as session:
            assert notes.notes_of(session, _id(session, 32), "2024H1").instructions[0].id == made
    finally:
        database.close()
    assert all(i["instructions"] == {} for i in before["plans"][0]["indicators"])
    # The step added the two tables and changed nothing else: the backup copy made before the
    # upgrade has every other table with the same columns.
    assert database.upgrade_backup is not None

    def tables(path: Path) -> dict[str, str]:
        with sqlite3.connect(path) as connection:
            return dict(
                connection.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
            )

    was, now = tables(database.upgrade_backup), tables(old)
    # (The next steps: version 5 adds only the change log's two columns of who made a change,
    # version 6 the calendar's own tables, test_storage.)
    now["changelog"] = now["changelog"].replace(", user_name VARCHAR, host VARCHAR", "")
    calendar = {"due_date", "period_closing", "chase_way", "chase_round", "chase_unit"}
    assert set(now) - set(was) == {"remark", "instruction", "indicator_done"} | calendar
    assert {name: now[name] for name in was} == was


def test_the_fixture_of_this_version_keeps_its_note_and_instruction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / f"schema-v{schema.SCHEMA_VERSION}.sqlite"
    shutil.copy(FIXTURES / copy.name, copy)
    assert main(["dump", "--db", str(copy)]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(i for i in data["plans"][0]["indicators"] if i["seq"] == 32)
    assert row["notes"] == {"2024H1": "与区人力社保局核对过口径：只算新增。"}
    assert [(i["by"], i["follow_up"]) for i in row["instructions"]["2024H1"]] == [
        ("王区长", "done")
    ]


def test_the_word_table_has_the_column_only_when_asked(database: Any) -> None:
    from kpi_desktop.services.docx_writer import build_summary_document

    _instruct(database)
    for asked, headers in ((False, 4), (True, 5)):
        document = build_summary_document(_summary(database, with_instructions=asked))
        grid = document.tables[0]
        assert len(grid.rows[0].cells) == headers
        if asked:
            assert grid.rows[0].cells[4].text == "领导批示"
            row = next(r for r in grid.rows[1:] if r.cells[0].text == "32")
            assert row.cells[4].text.startswith("王区长（2024年5月10日）")


def test_note_and_instruct_on_the_command_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--db", str(db_path), "--period", "2024H1", "--seq", "32"]
    assert main(["note", *common, "--text", "口径：只算新增。"]) == 0
    assert "已记下第 32 项上半年的备注" in capsys.readouterr().out
    given = ["--by", "王区长", "--date", "2024/5/10", "--text", "请加快推进。"]
    assert main(["instruct", *common, *given, "--follow-up", "跟进中"]) == 0
    assert "跟进中" in capsys.readouterr().out
    assert main(["dump", "--db", str(db_path)]) == 0
    row = next(
        i for i in json.loads(capsys.readouterr().out)["plans"][0]["indicators"] if i["seq"] == 32
    )
    assert row["notes"] == {"2024H1": "口径：只算新增。"}
    assert row["instructions"]["2024H1"][0]["follow_up"] == "following"


@pytest.mark.parametrize(
    ("changed", "words"),
    [
        ({"--seq": "99"}, "2024 年的计划中没有第 99 项指标（序号为 1 至 53）"),
        ({"--date": "五月十日"}, "“五月十日”不是有效的批示日期"),
        ({"--text": " "}, "批示的内容是空的"),
        ({"--follow-up": "办结"}, "“办结”不是一种落实情况"),
    ],
)
def test_instruct_refusals_exit_2_and_change_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str], changed: dict[str, str], words: str
) -> None:
    options = {
        "--db": str(db_path),
        "--period": "2024H1",
        "--seq": "32",
        "--by": "王区长",
        "--date": "2024-05-10",
        "--text": "请加快推进。",
    }
    open_plan_database(db_path).close()  # the database exists, holding the built-in plan
    options.update(changed)
    assert main(["instruct", *[part for pair in options.items() for part in pair]]) == 2
    assert words in capsys.readouterr().err
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM instruction").fetchone() == (0,)
        assert connection.execute(
            "SELECT count(*) FROM changelog WHERE entity='instruction'"
        ).fetchone() == (0,)
