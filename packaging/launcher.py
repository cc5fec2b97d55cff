"""The frozen program's entry point: the same `main` as the `kpi-desktop` console script."""

import sys

from kpi_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
