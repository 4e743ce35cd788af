"""OpenAlex works (the snapshot's `works` JSON Lines, or works saved from its API), one per line.

OpenAlex gives no plain abstracts, only `abstract_inverted_index` (each word and the positions
it stands at); the abstract is rebuilt as the words in position order, joined by single spaces,
and the claims' `char_start`/`char_end` point into that rebuilt text. Works without an abstract
(about half of OpenAlex) are passed over without a warning: they are not damaged, only empty for
the extractor.

The paper id is the work's arXiv id where OpenAlex knows one (its arXiv DOI, an arXiv landing
page or PDF among its locations), written as the other readers write arXiv ids so that claims
of the same paper from several sources join; else `openalex:W...`.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO

from ..output.schema import Paper
from .errors import BadRecord, OnSkip
from .dates import paper_date
from .ids import PaperIds, arxiv_id
from .json_formats import read_json_lines
from .records import json_type, checked_paper, text_field

#: Where a work may name its arXiv id: its DOI fields, then its locations' URLs.
_DOI_FIELDS = (("doi",), ("ids", "doi"))
_LOCATION_LISTS = ("primary_location", "best_oa_location", "locations")
_LOCATION_URLS = ("landing_page_url", "pdf_url")

_TITLE_FIELDS = ("title", "display_name")
_OPENALEX_WORK_URL = "https://openalex.org/"


def read_openalex(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
                  ) -> Iterator[Paper]:
    """OpenAlex works snapshot: one work object per line."""
    def to_paper(record: object, line: int, surrogates: bool) -> Paper | None:
        paper = openalex_paper(record, source, line, ids)
        return checked_paper(paper, surrogates)

    return read_json_lines(stream, source, report, to_paper)


def openalex_paper(record: object, source: str, line: int, ids: PaperIds) -> Paper | None:
    """The paper of one OpenAlex work; None for a work without an abstract."""
    if not isinstance(record, Mapping):
        raise BadRecord(f"record is {json_type(record)}, not an object")
    inverted = record.get("abstract_inverted_index")
    if inverted is None:
        return None
    abstract = rebuilt_abstract(inverted)
    if not abstract:
        return None
    title = " ".join(_title(record).split())
    paper_id = _paper_id(record, ids, title)
    return Paper(paper_id, title, abstract, source, line,
                 date=paper_date(paper_id, [record.get("publication_date")]))


def rebuilt_abstract(inverted: object) -> str:
    """The abstract an inverted index encodes: its words in position order, one space apart.

    >>> rebuilt_abstract({"We": [0], "reach": [1], "73.5%": [2], "on": [3], "MMLU.": [4]})
    'We reach 73.5% on MMLU.'
    >>> rebuilt_abstract({"a": [0, 2], "b": [1]})
    'a b a'

    Positions need not be contiguous (OpenAlex leaves gaps where it dropped a token); a position
    claimed by two words is damage (BadRecord).
    """
    if not isinstance(inverted, Mapping):
        raise BadRecord(f"abstract_inverted_index is {json_type(inverted)}, not an object")
    placed: list[tuple[int, str]] = []
    for word, positions in inverted.items():
        if not isinstance(positions, list) or not all(
                type(p) is int and p >= 0 for p in positions):
            raise BadRecord(f"abstract_inverted_index: the positions of {word[:40]!r} are not "
                            "a list of whole numbers >= 0")
        placed.extend((position, word) for position in positions)
    placed.sort()  # sorting pairs, not filling an array: a huge position costs no memory
    for (first, _), (second, _) in zip(placed, placed[1:]):
        if first == second:
            raise BadRecord(f"abstract_inverted_index: two words at position {first}")
    return " ".join(word for _, word in placed).strip()


def _title(record: Mapping) -> str:
    """`title`, or `display_name` where the title is null (OpenAlex gives both, the same)."""
    given = {key: record[key] for key in _TITLE_FIELDS if record.get(key) is not None}
    return text_field(given or record, _TITLE_FIELDS, "title")


def _paper_id(record: Mapping, ids: PaperIds, title: str) -> str:
    """The work's arXiv id if it names one, else openalex:W..., else a title slug."""
    for candidate in _arxiv_candidates(record):
        found = arxiv_id(candidate)
        if found:
            return found
    work = record.get("id")
    if isinstance(work, str) and work.strip():
        return "openalex:" + work.strip().removeprefix(_OPENALEX_WORK_URL)
    return ids(None, title)


def _arxiv_candidates(record: Mapping) -> Iterator[str]:
    """The strings of a work that may be (or hold) its arXiv id, most telling first."""
    for path in _DOI_FIELDS:
        value = _nested(record, path)
        if isinstance(value, str):
            yield value
    for name in _LOCATION_LISTS:
        locations = record.get(name)
        for location in locations if isinstance(locations, list) else [locations]:
            if isinstance(location, Mapping):
                for url in _LOCATION_URLS:
                    if isinstance(location.get(url), str):
                        yield location[url]


def _nested(record: Mapping, path: tuple[str, ...]) -> object:
    value: object = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value
