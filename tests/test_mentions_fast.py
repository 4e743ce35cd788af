"""The fast paths of extract.engine.mentions find what the plain patterns find.

Each fast path is held to the plain code it replaces, kept here as the reference, on text made
of numbers, units, range joins, spaces of every kind (including those only one regex engine
reads as space), digits outside ASCII and arbitrary Unicode.
"""
from __future__ import annotations

import copy
import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.engine import cues, kinds, mentions
from extract.engine import patterns as p
from extract.engine.mentions import Mention, NumberScan, find_mentions, may_hold_number, may_hold_number_word
from extract.engine.numbers import parse_numeral

FAST_SETTINGS = settings(max_examples=300, deadline=None)

_PIECES = [
    "1", "5", "12.5", "4,039", "1 136", ".5", "7", "٣", "\U00010d40",  # Arabic-Indic; a digit only to `regex`
    "%", "x", "X", "×", "ms", "µs", "s", "h", "GB", "TB", "tokens/s", "tokens per second", "fps",
    "percentage points", "pp", "pts", "points", "point", "GPU-hours", "GPU hours", "Peta-FLOPS",
    "petaflops", "K", "B", "M", "T", " million", "-bit", "times", "faster",
    "-", "~", "–", "±", "+/-", "+", "(", ")", ",", "/", ":", ".", "@", "up to", "about", "over",
    " ", "  ", "\t", "\n", "\u2009", "\u00a0", "\x1c", "\x85",
    "a", "ResNet", "GPT", "of", "in two days of training", "within a single Hour of fine-tuning",
    "twice", "half of", "an order of magnitude", "DAY", "minutes",
]
_SEPARATORS = st.sampled_from(["", "", " ", "-", "~", "–", " - ", "\u2009", "\x1c"])


def _texts(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=3))
    return st.lists(st.tuples(piece, _SEPARATORS), max_size=14).map(
        lambda parts: "".join(w + s for w, s in parts))


_ASCII_PIECES = [piece for piece in _PIECES if piece.isascii()]
# Ranges with a unit on their first end are rare in arbitrary text: runs of number, space, unit
# (one spelling at least of each of patterns.UNIT_PATTERNS), space, join, space and number make
# them frequent.
_NUMBERS = ["1", "12.5", "4,039", "٣", "\U00010d40", "+2"]
_UNITS = ["pp", "percentage points", "p.p.", "pts", "%", "percent", "points", "tokens/s", "tok/s",
          "TPS", "FPS", "frames per second", "samples/s", "images/s", "QPS", "PFLOPS", "petaflops",
          "Peta-FLOPS", "TFLOPS", "teraflops", "GFLOPS", "TB", "terabytes", "GiB", "GB", "G memory",
          "MiB", "MB", "KB", "ms", "msec", "µs", "us latency", "GPU-hours", "hours", "hrs", "h",
          "minutes", "min", "days", "seconds", "secs", "s", "x", "×", "X", "times", "cm", "W", "watts",
          "K", "B", "M", " million", "-bit", "a", "(", ""]
_SPACES = ["", " ", "  ", "\u2009", "\x1c", "\x85", "\n"]
_JOINS = ["-", "~", "–", "±", "+/-", "(", ",", ""]


def _ranges(ascii_only: bool = False) -> st.SearchStrategy[str]:
    parts = (_NUMBERS, _SPACES, _UNITS, _SPACES, _JOINS, _SPACES, _NUMBERS)
    if ascii_only:
        parts = tuple([choice for choice in choices if choice.isascii()] for choices in parts)
    chunk = st.tuples(*(st.sampled_from(choices) for choices in parts)).map("".join)
    return st.lists(st.tuples(chunk, st.sampled_from(_UNITS + _SPACES)).map("".join),
                    max_size=4).map("".join)


TEXTS = st.one_of(_texts(_PIECES), _texts(_ASCII_PIECES).filter(str.isascii), _ranges(), _ranges(ascii_only=True))


# --- the plain code, as it was before the fast paths ------------------------------------------

def _plain_numeric_mentions(text: str) -> list[Mention]:
    """Every digit run the Unicode scan finds, read by the full mention pattern."""
    found: list[Mention] = []
    position = 0
    for digit in mentions.DIGIT_RUN.finditer(text):
        start = digit.start()
        if start < position:
            continue
        if start > position and text[start - 1] in "+-":
            start -= 1
        match = p.MENTION.match(text, start)
        if match is None and start < digit.start():
            match = p.MENTION.match(text, digit.start())
        if match is None:
            continue
        mention = _plain_numeric(match)
        if mention is None:
            continue
        mentions.attach_qualifier(text, mention, max(position, match.start() - mentions.QUALIFIER_REACH))
        position = match.end()
        found.append(mention)
    return found


