"""`kpi-desktop check --db FILE --period P`: the checks before the table goes out.

One line per finding on stdout — the rule, then the message naming the indicator, its lead
units and what to do — open ones first, then those the clerk dismissed with her reason; then a
line counting them. Exit status 0 when nothing is open, 1 when something is (the command
changes nothing). No Qt is loaded.
"""

from __future__ import annotations

import argparse

from kpi_desktop.domain.errors import KpiError, current_language
from kpi_desktop.services.checks import run_checks, status_counts
from kpi_desktop.services.reads import reading
from kpi_desktop.services.summary import period_of

EXIT_NONE = 0
EXIT_FOUND = 1


def run(args: argparse.Namespace) -> int:
    period = period_of(args.period)
    with reading(args.db) as reader:
        findings = run_checks(reader, period)
    language = current_language()
    for finding in findings:
        if finding.open:
            print(f"[{finding.rule.label(language)}] {finding.message(language)}")
    for finding in findings:
        if not finding.open:
            mark = "dismissed" if language == "en" else "已忽略"
            print(
                f"[{finding.rule.label(language)}]（{mark}：{finding.dismissed}）"
                f"{finding.message(language)}"
            )
    opened, dismissed = status_counts(findings)
    label = period.english if language == "en" else period.chinese
    if opened:
        print(KpiError("check.found", period=label, count=opened, dismissed=dismissed).message())
        return EXIT_FOUND
    print(KpiError("check.none", period=label).message())
    return EXIT_NONE
