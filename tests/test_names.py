"""The fast paths of names.py find what the plain `regex` patterns find.

The reference scans are kept here as names.py had them: NAME_TOKEN tried on every token, and
the case-blind `regex` proposal and "our X" patterns. They are compared with the module on text
made of name-like tokens, the words the patterns look for, separators (among them the white
space the two engines read differently) and arbitrary Unicode.
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.engine import names
from extract.engine.names import NAME_TOKEN, NOT_SYSTEM, find_names, is_system_token, system_name

NAMES_SETTINGS = settings(max_examples=400, deadline=None)

_WORDS = [
    "GPT-4o", "Vision-R1-7B", "RT-DETR", "p-MoD", "docT5query", "C++", "a.b", "x/y", "Fuyou", "fuyou",
    "Zero-Shot", "DL-based", "LLMs", "7B", "2.9B", "671B", "v1.5", "foo_Bar", "_x", "A", "a", "We",
    "we", "propose", "present", "introduce", "called", "dubbed", "Named", "termed", "coined",
    "our", "Our", "proposed", "new", "further", "then", "simply", "a.", "x-", "-y", "a..B", "b+C",
    "Claude", "3.7", "Gemini", "2.5", "Pro", "o3", "Dataset", "Benchmark",
    "7/B", "x-.Y", "é", "Éa", "aé", "a\u0301B", "٣", "a٣", "ﬁ",
]
_SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\x1c", "\x1f", "\x85", "\xa0", " (", ") ",
                               ", ", ". ", ".", "-", "/", "+", ":", ": ", "", "_"])
_TEXTS = st.lists(
    st.tuples(st.one_of(st.sampled_from(_WORDS), st.text(max_size=3)), _SEPARATORS), max_size=16,
).map(lambda parts: "".join(word + separator for word, separator in parts))
_ASCII_TEXTS = _TEXTS.filter(str.isascii)
_OWN = st.one_of(st.sampled_from(_WORDS + ["", "Fuyou Net"]), st.text(max_size=4))


def _reference_find_names(text: str, own: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for match in NAME_TOKEN.finditer(text):
        token = match[0]
        if not (is_system_token(token) or token == own):
            continue
        start, end = match.span()
        size = names._SIZE_AFTER_NAME.match(text, end)
        if size:
            end = size.end()
        if found and found[-1][1] == start - 1 and text[start - 1] == " ":
            start = found.pop()[0]
        found.append((start, end, text[start:end]))
    return names._with_model_names(found, names.model_names(text))


def _reference_system_name(title: str, abstract: str) -> str:
    head, colon, _ = title.partition(": ")
    if not colon and (tight := re.match(r"([^:]+):(?=[A-Z][a-z])", title)):
        head, colon = tight[1], ":"
    head = head.strip()
    if colon and len(head.split()) <= 3 and not head.lower().startswith(names._TITLE_HEAD_STOP) and \
            not names._names_a_benchmark(head):
        return head
    for match in names._PROPOSAL.finditer(abstract):
        after = match["after"]
        bracketed = names._PARENTHESISED.search(after)
        if bracketed and is_system_token(bracketed["name"]):
            return bracketed["name"]
        apposition = names._APPOSITION.match(after)
        if apposition and apposition["name"] not in NOT_SYSTEM:
            return apposition["name"]
        for token in NAME_TOKEN.finditer(after[:80]):
            if is_system_token(token[0]):
                return token[0]
    for ours in names._OUR_NAME.finditer(abstract):
        if is_system_token(ours["name"]):
            return ours["name"]
    for token in NAME_TOKEN.finditer(title):
        if is_system_token(token[0]):
            return token[0]
    return head if colon and not names._names_a_benchmark(head) else title


@NAMES_SETTINGS
@given(text=_TEXTS, own=_OWN)
@example(text="7/Bar1 x", own="")
@example(text="Fuyou, a framework", own="Fuyou")
@example(text="A b", own="A")
@example(text="Fuyou", own="")
def test_find_names_finds_what_every_token_tried_finds(text, own):
    assert find_names(text, own) == _reference_find_names(text, own)


@NAMES_SETTINGS
@given(text=_TEXTS, own=_OWN)
def test_candidate_tokens_leave_out_only_tokens_that_name_nothing(text, own):
    every = [match.span() for match in NAME_TOKEN.finditer(text)]
    candidates = names._candidate_tokens(text, own)
    assert set(candidates) <= set(every) and candidates == sorted(candidates)
    assert [span for span in every if is_system_token(text[slice(*span)]) or text[slice(*span)] == own] == \
        [span for span in candidates if is_system_token(text[slice(*span)]) or text[slice(*span)] == own]


@NAMES_SETTINGS
@given(text=_ASCII_TEXTS)
@example(text="we\x1cpropose X")
@example(text="We\x0bpresent X")
@example(text="Our\nnew\tFoo-1")
def test_ascii_twins_match_where_the_regex_patterns_match(text):
    proposals = names._PROPOSAL_ASCII.finditer(text.lower())
    assert [m.span("after") for m in proposals] == [m.span("after") for m in names._PROPOSAL.finditer(text)]
    if not any(word in text.lower() for word in names._NAMING_WORDS):
        assert [m.span("after") for m in names._WE_PROPOSE_ASCII.finditer(text.lower())] == \
            [m.span("after") for m in names._PROPOSAL.finditer(text)]
    assert [m.span("name") for m in names._OUR_NAME_ASCII.finditer(text)] == \
        [m.span("name") for m in names._OUR_NAME.finditer(text)]


@NAMES_SETTINGS
@given(title=_TEXTS, abstract=_TEXTS)
@example(title="Fuyou: a framework", abstract="")
@example(title="x", abstract="We simply propose Foo-1, dubbed Bar2. Our new Baz3")
def test_system_name_is_the_one_the_regex_patterns_find(title, abstract):
    assert system_name(title, abstract) == _reference_system_name(title, abstract)


def _reference_model_names(text: str) -> list[tuple[int, int, str]]:
    """model_names as the plain pattern reads it: MODEL_NAME tried at every position."""
    found = []
    for match in names.MODEL_NAME.finditer(text):
        family = match["family"]
        if family is None or family.lower() in names.MODEL_FAMILIES and \
                text[match.start("version") - 1:match.start("version")] != "-":
            found.append((match.start(), match.end(), match.group()))
    return found


_MODEL_WORDS = ["Claude", "Gemini", "Llama", "LLaMA", "Qwen", "Foo", "o", "Xo", "3", "3.7", "2.5", "8B", "7B",
                "Pro", "mini", "-", " ", "\t", "\u00a0", ".", "-mini", "Sonnet", "Flash", "a", "é", "٣"]


@NAMES_SETTINGS
@given(text=st.lists(st.one_of(st.sampled_from(_MODEL_WORDS), st.text(max_size=2)), max_size=14).map("".join))
@example(text="Claude 3.7 and o3-mini")
def test_model_names_found_from_digits_are_the_pattern_matches(text):
    assert names.model_names(text) == _reference_model_names(text)
