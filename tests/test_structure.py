"""Editing a plan's structure: indicators, lead units and targets, each change logged and
undoable (through the window's undo commands)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from kpi_desktop.services.structure import StructureError
from kpi_desktop.ui import undo_commands
from kpi_desktop.ui.document import PlanDocument


@pytest.fixture
def document(qapp, database) -> PlanDocument:  # type: ignore[no-untyped-def]
    return PlanDocument(database)


def _by_seq(document: PlanDocument) -> dict[int, object]:
    return {view.seq: view for view in document.views}


def test_add_and_remove_an_indicator_with_undo(document: PlanDocument) -> None:
    stack = document.undo_stack
    stack.push(
        undo_commands.add_indicator(document, 54, "新增数字乡村试点村10个。", ["区农业农村局"])
    )
    added = _by_seq(document)[54]
    assert added.lead_units == ["区农业农村局"]  # type: ignore[attr-defined]
    assert [(t.kind, t.value, t.unit) for t in added.targets] == [("count", 10, "个")]  # type: ignore[attr-defined]
    stack.undo()
    assert 54 not in _by_seq(document)

    view_32 = _by_seq(document)[32]
    stack.push(undo_commands.remove_indicator(document, view_32.id))  # type: ignore[attr-defined]
    assert 32 not in _by_seq(document)
    stack.undo()
    again = _by_seq(document)[32]
    assert again.id == view_32.id  # type: ignore[attr-defined]
    assert again.progress["2024Q1"].text == "一季度新增高技能人才825人。"  # type: ignore[attr-defined]
    assert len(again.targets) == len(view_32.targets)  # type: ignore[attr-defined]


def test_renumber_keeps_numbers_unique_and_undoes(document: PlanDocument) -> None:
    view_53 = _by_seq(document)[53]
    document.undo_stack.push(undo_commands.renumber(document, view_53.id, 1))  # type: ignore[attr-defined]
    numbers = _by_seq(document)
    assert numbers[1].id == view_53.id  # type: ignore[attr-defined]
    assert sorted(numbers) == list(range(1, 54))
    assert numbers[2].text == "地区生产总值增长5.5%。"  # type: ignore[attr-defined]
    document.undo_stack.undo()
    assert _by_seq(document)[53].id == view_53.id  # type: ignore[attr-defined]
    assert _by_seq(document)[1].text == "地区生产总值增长5.5%。"  # type: ignore[attr-defined]


def test_lead_units_and_targets_are_corrected_and_logged(document: PlanDocument) -> None:
    from kpi_desktop.services.editing import history

    view = _by_seq(document)[20]
    stack = document.undo_stack
    stack.push(undo_commands.set_lead_units(document, view.id, ["区发展改革局", "区商务局"]))  # type: ignore[attr-defined]
    assert _by_seq(document)[20].lead_units == ["区发展改革局", "区商务局"]  # type: ignore[attr-defined]
    target = view.targets[0]  # type: ignore[attr-defined]
    stack.push(
        undo_commands.set_target(
            document,
            view.id,
            target.id,
            {
                "value": 61.0,  # type: ignore[attr-defined]
                "confirmed": True,
            },
        )
    )
    assert _by_seq(document)[20].targets[0].value == 61  # type: ignore[attr-defined]
    stack.push(undo_commands.add_target(document, view.id))  # type: ignore[attr-defined]
    assert len(_by_seq(document)[20].targets) == 3  # type: ignore[attr-defined]
    with document.database.read() as session:
        fields = {c.field_name for c in history(session, view.id)}  # type: ignore[attr-defined]
    assert {"lead_units", "value", "added"} <= fields
    stack.undo()
    stack.undo()
    stack.undo()
    restored = _by_seq(document)[20]
    assert restored.lead_units == ["区发展改革委", "区商务局"]  # type: ignore[attr-defined]
    assert restored.targets[0].value == target.value and len(restored.targets) == 2  # type: ignore[attr-defined]


def test_a_taken_number_is_refused_and_changes_nothing(document: PlanDocument) -> None:
    failures: list[str] = []
    document.failed.connect(failures.append)
    document.undo_stack.push(undo_commands.add_indicator(document, 5, "重复序号。", ["区财政局"]))
    assert failures == ["序号 5 已被另一项指标使用。请换一个未用的序号，或先调整那项指标的序号。"]
    assert document.undo_stack.count() == 0
    assert _by_seq(document)[5].text.startswith("一般公共预算收入")  # type: ignore[attr-defined]
    with pytest.raises(StructureError):
        from kpi_desktop.services.structure import add_indicator

        with document.database.transaction() as session:
            add_indicator(session, document.plan.id, 5, "x", ["y"])  # type: ignore[union-attr,arg-type]


def test_the_add_dialog_asks_the_plan_rule_and_stays_open_on_a_refusal(
    document: PlanDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One rule for what an indicator needs (services.structure.check_indicator): the dialog
    shows its message, in Chinese, keeps what was typed and saves nothing."""
    from PySide6.QtWidgets import QMessageBox

    from kpi_desktop.ui.indicator_dialog import NewIndicatorDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    dialog = NewIndicatorDialog(document)
    dialog.seq.setValue(5)  # held by indicator 5
    dialog.text.setPlainText("新增口袋公园5个。")
    dialog.units.setText("区城管局")
    count = len(document.views)
    dialog.accept()
    assert shown == [StructureError("structure.seq_taken", seq=5).message("zh_CN")]
    assert dialog.result() == 0 and dialog.text.toPlainText() == "新增口袋公园5个。"
    dialog.units.setText("  ")
    dialog.seq.setValue(54)
    dialog.accept()
    assert shown[-1] == StructureError("structure.no_unit").message("zh_CN")
    assert len(document.views) == count and document.undo_stack.count() == 0
    dialog.units.setText("区城管局")
    dialog.accept()
    assert dialog.result() == 1 and dialog.created_id is not None
    assert len(document.views) == count + 1
