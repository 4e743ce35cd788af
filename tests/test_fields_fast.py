"""The fast paths of the fields of a row (fields.py) read what the plain patterns and plain
logic they replace read, kept here as the reference."""
from __future__ import annotations

import re

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.engine import cues, fields
from extract.engine.kinds import Group
from extract.engine.mentions import Mention

GATE_SETTINGS = settings(max_examples=200, deadline=None)
_SEPARATORS = st.sampled_from([" ", "  ", "\t", " ( ", "(", ", ", ". ", "-", "/", ":", "", "\u00a0", "\n", "\x1c"])


def _texts(words: list[str], separators=_SEPARATORS, arbitrary=True) -> st.SearchStrategy[str]:
    """Runs of `words` (as given, upper case, title case), digits, separators and (unless not
    `arbitrary`, for ASCII text) arbitrary text."""
    word = st.one_of(
        st.sampled_from(words), st.sampled_from(words).map(str.upper), st.sampled_from(words).map(str.title),
        st.from_regex(r"[0-9]{1,4}(?:\.[0-9]{1,2})?", fullmatch=True), *[st.text(max_size=4)] * arbitrary)
    return st.lists(st.tuples(word, separators), max_size=14).map(lambda parts: "".join(w + s for w, s in parts))

_PLAIN_VERB = regex.compile(
    r"\b(?:achiev\w*|attain\w*|reach\w*|obtain\w*|maintain\w*|preserv\w*|retain\w*|improv\w*|"
    r"outperform\w*|surpass\w*|beat\w*|exceed\w*|reduc\w*|runs|run|trains|delivers|delivering|provid\w*|"
    r"offers|yields|shows|scores|scored|records|recorded|gets|sustains|enables|led|leads|raises|boosts|"
    r"cuts|speeds|accelerates|matches|exhibit\w*|demonstrat\w*|produc\w*|expands|consum\w*|"
    r"requires|uses|use|is|was|can|could)\b", regex.I)
_VERB_TEXT_WORDS = ["achieves", "reaches", "runs", "run", "running", "rerun", "is", "isn", "was", "use",
                    "uses", "user", "users", "can", "could", "cuts", "cut", "led", "leads", "scores",
                    "scored", "score", "deliver", "delivers", "delivering", "produces", "this", "é",
                    "_", "\x1c", "\u017f"]


