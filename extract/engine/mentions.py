"""Numeric mentions in a sentence: a number with its unit, qualifier, range or interval.

A mention is not yet a claim: claims.py decides which mentions are claims and of what kind.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from . import patterns as p
from .cue_compiler import ascii_twin_source, first_characters
from .pattern_reader import ascii_positions
from .numbers import parse_numeral


@dataclass(slots=True)
class Mention:
    """One number (or number word) in a sentence; offsets are into the sentence's text."""

    start: int                 # the numeral's own text: digits, or both ends of a range
    end: int
    outer_start: int           # including qualifier and sign
    outer_end: int             # including the unit
    value: float
    low: float | None = None
    high: float | None = None
    unit: str = ""
    qualifier: str = ""
    sign: int = 1
    signed: bool = False       # written with an explicit + or - ("(+2.1%)")
    is_size: bool = False      # "7B", "200K", "16-bit": a size or setting, never a claim
    is_word: bool = False      # "twice", "an order of magnitude"
    decimal: bool = False      # written with a decimal point ("74.0")


def find_mentions(text: str, number_words: bool | NumberWords = True) -> list[Mention]:
    """All numeric mentions of `text`, in order, not overlapping. `number_words=False` says
    that the text holds no number word (its abstract has none), sparing the look for them; so
    does a falsy NumberWords (may_hold_number_word), which also says whether to look for times
    written in words.

    >>> [(m.value, m.unit, m.qualifier) for m in find_mentions("up to 4,039 tokens/s and ~6%")]
    [(4039.0, 'token/s', 'up_to'), (6.0, '%', 'about')]
    >>> m = find_mentions("by 2.97~25.22x")[0]; (m.value, m.low, m.high, m.unit, m.qualifier)
    (25.22, 2.97, 25.22, 'x', 'range')
    """
    found = NumberScan.of(text).mentions()
    if len(found) > 1 and (" to " in text or "between" in text):
        found = _worded_ranges(text, found)
    # (each finditer makes its cue's own first look: most texts hold neither)
    worded = [word_mention(match) for match in p.WORD_MENTION.finditer(text)] if number_words else []
    if not isinstance(number_words, NumberWords) or number_words.times:
        worded += [time_word_mention(match) for match in p.WORD_TIME.finditer(text)]
    if not worded:
        return found  # numeric mentions alone come in order and never overlap
    found += worded
    found.sort(key=lambda m: (m.start, -m.end))
    result: list[Mention] = []
    for mention in found:
        if result and mention.start < result[-1].outer_end:
            continue
        result.append(mention)
    return result


# Mentions are only tried where digits start: the pattern, tried at every character, would cost
# most of the extraction time. A qualifier before the number ("up to", "~") is looked for in
# at most this many characters before it.
QUALIFIER_REACH = 24
# Where a run of digits starts, leaving out runs that patterns.NOT_IN_IDENTIFIER rejects anyway
# ("Qwen2.5", "R1", "ResNet-50", "8/128"): most digits of an abstract sit in names, and a
# failed MENTION match costs far more than a look behind. The looks read patterns.NOT_BEFORE_NUMBER
# on ASCII characters only ("(?a:"): the pattern itself still rejects the rest. The digit comes
# first and the looks behind include it, so that the scan jumps from digit to digit instead of
# trying every position.
DIGIT_RUN = re.compile(r"\d(?<!\d\d)" + "".join(rf"(?<!(?a:{look})\d)" for look in p.NOT_BEFORE_NUMBER))
# The same on ASCII text, run over the text's characters reduced to their classes (a digit is
# "0", a letter "a", one of "_.@#^" "_", white space "s"; "-", "/", ":" and "~" stand for
# themselves, all else is " "): its first character a literal, the scan skips from digit to
# digit at a fraction of what a character-set test at every character costs.
_ASCII_CLASSES = bytes.maketrans(bytes(range(128)), bytes(
    ord("0") if chr(code).isdigit() else ord("a") if chr(code).isalpha() else
    ord("_") if chr(code) in "_.@#^" else ord("s") if chr(code).isspace() else
    code if chr(code) in "-/:~" else ord(" ") for code in range(128)))


