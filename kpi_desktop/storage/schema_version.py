"""The schema version this program writes, readable without importing SQLAlchemy.

storage.schema checks at import that its list of migrations ends at this version: adding a
migration means raising the number here too.
"""

from __future__ import annotations

SCHEMA_VERSION = 6
APPLICATION_ID = "kpi-desktop"
