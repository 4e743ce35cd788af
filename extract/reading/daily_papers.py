"""A pasted Hugging Face Daily Papers page: title and abstract paragraphs amid page chrome."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import IO

from ..output.schema import Paper
from .dates import paper_date, parse_date
from .errors import OnSkip, SkippedRecord
from .ids import PaperIds
from .source import numbered_lines, oversize_record, text_limits

# A paragraph of a Daily Papers page is a title when it is one line and short; an abstract when
# it is long, spans lines or is a sentence of some length.
_MAX_TITLE_CHARS = 300
_MIN_ONE_SENTENCE_ABSTRACT_WORDS = 8

_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE_LINE = re.compile(rf"""
    ^(?:published\s+on\s+)?
    (?: {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?     # Sep 2, September 2nd, 2025
      | \d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?                       # 2 Sep 2025
      | \d{{4}}-\d{{2}}-\d{{2}} )                                 # 2025-09-02
    $""", re.VERBOSE | re.IGNORECASE)

_PUBLISHED_ON = re.compile(r"^published\s+on\s+", re.IGNORECASE)

# Lines of the Hugging Face page around the papers (header, per-paper badges, footer).
_CHROME_PREFIXES = ("get trending papers", "subscribe", "daily papers", "byak ", "submitted by",
                    "upvote", "published on", "previous", "next", "load more", "view all")


def read_daily_papers(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
                      ) -> Iterator[Paper]:
    """A pasted Hugging Face Daily Papers page: title and abstract paragraphs, amid page chrome.

    A title is a short one-line paragraph followed by an abstract paragraph; other short
    paragraphs are page chrome. One that follows a paper and looks like a title (not a date, a
    number or a label) is reported as a title without an abstract. A date line with a year
    ("Sep 2, 2025", "Published on 2025-09-02") dates the papers after it; the page's own "Sep 2"
    gives no year, so no date.
    """
    pending: tuple[int, str] | None = None  # (line, text) of a paragraph that may be a title
    papers_read = 0
    page_date = ""

    def report_orphan_title() -> None:
        if pending and papers_read and not _is_page_chrome(pending[1]):
            report(SkippedRecord(source, pending[0], "title without an abstract"))

    for start, paragraph in _paragraphs(stream, source, report):
        if paragraph is None:  # reported already; it may have been the pending title's abstract
            pending = None
        elif _looks_like_abstract(paragraph):
            if pending:
                title = " ".join(pending[1].split())
                paper_id = ids(None, title)
                yield Paper(paper_id, title, paragraph, source, pending[0],
                            paper_date(paper_id, [page_date]))
                papers_read += 1
                pending = None
            else:
                report(SkippedRecord(source, start, "abstract paragraph without a title"))
        elif _DATE_LINE.match(paragraph):
            report_orphan_title()
            pending = None
            page_date = parse_date(_PUBLISHED_ON.sub("", paragraph)) or page_date
        else:
            report_orphan_title()
            pending = (start, paragraph)
    report_orphan_title()


def is_prose_line(paragraph: str) -> bool:
    """A one-line paragraph long enough to be an abstract (format detection's prose signal).

    >>> is_prose_line("We train a model that reaches 90% accuracy on the benchmark.")
    True
    >>> is_prose_line("A Survey of Long Contexts")
    False
    """
    return "\n" not in paragraph and _looks_like_abstract(paragraph)


def _is_page_chrome(paragraph: str) -> bool:
    """True for page furniture: a date, a number, a short label or a known page line.

    >>> [_is_page_chrome(p) for p in ("Sep 2", "42", "Subscribe", "A Survey of Long Contexts")]
    [True, True, True, False]
    """
    return (bool(_DATE_LINE.match(paragraph))
            or len(paragraph.split()) < 4
            or not any(char.isalpha() for char in paragraph)
            or paragraph.lower().startswith(_CHROME_PREFIXES))


def _looks_like_abstract(paragraph: str) -> bool:
    return ("\n" in paragraph or len(paragraph) > _MAX_TITLE_CHARS
            or (paragraph.endswith(".")
                and len(paragraph.split()) >= _MIN_ONE_SENTENCE_ABSTRACT_WORDS))


def _paragraphs(stream: IO[bytes], source: str, report: OnSkip
                ) -> Iterator[tuple[int, str | None]]:
    """(first line, text) of each blank-line separated paragraph; None when a line was oversize
    or the paragraph is longer than the abstract limit (its lines are then not kept)."""
    start, lines, size, broken = 0, [], 0, False
    limit = text_limits()[0]
    numbered = numbered_lines(stream)
    for number, line in itertools.chain(numbered, [(0, "")]):
        if line is None:
            report(oversize_record(source, number))
            start, broken = start or number, True
            continue
        if line.strip():
            start = start or number
            if not broken:
                lines.append(line.rstrip("\r\n"))
                size += len(lines[-1]) + 1  # the paragraph is its lines joined by "\n"
                if size - 1 > limit:
                    report(SkippedRecord(source, start, f"paragraph longer than {limit:,} "
                                                        "characters"))
                    lines, broken = [], True
            continue
        if start:
            yield start, None if broken else "\n".join(lines).strip()
        start, lines, size, broken = 0, [], 0, False
        if number:
            numbered.skip_blank_lines()  # a run of blank lines costs one look
