"""The cheap first looks of the kind cascade (kinds.py) decide as the plain patterns they guard."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import regex

from extract.engine import cues, kinds, patterns

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


# The cues read right after a number run, on ASCII text, as the standard engine's twin over the
# lower-cased text (patterns.CaseBlindCue): texts opening with the cues' own words, in any case,
# joined by what `regex` and `re` read apart as white space.
_CASE_BLIND_CUES = sorted(name for name, cue in vars(cues).items() if isinstance(cue, patterns.CaseBlindCue))
_JOINS = [" ", "  ", "\t", "\x1c", "\x1f ", " \x0b", ", ", ".", "-", "(", ")", "", "\u00a0", "/"]


def _opening_texts(cue: patterns.CaseBlindCue) -> st.SearchStrategy[str]:
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", cue.pattern.pattern)) | {"the", "model", "x", "@1"})
    word = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.lower(), w.upper(), w.title()]))
    return st.tuples(st.sampled_from(["", " ", "\x1c", " \t"]),
                     st.lists(st.tuples(word, st.sampled_from(_JOINS)), max_size=5)).map(
        lambda parts: parts[0] + "".join(w + j for w, j in parts[1]))


def test_there_are_case_blind_cues():
    assert len(_CASE_BLIND_CUES) >= 4


@pytest.mark.parametrize("name", _CASE_BLIND_CUES)
def test_case_blind_cue_finds_what_its_pattern_finds(name):
    cue = getattr(cues, name)

    @settings(max_examples=1500, deadline=None)
    @given(text=_opening_texts(cue))
    def check(text):
        matched, expected = cue.match(text), cue.pattern.match(text)
        assert (matched and matched.span()) == (expected and expected.span())
        found, expected = cue.search(text, 1), cue.pattern.search(text, 1)
        assert (found and found.span()) == (expected and expected.span())

    check()


@pytest.mark.parametrize("name, text", [
    ("RIGHT_LOSS", " WER reduction"), ("RIGHT_LOSS", " relative reduction in mAP"), ("RIGHT_LOSS", " FID reduction"),
    ("RIGHT_REDUCTION", " fewer GFLOPs"), ("RIGHT_REDUCTION", " KV cache,"), ("RIGHT_SPEEDUP", " higher FPS"),
    ("RIGHT_SPEEDUP", " higher RTFx"), ("RIGHT_GAIN", " more accurate"),
])
def test_case_blind_cue_reads_names_in_capitals(name, text):
    cue = getattr(cues, name)
    assert cue.match(text) is not None and cue.match(text).span() == cue.pattern.match(text).span()


@pytest.mark.parametrize("name", [n for n in _CASE_BLIND_CUES if getattr(cues, n)._opening is not None])
def test_opening_gate_lets_through_every_match(name):
    cue = getattr(cues, name)

    @settings(max_examples=1500, deadline=None)
    @given(text=_opening_texts(cue))
    def check(text):
        if text.isascii() and cue.pattern.match(text):
            assert cue._opening.match(text.lower()), text

    check()
