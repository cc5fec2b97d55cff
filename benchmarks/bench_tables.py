"""How much of other offices' tables the program reads right.

    python benchmarks/bench_tables.py [--verbose] [--json OUT.json]

Runs the program's public functions over the corpus in tests/fixtures/tables/ and compares what
they give with the hand-written expectations beside each table:

- the reader and the plan builder (`services.returns.read_return`, `services.new_plan.
  plan_spec_from_table` on an empty database): whether the table is refused, how many of the
  expected rows come out with their text (folded: blind to spaces, line breaks and character
  width), and how many of those carry exactly the expected lead units;
- the target parser (`domain.targets.propose_targets`) on each expected row's text: targets right
  (kind, value and unit), partial (value and unit right, kind wrong), missed, and false (proposed
  where the reader sees none; the parser's "please enter the targets" placeholder is not one);
- the figure reader and the status (`services.tracking.standing`) on each expected progress text,
  given the expected targets and the as-of month the table states: figures right (the completion,
  or for rates the rate, within half a point), wrong, missed and false; statuses right;
- the unit's own verdict (`domain.verdicts`) from each reported row's status column, else its
  text: right where it is the expected one, or none where the row states none.

Accuracy is reported, never asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "tables"
RATE_KINDS = {"growth", "share", "ceiling"}
TOLERANCE = 0.005


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass
class Score:
    rows: int = 0
    rows_read: int = 0  # rows the reader gave with the expected text
    rows_planned: int = 0  # rows the plan builder gave with the expected text
    units_right: int = 0
    refused_reader: int = 0
    refused_plan: int = 0
    targets: Counter[str] = field(default_factory=Counter)  # right / partial / missed / false
    figures: Counter[str] = field(default_factory=Counter)  # right / wrong / missed / false
    statuses: int = 0
    statuses_right: int = 0
    statuses_figured: int = 0  # rows whose status comes from a figure (not 暂无数据)
    statuses_figured_right: int = 0
    verdicts: int = 0  # reported rows
    verdicts_right: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("rows", "rows_read", "rows_planned", "units_right", "refused_reader"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.refused_plan += other.refused_plan
        self.statuses += other.statuses
        self.statuses_right += other.statuses_right
        self.statuses_figured += other.statuses_figured
        self.statuses_figured_right += other.statuses_figured_right
        self.verdicts += other.verdicts
        self.verdicts_right += other.verdicts_right
        self.targets.update(other.targets)
        self.figures.update(other.figures)


# ---------------------------------------------------------------------------------------------
# Rows and lead units


def _refusal(error: Exception) -> str:
    code = getattr(error, "code", None)
    return str(code) if code else type(error).__name__


def score_reading(expect: dict[str, Any], path: Path, score: Score) -> None:
    from kpi_desktop.domain.text import split_units
    from kpi_desktop.services.new_plan import plan_spec_from_table
    from kpi_desktop.services.returns import read_return
    from kpi_desktop.storage.engine import open_database

    wanted = {fold(row["text"]): row for row in expect["rows"]}
    try:
        table = read_return(path, need_progress=False)
    except Exception as error:  # a refusal is a result here, whatever its kind
        score.refused_reader += 1
        score.notes.append(f"reader refused: {_refusal(error)}")
    else:
        score.rows_read += len({fold(r.text) for r in table.rows} & set(wanted))

    year = expect.get("year") or expect.get("build_year")
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "empty.sqlite", fill_new=lambda session: None)
        try:
            with database.read() as session:
                spec = plan_spec_from_table(session, path, year)
        except Exception as error:
            score.refused_plan += 1
            score.notes.append(f"plan refused: {_refusal(error)}")
            return
        finally:
            database.close()
    for indicator in spec.indicators:
        row = wanted.get(fold(indicator.text))
        if row is None:
            continue
        score.rows_planned += 1
        got = [fold(u) for u in indicator.lead_units]
        want = [fold(u) for unit in row["units"] for u in split_units(unit)]
        if got == want:
            score.units_right += 1


# ---------------------------------------------------------------------------------------------
# Targets


def _same_number(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def score_targets(row: dict[str, Any], score: Score) -> None:
    from kpi_desktop.domain.targets import propose_targets

    proposed = [
        t
        for t in propose_targets(row["text"])
        if not (t.kind == "qualitative" and not t.certain and t.span == row["text"].strip("。；;"))
    ]
    expected = list(row["targets"])
    unpaired = list(proposed)
    leftover = []
    for want in expected:
        match = next((p for p in unpaired if _exact(p, want)), None)
        if match is None:
            leftover.append(want)
            continue
        unpaired.remove(match)
        score.targets["right"] += 1
    for want in leftover:
        match = next((p for p in unpaired if _partial(p, want)), None)
        if match is None:
            score.targets["missed"] += 1
            continue
        unpaired.remove(match)
        score.targets["partial"] += 1
    score.targets["false"] += len(unpaired)


def _exact(proposed: Any, want: dict[str, Any]) -> bool:
    if want["kind"] == "qualitative":
        return str(proposed.kind) == "qualitative"
    return str(proposed.kind) == want["kind"] and _partial(proposed, want)


def _partial(proposed: Any, want: dict[str, Any]) -> bool:
    if want["kind"] == "qualitative":
        return False
    same_unit = fold(proposed.unit) == fold(want.get("unit", ""))
    return same_unit and _same_number(proposed.value, want["value"])


# ---------------------------------------------------------------------------------------------
# Figures and statuses


@dataclass
class _Target:
    """An expected target, in the shape storage.models.Target has."""

    id: int
    label: str
    kind: str
    value: float | None
    unit: str
    span: str


# Kinds an older version of the program does not know, given to it as the nearest it does.
_NEAREST_KIND = {"level": "threshold", "ceiling": "share"}


def _known_kind(kind: str) -> str:
    from kpi_desktop.domain.kinds import TargetKind

    known = {k.value for k in TargetKind}
    return kind if kind in known else _NEAREST_KIND.get(kind, "qualitative")


def _period_code(year: int, month: int) -> str:
    kind = "Q1" if month <= 3 else "H1" if month <= 6 else "Q3" if month <= 9 else "Y"
    return f"{year}{kind}"


def _expected_completion(want: dict[str, Any]) -> float | None:
    from kpi_desktop.domain.units import convert, parse_unit

    if "done" in want:
        return float(want["done"])
    if "actual" not in want:
        return None
    if want["kind"] in RATE_KINDS:
        return float(want["actual"])
    if fold(want["actual_unit"]) == fold(want["unit"]):
        return float(want["actual"]) / float(want["value"])
    written, target = parse_unit(want["actual_unit"]), parse_unit(want["unit"])
    assert written is not None and target is not None, want
    value = convert(float(want["actual"]), written, target)
    assert value is not None, want
    return value / float(want["value"])


def _proposed_completion(standing: Any, want: dict[str, Any]) -> float | None:
    from kpi_desktop.domain.units import convert, parse_unit

    target = standing.target
    if target.value is None:  # qualitative: only a share of its work can be its figure
        completion = standing.assessment.completion
        return None if completion is None else float(completion)
    if standing.value is None:
        return None
    if want["kind"] in RATE_KINDS:
        written, unit = parse_unit(standing.unit or target.unit), parse_unit(target.unit)
        if written is None or unit is None:
            return None
        return convert(standing.value, written, unit)
    written, unit = parse_unit(standing.unit or target.unit), parse_unit(target.unit)
    if written is None or unit is None:
        return None
    value = convert(standing.value, written, unit)
    return None if value is None else value / target.value


def _naming_words(text: str, wants: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(label, span) of each expected target as the program stores them: the parser's, where it
    proposes the expected targets, else the expected label for both."""
    from kpi_desktop.domain.targets import propose_targets

    proposed = propose_targets(text)
    shapes = [(str(p.kind), p.value, fold(p.unit)) for p in proposed]
    if shapes == [(w["kind"], w.get("value"), fold(w.get("unit", ""))) for w in wants]:
        return [(p.label, p.span) for p in proposed]
    return [(w["label"], w["label"]) for w in wants]


