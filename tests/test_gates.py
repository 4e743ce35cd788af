"""The cheap first looks in front of costly patterns only ever save time: whatever a gate lets
pass or stops, the extractor finds what the pattern alone would find.

Each gate is checked against the plain pattern it guards, on text made of the words the
pattern looks for (so that matches are frequent), separators, digits and arbitrary Unicode.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import regex

from extract.engine import cues, fields, kinds, patterns, vocab
from extract.engine.mentions import _DIGIT_RUN

GATE_SETTINGS = settings(max_examples=150, deadline=None)

GATED_CUES = {f"{module.__name__}.{name}": cue for module in (patterns, cues, fields, kinds)
              for name, cue in vars(module).items() if isinstance(cue, patterns.GatedCue)}

_SEPARATORS = st.sampled_from([" ", "  ", "\t", " ( ", "(", ", ", ". ", "-", "/", ":", "", "\u00a0"])


def _texts(words: list[str], cases=(str.upper, str.title)) -> st.SearchStrategy[str]:
    """Runs of `words` (as given and in the other `cases`), digits, separators and arbitrary text."""
    word = st.one_of(
        st.sampled_from(words),
        *(st.sampled_from(words).map(case) for case in cases),
        st.from_regex(r"[0-9]{1,4}(?:\.[0-9]{1,2})?", fullmatch=True),
        st.text(max_size=4),
    )
    return st.lists(st.tuples(word, _SEPARATORS), max_size=12).map(
        lambda parts: "".join(w + s for w, s in parts))


def _cue_words(cue: patterns.GatedCue) -> list[str]:
    """Words of the cue's own pattern, as the texts to try it on."""
    return sorted({w for w in re.findall(r"[a-z]{2,}", cue.pattern.pattern)} |
                  set(cue.ends_with) | set(cue.contains) | {"by", "of", "the", "to"})


@pytest.mark.parametrize("name", sorted(GATED_CUES))
def test_gated_cue_finds_what_its_pattern_finds(name):
    cue = GATED_CUES[name]

    @GATE_SETTINGS
    @given(text=_texts(_cue_words(cue)))
    def check(text):
        expected = cue.pattern.search(text)
        found = cue.search(text)
        assert (found and found.span()) == (expected and expected.span())
        third = len(text) // 3
        found, expected = cue.search(text, third), cue.pattern.search(text, third)
        assert (found and found.span()) == (expected and expected.span())
        matched, expected = cue.match(text), cue.pattern.match(text)
        assert (matched and matched.span()) == (expected and expected.span())
        if not cue.ends_with:
            middle = len(text) // 3, 2 * len(text) // 3
            assert [m.span() for m in cue.finditer(text, *middle)] == \
                [m.span() for m in cue.pattern.finditer(text, *middle)]

    check()


@pytest.mark.parametrize("name, text", [
    ("extract.engine.cues.LEFT_ONLY", "uses only "), ("extract.engine.cues.LEFT_ONLY", "ONLY\u00a0"), ("extract.engine.cues.LEFT_GAIN_VERB", "improves accuracy by "),
    ("extract.engine.cues.LEFT_REDUCE_VERB", "reduces memory by"), ("extract.engine.cues.LEFT_CHANGE_OF", "a drop of  "),
    ("extract.engine.cues.SETTING_GLOSS", "8/128 configuration ("), ("extract.engine.cues.BEFORE_SETTING", "a sparsity of "),
    ("extract.engine.cues.LEFT_REDUCE_DIRECT", "reducing FLOPs "), ("extract.engine.cues.LEFT_SCORE_WORD", "a score of "),
    ("extract.engine.cues.LEFT_MOVE_VERB", "it gains "), ("extract.engine.cues.LEFT_SCORE_FROM", "raises the score on X from "),
])
def test_gated_cue_lets_its_cue_through(name, text):
    assert GATED_CUES[name].search(text) is not None


# The scan for digit runs leaves out runs glued to identifiers; MENTION would reject them.
_EVERY_DIGIT_RUN = re.compile(r"(?<!\d)\d")