def _plain_numeric(match) -> Mention | None:
    """The mention one match of the whole mention pattern reads."""
    num, sign, size, num2, err, lo = match.group("num", "sign", "size", "num2", "err", "lo")
    value = parse_numeral(num)
    if value is None:
        return None
    name = match.lastgroup
    unit = p.UNIT_BY_GROUP[name] if name and name.startswith("u_") else ""
    if not unit and match["unit1"]:
        unit = next((canonical for canonical, rx in p.UNIT_ALONE if rx.match(match["unit1"])), "")
    start, end = match.span("num")
    outer_start, outer_end = match.span()
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
        mention.value, mention.end, mention.qualifier = upper, match.end("num2"), "range"
    elif err is not None:
        error = parse_numeral(err) or 0.0
        places = max(len(num.partition(".")[2]), len(err.partition(".")[2]))
        mention.low, mention.high = round(value - error, places), round(value + error, places)
        mention.end = match.end("err")
    elif lo is not None:
        mention.low, mention.high = parse_numeral(lo), parse_numeral(match["hi"])
        mention.end = match.end("hi")
    if size is not None and size.strip() and not unit:
        mention.outer_end = match.end("size")
    return mention


def _plain_find_mentions(text: str, number_words: bool = True) -> list[Mention]:
    found = _plain_numeric_mentions(text)
    if number_words and may_hold_number_word(text):
        found += [mentions.word_mention(match) for match in p.WORD_MENTION.finditer(text)]
    found += [mentions.time_word_mention(match) for match in p.WORD_TIME.finditer(text)]
    found.sort(key=lambda m: (m.start, -m.end))
    result: list[Mention] = []
    for mention in found:
        if result and mention.start < result[-1].outer_end:
            continue
        result.append(mention)
    return result


# --- the properties -----------------------------------------------------------------------------

@FAST_SETTINGS
@given(text=TEXTS, number_words=st.booleans())
def test_find_mentions_finds_what_the_plain_code_finds(text, number_words):
    assert find_mentions(text, number_words) == _plain_find_mentions(text, number_words)


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(_ranges(), _ranges(ascii_only=True), TEXTS))
def test_full_mention_pattern_needed_only_where_a_unit_before_a_range_join_may_stand(text):
    """At every position, not only where digits start: where the look for a unit before a
    range join fails, the pattern without that part reads the same."""
    gate = mentions.UNIT_BEFORE_RANGE_JOIN
    for start in range(len(text)):
        plain = p.MENTION_BEFORE_NO_RANGE.match(text, start)
        full = p.MENTION.match(text, start)
        assert (plain is None) == (full is None)
        if plain is None or gate.match(text, max(plain.end("num"), plain.end("size"))):
            continue
        assert (full.span(), full.groupdict(), full.lastgroup) == \
            (plain.span(), plain.groupdict(), plain.lastgroup)


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(_ranges(), _ranges(ascii_only=True), TEXTS))
def test_head_and_unit_match_as_the_whole_mention_pattern(text):
    """At every position: the head pattern's match, then the unit tried only where a unit may
    start, spans what the whole pattern spans, with the same groups."""
    for start in range(len(text)):
        for whole, head in ((p.MENTION, mentions.full_head()), (p.MENTION_BEFORE_NO_RANGE, mentions.PLAIN_HEAD)):
            expected, found = whole.match(text, start), head.match(text, start)
            assert (expected is None) == (found is None)
            if found is None:
                continue
            unit = mentions.unit_after(text, found.end())
            assert expected.end() == (unit or found).end()
            heads = {name: value for name, value in expected.groupdict().items() if not name.startswith("u_")}
            assert found.groupdict() == heads
            units = {name: value for name, value in expected.groupdict().items() if name.startswith("u_")}
            found_units = {name: value for name, value in (unit.groupdict() if unit else {}).items() if value}
            assert found_units == {name: value for name, value in units.items() if value}
            assert (unit.lastgroup if unit else "") == (expected.lastgroup if expected.lastgroup.startswith("u_") else "")


@FAST_SETTINGS
@given(text=_texts(_ASCII_PIECES).filter(str.isascii))
def test_ascii_digit_run_scan_is_the_unicode_one_on_ascii_text(text):
    assert [m.span() for m in NumberScan.of(text).digits] == [m.span() for m in mentions.DIGIT_RUN.finditer(text)]


# The scan for digit runs leaves out runs glued to identifiers; MENTION would reject them.
_EVERY_DIGIT_RUN = re.compile(r"(?<!\d)\d")


def _readable_at(text: str, start: int) -> bool:
    """Whether MENTION reads a number whose digits start at `start` (signed or not)."""
    for at in (start - 1, start) if start and text[start - 1] in "+-" else (start,):
        match = p.MENTION.match(text, at)
        if match is not None and match.start("num") == start:
            return True
    return False


