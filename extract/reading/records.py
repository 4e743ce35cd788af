"""From a record (a JSON object, a CSV row, an Atom entry) to a paper, and the shape every
format reader shares."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import IO

from ..output.schema import Paper
from .dates import paper_date, version_dates
from .errors import BadRecord, OnSkip
from .ids import PaperIds

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


def paper_from_record(record: object, source: str, line: int, ids: PaperIds) -> Paper:
    """The paper of one record: a mapping with id, title and abstract (or summary) fields.

    A Hugging Face API item {"paper": {...}} is unwrapped first. Titles have their whitespace
    runs collapsed; abstracts are only stripped (the extractor keeps offsets into them).
    """
    # `type(...) is dict` first: what JSON gives, known without asking the Mapping ABC
    if type(record) is not dict and not isinstance(record, Mapping):
        raise BadRecord(f"record is {json_type(record)}, not an object")
    dated = [record]
    wrapped = record.get("paper")
    if wrapped is not None and (type(wrapped) is dict or isinstance(wrapped, Mapping)):
        record = wrapped
        dated.append(record)  # the API item and its paper may each carry a date
    title = " ".join(text_field(record, TITLE_FIELDS, "title").split())
    abstract = text_field(record, ABSTRACT_FIELDS, "abstract").strip()
    given_id = None
    for name in ID_FIELDS:
        if record.get(name) is not None:
            given_id = record[name]
            break
    paper_id = ids(given_id, title)
    written = [value for fields in dated for name in DATE_FIELDS
               if (value := fields.get(name)) is not None]
    if "versions" in record:
        written += version_dates(record["versions"])
    return Paper(paper_id, title, abstract, source, line, paper_date(paper_id, written))