def _class_digit_run() -> re.Pattern[bytes]:
    """DIGIT_RUN over the classes: each look of patterns.NOT_BEFORE_NUMBER written with the
    classes of its characters (the looks of one character as one), each class taken whole."""
    class_of = {chr(code): chr(_ASCII_CLASSES[code]) for code in range(128)}

    def classes(characters: frozenset[str]) -> str:
        found = {class_of[c] for c in characters if c in class_of}
        assert all(class_of[c] not in found or c in characters for c in class_of), "a look splits a class"
        return "[" + "".join(map(re.escape, sorted(found))) + "]"

    looks = [ascii_positions(look) for look in p.NOT_BEFORE_NUMBER]
    single = frozenset().union(*(positions[0] for positions in looks if len(positions) == 1))
    written = [classes(single)] + ["".join(map(classes, positions)) for positions in looks if len(positions) > 1]
    return re.compile(("0" + "".join(f"(?<!{look}0)" for look in written)).encode("ascii"))


_CLASS_DIGIT_RUN = _class_digit_run()
_DIGIT = re.compile(r"\d")


# Ranges written with words (spec section 3): "-1.6 to -15.5pp", "4x to 7x", "+1.2 to +1.5",
# "by 6% to 50%", "between 25% and 50%", "ranging from 8 FPS up to 44.8 FPS". "from 78% to 86%"
# after anything else is a before/after pair (kinds.group_mentions), not a range.
_WORDED_RANGE_JOIN = re.compile(r"\s+(?:up\s+)?to\s+")
_BETWEEN_JOIN = re.compile(r"\s+and\s+")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_RANGING_FROM_BEFORE = re.compile(r"\b(?:rang(?:e|es|ing)|var(?:y|ies|ying))\s+from\s+$", re.IGNORECASE)
_RELATIVE_UNITS = ("%", "pp", "points", "x")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _worded_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each pair that a worded range joins read as one range mention: its value
    the end written last, its interval the two ends (signed where they are)."""
    joined: list[Mention] = []
    for mention in mentions:
        first = joined[-1] if joined else None
        if first is not None and first.qualifier in ("", "range") and first.low is None and \
                mention.low is None and not first.is_size and not mention.is_size and \
                _is_worded_range(text, first, mention):
            low, high = sorted((first.value * first.sign, mention.value * mention.sign))
            joined[-1] = Mention(first.start, mention.end, first.outer_start, mention.outer_end,
                                 mention.value, low=low, high=high, unit=mention.unit or first.unit,
                                 qualifier="range", sign=mention.sign, signed=first.signed or mention.signed,
                                 decimal=first.decimal or mention.decimal)
            continue
        joined.append(mention)
    return joined


def _is_worded_range(text: str, first: Mention, second: Mention) -> bool:
    # up to the second number's digits and sign: "up to" may stand on it as its qualifier
    between = text[first.outer_end:second.start - (1 if second.signed else 0)]
    if len(between) > 12 or not ("to" in between or "and" in between):
        return False  # a cheap first look: each join below is " to ", " up to " or " and "
    before = text[max(0, first.outer_start - 24):first.outer_start]
    same_unit = first.unit == second.unit or not first.unit
    if _BETWEEN_BEFORE.search(before):
        return bool(_BETWEEN_JOIN.fullmatch(between)) and same_unit
    if not _WORDED_RANGE_JOIN.fullmatch(between):
        return False
    if _RANGING_FROM_BEFORE.search(before):
        return same_unit
    if _FROM_BEFORE.search(before):
        return False  # "improves from 78% to 86%": before and after
    # the ends carry their sign or a relative unit: "-1.6 to -15.5pp", "4x to 7x", "6% to 50%"
    # ("grown by 5x (16 GB to 80 GB)" reads two amounts)
    return (first.signed and second.signed) or (first.unit in _RELATIVE_UNITS and first.unit == second.unit)


class NumberWords:
    """What a text may hold in words, looked at once for a whole abstract: number words
    ("twice", "half of"; the truth of it) and times in words ("in a single day of training":
    `times`). Where the abstract holds none, the look in each of its sentences is spared."""

    __slots__ = ("factors", "times")

    def __init__(self, text: str) -> None:
        self.factors = p.WORD_MENTION.may_match(text)
        self.times = p.WORD_TIME.may_match(text)

    def __bool__(self) -> bool:
        return self.factors


def may_hold_number_word(text: str) -> NumberWords:
    """Falsy when `text` holds no number word ("twice", "half of"): the look for them can be
    spared (for a whole abstract at once); so, where it holds no time in words, can the look
    for those (NumberWords.times)."""
    return NumberWords(text)


# The mention pattern in two: the head (sign, number, size, range or interval) and the unit
# closing it (patterns.mention_head_source, patterns.UNIT_TAIL). The unit is an optional last
# part, so the pattern's match is the head's match and the unit's match where the head ends, if
# any. Of the unit patterns only those that can start with the character there are tried (most
# numbers are followed by none): the alternation of all units costs a match most of its time.
PLAIN_HEAD = regex.compile(p.mention_head_source(range_unit=False), regex.VERBOSE)


@functools.cache
def full_head() -> regex.Pattern:
    """Compiled when first needed: few numbers need it, and it costs a process milliseconds."""
    return regex.compile(p.mention_head_source(range_unit=True), regex.VERBOSE)


def _unit_tail_sources() -> dict[str, str]:
    """For each character a unit can start with, the unit part of the pattern with only the
    units that can start with it, in their order, under their group names."""
    starts = {}
    for index, (_, pattern) in enumerate(p.UNIT_PATTERNS):
        characters = first_characters(pattern)
        assert not any(c.isspace() or c == "-" for c in characters), f"unit {pattern!r} starts as a space"
        starts[index] = characters
    sources = {}
    for character in set().union(*starts.values()):
        units = "|".join(f"(?P<u_{i}>{pattern})" for i, (_, pattern) in enumerate(p.UNIT_PATTERNS)
                         if character in starts[i])
        sources[character] = p.UNIT_JOIN + "(?:" + units + ")"
    return sources


class _UnitTails(dict):
    """The unit part for a character (None where no unit starts with it), compiled by
    `compile` when the character is first met: a process meets few of them, and each costs a
    compile."""

    def __init__(self, compile: Callable[[str], regex.Pattern | re.Pattern]) -> None:
        super().__init__()
        self.compile = compile

    def __missing__(self, character: str) -> regex.Pattern | re.Pattern | None:
        source = _UNIT_TAIL_SOURCES.get(character)
        tail = self[character] = None if source is None else self.compile(source)
        return tail


_UNIT_TAIL_SOURCES = _unit_tail_sources()
_UNIT_TAILS = _UnitTails(regex.compile)
# the same for ASCII text, read by the standard engine at a fraction of the cost
_ASCII_UNIT_TAILS = _UnitTails(lambda source: re.compile(ascii_twin_source(source, lower=False)))


def unit_after(text: str, end: int, tails: _UnitTails = _UNIT_TAILS) -> regex.Match | re.Match | None:
    """The match of the unit part of the mention pattern at `end`, where its head ended."""
    tail = tails[text[end:end + 1]]
    if tail is None:  # the unit may start one further, after a space or "-"
        after = text[end:end + 1]
        if not (after.isspace() or after == "-"):
            return None
        tail = tails[text[end + 1:end + 2]]
        if tail is None:
            return None
    return tail.match(text, end)


def ascii_unit_after(text: str, end: int) -> re.Match | None:
    """unit_after on ASCII text: the same unit (its group's name) and end."""
    return unit_after(text, end, _ASCII_UNIT_TAILS)


# The head patterns' groups by number: `regex` looks a group name up only after failing to
# read it as a number, at the cost of an exception each time.
# read alike from either head (a property holds them to the same groups)
_NUM, _SIGN, _SIZE, _NUM2, _ERR, _LO, _HI, _UNIT1 = (
    PLAIN_HEAD.groupindex[name] for name in ("num", "sign", "size", "num2", "err", "lo", "hi", "unit1"))


# Where the mention pattern's unit of a range's first end ("1% - 10%") may start: a unit (no
# space, digit or join first; no digit in it), white space, a range join, white space and a
# digit. A superset of what that part of patterns.MENTION reads (the standard engine's \s and
# \d are within what `regex` reads as \s and \d; any non-ASCII character may be a digit there;
# on ASCII text `\d` is [0-9]):
# where it does not match, the cheaper patterns.MENTION_BEFORE_NO_RANGE reads the same. The
# stretch looked at ends at the next digit, so the looks of a text's numbers never overlap.
UNIT_BEFORE_RANGE_JOIN = re.compile(r"\s?[^\s\d~\u2013-]\D*?[~\u2013-]\s*(?:\d|[^\x00-\x7f])")


# The usual head on ASCII text, a number with perhaps a size suffix that no range, "±" or
# interval follows, read by the standard engine at a fifth of the head pattern's cost. The
# look-behinds are patterns.NOT_BEFORE_NUMBER, one by one; the number
# and its size are atomic, as in the head nothing after them makes it give back a character;
# the look-ahead holds off where the head's range, "±" or interval part could start (its
# numbers open with a digit). Where it fails, the head pattern reads the number.
ASCII_NUMBER = re.compile(rf"""
    {"".join(f"(?<!{p.ascii_twin_source(look, lower=False)})" for look in p.NOT_BEFORE_NUMBER)}
    (?>({p.ascii_twin_source(p.NUMERAL, lower=False)})({p.ascii_twin_source(p.SIZE_SUFFIX, lower=False)})?)
    (?![{p.ASCII_SPACE}]*(?:[-~]|\+/?-)[{p.ASCII_SPACE}]*[0-9]|[{p.ASCII_SPACE}]\([0-9])
    """, re.VERBOSE)


def _joins_a_range_at(classes: bytes, end: int) -> bool:
    """UNIT_BEFORE_RANGE_JOIN.match at `end` of an ASCII text, read off its classes (see
    _ASCII_CLASSES): up to the next digit, after one white space at most, a character that is
    no white space or join, then others, a join and white space only."""
    digit = classes.find(b"0", end)
    if digit < 0:
        return False
    first = end + 1 if classes[end:end + 1] == b"s" else end
    stretch = classes[first:digit].rstrip(b"s")
    return len(stretch) > 1 and stretch[-1:] in (b"-", b"~") and stretch[:1] not in (b"s", b"-", b"~")


@dataclass(slots=True)
class NumberScan:
    """One text's scan for numbers: where runs of digits start (`digits`) and the mentions
    read there (`mentions`). On ASCII text, the usual case, the runs are found over the text's
    characters reduced to their classes (`classes`; None on other text), a plain number is
    read by the standard engine (ASCII_NUMBER, its unit by ascii_unit_after) and the look for
    a unit before a range join is read off the classes; on other text, by the Unicode
    patterns. tests/test_mentions_fast.py holds the two to the same mentions."""

    text: str
    digits: Iterator[re.Match]
    classes: bytes | None

    @classmethod
    def of(cls, text: str) -> NumberScan:
        if not text.isascii():
            return cls(text, DIGIT_RUN.finditer(text), None)
        classes = text.encode("ascii").translate(_ASCII_CLASSES)
        return cls(text, _CLASS_DIGIT_RUN.finditer(classes), classes)

    def unit_before_range_join(self, end: int) -> bool:
        """Whether UNIT_BEFORE_RANGE_JOIN matches at `end`: where a number ends there, the
        full head pattern must read it."""
        if self.classes is None:
            return UNIT_BEFORE_RANGE_JOIN.match(self.text, end) is not None
        return _joins_a_range_at(self.classes, end)

    @staticmethod
    def may_hold_number(text: str, number_words: bool | NumberWords = True) -> bool:
        """Whether `text` has a digit or a number word (if it may hold any, `number_words`):
        without either it holds no claim."""
        if text.isascii():  # ten substring searches, written out, beat a regex or a generator
            has_digit = ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
                         or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text)
        else:
            has_digit = _DIGIT.search(text) is not None
        return has_digit or (bool(number_words) and p.WORD_MENTION.may_match(text))

    def mentions(self) -> list[Mention]:
        """The numeric mentions of the text, the pattern tried only where runs of digits start."""
        text, classes = self.text, self.classes
        mentions: list[Mention] = []
        position = 0
        for digit in self.digits:
            start = digit.start()
            if start < position:
                continue
            mention = _BY_HEAD if classes is None else _plain_number_at(text, classes, start, position)
            if mention is _BY_HEAD:
                mention, end = _mention_at(self, start, position)
            elif mention is not None:
                end = mention.outer_end  # a plain number ends where its unit, if any, ends
            if mention is None:
                continue
            attach_qualifier(text, mention, max(position, mention.outer_start - QUALIFIER_REACH))
            position = end
            mentions.append(mention)
        return mentions


