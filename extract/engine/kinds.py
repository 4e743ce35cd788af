"""What kind of claim a number makes (spec section 1), from its unit and the words around it.

Mentions are first grouped (paired and enumerated lists, before/after pairs), then each group
gets one kind from the rule table (rules.py), which reads its unit and the cue words around it
(cues.py); a number may then take the kind of the one before it (`inherit_kind`,
`compare_with_earlier`).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import cues, rules
from .cue_compiler import Cue
from .cues import METRIC_LINK  # noqa: F401 (fields reads it here)
from .mentions import Mention

_TO_ONLY = regex.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*|(?:with|using|at|in|for|under)\s[^,;\d]{0,30}\s)?(?:to|into)\s*$", regex.I)

# Joins between the numbers of one list: "53.1% / 54.3%", "80.3%, 61.8%, and 43.9%", and the
# aside "28.5% (maybe even 18.2%)".
# No gate: the twin's match anchored at the text's start fails at its first characters, as cheap
# as a look at how the text ends (measured per cue on the synthetic and wide corpora).
_LIST_JOIN = Cue(
    r"^\s*(?:/|,|,?\s*and|&|,?\s*or|vs\.?|versus|\((?:maybe|or|possibly|even)(?:\s+even)?)\s*$", gate=False)


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


# "8x V100s": a cue (cue_compiler), read on ASCII text by the standard engine
_DEVICE_COUNT_AFTER = Cue(r"\s*(?:NVIDIA\s+)?(?:[A-HPTV]\d{2,3}|GPUs?|nodes?)\b", case_blind=False)


def is_setting(sentence: str, m: Mention) -> bool:
    """Sizes ("7B"), resolutions ("256X256"), ratios ("8/128"), years and hardware specs."""
    if m.is_size:
        return True
    after = sentence[m.outer_end:m.outer_end + 40]
    glued = sentence[m.end:m.end + 2]  # "256X256", "8/128", "16:9"
    if len(glued) == 2 and glued[0] in "x×X/:" and glued[1].isdecimal():
        return True
    if glued[:1] == "D" and not m.unit:
        return True  # "3D bounding boxes", "RGB+3D", "3DGS", "6DoF": a dimension, part of a name
    if not m.unit and not m.decimal and 1900 <= m.value <= 2099:
        return True
    if m.unit in ("x", "") and _DEVICE_COUNT_AFTER.match(after):
        return True  # "8x V100s": a count of devices
    return bool(cues.CONSTRAINT_AFTER.match(after))


# --- grouping ------------------------------------------------------------------------------------


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
            if cues.LEFT_FROM.search(sentence, 0, last.outer_start) and _TO_ONLY.match(between):
                groups[-1].members.append(mention)
                groups[-1].before_after = True
                continue
        groups.append(Group([mention]))
    for group in groups:
        _share_unit_and_qualifier(group)
    return groups


def _share_unit_and_qualifier(group: Group) -> None:
    """A unit written once at the end of a list holds for all its numbers; so does the first
    qualifier other than "range", which is what one number is, not the list."""
    if len(group.members) == 1:  # most groups: one number keeps its unit
        qualifier = group.members[0].qualifier
        group.qualifier = "" if qualifier == "range" else qualifier
        return
    shared = next((m.unit for m in reversed(group.members) if m.unit), "")
    for member in group.members:
        member.unit = member.unit or shared
    group.qualifier = next((m.qualifier for m in group.members if m.qualifier not in ("", "range")), "")


# --- kinds ---------------------------------------------------------------------------------------


def classify(sentence: str, group: Group, metrics) -> None:
    """Set the group's kind, sign and rule (left empty: the numbers make no claim), from the
    first row of the rule table (rules.py) whose conditions hold."""
    rules.decide(sentence, group, metrics)


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
    group.kind, group.rule, group.compared_with = kind, rules.carried(kind, "compared"), compared["name"]


_INHERITABLE_RULES = ("", "score.percent", "score.metric_value")
_AND_OR_COMMA = regex.compile(r"(?:,|\band\b)")
_CLAUSE_BREAK = regex.compile(r"\b(?:achiev\w*|reach\w*|attain\w*|while|whereas|but|to)\b|[;:]", regex.I)


def inherit_kind(sentence: str, group: Group, previous: Group | None) -> None:
    """"8.6% improvement on math and 8.4% on general reasoning": the second number makes the
    same kind of claim as the first when only a short, verb-free stretch lies between them."""
    if previous is None or previous.kind not in ("delta", "speedup", "reduction") or \
            group.rule not in _INHERITABLE_RULES or group.members[0].is_word:
        return
    if previous.members[-1].unit != group.members[0].unit:
        return
    between = sentence[previous.members[-1].outer_end:group.members[0].outer_start]
    if len(between) > 70 or not _AND_OR_COMMA.search(between) or _CLAUSE_BREAK.search(between):
        return
    group.kind, group.sign, group.rule = previous.kind, previous.sign, rules.carried(previous.kind, "continued")
    group.qualifier = group.qualifier or previous.qualifier
