"""The cue compiler: a cue is written once, as a pattern, and everything the engine runs is built
from it.

A cue is a pattern of the words around a number ("... by", "x faster", "fewer FLOPs"), case-blind
unless declared otherwise. `Cue(pattern)` compiles it into the one object callers use:

- the `regex` pattern (`Cue.pattern`), run on any text, and the reference for the rest;
- its twin for the standard engine (`ascii_twin`), run on ASCII text, the usual case: over the
  lower-cased text for a case-blind cue, with the same matches at the same offsets, several times
  cheaper than the `regex` module's case-blind matching;
- a gate: a plain look that rules most texts out before any pattern runs, read off the pattern
  itself by this module's reader of the regular-expression syntax the rules use:
  * `ends_with`: for a pattern anchored at the end of the text, the words it can end with
    ("... by", "only"); compared with `text_ending`, which cues read on one text can share;
  * an opening: for a pattern anchored at the start, the words it can open with after its
    leading run of any words, as a small anchored pattern on ASCII text;
  * `contains`: stems one of which every match holds ("reduc", "sparsity").
  A gate may let through more than the pattern matches, never less (tests/test_gates.py holds
  every cue to that, on texts made of the cue's own `words`).

Callers ask `search`, `match`, `finditer` and `search_ending`; none tests `isascii()` or runs a
gate. On ASCII text the match of a case-blind cue is one over the lower-cased text: where case
matters, read what it matched by its offsets.

`phrases(...)` writes an alternation of phrases, each a pattern in which a space stands for any
white space; cues.py declares its word lists and cues with it.
"""
from __future__ import annotations

import re

import regex

from .pattern_reader import CueError, endings, first_characters, is_literal, literal_words, read, start_openings, stems

__all__ = ["ASCII_SPACE", "UNICODE_SPACE", "Cue", "CueError", "ascii_twin", "ascii_twin_source", "case_blind",
           "compiled_cues", "first_characters", "phrases", "skip_to_word_start", "text_ending"]


def phrases(*alternatives: str) -> str:
    r"""The alternation of `alternatives`, in the order given; a space in one stands for any
    white space (`\s+`).

    >>> phrases("lower", "relative reduction", r"speed(?:[-\s]?up)?s?")
    '(?:lower|relative\\s+reduction|speed(?:[-\\s]?up)?s?)'
    """
    return "(?:" + "|".join(alternative.replace(" ", r"\s+") for alternative in alternatives) + ")"


# --- how a text ends, and case-blind gates ------------------------------------------------------

ENDING_REACH = 16


def text_ending(text: str, reach: int = ENDING_REACH) -> str:
    """How `text` ends, as `Cue.search_ending` looks at it: its last `reach` characters, white
    space trimmed, case-folded. The ending of a longer text that ends with `text` ends with this
    one, so an `ends_with` gate on it lets through all that the shorter text's gate would."""
    return case_blind(text.rstrip()[-reach:])


def case_blind(text: str) -> str:
    """`text` as a gate compares it with lower-case words: lower-cased (ASCII, the fast path) or
    case-folded, dropping the combining dot that folding adds to "İ", which the `regex` module's
    case-blind patterns match as "i" (a gate must never reject what its pattern matches).

    >>> case_blind("SPARSİTY")
    'sparsity'
    """
    return text.lower() if text.isascii() else text.casefold().replace("\u0307", "")


# --- the standard engine's twin -----------------------------------------------------------------

# What `regex` reads as `\s` in ASCII text; the standard engine's `\s` also takes \x1c-\x1f.
ASCII_SPACE = r"\t\n\x0b\x0c\r "
# What `regex` reads as `\s` in any text, for a standard-engine pattern run on text that may not
# be ASCII (tests/test_ascii_twin.py holds the two to the same characters).
UNICODE_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# The parts of a pattern `ascii_twin` tells apart: outside a set (a group's name, an escape, a
# set's opening with a "]" right after it taken as a member, other text; in a verbose pattern a
# comment too), and inside one.
_OUTSIDE_SET = r"\(\?P<\w+>|\(\?P=\w+\)|\\.|\[\^?\]?|[^\\\[(#]+|[(#]"
_PARTS_OUTSIDE_SET = regex.compile(_OUTSIDE_SET, regex.DOTALL)
_PARTS_OUTSIDE_SET_VERBOSE = regex.compile(r"(?P<comment>#[^\n]*)|" + _OUTSIDE_SET, regex.DOTALL)
_PARTS_INSIDE_SET = regex.compile(r"\\.|\]|[^\\\]]+", regex.DOTALL)
# Escapes that mean the same to both engines over lower-cased ASCII (`\s`, `\S` are spelled out;
# not `\B`, which the standard engine never matches in an empty text). `\xhh`, `\uhhhh`: their
# hex digits mean the same in either case.
_SAME_ESCAPES = frozenset(r"bdDwWAZtnrfv0123456789xu")
_SAME_FLAGS = {regex.VERBOSE: re.VERBOSE, regex.MULTILINE: re.MULTILINE, regex.DOTALL: re.DOTALL}
_KNOWN_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0 | regex.VERBOSE | regex.MULTILINE | regex.DOTALL


