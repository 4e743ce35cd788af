"""Claim extraction: from a paper's abstract to rows of the claims table (spec sections 1-4).

The work per sentence, in order:
1. find numeric mentions (mentions.py) and the names around them (vocab.py, names.py);
2. drop mentions that are parts of names ("MATH 500", "A100 80GB"), sizes ("7B") or settings;
3. group paired and enumerated lists ("53.1% / 54.3%", "80.3%, 61.8%, and 43.9%") (kinds.py);
4. decide each group's kind from its unit and the cue words around it (kinds.py, cues.py);
5. fill subject, benchmark, metric, hardware, baseline and condition (fields.py).
"""
from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, NamedTuple

import regex

from . import units, vocab
from .fields import (SentenceReading, attached_subject, average_qualifier, named_metric, usual_metric, baseline_of,
                     before_subject, benchmarks_in, condition_of, efficiency_metric, ends_in_training_context,
                     hardware_of, introduced_benchmarks, list_subjects, metric_of, nearest_benchmark, paired_metrics,
                     paired_names, quality_metrics, subject_of)
from .kinds import (ABSOLUTE_KINDS, Group, classify, compare_with_earlier, group_mentions,
                    inherit_kind, is_setting)
from .benchmark_names import KEYWORD_SCAN, marked_benchmarks
from .mentions import Mention, NumberWords, find_mentions, may_hold_number, may_hold_number_word
from .names import Name, NotSystems, find_names, system_name
from .not_claims import NotClaims, is_interval_of_previous
from ..output.schema import COLUMNS, Paper
from ..reading.sentences import split_sentences
from ..reading.text import normalise

if TYPE_CHECKING:
    import pandas as pd


def extract_paper(paper: Paper) -> list[dict]:
    """Rows (dicts keyed by COLUMNS) for one paper, ordered by char_start."""
    norm = normalise(paper.abstract)
    spans = split_sentences(norm.text)
    sentences = [norm.text[start:end] for start, end in spans]
    context = _Context(paper.title, norm.text, sentences)
    number_words = may_hold_number_word(norm.text)  # most abstracts have none: looked for once
    rows: list[dict] = []
    for index, (sent_start, sent_end) in enumerate(spans):
        if not may_hold_number(sentences[index], number_words):
            continue
        context.index = index
        sentence_rows = _sentence_rows(sentences[index], context, number_words)
        source_sentence = paper.abstract[slice(*norm.source_span(sent_start, sent_end))] if sentence_rows else ""
        for row in sentence_rows:
            start, end = norm.source_span(sent_start + row.pop("_start"), sent_start + row.pop("_end"))
            row["paper_id"] = paper.paper_id  # item by item: no keyword dict per row
            row["title"] = paper.title
            row["sentence"] = source_sentence
            row["char_start"] = start
            row["char_end"] = end
            row["date"] = paper.date
            rows.append(row)
    if len(rows) > 1:  # none or one: nothing to sort
        rows.sort(key=_CHAR_START)
    return rows


_CHAR_START = operator.itemgetter("char_start")


def extract_claims(papers: Iterable[Paper]) -> pd.DataFrame:
    """The claims table for `papers`, columns exactly as spec section 2."""
    import pandas as pd  # here only: `claimboard extract` and its workers never make a frame

    rows = [row for paper in papers for row in extract_paper(paper)]
    return pd.DataFrame(rows, columns=list(COLUMNS))


# How many sentences back a benchmark or metric carries: an abstract sets its benchmark near
# the numbers that need it, and looking further costs a scan of every earlier sentence.
_CARRY_REACH = 3
# "trained on the X dataset": X is training data, never a result's benchmark
_TRAINED_ON = regex.compile(r"(?:pre-?train\w*|train(?:s|ed|ing)?|fine-?tun\w*)\s+(?:\w+\s+){0,2}$", regex.I)


