import sys

from kpi_desktop.cli import main

sys.exit(main())
