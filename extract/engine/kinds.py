"""What kind of claim a number makes (spec section 1), from its unit and the words around it.

Mentions are first grouped (paired and enumerated lists, before/after pairs), then each group
gets one kind: memory, throughput and latency from the unit; speedup and reduction from factor
cues; score, delta, speedup or reduction for percents and bare numbers from cue words (cues.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from . import cues
from .mentions import Mention
from .patterns import GatedCue, re_match, re_search, re_sub, text_ending

MEMORY_UNITS = frozenset({"TB", "GB", "GiB", "MB", "MiB", "KB"})
RATE_UNITS = frozenset({"token/s", "frame/s", "sample/s", "image/s", "query/s", "PFLOP/s",
                        "TFLOP/s", "GFLOP/s"})

TIME_UNITS = frozenset({"ms", "us", "s", "min", "h", "d"})
QUALITY_UNITS = frozenset({"%", "pp", "points", "", "cm"})

_FROM_END = regex.compile(r"\bfrom\s*$", regex.I)
_TO_ONLY = regex.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*|(?:with|using|at|in|for|under)\s[^,;\d]{0,30}\s)?(?:to|into)\s*$", regex.I)

# Joins between the numbers of one list: "53.1% / 54.3%", "80.3%, 61.8%, and 43.9%", and the
# aside "28.5% (maybe even 18.2%)".
_LIST_JOIN = regex.compile(
    r"^\s*(?:/|,|,?\s*and|&|,?\s*or|vs\.?|versus|\((?:maybe|or|possibly|even)(?:\s+even)?)\s*$", regex.I)
METRIC_LINK = regex.compile(r"^\)?\s*(?:of|=|:|is|was|reaches|reaching|at|to|by|with)?\s*$", regex.I)


@dataclass
class Group:
    """Mentions read together: one number, or a paired/enumerated list of numbers."""

    members: list[Mention]
    kind: str = ""
    sign: int = 1
    rule: str = ""
    qualifier: str = ""
    before_after: bool = False
    compared_with: str = ""    # "higher than DeepSeek-V3's 2,324": the system the number is of


# "8x V100s": compiled here, as re_match looks its pattern up for every number
_DEVICE_COUNT_AFTER = regex.compile(r"\s*(?:NVIDIA\s+)?(?:[A-HPTV]\d{2,3}|GPUs?|nodes?)\b")


def is_setting(sentence: str, m: Mention) -> bool:
    """Sizes ("7B"), resolutions ("256X256"), ratios ("8/128"), years and hardware specs."""
    if m.is_size:
        return True
    after = sentence[m.outer_end:m.outer_end + 40]
    glued = sentence[m.end:m.end + 2]  # "256X256", "8/128", "16:9"
    if len(glued) == 2 and glued[0] in "x×X/:" and glued[1].isdecimal():
        return True
    if not m.unit and not m.decimal and 1900 <= m.value <= 2099:
        return True
    if m.unit in ("x", "") and _DEVICE_COUNT_AFTER.match(after):
        return True  # "8x V100s": a count of devices
    return bool(cues.CONSTRAINT_AFTER.match(after))


# --- grouping ------------------------------------------------------------------------------------


def _ends_with_from(sentence: str, end: int) -> bool:
    """_FROM_END.search(sentence[:end]), behind a look at the last word: the search tries every
    position of what may be most of the sentence, for every pair of numbers."""
    before = sentence[:end].rstrip()  # strips all that regex reads as \s, and \x1c-\x1f
    if before[-4:].lower() != "from":  # nothing but "f", "r", "o", "m" match them case-blind
        return False
    return _FROM_END.search(sentence[:end]) is not None


def group_mentions(sentence: str, mentions: list[Mention]) -> list[Group]:
    """Mentions joined as lists ("53.1% / 54.3%") or before/after pairs ("from 78% to 86%");
    a unit written once at the end of a list holds for all its numbers ("108 / 74 FPS")."""
    groups: list[Group] = []
    for mention in mentions:
        if groups:
            last = groups[-1].members[-1]
            between = sentence[last.outer_end:mention.outer_start]
            compatible = not (last.unit and mention.unit and last.unit != mention.unit)
            if _LIST_JOIN.match(between) and compatible and not last.is_word and not mention.is_word:
                groups[-1].members.append(mention)
                continue
            if _ends_with_from(sentence, last.outer_start) and _TO_ONLY.match(between):
                groups[-1].members.append(mention)
                groups[-1].before_after = True
                continue
        groups.append(Group([mention]))
    for group in groups:
        if len(group.members) == 1:  # most groups: one number keeps its unit
            qualifier = group.members[0].qualifier
            group.qualifier = "" if qualifier == "range" else qualifier
            continue
        shared = next((m.unit for m in reversed(group.members) if m.unit), "")
        for member in group.members:
            member.unit = member.unit or shared
        # "range" is what one number is, not the list: other members do not take it
        group.qualifier = next((m.qualifier for m in group.members if m.qualifier not in ("", "range")), "")
    return groups


# --- kinds ---------------------------------------------------------------------------------------


def classify(sentence: str, group: Group, metrics) -> None:
    """Set the group's kind, sign and rule (left empty: the numbers make no claim)."""
    first, last = group.members[0], group.members[-1]
    unit = last.unit
    left = sentence[:first.outer_start]
    right = _clause_after(sentence, last.outer_end)
    if group.before_after and unit in QUALITY_UNITS:
        group.kind, group.rule = "score", "score.before_after"
        return
    if group.before_after and unit in MEMORY_UNITS | RATE_UNITS | TIME_UNITS:
        # "reduces latency from 120 ms to 45 ms": two absolute amounts, the first one "before"
        group.kind = "memory" if unit in MEMORY_UNITS else "throughput" if unit in RATE_UNITS else "latency"
        group.rule = f"{group.kind}.before_after"
        return
    if group.before_after:
        return
    if unit in MEMORY_UNITS:
        if not cues.MEMORY_BACKGROUND_BEFORE.search(left[-24:]) and \
                not cues.MEMORY_BACKGROUND_AFTER.match(right):
            group.kind, group.rule = "memory", "memory.amount"
        return
    if unit in RATE_UNITS:
        group.kind, group.rule = "throughput", "throughput.rate"
        return
    if unit in TIME_UNITS:
        limit = first.qualifier == "under" and left.rstrip().endswith("(")
        data = cues.DATA_AMOUNT_AFTER.match(right)  # "500 hours of speech"
        if not limit and not data and not re_search(r"\b(?:within|every|per|after|for)\s*$", left[-12:]):
            group.kind, group.rule = "latency", "latency.word" if first.is_word else "latency.time"
        return
    if unit == "W":
        return
    if unit == "x":
        _classify_factor(group, left, right, first)
        return
    _classify_quality(group, left, right, metrics, first, last)


