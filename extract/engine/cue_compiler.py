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

import functools
import re
from typing import NamedTuple

import regex


class CueError(ValueError):
    """A cue the compiler cannot read or cannot build what it must from."""


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
    text, at, parts, in_set, after_space = source, 0, [], False, False
    while at < len(text):
        token = (_PARTS_INSIDE_SET if in_set else outside_set).match(text, at)
        at = token.end()
        part = token[0]
        if after_space and part.startswith("-"):
            part = "\\" + part  # "[\s-x]": `regex` reads this "-" as itself, not as a range
        after_space = False
        if part in (r"\s", r"\S"):
            if in_set:
                assert part == r"\s" or space == ASCII_SPACE, r"\S in a set, outside ASCII"
                part = space if part == r"\s" else r"\S\x1c-\x1f"
                after_space = True
            else:
                part = ("[" if part == r"\s" else "[^") + space + "]"
        elif part.startswith("\\"):
            assert not part[1].isalnum() or part[1] in _SAME_ESCAPES, f"escape {part} unknown to the twin"
        elif part.startswith("[") and not in_set:
            in_set = True
        elif part == "]" and in_set:
            in_set = False
        elif lower and not (part.startswith("(?P") or token.groupdict().get("comment")):
            part = part.lower()
        parts.append(part)
    return "".join(parts)


# --- reading a pattern --------------------------------------------------------------------------
# A pattern read into a tree of the parts that matter to a gate. A sequence is a tuple of items.

class _Char(NamedTuple):
    """One literal character."""
    char: str


class _Set(NamedTuple):
    """A character set, a class escape (`\\w`) or "."; `chars` lists its members where it can."""
    source: str
    chars: frozenset | None


class _Zero(NamedTuple):
    """What matches no character: an anchor, `\\b`, a look-around (`inner`: its branches)."""
    source: str
    inner: tuple = ()


class _Group(NamedTuple):
    branches: tuple


class _Repeat(NamedTuple):
    item: object
    low: int
    high: int | None


class _Opaque(NamedTuple):
    """What no gate can see through: a back reference."""
    source: str


_CLASS_ESCAPES = frozenset("sSwWdD")
_ZERO_ESCAPES = frozenset("bBAZ")
_CHAR_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")
_SPACE_SET = _Set(r"\s", None)


