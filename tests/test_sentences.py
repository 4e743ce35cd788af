"""Tests of extract.reading.sentences: splitting that survives decimals and abbreviations."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.reading import sentences
from extract.reading.sentences import split_sentences

# Text -> its sentences. Each case is a trap named in the module's brief.
SPLIT_CASES = [
    pytest.param("We reach 73.5% accuracy. It is fast.",
                 ["We reach 73.5% accuracy.", "It is fast."], id="decimal"),
    pytest.param("Ours beats X vs. Y by 2.5%. Done.",
                 ["Ours beats X vs. Y by 2.5%.", "Done."], id="vs"),
    pytest.param("Many tasks, e.g. Math and Code, improve. Done.",
                 ["Many tasks, e.g. Math and Code, improve.", "Done."], id="e_g"),
    pytest.param("The hard split, i.e. AIME, improves. Done.",
                 ["The hard split, i.e. AIME, improves.", "Done."], id="i_e"),
    pytest.param("As Smith et al. Showed, it works. Done.",
                 ["As Smith et al. Showed, it works.", "Done."], id="et_al"),
    pytest.param("See Fig. 3 for details. Done.",
                 ["See Fig. 3 for details.", "Done."], id="fig"),
    pytest.param("Results are in Tab. 2 and Eq. 4 holds. Done.",
                 ["Results are in Tab. 2 and Eq. 4 holds.", "Done."], id="tab_eq"),
    pytest.param("It works! Really? Yes.", ["It works!", "Really?", "Yes."], id="other_punctuation"),
    pytest.param("It runs at 1.75x. 2.97x is the peak.",
                 ["It runs at 1.75x.", "2.97x is the peak."], id="sentence_starting_with_digit"),
    pytest.param("  Leading and trailing space.  ", ["Leading and trailing space."], id="trimmed"),
    pytest.param("no stop at the end", ["no stop at the end"], id="no_final_stop"),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text)] == expected


# The plain splitter the fast one must agree with: every boundary found by the one pattern
# ([.!?] tried at every character), abbreviations judged from the last space or bracket found
# anywhere before the stop.
_PLAIN_BOUNDARY = regex.compile(r"""[.!?]["')\]]?(?P<gap>\s+)(?=["'(\[]?[A-Z0-9])""")


def _plain_split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PLAIN_BOUNDARY.finditer(text):
        if _plain_is_abbreviation(text, match.start()):
            continue
        stop, after = match.span("gap")
        _plain_append(text, spans, start, stop)
        start = after
    _plain_append(text, spans, start, len(text))
    return spans


def _plain_append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    """The sentence between `start` and `end`, white space trimmed, in pieces of at most
    MAX_SENTENCE_CHARS cut at a space in their second half where there is one."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    limit = sentences.MAX_SENTENCE_CHARS
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _plain_is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    begin = max(text.rfind(" ", 0, stop), text.rfind("(", 0, stop), text.rfind("[", 0, stop)) + 1
    word = text[begin:stop].lower().rstrip(".")
    if not word or len(word) > 8:
        return False
    return word in sentences.ABBREVIATIONS or (len(word) == 1 and word.isalpha())


# Words with what can stand before them (white space, brackets) and after them (a stop, other
# punctuation, the start of a next sentence).
_WORDS = st.tuples(
    st.sampled_from(["", " ", "\n", "\t", "\u2009", " (", "(", " [", '"', ")", "-"]),
    st.sampled_from(["A", "We", "a", "x", "J", "3", "2.5", "e.g", "vs", "Fig", "al", "etc.al", "İ",
                     "longwordhere", "", "VS", "E.G", "Etc.Al", "approx", "FIGS", "i.e", "Ltd",
                     "\u212a", "\u017f", "ve", "e.gs", "g"]),
    st.sampled_from(["", " ", ".", "..", ". A", ". 3", "? A", "! We", ".) A", '." A', ".\n (A"]),
).map("".join)


@settings(max_examples=1000)
@given(words=st.lists(_WORDS, max_size=12),
       reach=st.sampled_from([sentences.MAX_SENTENCE_CHARS, 6]))
def test_split_sentences_is_the_plain_splitter(words: list[str], reach: int) -> None:
    text = "".join(words)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sentences, "MAX_SENTENCE_CHARS", reach)  # long sentences cut, too
        assert split_sentences(text) == _plain_split(text)
