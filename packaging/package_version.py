"""The version being built: `__version__` of the checkout's kpi_desktop, read without
importing the package (whose imports the build machine may not satisfy yet).

    python packaging/package_version.py            prints it, e.g. 0.5.0
    python packaging/package_version.py --numeric  also checks it is X.Y.Z (Windows needs numbers)
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def package_version(root: Path = ROOT) -> str:
    source = (root / "kpi_desktop" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise SystemExit(f"{root / 'kpi_desktop' / '__init__.py'} has no __version__ string")


def numeric_parts(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource; refuses anything but X.Y[.Z[.W]]."""
    if not re.fullmatch(r"\d+(\.\d+){1,3}", version):
        raise SystemExit(f"version {version!r} is not numeric (X.Y.Z): Windows cannot show it")
    numbers = [int(part) for part in version.split(".")]
    padded = (*numbers, 0, 0, 0)[:4]
    return padded[0], padded[1], padded[2], padded[3]


if __name__ == "__main__":
    found = package_version()
    if "--numeric" in sys.argv[1:]:
        numeric_parts(found)
    print(found)
