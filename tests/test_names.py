"""The fast paths of names.py find what the plain `regex` patterns find, and its scans never crash.

`NAME_TOKENS.candidates`, the token scan that leaves out tokens that can name nothing, is held
to NAME_TOKEN tried everywhere; the proposal and "our X" cues are compiled cues, held to their
own patterns by tests/test_gates.py. Texts are made of name-like tokens, the words the patterns
look for, separators (among them the white space the two engines read differently) and
arbitrary Unicode.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.engine import names
from extract.engine.names import NAME_TOKEN, NAME_TOKENS, find_names, is_system_token, system_name

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
_OWN = st.one_of(st.sampled_from(_WORDS + ["", "Fuyou Net"]), st.text(max_size=4))


@NAMES_SETTINGS
@given(text=_TEXTS, own=_OWN)
@example(text="7/Bar1 x", own="")
@example(text="Fuyou, a framework", own="Fuyou")
@example(text="A b", own="A")
@example(text="Fuyou", own="")
def test_find_names_gives_ordered_spans_of_the_text(text, own):
    found = find_names(text, own)
    assert all(text[start:end] == name for start, end, name in found)
    assert found == sorted(found) and all(a[1] <= b[0] for a, b in zip(found, found[1:]))


@NAMES_SETTINGS
@given(text=_TEXTS, own=_OWN)
@example(text="3DGS reaches 85.3 and 2.9B-x, 7/Bar1 and 4x.. 5.", own="3DGS")
@example(text="3DGS reaches 85.3 and 2.9B-x, 7/Bar1 and 4x.. 5.", own="")
def test_candidate_tokens_leave_out_only_tokens_that_name_nothing(text, own):
    every = [match.span() for match in NAME_TOKEN.finditer(text)]
    candidates = NAME_TOKENS.candidates(text, own)
    assert set(candidates) <= set(every) and candidates == sorted(candidates)
    assert [span for span in every if is_system_token(text[slice(*span)]) or text[slice(*span)] == own] == \
        [span for span in candidates if is_system_token(text[slice(*span)]) or text[slice(*span)] == own]


@NAMES_SETTINGS
@given(title=_TEXTS, abstract=_TEXTS)
@example(title="Fuyou: a framework", abstract="")
@example(title="x", abstract="We simply propose Foo-1, dubbed Bar2. Our new Baz3")
def test_system_name_is_written_in_the_title_or_the_abstract(title, abstract):
    name = system_name(title, abstract)
    assert name in title or name in abstract


def _reference_proposals(abstract: str) -> list[tuple[int, int, int, int]]:
    """names.proposals as the plain patterns read it: from where the last proposal ended, the
    first match of either cue's `regex` pattern (the first cue's on a tie)."""
    patterns = [cue.pattern for cue in names.PROPOSAL_CUES]
    found, end = [], 0
    while matches := [m for m in (pattern.search(abstract, end) for pattern in patterns) if m is not None]:
        first = min(matches, key=lambda match: match.start())
        found.append((*first.span(), *first.span("after")))
        end = first.end()
    return found


_PROPOSAL_TEXTS = st.lists(st.tuples(st.one_of(
    st.sampled_from(_WORDS + ["we propose", "We present", "dubbed Foo", "coİned", "NAMED", "termed.", "a. b"]),
    st.text(max_size=3)), _SEPARATORS), max_size=16).map(lambda parts: "".join(w + s for w, s in parts))


@NAMES_SETTINGS
@given(abstract=_PROPOSAL_TEXTS)
@example(abstract="It is dubbed Bar2, and we propose Foo-1, termed Baz. We call it Qux, named Quux")
@example(abstract="we propose Foo, dubbed Bar")
def test_proposals_are_the_plain_patterns_matches(abstract):
    assert [(*m.span(), *m.span("after")) for m in names.proposals(abstract)] == _reference_proposals(abstract)


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
                "Pro", "mini", "-", " ", "\t", "\u00a0", ".", "-mini", "Sonnet", "Flash", "a", "é", "٣",
                "GPT", "_", "\x1c", "  "]


@NAMES_SETTINGS
@given(text=st.lists(st.one_of(st.sampled_from(_MODEL_WORDS), st.text(max_size=2)), max_size=14).map("".join))
@example(text="Claude 3.7 and o3-mini")
def test_model_names_found_from_digits_are_the_pattern_matches(text):
    assert names.model_names(text) == _reference_model_names(text)