ABSOLUTE_KINDS = ("throughput", "latency", "memory")
_POSSESSIVE_COMPARED = regex.compile(
    r"\b(?:than|to|with|vs\.?|versus|over|against)\s+(?P<name>[\w.+-]+)(?:'s|\u2019s)\s*$", regex.I)


def compare_with_earlier(sentence: str, group: Group, earlier: dict | None) -> None:
    """ "It is higher than DeepSeek-V3's 2,324 in the same setup": a bare number set against an
    amount the abstract just stated takes that amount's kind and unit, and belongs to the
    system named before it."""
    if group.kind or earlier is None or group.members[-1].unit or len(group.members) > 1:
        return
    compared = _POSSESSIVE_COMPARED.search(sentence[:group.members[0].outer_start])
    if compared is None:
        return
    kind, unit = earlier["kind"], earlier["unit"]
    group.members[0].unit = unit
    group.kind, group.rule, group.compared_with = kind, f"{kind}.compared", compared["name"]


_INHERITABLE_RULES = ("", "score.percent", "score.metric_value")


def inherit_kind(sentence: str, group: Group, previous: Group | None) -> None:
    """"8.6% improvement on math and 8.4% on general reasoning": the second number makes the
    same kind of claim as the first when only a short, verb-free stretch lies between them."""
    if previous is None or previous.kind not in ("delta", "speedup", "reduction") or \
            group.rule not in _INHERITABLE_RULES or group.members[0].is_word:
        return
    if previous.members[-1].unit != group.members[0].unit:
        return
    between = sentence[previous.members[-1].outer_end:group.members[0].outer_start]
    if len(between) > 70 or not re_search(r"(?:,|\band\b)", between) or \
            re_search(r"\b(?:achiev\w*|reach\w*|attain\w*|while|whereas|but|to)\b|[;:]", between, regex.I):
        return
    group.kind, group.sign, group.rule = previous.kind, previous.sign, previous.rule.split(".")[0] + ".continued"
    group.qualifier = group.qualifier or previous.qualifier

