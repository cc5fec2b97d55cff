"""Work off the GUI thread: its answers reach the GUI thread, and only while their owner lives."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool

from kpi_desktop.ui.background import Report, run_in_background


def test_progress_and_the_result_arrive_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    seen: list[tuple[str, object, bool]] = []
    gui = threading.get_ident()

    def work(report: Report) -> int:
        report(1)
        report(2)
        return 42

    run_in_background(
        owner,
        work,
        lambda result: seen.append(("done", result, threading.get_ident() == gui)),
        lambda error: seen.append(("failed", error, False)),
        lambda value: seen.append(("progress", value, threading.get_ident() == gui)),
    )
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _v, _g in seen), timeout=10_000)
    assert seen == [("progress", 1, True), ("progress", 2, True), ("done", 42, True)]


def test_an_owner_deleted_while_the_work_runs_gets_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The clerk closes the dialog mid-read: the worker still reports and finishes through its
    relay (which the dialog's deletion does not take with it), and nothing reaches the dialog."""
    owner = QObject()
    go_on = threading.Event()
    finished = threading.Event()
    seen: list[object] = []

    def work(report: Report) -> str:
        go_on.wait(10)
        report("after the owner is gone")
        finished.set()
        return "answer"

    run_in_background(owner, work, seen.append, seen.append, seen.append)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    go_on.set()
    assert finished.wait(10)
    QThreadPool.globalInstance().waitForDone(10_000)
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert seen == []


def test_a_failure_is_reported_as_the_exception(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    errors: list[BaseException] = []

    def work(_report: Report) -> None:
        raise ValueError("坏文件")

    run_in_background(owner, work, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "坏文件"
