"""Proposing each target's achieved value from a progress text.

Units report progress in prose ("一季度新增高技能人才825人", "1-2月，…产值163.46亿元"). Reading
the figure out of it saves the clerk the typing; it is only a proposal, which she confirms or
corrects, and a confirmed figure is never replaced by a later guess (services.editing).

How a text is read:

* Placeholders ("季度数据。", "年度数据。", "推进中。") carry no figure at all.
* The "as of" month comes from markers such as "1-2月", "截至2月底", "数据截止到1月份",
  "一季度"; a figure takes the last marker before it in its sentence, else a marker after it in
  the same sentence (a trailing "（数据截止到1月份）"), else the last marker of an earlier
  sentence, else the end month of the period.
* Every number + unit is a figure, named by the words before it in its clause and, when a noun
  follows it ("4个农事服务中心项目全部开工"), by the words after it.
* A figure answers a target when its unit converts to the target's (万美元 → 亿美元, 名 → 人),
  and, where several figures or targets share a unit, when its naming words resemble the
  target's (shared character pairs), its size class agrees ("10亿元以上项目" is not "亿元以上
  项目"), and it carries the target's own verb where the target has one (投入, 开工, 出让…).
* Words of a step short of the result (立项, 申报, 谋划, 选址, 开工…) mean the figure counts
  plans or starts, not what the target counts, unless the target names that very step. A
  figure counting new items ("新获得…311件") does not answer a target on a stock
  ("拥有量突破2万件"). A noun written after a figure must be what the target counts: "建成38个
  厢房" does not answer "达标小区210个". A figure "未启动" (not started) is none done; one
  after "目标任务是…" states the target again; "施工中" is work in progress, not done.
* A bracketed aside without a quantity ("新增（优化）线路") belongs to the words around it.
* A percentage after 完成, 完成率, 总进度, 完成全年目标的, 占总计划的… or standing alone in its
  clause ("95%", "（50%）") is the share of the work done, not a rate. It goes to a target
  that has no figure of its own: the one its words name, else every target when it is the
  only such share, else the targets in order when there is one per target.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kpi_desktop.domain.kinds import TargetKind, parse_number
from kpi_desktop.domain.periods import Period
from kpi_desktop.domain.text import fold
from kpi_desktop.domain.units import MeasureUnit, convert, parse_unit, quantity_pattern


class TargetLike(Protocol):
    """What a target needs to offer: storage.models.Target and ProposedTarget both do."""

    @property
    def label(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def span(self) -> str: ...


PLACEHOLDERS: frozenset[str] = frozenset(
    {"季度数据", "年度数据", "月度数据", "推进中", "暂无数据", "暂无", "无"}
)


@dataclass(frozen=True)
class Figure:
    """A number with its unit found in a progress text."""

    value: float
    unit: str  # as written, e.g. "万美元"
    start: int  # where the number starts in the text
    end: int  # where the number, unit and bound end
    as_of_month: int | None
    context: str  # the words naming it
    growth: bool = False  # a growth or decline rate ("同比增长27%", "下降3%")
    share_of_target: bool = False  # the share of the work done ("完成60%", "完成率47.23%")
    noun: str = ""  # the thing it counts when written after it ("38个厢房")
    restated: bool = False  # the target stated again, not progress ("目标任务是要完成180人")

    @property
    def measure_unit(self) -> MeasureUnit | None:
        return parse_unit(self.unit)


@dataclass(frozen=True)
class ProposedActual:
    """A target's achieved value as read from the text, in the unit the text wrote."""

    value: float
    unit: str
    as_of_month: int
    span: str  # the text the figure was read from
    share_of_target: bool = False  # `value` is the percentage of the target done

    @property
    def completion(self) -> float | None:
        """The share of the target done, when that is what the text states."""
        return self.value / 100 if self.share_of_target else None

    def in_unit_of(self, target_unit: str) -> float | None:
        """The value in the target's unit (19431 万美元 → 1.9431 亿美元); None when they differ
        in kind (元 against 美元) or the target has no unit."""
        mine, theirs = parse_unit(self.unit), parse_unit(target_unit)
        if mine is None or theirs is None:
            return None
        return convert(self.value, mine, theirs)