may_hold_number = NumberScan.may_hold_number


_BY_HEAD = Mention(0, 0, 0, 0, 0.0)  # what _plain_number_at says where the head pattern must read


def _plain_number_at(text: str, classes: bytes, start: int, position: int) -> Mention | None:
    """On ASCII text (`classes`: its characters' classes), the mention of a plain number
    (ASCII_NUMBER) whose digits start at `start`; _BY_HEAD where the head pattern must read it.
    What _numeric reads of the head's match there, which holds no range, interval or
    range-start unit, read in one call per number."""
    found = ASCII_NUMBER.match(text, start)
    if found is None:
        return _BY_HEAD
    end = found.end()
    if _joins_a_range_at(classes, end):
        return _BY_HEAD
    num, size = found.group(1, 2)
    value = parse_numeral(num)
    if value is None:
        return None
    unit_match = ascii_unit_after(text, end)
    if unit_match is None:
        mention = Mention(start, found.end(1), start, end, value, None, None, "", "", 1, False, size is not None,
                          False, "." in num)
    else:
        mention = Mention(start, found.end(1), start, unit_match.end(), value, None, None,
                          p.UNIT_BY_GROUP[unit_match.lastgroup], "", 1, False, size is not None, False, "." in num)
    if start > position and text[start - 1] in "+-":  # a sign before it
        mention.signed, mention.outer_start = True, start - 1
        if text[start - 1] == "-":
            mention.sign = -1
    return mention


