"""A normalised view of an abstract for matching, with a map back to the text as read.

Abstracts carry LaTeX (`97.2\\%`, `$\\times$`, `\\sim 6`), Markdown (`**85.67**%`) and hard line
breaks. Rules match against the normalised text; every normalised character remembers the offset
of the character it came from, so `char_start`/`char_end` and `sentence` point into the abstract
exactly as read.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import regex

# Each markup form and what it reads as. One combined pattern, tried left to right in a single
# pass, so normalisation is linear in the length of the abstract.
_MARKUP: tuple[tuple[str, str, str], ...] = (
    # name, pattern, replacement
    ("latex_percent", r"\\%", "%"),
    ("latex_times", r"\$?\\times\$?", "×"),
    ("latex_pm", r"\$?\\pm\$?", "±"),
    ("latex_sim", r"\$?\\(?:sim|approx)\s*\$?", "~"),
    ("latex_gt", r"\$\s*(?:>|\\gt)\s*\$|\$\\geq?\$", ">"),
    ("latex_lt", r"\$\s*(?:<|\\lt)\s*\$|\$\\leq?\$", "<"),
    ("latex_spacing", r"\\[,;:! ]", " "),
    ("latex_dash", r"(?<=\d\s?)--\s?(?=\d)", "-"),
    # "sim6%": a LaTeX \sim that lost its backslash on the way to plain text
    ("bare_sim", r"(?<![A-Za-z])sim(?=\s?\d)", "~"),
    # "80.245 pm 0.129": a \pm that lost its backslash
    ("bare_pm", r"(?<=\d\s?)pm(?=\s?\d)", "±"),
    ("markdown_bold", r"\*\*|__(?=\d)|(?<=\d)__", ""),
    ("math_dollar", r"\$", ""),
    ("unicode_dash", r"[\u2010-\u2015\u2212]", "-"),
    ("unicode_space", r"[\u00a0\u2009\u202f\u2007]", " "),
    ("unicode_approx", r"[\u2248\u223c]", "~"),
    ("line_break", r"[ \t]*\r?\n[ \t]*", " "),
)

# Every form opens with one of these characters: a cheap test before the alternatives.
_OPENING = (r"(?=[\\$*_\r\n\-\u00a0\u2009\u202f\u2007\u2010-\u2015\u2212\u2248\u223c]"
            r"|[ \t]+\r?\n|sim\s?\d|pm\s?\d)")
_MARKUP_RE = regex.compile(_OPENING + "(?:" + "|".join(
    f"(?P<{name}>{pattern})" for name, pattern, _ in _MARKUP) + ")")
_REPLACEMENT = {name: replacement for name, _, replacement in _MARKUP}

# Signs of markup other than line breaks: one of its opening characters, a bare sim or pm before or
# after a number, or a carriage return that ends no line. Looked for one by one: the character
# class with the standard `re` (it scans a class of characters several times faster than `regex`),
# the rest with patterns that `regex` finds by their letters.
_MARKUP_CHARACTER = re.compile(r"[\\$*_\u00a0\u2009\u202f\u2007\u2010-\u2015\u2212\u2248\u223c]")
_BARE_SIM_OR_PM = regex.compile(r"(?<![A-Za-z])sim\s?\d|\d\s?pm")
_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")

# What a hard line break takes away from the end and the start of the lines it joins (a carriage
# return can only end a line here: a lone one is markup, see above).
_LINE_END_SPACE = " \t\r"
_LINE_START_SPACE = " \t"


class _Offsets(Sequence[int]):
    """`map[i]`: the offset in the source that character `i` of the normalised text came from."""

    __slots__ = ("_length",)

    def __init__(self, length: int) -> None:
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._offset(index)

    def _offset(self, index: int) -> int:
        raise NotImplementedError


class OffsetMap(_Offsets):
    """Offsets kept as segments (where each copied run or replacement starts in both texts), not
    as one entry per character: only the few offsets of an abstract's claims are looked up.
    """

    __slots__ = ("_text_starts", "_source_starts", "_copied")

    def __init__(self, text_starts: list[int], source_starts: list[int], copied: list[bool],
                 length: int) -> None:
        super().__init__(length)
        self._text_starts = text_starts
        self._source_starts = source_starts
        self._copied = copied

    def _offset(self, index: int) -> int:
        segment = bisect.bisect_right(self._text_starts, index) - 1
        start = self._source_starts[segment]
        # a copied run maps one to one; every character of a replacement maps to where the
        # markup it replaces starts
        return start + (index - self._text_starts[segment]) if self._copied[segment] else start


class LineBreakMap(_Offsets):
    """Offsets of a text whose only markup is hard line breaks, each read as one space: kept as
    the lines of the source and what is left of each, the line starts summed up only when an
    offset is first looked up (most characters never are).
    """

    __slots__ = ("_lines", "_kept", "_text_line_starts", "_source_line_starts")

    def __init__(self, lines: list[str], kept: list[str], length: int) -> None:
        super().__init__(length)
        self._lines = lines
        self._kept = kept
        self._text_line_starts: list[int] = []
        self._source_line_starts: list[int] = []

    def _offset(self, index: int) -> int:
        if not self._text_line_starts:
            # each line is followed by one character: its "\n" in the source, a space in the text
            self._text_line_starts = [start + line for line, start in
                                      enumerate(accumulate(map(len, self._kept), initial=0))]
            self._source_line_starts = [start + line for line, start in
                                        enumerate(accumulate(map(len, self._lines), initial=0))]
        line = bisect.bisect_right(self._text_line_starts, index) - 1
        source_line = self._lines[line]
        # the previous break took the line's indentation; the first line has none taken
        indentation = len(source_line) - len(source_line.lstrip(_LINE_START_SPACE)) if line else 0
        # the space after the kept text maps to where its line break starts, right after it
        within = min(index - self._text_line_starts[line], len(self._kept[line]))
        return self._source_line_starts[line] + indentation + within


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """`text` for matching; `origin[i]` is the offset in `source` that `text[i]` came from."""

    source: str
    text: str
    origin: Sequence[int]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `source` that `text[start:end]` was read from (end exclusive)."""
        if start >= end:
            point = self.origin[start] if start < len(self.origin) else len(self.source)
            return point, point
        return self.origin[start], self.origin[end - 1] + 1


