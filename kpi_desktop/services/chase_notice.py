"""The 催报单 of a round of chasing (services.calendar.Round) as text to copy and as CSV; the
printed page is printing.chase_notice."""

from __future__ import annotations

import csv
import io
from datetime import date

from kpi_desktop.domain.calendar import chinese_date
from kpi_desktop.services.calendar import ChasedUnit, Round


def notice_title(chase: Round) -> str:
    return (
        f"{chase.year}年{chase.period.chinese}重点工作量化指标进展情况催报单（第{chase.number}轮）"
    )


def _overdue_words(unit: ChasedUnit, on: date) -> str:
    if unit.due is None:
        return "未设截止日期"
    days = unit.days_overdue(on)
    if days:
        return f"截止{chinese_date(unit.due)}，已逾期{days}天"
    return f"截止{chinese_date(unit.due)}，尚未逾期"


def notice_text(chase: Round) -> str:
    """The 催报单 as text to copy into a message or a notice."""
    lines = [notice_title(chase), ""]
    lines.append(
        f"催报日期：{chinese_date(chase.on)}　催报方式：{chase.how}"
        + (f"　联系人：{chase.whom}" if chase.whom else "")
    )
    if chase.note:
        lines.append(f"说明：{chase.note}")
    lines.append(f"以下 {len(chase.units)} 个单位尚未报送，请尽快报送：")
    for number, unit in enumerate(chase.units, start=1):
        lines.append(
            f"{number}. {unit.unit}（{_overdue_words(unit, chase.on)}，未报 {len(unit.rows)} 项）"
        )
        for seq, text in unit.rows:
            lines.append(f"    {seq}. {text}")
    return "\n".join(lines) + "\n"


def notice_csv(chase: Round) -> str:
    """The 催报单 as CSV (one line per row still owed), with a BOM so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["轮次", "催报日期", "催报方式", "牵头单位", "截止日期", "逾期天数", "序号", "重点工作"]
    )
    for unit in chase.units:
        for seq, text in unit.rows:
            writer.writerow(
                [
                    chase.number,
                    chase.on.isoformat(),
                    chase.how,
                    unit.unit,
                    unit.due.isoformat() if unit.due else "",
                    unit.days_overdue(chase.on),
                    seq,
                    text,
                ]
            )
    return "\ufeff" + buffer.getvalue()