class _Context:
    """What the abstract as a whole and its earlier sentences set. The abstract's own reading
    (the benchmarks it marks, the terms it defines, its own system) is done when a sentence
    first has numbers that may be claims: most sentences, and many abstracts, have none.
    A score that names no benchmark or metric takes the one the nearest earlier sentence
    names alone, or else the one benchmark all the earlier sentences name (spec section 2);
    the names of sentences with numbers are kept from their own reading."""

    def __init__(self, title: str, text: str, sentences: list[str]) -> None:
        self.title = title
        self.text = text
        self.sentences = sentences
        self.index = 0
        self.last_amount: dict | None = None  # the latest throughput, latency or memory row
        # what each sentence names, by index: [benchmarks (a set), metric named alone]
        self._named: tuple[dict[int, frozenset[str]], dict[int, str]] = ({}, {})

    @functools.cached_property
    def introduced(self) -> tuple[str, ...]:
        """The benchmarks the abstract introduces or marks (spec section 4): found in every
        sentence, to carry."""
        keywords = KEYWORD_SCAN.scan(self.text)  # one scan of the keywords for both
        return tuple(dict.fromkeys(introduced_benchmarks(self.text, keywords.lower_case) +
                                   marked_benchmarks(self.text, keywords=keywords)))

    @functools.cached_property
    def not_systems(self) -> NotSystems:
        """Names that are no system: the abstract's benchmarks and the terms it defines."""
        return NotSystems(self.text, self.introduced)

    @functools.cached_property
    def own(self) -> str:
        """The paper's own system (names.system_name)."""
        return system_name(self.title, self.text, self.not_systems)

    def names_of(self, sentence: str) -> tuple[list, list, list]:
        """The benchmarks, quality metrics and hardware of the current sentence; the first two
        kept for later ones. The three vocabularies are read in one pass."""
        known_benchmarks, known_metrics, hardware = vocab.names_scan().find_all(sentence)
        benchmarks = benchmarks_in(sentence, self.introduced, known_benchmarks)
        metrics = quality_metrics(sentence, known_metrics)
        self._named[0][self.index] = self._usable_benchmarks(sentence, benchmarks)
        self._named[1][self.index] = self._metric_alone(metrics)
        return benchmarks, metrics, hardware

    @staticmethod
    def _usable_benchmarks(sentence: str, benchmarks) -> frozenset[str]:
        return frozenset(name for start, _, name in benchmarks if not ends_in_training_context(sentence[:start]))

    @staticmethod
    def _metric_alone(metrics) -> str:
        named = {name for _, _, name in metrics}
        return named.pop() if len(named) == 1 else ""

    def _benchmarks_of(self, index: int) -> frozenset[str]:
        """The benchmarks sentence `index` names (not as training data); an earlier sentence
        is read only when asked."""
        named = self._named[0]
        if index not in named:
            sentence = self.sentences[index]
            named[index] = self._usable_benchmarks(sentence, benchmarks_in(sentence, self.introduced))
        return named[index]

    def _metric_of(self, index: int) -> str:
        named = self._named[1]
        if index not in named:
            named[index] = self._metric_alone(quality_metrics(self.sentences[index]))
        return named[index]

    @property
    def benchmark(self) -> str:
        """The benchmark carried to the current sentence (asked once per sentence: _Carried)."""
        for index in range(self.index - 1, max(-1, self.index - 1 - _CARRY_REACH), -1):
            if len(named := self._benchmarks_of(index)) == 1:
                return next(iter(named))
        # "evaluated on the nuScenes dataset. ... Our results show ... (four sentences on)"
        earlier: set[str] = set()
        for index in range(self.index - 1, -1, -1):
            earlier |= self._benchmarks_of(index)
            if len(earlier) > 1:
                return ""  # several: none carries
        return earlier.pop() if earlier else self._only_marked_benchmark()

    def _only_marked_benchmark(self) -> str:
        """The one benchmark the abstract marks, where an earlier sentence names it after words
        that leave open whether it is data or the test ("leveraging the MIMIC-Eye dataset",
        "Using the BBQ benchmark": golden/README.md, an earlier sentence that plainly sets it),
        not as what the system was trained on; "" where it marks none or several."""
        if len(self.introduced) != 1:
            return ""
        name = self.introduced[0]
        for sentence in self.sentences[:self.index]:
            at = sentence.find(name)
            if at >= 0 and not _TRAINED_ON.search(sentence, max(0, at - 40), at):
                return name
        return ""

    def metric_for(self, benchmark: str) -> str:
        """The metric the nearest earlier sentence names alone; none where that sentence
        reports on other benchmarks than `benchmark` ("29.9 nDCG@10 on BRIGHT. ... improves
        MMLU performance by 6.4%": nDCG@10 is BRIGHT's metric, not MMLU's)."""
        for index in range(self.index - 1, max(-1, self.index - 1 - _CARRY_REACH), -1):
            if found := self._metric_of(index):
                named = self._benchmarks_of(index)
                return "" if benchmark and named and benchmark not in named else found
        return ""


# --- one sentence ---------------------------------------------------------------------------------

class _Names(NamedTuple):
    """The names found in a sentence, as (start, end, name) spans: the paper's own system, the
    systems the sentence names, and its benchmarks, quality metrics and hardware; what the
    earlier sentences carry to it; and what its numbers' fields share of the sentence (read once
    for all of its groups, each part when first asked)."""
    own: str
    systems: list
    benchmarks: list
    metrics: list
    hardware: list
    carried: _Carried
    reading: SentenceReading