def normalise(source: str) -> NormalisedText:
    r"""Read LaTeX and Markdown leftovers as plain text, keeping a map back to `source`.

    >>> n = normalise(r"maintains 97.2\% accuracy, **85.67**% and $\times$2")
    >>> n.text
    'maintains 97.2% accuracy, 85.67% and ×2'
    >>> start = n.text.index("85.67"); n.source[slice(*n.source_span(start, start + 5))]
    '85.67'
    >>> n = normalise("  hard-wrapped \n   lines\r\n end")
    >>> n.text, "".join(n.source[i] for i in n.origin)
    ('  hard-wrapped lines end', '  hard-wrapped lines\rend')
    """
    if _has_markup_besides_line_breaks(source):
        return _normalise_markup(source)
    if "\n" not in source:
        return NormalisedText(source, source, range(len(source)))  # nothing to read: identity map
    return _normalise_line_breaks(source)


def _has_markup_besides_line_breaks(source: str) -> bool:
    return bool(_MARKUP_CHARACTER.search(source) or _BARE_SIM_OR_PM.search(source)
                or "\r" in source and _LONE_CARRIAGE_RETURN.search(source))


def _normalise_line_breaks(source: str) -> NormalisedText:
    """Hard line breaks, the only markup of most arXiv dumps, read as one space each: the lines
    split and joined by `str` methods, not a pattern tried at every character."""
    lines = source.split("\n")
    kept = [line.strip(_LINE_END_SPACE) for line in lines]
    kept[0] = lines[0].rstrip(_LINE_END_SPACE)  # the first line keeps its indentation
    kept[-1] = lines[-1].lstrip(_LINE_START_SPACE)  # and the last its trailing space
    text = " ".join(kept)
    return NormalisedText(source, text, LineBreakMap(lines, kept, len(text)))


def _normalise_markup(source: str) -> NormalisedText:
    """Every markup form, tried left to right by one combined pattern."""
    pieces: list[str] = []
    text_starts: list[int] = []
    source_starts: list[int] = []
    copied: list[bool] = []
    length = 0

    def segment(piece: str, source_start: int, is_copy: bool) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            text_starts.append(length)
            source_starts.append(source_start)
            copied.append(is_copy)
            length += len(piece)

    position = 0
    for match in _MARKUP_RE.finditer(source):
        segment(source[position:match.start()], position, True)
        segment(_REPLACEMENT[match.lastgroup], match.start(), False)
        position = match.end()
    segment(source[position:], position, True)
    return NormalisedText(source, "".join(pieces), OffsetMap(text_starts, source_starts, copied, length))
