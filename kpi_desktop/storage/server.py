"""A shared database on a PostgreSQL server, for an office where several clerks work at once.

The same tables and migrations as a file. What differs: the server arbitrates between writers
(so there is no writer lock), DDL is transactional (so a new database is created, and an old
one upgraded, in one transaction that either completes or leaves nothing), there are no
pragmas, and backups are the server's business (`pg_dump`, see the README), not copies of a
file. Times are exchanged in UTC whatever the server's own time zone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, exc, make_url
from sqlmodel import Session

from kpi_desktop.domain.errors import KpiError
from kpi_desktop.storage import schema

if TYPE_CHECKING:
    from kpi_desktop.storage.engine import Database

log = logging.getLogger(__name__)


def server_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(
            parsed,
            pool_pre_ping=True,
            connect_args={"options": "-c timezone=UTC", "connect_timeout": 15},
        )
    except ModuleNotFoundError as missing:
        raise KpiError("db.server_driver", module=missing.name or "psycopg") from missing


def open_server_database(
    url: str, fill_new: Callable[[Session], None] | None, *, read_only: bool = False
) -> Database:
    from kpi_desktop.storage.engine import Database

    engine = server_engine(url)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        with engine.begin() as connection:
            version = schema.read_version(connection)
            created = False
            if version is None:
                if read_only:
                    raise KpiError("db.not_ours", path=shown)
                if connection.exec_driver_sql(
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                ).scalar_one():
                    raise KpiError("db.not_ours", path=shown)
                schema.create_schema(connection)
                # Inside the connection's transaction: a failed fill leaves no tables behind.
                with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
                    (fill_new or (lambda _session: None))(session)
                    session.commit()
                created = True
                version = schema.SCHEMA_VERSION
            upgraded_from = None
            if schema.needs_upgrade(version, shown, may_upgrade=not read_only):
                log.info("upgrading %s from schema %d", shown, version)
                schema.upgrade(connection, version)
                upgraded_from = version
    except exc.OperationalError as error:
        engine.dispose()
        raise KpiError("db.server_unreachable", url=shown, detail=str(error.orig)) from error
    except BaseException:
        engine.dispose()
        raise
    return Database(
        engine=engine,
        path=None,
        created=created,
        upgraded_from=upgraded_from,
        read_only=read_only,
        url=url,
    )
