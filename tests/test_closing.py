"""Closing a period (定稿): nothing changes it — not the window, an import or an undo — until
it is reopened for a reason; both are in the change log with who and when."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from excel_support import fill_template

from kpi_desktop.cli import main
from kpi_desktop.domain.calendar import ClosingAction
from kpi_desktop.domain.errors import KpiError
from kpi_desktop.services import closing, editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import apply_import, preview_import
from kpi_desktop.services.queries import indicator_views, plan_for_year

Q1 = "2024Q1"


def _view(database: Any, seq: int) -> Any:
    with database.read() as session:
        return next(
            v for v in indicator_views(session, plan_for_year(session, 2024)) if v.seq == seq
        )


def _close(database: Any, code: str = Q1, by: str = "张三") -> closing.ClosingEvent:
    from kpi_desktop.domain.periods import Period

    with database.transaction() as session:
        return closing.close_period(
            session, plan_for_year(session, 2024), Period.parse(code), by=by
        )


def _reopen(database: Any, reason: str, code: str = Q1) -> closing.ClosingEvent:
    from kpi_desktop.domain.periods import Period

    with database.transaction() as session:
        return closing.reopen_period(
            session, plan_for_year(session, 2024), Period.parse(code), reason, by="李四"
        )


def _return(database: Any, folder: Path, code: str, values: dict[int, str]) -> Path:
    from kpi_desktop.domain.periods import Period

    with database.read() as session:
        template = export_template(
            session, Period.parse(code), folder / f"{code}-区商务局.xlsx", "区商务局"
        ).path
    return fill_template(template, folder / f"{code}-区商务局-填报.xlsx", values)


def _files(path: Path) -> dict[str, bytes]:
    """The database file and its journal, byte for byte."""
    return {
        p.name: p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()
    }


def test_a_typed_edit_of_a_closed_period_is_refused_and_other_periods_stay_open(
    database: Any,
) -> None:
    view = _view(database, 32)
    _close(database)
    with pytest.raises(KpiError) as caught, database.transaction() as session:
        editing.set_progress(session, view.id, Q1, {"text": "改过的。"})
    assert caught.value.code == "closing.closed"
    message = caught.value.message()
    assert "2024年一季度" in message and "张三" in message and "定稿" in message
    assert "reopen --period 2024Q1" in message
    assert _view(database, 32).progress[Q1].text == view.progress[Q1].text
    with pytest.raises(KpiError), database.transaction() as session:
        editing.set_actual(session, view.id, Q1, view.targets[0].id, 1.0, "人", confirmed=True)
    # The half-year is not closed: it takes the edit.
    with database.transaction() as session:
        editing.set_progress(session, view.id, "2024H1", {"text": "上半年新增1600人。"})
    assert _view(database, 32).progress["2024H1"].text == "上半年新增1600人。"


def test_an_import_into_a_closed_period_is_refused_and_the_file_is_byte_for_byte_unchanged(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_plan_database(db_path)
    try:
        filled = _return(database, tmp_path, "2024H1", {3: "上半年社零增长6%。", 14: "新增9家。"})
        _close(database, "2024H1")
        with database.read() as session:
            preview = preview_import(session, [filled])
        (file,) = preview.files
        assert file.error is not None and file.error.code == "closing.import_closed"
        assert not preview.importable()
    finally:
        database.close()
    before = _files(db_path)
    assert main(["import", "--db", str(db_path), str(filled)]) == 2
    err = capsys.readouterr().err
    assert "2024年上半年" in err and "定稿" in err and "reopen --period 2024H1" in err
    assert _files(db_path) == before


def test_undo_cannot_change_a_closed_period(database: Any) -> None:
    from kpi_desktop.ui.document import PlanDocument
    from kpi_desktop.ui.undo_commands import SetProgressField

    document = PlanDocument(database)
    view = _view(database, 32)
    refusals: list[str] = []
    document.failed.connect(refusals.append)
    document.undo_stack.push(SetProgressField(document, view.id, Q1, "text", "新增900人。"))
    assert _view(database, 32).progress[Q1].text == "新增900人。"
    _close(database)
    document.undo()
    assert _view(database, 32).progress[Q1].text == "新增900人。"
    assert refusals and "定稿" in refusals[0]
    # Redo after a reopen works again: the period takes edits once more.
    _reopen(database, "区人力社保局更正了数字")
    document.undo_stack.push(SetProgressField(document, view.id, Q1, "text", "新增950人。"))
    assert _view(database, 32).progress[Q1].text == "新增950人。"


def test_a_reopen_with_a_reason_lets_the_same_import_through_and_the_log_shows_both(
    database: Any, tmp_path: Path
) -> None:
    filled = _return(database, tmp_path, "2024H1", {14: "上半年新增9家。"})
    _close(database, "2024H1")
    with database.read() as session:
        assert preview_import(session, [filled]).files[0].error is not None
    _reopen(database, "区商务局补报", "2024H1")
    with database.read() as session:
        preview = preview_import(session, [filled])
    assert preview.files[0].error is None
    result = apply_import(database, preview)
    assert result.written == 1
    assert _view(database, 14).progress["2024H1"].text == "上半年新增9家。"
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        assert plan.id is not None
        log = closing.period_log(session, plan.id, "2024H1")
        events = closing.history(session, plan.id, "2024H1")
        assert closing.closed(session, plan.id, "2024H1") is None
    assert [(e.old_value, e.new_value, e.user_name) for e in log] == [
        ("open", "closed", "张三"),
        ("closed", "open: 区商务局补报", "李四"),
    ]
    assert all(e.at is not None for e in log) and log[0].at <= log[1].at
    assert [(e.action, e.by, e.reason) for e in events] == [
        (ClosingAction.CLOSED, "张三", ""),
        (ClosingAction.REOPENED, "李四", "区商务局补报"),
    ]


def test_reopening_needs_a_reason_and_a_closed_period(database: Any) -> None:
    with pytest.raises(KpiError) as caught:
        _reopen(database, "改")
    assert caught.value.code == "closing.not_closed"
    _close(database)
    for blank in ("", "   "):
        with pytest.raises(KpiError) as caught:
            _reopen(database, blank)
        assert caught.value.code == "closing.no_reason"
    with pytest.raises(KpiError) as caught:
        _close(database)
    assert caught.value.code == "closing.already_closed"
    with database.read() as session:
        plan = plan_for_year(session, 2024)
        assert plan.id is not None
        assert len(closing.history(session, plan.id, Q1)) == 1
        assert set(closing.closed_periods(session, plan.id)) == {Q1}


def test_close_and_reopen_on_the_command_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_plan_database(db_path).close()
    assert main(["close", "--db", str(db_path), "--period", "2024Q1"]) == 0
    assert "定稿" in capsys.readouterr().out
    before = _files(db_path)
    # Refusals change nothing: closed twice, an unknown period, a reopen without a reason.
    for args in (
        ["close", "--period", "2024Q1"],
        ["close", "--period", "2023Q1"],
        ["close", "--period", "2024Q2"],
        ["reopen", "--period", "2024Q1", "--reason", " "],
        ["reopen", "--period", "2024H1", "--reason", "没有定稿"],
    ):
        assert main([args[0], "--db", str(db_path), *args[1:]]) == 2, args
        assert capsys.readouterr().err.strip(), args
        assert _files(db_path) == before, args
    assert main(["reopen", "--db", str(db_path), "--period", "2024Q1", "--reason", "更正"]) == 0
    assert "重新打开" in capsys.readouterr().out
    _close_cli = ["close", "--db", str(db_path), "--period", "2024Q1"]
    assert main(_close_cli) == 0
    capsys.readouterr()
    assert main(["reopen", "--db", str(db_path), "--period", "2024Q1"]) == 2
    assert "原因" in capsys.readouterr().err


def test_an_indicator_with_figures_in_a_closed_period_cannot_be_removed(database: Any) -> None:
    from kpi_desktop.services import structure

    view = _view(database, 32)
    _close(database)
    with pytest.raises(KpiError) as caught, database.transaction() as session:
        structure.remove_indicator(session, view.id)
    assert caught.value.code == "closing.closed"
    assert _view(database, 32).progress[Q1].text == view.progress[Q1].text


def test_closing_within_one_transaction_takes_effect_at_once(database: Any) -> None:
    from kpi_desktop.domain.periods import Period

    view = _view(database, 32)
    with pytest.raises(KpiError) as caught, database.transaction() as session:
        editing.set_progress(session, view.id, Q1, {"text": "先改一次。"})  # asked: open
        closing.close_period(session, plan_for_year(session, 2024), Period.parse(Q1), by="张三")
        editing.set_progress(session, view.id, Q1, {"text": "再改一次。"})
    assert caught.value.code == "closing.closed"
    assert _view(database, 32).progress[Q1].text == view.progress[Q1].text  # all rolled back
