"""Edits are saved with their source and every old value stays in the change log."""

from __future__ import annotations

import pytest
from sqlmodel import select

from kpi_desktop.services import editing
from kpi_desktop.services.queries import indicator_views, plans
from kpi_desktop.storage.models import ChangeLog


def _view(db: object, seq: int):  # type: ignore[no-untyped-def]
    with db.read() as session:  # type: ignore[attr-defined]
        return next(v for v in indicator_views(session, plans(session)[0]) if v.seq == seq)


def test_progress_edit_is_logged_with_old_and_new(database: object) -> None:
    view = _view(database, 32)
    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(session, view.id, "2024Q1", {"text": "新增高技能人才900人。"})
    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(
            session, view.id, "2024Q1", {"text": "新增高技能人才950人。", "status": "on_schedule"}
        )
    after = _view(database, 32).progress["2024Q1"]
    assert after.text == "新增高技能人才950人。"
    assert after.status == "on_schedule"
    assert after.source == "typed"
    with database.read() as session:  # type: ignore[attr-defined]
        log = editing.history(session, view.id)
    texts = [(c.old_value, c.new_value) for c in log if c.field_name == "text"]
    assert texts == [
        ("新增高技能人才900人。", "新增高技能人才950人。"),
        ("一季度新增高技能人才825人。", "新增高技能人才900人。"),
    ]
    assert {c.field_name for c in log} == {"text", "status"}


def test_unchanged_value_writes_nothing(database: object) -> None:
    view = _view(database, 1)
    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(session, view.id, "2024Q1", {"text": "季度数据。"})
    with database.read() as session:  # type: ignore[attr-defined]
        assert session.exec(select(ChangeLog)).all() == []
    assert _view(database, 1).progress["2024Q1"].source == "builtin"


def test_imported_value_keeps_its_file_and_hash(database: object) -> None:
    view = _view(database, 14)
    source = editing.Source("imported", file="区商务局.xlsx", file_hash="abc123", unit="区商务局")
    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(session, view.id, "2024H1", {"text": "上半年新增12家。"}, source)
    entry = _view(database, 14).progress["2024H1"]
    assert (entry.source, entry.source_file, entry.source_hash, entry.source_unit) == (
        "imported",
        "区商务局.xlsx",
        "abc123",
        "区商务局",
    )
    with database.read() as session:  # type: ignore[attr-defined]
        (change,) = editing.history(session, view.id)
    assert (change.old_value, change.new_value, change.source_file) == (
        "",
        "上半年新增12家。",
        "区商务局.xlsx",
    )


def test_bad_values_are_refused(database: object) -> None:
    view = _view(database, 1)
    with pytest.raises(editing.EditError) as month, database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(session, view.id, "2024Q1", {"as_of_month": 13})
    assert "“13”不在 1 到 12 之间" in month.value.message("zh_CN")
    with pytest.raises(editing.EditError) as status, database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_progress(session, view.id, "2024Q1", {"status": "maybe"})
    assert "“maybe”不是一种进度状态" in status.value.message("zh_CN")
    with pytest.raises(editing.EditError) as gone, database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_indicator(session, 10**6, {"text": "不存在的指标"})
    assert "已不存在" in gone.value.message("zh_CN")


def test_guess_never_replaces_a_confirmed_figure(database: object) -> None:
    view = _view(database, 32)
    target = view.targets[0]
    assert target.id is not None
    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_actual(session, view.id, "2024Q1", target.id, 825, "人", confirmed=True)
    with database.transaction() as session:  # type: ignore[attr-defined]
        result = editing.set_actual(
            session, view.id, "2024Q1", target.id, 800, "人", confirmed=False
        )
    assert result is None
    actual = _view(database, 32).actuals[("2024Q1", target.id)]
    assert (actual.value, actual.confirmed) == (825, True)


def test_a_levels_base_is_kept_and_logged(database: object) -> None:
    """The clerk gives where a stock stood at the start of the year (市场主体总数突破14万户)."""
    view = _view(database, 11)
    (target,) = view.targets
    assert target.kind == "level" and target.base is None
    with database.transaction() as session:  # type: ignore[attr-defined]
        editing.set_target(session, target.id, {"base": 12.6, "confirmed": True})
    (after,) = _view(database, 11).targets
    assert after.base == 12.6
    with database.read() as session:  # type: ignore[attr-defined]
        changes = {(c.field_name, c.new_value) for c in editing.history(session, view.id)}
    assert ("base", "12.6") in changes
