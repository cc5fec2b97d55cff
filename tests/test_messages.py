"""The message catalogue and the code agree: every code a refusal uses has its wording in both
languages, every wording is used, and each names only parameters the code passes."""

from __future__ import annotations

import re
import string
from pathlib import Path

from kpi_desktop.domain.messages import MESSAGES

PACKAGE = Path(__file__).resolve().parents[1] / "kpi_desktop"
FAMILIES = "|".join(sorted({key.split(".")[0] for key in MESSAGES}))
CODE = re.compile(r'"((?:' + FAMILIES + r')\.[a-z_]+)"')


# Strings of that shape that are not message codes: file names, and the tables' foreign keys.
NOT_CODES = re.compile(r"\.(txt|toml|py|qm|ts|id)$")


def _sources() -> str:
    skip = PACKAGE / "domain" / "catalogue"
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
        if skip not in path.parents
    )


def test_every_code_used_is_defined_and_every_defined_one_used() -> None:
    used = {code for code in CODE.findall(_sources()) if not NOT_CODES.search(code)}
    assert sorted(used - set(MESSAGES)) == []
    assert sorted(set(MESSAGES) - used) == []


def test_both_wordings_name_the_same_parameters() -> None:
    formatter = string.Formatter()
    for code, (zh, en) in MESSAGES.items():
        names = [{field for _, field, _, _ in formatter.parse(text) if field} for text in (zh, en)]
        assert names[0] == names[1], code
        assert zh and en and zh != en, code