def ascii_twin(pattern: regex.Pattern) -> re.Pattern:
    r"""The standard engine's twin of a case-blind `regex` pattern, to run over lower-cased ASCII
    text with the same matches at the same offsets: letters in lower case, except in group names
    (`(?P<name>`, `(?P=name)`), escapes and comments; `\s` and `\S` spelled out as `regex` reads
    them (the standard engine's `\s` also takes \x1c-\x1f), inside sets and out."""
    assert pattern.flags & regex.IGNORECASE, "a case-blind pattern"
    assert not pattern.flags & ~_KNOWN_FLAGS, "flags the twin does not know"
    assert pattern.pattern.isascii(), "a non-ASCII letter may match an ASCII one case-blind ('ſ', 'K')"
    flags = sum(same for flag, same in _SAME_FLAGS.items() if pattern.flags & flag)
    return re.compile(ascii_twin_source(pattern.pattern, verbose=bool(pattern.flags & regex.VERBOSE)), flags)


def ascii_twin_source(source: str, *, verbose: bool = False, lower: bool = True, space: str = ASCII_SPACE) -> str:
    r"""The source of `ascii_twin`, for a part of a larger pattern; `lower=False` keeps letters
    as written: for a case-sensitive part, run over the text as it is (only `\s` and `\S`
    change). `space=UNICODE_SPACE` spells `\s` as `regex` reads it in any text, for a
    case-sensitive pattern the standard engine runs on text that may not be ASCII."""
    outside_set = _PARTS_OUTSIDE_SET_VERBOSE if verbose else _PARTS_OUTSIDE_SET
    at, parts, in_set, after_space = 0, [], False, False
    while at < len(source):
        token = (_PARTS_INSIDE_SET if in_set else outside_set).match(source, at)
        at = token.end()
        part = token[0]
        if after_space and part.startswith("-"):
            part = "\\" + part  # "[\s-x]": `regex` reads this "-" as itself, not as a range
        after_space = in_set and part in (r"\s", r"\S")
        part, in_set = _twin_part(part, in_set, space, lower and not token.groupdict().get("comment"))
        parts.append(part)
    return "".join(parts)


def _twin_part(part: str, in_set: bool, space: str, lower: bool) -> tuple[str, bool]:
    """One part of a pattern as its twin writes it, and whether a set is open after it."""
    if part in (r"\s", r"\S"):
        return _twin_space(part, in_set, space), in_set
    if part.startswith("\\"):
        assert not part[1].isalnum() or part[1] in _SAME_ESCAPES, f"escape {part} unknown to the twin"
        return part, in_set
    if (part.startswith("[") and not in_set) or (part == "]" and in_set):
        return part, not in_set
    return (part.lower() if lower and not part.startswith("(?P") else part), in_set


def _twin_space(part: str, in_set: bool, space: str) -> str:
    r"""`\s` or `\S` spelled out as `regex` reads them (`space`: its white space), in a set or out."""
    if in_set:  # the standard engine's \S leaves out \x1c-\x1f, which `regex` reads as no space
        return space if part == r"\s" else r"\S\x1c-\x1f"
    return ("[" if part == r"\s" else "[^") + space + "]"


# --- a leading \b as the standard engine skips to it --------------------------------------------

