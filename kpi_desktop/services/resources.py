"""Files shipped with the program, found the same way in a checkout, a wheel and a frozen build."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def _package_or_folder(package: str, folder: str) -> Traversable:
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        # Running from a checkout that was never installed: the folders sit at the top.
        return _CHECKOUT / folder


def resource(*parts: str) -> Traversable:
    """A file under the top-level `resources/` folder."""
    node = _package_or_folder("kpi_desktop.resources", "resources")
    for part in parts:
        node = node / part
    return node


def translations() -> Traversable:
    return _package_or_folder("kpi_desktop.translations", "translations")
