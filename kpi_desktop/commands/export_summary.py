"""`kpi-desktop export-summary --db FILE --period P -o OUT.pdf|OUT.xlsx|OUT.docx`: the
summary table.

A PDF is laid out by the same renderer the window prints with, offscreen, on GB/T 9704 pages
(`--compact`: the earlier narrow margins); an .xlsx carries print settings that reproduce the
layout in Excel, WPS and LibreOffice; a .docx is the editable Word attachment, written without
Qt. `--font-size` sets the table's text (小四 by default).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from kpi_desktop.commands.offscreen import gui_application
from kpi_desktop.domain.errors import KpiError, os_error_text, zh_en
from kpi_desktop.domain.page_format import Layout, parse_type_size
from kpi_desktop.services.reads import reading
from kpi_desktop.services.summary import SummaryOptions, SummaryTable, compile_summary

log = logging.getLogger(__name__)

FORMATS = (".pdf", ".xlsx", ".docx")


def _write_pdf(table: SummaryTable, output: Path) -> int:
    app = gui_application()
    from kpi_desktop.printing.fonts import Fonts
    from kpi_desktop.printing.summary_printer import print_pdf

    log.info("summary fonts: %s", Fonts.official().describe())
    pages = print_pdf(table, output)
    del app
    return pages


def _body_size(args: argparse.Namespace, output: Path) -> float | None:
    written = getattr(args, "font_size", None)
    if written is None:
        return None
    if output.suffix.lower() == ".xlsx":
        raise KpiError("summary.size_not_xlsx")
    size = parse_type_size(written)
    if size is None:
        raise KpiError("summary.bad_size", size=written)
    return size


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise KpiError("summary.bad_format", path=str(output), formats="、".join(FORMATS))
    if not output.parent.is_dir():
        raise KpiError("summary.no_folder", path=str(output), folder=str(output.parent))
    compact = getattr(args, "compact", False)
    if compact and suffix != ".pdf":
        raise KpiError("summary.pdf_only", option="--compact", path=str(output))
    options = SummaryOptions(
        unit=getattr(args, "unit", None),
        with_problems=getattr(args, "with_problems", False),
        with_status=getattr(args, "with_status", False),
        with_instructions=getattr(args, "with_instructions", False),
        with_remarks=getattr(args, "with_notes", False),
        portrait=getattr(args, "portrait", False),
        layout=Layout.COMPACT if compact else Layout.OFFICIAL,
        body_size=_body_size(args, output),
    )
    with reading(args.db) as reader:
        table = compile_summary(reader, args.period, options)
    try:
        if suffix == ".pdf":
            _write_pdf(table, output)
        elif suffix == ".docx":
            from kpi_desktop.services.docx_writer import write_summary_docx

            write_summary_docx(table, output)
        else:
            from kpi_desktop.services.summary_xlsx import write_summary_xlsx

            write_summary_xlsx(table, output)
    except OSError as error:
        raise KpiError(
            "summary.cannot_write", path=str(output), detail=os_error_text(error)
        ) from error
    print(
        zh_en(
            f"已导出 {table.period.code} 汇总表（{len(table.rows)} 行）：{output}",
            f"Wrote the {table.period.code} summary table ({len(table.rows)} rows): {output}",
        )
    )
    return 0