class _Reader:
    """Reads the regular-expression syntax the rules use; anything else is a CueError."""

    def __init__(self, source: str, verbose: bool) -> None:
        self.source, self.at, self.verbose = source, 0, verbose

    def error(self, what: str) -> CueError:
        return CueError(f"{what} at {self.at} of the pattern {self.source!r}")

    def peek(self) -> str:
        if self.verbose:  # white space and comments outside sets mean nothing
            while self.at < len(self.source):
                if self.source[self.at].isspace():
                    self.at += 1
                elif self.source[self.at] == "#":
                    end = self.source.find("\n", self.at)
                    self.at = len(self.source) if end < 0 else end + 1
                else:
                    break
        return self.source[self.at:self.at + 1]

    def read(self) -> tuple:
        branches = self.branches()
        if self.at < len(self.source):
            raise self.error("an unmatched ')'")
        return branches[0] if len(branches) == 1 else (_Group(branches),)

    def branches(self) -> tuple:
        found = [self.sequence()]
        while self.peek() == "|":
            self.at += 1
            found.append(self.sequence())
        return tuple(found)

    def sequence(self) -> tuple:
        items = []
        while self.peek() not in ("", "|", ")"):
            items.append(self.quantified(self.atom()))
        return tuple(items)

    def group(self, opening: str) -> tuple:
        self.at += len(opening)
        branches = self.branches()
        if self.peek() != ")":
            raise self.error("a group without its ')'")
        self.at += 1
        return branches

    def atom(self):
        source, at = self.source, self.at
        char = source[at]
        if char == "(":
            named = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)").match(source, at)
            if named and named[0].startswith("(?P="):
                self.at = named.end()
                return _Opaque(named[0])
            for opening in ("(?<=", "(?<!", "(?=", "(?!"):
                if source.startswith(opening, at):
                    return _Zero(opening, self.group(opening))
            opening = named[0] if named else "(?:" if source.startswith("(?:", at) else \
                "(?>" if source.startswith("(?>", at) else "("
            if opening == "(" and source.startswith("(?", at):
                raise self.error("a group form the compiler does not read")
            return _Group(self.group(opening))
        self.at += 1
        if char == "[":
            return self.char_set()
        if char == "\\":
            return self.escape()
        if char == ".":
            return _Set(".", None)
        if char in "^$":
            return _Zero(char)
        if char in "*+?{" and not (char == "{" and not _QUANTIFIER.match(source, at)):
            raise self.error("a quantifier with nothing before it")
        return _Char(char)

    def escape(self):
        if self.at >= len(self.source):
            raise self.error("a pattern ending in '\\'")
        char = self.source[self.at]
        self.at += 1
        if char in _CLASS_ESCAPES:
            return _Set("\\" + char, None)
        if char in _ZERO_ESCAPES:
            return _Zero("\\" + char)
        if char in "xu":
            size = 2 if char == "x" else 4
            code = self.source[self.at:self.at + size]
            self.at += size
            return _Char(chr(int(code, 16)))
        if char.isdigit():
            return _Opaque("\\" + char)
        if char.isalpha() and char not in _CHAR_ESCAPES:
            raise self.error(f"the escape \\{char}")
        return _Char(_CHAR_ESCAPES.get(char, char))

    def char_set(self) -> _Set:
        source, start = self.source, self.at - 1
        negated = source.startswith("^", self.at)
        self.at += negated
        members: set[str] | None = set()
        first = True
        while self.at < len(source) and (source[self.at] != "]" or first):
            first = False
            char = source[self.at]
            self.at += 1
            if char == "\\":
                escaped = source[self.at]
                self.at += 1
                if escaped in _CLASS_ESCAPES:
                    members = None
                    continue
                if escaped in "xu":
                    size = 2 if escaped == "x" else 4
                    char = chr(int(source[self.at:self.at + size], 16))
                    self.at += size
                else:
                    char = _CHAR_ESCAPES.get(escaped, escaped)
            if source.startswith("-", self.at) and not source.startswith("-]", self.at) and members is not None:
                last = source[self.at + 1]
                self.at += 2
                if last == "\\":
                    last = _CHAR_ESCAPES.get(source[self.at], source[self.at])
                    self.at += 1
                members.update(map(chr, range(ord(char), ord(last) + 1)))
            elif members is not None:
                members.add(char)
        if self.at >= len(source):
            raise self.error("a set without its ']'")
        self.at += 1
        return _Set(source[start:self.at], None if negated or members is None else frozenset(members))

    def quantified(self, item):
        char = self.peek()
        if char in ("?", "*", "+"):
            self.at += 1
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
        elif char == "{" and (bounds := _QUANTIFIER.match(self.source, self.at)):
            self.at = bounds.end()
            low = int(bounds[1] or 0)
            high = low if not bounds[2] else int(bounds[3]) if bounds[3] else None
        else:
            return item
        if self.source[self.at:self.at + 1] in ("?", "+"):
            self.at += 1  # lazy or possessive: the same characters may match
        if isinstance(item, _Zero):
            raise self.error("a quantified assertion")
        return _Repeat(item, low, high)


@functools.lru_cache(maxsize=None)
def _read(source: str, verbose: bool = False) -> tuple:
    return _Reader(source, verbose).read()


# --- what a pattern's matches must hold ---------------------------------------------------------

def _width(sequence: tuple) -> int | None:
    """The most characters a match of `sequence` can span (None: no bound)."""
    total = 0
    for item in sequence:
        if isinstance(item, (_Char, _Set)):
            total += 1
        elif isinstance(item, _Group):
            widths = [_width(branch) for branch in item.branches]
            if None in widths:
                return None
            total += max(widths)
        elif isinstance(item, _Repeat):
            inner = _width((item.item,))
            if inner is None or item.high is None:
                return None
            total += inner * item.high
        elif isinstance(item, _Opaque):
            return None
    return total


_MAX_OPENINGS = 400