def _mention_at(scan: NumberScan, digit_start: int, position: int) -> tuple[Mention | None, int]:
    """The mention the head pattern (and the unit after it) reads at a run of digits of the
    scan's text, and where it ends; (None, 0) where it reads none."""
    text = scan.text
    start = digit_start
    if start > position and text[start - 1] in "+-":
        start -= 1  # a sign: the pattern reads it, or rejects a hyphenated identifier
    match = PLAIN_HEAD.match(text, start)
    if match is None and start < digit_start:
        match = PLAIN_HEAD.match(text, digit_start)
    if match is None:
        return None, 0
    # the full pattern matches where the plain one does, and only differs after a unit
    # followed by a range join
    if scan.unit_before_range_join(max(match.end(_NUM), match.end(_SIZE))):
        match = full_head().match(text, match.start())
    unit = unit_after(text, match.end()) if scan.classes is None else ascii_unit_after(text, match.end())
    return _numeric(match, unit), match.end() if unit is None else unit.end()


def attach_qualifier(text: str, mention: Mention, floor: int) -> None:
    """The words standing right before the number: a qualifier ("up to 3x", "~6%", "over 95%"),
    or the unit of a number written without one (patterns.UNIT_BEFORE)."""
    if mention.outer_start == floor:
        return
    found = p.WORDS_BEFORE_NUMBER.search(text, floor, mention.outer_start)
    if found is None:
        return
    words_start = found.start()
    if words_start > 0 and text[words_start - 1].isalnum() and text[words_start].isalnum():
        return  # "into 5" is no "to 5"
    unit, qualifier = _words_before(found.group())
    if unit is None:
        mention.qualifier = mention.qualifier or qualifier
    else:
        mention.unit = mention.unit or unit
    mention.outer_start = words_start


