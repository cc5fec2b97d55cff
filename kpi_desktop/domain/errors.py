"""Errors the clerk can act on: a code of the message catalogue (domain.messages) and its
parameters, worded in the clerk's language (domain.language) where it is shown.

The names below are also the module's interface for the rest of the program: the language
functions and `os_error_text` are re-exported from here.
"""

from __future__ import annotations

from typing import Any

from kpi_desktop.domain.language import current_language as current_language
from kpi_desktop.domain.language import set_language as set_language
from kpi_desktop.domain.language import system_language as system_language
from kpi_desktop.domain.language import zh_en as zh_en
from kpi_desktop.domain.messages import MESSAGES
from kpi_desktop.domain.messages import os_error_text as os_error_text


class KpiError(Exception):
    """A refusal the clerk can act on. `code` selects the message; `params` fill it in."""

    exit_status = 2

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, language: str | None = None) -> str:
        zh, en = MESSAGES[self.code]
        template = en if (language or current_language()) == "en" else zh
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled with its parameters, so that a refusal found in a worker process (reading
        # returns in parallel) reaches the clerk with the same message.
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[KpiError], code: str, params: dict[str, Any]) -> KpiError:
    return cls(code, **params)