class _Carried:
    """What the earlier sentences carry to the current one's rows (_Context.benchmark and
    metric_for): the same for every row of the sentence, so asked of the context once per
    sentence, and only when a row needs it."""

    __slots__ = ("_context", "_benchmark", "_metrics")

    def __init__(self, context: _Context) -> None:
        self._context = context
        self._benchmark: str | None = None
        self._metrics: dict[str, str] = {}

    @property
    def benchmark(self) -> str:
        if self._benchmark is None:
            self._benchmark = self._context.benchmark
        return self._benchmark

    def metric_for(self, benchmark: str) -> str:
        metric = self._metrics.get(benchmark)
        if metric is None:
            metric = self._metrics[benchmark] = self._context.metric_for(benchmark)
        return metric


def _sentence_rows(sentence: str, context: _Context, number_words: NumberWords) -> list[dict]:
    # sizes, years and other settings make no claim whatever names stand around them: a
    # sentence with no other number is not searched for names (a later one may still ask)
    mentions = _claim_like(sentence, [m for m in find_mentions(sentence, number_words)
                                      if not is_setting(sentence, m)])
    if not mentions:
        return []
    benchmarks, metrics, hardware = context.names_of(sentence)
    occupied = [(start, end) for start, end, _ in benchmarks + metrics + hardware]
    groups = _classified_groups(sentence, [m for m in mentions if not _inside(m, occupied)], metrics, context)
    if not any(group.kind for group in groups):
        return []
    own = context.own
    systems, hardware = _names_around_claims(sentence, context, groups, own, hardware, occupied)
    found = _Names(own, systems, benchmarks, metrics, hardware, _Carried(context), SentenceReading(sentence))
    # a number's settings are read up to where the next number of the sentence starts
    starts = [group.members[0].outer_start for group in groups[1:]] + [len(sentence)]
    rows = [row for group, start in zip(groups, starts) if group.kind
            for row in _rows(sentence, group, found, context, start)]
    _remember_last_amount(context, rows)
    return rows


def _classified_groups(sentence: str, mentions: list[Mention], metrics, context: _Context) -> list[Group]:
    """The sentence's numbers grouped into lists, each group's kind decided (kinds.py), then the
    rules that read a group beside its neighbours: named values, changes "by" a margin."""
    groups = group_mentions(sentence, mentions)
    previous: Group | None = None
    for group in groups:
        classify(sentence, group, metrics)
        inherit_kind(sentence, group, previous)
        compare_with_earlier(sentence, group, context.last_amount)
        previous = group if group.kind else previous
    if "=" in sentence:
        _score_named_values(sentence, groups)
    if " by " in sentence:
        _changes_by(sentence, groups)
    return groups


def _names_around_claims(sentence: str, context: _Context, groups: list[Group], own: str, hardware: list,
                         occupied: list[tuple[int, int]]) -> tuple[list[Name], list]:
    """The sentence's system names (not the abstract's benchmarks or terms, not a name of data
    ("OpenStreetMap data"), not inside a benchmark, metric or hardware name) and its hardware
    but what a system's name holds. A number attached to a name after a score is a score too
    (_score_attached_numbers)."""
    names = [name for name in find_names(sentence, own)
             if name.name not in context.not_systems and not _NAMES_DATA.match(sentence, name.end)]
    _score_attached_numbers(sentence, groups, names)
    # "CloudMatrix-Infer" is a system named after the CloudMatrix hardware: the longer name wins
    hardware = [(start, end, hw) for start, end, hw in hardware
                if not any(name.start <= start and end < name.end for name in names)]
    return [name for name in names if not _within(name, occupied)], hardware


def _remember_last_amount(context: _Context, rows: list[dict]) -> None:
    """The sentence's last throughput, latency or memory row, for a later "2x that" to compare with."""
    for row in reversed(rows):
        if row["kind"] in ABSOLUTE_KINDS:
            context.last_amount = row
            return


def _score_attached_numbers(sentence: str, groups: list[Group], names) -> None:
    """ "Qwen3-8B reaches 61.5, ahead of Llama-3.1-8B (55.0) and Mistral-7B (48.7)", "A achieves
    78%, followed by B (72%)": a number attached to another system right after a score is that
    system's score on the same measure (issue 11: lists advance)."""
    for previous, group in zip(groups, groups[1:]):
        number = group.members[0]
        if not group.kind and previous.kind == "score" and len(group.members) == 1 and \
                number.unit == previous.members[-1].unit and attached_subject(sentence, number, names):
            group.kind, group.rule = "score", "score.attached"


