"""The fast paths of the fields of a row (fields.py) read what the plain patterns and plain
logic they replace read, kept here as the reference; where a field is read by compiled cues
alone (tests/test_gates.py holds each to its pattern), that it never crashes and reads text of
the sentence."""
from __future__ import annotations


import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.engine import fields
from extract.engine.kinds import Group
from extract.engine.mentions import Mention
from extract.engine.names import Name

GATE_SETTINGS = settings(max_examples=200, deadline=None)
_SEPARATORS = st.sampled_from([" ", "  ", "\t", " ( ", "(", ", ", ". ", "-", "/", ":", "", "\u00a0", "\n", "\x1c"])


def _texts(words: list[str], separators=_SEPARATORS, arbitrary=True) -> st.SearchStrategy[str]:
    """Runs of `words` (as given, upper case, title case), digits, separators and (unless not
    `arbitrary`, for ASCII text) arbitrary text."""
    word = st.one_of(
        st.sampled_from(words), st.sampled_from(words).map(str.upper), st.sampled_from(words).map(str.title),
        st.from_regex(r"[0-9]{1,4}(?:\.[0-9]{1,2})?", fullmatch=True), *[st.text(max_size=4)] * arbitrary)
    return st.lists(st.tuples(word, separators), max_size=14).map(lambda parts: "".join(w + s for w, s in parts))

# The governing verbs as the plain alternation of their declaration, and texts of their words
# with near misses ("rerun", "user").
_PLAIN_VERB = regex.compile(r"\b(?:" + "|".join(fields.VERB_WORDS) + r")\b", regex.I)
_VERB_TEXT_WORDS = sorted({regex.sub(r"\\w\*$", "", word) for word in fields.VERB_WORDS}) + \
    ["running", "rerun", "isn", "user", "users", "cut", "score", "deliver", "this", "é", "_", "\x1c", "\u017f"]


@GATE_SETTINGS
@given(text=_texts(_VERB_TEXT_WORDS), cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_verbs_grouped_by_first_letter_find_what_the_plain_alternation_finds(text, cut):
    start, end = sorted(int(c * len(text)) for c in cut)
    grouped = regex.compile(fields.whole_words_by_first_letter(fields.VERB_WORDS), regex.I)
    assert [m.span() for m in grouped.finditer(text, start, end)] == \
        [m.span() for m in _PLAIN_VERB.finditer(text, start, end)]


def _group(text: str, cut) -> Group:
    """One number spanning the part of `text` that `cut` marks."""
    start, end = sorted(int(c * len(text)) for c in cut)
    return Group([Mention(start, end, start, end, 1.0)])


_BASELINE_WORDS = ["than", "over", "compared", "to", "with", "versus", "vs.", "vs", "VS", "relative",
                   "against", "the", "that", "outperforms", "surpassing", "beats", "by", "BY", "on",
                   "H100", "vLLM", ";", ".", "x" * 30, "\u017f", "é"]


@GATE_SETTINGS
@given(text=st.one_of(_texts(_BASELINE_WORDS), _texts(_BASELINE_WORDS[:-2], st.sampled_from([" ", "\x1c", ", ", ""]), False)),
       cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
@example("than\x1cvLLM", (0.0, 0.0))  # the standard engine's `\s` takes \x1c, `regex`'s does not
def test_baseline_is_text_of_the_sentence(text, cut):
    assert fields.baseline_of(text, _group(text, cut)) in text


@GATE_SETTINGS
@given(text=_texts(["trained", "pre-training", "pretrained", "leveraging", "using", "with", "on", "the",
                    "large", "MMLU", "data", "\x1c", "\x85"]),
       cuts=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=5), at=st.floats(0, 1))
def test_nearest_benchmark_is_one_of_the_names(text, cuts, at):
    spans = sorted((s, e, f"B{s}-{e}") for s, e in (sorted(int(c * len(text)) for c in cut) for cut in cuts))
    position = int(at * len(text))
    mention = Mention(position, position, position, position, 1.0)
    assert fields.nearest_benchmark(spans, text, mention) in {""} | {name for _, _, name in spans}


@GATE_SETTINGS
@given(text=_texts(["average", "on", "AVERAGE", "averaged", "averages", "\u017f"]), at=st.floats(0, 1))
def test_average_qualifier_as_the_plain_pattern_reads_it(text, at):
    position = int(at * len(text))
    mention = Mention(position, position, position, position, 1.0)
    window = text[max(0, position - 25):position + 25]
    expected = "average" if regex.search(r"\b(?:on\s+)?average\b", window, regex.I) else ""
    assert fields.average_qualifier(text, mention) == expected


_CONDITION_WORDS = ["zero-shot", "5-shot", "few", "under", "with", "using", "at", "without", "an",
                    "the", "SLA", "context", "length", "FP8", "8-bit", "batch size", "(4K context, FP8)",
                    "\x85", "\u017f"]


@GATE_SETTINGS
@given(text=st.one_of(_texts(_CONDITION_WORDS),
                      _texts(_CONDITION_WORDS[:-2], st.sampled_from([" ", "\x1c", "\t", "(", ") ", ", ", ""]), False)),
       cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
@example("1 with\x1cSLA", (0.0, 0.0))  # the standard engine's `\s` takes \x1c, `regex`'s does not
def test_conditions_are_text_of_the_sentence(text, cut):
    group = _group(text, cut)
    start = group.members[-1].outer_end
    for end in (len(text), (start + len(text)) // 2):
        condition = fields.condition_of(text, group, 0, end)
        assert all(part in text for part in condition.split("; ") if part)


# The introductory phrase that opens a sentence (fields.INTRO), read on ASCII text by the
# standard engine behind a gate on the opening word, against the plain `regex` pattern.
_PLAIN_INTRO = regex.compile(fields.INTRO_PLAIN, regex.IGNORECASE)
_INTRO_WORDS = ["for", "example", "instance", "notably", "Moreover", "furthermore", "additionally",
                "importantly", "impressively", "specifically", "in", "particular", "empirically",
                "overall", "finally", "also", "further", "addition", "as", "a", "result", "contrast",
                "with", "using", "on", "across", "after", "when", "compared", "to", "by", "under",
                "among", "evaluated", "despite", "we", "AIME24", "uſing", "\u212aey", "İn", ","]


_OPENING_WORDS = sorted(set(regex.findall(r"[a-z]+", fields.INTRO_PLAIN)) - {"s", "b"})


_OPENING_WORD = st.sampled_from(_OPENING_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()]))
# Sentences that open with the pattern's words, a comma after a few more: most match it.
_INTRO_LIKE = st.tuples(
    st.sampled_from(["", " ", "\x1c", "\t ", "\u00a0"]),
    st.lists(st.tuples(_OPENING_WORD, _SEPARATORS), min_size=1, max_size=4).map(lambda p: "".join(w + s for w, s in p)),
    st.sampled_from([", ", ",", " ,", ""]),
    _texts(_INTRO_WORDS)).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_INTRO_LIKE | _texts(_INTRO_WORDS))
