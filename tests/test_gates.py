"""Every cue the engine compiles finds what its own `regex` pattern finds: its standard-engine
twin on ASCII text and its gate only ever save time (extract/engine/cue_compiler.py).

The cues are all those compiled (`compiled_cues()`), the texts made of each cue's own words
(`Cue.words`, read off its declaration) in any case, separators, digits, white space that only one
engine reads as such, and arbitrary Unicode: a word added to a cue is tried without a test edit.
"""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import extract.engine.claims  # noqa: F401 (compiles every cue of the engine)
from extract.engine import cues
from extract.engine.cue_compiler import Cue, case_blind, compiled_cues, text_ending

GATE_SETTINGS = settings(max_examples=200, deadline=None)
CUES = compiled_cues()
CUE_IDS = [f"{index:02d}-{cue.pattern.pattern[:40]}" for index, cue in enumerate(CUES)]

_SEPARATORS = st.sampled_from([" ", "  ", "\t", " ( ", "(", ", ", ". ", "-", "/", ":", "", "\u00a0",
                               "\x1c", "\x1f ", "\n", ")"])
_CASES = (str, str.upper, str.title)


def _word_texts(cue: Cue, ascii_only: bool) -> st.SearchStrategy[str]:
    """Runs of the cue's words (and a few common ones) in any case, digits, separators and, but
    for ASCII-only texts, arbitrary characters."""
    words = sorted(set(cue.words) | {"by", "of", "the", "to", "on", "model"})
    word = st.one_of(
        st.sampled_from(words).flatmap(lambda w: st.sampled_from([case(w) for case in _CASES])),
        st.from_regex(r"[0-9]{1,4}(?:\.[0-9]{1,2})?", fullmatch=True),
        st.text(st.characters(max_codepoint=127) if ascii_only else st.characters(), max_size=3))
    return st.lists(st.tuples(word, _SEPARATORS), max_size=12).map(lambda parts: "".join(w + s for w, s in parts))


def _opening_texts(cue: Cue) -> st.SearchStrategy[str]:
    """Texts opening with the cue's words: for cues read at the start of the text after a number."""
    return st.tuples(st.sampled_from(["", " ", "\x1c", " \t", "\u00a0"]), _word_texts(cue, ascii_only=True)).map("".join)


def _spans(found) -> list[tuple[int, int]]:
    return [match.span() for match in found]


def _same(found, expected) -> bool:
    return (found and found.span()) == (expected and expected.span())


def test_the_engine_compiles_its_cues():
    assert len(CUES) >= 40


@pytest.mark.parametrize("cue", CUES, ids=CUE_IDS)
def test_cue_finds_what_its_pattern_finds(cue: Cue):
    pattern = cue.pattern

    @GATE_SETTINGS
    @given(text=st.one_of(_word_texts(cue, ascii_only=False), _word_texts(cue, ascii_only=True), _opening_texts(cue)),
           cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
    def check(text, cut):
        start, end = sorted(int(c * len(text)) for c in cut)
        found, expected = cue.search(text), pattern.search(text)
        assert _same(found, expected)
        if expected is not None:  # the groups too: callers read them by their offsets
            assert [found.span(g) for g in range(pattern.groups + 1)] == \
                [expected.span(g) for g in range(pattern.groups + 1)]
        assert _same(cue.search(text, start, end), pattern.search(text, start, end))
        assert _same(cue.match(text), pattern.match(text))
        assert _same(cue.match(text, start, end), pattern.match(text, start, end))
        if cue.ends_with:
            tail = text[start:]  # the ending of a longer text that ends with this one
            assert _same(cue.search_ending(tail, text_ending(text)), pattern.search(tail))
        else:
            assert _spans(cue.finditer(text, start, end)) == _spans(pattern.finditer(text, start, end))

    check()


@pytest.mark.parametrize(("cue", "text"), [
    (cues.LEFT_ONLY, "uses only "), (cues.LEFT_ONLY, "ONLY\u00a0"), (cues.LEFT_GAIN_VERB, "improves accuracy by "),
    (cues.LEFT_REDUCE_VERB, "reduces memory by"), (cues.LEFT_DROP_OF, "a drop of  "),
    (cues.SETTING_GLOSS, "8/128 configuration ("), (cues.BEFORE_SETTING, "a sparsity of "),
    (cues.LEFT_REDUCE_DIRECT, "reducing FLOPs "), (cues.LEFT_SCORE_WORD, "a score of "),
    (cues.LEFT_GAIN_MOVE, "it gains "), (cues.LEFT_SCORE_FROM, "raises the score on X from "),
    (cues.RIGHT_LOSS, " WER reduction"), (cues.RIGHT_LOSS, " relative reduction in mAP"),
    (cues.RIGHT_LOSS, " FID reduction"), (cues.RIGHT_REDUCTION, " fewer GFLOPs"), (cues.RIGHT_REDUCTION, " KV cache,"),
    (cues.RIGHT_SPEEDUP, " higher FPS"), (cues.RIGHT_SPEEDUP, " higher RTFx"), (cues.RIGHT_GAIN, " more accurate"),
])
def test_cue_lets_its_words_through(cue: Cue, text: str):
    assert cue.search(text) is not None
    assert _same(cue.search(text), cue.pattern.search(text))


@pytest.mark.parametrize(("cue", "gate"), [
    # the gates read off the declarations: the last word before the number, or the stems
    (cues.LEFT_GAIN_VERB, "ends with: by"),
    (cues.LEFT_ONLY, "ends with: merely, just, mere, only"),
    (cues.BEFORE_SETTING, "ends with: temperature, threshold, sparsity, dropout, budget, length, ratio, rate, of"),
    (cues.LEFT_REDUCE_DIRECT, "holds one of: compress, cut, decreas, eliminat, lower, prun, reduc, remov, sav, "
                              "shrink, trim (a match at the start: in its first 8 characters)"),
])
def test_gate_is_read_off_the_declaration(cue: Cue, gate: str):
    assert cue.gate == gate


# --- case-blind gates against the regex module's case-blind matching ------------------------------

def _every_character() -> str:
    return "".join(chr(cp) for cp in range(128, 0x110000) if not 0xD800 <= cp < 0xE000)


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_gate_folds_every_character_the_pattern_reads_as_the_letter(letter):
    # found by review: "İ" folds to "i" plus a combining dot, and the gate rejected "SPARSİTY"
    read_as_letter = regex.findall(letter, _every_character(), regex.IGNORECASE)
    assert [c for c in read_as_letter if case_blind(c) != letter] == []


@pytest.mark.parametrize(("cue", "text"), [
    (Cue(r"sparsity"), "at 90% SPARSİTY"),
    (Cue(r"\bwithin\s*$"), "finishes WİTHİN "),
])
def test_gate_lets_through_dotted_capital_i(cue, text):
    assert cue.pattern.search(text) and cue.search(text)
