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
_LINE_BREAK_RE = re.compile(r"(?P<line_break>[ \t]*\r?\n[ \t]*)")
_MARKUP_HINT_BUT_LINES = regex.compile(
    r"[\\$*_\u00a0\u2009\u202f\u2007\u2010-\u2015\u2212\u2248\u223c]|(?<![A-Za-z])sim\s?\d|\d\s?pm|\r(?!\n)")
# A cheap first look: text without any of these characters or letter pairs has no markup.
_MARKUP_HINT = regex.compile(
    r"[\\$*_\r\n\t\u00a0\u2009\u202f\u2007\u2010-\u2015\u2212\u2248\u223c]|(?<![A-Za-z])sim\s?\d|\d\s?pm")


class OffsetMap(Sequence[int]):
    """`map[i]`: the offset in the source that character `i` of the normalised text came from.

    Kept as segments (where each copied run or replacement starts in both texts), not as one
    entry per character: an abstract with line breaks every 80 characters has dozens of
    segments, and only the few offsets of its claims are ever looked up.
    """

    __slots__ = ("_text_starts", "_source_starts", "_copied", "_length")

    def __init__(self, text_starts: list[int], source_starts: list[int], copied: list[bool],
                 length: int) -> None:
        self._text_starts = text_starts
        self._source_starts = source_starts
        self._copied = copied
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
        segment = bisect.bisect_right(self._text_starts, index) - 1
        start = self._source_starts[segment]
        # a copied run maps one to one; every character of a replacement maps to where the
        # markup it replaces starts
        return start + (index - self._text_starts[segment]) if self._copied[segment] else start


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
    """
    if not _MARKUP_HINT.search(source):
        return NormalisedText(source, source, range(len(source)))  # nothing to read: identity map
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

    # Hard line breaks are the only markup of most arXiv dumps: a far simpler pattern finds them.
    markup = _LINE_BREAK_RE if not _MARKUP_HINT_BUT_LINES.search(source) else _MARKUP_RE
    position = 0
    for match in markup.finditer(source):
        segment(source[position:match.start()], position, True)
        segment(_REPLACEMENT[match.lastgroup], match.start(), False)
        position = match.end()
    segment(source[position:], position, True)
    return NormalisedText(source, "".join(pieces), OffsetMap(text_starts, source_starts, copied, length))
