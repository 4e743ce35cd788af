"""A normalised view of an abstract for matching, with a map back to the text as read.

Abstracts carry LaTeX (`97.2\\%`, `$\\times$`, `\\sim 6`), Markdown (`**85.67**%`) and hard line
breaks. Rules match against the normalised text; every normalised character remembers the offset
of the character it came from, so `char_start`/`char_end` and `sentence` point into the abstract
exactly as read.
"""
from __future__ import annotations

import bisect
import operator
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
    # "8.61% on Multitudes--absolute gains": a dash between words sets off a clause (read as an
    # ASCII "; ": a non-ASCII character would take the text off the engine's ASCII fast paths)
    ("latex_word_dash", r"(?<=[A-Za-z%)])---?(?=[A-Za-z(])", "; "),
    # "sim6%": a LaTeX \sim that lost its backslash on the way to plain text
    ("bare_sim", r"(?<![A-Za-z])sim(?=\s?\d)", "~"),
    # "80.245 pm 0.129": a \pm that lost its backslash
    ("bare_pm", r"(?<=\d\s?)pm(?=\s?\d)", "±"),
    ("markdown_bold", r"\*\*|__(?=\d)|(?<=\d)__", ""),
    # "\textbf{7.22\%}", "$\mathbf{26.7}\%$": LaTeX bold around a number, read as the number
    ("latex_bold", r"\\(?:textbf|mathbf|boldsymbol|bm)\{(?=\s*[-+~]?\d[\d.,]*\s*(?:\\%|%)?\s*\})", ""),
    ("latex_bold_end", r"(?<=\\(?:textbf|mathbf|boldsymbol|bm)\{\s*[-+~]?\d[\d.,]*\s*(?:\\%|%)?\s*)\}", ""),
    ("math_dollar", r"\$", ""),
    ("unicode_dash", r"[\u2010-\u2015\u2212]", "-"),
    ("unicode_space", r"[\u00a0\u2009\u202f\u2007]", " "),
    ("unicode_approx", r"[\u2248\u223c]", "~"),
    ("line_break", r"[ \t]*\r?\n[ \t]*", " "),
)

# Every form opens with one of these characters: a cheap test before the alternatives.
_OPENING = (r"(?=[\\$*_}\r\n\-\u00a0\u2009\u202f\u2007\u2010-\u2015\u2212\u2248\u223c]"
            r"|[ \t]+\r?\n|sim\s?\d|pm\s?\d)")
_MARKUP_RE = regex.compile(_OPENING + "(?:" + "|".join(
    f"(?P<{name}>{pattern})" for name, pattern, _ in _MARKUP) + ")")
_REPLACEMENT = {name: replacement for name, _, replacement in _MARKUP}

# Signs of markup other than line breaks: one of its opening characters, "--" (a LaTeX dash), a
# bare sim or pm before or after a number, or a carriage return that ends no line. Each character is looked for with `in`
# (a substring test runs at memchr speed, and at none for a character wider than any of the
# text's), each pattern on its own.
_MARKUP_CHARACTERS = ("\\$*_\u00a0\u2009\u202f\u2007\u2212\u2248\u223c"
                      + "".join(map(chr, range(0x2010, 0x2016))))  # the dashes \u2010-\u2015
# The two bare forms as signs only (the standard engine; "sim" and "pm" first, which it finds
# by their letters): a sign that is no form (its look-behind is left out; `\s` also takes
# \x1c-\x1f) costs only the full reading, which finds what is there.
_BARE_SIM = re.compile(r"sim\s?\d")
_BARE_PM = re.compile(r"pm(?:(?<=\dpm)|(?<=\d\spm))")
_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")
# "--" found by `re` (its search for a literal is twice as fast as `in` for two characters)
_DOUBLE_DASH = re.compile("--")

