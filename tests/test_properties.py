"""Properties of the extractor that hold for any text: it never raises, its rows are well formed
and point at the number they report, and it is deterministic.

Two kinds of generated abstracts: arbitrary Unicode (hypothesis' `st.text()`), and text made of
the pieces real abstracts are made of (sentences of the bundled sample, numbers in every
spelling the spec reads, %, x, ranges, LaTeX and Markdown leftovers, units, qualifier words),
glued together in random order so the rules meet combinations no abstract has yet shown.
"""
from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import pandas as pd
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.engine.claims import extract_claims, extract_paper
from extract.output.schema import COLUMNS, Paper

SAMPLE = Path(__file__).resolve().parent.parent / "extract" / "data" / "sample" / "hf-daily-papers.txt"

# Enough examples to find the odd crash, few enough to keep CI quick; no per-example deadline
# (the first example pays for loading the rules).
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


def _sample_sentences() -> list[str]:
    """Sentences of the sample's abstracts that hold a digit (the ones rules fire on)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    abstracts = [line for line in lines if len(line) >= 200]  # titles and page chrome are short
    sentences = [s for a in abstracts for s in regex.split(r"(?<=[.!?])\s+(?=[A-Z])", a)]
    return [s for s in sentences if regex.search(r"\d", s)]


# Pieces of abstracts as the spec (sections 1 and 3) and the sample show them.
FRAGMENTS = (
    # numbers spelled in the ways the spec reads
    "73.5", "0.4", "4,039", "1 136", "1,000,000", ".5", "0", "00", "-2.1", "+2.1", "1e-3",
    "10^{-3}", "1.75", "100k", "7B", "1.5 million", "2024", "3.67times", "8times",
    # percent, factors, points
    "%", "\\%", "% ", "x", "X", "×", " times", "$\\times$", "\\times", "-fold", "pp", "p.p.",
    " percentage points", " points",
    # ranges, uncertainty, approximations, comparisons
    "-", "--", "~", "–", "−", " to ", "/", " / ", "±", "pm", "\\pm", "sim", "\\sim ", "$>$",
    "$<$", "\\geq", "$\\approx$", " (", ")", " - ",
    # markup leftovers
    "**", "__", "$", "{", "}", "\\", "\n", "  ", "\t", "\u00a0", "\u2009",
    # units
    "GB", " MB", "TB", "ms", " s", " hours", " tokens/s", "token/s", " FPS", "TFLOPS", " PFLOPs",
    "samples/s", " GPU", " GPUs", "H100", "A100 80GB", "RTX4090", "on 8 H800 GPUs",
    # words rules key on
    "up to ", "up to up to ", "at least ", "about ", "over ", "under ", "only ", "nearly ",
    "average ", "twice", "doubles", "a doubling", "halves", "half of", "a quarter of", "triples",
    "an order of magnitude", " faster", " speedup", " reduces memory by ", " fewer FLOPs",
    " improves accuracy from ", " by ", " outperforms ", " respectively", " and ", ", ",
    " achieves ", " accuracy on ", " MathVista", " AIME 2024", " MATH-500", " COCO", " pass@1",
    " NDCG@10", " mAP@50", " latency of ", " throughput of ", " lower ", " higher ", ". ", ".",
    # whole phrases the number-word rules fire on
    " is twice as fast as ", " an order of magnitude speedup", " uses a quarter of the memory",
    " reduces memory by half", " doubles the throughput", " halves the latency",
)

_numbers = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(str),
    st.floats(min_value=0, max_value=1e4, allow_nan=False).map(lambda f: f"{f:.2f}"),
    st.integers(min_value=1000, max_value=10**9).map(lambda n: f"{n:,}"),
)
_pieces = st.one_of(
    st.sampled_from(FRAGMENTS), _numbers, st.sampled_from(_sample_sentences()),
    st.text(max_size=4),
)
corpus_like_text = st.lists(_pieces, max_size=40).map("".join)
any_text = st.text(max_size=2000)
titles = st.one_of(st.just("Vision-R1: Incentivizing Reasoning"), st.text(max_size=80))


# ---------------------------------------------------------------------------------------------
# What a row must look like


def decimal_digits(text: str) -> str:
    """The decimal digits of `text`, in any script, as ASCII.

    >>> decimal_digits("1 136 and ٣")
    '11363'
    """
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def mantissa(value: float) -> float:
    """`abs(value)` scaled into [0.1, 1): what its digits say, wherever the decimal point is.

    >>> mantissa(73.5), mantissa(0.05), mantissa(100_000.0), mantissa(0.0)
    (0.735, 0.5, 0.1, 0.0)
    """
    digits = f"{abs(value):.15e}".split("e")[0].replace(".", "").rstrip("0")
    return float("0." + digits) if digits.strip("0") else 0.0


# A number as written: digits, maybe with thousands separators (comma, space, thin or no-break
# space) and a decimal part. "1 136" and "4,039" are one number each.
_WRITTEN_NUMBER = regex.compile(r"\d(?:[\d,\u00a0\u2009\u202f ]*\d)?(?:\.\d+)?")


def written_numbers(text: str) -> list[float]:
    """Mantissas of the numbers written in `text` (see `mantissa`).

    >>> written_numbers("1 136 and 2.97~25.22x")
    [0.1136, 0.297, 0.2522]
    """
    found = []
    for match in _WRITTEN_NUMBER.finditer(text):
        digits = decimal_digits(match[0]).lstrip("0")
        found.append(float("0." + digits) if digits else 0.0)
    return found


def shows_number(text: str, value: float) -> bool:
    """Whether `text` writes `value`, up to a power of ten ("100k", "1.5 million", "1e-3")."""
    target = mantissa(value)
    return any(math.isclose(m, target, rel_tol=1e-9, abs_tol=1e-12)
               for m in written_numbers(text))


def assert_well_formed(paper: Paper, rows: list[dict]) -> None:
    """Every property a row of `extract_paper(paper)` must have, whatever the text."""
    assert isinstance(rows, list)
    abstract = paper.abstract
    starts = []
    for row in rows:
        assert set(row) == set(COLUMNS), row
        assert row["paper_id"] == paper.paper_id and row["title"] == paper.title
        assert isinstance(row["kind"], str) and row["kind"], row
        assert isinstance(row["rule"], str) and row["rule"], row
        start, end = row["char_start"], row["char_end"]
        assert isinstance(start, int) and isinstance(end, int), row
        assert 0 <= start < end <= len(abstract), row
        starts.append(start)

        value = row["value"]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), row
        assert math.isfinite(value), row
        written = abstract[start:end]
        if "word" in row["rule"]:
            # number-word rules ("twice", "halves", "an order of magnitude") point at the word
            assert regex.search(r"\p{L}", written), (written, row)
        else:
            assert shows_number(written, value), (written, row)
            if row["qualifier"] == "range":  # the span covers both ends of a range
                assert row["value_low"] is not None and shows_number(written, row["value_low"]), \
                    (written, row)
    assert starts == sorted(starts), "rows are ordered by char_start"


def comparable(rows: list[dict]) -> list[dict]:
    """Rows with NaN replaced, so that two equal extractions compare equal."""
    return [{key: ("NaN" if isinstance(v, float) and math.isnan(v) else v)
             for key, v in row.items()} for row in rows]


# ---------------------------------------------------------------------------------------------
# The properties


@PROPERTY_SETTINGS
@given(abstract=any_text, title=titles)
def test_any_unicode_text_gives_well_formed_rows(abstract: str, title: str) -> None:
    paper = Paper("prop-unicode", title, abstract)
    assert_well_formed(paper, extract_paper(paper))


@PROPERTY_SETTINGS
@given(abstract=corpus_like_text, title=titles)
# found by this property: a list member took the "range" qualifier of the range after it
@example(abstract="73.573.5-1,00073.5-73.5", title="Vision-R1: Incentivizing Reasoning")
def test_corpus_like_text_gives_well_formed_rows(abstract: str, title: str) -> None:
    paper = Paper("prop-corpus-like", title, abstract)
    assert_well_formed(paper, extract_paper(paper))


@PROPERTY_SETTINGS
@given(abstract=st.one_of(corpus_like_text, any_text), title=titles)
def test_extraction_is_deterministic(abstract: str, title: str) -> None:
    paper = Paper("prop-determinism", title, abstract)
    assert comparable(extract_paper(paper)) == comparable(extract_paper(paper))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(abstracts=st.lists(st.one_of(corpus_like_text, any_text), max_size=5))
def test_claims_table_has_the_spec_columns_and_every_row(abstracts: list[str]) -> None:
    papers = [Paper(f"p{i}", f"Paper {i}", text) for i, text in enumerate(abstracts)]
    table = extract_claims(papers)
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == list(COLUMNS)
    assert len(table) == sum(len(extract_paper(paper)) for paper in papers)