# The standard engine finds it at a third of the cost; its \s also takes \x1c-\x1f, which `regex`
# does not (CLAUSE_END_PLAIN is the pattern as `regex` reads it)
CLAUSE_END_PLAIN = r"[,;]|\s(?:and|while|but|whereas|which|compared|with)\s|$"
_CLAUSE_END = re.compile(CLAUSE_END_PLAIN.replace(r"\s", r"[^\S\x1c-\x1f]"))


_CLAUSE_REACH = 200


def _clause_after(sentence: str, position: int) -> str:
    """The words after a number up to the end of its clause: the cues that speak of it."""
    # a clause is short; looking further would make a long sentence cost numbers x length
    match = _CLAUSE_END.search(sentence, position, position + _CLAUSE_REACH)
    return sentence[position:match.start() + (1 if match.group().startswith((",", ";")) else 0)]


# "2x larger", "3x the number of": a size, not a gain
_LARGER_AFTER = GatedCue(r"^\s*(?:\w+\s+){0,1}?(?:larger|longer|more|bigger|increase\s+in\s+(?:model\s+)?size|"
                         r"its\s+size|the\s+size|the\s+number)",
                         contains=("larger", "longer", "more", "bigger", "size", "number"), flags=regex.I)
_REDUCE_WORD = GatedCue(r"\b(?:reduc\w*|sav\w*|compress\w*|cheaper)",
                        contains=("reduc", "sav", "compress", "cheaper"), flags=regex.I)


def _classify_factor(group: Group, left: str, right: str, first: Mention) -> None:
    rule_kind = "word" if first.is_word else "factor"
    if _LARGER_AFTER.match(right):
        return
    if cues.RIGHT_SPEEDUP.match(right):
        group.kind = "speedup"
    elif cues.RIGHT_REDUCTION.match(right):
        group.kind = "reduction"
    elif (improved := _improved(left[-90:], text_ending(left))) is not None:
        # "improves the energy efficiency by 1.36~3.58x"; "enhances reasoning depth by 2x": a delta
        group.kind = "delta" if improved == "quality" else improved
    elif cues.SPEED_WORDS.search(left[-60:]):
        group.kind = "speedup"
    elif _REDUCE_WORD.search(left[-60:]):
        group.kind = "reduction"
    elif re_search(r"\bhas\s*$", left) or re_match(r"^\s*the\s+(?:\w+\s+){0,2}(?:parameters|computation)", right, regex.I):
        group.kind = "reduction"  # "GShard, which has 1.5 times the parameters" (of ours)
    else:
        return
    group.rule = f"{group.kind}.{rule_kind}"


def _improved(left: str, ending: str) -> str | None:
    """What "improves X by" says of the number after it: speedup for speed and throughput,
    reduction for a resource's efficiency (energy, memory), quality otherwise; None without
    such a verb. In "improves A by 2x and B by 3x" the number after B speaks of B."""
    verb = cues.LEFT_GAIN_VERB.search_ending(left, ending)
    if verb is None:
        return None
    what = _LAST_CONJUNCT.split(verb["object"])[-1]
    if cues.RESOURCE_OBJECT.search(what) and re_search(r"efficien", what, regex.I):
        return "reduction"
    if cues.SPEED_OBJECT.search(what) or re_search(r"speed|accelerat", verb[0], regex.I):
        return "speedup"
    return "quality"