# The forms other than line breaks, tried only where one can start (`_markup_starts`): at one of
# `_MARKUP_CHARACTERS`, at "--" (anywhere: it also sets off words, "latex_word_dash"), at "sim"
# and "pm" only before a number, as their forms stand, and at "}" (which closes a bold number) in
# a text with a bold opening. The places are found with `str.find`, at memchr speed: `re` tries a
# pattern of these alternatives at every character of the text, several times slower. None opens
# with a white-space character, so line breaks never hide one.
_OTHER_MARKUP_RE = regex.compile("|".join(
    f"(?P<{name}>{pattern})" for name, pattern, _ in _MARKUP if name != "line_break"))
_BOLD_OPENINGS = ("bf{", "\\bm{", "boldsymbol{")
_LITERAL_STARTS = (*_MARKUP_CHARACTERS, "--")
_NUMBER_AFTER = re.compile(r"\s?\d")
_LINE_BREAK_SPACE = re.compile(r"[ \t]*\r?\n")

# What a hard line break takes away from the end and the start of the lines it joins (a carriage
# return can only end a line here: a lone one is markup, see above).
_LINE_END_SPACE = " \t\r"
_LINE_START_SPACE = " \t"


def _indentation(line: str) -> int:
    """How much white space a hard line break takes from the start of `line`."""
    return len(line) - len(line.lstrip(_LINE_START_SPACE))


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
    """Offsets kept as segments, not as one entry per character: copied runs (even positions) and
    replacements (odd positions) alternate, each given by its length in the text and in the
    source; their starts are summed up only when an offset is first looked up.
    """

    __slots__ = ("_text_lengths", "_source_lengths", "_text_starts", "_source_starts")

    def __init__(self, text_lengths: list[int], source_lengths: list[int], length: int) -> None:
        super().__init__(length)
        self._text_lengths = text_lengths
        self._source_lengths = source_lengths
        self._text_starts: list[int] = []
        self._source_starts: list[int] = []

    def _offset(self, index: int) -> int:
        if not self._text_starts:
            self._text_starts = list(accumulate(self._text_lengths, initial=0))
            self._source_starts = list(accumulate(self._source_lengths, initial=0))
        # the last segment starting at or before `index`: an empty one is always followed by
        # one starting where it does, so it is never the one found
        segment = bisect.bisect_right(self._text_starts, index) - 1
        start = self._source_starts[segment]
        # a copied run maps one to one; every character of a replacement maps to where the
        # markup it replaces starts
        return start + (index - self._text_starts[segment]) if segment % 2 == 0 else start


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
        indentation = _indentation(source_line) if line else 0
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
    return bool(any(character in source for character in _MARKUP_CHARACTERS) or _DOUBLE_DASH.search(source)
                or _BARE_SIM.search(source) or _BARE_PM.search(source)
                or "\r" in source and _LONE_CARRIAGE_RETURN.search(source))


def _normalise_line_breaks(source: str) -> NormalisedText:
    """Hard line breaks, the only markup of most arXiv dumps, read as one space each: the lines
    split and joined by `str` methods, not a pattern tried at every character."""
    lines = source.split("\n")
    kept = _kept(lines)
    text = " ".join(kept)
    if len(text) == len(source):  # no white space taken: each break is one space in its place
        return NormalisedText(source, text, range(len(text)))
    return NormalisedText(source, text, LineBreakMap(lines, kept, len(text)))


def _kept(lines: list[str]) -> list[str]:
    """What hard line breaks leave of the lines they join."""
    kept = [line.strip(_LINE_END_SPACE) for line in lines]
    kept[0] = lines[0].rstrip(_LINE_END_SPACE)  # the first line keeps its indentation
    kept[-1] = lines[-1].lstrip(_LINE_START_SPACE)  # and the last its trailing space
    return kept


