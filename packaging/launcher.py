"""The frozen program's entry point: the same `main` as the `kpi-desktop` console script."""

import multiprocessing
import sys

from kpi_desktop.cli import main

if __name__ == "__main__":
    # Worker processes (reading returns in parallel) start as this same program: let them
    # run their work instead of the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