# "outperforming X by large margins: 16.3% on A", "by a clear margin of 2.1%": the margin is a
# change; "mAP falling by 47.3%": a fall. (Cue words of kinds.py's kind; kept here beside the one
# rule that reads them, as cues.py is being rewritten into declarations, issue 12.)
_BY_A_MARGIN = regex.compile(
    # a dot inside a name is no sentence end: "outperforming Qwen2.5VL by relative margins of"
    r"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*|improv\w*|lead\w*|ahead)\b(?:[^.;]|\.(?=\w)){0,80}?\bby\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,2}?margins?\s*(?:of|:)?\s*(?:up\s+to\s+|about\s+|over\s+)?$", regex.I)
_FALLING_BY = regex.compile(r"\b(?:fall\w*|dropp?\w*|declin\w*|degrad\w*)\s+by\s*$", regex.I)


def _changes_by(sentence: str, groups: list[Group]) -> None:
    """Scores that are changes: a margin over other systems, a fall (see _BY_A_MARGIN); the
    numbers of a list after a margin ("16.3% on A, 13.9% on B") are margins too."""
    previous: Group | None = None
    for group in groups:
        left = sentence[max(0, group.members[0].outer_start - 120):group.members[0].outer_start]
        if group.kind == "score" and not group.before_after and group.members[-1].unit in ("%", "pp", "points", "") \
                and " by " in left:  # a cheap first look: both cues hold "by"
            if "margin" in left and _BY_A_MARGIN.search(left):
                group.kind, group.rule = "delta", "delta.margin"
            elif _FALLING_BY.search(left[-30:]):
                group.kind, group.sign, group.rule = "delta", -1, "delta.fall"
        if group.kind == "score" and previous is not None and previous.rule in ("delta.margin", "delta.continued"):
            inherit_kind(sentence, group, previous)
        previous = group if group.kind else previous


def _score_named_values(sentence: str, groups: list[Group]) -> None:
    """ "BLEU-1 = 55.14", "raw agreement = 91%": a number set equal to a name that is no setting
    or statistic is a score on that metric (issue 11 item 6)."""
    for group in groups:
        number = group.members[0]
        # a whole number without a unit is a count or a setting ("n = 12", "x.y = 1")
        if not group.kind and len(group.members) == 1 and (number.decimal or number.unit) and \
                named_metric(sentence, number):
            group.kind, group.rule = "score", "score.named_value"


class _MeasuredAs(NamedTuple):
    """How the amount a number is set against was measured: "2x that" takes its hardware and metric."""
    hardware: str
    hardware_count: int | None
    metric: str


@dataclass(slots=True)
class _GroupFields:
    """What the members of a group share: their subjects (one, or one per member), the amount
    they are set against, the names a list pairs with, the baseline, the settings after a list
    (None: each member's own) and the rule."""
    subjects: list[str]
    measured_as: _MeasuredAs | None
    benchmarks: list[str] | None
    metrics: list[str] | None
    baseline: str
    condition: str | None
    rule: str
    group_metric: str | None = None  # metric_of, the same for every member (it reads the group): asked once


def _rows(sentence: str, group: Group, found: _Names, context: _Context, next_start: int) -> list[dict]:
    """One row per number of a classified group, its fields read from the sentence."""
    shared = _group_fields(sentence, group, found, context, next_start)
    subjects = shared.subjects
    rows = []
    for index, mention in enumerate(group.members):  # (a loop here, not a call per row: rows are many)
        subject = subjects[index] if index < len(subjects) else subjects[-1]
        condition = condition_of(sentence, group, index, next_start, found.reading) if shared.condition is None \
            else shared.condition
        if group.before_after and index == 0:
            condition = "; ".join(filter(None, ("before", condition)))
            subject = before_subject(sentence, mention, found.systems) or subject
        benchmark, metric, hardware, hardware_count = _measured_on(sentence, group, index, mention, shared, found)
        value = mention.value * mention.sign * (group.sign if group.kind == "delta" else 1)
        value_si, unit_si = units.to_si(value, mention.unit)
        rows.append({
            "kind": group.kind, "subject": subject, "benchmark": benchmark, "metric": metric,
            "value": value, "value_low": mention.low, "value_high": mention.high,
            "unit": mention.unit, "value_si": value_si, "unit_si": unit_si,
            "qualifier": mention.qualifier or group.qualifier or average_qualifier(sentence, mention),
            "baseline": shared.baseline, "hardware": hardware, "hardware_count": hardware_count,
            "condition": condition, "rule": shared.rule, "_start": mention.start, "_end": mention.end,
        })
    return rows