def _normalise_markup(source: str) -> NormalisedText:
    """Every markup form, as if tried left to right by one combined pattern: the other forms
    where they can start, line breaks split off as in `_normalise_line_breaks`."""
    markup: list[tuple[int, int, str]] = []  # (start, end, replacement)
    position = 0
    for start in _markup_starts(source, any(bold in source for bold in _BOLD_OPENINGS)):
        if start < position:  # inside the form found last
            continue
        match = _OTHER_MARKUP_RE.match(source, start)
        if match is None:
            continue
        if _touches_line_break(source, match):
            return normalise_in_one_pass(source)
        markup.append((match.start(), match.end(), _REPLACEMENT[match.lastgroup]))
        position = match.end()
    if "\n" in source:
        kept = _kept(source.split("\n"))
        if sum(map(len, kept)) + len(kept) - 1 == len(source):
            # no white space taken: each break is one space in its place, the offsets unchanged
            normalised = _replace(source, markup)
            return NormalisedText(source, normalised.text.replace("\n", " "), normalised.origin)
        if "\r" in source:  # a lone carriage return stays; the split into lines cannot tell
            return normalise_in_one_pass(source)
        markup = sorted(markup + _line_break_spans(source))
    return _replace(source, markup)


def _markup_starts(source: str, bold_end: bool) -> list[int]:
    """Where a form other than a line break can start in `source`, in order; with `bold_end`,
    "}" too."""
    starts = []
    for opening in (*_LITERAL_STARTS, "}") if bold_end else _LITERAL_STARTS:
        at = source.find(opening)
        while at >= 0:
            starts.append(at)
            at = source.find(opening, at + 1)
    for word in ("sim", "pm"):
        at = source.find(word)
        while at >= 0:
            if _NUMBER_AFTER.match(source, at + len(word)):
                starts.append(at)
            at = source.find(word, at + 1)
    starts.sort()
    return starts


def _touches_line_break(source: str, match) -> bool:
    """Whether `match` (a form other than a line break) ran into a line break, or ends in white
    space that one continues: the two would not split as the combined pattern splits them."""
    return ("\n" in match[0] or "\r" in match[0]
            or match[0][-1] in " \t" and _LINE_BREAK_SPACE.match(source, match.end()) is not None)


def _line_break_spans(source: str) -> list[tuple[int, int, str]]:
    """(start, end, " ") of each hard line break of a text without carriage returns, as
    `[ \\t]*\\n[ \\t]*` tried left to right finds them."""
    spans = []
    lines = source.split("\n")
    line_start = 0
    indentation = 0  # of the current line, taken by the break before it (the first line has none)
    for line, next_line in zip(lines, lines[1:]):
        # a break starts at the white space ending its line, unless the line is only white space
        # (already taken by the break before)
        start = line_start + max(indentation, len(line.rstrip(" \t")))
        line_start += len(line) + 1
        indentation = _indentation(next_line)
        spans.append((start, line_start + indentation, _REPLACEMENT["line_break"]))
    return spans


def _replace(source: str, markup: list[tuple[int, int, str]]) -> NormalisedText:
    """`source` with each (start, end, replacement) of `markup` (in order, none overlapping)
    replaced."""
    if not markup:
        return NormalisedText(source, source, range(len(source)))
    starts, ends, replacements = zip(*markup)
    copied = list(map(source.__getitem__, map(slice, (0, *ends), (*starts, len(source)))))
    text_pieces = [""] * (len(copied) + len(replacements))  # copied runs and replacements alternate
    text_pieces[0::2], text_pieces[1::2] = copied, replacements
    source_lengths = list(map(len, text_pieces))
    source_lengths[1::2] = map(operator.sub, ends, starts)
    text = "".join(text_pieces)
    return NormalisedText(source, text, OffsetMap(list(map(len, text_pieces)), source_lengths, len(text)))


def normalise_in_one_pass(source: str) -> NormalisedText:
    """`normalise` by its definition: every markup form tried left to right by one combined
    pattern, without the shortcuts. The reference that `normalise` must equal (tests compare
    the two), and what it falls back to where a shortcut cannot tell."""
    markup = [(match.start(), match.end(), _REPLACEMENT[match.lastgroup])
              for match in _MARKUP_RE.finditer(source)]
    return _replace(source, markup)