@functools.lru_cache(maxsize=None)
def _openings(sequence: tuple) -> frozenset[str]:
    """Literal openings one of which every match of `sequence` starts with; "" among them where
    a match may start with anything."""
    if not sequence:
        return frozenset({""})
    item, rest = sequence[0], sequence[1:]
    if isinstance(item, _Zero):
        return _openings(rest)
    if isinstance(item, _Char):
        return frozenset(item.char + opening for opening in _openings(rest))
    if isinstance(item, _Group):
        found = frozenset().union(*(_openings(branch + rest) for branch in item.branches))
        if len(found) > _MAX_OPENINGS:  # a long list of words after a long list: stop at the group
            found = frozenset().union(*(_openings(branch) for branch in item.branches))
        return found
    if isinstance(item, _Repeat) and item.low == 0 and item.high == 1:
        return _openings((item.item,) + rest) | _openings(rest)
    if isinstance(item, _Repeat) and item.low >= 1:
        return _openings((item.item,))
    return frozenset({""})


def _reversed(sequence: tuple) -> tuple:
    """`sequence` read from its end: its items, and those of its groups, in reverse order."""
    items = []
    for item in reversed(sequence):
        if isinstance(item, _Group):
            item = _Group(tuple(_reversed(branch) for branch in item.branches))
        elif isinstance(item, _Repeat):
            item = _Repeat(_reversed((item.item,))[0], item.low, item.high)
        items.append(item)
    return tuple(items)


def _is_space_run(item) -> bool:
    return isinstance(item, _Repeat) and item.item == _SPACE_SET


def _ends_reversed(sequence: tuple, anchored: bool = False) -> frozenset[str] | None:
    """For a sequence read from its end: the endings (reversed) one of which every match of an
    end-anchored pattern ends with, before the white space the pattern ends with; None when the
    pattern is not anchored at the end."""
    if not sequence:
        return frozenset({""}) if anchored else None
    item, rest = sequence[0], sequence[1:]
    if isinstance(item, _Zero):
        return _ends_reversed(rest, anchored or item.source in ("$", r"\Z"))
    if isinstance(item, _Group):
        found = [_ends_reversed(branch + rest, anchored) for branch in item.branches]
        return None if None in found else frozenset().union(*found)
    if not anchored:
        return None
    if _is_space_run(item):
        return _ends_reversed(rest, True)  # `text_ending` trims the white space a match ends with
    if isinstance(item, _Repeat) and item.low == 0 and item.high == 1:  # "(?:of\s+)?$"
        found = [_ends_reversed((item.item,) + rest, True), _ends_reversed(rest, True)]
        return None if None in found else found[0] | found[1]
    return _openings(sequence)


def _gap_words(item) -> int | None:
    """How many words a leading run of words ("(?:[\\w-]+\\s+){0,2}") takes at most; None when
    `item` is none."""
    if not (isinstance(item, _Repeat) and item.low == 0 and item.high is not None
            and isinstance(item.item, _Group) and len(item.item.branches) == 1):
        return None
    parts = item.item.branches[0]
    if len(parts) != 2 or not _is_space_run(parts[1]) or parts[1].low < 1:
        return None
    word = parts[0]
    if not (isinstance(word, _Repeat) and word.low >= 1 and isinstance(word.item, _Set)):
        return None
    source = word.item.source
    no_space = source in (r"\w", r"\S", r"\d") or (
        source.startswith("[") and not source.startswith("[^") and r"\s" not in source and " " not in source)
    return item.high if no_space else None


def _openings_after_gap(sequence: tuple, gap: int) -> set[tuple[int, str]]:
    """(words, opening) pairs: after at most `words` words, a match goes on with `opening`."""
    while sequence and (isinstance(sequence[0], _Zero) and not sequence[0].inner):
        sequence = sequence[1:]
    if sequence and (words := _gap_words(sequence[0])) is not None:
        return _openings_after_gap(sequence[1:], gap + words)
    if sequence and isinstance(sequence[0], _Group):
        found: set[tuple[int, str]] = set()
        for branch in sequence[0].branches:
            found |= _openings_after_gap(branch + sequence[1:], gap)
        return found
    return {(gap, opening) for opening in _openings(sequence)}