@FAST_SETTINGS
@given(text=_texts(["ResNet", "Qwen", "R", "x", "v", "@", "#", "^", "w", "_", ".", "%", "+", "-",
                    "/", ":", "é", "٣", "B", "GPU", "2.5"]))
def test_digit_run_scan_skips_only_unreadable_runs(text):
    kept = {m.start() for m in mentions.DIGIT_RUN.finditer(text)}
    for run in _EVERY_DIGIT_RUN.finditer(text):
        if run.start() not in kept:
            assert not _readable_at(text, run.start()), (text, run.start())


_ASCII_CHARACTERS = st.text(st.characters(max_codepoint=127), max_size=40)


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(_texts(_ASCII_PIECES), _ranges(ascii_only=True), _ASCII_CHARACTERS).filter(str.isascii))
def test_unit_before_range_join_read_off_the_classes_as_by_the_pattern(text):
    """At every position of ASCII text (and one past its end)."""
    scan = NumberScan.of(text)
    for end in range(len(text) + 1):
        assert scan.unit_before_range_join(end) == (mentions.UNIT_BEFORE_RANGE_JOIN.match(text, end) is not None)


_UNIT_AFTER_PIECES = _UNITS + _SPACES + ["-", "-points", " -point", "a", "s", "of", "per", "/", "(", "\x1c", "\x0b"]


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(_texts(_UNIT_AFTER_PIECES), _ranges(ascii_only=True), _ASCII_CHARACTERS).filter(str.isascii))
def test_ascii_unit_after_reads_the_unit_as_the_unicode_one(text):
    """At every position of ASCII text: the standard engine's unit part matches as the
    `regex` one, to the same end, under the same unit's group."""
    for end in range(len(text) + 1):
        expected, found = mentions.unit_after(text, end), mentions.ascii_unit_after(text, end)
        assert (expected is None) == (found is None)
        if found is not None:
            assert (found.end(), found.lastgroup) == (expected.end(), expected.lastgroup)


@FAST_SETTINGS
@given(text=TEXTS, cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_words_looked_for_once_in_a_whole_text_find_what_each_part_holds(text, cut):
    """An abstract's NumberWords, given for a sentence of it, spares only looks that find nothing."""
    start, end = sorted(int(at * len(text)) for at in cut)
    number_words = may_hold_number_word(text)
    assert find_mentions(text[start:end], number_words) == _plain_find_mentions(text[start:end], bool(number_words))


@FAST_SETTINGS
@given(text=TEXTS, number_words=st.booleans())
def test_may_hold_number_as_the_plain_digit_search(text, number_words):
    plain = re.search(r"\d", text) is not None or (number_words and bool(may_hold_number_word(text)))
    assert may_hold_number(text, number_words) == plain


@pytest.mark.parametrize("text", [
    "from 1% - 10% of the data", "5 GPU-hours - 7 GPU-hours", "2 Peta-FLOPS~3 Peta-FLOPS",
    "1 ms – 3 ms", "3 percentage points -4", "in two days of training", "in ONE HOUR of training",
    "12 µs-15 µs", "2× – 3×",
])
def test_examples_read_as_the_plain_code_reads_them(text):
    assert find_mentions(text) == _plain_find_mentions(text)
    assert find_mentions(text)  # each holds a mention


# --- kinds: grouping and settings ---------------------------------------------------------------

_GROUP_PIECES = ["from", "From", "FROM", "fRoM", "to", "into", "TO", "12%", "5 ms", "3x", "1.5", "4,039",
                 "+2.1%", "~6%", "up to 5", "2.97~25.22x", "1 ± 0.2", "twice", "half of", ",", ", and",
                 "and", "or", "/", "vs.", "versus", "&", "(maybe even", "(or", ")", "(", "with a", "at",
                 "in the", "for", "under", "GB", "tokens/s", "7B", "2019", "8x V100", "context", "\x1c",
                 "\x85", "\n", "ﬀ", "é"]


@FAST_SETTINGS
@given(text=_texts(_GROUP_PIECES))
def test_group_mentions_keep_every_mention_in_order(text):
    found = find_mentions(text)
    groups = kinds.group_mentions(text, copy.deepcopy(found))
    assert [(m.start, m.end) for group in groups for m in group.members] == [(m.start, m.end) for m in found]
    assert all(group.qualifier != "range" for group in groups)
    assert [kinds.is_setting(text, m) for m in found] == [_plain_is_setting(text, m) for m in found]


def _plain_is_setting(sentence: str, m: Mention) -> bool:
    if m.is_size:
        return True
    after = sentence[m.outer_end:m.outer_end + 40]
    glued = sentence[m.end:m.end + 2]
    if len(glued) == 2 and glued[0] in "x×X/:" and glued[1].isdecimal():
        return True
    if glued[:1] == "D" and not m.unit:
        return True  # a dimension: "3D"
    if not m.unit and not m.decimal and 1900 <= m.value <= 2099:
        return True
    if m.unit in ("x", "") and p.re_match(r"\s*(?:NVIDIA\s+)?(?:[A-HPTV]\d{2,3}|GPUs?|nodes?)\b", after):
        return True
    return bool(cues.CONSTRAINT_AFTER.match(after))


# --- the usual number on ASCII text, read by the standard engine --------------------------------

_ASCII_NUMBER_PIECES = ["1", "12", "12.5", "4,039", "1,000,000", "1 136", "1234,567", "1.5", ".5", "+", "-",
                        "+/-", "+-", "~", " ", "  ", "\t", "\x1c", "(", ")", "(0.9 - 1)", "K", "k", "B", "M",
                        "T", " million", "thousand", "-billion", "-bit", "-shot", "-d", "-layer", " params",
                        "token", "-token", "%", "x", "ms", "a", "R", "ResNet", "_", "@", "#", "^", "/", ":",
                        ".", ",", "e"]


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(_texts(_ASCII_NUMBER_PIECES).filter(str.isascii), _ranges(ascii_only=True)))
def test_ascii_number_reads_as_the_head_pattern(text):
    """At every position of ASCII text: where the standard engine's number matches (and no
    unit before a range join may follow), both head patterns match there alike, with no range,
    interval or range-start unit; a sign right before is read by them as the sign."""
    for start in range(len(text)):
        found = mentions.ASCII_NUMBER.match(text, start)
        if found is None or mentions.UNIT_BEFORE_RANGE_JOIN.match(text, found.end()):
            continue
        for head in (mentions.PLAIN_HEAD, mentions.full_head()):
            at = head.match(text, start)
            assert at is not None and at.span() == found.span()
            assert (at["num"], at["size"]) == found.group(1, 2)
            assert at.group("sign", "unit1", "num2", "err", "lo", "hi") == (None,) * 6
            if start and text[start - 1] in "+-":
                signed = head.match(text, start - 1)
                assert signed is not None and signed.span() == (start - 1, found.end())
                assert signed["sign"] == text[start - 1] and signed.span("num") == found.span(1)


