"""The claims table: its columns, kinds and kind families (spec sections 1, 2 and 5)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

#: Columns of a claims table, in the order spec section 2 fixes.
COLUMNS: tuple[str, ...] = (
    "paper_id", "title", "kind", "subject", "benchmark", "metric",
    "value", "value_low", "value_high", "unit", "value_si", "unit_si",
    "qualifier", "baseline", "hardware", "hardware_count", "condition",
    "sentence", "char_start", "char_end", "rule", "date",
)

#: Columns a claims table may lack (spec v1.1 added `date`): a table written before them, a
#: golden file, still reads, with the column empty.
OPTIONAL_COLUMNS: tuple[str, ...] = ("date",)

#: The columns every claims table has.
REQUIRED_COLUMNS: tuple[str, ...] = tuple(name for name in COLUMNS if name not in OPTIONAL_COLUMNS)

#: Columns holding numbers; every other column holds text.
FLOAT_COLUMNS = ("value", "value_low", "value_high", "value_si")
INT_COLUMNS = ("hardware_count", "char_start", "char_end")

#: The seven kinds the spec defines; the scorer ignores any other kind.
KINDS = ("score", "delta", "speedup", "reduction", "throughput", "latency", "memory")

#: Kind -> family used when matching rows (spec section 5.1).
FAMILIES = {
    "score": "quality", "delta": "quality",
    "speedup": "relative", "reduction": "relative",
    "throughput": "throughput", "latency": "latency", "memory": "memory",
}

QUALIFIERS = ("up_to", "at_least", "about", "over", "under", "average", "range",
              "fraction_of_baseline")


@dataclass(frozen=True, slots=True)
class Paper:
    """One title and abstract as read from an input; `source` and `line` say where; `date` is
    when the paper first appeared, ISO ``YYYY-MM-DD`` or ``YYYY-MM``, "" when the input gives
    none (`reading.dates`)."""

    paper_id: str
    title: str
    abstract: str
    source: str = ""
    line: int = 0
    date: str = ""  # ISO publication date ("2025-08-05" or "2025-08") where the input gives one


_NON_ALNUM = regex.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    """The paper id used when an input gives none: the title, lower-cased, dashes between words.

    >>> slugify("Vision-R1: Incentivizing Reasoning in MLLMs")
    'vision-r1-incentivizing-reasoning-in-mllms'
    >>> slugify("  ")
    'untitled'
    """
    slug = _NON_ALNUM.sub("-", title.lower()).strip("-")
    return slug or "untitled"
