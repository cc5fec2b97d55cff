"""What the target parser (domain.targets) and the figure rules (domain.figures,
domain.schedule) share: the kinds of quantitative target and how a written number is read.
Kept apart so that marking progress does not load the parser."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class TargetKind(StrEnum):
    GROWTH = "growth"
    AMOUNT = "amount"
    COUNT = "count"
    THRESHOLD = "threshold"
    SHARE = "share"
    CEILING = "ceiling"  # met by staying at or under: "失业率控制在4.5%以内"
    LEVEL = "level"  # a stock reached or not by year end: "市场主体总数突破14万户"
    QUALITATIVE = "qualitative"


def parse_number(s: str) -> float | None:
    """A plain decimal number in half- or full-width digits ("5.5", "１８０", "1,200").

    万 and 亿 are not numbers here: they belong to the unit ("2.2万平方米" is 2.2 of 万平方米),
    so that the value shown is the one written in the report.
    """
    text = unicodedata.normalize("NFKC", s).strip()
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", text):
        text = text.replace(",", "")
    if not re.fullmatch(r"[+-]?[0-9]+(?:\.[0-9]+)?", text):
        return None
    return float(text)
