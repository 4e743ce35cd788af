"""Sentence splitting that survives decimals and abbreviations ("vs.", "e.g.", "et al.", "Fig. 3")."""
from __future__ import annotations

import re
from typing import Iterable

from ..engine.cue_compiler import UNICODE_SPACE, ascii_twin_source

# Words that end with a full stop without ending the sentence. Lower-case, without the stop.
ABBREVIATIONS = frozenset({
    "vs", "e.g", "i.e", "eg", "ie", "cf", "al", "etc.al", "fig", "figs", "eq", "eqs", "sec",
    "secs", "tab", "no", "nos", "approx", "resp", "ref", "refs", "vol", "pp", "ca", "viz",
    "appx", "app", "dept", "univ", "inc", "ltd", "co", "st", "mr", "dr", "prof", "jr", "sr",
})

# A candidate boundary: sentence punctuation (a stop), optional closing quote or bracket, then
# white space, then something that can start a sentence (capital, digit, opening quote or bracket).
AFTER_STOP = r"""["')\]]?(?P<gap>\s+)(?=["'(\[]?[A-Z0-9])"""


# On ASCII text without ".." (most abstracts), abbreviations and initials are left out by looks
# behind the stop: the loop then calls no Python function per boundary. Each look holds the
# words of one length, each letter in either case (what `str.lower` reads on ASCII text), after
# a space or bracket or at the start of the text, as _is_abbreviation finds a word's start.
def _not_after_abbreviation() -> str:
    by_length: dict[int, list[str]] = {}
    for word in sorted(ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(
            "".join(f"[{c.upper()}{c}]" if c.isalpha() else re.escape(c) for c in word))
    by_length.setdefault(1, []).append("[A-Za-z]")  # an initial or a list label
    return "".join(rf"(?<!{start}(?:{'|'.join(words)})\.)"
                   for words in by_length.values() for start in (r"[ (\[]", r"\A"))


def _boundary(stops: str, ascii_text: bool) -> re.Pattern:
    r"""The boundary after one of `stops`, for the standard engine, which skips to the next stop
    at C speed (a text without "!" or "?" looks for "." alone: one literal character, searched
    for at memchr speed), \s spelled out as `regex` reads it. `ascii_text`: with abbreviations
    and initials left out, behind a first look at what follows the stop."""
    behind = rf"""(?=["')\]]?\s){_not_after_abbreviation()}""" if ascii_text else ""
    return re.compile(ascii_twin_source(stops + behind + AFTER_STOP, lower=False, space=UNICODE_SPACE))


_BOUNDARY = _boundary("[.!?]", ascii_text=False)
_FULL_STOP_BOUNDARY = _boundary(r"\.", ascii_text=False)
_ASCII_BOUNDARY = _boundary("[.!?]", ascii_text=True)
_ASCII_FULL_STOP_BOUNDARY = _boundary(r"\.", ascii_text=True)

# No real sentence is longer; a longer run of text (a table dump, a text without stops) is cut
# into pieces of at most this size, so that the work per number stays bounded and extraction
# stays linear in the length of the abstract.
MAX_SENTENCE_CHARS = 1500


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text`, white space trimmed.

    >>> t = "We beat X vs. Y by 2.5%. See Fig. 3 for details. Done."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['We beat X vs. Y by 2.5%.', 'See Fig. 3 for details.', 'Done.']
    """
    if text.isascii() and ".." not in text:
        # the boundary patterns leave out abbreviations and initials themselves
        boundary = _ASCII_BOUNDARY if "!" in text or "?" in text else _ASCII_FULL_STOP_BOUNDARY
        return _spans_between(text, boundary.finditer(text))
    boundary = _BOUNDARY if "!" in text or "?" in text else _FULL_STOP_BOUNDARY
    return _spans_between(text, (match for match in boundary.finditer(text)
                                 if not _is_abbreviation(text, match.start())))


def _spans_between(text: str, boundaries: Iterable[re.Match]) -> list[tuple[int, int]]:
    """The sentences of `text` set off by `boundaries` (matches whose group 1 is the gap)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in boundaries:
        stop, after = match.span(1)  # the gap
        if start and stop - start <= MAX_SENTENCE_CHARS:
            spans.append((start, stop))  # set off by boundaries on both sides: nothing to trim
        else:
            _append(text, spans, start, stop)
        start = after
    _append(text, spans, start, len(text))
    return spans


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the punctuation at `stop` closes an abbreviation or an initial, not a sentence."""
    if text[stop] != ".":
        return False
    # the last " ", "(" or "[" before `stop`: the brackets looked for only after the space, not
    # back to the start of the text
    space = text.rfind(" ", 0, stop)
    begin = max(space, text.rfind("(", space + 1, stop), text.rfind("[", space + 1, stop)) + 1
    word = text[begin:stop].lower().rstrip(".")
    if not word or len(word) > 8:
        return False  # no abbreviation is longer
    # a single capital letter is an initial ("J. Smith"); a single lower-case one a list label
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