def score_figures(expect: dict[str, Any], row: dict[str, Any], score: Score) -> None:
    from kpi_desktop.services.tracking import standing
    from kpi_desktop.services.views import IndicatorView
    from kpi_desktop.storage.models import Indicator, Progress

    if not row.get("progress"):
        return
    year = expect.get("year") or expect.get("build_year")
    code = _period_code(year, expect["as_of_month"])
    wants = list(row["targets"]) or [{"kind": "qualitative", "label": row["text"]}]
    if not row["targets"] and "done" in row:
        wants[0]["done"] = row["done"]
    words = _naming_words(row["text"], wants)
    targets = [
        _Target(
            id=index + 1,
            label=label,
            kind=_known_kind(want["kind"]),
            value=want.get("value"),
            unit=want.get("unit", ""),
            span=span,
        )
        for index, (want, (label, span)) in enumerate(zip(wants, words, strict=True))
    ]
    entry = Progress(
        indicator_id=1,
        period=code,
        text=row["progress"],
        as_of_month=expect["as_of_month"],
        updated_at=datetime.now(UTC),
    )
    view = IndicatorView(
        indicator=Indicator(id=1, plan_id=1, seq=1, text=row["text"]),
        units=[],
        canonical_units=[],
        targets=targets,  # type: ignore[arg-type]
        progress={code: entry},
    )
    result = standing(view, code)
    for want, got in zip(wants, result.targets, strict=True):
        expected, proposed = _expected_completion(want), _proposed_completion(got, want)
        if expected is None:
            score.figures["false" if proposed is not None else "none"] += 1
        elif proposed is None:
            score.figures["missed"] += 1
        elif abs(proposed - expected) <= (0.05 if want["kind"] in RATE_KINDS else TOLERANCE):
            score.figures["right"] += 1
        else:
            score.figures["wrong"] += 1
    if "status" in row:
        right = str(result.overall.status) == row["status"]
        score.statuses += 1
        score.statuses_right += right
        if row["status"] != "no_figure":
            score.statuses_figured += 1
            score.statuses_figured_right += right