def _start_openings(sequence: tuple) -> set[tuple[int, str]] | None:
    """For a pattern anchored at the start (`^\\s*`, then perhaps a run of any words): the
    (words, opening) pairs one of which every match opens with; None for another pattern."""
    if not sequence or sequence[0] not in (_Zero("^"), _Zero(r"\A")):
        return None
    rest = sequence[1:]
    while rest and _is_space_run(rest[0]) and rest[0].low == 0:
        rest = rest[1:]
    found = _openings_after_gap(rest, 0)
    return None if any(opening == "" for _, opening in found) else found


class _Stems(NamedTuple):
    """Literal stems one of which every match holds, and how far into a match they end."""
    words: frozenset[str]
    reach: int | None


def _stems(sequence: tuple) -> list[_Stems]:
    """The stem sets every match of `sequence` must hold one of, each with its reach."""
    found: list[_Stems] = []
    run: set[str] = set()
    run_start: int | None = 0
    start: int | None = 0

    def close() -> None:
        if run and "" not in run:
            found.append(_Stems(frozenset(run), None if run_start is None else run_start + max(map(len, run))))
        run.clear()

    for item in sequence:
        if isinstance(item, _Char) or (isinstance(item, _Group) and _literal_branches(item) is not None):
            words = {item.char} if isinstance(item, _Char) else _literal_branches(item)
            if not run:
                run_start, run = start, {""}
            run = {before + word for before in run for word in words}
            if len(run) > _MAX_OPENINGS:
                run.clear()
        else:
            close()
            if (candidate := _required_in(item, start)) is not None:
                found.append(candidate)
        width = _width((item,))
        start = None if start is None or width is None else start + width
    close()
    return found


def _required_in(item, start: int | None) -> _Stems | None:
    """The stems a match must hold inside one item that is not literal: in every branch of a
    group, in a repeated part that must occur, in a look-ahead that must match."""
    if isinstance(item, _Group):
        branches = item.branches
    elif isinstance(item, _Repeat) and item.low >= 1:
        branches = ((item.item,),)
    elif isinstance(item, _Zero) and item.source == "(?=":
        branches, start = item.inner, None  # where it looks is no part of the match
    else:
        return None
    best = [_best(_stems(branch)) for branch in branches]
    if None in best:
        return None
    reaches = [b.reach for b in best]
    reach = None if start is None or None in reaches else start + max(reaches)
    return _Stems(frozenset().union(*(b.words for b in best)), reach)


def _literal_branches(group: _Group) -> set[str] | None:
    """The words of a group whose every branch is literal characters, else None."""
    if not all(all(isinstance(item, _Char) for item in branch) for branch in group.branches):
        return None
    return {"".join(item.char for item in branch) for branch in group.branches}


def _fewest(words) -> frozenset[str]:
    """`words` without those that hold another of them: a text holding one holds the other."""
    return frozenset(word for word in words if not any(other != word and other in word for other in words))


def _best(candidates: list[_Stems]) -> _Stems | None:
    """The most telling stem set: the longest shortest stem, then the fewest stems."""
    if not candidates:
        return None
    candidates = [_Stems(_fewest(c.words), c.reach) for c in candidates]
    return max(candidates, key=lambda c: (min(map(len, c.words)), -len(c.words)))


def first_characters(source: str) -> frozenset[str]:
    """The characters a match of a case-sensitive pattern can start with; a CueError where the
    pattern may start with a character it does not list, or match nothing at all."""
    found, empty = _firsts(_read(source))
    if found is None or empty:
        raise CueError(f"the first characters of {source!r} cannot be listed")
    return frozenset(found)


def _firsts(sequence: tuple) -> tuple[set[str] | None, bool]:
    """The characters a match of `sequence` can start with (None: cannot tell) and whether it
    can be empty."""
    first: set[str] = set()
    for item in sequence:
        if isinstance(item, _Zero):
            continue
        if isinstance(item, _Char):
            characters, empty = {item.char}, False
        elif isinstance(item, _Set):
            characters, empty = (None if item.chars is None else set(item.chars)), False
        elif isinstance(item, _Group):
            branches = [_firsts(branch) for branch in item.branches]
            known = [chars for chars, _ in branches]
            characters = None if None in known else set().union(*known)
            empty = any(empty for _, empty in branches)
        elif isinstance(item, _Repeat):
            characters, empty = _firsts((item.item,))
            empty = empty or item.low == 0
        else:
            return None, True
        if characters is None:
            return None, True
        first |= characters
        if not empty:
            return first, False
    return first, True


