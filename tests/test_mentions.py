"""Tests of extract.engine.mentions: numbers as spec section 3 says they are read, one table per rule.

Each case is (text as written, expected fields of the first mention). Texts go through
extract.reading.text.normalise first, as in the extractor, so LaTeX and Markdown leftovers are covered.
"""
from __future__ import annotations

import pytest

from extract.engine.mentions import Mention, find_mentions
from extract.reading.text import normalise


def first_mention(source: str) -> tuple[str, Mention]:
    """The normalised text of `source` and its first numeric mention."""
    text = normalise(source).text
    mentions = find_mentions(text)
    assert mentions, f"no mention in {text!r}"
    return text, mentions[0]


def check(source: str, expected: dict) -> None:
    text, mention = first_mention(source)
    actual = {name: getattr(mention, name) for name in expected if name != "digits"}
    wanted = {name: value for name, value in expected.items() if name != "digits"}
    assert actual == wanted
    if "digits" in expected:
        assert text[mention.start:mention.end] == expected["digits"]


# --- spec 3: thousands separators and spaces ---------------------------------------------------
SPEC_3_THOUSANDS = [
    pytest.param("up to 4,039 tokens per second", {"value": 4039.0, "digits": "4,039"}, id="comma"),
    pytest.param("a throughput of 1 136 tokens/s", {"value": 1136.0, "digits": "1 136"}, id="space"),
    pytest.param("1,000,000 samples/s", {"value": 1_000_000.0}, id="two_groups"),
]


@pytest.mark.parametrize(("source", "expected"), SPEC_3_THOUSANDS)
def test_spec_3_thousands_separators(source: str, expected: dict) -> None:
    check(source, expected)


# --- spec 3: LaTeX and markup leftovers ----------------------------------------------------------
SPEC_3_MARKUP = [
    pytest.param(r"97.2\% accuracy", {"value": 97.2, "unit": "%", "qualifier": ""}, id="latex_percent"),
    pytest.param("**85.67**%", {"value": 85.67, "unit": "%", "digits": "85.67"}, id="markdown_bold"),
    pytest.param("sim6% improvement", {"value": 6.0, "unit": "%", "qualifier": "about"}, id="bare_sim"),
    pytest.param(r"\sim 6% improvement", {"value": 6.0, "unit": "%", "qualifier": "about"},
                 id="latex_sim"),
    pytest.param("3.67times faster", {"value": 3.67, "unit": "x"}, id="glued_times_decimal"),
    pytest.param("8times faster", {"value": 8.0, "unit": "x"}, id="glued_times_integer"),
    pytest.param("by $>$30 points", {"value": 30.0, "qualifier": "over"}, id="latex_gt"),
]


@pytest.mark.parametrize(("source", "expected"), SPEC_3_MARKUP)
def test_spec_3_markup_leftovers(source: str, expected: dict) -> None:
    check(source, expected)


# --- spec 3: factors, in digits and in words -----------------------------------------------------
SPEC_3_FACTORS = [
    pytest.param("1.75x", {"value": 1.75, "unit": "x"}, id="x"),
    pytest.param("1.75X", {"value": 1.75, "unit": "x"}, id="capital_x"),
    pytest.param("1.75×", {"value": 1.75, "unit": "x"}, id="times_sign"),
    pytest.param(r"1.75$\times$", {"value": 1.75, "unit": "x"}, id="latex_times"),
    pytest.param("1.75 times faster", {"value": 1.75, "unit": "x"}, id="times_word"),
    pytest.param("2.5X faster", {"value": 2.5, "unit": "x"}, id="capital_x_faster"),
    pytest.param("it doubles the throughput", {"value": 2.0, "unit": "x", "is_word": True}, id="doubles"),
    pytest.param("a doubling of speed", {"value": 2.0, "unit": "x", "is_word": True}, id="a_doubling"),
    pytest.param("runs twice as fast", {"value": 2.0, "unit": "x", "is_word": True}, id="twice"),
    pytest.param("it halves the memory", {"value": 2.0, "unit": "x", "is_word": True}, id="halves"),
    pytest.param("memory is halved", {"value": 2.0, "unit": "x", "is_word": True}, id="halved"),
    pytest.param("it triples the throughput", {"value": 3.0, "unit": "x", "is_word": True},
                 id="triples"),
    pytest.param("an order of magnitude faster", {"value": 10.0, "unit": "x", "is_word": True},
                 id="order_of_magnitude"),
    pytest.param("with half of the compute", {"value": 50.0, "unit": "%", "is_word": True},
                 id="half_of"),
    pytest.param("with a quarter of the memory", {"value": 25.0, "unit": "%", "is_word": True},
                 id="a_quarter_of"),
]


