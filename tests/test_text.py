"""Tests of extract.reading.text: the normalised view of an abstract and its map back to the source."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.reading.text import NormalisedText, normalise, normalise_in_one_pass

# Source as written -> normalised text (spec section 3, "LaTeX and markup leftovers").
NORMALISE_SPEC = [
    pytest.param(r"maintains 97.2\% accuracy", "maintains 97.2% accuracy", id="latex_percent"),
    pytest.param(r"a 2$\times$ speedup", "a 2× speedup", id="latex_times"),
    pytest.param(r"\sim 6% better", "~6% better", id="latex_sim"),
    pytest.param(r"$\sim$6% better", "~6% better", id="latex_sim_in_math"),
    pytest.param("sim6% better", "~6% better", id="bare_sim"),
    pytest.param("by $>$30 points", "by >30 points", id="latex_gt"),
    pytest.param("to **85.67**%", "to 85.67%", id="markdown_bold"),
    pytest.param("80.245 pm 0.129", "80.245 ± 0.129", id="bare_pm"),
    pytest.param(r"80.245 $\pm$ 0.129", "80.245 ± 0.129", id="latex_pm"),
    pytest.param(r"55--70\%", "55-70%", id="latex_en_dash_range"),
    pytest.param("x12--3.5 y", "x12-3.5 y", id="latex_en_dash_range_no_other_markup"),
    pytest.param("improves\nby 2.1%", "improves by 2.1%", id="line_break"),
    pytest.param("improves \r\n  by 2.1%", "improves by 2.1%", id="crlf_line_break"),
    pytest.param(r"gains \textbf{7.22\%} in accuracy", "gains 7.22% in accuracy", id="wide:2506.09507 latex_bold"),
    pytest.param(r"up to $\mathbf{26.7}\%$ improved", "up to 26.7% improved", id="wide:2512.07993 latex_bold_unit_after"),
    pytest.param(r"$O(n^{2})$ and \textbf{Ours}", "O(n^{2}) and \\textbf{Ours}", id="spec: braces around no number stay"),
    pytest.param("8.61% on Multitudes--absolute gains", "8.61% on Multitudes; absolute gains",
                 id="wide:2507.03043 latex_word_dash"),
    pytest.param("plain text, no markup", "plain text, no markup", id="plain"),
]


@pytest.mark.parametrize(("source", "expected"), NORMALISE_SPEC)
def test_normalise_reads_markup_as_plain_text(source: str, expected: str) -> None:
    assert normalise(source).text == expected


# Source, and the number whose span in the normalised text must map back to the same digits.
SOURCE_SPAN_SPEC = [
    pytest.param(r"maintains 97.2\% accuracy", "97.2", id="latex_percent"),
    pytest.param(r"a 2$\times$ speedup and 3.5$\times$ more", "3.5", id="after_latex_times"),
    pytest.param(r"\sim 6% better", "6", id="latex_sim"),
    pytest.param("sim6% better", "6", id="bare_sim"),
    pytest.param("by $>$30 points", "30", id="latex_gt"),
    pytest.param("from 78.33% to **85.67**%", "85.67", id="markdown_bold"),
    pytest.param("80.245 pm 0.129", "0.129", id="bare_pm_error"),
    pytest.param("**1.2** and then\n**4,039** tokens", "4,039", id="bold_after_line_break"),
    pytest.param(r"$\times$ $\sim$ \% 12.5", "12.5", id="after_several_replacements"),
]


@pytest.mark.parametrize(("source", "number"), SOURCE_SPAN_SPEC)
def test_source_span_maps_number_back_to_its_digits(source: str, number: str) -> None:
    norm = normalise(source)
    start = norm.text.index(number)
    begin, end = norm.source_span(start, start + len(number))
    assert source[begin:end] == number


@pytest.mark.parametrize(("source", "expected"), NORMALISE_SPEC)
def test_origin_has_one_offset_per_character(source: str, expected: str) -> None:
    norm = normalise(source)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(norm.origin)
    assert all(0 <= offset < len(source) for offset in norm.origin)


# Text with hard line breaks only -> the source offset of every normalised character: a copied
# character maps to itself, the space read for a break to where the break starts.
LINE_BREAK_ORIGINS = [
    pytest.param("a \n b", [0, 1, 4], id="spaces_around_break"),
    pytest.param("  a\nb  ", [0, 1, 2, 3, 4, 5, 6], id="indented_first_trailing_last"),
    pytest.param("a\n\n \t\nb", [0, 1, 2, 5, 6], id="blank_lines"),
    pytest.param("a\t\r\n \r\nb", [0, 1, 5, 7], id="crlf_and_blank_crlf_line"),
    pytest.param("\nab\n", [0, 1, 2, 3], id="breaks_at_both_ends"),
]


@pytest.mark.parametrize(("source", "origin"), LINE_BREAK_ORIGINS)
def test_line_break_maps_to_where_the_break_starts(source: str, origin: list[int]) -> None:
    norm = normalise(source)
    assert list(norm.origin) == origin
    assert norm.origin[-1] == origin[-1] and list(norm.origin[1:3]) == origin[1:3]


# Pieces of text that exercise every way through `normalise`: line breaks with and without white
# space or carriage returns around them, plain words and numbers, and each markup form.
_LINE_PIECES = ["a", "x", "12", "3.5", " ", "  ", "\t", "\n", "\r\n", " \n", "\n "]
_PIECES = _LINE_PIECES + [
    "\r", "\\%", "$", "\\times", "$\\times$", "\\pm", "\\sim", "\\approx", "$>$", "\\gt", "\\leq",
    "\\,", "\\ ", "--", "sim", "pm", "**", "__", "*", "_", "\u2212", "\u2013", "\u00a0", "\u2248", "\\",
    "\\textbf{", "\\bm{", "}", "-", "s", "p", "m", "\u2009", "\u2010", "\u2015", "\u223c"]


def _same_reading(fast: NormalisedText, plain: NormalisedText) -> None:
    assert fast.text == plain.text
    assert list(fast.origin) == list(plain.origin)


@given(pieces=st.lists(st.sampled_from(_LINE_PIECES), max_size=14))
def test_line_breaks_read_as_the_combined_pattern_reads_them(pieces: list[str]) -> None:
    """Text whose only markup is line breaks: `normalise`'s shortcuts give the text and offsets
    of the one combined pattern tried left to right."""
    source = "".join(pieces)
    _same_reading(normalise(source), normalise_in_one_pass(source))


@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=14))
def test_markup_reads_as_the_combined_pattern_reads_it(pieces: list[str]) -> None:
    """Text with other markup: `normalise`, whichever way it sends the text, reads it as the
    one combined pattern does (it once missed "12--3.5" when nothing else was markup)."""
    source = "".join(pieces)
    _same_reading(normalise(source), normalise_in_one_pass(source))
