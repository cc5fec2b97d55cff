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

from sqlalchemy import Connection, Engine, create_engine, event, exc, make_url, text
from sqlalchemy.engine import ExceptionContext
from sqlmodel import Session

from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.storage import schema
from kpi_desktop.storage.who import Who

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


# The tables a clerk's edits write; a role lacking any of these rights may only read.
_WRITTEN = ("progress", "changelog", "contribution", "actual")


def _may_write(connection: Connection) -> bool:
    """Whether the server lets this role save edits (the administrator's GRANTs decide)."""
    for table in _WRITTEN:
        allowed = connection.execute(
            text("SELECT has_table_privilege(current_user, :t, 'INSERT, UPDATE')"), {"t": table}
        ).scalar_one()
        if not allowed:
            return False
    return bool(
        connection.execute(
            text(
                "SELECT has_sequence_privilege(current_user, "
                "pg_get_serial_sequence('changelog', 'id'), 'USAGE')"
            )
        ).scalar_one()
    )


# SQLSTATE classes and codes (PostgreSQL's appendix A) and what the clerk is told.
_NO_CONNECTION = ("08", "57P01", "57P02", "57P03")  # connection lost, server shut down
_TRY_AGAIN = ("40", "55P03", "57014")  # serialization failure, deadlock, lock timeout
_CONNECT_WHY = {
    "28P01": ("密码错误，或本机没有该用户的 .pgpass 密码文件", "a wrong password, or no .pgpass"),
    "28000": ("服务器不允许该用户从本机登录", "the server does not let this user in from here"),
    "3D000": ("服务器上没有这个数据库", "there is no such database on the server"),
}


def server_refusal(error: exc.DBAPIError | BaseException, shown: str) -> KpiError:
    """The clerk's sentence for an error the server (or the connection to it) raised (the
    SQLAlchemy error or the driver's own); the driver's words go to the log only."""
    original = error.orig if isinstance(error, exc.DBAPIError) else error
    state = str(getattr(original, "sqlstate", "") or "")
    log.warning("the server refused a change on %s: %s (%s)", shown, original, state)
    if state == "42501":  # insufficient_privilege
        return KpiError("db.no_permission", url=shown, user=_user_in(shown))
    if state.startswith("23"):  # integrity: a row someone else wrote at the same moment
        return KpiError("db.write_conflict", url=shown)
    if state.startswith(_TRY_AGAIN):
        return KpiError("db.server_busy", url=shown)
    if state.startswith("25006"):  # read_only_sql_transaction: a standby server
        return KpiError("db.no_permission", url=shown, user=_user_in(shown))
    operational = isinstance(error, exc.OperationalError) or type(original).__name__ in (
        "OperationalError",
        "InterfaceError",
    )
    if not state or state.startswith(_NO_CONNECTION) or operational:
        return KpiError("db.server_unreachable", url=shown, detail=connect_reason(original))
    return KpiError("db.server_error", url=shown, code=state)


def _sentences_for_errors(engine: Engine, shown: str) -> None:
    """From here on every error the server or the connection raises — while reading for the
    window too, not only in a change — reaches the clerk as a sentence (KpiError), never as the
    driver's error; the connection pool still drops a connection that was lost."""

    @event.listens_for(engine, "handle_error")
    def _refuse(context: ExceptionContext) -> None:
        if context.is_pre_ping:
            return  # the pool's own check of an idle connection: it reconnects by itself
        raise server_refusal(context.sqlalchemy_exception or context.original_exception, shown)


def connect_reason(original: BaseException | None) -> str:
    """Why a connection failed, in the clerk's words where the reason is a known one."""
    state = str(getattr(original, "sqlstate", "") or "")
    if state in _CONNECT_WHY:
        return zh_en(*_CONNECT_WHY[state])
    words = str(original).lower()
    if "password" in words:
        return zh_en(*_CONNECT_WHY["28P01"])
    if "does not exist" in words and "database" in words:
        return zh_en(*_CONNECT_WHY["3D000"])
    if "role" in words and "does not exist" in words:
        return zh_en("服务器上没有这个用户", "there is no such user on the server")
    if "timeout" in words or "timed out" in words:
        return zh_en("连接超时", "the connection timed out")
    if any(w in words for w in ("refused", "no such file", "could not connect", "resolve")):
        return zh_en("服务器没有响应，地址或端口可能有误", "no answer: check the address and port")
    return zh_en("连接中断", "the connection was lost")


def _user_in(shown: str) -> str:
    return make_url(shown).username or "?"


def open_server_database(
    url: str, fill_new: Callable[[Session], None] | None, *, read_only: bool = False
) -> Database:
    from kpi_desktop.storage.engine import Database

    engine = server_engine(url)
    shown = make_url(url).render_as_string(hide_password=True)
    stage = "read"
    try:
        with engine.begin() as connection:
            # Two clerks opening a new (or older) database at once: one creates (upgrades)
            # it, the other waits and then finds it done.
            connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('kpi-desktop'))"))
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
                stage = "create"
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
                stage = "upgrade"
                schema.upgrade(connection, version)
                upgraded_from = version
            user = connection.execute(text("SELECT current_user")).scalar_one()
            may_write = _may_write(connection)
    except exc.OperationalError as error:
        engine.dispose()
        raise KpiError(
            "db.server_unreachable", url=shown, detail=connect_reason(error.orig)
        ) from error
    except exc.DBAPIError as error:
        engine.dispose()
        if str(getattr(error.orig, "sqlstate", "")) == "42501" and stage != "read":
            code = "db.server_cannot_create" if stage == "create" else "db.server_cannot_upgrade"
            raise KpiError(code, url=shown, user=_user_in(shown)) from error
        raise server_refusal(error, shown) from error
    except BaseException:
        engine.dispose()
        raise
    _sentences_for_errors(engine, shown)
    reason = None
    if not may_write:
        reason = KpiError("db.server_read_only", url=shown, user=user)
        log.info("%s: the server lets %s only read", shown, user)
    return Database(
        engine=engine,
        path=None,
        created=created,
        upgraded_from=upgraded_from,
        read_only=read_only or not may_write,
        url=url,
        who=Who.here(user),
        read_only_reason=reason,
    )
