"""From a record (a JSON object, a CSV row, an Atom entry) to a paper, and the shape every
format reader shares."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping
from typing import IO

from ..output.schema import Paper
from .dates import paper_date, version_dates
from .errors import BadRecord, OnSkip
from .ids import PaperIds
from .source import text_limits

# Field names accepted in JSON objects and CSV headers (CSV headers compared case-insensitively).
ID_FIELDS = ("id", "paper_id", "arxiv_id")
TITLE_FIELDS = ("title",)
ABSTRACT_FIELDS = ("abstract", "summary")
#: Fields that may hold the paper's date (`dates.paper_date` keeps the earliest): the Daily
#: Papers API's publishedAt, Atom's published, the arXiv snapshot's update_date (and versions).
DATE_FIELDS = ("publishedAt", "published_at", "published", "publication_date", "date",
               "update_date")

#: A format reader: (decompressed stream, source name, on_skip, the file's id maker) -> papers.
Reader = Callable[[IO[bytes], str, OnSkip, PaperIds], Iterator[Paper]]


def json_type(value: object) -> str:
    """How a value's type is named in a reason, in JSON's words.

    >>> json_type(True), json_type(3.5), json_type([]), json_type({})
    ('a boolean', 'a number', 'a list', 'an object')
    """
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
             dict: "an object"}
    return names.get(type(value), type(value).__name__)


def text_field(record: Mapping, names: tuple[str, ...], label: str) -> str:
    """The record's first field among `names`, which must be a non-empty string."""
    for key in names:
        if key in record:
            break
    else:
        raise BadRecord(f"no {label}")
    value = record[key]
    if value is None:
        raise BadRecord(f"{label} is null")
    if not isinstance(value, str):
        raise BadRecord(f"{label} is {json_type(value)}, not a string")
    if not value.strip():
        raise BadRecord(f"{label} is empty")
    return value


#: A UTF-16 surrogate on its own: JSON's "\ud800" escapes make them, and no UTF-8 writer can
#: write one.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, as a byte that is not UTF-8 is.

    >>> without_surrogates("a\\ud800b") == "a\\ufffdb", without_surrogates("plain")
    (True, 'plain')
    """
    if text.isascii():  # nearly every text: no search at all
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def checked_paper(paper: Paper | None, surrogates: bool) -> Paper | None:
    """A paper a reader built itself (OpenAlex, Semantic Scholar), held to what
    `paper_from_record` holds a record to: a title or abstract over its limit
    (`source.text_limits`) is a BadRecord; with `surrogates` (JSON that `may_hold_surrogates`),
    lone surrogates in its id, title and abstract become U+FFFD."""
    if paper is None:
        return None
    abstract_limit, title_limit = text_limits()
    for label, text, limit in (("title", paper.title, title_limit),
                               ("abstract", paper.abstract, abstract_limit),
                               ("id", paper.paper_id, title_limit)):
        if len(text) > limit:
            raise _too_long(label, text, limit)
    if not surrogates:
        return paper
    return dataclasses.replace(paper, paper_id=without_surrogates(paper.paper_id),
                               title=without_surrogates(paper.title),
                               abstract=without_surrogates(paper.abstract))


def _too_long(label: str, text: str, limit: int) -> BadRecord:
    return BadRecord(f"{label} longer than {limit:,} characters ({len(text):,})")


#: What every "\\ud800"-"\\udfff" escape opens with: one search of a record (`re` scans for its
#: literal start faster than `str.find` for each of "\\ud" and "\\uD").
_SURROGATE_ESCAPE = re.compile(r"\\u[dD]")


def may_hold_surrogates(json_text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether JSON text may decode to a lone surrogate: only a "\\ud800"-"\\udfff" escape
    makes one (decoded bytes never do), so most records need no look at their strings.
    `start` and `end` are offsets from the start of the text (not negative, unlike slices).

    >>> may_hold_surrogates('"a\\\\uD83D b"'), may_hold_surrogates('"\\\\u00e9"')
    (True, False)
    """
    end = len(json_text) if end is None else end
    return _SURROGATE_ESCAPE.search(json_text, start, end) is not None


def paper_from_record(record: object, source: str, line: int, ids: PaperIds,
                      surrogates: bool = False) -> Paper:
    """The paper of one record: a mapping with id, title and abstract (or summary) fields.

    A Hugging Face API item {"paper": {...}} is unwrapped first. Titles have their whitespace
    runs collapsed; abstracts are only stripped (the extractor keeps offsets into them). A title
    or abstract over its limit (`source.text_limits`) is a BadRecord. With `surrogates` (JSON
    that `may_hold_surrogates`), lone surrogates become U+FFFD.
    """
    record, dated = _unwrapped(record)
    abstract_limit, title_limit = text_limits()
    title, abstract = _title_and_abstract(record, title_limit, abstract_limit)
    given_id = _given_id(record, title_limit)
    if surrogates:
        title, abstract = without_surrogates(title), without_surrogates(abstract)
        if type(given_id) is str:
            given_id = without_surrogates(given_id)
    paper_id = ids(given_id, title)
    return Paper(paper_id, title, abstract, source, line, paper_date(paper_id, _written_dates(dated)))


def _unwrapped(record: object) -> tuple[Mapping, list[Mapping]]:
    """The record that holds the paper's fields (a Hugging Face API item's "paper"), and the
    records that may carry its date (the API item and its paper may each carry one)."""
    # `type(...) is dict` first: what JSON gives, known without asking the Mapping ABC
    if type(record) is not dict and not isinstance(record, Mapping):
        raise BadRecord(f"record is {json_type(record)}, not an object")
    wrapped = record.get("paper")
    if wrapped is not None and (type(wrapped) is dict or isinstance(wrapped, Mapping)):
        return wrapped, [record, wrapped]
    return record, [record]


def _title_and_abstract(record: Mapping, title_limit: int, abstract_limit: int
                        ) -> tuple[str, str]:
    """The title, its whitespace runs collapsed, and the abstract, stripped; either over its
    limit is a BadRecord."""
    title = text_field(record, TITLE_FIELDS, "title")
    if len(title) > 4 * title_limit:  # before it is split: a 60 MB title costs only its reading
        raise _too_long("title", title, title_limit)
    title = " ".join(title.split())
    abstract = text_field(record, ABSTRACT_FIELDS, "abstract").strip()
    for label, text, limit in (("title", title, title_limit), ("abstract", abstract,
                                                                abstract_limit)):
        if len(text) > limit:
            raise _too_long(label, text, limit)
    return title, abstract


def _given_id(record: Mapping, limit: int) -> object:
    """The record's first id field that is not null (None without one); a string id over
    `limit` is a BadRecord."""
    for name in ID_FIELDS:
        given_id = record.get(name)
        if given_id is not None:
            if type(given_id) is str and len(given_id) > limit:
                raise _too_long("id", given_id, limit)
            return given_id
    return None


def _written_dates(dated: list[Mapping]) -> list:
    """The dates written in the records that may carry one, and the paper's versions'."""
    written = [value for fields in dated for name in DATE_FIELDS
               if (value := fields.get(name)) is not None]
    if "versions" in dated[-1]:
        written += version_dates(dated[-1]["versions"])
    return written
