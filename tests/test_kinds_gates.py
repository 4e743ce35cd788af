"""The cheap first looks of the kind cascade (kinds.py) decide as the plain patterns they guard."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import regex

from extract import kinds

SETTINGS = settings(max_examples=300, deadline=None)

# Words and characters the patterns look for, and the white space `regex` and `str` read apart.
_PIECES = ["at", "AT", "that", "and", "while", "with", "compared", "which", "WeTok", "FLUX-VAE", "x.y",
           ":", ")", "(", ",", ";", ".", "-", "a", "0.12", " ", "  ", "\t", "\n", "\u00a0", "\u2009",
           "\x1c", "\x1f", "\x85", "é", "\x1cand ", " with\x1f", " which\u2009"]
_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=16).map("".join)


@SETTINGS
@given(text=_TEXTS)
def test_after_aside_is_the_plain_substitution(text):
    assert kinds._after_aside(text) == regex.sub(r"^\s*\)", "", text)


@SETTINGS
@given(text=_TEXTS)
def test_ends_with_at_is_the_plain_pattern(text):
    assert kinds._ends_with_at(text) == (regex.search(r"\bat\s*$", text[-6:]) is not None)


@SETTINGS
@given(text=_TEXTS)
def test_ends_with_label_is_the_plain_pattern(text):
    plain = regex.search(r"\b[A-Z][\w.-]*(?:\s[\w.]+)?\s*:\s*$", text[-30:]) is not None
    assert kinds._ends_with_label(text) == plain


_CLAUSE_END_PLAIN = regex.compile(kinds.CLAUSE_END_PLAIN)


@SETTINGS
@given(text=_TEXTS, cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_clause_end_found_where_regex_finds_it(text, cut):
    start, end = sorted(int(c * len(text)) for c in cut)
    fast = kinds._CLAUSE_END.search(text, start, end)
    plain = _CLAUSE_END_PLAIN.search(text, start, end)
    assert (fast.span(), fast.group()) == (plain.span(), plain.group())
