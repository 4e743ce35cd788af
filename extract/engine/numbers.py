"""Reading numerals as written in abstracts (spec section 3)."""
from __future__ import annotations

import math

# Longer than this, a digit string is no measurement but noise (a hash, a 100,000-digit number):
# reading it would only cost time, so it is not read.
MAX_NUMERAL_LENGTH = 40


def parse_numeral(text: str) -> float | None:
    """The value of a numeral with optional thousands separators; None when it is no number.

    >>> parse_numeral("4,039"), parse_numeral("1 136"), parse_numeral("73.5"), parse_numeral(".5")
    (4039.0, 1136.0, 73.5, 0.5)
    >>> parse_numeral("1" * 100) is None
    True
    """
    if len(text) > MAX_NUMERAL_LENGTH:
        return None
    try:
        value = float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def decimals(text: str) -> int:
    """How many digits follow the decimal point.

    >>> decimals("85.67"), decimals("4,039")
    (2, 0)
    """
    _, _, fraction = text.partition(".")
    return len(fraction)
