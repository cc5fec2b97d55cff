"""An import checks its rows the way every edit does: what its preview showed must still be
stored when it is applied, in its one transaction; else nothing of it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from excel_support import fill_template, progress
from sqlmodel import select

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.domain.periods import Period
from kpi_desktop.services import editing
from kpi_desktop.services.database import open_plan_database
from kpi_desktop.services.excel_template import export_template
from kpi_desktop.services.importing import RowState, apply_import, preview_import
from kpi_desktop.storage.models import ChangeLog

H1 = Period.parse("2024H1")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, db_path: Path) -> Any:
    where = str(db_path) if request.param == "sqlite" else request.getfixturevalue("server_url")
    db = open_plan_database(where)
    yield db
    db.close()


def test_a_row_changed_since_the_preview_refuses_the_import(database: Any, tmp_path: Path) -> None:
    with database.read() as session:
        template = export_template(session, H1, tmp_path / "t.xlsx", "区商务局").path
    returned = fill_template(template, tmp_path / "区商务局.xlsx", {3: "商务局报的", 14: "十四"})
    with database.read() as session:
        preview = preview_import(session, [returned])
    assert {r.seq: r.state for r in preview.files[0].rows if r.seq in (3, 14)} == {
        3: RowState.NEW,
        14: RowState.NEW,
    }
    # A colleague types row 3 between the preview and the clerk's "Import selected".
    with database.transaction() as session:
        editing.set_progress_text(session, 2024, 3, "2024H1", "同事先写的", expect="")
    with pytest.raises(KpiError) as caught:
        apply_import(database, preview)
    assert caught.value.code == "return.changed_since_preview"
    assert "序号 3" in caught.value.message() and "14" not in caught.value.message()
    assert progress(database, 3)["text"] == "同事先写的"
    assert progress(database, 14).get("text", "") == ""  # nothing of the import was written
    with database.read() as session:
        logged = {c.new_value for c in session.exec(select(ChangeLog))}
    assert "商务局报的" not in logged and "十四" not in logged
    # Previewed again, the row shows the colleague's text as the one it replaces.
    with database.read() as session:
        again = preview_import(session, [returned])
    row = next(r for r in again.files[0].rows if r.seq == 3)
    assert row.state is RowState.CHANGED and row.old["text"] == "同事先写的"
    apply_import(database, again)
    assert progress(database, 3)["text"] == "商务局报的"


def test_a_duplicate_row_on_the_server_is_a_sentence_not_a_driver_error(server_url: str) -> None:
    from kpi_desktop.storage.models import Progress, utcnow

    db = open_plan_database(server_url)
    try:
        with db.read() as session:
            first = session.exec(select(Progress)).first()
        assert first is not None
        with pytest.raises(KpiError) as caught, db.transaction() as session:
            # What two first entries at once gave before every write locked its indicator.
            session.add(
                Progress(indicator_id=first.indicator_id, period=first.period, updated_at=utcnow())
            )
        message = caught.value.message()
        assert caught.value.code == "db.write_conflict"
        assert "UniqueViolation" not in message and "duplicate key" not in message
        cause = caught.value.__cause__
        assert type(getattr(cause, "orig", cause)).__name__ == "UniqueViolation"  # in the log
    finally:
        db.close()


def test_a_lost_connection_while_reading_is_a_sentence_and_the_next_read_reconnects(
    server_url: str,
) -> None:
    from sqlalchemy import text

    from kpi_desktop.services.queries import indicator_views, plans

    db = open_plan_database(server_url)
    try:
        # The server ends this connection mid-read, as a restart or a dropped network would.
        with db.read() as session, pytest.raises(KpiError) as caught:
            session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        assert caught.value.code == "db.server_unreachable"
        assert "terminat" not in caught.value.message()  # the driver's words stay in the log
        with db.read() as session:
            assert len(indicator_views(session, plans(session)[0])) == 53
    finally:
        db.close()