@pytest.mark.parametrize(("source", "expected"), SPEC_3_FACTORS)
def test_spec_3_factors(source: str, expected: dict) -> None:
    check(source, expected)


# --- spec 3: ranges: value is the upper end ----------------------------------------------------
SPEC_3_RANGES = [
    pytest.param("2.97~25.22x", {"value": 25.22, "low": 2.97, "high": 25.22, "unit": "x"}, id="tilde"),
    pytest.param("1.1-2.1x", {"value": 2.1, "low": 1.1, "high": 2.1, "unit": "x"}, id="hyphen"),
    pytest.param(r"55--70\%", {"value": 70.0, "low": 55.0, "high": 70.0, "unit": "%"},
                 id="latex_en_dash"),
    pytest.param("1% - 10%", {"value": 10.0, "low": 1.0, "high": 10.0, "unit": "%"},
                 id="unit_on_both_ends"),
    pytest.param("10-20%", {"value": 20.0, "low": 10.0, "high": 20.0, "unit": "%"}, id="percent"),
    pytest.param("10–20%", {"value": 20.0, "low": 10.0, "high": 20.0, "unit": "%"},
                 id="unicode_en_dash"),
]


@pytest.mark.parametrize(("source", "expected"), SPEC_3_RANGES)
def test_spec_3_ranges(source: str, expected: dict) -> None:
    check(source, {**expected, "qualifier": "range"})


# --- spec 3: uncertainty: value is the point, low/high the interval -----------------------------
SPEC_3_UNCERTAINTY = [
    pytest.param("0.955 (0.953 - 0.956)", {"value": 0.955, "low": 0.953, "high": 0.956},
                 id="interval_in_brackets"),
    pytest.param("80.245 pm 0.129", {"value": 80.245, "low": 80.116, "high": 80.374}, id="bare_pm"),
    pytest.param("80.245 ± 0.129", {"value": 80.245, "low": 80.116, "high": 80.374}, id="plus_minus"),
    pytest.param(r"80.245 $\pm$ 0.129", {"value": 80.245, "low": 80.116, "high": 80.374},
                 id="latex_pm"),
]


@pytest.mark.parametrize(("source", "expected"), SPEC_3_UNCERTAINTY)
def test_spec_3_uncertainty(source: str, expected: dict) -> None:
    check(source, expected)
    _, mention = first_mention(source)
    assert mention.qualifier != "range"


# --- spec 3: a delta keeps the unit as written ----------------------------------------------------
SPEC_3_DELTA_UNITS = [
    pytest.param("by 0.7 percentage points", {"value": 0.7, "unit": "pp"}, id="percentage_points"),
    pytest.param("by 1.1p.p.", {"value": 1.1, "unit": "pp"}, id="p_p"),
    pytest.param("by 1.1 pp", {"value": 1.1, "unit": "pp"}, id="pp"),
    pytest.param("(+2.1%)", {"value": 2.1, "unit": "%", "signed": True, "sign": 1}, id="signed_percent"),
    pytest.param("by 6 points", {"value": 6.0, "unit": "points"}, id="points"),
]


@pytest.mark.parametrize(("source", "expected"), SPEC_3_DELTA_UNITS)
def test_spec_3_delta_units(source: str, expected: dict) -> None:
    check(source, expected)


# --- spec 1: sizes and settings are flagged, never read as measurements --------------------------
SPEC_1_SIZES = [
    pytest.param("a 7B model", id="billions"),
    pytest.param("a 200K-token corpus", id="thousands"),
    pytest.param("a 30-billion parameter model", id="billion_word"),
]


@pytest.mark.parametrize("source", SPEC_1_SIZES)
def test_spec_1_sizes_are_flagged(source: str) -> None:
    _, mention = first_mention(source)
    assert mention.is_size


# Numbers inside identifiers are no mentions at all (spec 1: versions and names).
SPEC_1_IDENTIFIERS = [
    pytest.param("Qwen2.5", id="version"),
    pytest.param("ResNet-50", id="model_name"),
    pytest.param("mAP@50", id="metric_name"),
    pytest.param("DeepSeek-R1", id="letter_digit"),
]


@pytest.mark.parametrize("source", SPEC_1_IDENTIFIERS)
def test_spec_1_identifiers_have_no_mentions(source: str) -> None:
    assert find_mentions(normalise(source).text) == []


def test_mentions_are_in_order_and_do_not_overlap() -> None:
    text = "up to 4,039 tokens/s, 2.97~25.22x and ~6% at 80.245 ± 0.129"
    mentions = find_mentions(text)
    assert [m.value for m in mentions] == [4039.0, 25.22, 6.0, 80.245]
    assert all(a.outer_end <= b.outer_start for a, b in zip(mentions, mentions[1:]))
