"""The fast paths of the name look-ups (fields.benchmarks_in and its helpers, the carried
benchmark of an earlier sentence) find what the plain patterns and loops they replace find.

Each is checked against the plain version, kept here, on text made of the words it looks for
(so that matches are frequent), separators, digits and arbitrary characters.
"""
from __future__ import annotations


import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.engine import fields, vocab
from extract.engine.fields import LINKED_NAME_BEFORE, NOT_BENCHMARK_CONTEXT
from extract.engine.patterns import re_search, re_sub

FAST_SETTINGS = settings(max_examples=300, deadline=None)

_SEPARATORS = st.sampled_from([" ", "  ", "\t", "\x0b", "\x1c", "\x85", "\u00a0", " ( ", "(", ", ",
                               ". ", "-", "/", ":", "", "\n"])


def _texts(words: list[str], ascii_only: bool = False) -> st.SearchStrategy[str]:
    """Runs of `words` (as given and upper-cased), numbers, separators and arbitrary text."""
    word = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(str.upper),
        st.from_regex(r"[0-9]{1,4}(?:\.[0-9]{1,2})?[%x]?", fullmatch=True),
        st.text(alphabet=st.characters(max_codepoint=127) if ascii_only else st.characters(),
                max_size=4),
    )
    texts = st.lists(st.tuples(word, _SEPARATORS), max_size=14).map(
        lambda parts: "".join(w + s for w, s in parts))
    return texts.filter(str.isascii) if ascii_only else texts


_BENCHMARK_WORDS = ["on", "in", "the", "x", "%", "and", "&", "/", "USPTO-50K", "PG-19", "AIME24",
                    "25", "MATH500", "GSM8K", "ImageNet", "COCO", "A100", "ESGenius", "benchmark",
                    "dataset", "test set", "trained", "using", "with", "pre-trained", "points",
                    "Vision-R1", "_", "Foo-Bar", "x1"]


@FAST_SETTINGS
@given(text=_texts(["ESGenius", "ESGenius-Lite", "-", "_", "é", "ESGeniusX"]),
       name=st.sampled_from(["ESGenius", "ES.Genius", "E+"]))
def test_whole_name_spans_are_the_pattern_matches(text, name):
    expected = [m.span() for m in regex.finditer(rf"(?<![\w-]){regex.escape(name)}(?![\w-])", text)]
    assert fields.whole_name_spans(name, text) == expected


@FAST_SETTINGS
@given(window=st.one_of(st.text(max_size=5), _texts(["to", "To", "TO", "xto"])))
def test_ends_in_to_is_the_pattern(window):
    window = window[-4:]
    assert fields.ends_in_to(window) == (re_search(r"\bto\s+$", window) is not None)


_INTRODUCING_WORDS = [form for verb in fields.INTRODUCES_VERBS for form in (verb, verb + "s", verb[:3])]


@FAST_SETTINGS
@given(text=_texts(_INTRODUCING_WORDS + ["ESGenius", "Foo-1", ",", "a", "the", "new", "benchmark", "dataset"]))
def test_introduced_benchmarks_are_the_pattern_matches(text):
    expected = tuple(match["name"] for match in fields.INTRODUCES_BENCHMARK.finditer(text))
    assert fields.introduced_benchmarks(text) == expected


@FAST_SETTINGS
@given(text=_texts(["pre-trained", "pretraining", "trained", "leveraging", "using", "with", "on",
                    "the", "large", "MMLU", "data", "fine-tuned", "u\u017fing", "w\u0130th", "\x1c"]))
def test_training_context_searched_backwards_agrees_with_the_forward_search(text):
    assert fields.ends_in_training_context(text) == (NOT_BENCHMARK_CONTEXT.search(text) is not None)


def _plain_benchmarks_in(sentence: str, introduced: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """benchmarks_in as it was written before its fast paths: the reference."""
    found = list(vocab.benchmarks().find_all(sentence))
    for name in introduced:
        for match in regex.finditer(rf"(?<![\w-]){regex.escape(name)}(?![\w-])", sentence):
            if not any(s <= match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), name))
    for start, end, name in list(found):
        sibling = fields.SIBLING_BENCHMARK.match(sentence, end)
        stem = re_sub(r"\d+$", "", name)
        if sibling and stem != name and len(sibling["suffix"]) == len(name) - len(stem):
            spelled = stem + sibling["suffix"]
            found.append((end, sibling.end(), vocab.benchmarks().canonical(spelled) or spelled))
    return sorted(found)


@FAST_SETTINGS
@given(text=_texts(_BENCHMARK_WORDS), introduced=st.sampled_from([(), ("ESGenius",), ("PG-19", "x1")]))
def test_benchmarks_in_finds_what_the_plain_version_finds(text, introduced):
    assert fields.benchmarks_in(text, introduced) == _plain_benchmarks_in(text, introduced)


@FAST_SETTINGS
@given(text=_texts(["accuracy", "AUC", "of", "=", ":", "F1-score", " ", "\t", "x_1"]),
       cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_linked_name_searched_backwards_agrees_with_the_forward_search(text, cut):
    start, end = sorted(int(c * len(text)) for c in cut)
    assert fields.ends_in_linked_name(text, start, end) == (LINKED_NAME_BEFORE.search(text, start, end) is not None)
