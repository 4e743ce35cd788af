"""Numbers that are no claims, worded ranges, and "NAME = value" scores (issue 11 item 6; spec
v1.1 sections 1 and 3; extract.engine.not_claims).

One table per rule, cases named by where they came from (`wide:ID`: a sentence of the wide arXiv
corpus, abridged; `spec`: the spec's own wording). Expectations are what a reader annotates,
never the extractor's output.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.engine.claims import extract_paper
from extract.engine.mentions import find_mentions
from extract.engine.not_claims import NOT_CLAIM_CUES, not_a_claim
from extract.output.schema import KINDS, Paper


def _rows(abstract: str) -> list[dict]:
    return [r for r in extract_paper(Paper("p", "FooNet: A Test", abstract)) if r["kind"] in KINDS]


def _values(abstract: str) -> list[float]:
    return [abs(r["value"]) for r in _rows(abstract)]


# --- statistics, splits, sampling ratios and input lengths give no row --------------------------
# (sentence, the values that stay claims)
NOT_CLAIMS = [
    pytest.param("Creativity scores increase by 52.5% (t = -5.56, p < 0.001).", [52.5],
                 id="wide:2507.18004 t and p"),
    pytest.param("FooNet reaches 85% accuracy (p=0.03) with an effect of Cohen's d = 0.8.", [85.0],
                 id="spec p-value and Cohen's d"),
    pytest.param("The difference is significant, F(1, 20) = 4.5 and chi-squared = 12.1.", [],
                 id="spec F and chi-squared"),
    pytest.param("FooNet achieves a relaxed F1 of 0.61 [95% CI: 0.43-0.62].", [0.61],
                 id="wide:2508.19467 the 95 of 95% CI and its interval"),
    pytest.param("We use 80% for training and 20% for testing; FooNet reaches 91% accuracy.", [91.0],
                 id="spec shares of a data split"),
    pytest.param("On the Adience dataset with 40% noise, FooNet reduced the MAE from 0.86 to 0.62.",
                 [0.86, 0.62], id="wide:2509.02351 a noise level"),
    pytest.param("With a masking ratio of 75%, FooNet reaches 83.6% top-1 accuracy.", [83.6],
                 id="spec a masking ratio"),
    pytest.param("FooNet answers questions on videos of 10 to 90 minutes in 35 ms.", [35.0],
                 id="spec lengths of inputs"),
    pytest.param("Waver generates videos with durations ranging from 5 to 10 seconds.", [],
                 id="wide:2508.15761 durations of outputs asked for"),
    pytest.param("FooNet labels sub-clips of 30 seconds in 12 ms.", [12.0],
                 id="spec lengths of inputs, the input after a hyphen"),
    pytest.param("FooNet handles long-videos of 30 minutes in 12 ms.", [12.0],
                 id="spec lengths of inputs, another input after a hyphen (session 9 review)"),
    pytest.param("FooNet processes clips with durations ranging from about 10.5 to 20.5 minutes, achieving "
                 "45.2% accuracy.", [45.2],
                 id="spec lengths of inputs, the cue word more than six words before the number (session 9 review)"),
]


@pytest.mark.parametrize(("abstract", "claims"), NOT_CLAIMS)
def test_statistics_splits_ratios_and_lengths_are_no_claims(abstract: str, claims: list[float]) -> None:
    assert _values(abstract) == claims


def test_a_confidence_interval_is_the_interval_of_the_number_before_it() -> None:
    row = _rows("The workflow showed agreement (Cohen's $\\kappa$ = 0.82, 95% CI: 0.66-0.98).")[0]
    assert (row["value"], row["value_low"], row["value_high"]) == (0.82, 0.66, 0.98)


# --- ranges with signed or suffixed ends are one row ----------------------------------------------
# (sentence, (value, low, high, unit, qualifier) of the one row)
WORDED_RANGES = [
    pytest.param("FooNet changes accuracy by -1.6 to -15.5pp under attack.", (-15.5, -15.5, -1.6, "pp", "range"),
                 id="issue -1.6 to -15.5pp"),
    pytest.param("FooNet is 4x to 7x faster than BarNet.", (7.0, 4.0, 7.0, "x", "range"), id="issue 4x to 7x"),
    pytest.param("FooNet gains +1.2 to +1.5 points over BarNet.", (1.5, 1.2, 1.5, "points", "range"),
                 id="issue +1.2 to +1.5"),
    pytest.param("FooNet improves draft accuracy by 6% to 50% over vanilla decoding.",
                 (50.0, 6.0, 50.0, "%", "range"), id="wide:2505.08600 by 6% to 50%"),
    pytest.param("FooNet is between 25% and 50% faster than BarNet.",
                 (50.0, 25.0, 50.0, "%", "range"), id="wide:2503.15927 between A and B"),
    pytest.param("FooNet shows high frame rates ranging from 8 FPS up to 44.8 FPS.",
                 (44.8, 8.0, 44.8, "frame/s", "range"), id="wide:2507.06459 ranging from A up to B"),
]


@pytest.mark.parametrize(("abstract", "expected"), WORDED_RANGES)
def test_ranges_with_signed_or_suffixed_ends_are_one_row(abstract: str, expected: tuple) -> None:
    rows = _rows(abstract)
    assert len(rows) == 1
    row = rows[0]
    assert (row["value"], row["value_low"], row["value_high"], row["unit"], row["qualifier"]) == expected


@pytest.mark.parametrize("text", [
    pytest.param("accuracy improves from 78% to 86%", id="spec before and after"),
    pytest.param("the GPU memory has only grown by 5x (16 GB to 80 GB)", id="sample two amounts"),
])
def test_from_a_to_b_and_amounts_stay_two_numbers(text: str) -> None:
    assert not any(m.qualifier == "range" for m in find_mentions(text))


# --- "NAME = value" is read as a score on NAME ----------------------------------------------------
NAMED_VALUES = [
    pytest.param("FooNet outperforms prior models (ScareBLEU = 63.89, BLEU-1 = 55.14).",
                 [(63.89, "ScareBLEU"), (55.14, "BLEU-1")], id="wide:2504.02293 unknown metric names"),
    pytest.param("The workflow showed raw agreement = 91% with annotators.", [(91.0, "raw agreement")],
                 id="wide:2507.20786 two words"),
    pytest.param("We train with N = 100, beta = 0.1 and k = 5.", [], id="spec settings are no scores"),
    pytest.param("We print window.pwned = 1 as text.", [], id="dashboard test: code is no metric"),
]


@pytest.mark.parametrize(("abstract", "expected"), NAMED_VALUES)
def test_name_equals_value_is_a_score(abstract: str, expected: list) -> None:
    assert [(r["value"], r["metric"]) for r in _rows(abstract) if r["kind"] == "score"] == expected


def test_every_cue_has_a_side() -> None:
    assert all(cue.before or cue.after for cue in NOT_CLAIM_CUES)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(
    st.sampled_from(["p", "<", "=", "t", "F(1,", "20)", "95%", "CI:", "0.66-0.98", "for", "training", "80%",
                     "noise", "masking", "ratio", "of", "videos", "minutes", "to", "between", "and", "-1.6",
                     "+1.5", "4x", "7x", "ranging", "from", "up", "BLEU-1", "(", ")", ",", "\\kappa"]),
    st.text(max_size=3)), max_size=24).map(" ".join))
def test_reading_never_crashes(text: str) -> None:
    for mention in find_mentions(text):
        assert not_a_claim(text, mention) in {"", *(cue.name for cue in NOT_CLAIM_CUES)}
    _rows(text)


def _plain_not_a_claim(sentence: str, mention) -> str:
    """not_a_claim as each cue's own pattern reads it, without the combined pattern or gates."""
    import regex
    before = sentence[max(0, mention.start - 60):mention.start]
    for cue in NOT_CLAIM_CUES:
        if cue.before and regex.search(f"(?:{cue.before})", before) and \
                regex.search(f"(?:{cue.before})", before).end() == len(before):
            return cue.name
    for cue in NOT_CLAIM_CUES:
        if cue.after and regex.match(f"(?:{cue.after})", sentence[mention.end:mention.end + 60]):
            return cue.name
    return ""


