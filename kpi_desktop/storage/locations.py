"""Telling a database file from a server address, without importing SQLAlchemy."""

from __future__ import annotations

import re
from pathlib import Path

SERVER_URL = re.compile(r"^postgres(ql)?(\+\w+)?://", re.IGNORECASE)


def is_server_url(target: str | Path) -> bool:
    return bool(SERVER_URL.match(str(target)))


# postgresql://user:password@host…, or password=… among the query's parameters.
_PASSWORD = re.compile(r"^[^:/]+://[^/@?]*:[^/@?]*@|[?&]password=", re.IGNORECASE)


def has_password(address: str) -> bool:
    """Whether a server address carries a password (the program never keeps one: .pgpass)."""
    return bool(_PASSWORD.search(address))