@example(text="With AIME24 & 25 scores of 74.0 and 60.2, Light-R1-14B-DS surpasses")
@example(text=" \x1cMoreover, it")
@example(text="uſing 8 GPUs, we")
def test_intro_is_the_plain_pattern(text):
    fast, plain = fields.INTRO.match(text), _PLAIN_INTRO.match(text)
    assert (fast and fast.span()) == (plain and plain.span())


# --- what a sentence's numbers share (fields.SentenceReading) ---------------------------------

_SYSTEM_NAMES = ["FooNet", "Qwen3-8B", "GPT-4o", "RT-DETR-R50"]
_SUBJECT_WORDS = _SYSTEM_NAMES + [
    "we", "our", "model", "it", "this", "method", "achieves", "reaches", "improves", "outperforms",
    "achieving", "improvements", "reduction", "but", "and", "only", "while", "that", "than", "over",
    "with", "by", "of", "Moreover", "With", "Training", "using", "on", "scores", "(", ")", ":", "'s",
    "\u017f"]
_NUMBER = regex.compile(r"\d+(?:\.\d+)?%?")
_SYSTEM_NAME = regex.compile(r"(?<![\w-])(?:" + "|".join(map(regex.escape, _SYSTEM_NAMES)) + r")(?![\w-])")


def _numbers(text: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), m.start(), m.end(), 1.0) for m in _NUMBER.finditer(text)]


def _system_names(text: str) -> list:
    return [Name(m.start(), m.end(), m[0]) for m in _SYSTEM_NAME.finditer(text)]


@GATE_SETTINGS
@given(text=_texts(_SUBJECT_WORDS), own=st.sampled_from(["OurNet", ""]))
@example(text="FooNet achieves 3% and GPT-4o reaches 4%, while our model improves by 5%", own="OurNet")
@example(text="With 3% on X, FooNet achieves 4% but only reaches 5%", own="OurNet")
def test_subjects_read_with_a_shared_reading_are_those_read_alone(text, own):
    """One SentenceReading for all the numbers of a sentence, in order (as claims reads them),
    gives each the subject a reading of its own gives it."""
    names = _system_names(text)
    shared = fields.SentenceReading(text)
    for mention in _numbers(text):
        assert fields.subject_of(text, mention, own, names, shared) == fields.subject_of(text, mention, own, names)


@GATE_SETTINGS
@given(text=_texts(_SUBJECT_WORDS))
def test_a_sentence_without_system_names_gives_its_numbers_the_own_system(text):
    for mention in _numbers(text):
        assert fields.subject_of(text, mention, "OurNet", []) == "OurNet"


_LEADING_WORDS = ["After", "pre-training", "with", "when", "under", "using", "in", "the", "a", "FP8",
                  "context", "length", "batch", "size", "(", ")", "4K", "SLA", "setting", "RAG", ",", ".",
                  "\x85", "\u017f"]


@GATE_SETTINGS
@given(text=st.one_of(_texts(_LEADING_WORDS), _texts(_LEADING_WORDS[:-2], st.sampled_from([" ", ", ", ",", "\x1c", ""]),
                                                      False)),
       cuts=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=4))
@example(text="After pre-training with Objects365, RT-DETR-R50 achieves 55.3% AP.", cuts=[(0.9, 0.95), (0.3, 0.4)])
@example(text="With FP8 context , 3%", cuts=[(0.5, 0.6), (0.1, 0.2)])
def test_conditions_read_with_a_shared_reading_are_those_read_alone(text, cuts):
    """The setting a sentence opens with, read once for all its numbers (and cut at each
    number), is what reading the sentence up to each number finds."""
    shared = fields.SentenceReading(text)
    for cut in cuts:
        group = _group(text, cut)
        end = len(text)
        assert fields.condition_of(text, group, 0, end, shared) == fields.condition_of(text, group, 0, end)
