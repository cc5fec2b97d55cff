"""`kpi-desktop bulletin --db FILE --period P -o OUT.docx`: the bulletin (通报) draft in Word.

Every figure comes from the database (services.bulletin), the wording from the built-in
template or the clerk's own (`--template`). `--due YYYY-MM-DD` names the day returns were
due, so that units that returned after it are listed as late. No Qt is loaded.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from kpi_desktop.domain.errors import KpiError, zh_en
from kpi_desktop.services.database import open_for_reading


def _due(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise KpiError("bulletin.bad_date", date=text) from error


def run(args: argparse.Namespace) -> int:
    from kpi_desktop.services.bulletin import draft_bulletin, load_template
    from kpi_desktop.services.docx_writer import write_bulletin_docx

    output = Path(args.output)
    if output.suffix.lower() != ".docx":
        raise KpiError("bulletin.bad_format", path=str(output))
    if not output.parent.is_dir():
        raise KpiError("bulletin.no_folder", path=str(output), folder=str(output.parent))
    due = _due(getattr(args, "due", None))
    template = load_template(getattr(args, "template", None))  # refused before anything is read
    database = open_for_reading(args.db)
    try:
        with database.read() as session:
            bulletin = draft_bulletin(session, args.period, template, due)
    finally:
        database.close()
    try:
        write_bulletin_docx(bulletin, output)
    except OSError as error:
        raise KpiError("bulletin.cannot_write", path=str(output), detail=str(error)) from error
    facts = bulletin.facts
    print(
        zh_en(
            f"已写出 {facts.period.code} 通报草稿（{len(facts.entries)} 项指标）：{output}",
            f"Wrote the {facts.period.code} bulletin draft ({len(facts.entries)} indicators): "
            f"{output}",
        )
    )
    return 0