_LAST_CONJUNCT = regex.compile(r"\band\b|,")


def _classify_quality(group: Group, left: str, right: str, metrics, first: Mention, last: Mention) -> None:
    """A percent, point or bare number: a score, a delta, or a relative efficiency claim."""
    unit = last.unit
    near_left = left[-90:]
    ending = text_ending(left)  # one look at the last words for all the cues that end `left`
    right = _after_aside(right)
    if (cues.BEFORE_SETTING.search_ending(left[-40:], ending) and not _metric_ends_near(left, metrics)) or \
            cues.SETTING_GLOSS.search_ending(left[-40:], ending):
        return  # "a compression ratio of 92.2%", "8/128 configuration (50% expert reduction)"
    if first.is_word:
        if first.unit == "%":
            if re_search(r"\b(?:prun\w*|only|reduc\w*|us\w+|with)\s+(?:\w+\s+){0,4}$", near_left, regex.I):
                group.kind, group.rule, group.qualifier = "reduction", "reduction.word", "fraction_of_baseline"
        return
    # "only 27.7% of the data", "at 35% of the training FLOPs": a share of a baseline's resource
    only = cues.LEFT_ONLY.search_ending(left, ending) is not None or (
        _ends_with_at(left) and cues.RIGHT_FRACTION_OF.match(right) is not None)
    if only and unit == "%" and cues.SPEED_OBJECT.match(right.strip()):
        group.kind, group.rule, group.qualifier = "speedup", "speedup.fraction_of_baseline", "fraction_of_baseline"
    elif cues.RIGHT_SPEEDUP.match(right):
        group.kind, group.rule = "speedup", "speedup.percent"
    elif only and unit == "%" and (cues.RIGHT_REDUCTION.match(right) or cues.RIGHT_FRACTION_OF.match(right)):
        group.kind, group.rule, group.qualifier = "reduction", "reduction.fraction_of_baseline", "fraction_of_baseline"
    elif cues.RIGHT_LOSS.match(right):
        group.kind, group.sign, group.rule = "delta", -1, "delta.loss"
    elif unit == "%" and cues.RIGHT_REDUCTION.match(right):
        group.kind, group.rule = "reduction", "reduction.percent"
    elif cues.RIGHT_GAIN.match(right) or unit == "pp" or first.signed:
        group.kind, group.rule = "delta", "delta.gain"
    elif (moved := cues.LEFT_MOVE_VERB.search_ending(near_left, ending)) is not None:
        group.kind, group.rule = "delta", "delta.gain_verb"
        group.sign = -1 if moved["verb"].lower().startswith("los") else 1
    elif (change := cues.LEFT_CHANGE_OF.search_ending(near_left, ending)) is not None:
        negative = re_match(r"(?:drop|decrease|decline|degradation|loss|reduction)", change["change"], regex.I)
        group.kind, group.rule = "delta", "delta.change_of"
        group.sign = -1 if negative else 1
    elif (verb := cues.LEFT_REDUCE_VERB.search_ending(near_left, ending)) is not None:
        what = verb["object"].strip() or near_left[max(0, verb.start() - 40):verb.start()]
        if cues.QUALITY_OBJECT.search(what) and not cues.RESOURCE_OBJECT.search(what):
            group.kind, group.sign, group.rule = "delta", -1, "delta.reduced_quality"
        else:
            group.kind, group.rule = "reduction", "reduction.by"
    elif (improved := _improved(near_left, ending)) is not None:
        group.kind = "delta" if improved == "quality" else improved
        group.rule = f"{group.kind}.by"
    elif unit == "%" and cues.LEFT_REDUCE_DIRECT.search(near_left) and (
            cues.RESOURCE_OBJECT.match(right.strip()) or cues.RIGHT_FRACTION_OF.match(right)):
        group.kind, group.rule = "reduction", "reduction.percent"
    elif unit in ("%", "cm") and _score_context(left, right, metrics, first):
        group.kind, group.rule = "score", "score.percent" if unit == "%" else "score.value"
        if unit == "%" and cues.OF_A_BASELINE_AFTER.match(right) and \
                cues.FRACTION_OF_BASELINE.search(left[-40:]):
            group.qualifier = "fraction_of_baseline"  # "retains 98% of the original accuracy"
    elif unit == "" and _bare_score(left, right, metrics, first, ending):
        group.kind, group.rule = "score", "score.metric_value"
    if group.kind == "delta" and unit == "" and not (first.decimal or first.signed):
        if not cues.LEFT_GAIN_VERB.search_ending(near_left, ending):
            group.kind = ""