@functools.lru_cache(maxsize=4096)
def _words_before(words: str) -> tuple[str | None, str]:
    """What the words before a number are: (the unit they write, or None; the qualifier's
    name, or ""). A few phrases recur in every corpus: each is read once."""
    unit = next((unit for unit, rx in p.UNIT_BEFORE_ALONE if rx.match(words)), None)
    return unit, "" if unit is not None else _qualifier_name(words)


def _numeric(match: regex.Match, unit_match: regex.Match | None) -> Mention | None:
    """The mention read by the head pattern's match and the unit's match after it, if any."""
    # the groups in one call: a mention is read for every number of every sentence
    num, sign, size, num2, err, lo = match.group(_NUM, _SIGN, _SIZE, _NUM2, _ERR, _LO)
    value = parse_numeral(num)
    if value is None:
        return None
    unit = p.UNIT_BY_GROUP[unit_match.lastgroup] if unit_match is not None else _range_start_unit(match)
    start, end = match.span(_NUM)
    outer_start, outer_end = match.start(), (match if unit_match is None else unit_match).end()
    mention = Mention(start, end, outer_start, outer_end, value, unit=unit,
                      is_size=size is not None, decimal="." in num)
    if sign is not None:
        mention.signed = True
        if sign == "-":
            mention.sign = -1
    if num2 is not None:
        upper = parse_numeral(num2)
        if upper is None:
            return None
        mention.low, mention.high = min(value, upper), max(value, upper)
        mention.value, mention.end, mention.qualifier = upper, match.end(_NUM2), "range"
    elif err is not None:
        error = parse_numeral(err) or 0.0
        places = max(_places(num), _places(err))
        mention.low, mention.high = round(value - error, places), round(value + error, places)
        mention.end = match.end(_ERR)
    elif lo is not None:
        mention.low, mention.high = parse_numeral(lo), parse_numeral(match[_HI])
        mention.end = match.end(_HI)
    if size is not None and size.strip() and not unit:
        mention.outer_end = match.end(_SIZE)
    return mention