def _readable_at(text: str, start: int) -> bool:
    """Whether MENTION reads a number whose digits start at `start` (signed or not)."""
    for at in (start - 1, start) if start and text[start - 1] in "+-" else (start,):
        match = patterns.MENTION.match(text, at)
        if match is not None and match.start("num") == start:
            return True
    return False


@GATE_SETTINGS
@given(text=_texts(["ResNet", "Qwen", "R", "x", "v", "@", "#", "^", "w", "_", ".", "%", "+", "-",
                    "/", ":", "é", "٣", "B", "GPU"]))
def test_digit_run_scan_skips_only_unreadable_runs(text):
    kept = {m.start() for m in _DIGIT_RUN.finditer(text)}
    for run in _EVERY_DIGIT_RUN.finditer(text):
        if run.start() not in kept:
            assert not _readable_at(text, run.start()), (text, run.start())


# Case-blind word patterns run on ASCII text on the standard engine, over the text in lower
# case; they find what the case-blind `regex` pattern finds.
CASE_BLIND = {"_VERB": fields._VERB, "_OWN_SYSTEM": fields._OWN_SYSTEM}
_CASE_BLIND_WORDS = ["achieves", "achieving", "reaches", "runs", "run", "running", "is", "was", "uses",
                     "use", "user", "Achieved", "outperforms", "led", "we", "We", "our", "model",
                     "Our proposed model", "this work", "it", "its", "co-design", "methods",
                     "\x1c", "\x0b", "\x85", "_", "é", "\t", "\n"]


@pytest.mark.parametrize("name", sorted(CASE_BLIND))
def test_case_blind_words_find_what_the_regex_pattern_finds(name):
    words = CASE_BLIND[name]

    @GATE_SETTINGS
    @given(text=_texts(_CASE_BLIND_WORDS), cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
    def check(text, cut):
        start, end = sorted(int(c * len(text)) for c in cut)
        fast = [m.span() for m in words.finditer(text, start, end)]
        assert fast == [m.span() for m in words.pattern.finditer(text, start, end)]
        found, expected = words.search(text, start, end), words.pattern.search(text, start, end)
        assert (found and found.span()) == (expected and expected.span())

    check()


# Cues read on one text before a number share one look at how it ends (patterns.text_ending),
# taken of that text or of a longer one it ends.
ENDING_CUES = sorted(name for name, cue in GATED_CUES.items() if cue.ends_with)


@pytest.mark.parametrize("name", ENDING_CUES)
def test_shared_ending_finds_what_the_pattern_finds(name):
    cue = GATED_CUES[name]

    @GATE_SETTINGS
    @given(text=_texts(_cue_words(cue)), cut=st.floats(0, 1))
    def check(text, cut):
        tail = text[int(cut * len(text)):]
        found, expected = cue.search_ending(tail, patterns.text_ending(text)), cue.pattern.search(tail)
        assert (found and found.span()) == (expected and expected.span())

    check()


# --- case-blind gates against the regex module's case-blind matching ------------------------------

def _every_character() -> str:
    return "".join(chr(cp) for cp in range(128, 0x110000) if not 0xD800 <= cp < 0xE000)


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_gate_folds_every_character_the_pattern_reads_as_the_letter(letter):
    # found by review: "İ" folds to "i" plus a combining dot, and the gate rejected "SPARSİTY"
    read_as_letter = regex.findall(letter, _every_character(), regex.IGNORECASE)
    assert [c for c in read_as_letter if patterns.case_blind(c) != letter] == []


@pytest.mark.parametrize("cue, text", [
    (patterns.GatedCue(r"sparsity", contains=("sparsity",)), "at 90% SPARSİTY"),
    (patterns.GatedCue(r"\bwithin\s*$", ends_with=("within",)), "finishes WİTHİN "),
])
def test_gate_lets_through_dotted_capital_i(cue, text):
    assert cue.pattern.search(text) and cue.search(text)
