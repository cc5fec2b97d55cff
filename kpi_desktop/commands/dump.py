"""`kpi-desktop dump --db FILE`: the database as JSON on stdout."""

from __future__ import annotations

import argparse
import json
import sys

from kpi_desktop.services.database import open_for_reading
from kpi_desktop.services.queries import dump


def run(args: argparse.Namespace) -> int:
    database = open_for_reading(args.db)
    try:
        with database.read() as session:
            data = dump(session)
    finally:
        database.close()
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