_CUE_WORDS = ["p", "P", "p-value", "<", "=", "\\leq", "t", "F(1,", "20)", "chi-squared", "Cohen's", "d", "95%", "CI",
              "confidence", "interval", "for", "training", "test", "80%", "of", "the", "data", "noise", "label",
              "masking", "ratio", "rate", "videos", "minutes", "seconds", "of", "video", "to", "-", "30-second",
              "clips", "split", "train/test", "0.5", "12", "-5.56", "+1.2", "is", "about", "lasting", "durations",
              # words that hold a cue's word without being it, and words glued to one
              "sub-", "short-", "accurate", "generate", "values", "P", "of", "²", "η", "squared", "effect", "size",
              "\u2264", "\xa0", "\r", "pvalue", "sampling", "probability", "was", "at", "around", "over", "spanning",
              "from", "ranging", "up", "and", "with", "a", "\u2212", "percent", "percentCI", "10-", "C.I.", "\u2014",
              "held-out", "validation", "masked", "dropout", "%", "s", "min", "long", "recordings", "80/20"]


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(_CUE_WORDS), max_size=12),
       separators=st.lists(st.sampled_from([" ", "  ", "", "\n", ", "]), min_size=12, max_size=12))
def test_gated_cues_read_what_each_cue_reads(words, separators):
    text = "".join(w + s for w, s in zip(words, separators))
    for mention in find_mentions(text):
        assert not_a_claim(text, mention) == _plain_not_a_claim(text, mention)


def _texts_each_cue_reads() -> st.SearchStrategy[tuple[str, str]]:
    """(side, text) where `text` is what a cue's own pattern matches (drawn from the declaration
    in NOT_CLAIM_CUES, so a word added to a cue is drawn without editing this test), short
    enough to lie within the reach of the look around a number."""
    ascii_printable = st.characters(codec="ascii", exclude_categories=("Cc",))
    return st.one_of([
        st.from_regex(getattr(cue, side).removesuffix("$"), fullmatch=True, alphabet=ascii_printable)
        .filter(lambda text: len(text) <= 50).map(lambda text, side=side: (side, text))
        for cue in NOT_CLAIM_CUES for side in ("before", "after") if getattr(cue, side)])


@settings(max_examples=1500, deadline=None)
@given(_texts_each_cue_reads())
def test_the_first_looks_let_through_every_text_a_cue_reads(side_and_text):
    # the words of not_claims' first looks are kept beside the patterns; this holds them to them
    side, text = side_and_text
    sentence = f"FooNet handles {text} 12.5 ms." if side == "before" else f"FooNet handles 12.5{text} in 3 ms."
    for mention in find_mentions(sentence):
        assert not_a_claim(sentence, mention) == _plain_not_a_claim(sentence, mention), sentence
