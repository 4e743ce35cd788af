"""Small presentation helpers of the dashboard: links, claim labels and highlighted abstracts.

Nothing here decides anything about claims; these functions only turn what the `extract` library
returns into text and HTML for the page. Every piece of input text that ends up in HTML goes
through `html.escape` first, so markup in an abstract shows as text and never runs.
"""
from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from extract.wording import plural  # noqa: F401 - the views count things through this module

#: How each qualifier is shown next to a value: a sign a reader notices, then the words.
QUALIFIER_LABELS: dict[str, str] = {
    "up_to": "≤ up to",
    "at_least": "≥ at least",
    "about": "≈ about",
    "over": "> over",
    "under": "< under",
    "average": "⌀ average",
    "range": "↔ range",
    "fraction_of_baseline": "÷ of baseline",
}

# A paper id as the readers normalise arXiv ids: new style YYMM.NNNNN, or old style
# archive(.SUBJECT)/YYMMNNN.
_ARXIV_ID = regex.compile(r"""
    \d{4}\.\d{4,5}                        # new style (2007 on)
  | [a-z][a-z-]*(?:\.[A-Za-z]{2})?/\d{7}  # old style
""", regex.VERBOSE)


def arxiv_url(paper_id: str) -> str | None:
    """The arXiv abstract page of `paper_id`, or None when it is not an arXiv id.

    >>> arxiv_url("2503.06749"), arxiv_url("hep-th/9901001")
    ('https://arxiv.org/abs/2503.06749', 'https://arxiv.org/abs/hep-th/9901001')
    >>> arxiv_url("vision-r1-incentivizing-reasoning") is None
    True
    """
    if paper_id and _ARXIV_ID.fullmatch(paper_id):
        return f"https://arxiv.org/abs/{paper_id}"
    return None


# How evidence is read, after `extract.reading.text.normalise` (which reads 97.2\%, $\times$,
# **85.67**, sim6% and line breaks as the extractor does): what is left of LaTeX and Markdown.
_READABLE: tuple[tuple[str, str], ...] = (
    (r"\\(?:cite|ref|label|footnote)\{[^{}]*\}", ""),            # \cite{x}: nothing to read
    (r"\\(?:text(?:bf|it|tt|rm|sc)?|emph|math(?:bf|rm|it|cal|bb)|mbox|operatorname)\{([^{}]*)\}",
     r"\1"),                                                      # \textbf{85.6}: 85.6
    (r"\\([A-Za-z]+)\b\s?", r"\1 "),                             # \alpha: alpha
    (r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1"),      # *word*: word
    (r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])", r"\1"),         # _word_: word
    (r"`([^`\n]+)`", r"\1"),                                        # `code`: code
    (r"(?<=\d)\s?times\b", " ×"),                                   # 3.67times: 3.67 ×
    (r"\{([^{}]*)\}", r"\1"),                                      # braces left alone
    (r" {2,}", " "),
)
_READABLE_PATTERNS = tuple((regex.compile(pattern), replacement)
                           for pattern, replacement in _READABLE)


def readable(text: str) -> str:
    r"""Evidence as a person reads it: LaTeX and Markdown read, not shown raw (issue 13 item 7).

    >>> readable(r"achieves 97.2\% accuracy, up to **85.67**% and $\times$2")
    'achieves 97.2% accuracy, up to 85.67% and ×2'
    >>> readable(r"\textbf{56.2} AP and *fast*, 3.67times faster \cite{x}")
    '56.2 AP and fast, 3.67 × faster'
    """
    from extract.reading.text import normalise

    text = normalise(text).text
    for pattern, replacement in _READABLE_PATTERNS:
        text = pattern.sub(replacement, text)
    return text.strip()


def qualifier_label(qualifier: str) -> str:
    """The visible marker of a qualifier; empty for a plain claim.

    >>> qualifier_label("up_to"), qualifier_label(""), qualifier_label("new_kind")
    ('≤ up to', '', 'new_kind')
    """
    return QUALIFIER_LABELS.get(qualifier, qualifier) if qualifier else ""


def format_number(value: float | None) -> str:
    """A float in its shortest exact form, without a trailing ``.0``.

    >>> format_number(97.2), format_number(8.0), format_number(0.0009765625), format_number(None)
    ('97.2', '8', '0.0009765625', '')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def claim_label(value: float | None, unit: str, qualifier: str) -> str:
    """A value with its unit and qualifier as one reads it: ``up to 97.2 %``.

    >>> claim_label(97.2, "%", "up_to"), claim_label(2.5, "x", ""), claim_label(6.0, "", "about")
    ('up to 97.2 %', '2.5 x', 'about 6')
    """
    words = QUALIFIER_LABELS.get(qualifier, qualifier).split(" ", 1)[-1] if qualifier else ""
    return " ".join(part for part in (words, format_number(value), unit) if part)


@dataclass(frozen=True)
class Span:
    """A stretch of an abstract to highlight, with the tooltip shown over it."""

    start: int
    end: int
    tooltip: str = ""


def highlight(text: str, spans: Iterable[Span]) -> str:
    """`text` as HTML, escaped, with each span wrapped in ``<mark>``.

    Spans that fall outside the text, are empty or overlap an earlier span are left out (a claim
    table read from disk may not fit the abstract it is shown with).

    >>> highlight("AP <b>53.1</b> and 108 FPS", [Span(6, 10, "score"), Span(19, 22)])
    'AP &lt;b&gt;<mark title="score">53.1</mark>&lt;/b&gt; and <mark>108</mark> FPS'
    >>> highlight("<script>alert(1)</script>", [])
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if not (position <= span.start < span.end <= len(text)):
            continue
        title = f' title="{html.escape(span.tooltip, quote=True)}"' if span.tooltip else ""
        pieces.append(html.escape(text[position:span.start]))
        pieces.append(f"<mark{title}>{html.escape(text[span.start:span.end])}</mark>")
        position = span.end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)
