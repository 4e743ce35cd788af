"""Numbers that look like results but are no claims (spec section 1, v1.1): statistics about a
result (p-values, the 95 of "95% CI", test statistics such as t, F or chi-squared, effect sizes
such as Cohen's d), shares of a data split ("80% for training"), augmentation or sampling ratios
("a masking ratio of 75%", "40% label noise"), and lengths or durations of inputs ("videos of
10 to 90 minutes", "30-second clips").

The cue words of each family are declared once, in NOT_CLAIM_CUES: a pattern of the words
right before the number (they end where its digits start) and one of the words right after it
(they start where its digits end, so the unit is among them). All are compiled into one pattern
per side, whose named group says which family matched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from .mentions import Mention


@dataclass(frozen=True)
class NotClaimCue:
    """One family of numbers that are no claims: the words before or after the number."""

    name: str
    before: str = ""   # matched against the text before the number, anchored at its end
    after: str = ""    # matched against the text after the number's digits, anchored at its start


_COMPARISON = r"(?:<=|>=|[<>=\u2264\u2265]|\\l(?:eq?|t)|\\g(?:eq?|t))"
_SIGN = r"[-+\u2212]?"

NOT_CLAIM_CUES: tuple[NotClaimCue, ...] = (
    # "p < 0.001", "p-value of 0.03"
    NotClaimCue("p_value", before=rf"(?<![\w\\])[pP](?:[-\s]?values?)?\s*(?:{_COMPARISON}|\bof)\s*{_SIGN}\s*$"),
    # "t = -5.56", "F(1, 20) = 4.5", "chi-squared = 12.1", "U = 340"
    NotClaimCue("test_statistic", before=(
        r"(?<![\w\\])(?:t|F|z|U|H|W|\u03c7\^?2|\u03c7\u00b2|chi\^?2|chi-squared|\\chi\^?\{?2\}?)"
        rf"\s*(?:\(\s*[\d.,\s]+\))?\s*{_COMPARISON}\s*{_SIGN}\s*$")),
    # "Cohen's d = 0.8", "an effect size of 0.4", "eta squared = 0.12"
    NotClaimCue("effect_size", before=(
        rf"(?:\b(?:Cohen'?s\s+|Hedges'?\s+)?(?<![\w\\])[dg]\s*=|\beffect\s+sizes?\s+(?:of|=)|"
        rf"(?:\u03b7|\\eta|eta)\s*(?:\^?2|\u00b2|squared)\s*=)\s*{_SIGN}\s*$")),
    # the 95 of "95% CI", "90% confidence interval"
    NotClaimCue("confidence_level", after=(
        r"\s*(?:%|\\%|percent)\s*(?:CI|C\.I\.|(?:confidence|credible|prediction)\s+intervals?|"
        r"(?:confidence|credible)\s+(?:level|bands?))\b")),
    # "80% for training", "20% as the test set", "70% of the data for training", "80/20 train"
    NotClaimCue("data_split", after=(
        r"\s*(?:%|\\%)\s*(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?)?(?:for|as|in)\s+(?:the\s+)?"
        r"(?:training|train|testing|test|validation|evaluation|held-out)\b(?!\s+(?:accuracy|error|loss))"
        r"|\s*(?:%|\\%)?\s*[-/:]\s*\d+\s*(?:%|\\%)?\s*(?:train|training)\b")),
    NotClaimCue("data_split", before=(
        r"\b(?:train(?:ing)?|test(?:ing)?|validation|val)(?:[-/\s](?:test|val(?:idation)?|dev))*\s+"
        r"(?:split|ratio|partition)s?\s+(?:of\s+|=\s*|is\s+)?$")),
    # "a masking ratio of 75%", "sampling rate of 0.5", "with 40% noise", "75% of patches masked"
    NotClaimCue("augmentation_or_sampling", before=(
        r"\b(?:sampling|mask(?:ing)?|drop(?:out)?|drop\s+path|augmentation|mixup|cutmix|noise|corruption|"
        r"perturbation|sub-?sampling|down-?sampling|up-?sampling|keep|retention|mixing|replay|resampling)"
        r"\s+(?:ratio|rate|probability|level|factor|proportion)s?\s+(?:of\s+|=\s*|is\s+|was\s+|at\s+)?"
        r"(?:up\s+to\s+|about\s+|around\s+)?$")),
    NotClaimCue("augmentation_or_sampling", after=(
        r"\s*(?:%|\\%)\s*(?:(?:label|random|symmetric|asymmetric|gaussian|input)\s+)?"
        r"(?:noise|noisy\s+labels|masking|corruption|dropout|mask\s+ratio)\b"
        r"|\s*(?:%|\\%)\s*(?:of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}?(?:masked|sampled|dropped|corrupted|perturbed)\b")),
    # "videos of 10 to 90 minutes", "recordings lasting 30 s"
    NotClaimCue("input_length", before=(
        r"\b(?:videos?|clips?|recordings?|audios?|speech|sequences?|trajector(?:y|ies)|episodes?|"
        r"utterances?|segments?|documents?|inputs?|contexts?|movies|films|podcasts|lectures)\s+"
        r"(?:of|lasting|spanning|between|ranging\s+from|from|up\s+to|(?:with\s+)?(?:a\s+)?(?:durations?|lengths?)"
        r"\s+(?:of|ranging\s+from|from|between))\s+(?:about\s+|up\s+to\s+|over\s+|around\s+)?"
        r"(?:\d+(?:\.\d+)?\s*(?:to|and|-)\s*)?$")),  # the second end too: "videos of 10 to 90 minutes"
    # "10 to 90 minutes of video", "30-second clips", "5 s audio"
    NotClaimCue("input_length", after=(
        r"(?:\s*|-)(?:s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|frames?|pages?)\s+(?:of\s+)?"
        r"(?:long\s+)?(?:[\w-]+\s+)?(?:videos?|audio|speech|recordings?|footage|clips?|movies|films|"
        r"inputs?|contexts?|podcasts|lectures)\b")),
)

#: Names of settings, parameters and statistics: "N = 100", "k = 5", "beta = 0.1", "r = 0.45"
#: state no result, unlike "BLEU-1 = 55.14" or "raw agreement = 91%" (fields.named_metric).
NAMED_SETTINGS = frozenset("""
n k m r t p d b h w l c s x y z alpha beta gamma delta epsilon eta theta lambda mu nu rho sigma
tau phi omega temperature temp lr seed batch epoch epochs steps step size dim depth width layers
heads rank order degree df α β γ δ ε η θ λ μ ν ρ σ τ φ ω
""".split())

# A confidence interval's ends are not a claim of their own: "0.82, 95% CI: 0.66-0.98" gives
# the 0.82 its interval.
_INTERVAL_BEFORE = regex.compile(
    r"\b(?:CI|C\.I\.|(?:confidence|credible)\s+intervals?)\s*[:=]?\s*[\[(]?\s*$", regex.IGNORECASE)

_REACH = 60  # characters looked at on either side of a number


def _joined(side: str, flags: int = 0) -> regex.Pattern:
    """The cues of one side as one pattern, each under the group `<family>_<index>`."""
    alternatives = "|".join(f"(?P<{cue.name}_{index}>{getattr(cue, side)})"
                            for index, cue in enumerate(NOT_CLAIM_CUES) if getattr(cue, side))
    return regex.compile(alternatives, flags)


# The cues before a number end where the text ends: searched backwards from there, the pattern
# is decided in a few steps instead of tried at every earlier position.
_BEFORE = _joined("before", regex.REVERSE)
_AFTER = _joined("after")


def not_a_claim(sentence: str, mention: Mention) -> str:
    """The family of NOT_CLAIM_CUES that makes `mention` no claim, or "" when none does.

    >>> from extract.engine.mentions import find_mentions
    >>> sentence = "creativity rises by 52.5% (t = -5.56, p < 0.001)"
    >>> [not_a_claim(sentence, m) for m in find_mentions(sentence)]
    ['', 'test_statistic', 'p_value']
    """
    return NotClaims(sentence).family(mention)


class NotClaims:
    """The look of one sentence for numbers that are no claims: `family(mention)` is
    not_a_claim's answer for each of its numbers. The sentence is reduced to its words and
    comparisons once (_words_and_comparisons) for the first look before each of them."""

    __slots__ = ("sentence", "_reduced")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._reduced = _words_and_comparisons(sentence)

    def family(self, mention: Mention) -> str:
        sentence, start, end = self.sentence, mention.start, mention.end
        if _may_end_a_cue(self._reduced[max(0, start - _REACH):start]):
            found = _BEFORE.search(sentence, max(0, start - _REACH), start)
            if found is not None:
                return found.lastgroup.rsplit("_", 1)[0]
        if _may_open_a_cue(sentence[end:end + _REACH], self._reduced[end:end + _REACH]):
            found = _AFTER.match(sentence, end, end + _REACH)
            if found is not None:
                return found.lastgroup.rsplit("_", 1)[0]
        return ""


# A cheap first look (most numbers are preceded by none), over the text reduced to ASCII
# letters, in lower case, and comparisons, one byte per character: every match of a cue before
# a number holds a comparison (p-values, test statistics, "d =", "eta squared =", all written
# "="; a character outside ASCII is taken for one: "≤") or one of these words, standing alone
# as a run of letters (each cue has white space or no letter right before and after its word;
# the input's word may follow a hyphen, "sub-clips of 30 seconds") ...
# ("probabilitys": the patterns read "probability" then an optional "s"; "c": "C.I." reduces to "c i")
_CUE_BEFORE_WORDS = frozenset(word.encode("ascii") for word in """
p value values pvalue pvalues effect split splits ratio ratios partition partitions rate rates
probability probabilitys level levels factor factors proportion proportions
video videos clip clips recording recordings audio audios speech sequence sequences trajectory trajectories
episode episodes utterance utterances segment segments document documents input inputs context contexts
movies films podcasts lectures
""".split())
# ... and ends, but for white space, signs and the first end of a range ("videos of 10-"),
# with a comparison or one of these words: the last run of letters, comparisons with it
_CUE_ENDING_WORDS = frozenset(word.encode("ascii") for word in """
of is was at to about around over and between from lasting spanning split splits ratio ratios partition
partitions rate rates probability probabilitys level levels factor factors proportion proportions
""".split())
_LETTERS_AND_COMPARISONS = bytes.maketrans(bytes(range(128)), bytes(
    ord(chr(code).lower()) if chr(code).isalpha() else ord("=") if chr(code) in "<>=\\?" else ord(" ")
    for code in range(128)))


def _words_and_comparisons(text: str) -> bytes:
    """`text` as _may_end_a_cue reads it, at the same offsets (a character outside ASCII is
    encoded as "?", a comparison)."""
    return text.encode("ascii", "replace").translate(_LETTERS_AND_COMPARISONS)


def _may_end_a_cue(before: bytes) -> bool:
    words = before.split()
    if not words or not (_COMPARISON in words[-1] or words[-1] in _CUE_ENDING_WORDS):
        return False
    return _COMPARISON in before or not _CUE_BEFORE_WORDS.isdisjoint(words)


# looked for as a byte's value: `bytes in bytes` first tries the needle as a number, at the cost
# of a raised and cleared error
_COMPARISON = ord("=")


# What the cues after a number open with, and the words one of which they then hold, standing
# alone as a run of letters in the reduced text (white space or no letter before and after each;
# "percent" may be glued to the next word, "95 percentCI"): a share ("%", "percent", "-", "/",
# ":") is of a statistic, a split or a sampling; a unit of time or a count of pages is of an input.
_SHARE_OPENINGS = frozenset("%\\p-/:")
_SHARE_WORDS = frozenset(word.encode("ascii") for word in """
ci c confidence credible prediction percentci percentc percentconfidence percentcredible percentprediction
training train testing test validation evaluation held noise noisy masking corruption dropout mask masked
sampled dropped corrupted perturbed
""".split())
_LENGTH_OPENINGS = frozenset("-smhfp")
_LENGTH_WORDS = frozenset(word.encode("ascii") for word in """
video videos audio speech recording recordings footage clip clips movies films input inputs context contexts
podcasts lectures
""".split())


def _may_open_a_cue(after: str, reduced: bytes) -> bool:
    """`after`: the text after a number's digits; `reduced`: the same, as _words_and_comparisons
    writes it."""
    opening = after.lstrip()[:1]
    share, length = opening in _SHARE_OPENINGS, opening in _LENGTH_OPENINGS
    if not (share or length):
        return False
    words = reduced.replace(b"=", b" ").split()  # a word may end at a character outside ASCII ("CI—")
    return (share and not _SHARE_WORDS.isdisjoint(words)) or (length and not _LENGTH_WORDS.isdisjoint(words))


def is_interval_of_previous(sentence: str, mention: Mention, previous: Mention | None) -> bool:
    """Whether `mention` is the confidence interval of the number before it ("0.82, 95% CI:
    0.66-0.98"): a range after "CI" when the number before has no interval yet."""
    if previous is None or previous.low is not None or mention.low is None:
        return False
    return _INTERVAL_BEFORE.search(sentence, max(0, mention.outer_start - 40), mention.outer_start) is not None
