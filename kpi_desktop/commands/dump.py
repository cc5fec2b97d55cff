"""`kpi-desktop dump --db FILE`: the database as JSON on stdout."""

from __future__ import annotations

import argparse
import json
import sys

from kpi_desktop.services.dump import dump
from kpi_desktop.services.reads import reading


def run(args: argparse.Namespace) -> int:
    # The calendar's part of the dump reads through sqlmodel (services.reads.calendar_session).
    with reading(args.db, calendar=True) as reader:
        data = dump(reader)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