@GATE_SETTINGS
@given(text=_texts(_VERB_TEXT_WORDS), cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_verbs_grouped_by_first_letter_find_what_the_plain_alternation_finds(text, cut):
    start, end = sorted(int(c * len(text)) for c in cut)
    assert [m.span() for m in fields._VERB.finditer(text, start, end)] == \
        [m.span() for m in _PLAIN_VERB.finditer(text, start, end)]


def _group(text: str, cut) -> Group:
    """One number spanning the part of `text` that `cut` marks."""
    start, end = sorted(int(c * len(text)) for c in cut)
    return Group([Mention(start, end, start, end, 1.0)])


_BASELINE_WORDS = ["than", "over", "compared", "to", "with", "versus", "vs.", "vs", "VS", "relative",
                   "against", "the", "that", "outperforms", "surpassing", "beats", "by", "BY", "on",
                   "H100", "vLLM", ";", ".", "x" * 30, "\u017f", "é"]


def _plain_baseline(sentence: str, group: Group) -> str:
    after = fields._BASELINE_AFTER.pattern.match(sentence[group.members[-1].outer_end:])
    before = None if after else fields._BASELINE_BEFORE.pattern.search(sentence[:group.members[0].outer_start])
    found = after or before
    if not found:
        return ""
    name = fields._BASELINE_THAT.sub("", found["name"])
    return fields._BASELINE_TAIL.split(name, maxsplit=1)[0].strip()


@GATE_SETTINGS
@given(text=st.one_of(_texts(_BASELINE_WORDS), _texts(_BASELINE_WORDS[:-2], st.sampled_from([" ", "\x1c", ", ", ""]), False)),
       cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
@example("than\x1cvLLM", (0.0, 0.0))  # the standard engine's `\s` takes \x1c, `regex`'s does not
def test_baseline_read_as_the_plain_patterns_read_it(text, cut):
    group = _group(text, cut)
    assert fields.baseline_of(text, group) == _plain_baseline(text, group)


def _plain_nearest_benchmark(spans, sentence: str, mention: Mention) -> str:
    def listed(span) -> bool:
        return fields._in_a_list(spans, span, sentence)
    after = [s for s in spans if s[0] >= mention.outer_end]
    if after and fields._INTRODUCED_BY.match(sentence[mention.outer_end:after[0][0]]):
        return "" if listed(after[0]) else after[0][2]
    usable = [s for s in spans if not fields.NOT_BENCHMARK_CONTEXT.search(sentence[max(0, s[0] - 40):s[0]])]
    before = [s for s in usable if s[1] <= mention.start]
    if before:
        return "" if listed(before[-1]) else before[-1][2]
    later = {s[2] for s in usable if s[0] >= mention.outer_end}
    taken = re.search(r"\d", sentence[max(mention.outer_end, after[0][0] - 25):after[0][0]]) if after else None
    return later.pop() if len(later) == 1 and not listed(after[0]) and not taken else ""


@GATE_SETTINGS
@given(text=_texts(["trained", "pre-training", "pretrained", "leveraging", "using", "with", "on", "the",
                    "large", "MMLU", "data", "\x1c", "\x85"]),
       cuts=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=5), at=st.floats(0, 1))
def test_nearest_benchmark_as_the_plain_filter_finds_it(text, cuts, at):
    spans = sorted((s, e, f"B{s}-{e}") for s, e in (sorted(int(c * len(text)) for c in cut) for cut in cuts))
    position = int(at * len(text))
    mention = Mention(position, position, position, position, 1.0)
    assert fields.nearest_benchmark(spans, text, mention) == _plain_nearest_benchmark(spans, text, mention)


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


def _plain_condition(sentence: str, start: int, end: int) -> str:
    found = []
    for match in fields._CONDITION.pattern.finditer(sentence, start, min(end, start + fields._CONDITION_REACH)):
        text = match.group().strip()
        found.append(text[1:-1] if text.startswith("(") and text.endswith(")") else text)
    return "; ".join(dict.fromkeys(found))


@GATE_SETTINGS
@given(text=st.one_of(_texts(_CONDITION_WORDS),
                      _texts(_CONDITION_WORDS[:-2], st.sampled_from([" ", "\x1c", "\t", "(", ") ", ", ", ""]), False)),
       cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
@example("1 with\x1cSLA", (0.0, 0.0))  # the standard engine's `\s` takes \x1c, `regex`'s does not
def test_condition_read_as_the_plain_pattern_reads_it(text, cut):
    group = _group(text, cut)
    start = group.members[-1].outer_end
    for end in (len(text), (start + len(text)) // 2):
        assert fields.condition_of(text, group, 0, end) == _plain_condition(text, start, end)


@GATE_SETTINGS
@given(text=_texts(["memory", "FLOPs", "TFLOPs", "MACs", "computational  cost", "GPU hours", "GPUs",
                    "KV cache", "wall time", "time", "data", "non-zero parameters", "Params", "\x1c",
                    "\x85", "\u017f", "é"]) | _texts(["memory", "FLOPs", "training", "wall", "GPU", "hours",
                                                   "time", "data"], st.sampled_from([" ", "\x1c", "\t", ""]), False))
@example("training\x1cdata")  # the standard engine's `\s` takes \x1c, `regex`'s does not
def test_resource_noun_found_as_the_regex_pattern_finds_it(text):
    found = cues.RESOURCE_OBJECT.pattern.search(text)
    assert fields._resource_object(text) == (found[0].lower() if found else "")


# The introductory phrase that opens a sentence (fields._INTRO), read on ASCII text by the
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
    fast, plain = fields._INTRO.match(text), _PLAIN_INTRO.match(text)
    assert (fast and fast.span()) == (plain and plain.span())
