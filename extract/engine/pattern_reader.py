"""What every match of a pattern must hold, read off the pattern itself: the cue compiler's
gates come from here (cue_compiler.py), and so do the first characters of each unit (mentions.py).

`read(source)` reads the regular-expression syntax the rules use (literals, sets, class escapes,
groups, look-arounds, quantifiers, verbose mode) into a small tree, with a CueError naming the
pattern for anything else; the standard library's own parser is internal to it, and changes with
Python. On that tree:

- `endings(tree)`: for a pattern anchored at the end of the text, the words a match ends with;
- `start_openings(tree)`: for a pattern anchored at the start, (words, opening) pairs: after at
  most so many words, a match goes on with the opening;
- `stems(tree)`: literal stems one of which every match holds, and how far into a match;
- `first_characters(source)`: the characters a match can start with;
- `ascii_positions(source)`: for a row of single characters, the ASCII characters of each;
- `literal_words(tree)`: the words written in the pattern, for tests to make texts of.

Each errs on the side of saying less: a gate built from them may let through more than the
pattern matches, never less.
"""
from __future__ import annotations

import functools
import re
from os.path import commonprefix
from typing import NamedTuple


class CueError(ValueError):
    """A pattern the compiler cannot read, or cannot build what it must from."""


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
_NAMED = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)")
_LOOK_AROUNDS = ("(?<=", "(?<!", "(?=", "(?!")
_GROUP_OPENINGS = _LOOK_AROUNDS + ("(?:", "(?>")
# Every character `str` or either engine reads as white space (none lies above U+3000).
_WHITE_SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


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
        char = self.source[self.at]
        if char == "(":
            return self.group_atom()
        self.at += 1
        if char == "[":
            return self.char_set()
        if char == "\\":
            return self.escape()
        if char in ".^$":
            return _Set(".", None) if char == "." else _Zero(char)
        if char in "*+?" or (char == "{" and _QUANTIFIER.match(self.source, self.at - 1)):
            raise self.error("a quantifier with nothing before it")
        return _Char(char)

    def group_atom(self):
        source, at = self.source, self.at
        named = _NAMED.match(source, at)
        if named and named[0].startswith("(?P="):
            self.at = named.end()
            return _Opaque(named[0])  # a back reference
        opening = named[0] if named else next((o for o in _GROUP_OPENINGS if source.startswith(o, at)), "(")
        if opening == "(" and source.startswith("(?", at):
            raise self.error("a group form the compiler does not read")
        branches = self.group(opening)
        return _Zero(opening, branches) if opening in _LOOK_AROUNDS else _Group(branches)

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
            return _Char(self.hex_char(char))
        if char.isdigit():
            return _Opaque("\\" + char)  # a back reference
        if char.isalpha() and char not in _CHAR_ESCAPES:
            raise self.error(f"the escape \\{char}")
        return _Char(_CHAR_ESCAPES.get(char, char))

    def hex_char(self, kind: str) -> str:
        size = 2 if kind == "x" else 4
        code = self.source[self.at:self.at + size]
        self.at += size
        return chr(int(code, 16))

    def set_member(self) -> str | None:
        """One member of a set, its escape read; None for a class escape (`\\s`, `\\w` ...)."""
        char = self.source[self.at]
        self.at += 1
        if char != "\\":
            return char
        escaped = self.source[self.at]
        self.at += 1
        if escaped in _CLASS_ESCAPES:
            return None
        return self.hex_char(escaped) if escaped in "xu" else _CHAR_ESCAPES.get(escaped, escaped)

    def char_set(self) -> _Set:
        source, start = self.source, self.at - 1
        negated = source.startswith("^", self.at)
        self.at += negated
        members: set[str] = set()
        listed = not negated
        first = True  # a "]" first in a set is a member
        while self.at < len(source) and (source[self.at] != "]" or first):
            first = False
            char = self.set_member()
            is_range = char is not None and source.startswith("-", self.at) and not source.startswith("-]", self.at)
            if is_range:
                self.at += 1
                last = self.set_member()
                members.update(map(chr, range(ord(char), ord(last) + 1)) if last else ())
                listed = listed and last is not None
            elif char is None:
                listed = False
            else:
                members.add(char)
        if self.at >= len(source):
            raise self.error("a set without its ']'")
        self.at += 1
        return _Set(source[start:self.at], frozenset(members) if listed else None)

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
def read(source: str, verbose: bool = False) -> tuple:
    """The tree of a pattern (in `regex`'s verbose syntax if `verbose`): a sequence of items."""
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


def _never_space(item) -> bool:
    """A run of one or more characters none of which is white space ("[\\w-]+", "\\S+")."""
    return isinstance(item, _Repeat) and item.low >= 1 and isinstance(item.item, _Set) and \
        not any(re.fullmatch(item.item.source, c) for c in _WHITE_SPACE)


