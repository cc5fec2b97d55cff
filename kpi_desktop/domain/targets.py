"""Proposing the quantitative targets of an indicator from its 重点工作 text.

The clerk types each year's indicators in from the work report; proposing the targets saves the
typing and, more importantly, splits an item like "签约50亿元以上项目2个、10亿元以上项目20个" into
the separate targets the lead unit has to report against. It is only a proposal: whatever the
rules cannot decide is still proposed, with `certain=False` and a note telling the clerk what to
check, so nothing silently disappears.

How a text is read:

* It is cut into clauses at ，。； and their ASCII forms, and around a bracketed aside that
  holds a quantity — a clause is the unit that carries one verb phrase.
* Inside a clause every number is looked at with what follows it:
  - a number followed by a time or age word ("5年以上", "35周岁以下", "2013—2017年") is a
    condition on who or what is counted, never a target; nor is a number naming a list
    ("世界500强", "5大", "第5届"), nor one followed by 的 that describes what it names
    ("总投资25亿元的…项目");
  - a range ("6.5%—7%") is one target, met from its lower end;
  - a number + unit followed by a noun, when another quantity follows in the same item
    ("50亿元以上项目2个", "120万元以上村数量提升至50%"), is a size class and stays in the label;
    an item ends at 、, and at 和/及 before another quantity ("376个村居广播室和752只高音喇叭"),
    and two quantities back to back ("机构6家180个托位") are two targets;
  - a number + unit followed by a noun with nothing after it ("加快6个“千万工程”项目建设") is a
    target named by the words after it;
  - any other number + unit is a target named by the words before it.
* The words before the number decide its kind: 增长 a growth rate, 比重/率 a share; 控制在,
  低于, 不超过, 以内 (and a price rise "3%左右") a ceiling, met by staying at or under it; a
  stock (总数, 拥有量, 基金规模, 累计…) or a standard of payment a level, reached or not by year
  end, with the value it is raised from as its base ("从574元提高到609元"); 突破 on a flow a
  threshold; otherwise a count or an amount by its unit.
* An outcome one can check stated before a listed quantity ("…高于经济增长、4个…") is a
  qualitative target of its own.
* Parts after 其中 that add up to a total before them are a breakdown, not targets.
* A clause without any target becomes a qualitative target only when it states an outcome one
  can check (同步, 清零, 全覆盖, 高于, 开放, 建立…数据库, 竣工投用…). Clauses that only describe
  effort ("加快推进“个转企”“小升规”", "激发各类民间主体投资活力") are dropped: progress against
  them cannot be judged, and the measurable result of the same item is its numeric target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kpi_desktop.domain.kinds import TargetKind, parse_number
from kpi_desktop.domain.units import (
    MONEY_BASES,
    MeasureUnit,
    convert,
    is_count,
    parse_unit,
    quantity_pattern,
)

__all__ = ["ProposedTarget", "TargetKind", "parse_number", "propose_targets"]


@dataclass(frozen=True)
class ProposedTarget:
    label: str  # a short Chinese label naming what is measured
    kind: TargetKind
    value: float | None
    unit: str  # as written: "%", "亿美元", "家", "亩"; "" for qualitative
    span: str  # the exact substring of the text the target came from
    certain: bool  # False when the parser could not tell
    note: str = ""  # why not certain, in Chinese, for the clerk
    base: float | None = None  # a level's value the text says it starts from, in `unit`

    @property
    def measure_unit(self) -> MeasureUnit | None:
        return parse_unit(self.unit) if self.unit else None


_DIGIT = "[0-9０-９]"
_NUMBER = (
    rf"[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?"  # 1,200 as typed on an English keyboard
    rf"|{_DIGIT}+(?:[.．]{_DIGIT}+)?"
)
# Time and age words after a number make it a condition ("5年以上在外过渡农户"), a date
# ("2024年", "1-2月", "2013—2017年") or an ordinal, none of which is a target. 个月 is listed
# so that "3个月" is not read as three 个. A number names a list in "世界500强", "5大结构性指标",
# "第5届": not a target either.
_CONDITION = (
    r"个月|周岁|岁|年|月|日|天|小时|期|级|星|号|届|强|大"
    r"|[—–~～\-至][0-9０-９]{1,4}(?:年|月|日)"
)
_RANGE_DASH = "—–~～-至"


def _quantity() -> re.Pattern[str]:
    """A number with its unit or condition as a target states it (full-width digits too; not
    an ordinal 第…); after a unit another number may follow ("6家180个托位")."""
    return quantity_pattern(
        _NUMBER,
        _CONDITION,
        "及以上|以上|以下|以内|左右",
        "0-9０-９A-Za-z.．第",
        "0-9０-９A-Za-z.．",
    )


_BREAKS = "，。；;！？!?\n"
# An ASCII comma breaks a clause too, unless it groups thousands ("1,650人").
_ASCII_COMMA = re.compile(r",(?![0-9]{3}(?![0-9]))|(?<![0-9]),")
# A bracketed aside: it is a clause of its own when it holds a quantity ("（南片海塘4.65公里）",
# "（其中公办30所以上）"), and part of the words around it otherwise ("（优化）", "套（间）").
_ASIDE = re.compile(r"[（(][^（()）]*[)）]")
_ITEM_SEPARATOR = "、"
# Words joining two targets of one clause: "376个村居广播室和752只高音喇叭" are two targets,
# while "50亿元以上项目2个" is one target with its size class.
_JOINS = re.compile(r"、|以及|和|及")
_LEADING_JOIN = re.compile(r"(?:、|以及|和|及|\s)+")

# Effort words that open a phrase but do not name what is measured.
_LEADING_VERBS = re.compile(
    r"^(?:[0-9０-９]{4}年|全年|力争|推动|加快|推进|实现|完成|累计认定|累计|新认定|认定|新引进|新增|新建|新投入|将|"
    r"筹集建设|建设|培育|引进|签约|落地|打造|创建|立项|促成|推出|恢复|举办|集成推广|进一步)+"
)
# Verbs between the measured thing and its number: the kind carries their meaning already.
# A rate per person ("提高到每人每月…元") says how the amount is counted, not what it is.
_TRAILING_VERBS = re.compile(
    r"(?:突破|达到|达|保持|提升至|提升到|提高至|提高到|超过|超|为|(?:每人)?每(?:月|年|天|日))+$"
)
# An item that is only one of these verbs ("推动技术改造项目开工100个、投产40个") shares the
# subject of the item before it.
_BARE_ACTIONS = frozenset(
    {"开工", "投产", "竣工", "完工", "收储", "出让", "供应", "签约", "落地", "建成", "开业"}
    | {"投用", "交付", "启动", "达产"}
)

_GROWTH_WORDS = re.compile(r"增长|增速|增幅")
# A ceiling is met by staying at or under it: "控制在4.5%以内", "低于…", "不超过…"; a rise in
# prices "3%左右" is one too.
_CEILING_BEFORE = re.compile(r"(?:控制在|低于|不超过|不高于|不大于|小于)$")
_CEILING_BOUNDS = frozenset({"以内", "以下"})
_PRICE_RISE = re.compile(r"价格涨幅|物价涨幅|价格指数|CPI")
# A stock is a level reached or not by year end, not a flow added from zero: a total, what is
# held, a fund's size, what has been recognised so far; and a standard or level of payment.
_STOCK = re.compile(r"总数|总量|拥有量|保有量|余额|累计|基金规模|资产规模|总规模")
_PAID_LEVEL = re.compile(r"标准(?!化)|水平")
# "从每人每月574元、271元分别提高到每人每月609元、300元": the levels before the verb are the
# bases of those after it.
_RAISED = re.compile(r"从(?P<bases>.*?)(?:提高|提升|增加|调整|上调)(?:到|至)")
_DECLINE_WORDS = re.compile(r"下降|减少|降低")
_SHARE_NOUNS = re.compile(r"比重|占比|比例|强度|(?<!增长)率")
_SHARE_VERBS = re.compile(r"提升至|提升到|提高至|提高到|达到|保持")

_OUTCOME_MARKERS = re.compile(
    r"同步|清零|全覆盖|覆盖|高于|低于|快于|优于|开放|数据库|建立|建成|竣工|投用|投入使用|投运|"
    r"通车|实现|完成|达标|到位"
)
# An outcome stated on its own before a listed quantity: a comparison or a clearance. A verb
# before the items of a list ("建成投用沿浦、宜山…等8家卫生院") governs the list instead.
_STANDALONE_OUTCOMES = re.compile(r"与[^、]*同步|高于|低于|快于|优于|清零|全覆盖")
# A rate's verb after it ("4个结构性指标均实现10%以上增长") says its kind; it names nothing.
_RATE_AFTER = re.compile(r"(?P<growth>增长|增速|增幅)|(?P<decline>下降|减少|降低)")

_NOTE_NO_TARGET = "未识别到量化目标或可核查的定性要求，请人工录入目标。"
_NOTE_NO_UNIT = "数字后没有可识别的计量单位，请核对目标值和单位。"
_NOTE_CLASS_OR_TARGET = "“{bound}”后面紧跟名词，可能是规模档次而非目标值，请核对。"
_NOTE_PERCENT_KIND = "未说明是增长率还是比重，请核对目标类型。"
_NOTE_PERCENT_BOTH = "同时出现增长和比重字样，请核对是增长率还是比重。"
_NOTE_DECLINE = "下降目标，已记为负增长，请核对。"
_NOTE_POINTS = "以百分点表示的变化，请核对目标类型和数值。"
_NOTE_REACH = "“达到”可能是年末存量，也可能是年内累计完成额，请核对目标类型。"


def _clean_label(raw: str) -> str:
    # A quotation cut in two by a number ("“5+3”产业") leaves a dangling quote mark.
    label = raw.strip().strip(_ITEM_SEPARATOR).replace("力争", "").lstrip("”」』").rstrip("“「『")
    stripped = _TRAILING_VERBS.sub("", _LEADING_VERBS.sub("", label))
    # A phrase made only of verbs ("新增10家") keeps its words rather than an empty label.
    return stripped or label


@dataclass(frozen=True)
class _Reading:
    """The kind of a numeric target and how sure the rules are about it."""

    kind: TargetKind
    negative: bool = False
    note: str = ""


def _read_percent(before: str, after: str = "") -> _Reading:
    rate_verb = _RATE_AFTER.match(after)
    if rate_verb is not None and rate_verb.group("decline"):
        return _Reading(TargetKind.GROWTH, negative=True, note=_NOTE_DECLINE)
    growth = _GROWTH_WORDS.search(before) is not None or rate_verb is not None
    share = _SHARE_NOUNS.search(before) is not None
    if growth and share:
        return _Reading(TargetKind.SHARE, note=_NOTE_PERCENT_BOTH)
    if growth:
        return _Reading(TargetKind.GROWTH)
    if _DECLINE_WORDS.search(before):
        return _Reading(TargetKind.GROWTH, negative=True, note=_NOTE_DECLINE)
    if share or _SHARE_VERBS.search(before):
        return _Reading(TargetKind.SHARE)
    return _Reading(TargetKind.SHARE, note=_NOTE_PERCENT_KIND)


def _is_ceiling(before: str, bound: str) -> bool:
    return (
        _CEILING_BEFORE.search(before.rstrip()) is not None
        or bound in _CEILING_BOUNDS
        or (bound == "左右" and _PRICE_RISE.search(before) is not None)
    )


def _read_kind(before: str, unit: MeasureUnit | None, bound: str = "", after: str = "") -> _Reading:
    """`before` is the clause text up to the number, `bound` the word after it (以上, 以内…):
    the verb just before the number and a 累计 anywhere in the phrase decide between amount,
    count and threshold; 控制在, 低于, 不超过 and 以内 make a ceiling."""
    if _is_ceiling(before, bound) and (unit is None or unit.base != "百分点"):
        return _Reading(TargetKind.CEILING, note="" if unit else _NOTE_NO_UNIT)
    if unit is None:
        return _Reading(TargetKind.COUNT, note=_NOTE_NO_UNIT)
    if unit.base == "%":
        return _read_percent(before, after)
    if unit.base == "百分点":
        return _Reading(TargetKind.GROWTH, note=_NOTE_POINTS)
    tail = before.rstrip()
    # A stock (market entities in total, patents held, headquarters recognised so far, a fund's
    # size) and a standard of payment are levels. 突破 on a flow ("产值突破1200亿元") is a
    # threshold; 超 alone ("规模超100亿元") an amount to exceed within the year.
    if _STOCK.search(before) or (unit.base in MONEY_BASES and _PAID_LEVEL.search(before)):
        return _Reading(TargetKind.LEVEL)
    if tail.endswith("突破"):
        return _Reading(TargetKind.THRESHOLD)
    if tail.endswith("达到"):
        return _Reading(TargetKind.THRESHOLD, note=_NOTE_REACH)
    if is_count(unit):
        return _Reading(TargetKind.COUNT)
    # Money, land, length and floor area are measured quantities, not counts of items.
    return _Reading(TargetKind.AMOUNT)


def _followed_by_noun(clause: str, end: int) -> bool:
    # A bracket opens an aside and "/" a rate's denominator ("元/人月"): neither names a thing;
    # nor does another number ("机构6家180个托位": two quantities back to back).
    rest = clause[end:].lstrip()
    if not rest or rest[0] in _ITEM_SEPARATOR + "）)（(/" or rest[0].isdigit():
        return False
    return _RATE_AFTER.match(rest) is None


def _is_range(clause: str, lower: re.Match[str], upper: re.Match[str]) -> bool:
    between = clause[lower.end() : upper.start()]
    return len(between) == 1 and between in _RANGE_DASH and bool(upper.group("unit"))


def _sizes_a_noun(clause: str, match: re.Match[str]) -> bool:
    """A quantity followed by 的 describes what it names; a percentage may be a target still."""
    unit = parse_unit(match.group("unit") or "")
    return unit is not None and unit.base != "%" and clause.startswith("的", match.end())


def _item_end(clause: str, end: int, later: re.Match[str] | None) -> int:
    """Where the words after a quantity stop naming it: at the next 、, or at 和/及 when
    another quantity follows them."""
    stop = clause.find(_ITEM_SEPARATOR, end)
    limit = later.start() if later is not None else -1
    join = _JOINS.search(clause, end, limit) if limit > end else None
    candidates = [p for p in (stop, join.start() if join else -1) if p >= 0]
    return min(candidates) if candidates else len(clause)


def _targets_in_clause(text: str, start: int, clause: str) -> list[tuple[int, ProposedTarget]]:
    """(position in `text`, target) of each numeric target in the clause."""
    quantities = [m for m in _quantity().finditer(clause) if m.group("cond") is None]
    raised = _RAISED.search(clause)
    if raised is not None and (levels := _raised_levels(text, start, clause, raised, quantities)):
        return levels
    targets = _leading_outcomes(text, start, clause, quantities)
    # where the words naming the next target begin: after any outcome stated before them
    item_start = clause.rfind(_ITEM_SEPARATOR, 0, quantities[0].start()) + 1 if targets else 0
    previous_label = ""
    upper: re.Match[str] | None = None  # the upper end of a range just read
    for index, match in enumerate(quantities):
        if match is upper:
            continue
        later = quantities[index + 1] if index + 1 < len(quantities) else None
        upper = later if later is not None and _is_range(clause, match, later) else None
        if upper is not None:
            # "6.5%—7%" is met from its lower end; the range is one target.
            later = quantities[index + 2] if index + 2 < len(quantities) else None
        end = upper.end() if upper is not None else match.end()
        if _sizes_a_noun(clause, match):
            continue  # "总投资25亿元的…项目": a description, not a target
        before_noun = _followed_by_noun(clause, end)
        if (
            before_noun
            and later is not None
            and _JOINS.search(clause, match.end(), later.start()) is None
        ):
            continue  # a size class of the next target; it stays inside that target's label

        if before_noun:
            span_end = _item_end(clause, end, later)
            label = _clean_label(clause[end:span_end])
            label = re.sub(r"建设$", "", label) or label
        else:
            span_end = end
            label = _clean_label(clause[item_start : match.start()])
            if label in _BARE_ACTIONS and previous_label[-2:] in _BARE_ACTIONS:
                label = previous_label[:-2] + label

        written_unit = match.group("unit") or (upper.group("unit") if upper else "") or ""
        unit = parse_unit(written_unit) if written_unit else None
        bound = match.group("bound") or ""
        # 以下 after a quantity that names a thing sizes a class ("35周岁以下大学生").
        reading = _read_kind(
            clause[: match.start()], unit, "" if before_noun else bound, clause[end:].lstrip()
        )
        note = reading.note
        if before_noun and bound in ("以上", "及以上", "以下"):
            note = note or _NOTE_CLASS_OR_TARGET.format(bound=bound)
        value = parse_number(match.group("num"))
        if value is not None and reading.negative:
            value = -value

        joined = _LEADING_JOIN.match(clause, item_start)
        span_start = joined.end() if joined else item_start
        target = ProposedTarget(
            label=label,
            kind=reading.kind,
            value=value,
            unit=written_unit,
            span=text[start + span_start : start + span_end],
            certain=not note,
            note=note,
        )
        targets.append((start + match.start(), target))
        previous_label = label
        item_start = span_end
    return targets


def _leading_outcomes(
    text: str, start: int, clause: str, quantities: list[re.Match[str]]
) -> list[tuple[int, ProposedTarget]]:
    """Outcomes one can check stated in the items before a clause's first quantity
    ("确保有效投资增长高于经济增长、4个结构性指标均实现10%以上增长")."""
    if not quantities:
        return []
    items = clause[: quantities[0].start()].split(_ITEM_SEPARATOR)[:-1]
    found = []
    offset = 0
    for item in items:
        if _STANDALONE_OUTCOMES.search(item) and not re.search(_DIGIT, item):
            outcome = _qualitative(text, start + offset, item)
            if outcome is not None:
                found.append((start + offset, outcome))
        offset += len(item) + 1
    return found


def _raised_levels(
    text: str, start: int, clause: str, raised: re.Match[str], quantities: list[re.Match[str]]
) -> list[tuple[int, ProposedTarget]]:
    """The levels a clause raises something to, each with the base it is raised from."""
    bases = [m for m in quantities if raised.start("bases") <= m.start() < raised.end("bases")]
    levels = [m for m in quantities if m.start() >= raised.end() and m.group("unit")]
    subject = clause[: raised.start()].strip()
    label = _clean_label(re.sub(r"分别$", "", subject))
    lead = clause.index(subject) if subject else 0
    found = []
    for index, match in enumerate(levels):
        written_unit = match.group("unit")
        base = None
        if index < len(bases) and bases[index].group("unit"):
            base_value = parse_number(bases[index].group("num"))
            from_unit, to_unit = parse_unit(bases[index].group("unit")), parse_unit(written_unit)
            if base_value is not None and from_unit is not None and to_unit is not None:
                base = convert(base_value, from_unit, to_unit)
        target = ProposedTarget(
            label=label,
            kind=TargetKind.LEVEL,
            value=parse_number(match.group("num")),
            unit=written_unit,
            span=text[start + lead : start + match.end()],
            certain=True,
            base=base,
        )
        found.append((start + match.start(), target))
    return found


def _qualitative(text: str, start: int, clause: str) -> ProposedTarget | None:
    if not _OUTCOME_MARKERS.search(clause):
        return None
    span = clause.strip()
    offset = start + clause.index(span)
    return ProposedTarget(
        label=_clean_label(span),
        kind=TargetKind.QUALITATIVE,
        value=None,
        unit="",
        span=text[offset : offset + len(span)],
        certain=True,
    )


def _holds_quantity(text: str) -> bool:
    return any(m.group("unit") for m in _quantity().finditer(text))


def clauses(text: str) -> list[tuple[int, str]]:
    """(start, clause) of every clause of `text`, in order: the text cut at full-width and
    ASCII punctuation and around bracketed asides that hold a quantity."""
    cuts = {i for i, ch in enumerate(text) if ch in _BREAKS}
    cuts.update(m.start() for m in _ASCII_COMMA.finditer(text))
    for aside in _ASIDE.finditer(text):
        if _holds_quantity(aside.group()[1:-1]):
            cuts.update((aside.start(), aside.end() - 1))
    found: list[tuple[int, str]] = []
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        if text[start:cut].strip():
            found.append((start, text[start:cut]))
        start = cut + 1
    return found


_SENTENCE_END = re.compile(r"[。；;\n]")


def _breakdowns(text: str, found: list[tuple[int, ProposedTarget]]) -> set[int]:
    """Positions of targets that only break a total down: "其中幼儿园7个、小学4个、初中1个"
    after "项目12个" add up to it. Parts that do not ("80所（其中公办30所以上）") are targets."""
    parts_of: set[int] = set()
    for mark in re.finditer("其中", text):
        opened = max((m.end() for m in _SENTENCE_END.finditer(text, 0, mark.start())), default=0)
        closed = _SENTENCE_END.search(text, mark.end())
        end = closed.start() if closed else len(text)
        parts = [(p, t) for p, t in found if mark.end() <= p < end and t.value is not None]
        totals = [t for p, t in found if opened <= p < mark.start() and t.value is not None]
        if not parts or any(t.unit != parts[0][1].unit for _, t in parts):
            continue
        whole = sum(t.value or 0 for _, t in parts)
        if any(t.unit == parts[0][1].unit and abs((t.value or 0) - whole) < 1e-9 for t in totals):
            parts_of.update(p for p, _ in parts)
    return parts_of


def propose_targets(text: str) -> list[ProposedTarget]:
    """The targets an indicator text states, in text order; never empty."""
    found: list[tuple[int, ProposedTarget]] = []
    for clause_start, clause in clauses(text):
        numeric = _targets_in_clause(text, clause_start, clause)
        if numeric:
            found.extend(numeric)
            continue
        qualitative = _qualitative(text, clause_start, clause)
        if qualitative is not None:
            found.append((clause_start, qualitative))
    parts = _breakdowns(text, found)
    proposals = [target for position, target in found if position not in parts]
    if proposals:
        return proposals
    whole = text.strip().rstrip("。；;")
    return [
        ProposedTarget(
            label=_clean_label(whole),
            kind=TargetKind.QUALITATIVE,
            value=None,
            unit="",
            span=whole,
            certain=False,
            note=_NOTE_NO_TARGET,
        )
    ]