_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_CONDITION = r"个月|周岁|岁|年|月份|月|日|天|小时|期|级|星|号"


def _quantity() -> re.Pattern[str]:
    """A number with its unit or condition, as progress texts write them ("约1万人", "30多家")."""
    return quantity_pattern(
        _NUMBER, _CONDITION, "及以上|以上|以下|以内|左右|多", "0-9A-Za-z.", "0-9A-Za-z."
    )


_CLAUSE_BREAK = "，,、；;。：:\n（）()"
# A bracketed aside without a quantity ("新增（优化）线路") is part of the words around it; one
# holding a quantity ("1564（55.9%）") is a clause of its own.
_ASIDE = re.compile(r"[（(][^（()）]*[)）]")
_SENTENCE = re.compile(r"[^。；;\n]+")
_GROWTH_BEFORE = re.compile(r"(?:增长|增幅|增速|增加)(?:了|为|达)?$")
_DECLINE_BEFORE = re.compile(r"(?:下降|减少|降低)(?:了|为)?$")

_CHINESE_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CHINESE_MONTHS.update({"七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12})
_MONTH = r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_AS_OF = re.compile(
    rf"1\s*[-—–~～至到]\s*(?P<range>{_MONTH})\s*月"  # 1-2月, 1—3月, 1至6月
    rf"|(?:截至|截止到|截止至|截止)(?:\d{{4}}年)?(?P<until>{_MONTH})月"  # 截止到1月份
    r"|(?P<period>前三季度|三季度|上半年|二季度|一季度|全年)"
)
_PERIOD_MONTH = {"一季度": 3, "二季度": 6, "上半年": 6, "三季度": 9, "前三季度": 9, "全年": 12}

# Steps short of the result: a figure next to them counts plans, applications or starts.
_SHORT_OF_RESULT: tuple[str, ...] = ("立项", "申报", "上报", "计划", "拟", "谋划", "储备", "选址")
_SHORT_OF_RESULT += ("开工", "在建", "招标", "招投标", "设计", "施工中")
# A figure after 目标任务是… restates the target ("目标任务是要完成180人"): it is no progress.
_RESTATED = re.compile(r"(?:目标|任务)(?:任务)?(?:是|为)")
# The verb a target names, which a figure answering it should carry where some figure does.
_TARGET_VERBS: tuple[str, ...] = ("投入", "开工", "投产", "竣工", "出让", "收储", "签约", "落地")
_TARGET_VERBS += ("引进", "认定", "立项", "开业", "投用", "恢复", "促成", "培育")
# Words counting new items, which do not measure a stock such as "拥有量" or "总数".
_INCREMENT = re.compile(r"新增|新获|新认定|新引进|新建|新培育")
# The words before a percentage that make it the share of the work done: "完成60%", "总进度70%",
# "完成率47.23%", "完成全年目标的92.1%", "占总计划的99.2%", "占全年计划110%", "为计划的101%".
_SHARE_OF_TARGET = re.compile(
    r"(?:已经?|累计)?(?:完成(?:了|总进度|进度)?|完成率(?:为|达到?|是)?|(?:总|工程|形象)?进度(?:为|达到?)?"
    r"|完成(?:了)?(?:全年|年度|总)?(?:目标|任务|目标任务|计划)(?:任务)?的"
    r"|占(?:全年|年度|总)?(?:计划|目标|任务)的?|为(?:全年|年度)?计划的)$"
)
# Where the noun after a figure stops: a verb or a particle, not part of what it counts.
_NOUN_STOP = re.compile(
    r"已|未|尚|正在|全部|均|完成|开工|建成|建设|投入|投用|实现|改造|开展|进行|施工|设置|的|等|和|及|与|共"
)
_WORDS_AFTER = re.compile(r"[\u4e00-\u9fff“”]*")
# A figure followed by these was not achieved at all: "“美丽海岸带”建设2公里未启动" is none.
_NOT_STARTED = re.compile(r"未启动|未开工|尚未启动|尚未开工|未开始")


# Full-width digits and signs as WPS re-typing leaves them, mapped one character to one so that
# positions in the read text are positions in the written one.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％－～，", "0123456789.%-~，")


def placeholder(text: str) -> str | None:
    """The placeholder a progress text is ("季度数据"), or None when it reports something."""
    core = fold(text).strip("。.；;，,")
    return core if core in PLACEHOLDERS or not core else None


def _month(match: re.Match[str], period: Period | None) -> int:
    if match.group("period"):
        month = _PERIOD_MONTH[match.group("period")]
    else:
        written = match.group("range") or match.group("until")
        month = int(written) if written.isdigit() else _CHINESE_MONTHS[written]
    if period is not None:
        month = min(month, period.end_month)
    return month


def _markers(text: str, period: Period | None) -> list[tuple[int, int]]:
    """(position, month) of every as-of marker in the text."""
    found = _AS_OF.finditer(text.translate(_HALF_WIDTH))
    return [(m.start(), _month(m, period)) for m in found]


def as_of_month(text: str, period: Period | None = None) -> int | None:
    """The latest month a text says its figures are as of, or None when it names none."""
    if placeholder(text) is not None:
        return None
    months = [month for _, month in _markers(text, period)]
    return max(months) if months else None


@functools.lru_cache(maxsize=64)
def _kept_brackets(text: str) -> frozenset[int]:
    """Positions of the brackets of asides that hold no quantity: not clause breaks."""
    kept: set[int] = set()
    for aside in _ASIDE.finditer(text):
        if not any(m.group("unit") for m in _quantity().finditer(aside.group())):
            kept.update((aside.start(), aside.end() - 1))
    return frozenset(kept)


def _breaks_at(text: str, index: int) -> bool:
    return text[index] in _CLAUSE_BREAK and index not in _kept_brackets(text)


def _clause_start(text: str, position: int) -> int:
    start = position
    while start > 0 and not _breaks_at(text, start - 1):
        start -= 1
    return start


def _clause_end(text: str, position: int) -> int:
    end = position
    while end < len(text) and not _breaks_at(text, end):
        end += 1
    return end


def _figure_month(
    markers: list[tuple[int, int]], sentences: list[tuple[int, int]], position: int
) -> int | None:
    sentence = next(((s, e) for s, e in sentences if s <= position < e), (position, position))
    before = [month for at, month in markers if sentence[0] <= at < position]
    if before:
        return before[-1]
    after = [month for at, month in markers if position <= at < sentence[1]]
    if after:
        return after[0]
    earlier = [month for at, month in markers if at < sentence[0]]
    return earlier[-1] if earlier else None


def find_figures(text: str, period: Period | None = None) -> list[Figure]:
    """Every number + unit in a progress text, with its as-of month and naming words.

    Years, months, ages ("35周岁") and list numbers ("1. ") are not figures."""
    return list(_figures_of(text, period))


# A text is read for its figures by every rule that looks at its period and the next (the
# status, the checks of this period and of the one after, the dump's every period): once is
# enough. Figures are frozen, so the cached tuple is shared safely.
@functools.lru_cache(maxsize=8192)
def _figures_of(text: str, period: Period | None) -> tuple[Figure, ...]:
    if placeholder(text) is not None:
        return ()
    text = text.translate(_HALF_WIDTH)
    markers = _markers(text, period)
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    figures: list[Figure] = []
    for match in _quantity().finditer(text):
        unit = match.group("unit")
        value = parse_number(match.group("num"))
        if match.group("cond") or not unit or value is None:
            continue
        before = text[_clause_start(text, match.start()) : match.start()]
        after = text[match.end() : _clause_end(text, match.end())]
        growth = share = False
        if unit in ("%", "％"):
            stripped = before.rstrip()
            if _GROWTH_BEFORE.search(stripped):
                growth = True
            elif _DECLINE_BEFORE.search(stripped):
                growth, value = True, -value
            else:
                share = _SHARE_OF_TARGET.search(stripped) is not None or not stripped
        if _NOT_STARTED.match(after.lstrip()):
            value = 0.0
        noun = _WORDS_AFTER.match(after)
        figures.append(
            Figure(
                value=value,
                unit=unit,
                start=match.start(),
                end=match.end(),
                as_of_month=_figure_month(markers, sentences, match.start()),
                context=(before + after).strip(),
                growth=growth,
                share_of_target=share,
                noun=_NOUN_STOP.split(noun.group() if noun else "", maxsplit=1)[0].strip("“”"),
                restated=_RESTATED.search(before) is not None,
            )
        )
    return tuple(figures)


def _pairs(text: str) -> set[str]:
    folded = fold(text)
    return {folded[i : i + 2] for i in range(len(folded) - 1)}


def _size_classes(text: str) -> frozenset[tuple[str, float]]:
    """Quantities with a unit inside naming words ("10亿元以上项目" → {(元, 1e9)})."""
    found = set()
    for match in _quantity().finditer(text):
        unit = parse_unit(match.group("unit") or "")
        value = parse_number(match.group("num"))
        if match.group("cond") is None and unit is not None and value is not None:
            found.add((unit.base, round(value * unit.scale, 6)))
    return frozenset(found)


# Words closing a noun that say nothing of what it is ("山坪塘整治工作").
_GENERIC_TAIL = re.compile(r"(?:工作|任务|工程|项目)+$")


def _names_it(noun: str, words: str) -> bool:
    """Whether the noun written after a figure is (the head of) what the target counts."""
    noun = _GENERIC_TAIL.sub("", noun) or noun
    return not noun or noun[-2:] in words


def _answers(target: TargetLike, figure: Figure) -> bool:
    """Whether `figure` measures what `target` counts, leaving naming words aside."""
    kind = TargetKind(target.kind)
    if kind is TargetKind.QUALITATIVE or target.value is None or figure.share_of_target:
        return False
    if figure.restated:
        return False
    own_words = target.span or target.label
    if not _names_it(figure.noun, own_words + target.label):
        return False  # "建成38个厢房" does not count 达标小区
    target_unit, figure_unit = parse_unit(target.unit), figure.measure_unit
    if target_unit is None or figure_unit is None or target_unit.base != figure_unit.base:
        return False
    if kind is TargetKind.GROWTH:
        return figure.growth
    if kind is TargetKind.SHARE:
        return not figure.growth
    if kind is TargetKind.CEILING:
        return True  # a rate or a level under a ceiling, written as either ("上涨2%", "为4.02%")
    if any(w in figure.context and w not in own_words for w in _SHORT_OF_RESULT):
        return False
    if kind is TargetKind.LEVEL and _INCREMENT.search(figure.context):
        return False
    return _size_classes(figure.context) == _size_classes(target.label)


def propose_actuals(
    text: str, targets: Sequence[TargetLike], period: Period
) -> list[ProposedActual | None]:
    """For each target in order, the figure of `text` that answers it, or None."""
    text = text.translate(_HALF_WIDTH)
    figures = find_figures(text, period)
    default_month = as_of_month(text, period) or period.end_month
    candidates: dict[int, list[int]] = {}
    for t_index, target in enumerate(targets):
        fitting = [f_index for f_index, f in enumerate(figures) if _answers(target, f)]
        own_words = target.span or target.label
        verbs = [v for v in _TARGET_VERBS if v in own_words]
        with_verb = [i for i in fitting if any(v in figures[i].context for v in verbs)]
        candidates[t_index] = with_verb or fitting

    # Score every pairing; a pairing with no shared naming words is kept only when it is the
    # one figure for the one target of its unit, where there is nothing to confuse.
    scored: list[tuple[int, int, int, int, int]] = []
    for t_index, fitting in candidates.items():
        target = targets[t_index]
        label_pairs = _pairs(target.label)
        sizes = _size_classes(target.label)
        for f_index in fitting:
            figure = figures[f_index]
            score = len(label_pairs & _pairs(figure.context)) + (10 if sizes else 0)
            if score == 0:
                rivals = [i for i, c in candidates.items() if i != t_index and f_index in c]
                if len(fitting) > 1 or rivals:
                    continue
            month = figure.as_of_month or default_month
            scored.append((score, month, figure.start, t_index, f_index))
    scored.sort(reverse=True)

    chosen: list[ProposedActual | None] = [None] * len(targets)
    used: set[int] = set()
    for _score, month, _start, t_index, f_index in scored:
        if chosen[t_index] is not None or f_index in used:
            continue
        figure = figures[f_index]
        used.add(f_index)
        chosen[t_index] = _proposal(text, figure, month)
    _shares_of_work(text, figures, targets, chosen, default_month)
    return chosen


def _proposal(text: str, figure: Figure, month: int) -> ProposedActual:
    return ProposedActual(
        value=figure.value,
        unit=figure.unit,
        as_of_month=month,
        span=text[_clause_start(text, figure.start) : figure.end],
        share_of_target=figure.share_of_target,
    )


_RATES = (TargetKind.GROWTH, TargetKind.SHARE, TargetKind.CEILING)


def _shares_of_work(
    text: str,
    figures: list[Figure],
    targets: Sequence[TargetLike],
    chosen: list[ProposedActual | None],
    default_month: int,
) -> None:
    """Give the targets still without a figure the share of the work done the text states.

    A share naming what it measures ("室内装修工程完成80%") goes to the target it names, if
    any. A share standing alone ("95%", "完成60%", "（50%）", "占全年计划110%") is the whole
    item's when it is the only one, and the targets' in order when there is one per target, or
    one per line where an item written over several rows reports one line per row."""
    waiting = [
        i for i, t in enumerate(targets) if chosen[i] is None and TargetKind(t.kind) not in _RATES
    ]
    if not waiting:
        return
    shares = [f for f in figures if f.share_of_target]
    alone = [f for f in shares if not _SHARE_OF_TARGET.sub("", _words_before(text, f))]
    for figure in shares:
        if figure in alone:
            continue
        words = _pairs(_words_before(text, figure))
        named = [i for i in waiting if len(words & _pairs(targets[i].label)) >= 2]
        if len(named) == 1:
            chosen[named[0]] = _proposal(text, figure, figure.as_of_month or default_month)
            waiting.remove(named[0])
    lines = _per_line(text, alone, len(targets))
    if len(alone) == 1:
        pairs = [(i, alone[0]) for i in waiting]
    elif len(alone) == len(waiting):
        pairs = list(zip(waiting, alone, strict=True))
    elif lines is not None:
        pairs = [(i, share) for i in waiting if (share := lines[i]) is not None]
    else:
        pairs = []
    for t_index, figure in pairs:
        chosen[t_index] = _proposal(text, figure, figure.as_of_month or default_month)


def _per_line(text: str, alone: list[Figure], targets: int) -> list[Figure | None] | None:
    """The share standing alone in each line, when the text has one line per target."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if len(starts) != targets or targets < 2:
        return None
    ends = [*starts[1:], len(text) + 1]
    found: list[Figure | None] = []
    for start, end in zip(starts, ends, strict=True):
        mine = [f for f in alone if start <= f.start < end]
        found.append(mine[0] if len(mine) == 1 else None)
    return found


def _words_before(text: str, figure: Figure) -> str:
    """The words before a figure in its clause, without 已/累计 and the like."""
    return text[_clause_start(text, figure.start) : figure.start].strip()