def score_verdict(row: dict[str, Any], score: Score) -> None:
    if "progress" not in row and "status_cell" not in row:
        return
    score.verdicts += 1
    try:
        from kpi_desktop.domain.verdicts import verdict_in_cell, verdict_in_text
    except ImportError:  # a version that does not read verdicts: none is right only where none
        score.verdicts_right += "verdict" not in row
        return
    cell = row.get("status_cell", "")
    verdict = (verdict_in_cell(cell) if cell else None) or verdict_in_text(row.get("progress", ""))
    score.verdicts_right += (verdict.value if verdict else None) == row.get("verdict")


# ---------------------------------------------------------------------------------------------


def score_table(path: Path) -> tuple[str, Score]:
    expect = tomllib.loads(path.read_text(encoding="utf-8"))
    score = Score(rows=len(expect["rows"]))
    score_reading(expect, path.with_name(expect["file"]), score)
    for row in expect["rows"]:
        score_targets(row, score)
        score_figures(expect, row, score)
        score_verdict(row, score)
    return path.stem, score


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "–"


def report(results: list[tuple[str, Score]], verbose: bool) -> Score:
    total = Score()
    head = f"{'table':<26} {'rows':>5} {'read':>5} {'plan':>5} {'units':>5}  "
    head += "targets r/p/m/f   figures r/w/m/f  status  verdict"
    print(head)
    for name, score in results:
        total.add(score)
        t, f = score.targets, score.figures
        print(
            f"{name:<26} {score.rows:>5} {score.rows_read:>5} {score.rows_planned:>5} "
            f"{score.units_right:>5}  {t['right']:>3}/{t['partial']}/{t['missed']}/{t['false']:<6} "
            f"{f['right']:>4}/{f['wrong']}/{f['missed']}/{f['false']:<6} "
            f"{score.statuses_right:>3}/{score.statuses:<4} "
            f"{score.verdicts_right:>3}/{score.verdicts}"
        )
        if verbose:
            for note in score.notes:
                print(f"    {note}")
    targets = sum(total.targets[k] for k in ("right", "partial", "missed"))
    figures = sum(total.figures[k] for k in ("right", "wrong", "missed"))
    print()
    print(
        f"tables: {len(results)}, refused by the reader: {total.refused_reader}, "
        f"by the plan builder: {total.refused_plan}"
    )
    print(f"rows read with their text: {_percent(total.rows_read, total.rows)}")
    print(f"rows in the built plan:    {_percent(total.rows_planned, total.rows)}")
    print(
        f"lead units right:          {_percent(total.units_right, total.rows_planned)} "
        "of the rows in the plan"
    )
    print(
        f"targets right:             {_percent(total.targets['right'], targets)}, "
        f"partial {total.targets['partial']}, missed {total.targets['missed']}, "
        f"false {total.targets['false']}"
    )
    print(
        f"figures right:             {_percent(total.figures['right'], figures)}, "
        f"wrong {total.figures['wrong']}, missed {total.figures['missed']}, "
        f"false {total.figures['false']}"
    )
    print(
        f"statuses right:            {_percent(total.statuses_right, total.statuses)}; "
        "of those from a figure "
        f"{_percent(total.statuses_figured_right, total.statuses_figured)}"
    )
    print(f"units' verdicts right:     {_percent(total.verdicts_right, total.verdicts)}")
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="say why tables were refused")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    results = [score_table(path) for path in sorted(CORPUS.glob("*.toml"))]
    total = report(results, args.verbose)
    if args.json:
        data = {name: score.__dict__ for name, score in [*results, ("total", total)]}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=dict))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
