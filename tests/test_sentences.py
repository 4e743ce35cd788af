"""Tests of extract.sentences: splitting that survives decimals and abbreviations."""
from __future__ import annotations

import pytest

from extract.sentences import split_sentences

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


def test_boundary_white_space_is_what_regex_reads_as_white_space() -> None:
    """The boundary pattern runs on `re` with white space spelled out as `regex` reads \\s."""
    import re

    import regex

    from extract.sentences import _SPACE
    everything = "".join(map(chr, range(0x110000)))
    assert re.findall(_SPACE, everything) == regex.findall(r"\s", everything)
