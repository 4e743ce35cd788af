"""Counts in messages for people: "1 paper", "2 papers", "1,200 claims". The one place that
chooses a noun's singular or plural, for the command line and the dashboard alike."""
from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` (thousands grouped) with `noun`, singular for one; `many` where the plural is not
    the noun plus "s".

    >>> plural(1, "paper"), plural(2, "paper"), plural(0, "system"), plural(1_200, "claim")
    ('1 paper', '2 papers', '0 systems', '1,200 claims')
    >>> plural(1, "record skipped", "records skipped"), plural(3, "match", "matches")
    ('1 record skipped', '3 matches')
    """
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"