_QUALIFIER_PIECES = ["up to", "Up to", "up  to", "as much as", "a maximum of", "maximum of", "at least", "no less than",
                     "less than", "more than", "over", "above", "in excess of", "beyond", ">", ">=", "<", "<=", "≥",
                     "around", "approx.", "approx", "ca.", "circa", "close to", "nearly", "~", "to", "of", "into",
                     "a", "5", "%", "\t", "\n", "\x1c", "\x0b"]


# The words before a number are read by one flat alternation of the phrases of qualifiers and
# units (patterns.WORDS_BEFORE_NUMBER): it finds what the pattern of named phrases finds, one
# group per qualifier or unit. The texts are made of its own words too.
_NAMED_WORDS_BEFORE = regex.compile("(?:" + "|".join(
    [f"(?P<q_{name}>{pattern})" for name, pattern in p.QUALIFIER_BEFORE] +
    [f"(?P<u_{index}>{pattern})" for index, (_, pattern) in enumerate(p.UNIT_BEFORE)]) + r")\s*$")
_WORDS_BEFORE_PIECES = _QUALIFIER_PIECES + list(p.WORDS_BEFORE_NUMBER.words)


@settings(max_examples=1000, deadline=None)
@given(text=_texts(_WORDS_BEFORE_PIECES), cut=st.floats(0, 1), reach=st.integers(0, 30))
def test_words_before_a_number_found_as_the_named_phrases_find_them(text, cut, reach):
    end = int(cut * len(text))
    floor = max(0, end - reach)
    found = p.WORDS_BEFORE_NUMBER.search(text, floor, end)
    expected = _NAMED_WORDS_BEFORE.search(text, floor, end)
    assert (found and found.span()) == (expected and expected.span())


def test_heads_number_their_groups_alike():
    """mentions reads both heads' groups by the plain head's numbers."""
    assert mentions.PLAIN_HEAD.groupindex == mentions.full_head().groupindex


@FAST_SETTINGS
@given(text=TEXTS)
def test_numeric_mentions_come_in_order_and_never_overlap(text):
    """find_mentions returns the numeric mentions as found where no number word is met: they
    must already be what sorting and dropping overlaps would leave."""
    found = [m for m in find_mentions(text) if not m.is_word]
    assert all(a.start < b.start and b.start >= a.outer_end for a, b in zip(found, found[1:])), text
