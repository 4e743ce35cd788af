"""Claim extraction: from a paper's abstract to rows of the claims table (spec sections 1-4).

The work per sentence, in order:
1. find numeric mentions (mentions.py) and the names around them (vocabularies, system names);
2. drop mentions that are parts of names ("MATH 500", "A100 80GB"), sizes ("7B") or settings;
3. group paired and enumerated lists ("53.1% / 54.3%", "80.3%, 61.8%, and 43.9%");
4. decide each group's kind from its unit and the cue words around it (cues.py);
5. fill subject, benchmark, metric, hardware, baseline and condition from the sentence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd
import regex

from . import cues, units, vocab
from .mentions import Mention, find_mentions
from .names import find_names, is_system_token, system_name
from .schema import COLUMNS, Paper
from .sentences import split_sentences
from .text import normalise

@functools.lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int = 0):
    # regex's own cache lookup costs more than the match on short texts: keep compiled patterns.
    return regex.compile(pattern, flags)


def _re_search(pattern, text, flags=0):
    return _compiled(pattern, flags).search(text)


def _re_match(pattern, text, flags=0):
    return _compiled(pattern, flags).match(text)


def _re_fullmatch(pattern, text, flags=0):
    return _compiled(pattern, flags).fullmatch(text)


def _re_sub(pattern, replacement, text, flags=0):
    return _compiled(pattern, flags).sub(replacement, text)


MEMORY_UNITS = frozenset({"TB", "GB", "GiB", "MB", "MiB", "KB"})
RATE_UNITS = frozenset({"token/s", "frame/s", "sample/s", "image/s", "query/s", "PFLOP/s",
                        "TFLOP/s", "GFLOP/s"})
TIME_UNITS = frozenset({"ms", "us", "s", "min", "h", "d"})
QUALITY_UNITS = frozenset({"%", "pp", "points", "", "cm"})

_PER_DEVICE = regex.compile(r"^\s*per\s+(?:GPU|NPU|TPU|device|card|chip|accelerator)\b", regex.I)
_FROM_END = regex.compile(r"\bfrom\s*$", regex.I)
_TO_ONLY = regex.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*|(?:with|using|at|in|for|under)\s[^,;\d]{0,30}\s)?(?:to|into)\s*$", regex.I)
_RESPECTIVELY = regex.compile(r"\brespectively\b", regex.I)
_LIST_JOIN = regex.compile(r"^\s*(?:/|,|,?\s*and|&|,?\s*or|vs\.?|versus|\((?:maybe|or|possibly|even)(?:\s+even)?)\s*$", regex.I)
_NAME_JOIN = regex.compile(r"^\s*(?:/|,?\s*and|&|,\s*(?=\S+\s*,?\s*and\b))\s*$", regex.I)
_METRIC_LINK = regex.compile(r"^\)?\s*(?:of|=|:|is|was|reaches|reaching|at|to|by|with)?\s*$", regex.I)
_BASELINE_AFTER = regex.compile(
    r"^[^.;]{0,60}?\b(?:than|over|compared\s+(?:to|with)|versus|vs\.?|relative\s+to|against)\s+"
    r"(?:the\s+)?(?P<name>[^,.;()]{1,60})", regex.I)
_BASELINE_BEFORE = regex.compile(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+(?:the\s+)?(?P<name>[^,.;]{1,60}?)\s+by\s*$",
    regex.I)
_OWN_SYSTEM = regex.compile(
    r"\b(?:we|our\s+(?:\w+[\s-]){0,2}?(?:model|method|approach|framework|system|technique|"
    r"algorithm|pipeline|network|scheme|kernels?|implementation|proposal|solution)s?|this\s+"
    r"(?:model|method|approach|framework|system|co-design|work|technique)|it|its)\b", regex.I)
_INTRO = regex.compile(
    r"^\s*(?:(?:for\s+(?:example|instance)|notably|moreover|furthermore|additionally|importantly|"
    r"impressively|specifically|in\s+particular|empirically|overall|finally|also|further|"
    r"in\s+addition|as\s+a\s+result|in\s+contrast)\s*,\s*"
    r"|(?:with|using|on|in|for|across|after|when|compared\s+(?:to|with)|by|under|among|"
    r"evaluated\s+on|despite)\b[^,]{1,120},\s*)", regex.I)
_NOT_BENCHMARK_CONTEXT = regex.compile(
    r"(?:pre-?train\w*|trained|leverag\w+|using|with)\s+(?:\w+\s+){0,2}$", regex.I)
_UNKNOWN_BENCHMARK = regex.compile(
    r"\bon\s+(?:the\s+)?(?:widely\s+used\s+|popular\s+|challenging\s+)?"
    r"(?P<name>[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,2})\s+(?:benchmark|dataset|data\s+set|test\s+set)",
    )
_SIBLING_BENCHMARK = regex.compile(r"\s*(?:&|and|/|,)\s*(?P<suffix>\d{2,4})\b(?![.,]?\d|\s?%)")


@dataclass
class _Group:
    """Mentions read together: one number, or a paired/enumerated list of numbers."""

    members: list[Mention]
    kind: str = ""
    sign: int = 1
    rule: str = ""
    metric: str = ""
    qualifier: str = ""
    before_after: bool = False
    extra: dict = field(default_factory=dict)


def extract_paper(paper: Paper) -> list[dict]:
    """Rows (dicts keyed by COLUMNS) for one paper, ordered by char_start."""
    norm = normalise(paper.abstract)
    own = system_name(paper.title, norm.text)
    spans = split_sentences(norm.text)
    sentences = [norm.text[start:end] for start, end in spans]
    context = _Context(sentences, _introduced_benchmarks(norm.text))
    rows: list[dict] = []
    for index, (sent_start, sent_end) in enumerate(spans):
        if not _MAY_HOLD_NUMBER.search(sentences[index]):
            continue
        context.index = index
        for row in _sentence_rows(sentences[index], own, context):
            start, end = norm.source_span(sent_start + row.pop("_start"), sent_start + row.pop("_end"))
            source_sentence = paper.abstract[slice(*norm.source_span(sent_start, sent_end))]
            row.update(paper_id=paper.paper_id, title=paper.title, sentence=source_sentence,
                       char_start=start, char_end=end)
            rows.append(row)
    rows.sort(key=lambda r: r["char_start"])
    return rows


def extract_claims(papers: Iterable[Paper]) -> pd.DataFrame:
    """The claims table for `papers`, columns exactly as spec section 2."""
    rows = [row for paper in papers for row in extract_paper(paper)]
    return pd.DataFrame(rows, columns=list(COLUMNS))


# A sentence without a digit or a number word holds no claim: it is passed over unread.
_MAY_HOLD_NUMBER = re.compile(r"\d|twice|doubl|halv|tripl|magnitude|quarter|half", re.IGNORECASE)


class _Context:
    """What earlier sentences of the abstract set: a score that names no benchmark or metric
    takes the one the nearest earlier sentence names alone (spec section 2). Looked up only
    when needed, so sentences without numbers are never searched for names."""

    def __init__(self, sentences: list[str], introduced: tuple[str, ...]) -> None:
        self.sentences = sentences
        self.introduced = introduced
        self.index = 0
        self._cache: dict[int, tuple[str, str]] = {}

    def _sets(self, index: int) -> tuple[str, str]:
        if index not in self._cache:
            sentence = self.sentences[index]
            benchmarks = {b[2] for b in _benchmarks(sentence, self.introduced)
                          if not _NOT_BENCHMARK_CONTEXT.search(sentence[:b[0]])}
            metrics = {m[2] for m in _quality_metrics(sentence)}
            self._cache[index] = (benchmarks.pop() if len(benchmarks) == 1 else "",
                                  metrics.pop() if len(metrics) == 1 else "")
        return self._cache[index]

    def _carried(self, which: int) -> str:
        for index in range(self.index - 1, -1, -1):
            if found := self._sets(index)[which]:
                return found
        return ""

    @property
    def benchmark(self) -> str:
        return self._carried(0)

    @property
    def metric(self) -> str:
        return self._carried(1)


# --- one sentence --------------------------------------------------------------------------------

def _sentence_rows(sentence: str, own: str, context: _Context) -> list[dict]:
    mentions = find_mentions(sentence)
    if not mentions:
        return []
    benchmarks = _benchmarks(sentence, context.introduced)
    metrics = _quality_metrics(sentence)
    hardware = vocab.hardware().find_all(sentence)
    occupied = [(s, e) for s, e, _ in benchmarks + metrics + hardware]
    mentions = [m for m in mentions if not _inside(m, occupied) and not _is_setting(sentence, m)]
    if not mentions:
        return []
    names = [n for n in find_names(sentence, own) if not _inside_span(n, occupied)]
    rows: list[dict] = []
    previous: _Group | None = None
    for group in _groups(sentence, mentions):
        _classify(sentence, group, metrics)
        _inherit(sentence, group, previous)
        if not group.kind:
            continue
        previous = group
        rows.extend(_rows(sentence, group, own, names, benchmarks, metrics, hardware, context))
    return rows


_INTRODUCES_BENCHMARK = regex.compile(
    r"\b(?:introduces?|presents?|proposes?|releases?|builds?|constructs?)\s+(?P<name>[A-Z][\w.+-]*[\w+]),\s+"
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:benchmark|dataset)\b")


def _quality_metrics(sentence: str) -> list[tuple[int, int, str]]:
    """Quality metrics named in a sentence; efficiency measures (latency, memory ...) left out."""
    found = [m for m in vocab.metrics().find_all(sentence) if m[2] not in cues.EFFICIENCY_MEASURES
             and not _re_search(r"\bto\s+$", sentence[max(0, m[0] - 4):m[0]])]  # "to recall"
    merged: list[tuple[int, int, str]] = []
    for metric in found:
        if merged and sentence[merged[-1][1]:metric[0]].isspace():
            merged[-1] = (merged[-1][0], metric[1], merged[-1][2])  # "pass@1 accuracy" is pass@1
        else:
            merged.append(metric)
    specific = [m[2] for m in merged if m[2].endswith(" accuracy")]
    if len(set(specific)) == 1:  # "82.1% top-1 accuracy ... by 0.3% accuracy": the same accuracy
        merged = [(s, e, specific[0] if name == "accuracy" else name) for s, e, name in merged]
    return merged


def _introduced_benchmarks(text: str) -> tuple[str, ...]:
    """Benchmarks a paper introduces itself ("We introduce ESGenius, a comprehensive benchmark")."""
    return tuple(m["name"] for m in _INTRODUCES_BENCHMARK.finditer(text))


def _benchmarks(sentence: str, introduced: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """Known benchmarks, their siblings ("AIME24 & 25"), and unknown ones the text marks."""
    found = list(vocab.benchmarks().find_all(sentence))
    for name in introduced:
        for match in regex.finditer(rf"(?<![\w-]){regex.escape(name)}(?![\w-])", sentence):
            if not any(s <= match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), name))
    for start, end, name in list(found):
        sibling = _SIBLING_BENCHMARK.match(sentence, end)
        stem = _re_sub(r"\d+$", "", name)
        if sibling and stem != name and len(sibling["suffix"]) == len(name) - len(stem):
            spelled = stem + sibling["suffix"]
            found.append((end, sibling.end(), vocab.benchmarks().canonical(spelled) or spelled))
    for match in _UNKNOWN_BENCHMARK.finditer(sentence):
        if not any(s <= match.start("name") < e for s, e, _ in found):
            found.append((match.start("name"), match.end("name"), match["name"]))
    return sorted(found)


def _inside(mention: Mention, spans) -> bool:
    return any(s <= mention.start < e for s, e in spans)


def _inside_span(name, spans) -> bool:
    return any(s <= name[0] < e or name[0] <= s < name[1] for s, e in spans)


def _is_setting(sentence: str, m: Mention) -> bool:
    """Sizes ("7B"), resolutions ("256X256"), ratios ("8/128"), years and hardware specs."""
    if m.is_size:
        return True
    after = sentence[m.outer_end:m.outer_end + 40]
    if _re_match(r"[x×X/:]\d", sentence[m.end:m.end + 2]):
        return True
    if not m.unit and not m.decimal and 1900 <= m.value <= 2099:
        return True
    if m.unit in ("x", "") and _re_match(r"\s*(?:NVIDIA\s+)?(?:[A-HPTV]\d{2,3}|GPUs?|nodes?)\b", after):
        return True  # "8x V100s": a count of devices
    return bool(cues.CONSTRAINT_AFTER.match(after))


# --- grouping ------------------------------------------------------------------------------------

def _groups(sentence: str, mentions: list[Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for mention in mentions:
        if groups:
            last = groups[-1].members[-1]
            between = sentence[last.outer_end:mention.outer_start]
            compatible = not (last.unit and mention.unit and last.unit != mention.unit)
            if _LIST_JOIN.match(between) and compatible and not last.is_word and not mention.is_word:
                groups[-1].members.append(mention)
                continue
            if _FROM_END.search(sentence[:last.outer_start]) and _TO_ONLY.match(between):
                groups[-1].members.append(mention)
                groups[-1].before_after = True
                continue
        groups.append(_Group([mention]))
    for group in groups:
        shared = next((m.unit for m in reversed(group.members) if m.unit), "")
        for member in group.members:
            member.unit = member.unit or shared
        group.qualifier = next((m.qualifier for m in group.members if m.qualifier), "")
    return groups


# --- kinds ---------------------------------------------------------------------------------------

def _classify(sentence: str, group: _Group, metrics) -> None:
    first, last = group.members[0], group.members[-1]
    unit = last.unit
    left = sentence[:first.outer_start]
    right = _clause_after(sentence, last.outer_end)
    if group.before_after:
        group.kind, group.rule = ("score", "score.before_after") if unit in QUALITY_UNITS else ("", "")
        return
    if unit in MEMORY_UNITS:
        if not _re_search(r"(?:peaking\s+at|capacity\s+of|grown\s+by|\bto|\bfrom|\bwith)\s*$", left[-24:]) and not \
                _re_match(r"\s*(?:of\s+(?:data|text|\w+\s+artifacts)|to\s+\d)", right):
            group.kind, group.rule = "memory", "memory.amount"
        return
    if unit in RATE_UNITS:
        group.kind, group.rule = "throughput", "throughput.rate"
        return
    if unit in TIME_UNITS:
        limit = first.qualifier == "under" and left.rstrip().endswith("(")
        if not limit and not _re_search(r"\b(?:within|every|per|after|for)\s*$", left[-12:]):
            group.kind, group.rule = "latency", "latency.time"
        return
    if unit == "W":
        return
    if unit == "x":
        _classify_factor(group, left, right, first)
        return
    _classify_quality(group, left, right, metrics, first, last)


_INHERITABLE_RULES = ("", "score.percent", "score.metric_value")


def _inherit(sentence: str, group: _Group, previous: _Group | None) -> None:
    """"8.6% improvement on math and 8.4% on general reasoning": the second number makes the
    same kind of claim as the first when only a short, verb-free stretch lies between them."""
    if previous is None or previous.kind not in ("delta", "speedup", "reduction") or \
            group.rule not in _INHERITABLE_RULES or group.members[0].is_word:
        return
    if previous.members[-1].unit != group.members[0].unit:
        return
    between = sentence[previous.members[-1].outer_end:group.members[0].outer_start]
    if len(between) > 70 or not _re_search(r"(?:,|\band\b)", between) or \
            _re_search(r"\b(?:achiev\w*|reach\w*|attain\w*|while|whereas|but|to)\b|[;:]", between, regex.I):
        return
    group.kind, group.sign, group.rule = previous.kind, previous.sign, previous.rule.split(".")[0] + ".continued"
    group.qualifier = group.qualifier or previous.qualifier


_CLAUSE_END = regex.compile(r"[,;]|\s(?:and|while|but|whereas|which|compared|with)\s|$")


def _clause_after(sentence: str, position: int) -> str:
    """The words after a number up to the end of its clause: the cues that speak of it."""
    match = _CLAUSE_END.search(sentence, position)
    return sentence[position:match.start() + (1 if match.group().startswith((",", ";")) else 0)]


def _classify_factor(group: _Group, left: str, right: str, first: Mention) -> None:
    rule_kind = "word" if first.is_word else "factor"
    if _re_match(r"^\s*(?:\w+\s+){0,1}?(?:larger|longer|more|bigger|increase\s+in\s+(?:model\s+)?size|"
                   r"its\s+size|the\s+size|the\s+number)", right, regex.I):
        return
    if cues.RIGHT_SPEEDUP.match(right):
        group.kind = "speedup"
    elif cues.RIGHT_REDUCTION.match(right):
        group.kind = "reduction"
    elif cues.SPEED_WORDS.search(left[-60:]):
        group.kind = "speedup"
    elif _re_search(r"\b(?:reduc\w*|sav\w*|compress\w*|cheaper)", left[-60:], regex.I):
        group.kind = "reduction"
    elif _re_search(r"\bhas\s*$", left) or _re_match(r"^\s*the\s+(?:\w+\s+){0,2}(?:parameters|computation)", right, regex.I):
        group.kind = "reduction"  # "GShard, which has 1.5 times the parameters" (of ours)
    else:
        return
    group.rule = f"{group.kind}.{rule_kind}"


def _classify_quality(group: _Group, left: str, right: str, metrics, first: Mention, last: Mention) -> None:
    """A percent, point or bare number: a score, a delta, or a relative efficiency claim."""
    unit = last.unit
    near_left = left[-90:]
    right = _re_sub(r"^\s*\)", "", right)  # "28.5% (maybe even 18.2%) of computations"
    if cues.BEFORE_SETTING.search(left[-40:]) or cues.SETTING_GLOSS.search(left[-40:]):
        return  # "a compression ratio of 92.2%", "8/128 configuration (50% expert reduction)"
    if first.is_word:
        if first.unit == "%":
            if _re_search(r"\b(?:prun\w*|only|reduc\w*|us\w+|with)\s+(?:\w+\s+){0,4}$", near_left, regex.I):
                group.kind, group.rule, group.qualifier = "reduction", "reduction.word", "fraction_of_baseline"
        return
    only = cues.LEFT_ONLY.search(left) is not None
    if only and unit == "%" and cues.SPEED_OBJECT.match(right.strip()):
        group.kind, group.rule, group.qualifier = "speedup", "speedup.fraction_of_baseline", "fraction_of_baseline"
    elif cues.RIGHT_SPEEDUP.match(right):
        group.kind, group.rule = "speedup", "speedup.percent"
    elif only and cues.RIGHT_REDUCTION.match(right) and unit == "%":
        group.kind, group.rule, group.qualifier = "reduction", "reduction.fraction_of_baseline", "fraction_of_baseline"
    elif cues.RIGHT_LOSS.match(right):
        group.kind, group.sign, group.rule = "delta", -1, "delta.loss"
    elif cues.RIGHT_REDUCTION.match(right) and unit == "%":
        group.kind, group.rule = "reduction", "reduction.percent"
    elif cues.RIGHT_GAIN.match(right) or unit == "pp" or first.signed:
        group.kind, group.rule = "delta", "delta.gain"
    elif (moved := _re_search(r"\b(?P<verb>gains|gained|loses|lost)\s*$", near_left, regex.I)) is not None:
        group.kind, group.rule = "delta", "delta.gain_verb"
        group.sign = -1 if moved["verb"].lower().startswith("los") else 1
    elif (change := cues.LEFT_CHANGE_OF.search(near_left)) is not None:
        negative = _re_match(r"(?:drop|decrease|decline|degradation|loss|reduction)", change["change"], regex.I)
        group.kind, group.rule = "delta", "delta.change_of"
        group.sign = -1 if negative else 1
    elif (verb := cues.LEFT_REDUCE_VERB.search(near_left)) is not None:
        what = verb["object"].strip() or near_left[max(0, verb.start() - 40):verb.start()]
        if cues.QUALITY_OBJECT.search(what) and not cues.RESOURCE_OBJECT.search(what):
            group.kind, group.sign, group.rule = "delta", -1, "delta.reduced_quality"
        else:
            group.kind, group.rule = "reduction", "reduction.by"
    elif (verb := cues.LEFT_GAIN_VERB.search(near_left)) is not None:
        if cues.SPEED_OBJECT.search(verb["object"]) or _re_search(r"speed|accelerat", verb[0], regex.I):
            group.kind, group.rule = "speedup", "speedup.by"
        else:
            group.kind, group.rule = "delta", "delta.by"
    elif cues.LEFT_REDUCE_DIRECT.search(near_left) and unit == "%" and cues.RESOURCE_OBJECT.match(right.strip()):
        group.kind, group.rule = "reduction", "reduction.percent"
    elif unit in ("%", "cm") and _score_context(left, right, metrics, first):
        group.kind, group.rule = "score", "score.percent" if unit == "%" else "score.value"
    elif unit == "" and _bare_score(left, right, metrics, first):
        group.kind, group.rule = "score", "score.metric_value"
    if group.kind == "delta" and unit == "" and not (first.decimal or first.signed):
        if not cues.LEFT_GAIN_VERB.search(near_left):
            group.kind = ""


_SCORE_VERB = regex.compile(
    r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|maintain\w*|preserv\w*|retain\w*|scor\w*|"
    r"record\w*|yield\w*|get|gets|got|led\s+with|=)\s*(?:an?\s+)?$", regex.I)


def _score_context(left: str, right: str, metrics, first: Mention) -> bool:
    """A percent is a score when a metric is named near it or a scoring verb stands before it."""
    if metrics:
        return True
    return bool(_SCORE_VERB.search(left[-40:])) or bool(_re_match(r"\s*on\s+", right))


def _bare_score(left: str, right: str, metrics, first: Mention) -> bool:
    """A number without unit is a score only beside a metric name ("AUC = 0.955", "63.9 mAP")."""
    if cues.LEFT_SCORE_WORD.search(left):
        return True
    offset = len(left)
    for start, end, _ in metrics:
        if end <= offset and _METRIC_LINK.match(left[end:]) and offset - end < 30:
            return True
        if start >= first.outer_end and start - first.outer_end <= 2:
            return True
    if _re_search(r"\b[A-Z][\w.-]*(?:\s[\w.]+)?\s*:\s*$", left[-30:]) and first.decimal:
        return True  # "(WeTok: 0.12 vs. FLUX-VAE: 0.18)"
    if _re_search(r"\bscore\w*\b[^.]{0,40}\bfrom\s*$", left, regex.I):
        return True
    return first.decimal and bool(_re_match(r"^\s*on\s+", right)) and _re_search(r"score", left, regex.I) is not None


# --- fields --------------------------------------------------------------------------------------

def _rows(sentence, group, own, names, benchmarks, metrics, hardware, context) -> list[dict]:
    n = len(group.members)
    subjects = _list_subjects(sentence, group, names) or [_subject(sentence, group.members[0], own, names)] * n
    bench_list = _list_names(benchmarks, n) if n > 1 else None
    rows = []
    for index, mention in enumerate(group.members):
        kind = group.kind
        subject = subjects[index] if index < len(subjects) else subjects[-1]
        condition = ""
        if group.before_after:
            condition = "before" if index == 0 else ""
            if index == 0:
                subject = _before_subject(sentence, mention, names) or subject
        benchmark = bench_list[index] if bench_list else ""
        metric = ""
        if kind in ("score", "delta"):
            benchmark = benchmark or _nearest(benchmarks, sentence, mention) or \
                _unnamed_benchmark(sentence, group) or context.benchmark
            metric = _metric(sentence, group, mention, metrics) or context.metric
        else:
            benchmark = benchmark or _nearest(benchmarks, sentence, mention, after_only=True)
            metric = _efficiency_metric(sentence, group, mention)
        value = mention.value * (group.sign if kind == "delta" else 1) * (mention.sign if kind == "delta" else 1)
        hw, count = ("", None)
        if kind not in ("score", "delta"):
            hw, count = _hardware(sentence, mention, hardware)
        value_si, unit_si = units.to_si(value, mention.unit)
        rows.append({
            "kind": kind, "subject": subject, "benchmark": benchmark, "metric": metric,
            "value": value, "value_low": mention.low, "value_high": mention.high,
            "unit": mention.unit, "value_si": value_si, "unit_si": unit_si,
            "qualifier": mention.qualifier or group.qualifier or _average(sentence, mention),
            "baseline": _baseline(sentence, group, mention) if kind in ("delta", "speedup", "reduction") else "",
            "hardware": hw, "hardware_count": count, "condition": condition,
            "rule": group.rule + (".list" if n > 1 and not group.before_after else ""),
            "_start": mention.start, "_end": mention.end,
        })
    return rows


_VERB = regex.compile(
    r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|maintain\w*|preserv\w*|retain\w*|improv\w*|"
    r"outperform\w*|surpass\w*|beat\w*|exceed\w*|reduc\w*|runs|run|trains|delivers|delivering|provid\w*|"
    r"offers|yields|shows|scores|scored|records|recorded|gets|sustains|enables|led|leads|raises|boosts|"
    r"cuts|speeds|accelerates|matches|exhibit\w*|demonstrat\w*|produc\w*|expands|consum\w*|"
    r"requires|uses|use|is|was|can|could)\b", regex.I)
_NAMED_VALUE = regex.compile(r"(?P<name>[A-Z][\w.+-]*(?:\s[\w.+-]+)?)\s*:\s*$")


def _subject(sentence: str, mention: Mention, own: str, names) -> str:
    """The system a number belongs to: the name before the verb that governs the number, or
    "we"/"our model" resolved to `own`."""
    named = _NAMED_VALUE.search(sentence[max(0, mention.outer_start - 30):mention.outer_start])
    if named and any(n == named["name"] for _, _, n in names):
        return named["name"]  # "(WeTok: 0.12 vs. FLUX-VAE: 0.18)"
    start = 0
    intro = _INTRO.match(sentence)
    while intro and intro.end() < mention.outer_start:
        start = intro.end()
        intro = _INTRO.match(sentence, start)
    # the governing verb stands within a few words of the number; looking further back would
    # make long sentences cost quadratic time
    leading = _INTRO.match(sentence)
    if leading and leading.end() > mention.outer_end:
        # "With AIME24 & 25 scores of 74.0 and 60.2, Light-R1-14B-DS surpasses ...": the subject follows
        for name_start, _, name in names:
            if name_start >= leading.end():
                return name
    verbs = list(_VERB.finditer(sentence, max(start, mention.outer_start - 200), mention.outer_start))
    for verb in reversed(verbs):
        found = _agent_before(sentence, start, verb.start(), own, names)
        if found:
            return found
    if not verbs:
        # "With AIME24 & 25 scores of 74.0 and 60.2, Light-R1-14B-DS surpasses ...": the subject follows
        for name_start, _, name in names:
            if name_start >= mention.outer_end and _VERB.match(sentence, name_start + len(name) + 1):
                return name
    return own


def _agent_before(sentence: str, start: int, verb_start: int, own: str, names) -> str:
    """The name or pronoun right before a verb (within a few words), if any."""
    window_start = max(start, verb_start - 60)
    window = sentence[window_start:verb_start]
    candidates = [(s, n) for s, e, n in names if window_start <= s and e <= verb_start + 1]
    pronoun = None
    for pronoun in _OWN_SYSTEM.finditer(window):
        pass
    if candidates:
        name_start, name = candidates[-1]
        if pronoun is not None and window_start + pronoun.end() <= name_start and \
                name_start - (window_start + pronoun.end()) <= 3:
            return name  # "our model, VL-Rethinker," / "Our RT-DETR-R50"
        if pronoun is not None and window_start + pronoun.start() > name_start:
            return own
        between = sentence[name_start + len(name):verb_start]
        if _re_search(r"\b(?:than|over|with|by|of|to|on|for|from|versus|vs\.?)\b", between, regex.I) and \
                not _re_fullmatch(r"[\s\w-]{0,30}?(?:only\s+|also\s+|still\s+|further\s+|consistently\s+|significantly\s+)?", between):
            return own if pronoun is not None else ""
        return name
    if pronoun is not None:
        return own
    return ""


def _before_subject(sentence: str, mention: Mention, names) -> str:
    """In "X improves the accuracy of Y from A to B", the "before" value belongs to Y."""
    verb = _re_search(r"\b(?:improv\w+|rais\w+|increas\w+|boost\w+|lift\w+)\b", sentence[:mention.start], regex.I)
    if verb is None:
        return ""
    candidates = [n for s, e, n in names if verb.end() <= s < mention.start]
    return candidates[0] if candidates else ""


def _list_subjects(sentence: str, group: _Group, names) -> list[str] | None:
    """"RT-DETR-R50 / R101 achieves 53.1% / 54.3%": one subject per number, in order."""
    n = len(group.members)
    if n < 2 or group.before_after:
        return None
    head = sentence[:group.members[0].outer_start]
    run: list[tuple[int, int, str]] = []
    best = None
    for name in names + [(0, 0, "")]:
        if name[2] and name[0] < len(head) and run and _NAME_JOIN.match(head[run[-1][1]:name[0]]):
            run.append(name)
        else:
            if len(run) == n:
                best = run
            run = [name] if name[2] and name[0] < len(head) else []
    if best is None:
        return None
    if _re_search(r"\b(?:for|than|over|to|of)\s+(?:\S+\s+){0,2}$", head[:best[0][0]], regex.I):
        return None
    stem = _re_match(r"(.+-)[A-Za-z]+\d+$", best[0][2])
    return [stem[1] + nm if stem and "-" not in nm and i else nm for i, (_, _, nm) in enumerate(best)] if False else [nm for _, _, nm in best]


def _list_names(spans, n: int) -> list[str] | None:
    """A run of exactly `n` names joined as a list ("MathVista, MathVerse, and MathVision")."""
    if len(spans) < n:
        return None
    for i in range(len(spans) - n + 1):
        window = spans[i:i + n]
        if all(b[0] - a[1] <= 8 for a, b in zip(window, window[1:])):
            return [name for _, _, name in window]
    return None


_INTRODUCED_BY = regex.compile(r"^[^,;()]{0,60}?\b(?:on|in|for|at|across|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", regex.I)
_ON_NAME = regex.compile(r"\s*(?:on|in)\s+(?:the\s+)?(?P<name>[A-Za-z0-9][\w.+-]*[\w+])")


def _nearest(spans, sentence: str, mention: Mention, after_only: bool = False) -> str:
    """The benchmark a number is reported on: one introduced right after it ("73.5% on
    MathVista"), else the nearest before it that is not training data."""
    after = [s for s in spans if s[0] >= mention.outer_end]
    if after and _INTRODUCED_BY.match(sentence[mention.outer_end:after[0][0]]):
        return after[0][2]
    if after_only:
        leading = _re_match(r"(?:\w+,\s*)?(?:on|in)\s+(?:the\s+)?", sentence, regex.I)
        first_span = spans[0] if spans else None
        if leading and first_span and first_span[0] == leading.end():
            return first_span[2]  # "On ImageNet 256X256, ... a 28X reduction"
        return ""
    usable = [s for s in spans if not _NOT_BENCHMARK_CONTEXT.search(sentence[max(0, s[0] - 40):s[0]])]
    before = [s for s in usable if s[1] <= mention.start]
    if before:
        return before[-1][2]
    return ""


def _unnamed_benchmark(sentence: str, group: _Group) -> str:
    """"88.53% on 10-Split-CIFAR-100": a benchmark the vocabulary does not know (spec section 4)."""
    match = _ON_NAME.match(sentence, group.members[-1].outer_end)
    if match and (is_system_token(match["name"]) or "-" in match["name"] and match["name"][0].isupper()):
        if not vocab.hardware().find_all(match["name"]):
            return match["name"]
    return ""


def _metric(sentence: str, group: _Group, mention: Mention, metrics) -> str:
    """The metric of a score or delta: named right after it ("53.1% AP"), linked before it
    ("accuracy of 98.82%", "AUC = 0.955"), shortly after it, or elsewhere in the sentence."""
    first, last = group.members[0], group.members[-1]
    for start, end, name in metrics:
        if 0 <= start - last.outer_end <= 3:
            return name
    for start, end, name in metrics:
        if end <= first.outer_start and _METRIC_LINK.match(sentence[end:first.outer_start]) \
                and first.outer_start - end <= 12:
            return name
    for start, end, name in metrics:
        if 0 <= start - last.outer_end <= 25 and not _re_search(r"[,;]|\band\b", sentence[last.outer_end:start]):
            return name
    before = [(s, e, name) for s, e, name in metrics if e <= first.outer_start]
    if before:
        return before[-1][2]
    after = [(s, e, name) for s, e, name in metrics if s >= last.outer_end]
    return after[0][2] if after else ""


def _efficiency_metric(sentence: str, group: _Group, mention: Mention) -> str:
    kind = group.kind
    window = sentence[max(0, mention.outer_start - 60):mention.outer_end + 40].lower()
    if kind == "throughput":
        for word in ("prefill", "decode", "decoding", "training"):
            if word in window:
                return {"decoding": "decode"}.get(word, word) + " throughput"
        return "throughput"
    if kind == "latency":
        return "TPOT" if "tpot" in window else "training time" if "train" in window else "latency"
    if kind == "memory":
        return "memory"
    if kind == "speedup":
        return "training speed" if "train" in window else "inference speed" if "inference" in window else "speed"
    found = cues.RESOURCE_OBJECT.search(sentence[mention.outer_end:mention.outer_end + 40]) or \
        cues.RESOURCE_OBJECT.search(sentence[max(0, mention.outer_start - 60):mention.outer_start])
    return found[0].lower() if found else ""


def _hardware(sentence: str, mention: Mention, hardware) -> tuple[str, int | None]:
    count = None
    if _PER_DEVICE.match(sentence[mention.outer_end:]):
        count = 1
    if not hardware:
        return "", count
    after = [h for h in hardware if h[0] >= mention.outer_end]
    chosen = after[0] if after else hardware[-1]
    prefix = sentence[max(0, chosen[0] - 24):chosen[0]]
    number = _re_search(r"(?<![\w.])(\d[\d,]*)\s+(?:NVIDIA\s+|AMD\s+|Huawei\s+|Google\s+)?$", prefix)
    if count is None and number:
        count = int(number[1].replace(",", ""))
    elif count is None and _re_search(r"\b(?:a|an|one|single)\s+(?:\w+\s+){0,2}$", prefix, regex.I):
        count = 1
    return chosen[2], count


def _baseline(sentence: str, group: _Group, mention: Mention) -> str:
    after = _BASELINE_AFTER.match(sentence[group.members[-1].outer_end:])
    if after:
        return after["name"].strip()
    before = _BASELINE_BEFORE.search(sentence[:group.members[0].outer_start])
    return before["name"].strip() if before else ""


def _average(sentence: str, mention: Mention) -> str:
    window = sentence[max(0, mention.outer_start - 25):mention.outer_end + 25]
    return "average" if _re_search(r"\b(?:on\s+)?average\b", window, regex.I) else ""
