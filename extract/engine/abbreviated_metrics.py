"""Metrics the text names and abbreviates at once: "average word pronunciation accuracy (AWPA)".
The abbreviation is the metric's name (golden/README.md: the metric as the text names it), where
its capitals are the initials of the words the name ends with; the vocabulary's name where it
knows the abbreviation ("mean absolute error (MAE)" stays MAE). The span then covers the
brackets, so "accuracy (AWPA) by 31%" links the name to the number as "accuracy by 31%" would.
"""
from __future__ import annotations

import regex

from . import vocab

# "(AWPA)", "(mAP@50)": an abbreviation in brackets right after a name, two capitals at least
_ABBREVIATION_AFTER = regex.compile(r"\s*\((?P<short>[A-Za-z]*[A-Z][A-Za-z]*[A-Z][\w@.-]*)\)")
_WORD_STARTS = regex.compile(r"(?<![\w'])[A-Za-z]")


def abbreviated(sentence: str, metrics: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`metrics` (start, end, name spans) with each name that an abbreviation in brackets follows
    renamed to it and its span extended over the brackets."""
    if "(" not in sentence:
        return metrics  # a cheap first look: most sentences abbreviate nothing
    spans = []
    for start, end, name in metrics:
        found = _ABBREVIATION_AFTER.match(sentence, end) if "(" in sentence[end:end + 3] else None
        if found is not None and _initials_of(sentence, end, found["short"]):
            short = found["short"]
            start, end, name = start, found.end(), vocab.metrics().canonical(short) or short
        elif " at " in sentence[end:end + 4] and (specific := _at_threshold(sentence, end, name)):
            name = specific
        spans.append((start, end, name))
    return spans


# "mean Average Precision at 50% IoU (mAP50)": the name, its threshold, then its specific form
_AT_THRESHOLD_AFTER = regex.compile(r"\s+at\s+[\d.]+\s*%?\s*(?:[A-Za-z]+\s*)?\((?P<short>[^()\s]{2,12})\)")


def _at_threshold(sentence: str, end: int, name: str) -> str:
    """The specific metric a threshold and a bracket after `name` give ("mAP@50"), or ""."""
    found = _AT_THRESHOLD_AFTER.match(sentence, end)
    if found is None:
        return ""
    specific = vocab.metrics().canonical(found["short"]) or ""
    return specific if specific.startswith(name + "@") else ""


def _initials_of(sentence: str, end: int, short: str) -> bool:
    """Whether the capitals of `short` are the initials of the words that end at `end`
    ("average word pronunciation accuracy" for AWPA)."""
    capitals = [c for c in short if c.isupper()]
    starts = _WORD_STARTS.findall(sentence, max(0, end - 16 * len(capitals)), end)
    return len(starts) >= len(capitals) and \
        [c.upper() for c in starts[-len(capitals):]] == capitals
