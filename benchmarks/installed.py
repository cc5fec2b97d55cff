"""What every benchmark does first: make the checkout start like an installed program.

An installed program starts from compiled bytecode: pip writes `__pycache__` when it
installs the package and the frozen build carries it. A checkout may have none, or stale
files (an environment with PYTHONDONTWRITEBYTECODE set never refreshes them), and then every
start recompiles the changed modules — tens of milliseconds the clerk never waits for."""

from __future__ import annotations

import compileall
from pathlib import Path


def compile_package() -> None:
    import kpi_desktop

    compileall.compile_dir(Path(kpi_desktop.__file__).parent, quiet=1)
