"""The cue compiler's readings of a pattern: `ascii_twin`, the standard engine's twin of a
case-blind `regex` pattern, finds over lower-cased ASCII text what the pattern finds in the text,
at the same offsets; white space is spelled out as `regex` reads it; `first_characters` lists
every character a match can start with."""
from __future__ import annotations

import re

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.engine import patterns
from extract.engine.cue_compiler import (ASCII_SPACE, UNICODE_SPACE, CueError, Cue, ascii_twin, first_characters,
                                         skip_to_word_start)

# Parts of patterns: words in any case, white space in and out of sets, escapes, sets.
_PARTS = ["of", "Ab", "FLOPs", "X", "T", r"\s", r"\s+", r"\s*", r"\S", r"\S+", r"\b", r"\A", r"\Z", r"\w+",
          r"\W", r"\d", r"\.", r"\-", "-", ".", "[\\s-]", "[-\\s]", "[^\\s]", "[\\S]", "[^\\S\\n]", "[\\s-x]",
          "[\\S-,]", "[A-Z]", "[^,.;]", "[]A]", "[^]b]", "[(#]", "(?=\\S)", "(?!of)", "(?:Ab|x)", "(?<=\\s)", "$", "^"]
_TEXT = st.text(st.sampled_from("aAbBfFlLoOpPsStTxX, .;-_]()#\t\n\x0b\x0c\r\x1c\x1f\x85"[:-1] + "09"), max_size=30)


@st.composite
def _patterns(draw) -> tuple[str, int]:
    """A pattern of the parts above, maybe with a named group and a reference to it; in a
    verbose pattern, spaces and a comment too."""
    verbose = draw(st.booleans())
    parts = draw(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=6))
    if draw(st.booleans()):
        start, end = sorted(draw(st.tuples(st.integers(0, len(parts)), st.integers(0, len(parts)))))
        parts = parts[:start] + ["(?P<Name>"] + parts[start:end] + [")"] + parts[end:]
        if draw(st.booleans()):
            parts.append("(?P=Name)")
    if verbose:
        parts = [part + draw(st.sampled_from(["", " ", "  # A [Comment] \\s\n "])) for part in parts]
    return "".join(parts), regex.IGNORECASE | (regex.VERBOSE if verbose else 0)


def _found(pattern, text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(match.span(group) for group in range(pattern.groups + 1)) for match in pattern.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(pattern=_patterns(), text=_TEXT)
@example((r"of\sX", regex.IGNORECASE), "of\x1cx")  # the standard engine's `\s` takes \x1c, `regex`'s does not
@example((r"[\s-x]+", regex.IGNORECASE), "ab-x X")  # "-" after \s in a set is itself
@example(("(?P<Name>T)(?P=Name)", regex.IGNORECASE), "tT")
@example(("Ab  # [Comment \\s\n", regex.IGNORECASE | regex.VERBOSE), "ab")
def test_twin_finds_what_the_case_blind_pattern_finds(pattern, text):
    source, flags = pattern
    case_blind = regex.compile(source, flags)
    twin = ascii_twin(case_blind)
    assert twin.groupindex == case_blind.groupindex
    assert _found(twin, text.lower()) == _found(case_blind, text)


_EVERYTHING = "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize("space", [UNICODE_SPACE, ASCII_SPACE], ids=["unicode", "ascii"])
def test_space_is_what_regex_reads_as_white_space(space):
    text = _EVERYTHING if space == UNICODE_SPACE else _EVERYTHING[:128]
    assert re.findall(f"[{space}]", text) == regex.findall(r"\s", text)


# A match can start with a character when the pattern matches a text that the character opens,
# in part at least (`regex`'s partial matching: the text may go on).
_CANDIDATES = "".join(map(chr, range(0x3000)))


@pytest.mark.parametrize(("canonical", "pattern"), patterns.UNIT_PATTERNS, ids=[c for c, _ in patterns.UNIT_PATTERNS])
def test_first_characters_of_each_unit_are_all_it_can_start_with(canonical, pattern):
    compiled = regex.compile(pattern)
    starting = {c for c in _CANDIDATES if compiled.match(c, partial=True)}
    assert starting <= first_characters(pattern)
    assert all(compiled.match(c, partial=True) for c in first_characters(pattern))


@pytest.mark.parametrize("pattern", [r"(?i)x", r"\p{L}", r"(?:ab", r"ab)", r"a|*b"])
def test_reader_names_what_it_cannot_read(pattern):
    with pytest.raises(CueError, match="pattern"):
        Cue(pattern)


# cue_compiler.skip_to_word_start: a leading \b before literal words becomes a look-behind after
# their first two letters (the first, where the second is no literal), in a leading group's
# branches too; anything else is left as written. (Every compiled cue is held to its pattern by
# tests/test_gates.py; these are the shapes the rewrite must tell apart.)
@pytest.mark.parametrize("source, expected", [
    (r"\bour\s+", r"ou(?<!\w..)r\s+"),
    (r"\b(?:we|dubbed)\b", r"(?:we(?<!\w..)|du(?<!\w..)bbed)\b"),
    (r"\b(?:at)\s*$", r"(?:at(?<!\w..))\s*$"),
    (r"\bscores?x|\bscore", r"sc(?<!\w..)ores?x|\bscore"),
    (r"\b\w+ly", r"\b\w+ly"),  # not a literal
    (r"\bab?c", r"a(?<!\w.)b?c"),  # the second letter may be missing: after the first
    (r"\b(?:we|\d+)", r"\b(?:we|\d+)"),  # one branch is no word
    (r"\b(?:we|us)?x", r"\b(?:we|us)?x"),  # the words may be missing
    (r"\b(?:a[)]b|cd)", r"(?:a(?<!\w.)[)]b|cd(?<!\w..))"),  # a set after the first character
    (r"\b(?:a(?:t|n)|o(?:r))", r"(?:a(?<!\w.)(?:t|n)|o(?<!\w.)(?:r))"),  # words by first letter
    (r"\b(?:(?:we|us)\s|x)", r"(?:(?:we(?<!\w..)|us(?<!\w..))\s|x(?<!\w.))"),  # a group in a group
    (r"(?:\bbut|\bat|,\s*as|of)\s", r"(?:bu(?<!\w..)t|at(?<!\w..)|,\s*as|of)\s"),  # \b in the branches
    (r"(?:\bwe|\s*x)", r"(?:\bwe|\s*x)"),  # a branch opens with no literal
    (r"(?:\bwe|x)?y", r"(?:\bwe|x)?y"),  # the group may be missing
    (r"(?:we)", r"(?:we)"),  # no \b
])
def test_skip_to_word_start_rewrites_only_a_leading_word_boundary(source, expected):
    assert skip_to_word_start(source) == expected
    for text in ("we", "dubbed x", "our  Foo", "a)b", "xwe", "_our x", "at", "scores", "abc ac", "ly, we", "an or",
                 "but, as x", "at of ", "us x", "xus we ", "yan"):
        assert [m.span() for m in re.finditer(source, text)] == [m.span() for m in re.finditer(expected, text)]