_TWO_WORD_CHARS = re.compile(r"[A-Za-z0-9_]{2}(?![?*+{])")
_ONE_WORD_CHAR = re.compile(r"[A-Za-z0-9_](?![?*+{])")
#: A branch's first character that is a literal (no `\b` before it): the branch stays.
_LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()](?![?*+{])")


def skip_to_word_start(source: str) -> str:
    r"""`source` (a standard-engine pattern) with a leading `\b` before literal words written
    as a look-behind after each word's first two characters (its first, where the second is
    no literal): "\b(?:we|dubbed)" becomes "(?:we(?<!\w..)|du(?<!\w..)bbed)". The same
    matches; but the standard engine tries a pattern that opens with `\b` at every position,
    and skips at C speed to a literal start (or to the first characters of an alternation of
    them). So is a group of branches each opening with `\b` and a word or with another
    literal ("(?:\bbut|,\s*as)"). `source` as it is where a branch does not open so.

    >>> skip_to_word_start(r"\bour\s+"), skip_to_word_start(r"\b\w+ly")
    ('ou(?<!\\w..)r\\s+', '\\b\\w+ly')
    >>> skip_to_word_start(r"\b(?:a(?:t|n)|or)"), skip_to_word_start(r"(?:\bbut|,\s*as)")
    ('(?:a(?<!\\w.)(?:t|n)|or(?<!\\w..))', '(?:bu(?<!\\w..)t|,\\s*as)')
    """
    if source.startswith("\\b"):
        rest = source[2:]
        if not rest.startswith("(?:"):
            return _word_skipped(rest) or source
        return _group_skipped(rest, _word_skipped) or source
    if source.startswith("(?:"):
        return _group_skipped(source, _branch_skipped) or source
    return source


def _group_skipped(source: str, skipped) -> str | None:
    """`source`, opening with a group that is not optional, with each of the group's branches
    as `skipped` writes it; None where one cannot be."""
    close = _group_end(source)
    if close is None or source[close + 1:close + 2] in ("?", "*", "+", "{"):
        return None
    branches = [skipped(branch) for branch in _branches(source[3:close])]
    if not all(branches):
        return None
    return "(?:" + "|".join(branches) + source[close:]


def _word_skipped(branch: str) -> str | None:
    """`branch` with the look-behind that stands for a `\b` before it, or None if it does not
    open with a literal word character (or a group of branches that each do)."""
    if branch.startswith("(?:"):
        return _group_skipped(branch, _word_skipped)
    if _TWO_WORD_CHARS.match(branch):
        return branch[:2] + r"(?<!\w..)" + branch[2:]
    if _ONE_WORD_CHAR.match(branch):
        return branch[:1] + r"(?<!\w.)" + branch[1:]
    return None


def _branch_skipped(branch: str) -> str | None:
    r"""A branch of a leading group: one that opens with `\b` and a word, written as
    `_word_skipped` writes it; one that opens with a literal, as it is; else None."""
    if branch.startswith("\\b"):
        return _word_skipped(branch[2:])
    return branch if _LITERAL.match(branch) else None


def _scan(source: str):
    """(position, character) of `source` outside escapes and character sets."""
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at += 2 if source[at + 1:at + 2] != "^" else 3  # a "]" first in a set is a member
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
            at += 1
            continue
        yield at, char
        at += 1


def _group_end(source: str) -> int | None:
    """Where the group that opens `source` closes."""
    depth = 0
    for at, char in _scan(source):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return at
    return None


def _branches(source: str) -> list[str]:
    """The alternatives of `source` at its top level."""
    depth, start, found = 0, 0, []
    for at, char in _scan(source):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            found.append(source[start:at])
            start = at + 1
    return found + [source[start:]]


# Every cue compiled, in order: tests/test_gates.py holds each to its pattern.
_COMPILED: list[Cue] = []


def compiled_cues() -> tuple[Cue, ...]:
    """Every cue compiled so far (all of the engine's once extract.engine.claims is imported)."""
    return tuple(_COMPILED)


# --- the matcher --------------------------------------------------------------------------------

class Cue:
    """One cue, compiled: the `regex` pattern, its standard-engine twin for ASCII text and its
    gate, behind `search`, `match`, `finditer` and `search_ending`.

    `case_blind`: the pattern ignores case (cues do, unless declared otherwise); `verbose`: it is
    written in `regex`'s verbose syntax; `gate=False`: no gate, where measurement showed the
    twin's own anchored match to cost less than any look before it.

    >>> only = Cue(r"\\b(?:only|just)\\s*$")
    >>> only.ends_with, only.search("it uses ONLY ") is not None, only.search("it uses ") is None
    (('just', 'only'), True, True)
    """

    __slots__ = ("words", "ends_with", "contains", "_source", "_flags", "_pattern", "_twin", "_lower",
                 "_reads_lower", "_ending_reach", "_contains_reach", "_opening")

    def __repr__(self) -> str:
        return f"Cue({self._source!r})"

    @property
    def pattern(self) -> regex.Pattern:
        """The `regex` pattern: what the cue matches, run on text that is not ASCII. Compiled
        when first needed: most processes meet ASCII text only, and each compile costs
        milliseconds at the start of every run and worker."""
        if self._pattern is None:
            self._pattern = regex.compile(self._source, self._flags)
        return self._pattern

    def __init__(self, pattern: str, *, case_blind: bool = True, verbose: bool = False, gate: bool = True) -> None:
        tree = read(pattern, verbose)  # first: a pattern the gates cannot be read from is an error
        self._source, self._flags = pattern, (regex.IGNORECASE if case_blind else 0) | (regex.VERBOSE if verbose else 0)
        self._pattern: regex.Pattern | None = None
        self._lower = case_blind
        twin_flags = re.VERBOSE if verbose else 0
        twin_source = ascii_twin_source(pattern, verbose=verbose, lower=case_blind)
        self._twin = re.compile(twin_source if verbose else skip_to_word_start(twin_source), twin_flags) \
            if pattern.isascii() or not case_blind else None
        self.ends_with: tuple[str, ...] = ()
        self.contains: tuple[str, ...] = ()
        self._ending_reach = 0
        self._contains_reach: int | None = None
        self._opening: re.Pattern | None = None
        if gate:
            self._make_gate(tree)
        self.words = tuple(sorted({w.lower() for w in literal_words(tree)} | set(self.ends_with) | set(self.contains)))
        self._reads_lower = self._lower or bool(self.contains)
        _COMPILED.append(self)

    def _make_gate(self, tree: tuple) -> None:
        ending_words = endings(tree)
        if ending_words is not None:
            words = _fewest_endings({case_blind(word) for word in ending_words})
            if max(map(len, words)) <= ENDING_REACH:
                self.ends_with = tuple(sorted(words, key=lambda w: (-len(w), w)))
                self._ending_reach = max(map(len, words))
                return
        found = stems(tree)
        if found is not None and not is_literal(tree):  # a literal pattern is its own best gate
            self.contains = tuple(sorted(case_blind(word) for word in found.words))
            self._contains_reach = found.reach
        openings = start_openings(tree)
        if openings is not None and self._lower and self._twin is not None:
            self._opening = _opening_gate(openings)

    def may_match(self, text: str, anchored: bool = False) -> bool:
        """False when the pattern cannot match `text` (the part of a text it is asked about;
        `anchored`: a match must start where `text` starts)."""
        if self.ends_with:
            return text_ending(text, self._ending_reach).endswith(self.ends_with)
        if self.contains:
            if anchored and self._contains_reach is not None:
                text = text[:self._contains_reach]
            return self._holds_a_stem(case_blind(text), 0, len(text))
        return True

    def _ends_so(self, text: str, pos: int, end: int) -> bool:
        """may_match of an `ends_with` gate for ``text[pos:end]``, read off its last characters
        only (``text[pos:end]`` is not copied)."""
        stripped = (text if end >= len(text) else text[:end]).rstrip()
        return case_blind(stripped[max(pos, len(stripped) - self._ending_reach):]).endswith(self.ends_with)

    def _holds_a_stem(self, folded: str, pos: int, end: int, anchored: bool = False) -> bool:
        """The `contains` gate for ``folded[pos:end]``, `folded` read case-blind (sliced only
        where the part is not the whole)."""
        if anchored and self._contains_reach is not None:
            end = min(end, pos + self._contains_reach)
        part = folded[pos:end] if pos or end != len(folded) else folded
        return any(map(part.__contains__, self.contains))

    def _ascii_text(self, text: str) -> str | None:
        """The text the twin reads (lower-cased for a case-blind cue or a `contains` gate),
        None where the twin cannot read `text`."""
        if self._twin is None:
            return None
        if not self._reads_lower:
            return text if text.isascii() else None
        seen, lower = _last_lowered[0]
        if seen is not text:
            lower = text.lower() if text.isascii() else None
            _last_lowered[0] = (text, lower)
        return lower

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        """The first match in ``text[pos:endpos]``."""
        end = len(text) if endpos is None else endpos
        if self.ends_with and not self._ends_so(text, pos, end):
            return None  # how the text ends: a look at its last characters only
        if (read := self._ascii_text(text)) is not None:  # the usual case: lowered once for every cue
            if self.contains and not self._holds_a_stem(read, pos, end):
                return None
            return self._twin.search(read if self._lower else text, pos, end)
        if self.contains and not self.may_match(text[pos:end]):
            return None
        return self.pattern.search(text, pos, end)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        """The match starting at `pos`, in ``text[pos:endpos]``."""
        end = len(text) if endpos is None else endpos
        if (read := self._ascii_text(text)) is not None:
            if self._opening is not None:
                if self._opening.match(read, pos, end) is None:
                    return None
            elif self.ends_with:
                if not self._ends_so(text, pos, end):
                    return None
            elif self.contains and not self._holds_a_stem(read, pos, end, anchored=True):
                return None
            return self._twin.match(read if self._lower else text, pos, end)
        if (self.ends_with or self.contains) and not self.may_match(text[pos:end], anchored=True):
            return None
        return self.pattern.match(text, pos, end)

    @property
    def gate(self) -> str:
        """What the gate looks at, in words (for docs and test reports)."""
        if self.ends_with:
            return "ends with: " + ", ".join(self.ends_with)
        parts = ["opens with: " + self._opening.pattern] if self._opening is not None else []
        if self.contains:
            reach = "" if self._contains_reach is None else f" (a match at the start: in its first {self._contains_reach} characters)"
            parts.append("holds one of: " + ", ".join(self.contains) + reach)
        return "; ".join(parts) or "none"

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """The matches in ``text[pos:endpos]``, in order (not for an `ends_with` cue: its gate
        speaks of the end of the text, not of where a match ends)."""
        assert not self.ends_with, "an ends_with gate speaks of the end of the text, not of a match"
        end = len(text) if endpos is None else endpos
        if (read := self._ascii_text(text)) is not None:
            if self.contains and not self._holds_a_stem(read, pos, end):
                return iter(())
            return self._twin.finditer(read if self._lower else text, pos, end)
        if self.contains and not self.may_match(text[pos:end]):
            return iter(())
        return self.pattern.finditer(text, pos, end)

    def search_ending(self, text: str, ending: str):
        """search(text) for an `ends_with` cue, given the `text_ending` of `text` or of a text
        that `text` ends: several cues read on one text share that look."""
        assert self.ends_with, "an ending is looked at only for a cue anchored at the end"
        if not ending.endswith(self.ends_with):
            return None
        if (read := self._ascii_text(text)) is not None:
            return self._twin.search(read if self._lower else text)
        return self.pattern.search(text)


#: The last text a cue lowered and its lower case (None: not ASCII): one pair, read and
#: replaced whole, so that threads sharing it never see one text's for another. The cues of
#: a rule read one sentence (or one side of a number) many times in a row: lowered once.
_last_lowered: list[tuple[str, str | None]] = [("", "")]


def _fewest_endings(words: set[str]) -> set[str]:
    """`words` without those that end with another of them."""
    return {word for word in words if not any(other != word and word.endswith(other) for other in words)}


def _opening_gate(openings: set[tuple[int, str]]) -> re.Pattern:
    """The standard engine's anchored look at how a lower-cased ASCII text opens: white space,
    up to so many words of any characters, then one of the openings."""
    by_gap: dict[int, set[str]] = {}
    for gap, opening in openings:
        by_gap.setdefault(gap, set()).add(opening.lower())
    space, word = f"[{ASCII_SPACE}]", f"[^{ASCII_SPACE}]"
    branches = []
    for gap, words in sorted(by_gap.items()):
        fewest = sorted(w for w in words if not any(o != w and w.startswith(o) for o in words))
        skip = f"(?:{word}+{space}+){{0,{gap}}}" if gap else ""
        branches.append(skip + "(?:" + "|".join(map(re.escape, fewest)) + ")")
    return re.compile(f"{space}*(?:" + "|".join(branches) + ")")
