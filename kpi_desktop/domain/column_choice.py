"""The clerk's own reading of a table's columns: column letters as Excel shows them, roles
named in words, and the command line's `--columns 重点工作=B,牵头单位=C,进展=E`.

Pure rules, beside `domain.columns`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from kpi_desktop.domain.columns import (
    ASSIGNABLE,
    ROLE_LABELS,
    Layout,
    Role,
    best_role,
    header_key,
)
from kpi_desktop.domain.errors import KpiError


def column_letter(index: int) -> str:
    """A 0-based column index as Excel names it (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int | None:
    """Excel's column letters as a 0-based index; None if they are not letters."""
    letters = unicodedata.normalize("NFKC", letters).strip().upper()
    if not letters or not letters.isascii() or not letters.isalpha() or len(letters) > 3:
        return None
    index = 0
    for char in letters:
        index = index * 26 + (ord(char) - ord("A") + 1)
    return index - 1


def role_named(name: str) -> Role | None:
    """The role a clerk names in words ("重点工作", "牵头单位", "进展") or by its code."""
    key = header_key(name)
    for role in Role:
        if key == role.value:
            return role
    for role, label in ROLE_LABELS.items():
        if key == label:
            return role
    found = best_role(key)
    return found[0] if found else None


def layout_from_choice(choice: Mapping[Role, Sequence[int]]) -> Layout:
    """A layout the clerk gave, column by column."""
    return Layout(
        {role: tuple(sorted(found)) for role, found in choice.items() if found}, by_hand=True
    )


def parse_column_option(text: str) -> tuple[dict[Role, tuple[int, ...]], int | None]:
    """The clerk's reading of the columns as the command line takes it:
    "重点工作=B,牵头单位=C,进展=E" (a role over two columns as "进展=E+F"), with "表头=3" for
    the header row. Returns the columns of each role and the header row (or None)."""
    roles = "、".join(ROLE_LABELS[r] for r in ASSIGNABLE)
    columns: dict[Role, list[int]] = {}
    header: int | None = None
    for part in re.split(r"[,，;；]", text):
        if not part.strip():
            continue
        name, sep, where = part.partition("=")
        if not sep:
            name, sep, where = part.partition("＝")
        if not sep:
            raise KpiError("columns.bad_option", part=part.strip(), roles=roles)
        if header_key(name) in ("表头", "表头行", "header"):
            if not where.strip().isdigit() or int(where) < 1:
                raise KpiError("columns.bad_option", part=part.strip(), roles=roles)
            header = int(where)
            continue
        role = role_named(name)
        indexes = [column_index(letters) for letters in re.split(r"[+＋]", where)]
        if role is None or not indexes or any(i is None for i in indexes):
            raise KpiError("columns.bad_option", part=part.strip(), roles=roles)
        columns.setdefault(role, []).extend(i for i in indexes if i is not None)
    if not columns:
        raise KpiError("columns.bad_option", part=text.strip(), roles=roles)
    return {role: tuple(found) for role, found in columns.items()}, header


def format_column_option(columns: Mapping[Role, Sequence[int]], header: int | None) -> str:
    """A reading of the columns in the words `parse_column_option` takes back."""
    parts = [
        f"{ROLE_LABELS[role]}={'+'.join(column_letter(i) for i in found)}"
        for role, found in columns.items()
        if found
    ]
    if header is not None:
        parts.append(f"表头={header}")
    return ",".join(parts)