# Cheap first looks before the patterns: str.isspace takes all that `regex` reads as \s, so a
# text the pattern matches passes the plain test.

def _after_aside(right: str) -> str:
    """`right` without the ")" that closes an aside the number stands in: "28.5% (maybe even
    18.2%) of computations"."""
    if right.lstrip().startswith(")"):
        return re_sub(r"^\s*\)", "", right)
    return right


def _ends_with_at(left: str) -> bool:
    """ "at 35% of the training FLOPs" """
    return "at" in left[-6:] and re_search(r"\bat\s*$", left[-6:]) is not None


def _ends_with_label(left: str) -> bool:
    """ "(WeTok: 0.12 vs. FLUX-VAE: 0.18)" """
    return left[-30:].rstrip().endswith(":") and \
        re_search(r"\b[A-Z][\w.-]*(?:\s[\w.]+)?\s*:\s*$", left[-30:]) is not None


def _metric_ends_near(left: str, metrics) -> bool:
    """A metric name ends right before the number ("win rate of")."""
    return any(len(left) - 12 <= end <= len(left) for _, end, _ in metrics)


_SCORE_VERB = regex.compile(
    r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|maintain\w*|preserv\w*|retain\w*|scor\w*|"
    r"record\w*|yield\w*|get|gets|got|led\s+with|resolv\w*|solv\w*|succeed\w*\s+in|pass\w*|"
    r"(?:up|down)\s+from|=)\s*(?:an?\s+)?$", regex.I)


_SCORING_WORD = GatedCue(
    r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|scor\w*|record\w*|get|gets|got)\s+(?:an?\s+)?$",
    contains=("achiev", "attain", "reach", "obtain", "scor", "record", "get", "got"), flags=regex.I)


def _score_context(left: str, right: str, metrics, first: Mention) -> bool:
    """A percent is a score when a metric is named near it or a scoring verb stands before it."""
    if metrics:
        return True
    return bool(_SCORE_VERB.search(left[-40:])) or bool(re_match(r"\s*on\s+", right))


def _bare_score(left: str, right: str, metrics, first: Mention, ending: str) -> bool:
    """A number without unit is a score only beside a metric name ("AUC = 0.955", "63.9 mAP")."""
    if cues.LEFT_SCORE_WORD.search_ending(left, ending):
        return True
    if first.decimal and _SCORING_WORD.search(left[-40:]) and not first.signed:
        return True  # "FooNet scores 45.6", "achieves 63.9 mAP"
    offset = len(left)
    for start, end, _ in metrics:
        if end <= offset and METRIC_LINK.match(left[end:]) and offset - end < 30:
            return True
        if start >= first.outer_end and start - first.outer_end <= 2:
            return True
    if first.decimal and _ends_with_label(left):
        return True  # "(WeTok: 0.12 vs. FLUX-VAE: 0.18)"
    if cues.LEFT_SCORE_FROM.search_ending(left, ending):
        return True
    return first.decimal and bool(re_match(r"^\s*on\s+", right)) and re_search(r"score", left, regex.I) is not None


# --- fields --------------------------------------------------------------------------------------
