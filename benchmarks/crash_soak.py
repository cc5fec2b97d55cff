"""The long kill test: 1,000 SIGKILLs of a process saving edits (and 250 through the window).

    python benchmarks/crash_soak.py [--kills 1000] [--window-kills 250]

Prints each series' result (kills, edits reported saved, lost edits, failures, seconds); the
README quotes the last run. The short version runs in CI as tests/test_crash_safety.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import crash_harness


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--window-kills", type=int, default=250)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    crash_harness.logging.getLogger().addHandler(crash_harness.logging.NullHandler())
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for mode, kills in (("services", args.kills), ("window", args.window_kills)):
            if kills <= 0:
                continue
            db = Path(folder) / mode / "数据 文件.sqlite"
            result = crash_harness.run(db, kills, mode, args.seed)
            result["seed"] = args.seed
            print(json.dumps(result, ensure_ascii=False), flush=True)
            failed = failed or bool(result["failure_count"]) or bool(result["lost"])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