def endings(tree: tuple) -> frozenset[str] | None:
    """For a pattern anchored at the end of the text (`$`): the literal endings, one of which
    every match ends with before the white space it may end with; None for another pattern, or
    where a match may end with anything."""
    found = _ends_reversed(_reversed(tree))
    if found is None or "" in found:
        return None
    return frozenset(ending[::-1] for ending in found)


def _gap_words(item) -> int | None:
    """How many words a leading run of words ("(?:[\\w-]+\\s+){0,2}") takes at most; None when
    `item` is none."""
    if not (isinstance(item, _Repeat) and item.low == 0 and item.high is not None
            and isinstance(item.item, _Group) and len(item.item.branches) == 1):
        return None
    parts = item.item.branches[0]
    is_word = len(parts) == 2 and _never_space(parts[0]) and _is_space_run(parts[1]) and parts[1].low >= 1
    return item.high if is_word else None


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


def start_openings(sequence: tuple) -> set[tuple[int, str]] | None:
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


def is_literal(tree: tuple) -> bool:
    """Whether a pattern is literal words only ("efficien", "speed|accelerat")."""
    return all(isinstance(item, _Char) for item in tree) or \
        (len(tree) == 1 and isinstance(tree[0], _Group) and _literal_branches(tree[0]) is not None)


def _literal_branches(group: _Group) -> set[str] | None:
    """The words of a group whose every branch is literal characters, else None."""
    if not all(all(isinstance(item, _Char) for item in branch) for branch in group.branches):
        return None
    return {"".join(item.char for item in branch) for branch in group.branches}


_SHARED_STEM = 4  # stems that open alike for this many characters are looked for as one
_TELLING_STEM = 3  # stems this long tell texts apart about as well as longer ones
# English words nearly every sentence holds: no stem set made of them tells texts apart
_COMMON_WORDS = frozenset(
    "a an and are as at be by for from in is it of on or than that the this to was were with".split())


def _fewest(words) -> frozenset[str]:
    """Fewer stems that let through every text `words` let through: without those that hold
    another of them, and those that open alike ("doubles", "doubling", "doubled") as one
    ("doubl"), which a text holding any of them holds."""
    by_opening: dict[str, list[str]] = {}
    for word in words:
        by_opening.setdefault(word[:_SHARED_STEM], []).append(word)
    merged = {commonprefix(alike) if len(alike) > 1 and len(word) >= _SHARED_STEM else word
              for word in words for alike in [by_opening[word[:_SHARED_STEM]]]}
    return frozenset(word for word in merged if not any(other != word and other in word for other in merged))


def stems(tree: tuple) -> _Stems | None:
    """Literal stems one of which every match holds (the most telling such set), with how far
    into a match they end where that is bounded; None where the pattern names no stem."""
    return _best(_stems(tree))


def _best(candidates: list[_Stems]) -> _Stems | None:
    """The most telling stem set, as `_telling` ranks them: "in a day of training" is told by
    its time word, not by its work word, which most abstracts hold.

    >>> sorted(_best(_stems(read(r"\\bin\\s+(?:a|one)\\s+(?:day|hour)s?\\s+of\\s+(?:training|search|tuning)"))).words)
    ['day', 'hour']
    """
    if not candidates:
        return None
    candidates = [_Stems(_fewest(c.words), c.reach) for c in candidates]
    return max(candidates, key=_telling)


def _telling(candidate: _Stems) -> tuple[int, int, int]:
    """How telling a stem set is, to rank sets by: its shortest stem up to _TELLING_STEM
    letters (a common word counts as none: nearly every text holds it), then the fewest stems
    (one look each; a longer stem is no rarer when it is a word of every abstract, "training"),
    then the longest shortest stem."""
    shortest = min(0 if word in _COMMON_WORDS else len(word) for word in candidate.words)
    return min(shortest, _TELLING_STEM), -len(candidate.words), shortest


def ascii_positions(source: str) -> list[frozenset[str]]:
    """For a pattern of single characters in a row ("[A-Za-z][-/]"), the ASCII characters each
    position matches; a CueError for any other pattern."""
    found = []
    for item in read(source):
        if isinstance(item, _Char):
            found.append(frozenset({item.char}))
        elif isinstance(item, _Set):
            found.append(frozenset(c for c in map(chr, range(128)) if re.fullmatch(item.source, c)))
        else:
            raise CueError(f"{source!r} is no row of single characters")
    return found


def first_characters(source: str) -> frozenset[str]:
    """The characters a match of a case-sensitive pattern can start with; a CueError where the
    pattern may start with a character it does not list, or match nothing at all."""
    found, empty = _firsts(read(source))
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


def literal_words(sequence: tuple) -> set[str]:
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
            words |= literal_words(inner)
    if len(run) > 1:
        words.add(run)
    return words