def _places(numeral: str) -> int:
    return len(numeral.partition(".")[2])


def word_mention(match) -> Mention:
    word = match["word"].lower()
    key = next(k for k in p.NUMBER_WORD_VALUES if k in " ".join(word.split()))
    value, unit = p.NUMBER_WORD_VALUES[key]
    start = match.start("word")
    if word.startswith(("an ", "a ", "two ")) and "magnitude" in word:
        start = match.start("word") + match["word"].index(" ") + 1  # "an order": offsets on "order ..."
    if word.startswith("a quarter"):
        start = match.start("word") + 2
    if key == "half" and word.startswith("half"):
        end = start + 4
    elif key == "quarter":
        end = start + len("quarter")
    else:
        end = match.end("word")
    return Mention(start=start, end=end, outer_start=match.start(), outer_end=match.end(),
                   value=value, unit=unit, is_word=True)


def time_word_mention(match) -> Mention:
    """ "in a single day of training": 1 d, offsets on the number word ("single", "two")."""
    words = match["word"].lower().split()
    value = p.TIME_WORD_VALUES[" ".join(words)]
    start = match.start("word") + (match["word"].rindex(" ") + 1 if len(words) > 1 else 0)
    unit = p.TIME_WORD_UNITS[match["unit"].lower().rstrip("s")]
    return Mention(start=start, end=match.end("word"), outer_start=match.start("word"),
                   outer_end=match.end("unit"), value=float(value), unit=unit, is_word=True)


def _range_start_unit(match: regex.Match) -> str:
    """The canonical unit of a range's first end ("1% - 10"), the range's unit when the
    mention ends without one."""
    text = match[_UNIT1]
    if not text:
        return ""
    return next((canonical for canonical, rx in p.UNIT_ALONE if rx.match(text)), "")


def _qualifier_name(text: str) -> str:
    return next((name for name, rx in p.QUALIFIER_ALONE if rx.match(text)), "")