def _literal_words(sequence: tuple) -> set[str]:
    """The runs of letters written in a pattern, for tests to make texts of."""
    words: set[str] = set()
    run = ""
    for item in sequence:
        if isinstance(item, _Char) and item.char.isalnum():
            run += item.char
            continue
        if len(run) > 1:
            words.add(run)
        run = ""
        for inner in (item.branches if isinstance(item, _Group) else item.inner if isinstance(item, _Zero)
                      else ((item.item,),) if isinstance(item, _Repeat) else ()):
            words |= _literal_words(inner)
    if len(run) > 1:
        words.add(run)
    return words


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
    (('only', 'just'), True, True)
    """

    __slots__ = ("pattern", "words", "ends_with", "contains", "_twin", "_lower", "_ending_reach",
                 "_contains_reach", "_opening")

    def __repr__(self) -> str:
        return f"Cue({self.pattern.pattern!r})"

    def __init__(self, pattern: str, *, case_blind: bool = True, verbose: bool = False, gate: bool = True) -> None:
        tree = _read(pattern, verbose)  # first: a pattern the gates cannot be read from is an error
        flags = (regex.IGNORECASE if case_blind else 0) | (regex.VERBOSE if verbose else 0)
        self.pattern = regex.compile(pattern, flags)
        self._lower = case_blind
        twin_flags = re.VERBOSE if verbose else 0
        self._twin = re.compile(ascii_twin_source(pattern, verbose=verbose, lower=case_blind), twin_flags) \
            if pattern.isascii() or not case_blind else None
        self.ends_with: tuple[str, ...] = ()
        self.contains: tuple[str, ...] = ()
        self._ending_reach = 0
        self._contains_reach: int | None = None
        self._opening: re.Pattern | None = None
        if gate:
            self._make_gate(tree)
        self.words = tuple(sorted({w.lower() for w in _literal_words(tree)} | set(self.ends_with) | set(self.contains)))
        _COMPILED.append(self)

    def _make_gate(self, tree: tuple) -> None:
        endings = _ends_reversed(_reversed(tree))
        if endings is not None and "" not in endings:
            words = _fewest_endings({case_blind(ending[::-1]) for ending in endings})
            if max(map(len, words)) <= ENDING_REACH:
                self.ends_with = tuple(sorted(words, key=lambda w: (-len(w), w)))
                self._ending_reach = max(map(len, words))
                return
        stems = _best(_stems(tree))
        if stems is not None:
            self.contains = tuple(sorted(case_blind(word) for word in stems.words))
            self._contains_reach = stems.reach
        openings = _start_openings(tree)
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
            return any(map(case_blind(text).__contains__, self.contains))
        return True

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        """The first match in ``text[pos:endpos]``."""
        end = len(text) if endpos is None else endpos
        if self.ends_with or self.contains:
            if not self.may_match(text[pos:end]):
                return None
        if self._twin is not None and text.isascii():
            return self._twin.search(text.lower() if self._lower else text, pos, end)
        return self.pattern.search(text, pos, end)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        """The match starting at `pos`, in ``text[pos:endpos]``."""
        end = len(text) if endpos is None else endpos
        if self._twin is not None and text.isascii():
            lower = text.lower() if self._lower else text
            if self._opening is not None:
                return self._twin.match(lower, pos, end) if self._opening.match(lower, pos, end) else None
            if (self.ends_with or self.contains) and not self.may_match(text[pos:end], anchored=True):
                return None
            return self._twin.match(lower, pos, end)
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
        if self.contains and not self.may_match(text[pos:end]):
            return iter(())
        if self._twin is not None and text.isascii():
            return self._twin.finditer(text.lower() if self._lower else text, pos, end)
        return self.pattern.finditer(text, pos, end)

    def search_ending(self, text: str, ending: str):
        """search(text) for an `ends_with` cue, given the `text_ending` of `text` or of a text
        that `text` ends: several cues read on one text share that look."""
        assert self.ends_with, "an ending is looked at only for a cue anchored at the end"
        if not ending.endswith(self.ends_with):
            return None
        if self._twin is not None and text.isascii():
            return self._twin.search(text.lower() if self._lower else text)
        return self.pattern.search(text)


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