def _group_fields(sentence: str, group: Group, found: _Names, context: _Context, next_start: int) -> _GroupFields:
    members = group.members
    listed = len(members) > 1
    paired_subjects = None
    reading = found.reading
    if group.compared_with:  # the subject of every member, measured as the amount it is set against
        subjects = [group.compared_with]
        last = context.last_amount
        measured_as = _MeasuredAs(last["hardware"], last["hardware_count"], last["metric"])
    else:
        paired_subjects = list_subjects(sentence, group, found.systems) if listed else None
        subjects = paired_subjects or [subject_of(sentence, members[0], found.own, found.systems, reading)]
        measured_as = None
    return _GroupFields(
        subjects, measured_as,
        benchmarks=paired_names(found.benchmarks, len(members), sentence, members[-1].outer_end,
                                bool(paired_subjects)) if listed else None,
        metrics=paired_metrics(sentence, group, found.metrics) if listed and group.kind in _QUALITY_KINDS else None,
        baseline=baseline_of(sentence, group) if group.kind in _CHANGE_KINDS else "",
        condition=None if group.before_after else condition_of(sentence, group, 0, next_start, reading),
        rule=group.rule + (".list" if listed and not group.before_after else ""))


_QUALITY_KINDS = ("score", "delta")
_CHANGE_KINDS = ("delta", "speedup", "reduction")  # the kinds measured against a baseline


def _measured_on(sentence: str, group: Group, index: int, mention: Mention, shared: _GroupFields,
                 found: _Names) -> tuple[str, str, str, int | None]:
    """Where and how a number was measured: its benchmark, metric, hardware and hardware count.
    A score's benchmark and metric are carried from earlier sentences when the sentence names
    none; an efficiency number's benchmark stands after it."""
    benchmark = shared.benchmarks[index] if shared.benchmarks else ""
    if group.kind in _QUALITY_KINDS:
        benchmark = benchmark or nearest_benchmark(found.benchmarks, sentence, mention) or found.carried.benchmark
        # named beside it, set equal to it, carried from an earlier sentence, or its benchmark's usual one
        if not shared.metrics and shared.group_metric is None:
            shared.group_metric = metric_of(sentence, group, mention, found.metrics)
        metric = shared.metrics[index] if shared.metrics else \
            shared.group_metric or named_metric(sentence, mention) or \
            found.carried.metric_for(benchmark) or usual_metric(benchmark)
        hw, count = "", None
    else:
        benchmark = benchmark or _efficiency_benchmark(sentence, group, index, found)
        metric = efficiency_metric(sentence, group, mention)
        hw, count = hardware_of(sentence, mention, found.hardware)
    if shared.measured_as:  # "2x that": measured as the amount it is set against
        hw, count, metric = hw or shared.measured_as.hardware, count or shared.measured_as.hardware_count, \
            shared.measured_as.metric
    return benchmark, metric, hw, count


def _efficiency_benchmark(sentence: str, group: Group, index: int, found: _Names) -> str:
    """An efficiency number's benchmark (fields.nearest_benchmark); a list's members share the
    one set before the first ("on X, is 8x, 5x, and 8x faster")."""
    mention = group.members[index]
    return nearest_benchmark(found.benchmarks, sentence, mention, after_only=True) or \
        (index > 0 and nearest_benchmark(found.benchmarks, sentence, group.members[0], after_only=True)) or ""


# "OpenStreetMap data", "DASS benchmarks": a name before these describes data, it is no system
_NAMES_DATA = re.compile(r"\s+(?:data|datasets?|benchmarks?|corpus|corpora|suite|splits?)\b", re.IGNORECASE)


def _claim_like(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without statistics, data splits, sampling ratios and input lengths (spec
    section 1, not_claims.py); a confidence interval's ends become the interval of the number
    before them ("0.82, 95% CI: 0.66-0.98")."""
    if not mentions:
        return mentions
    not_claims = NotClaims(sentence)  # the sentence looked at once for all its numbers
    kept: list[Mention] = []
    for mention in mentions:
        if kept and is_interval_of_previous(sentence, mention, kept[-1]):
            kept[-1].low, kept[-1].high = mention.low, mention.high
        elif not not_claims.family(mention):
            kept.append(mention)
    return kept


def _inside(mention: Mention, spans) -> bool:
    return any(s <= mention.start < e for s, e in spans)


def _within(name: Name, spans) -> bool:
    """Whether a system name lies wholly inside a benchmark, metric or hardware name."""
    return any(start <= name.start and name.end <= end for start, end in spans)


