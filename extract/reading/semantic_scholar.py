"""Semantic Scholar datasets (`papers`, `abstracts`, or records joining both), one per line.

The Datasets API ships `papers` (corpusid, externalids, title, publicationdate ... but no
abstract) and `abstracts` (corpusid, openaccessinfo.externalids, abstract, but no title) as
separate JSON Lines files. A record is read when it has an abstract; its title is the record's
own where it has one (a joined record), else empty: the `abstracts` dataset names none. Records
without an abstract (every record of `papers`) are passed over without a warning.

The paper id is the arXiv id from `externalids` (or `openaccessinfo.externalids`) where there is
one, written as the other readers write arXiv ids so that claims from several sources join; else
`s2:CORPUSID`.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO

from ..output.schema import Paper
from .errors import BadRecord, OnSkip
from .dates import paper_date
from .ids import PaperIds, arxiv_id
from .json_formats import read_json_lines
from .records import json_type, checked_paper

#: Where a record keeps its external ids: the papers dataset, then the abstracts dataset.
_EXTERNAL_ID_PATHS = (("externalids",), ("openaccessinfo", "externalids"))


def read_semantic_scholar(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
                          ) -> Iterator[Paper]:
    """Semantic Scholar dataset records: one JSON object per line."""
    def to_paper(record: object, line: int, surrogates: bool) -> Paper | None:
        paper = s2_paper(record, source, line)
        return checked_paper(paper, surrogates)

    return read_json_lines(stream, source, report, to_paper)


def s2_paper(record: object, source: str, line: int) -> Paper | None:
    """The paper of one Semantic Scholar record; None for a record without an abstract."""
    if not isinstance(record, Mapping):
        raise BadRecord(f"record is {json_type(record)}, not an object")
    abstract = _optional_text(record, "abstract")
    if not abstract or not abstract.strip():
        return None
    corpus_id = record.get("corpusid")
    if type(corpus_id) is not int and not (isinstance(corpus_id, str) and corpus_id.strip()):
        raise BadRecord("no corpusid" if corpus_id is None
                        else f"corpusid is {json_type(corpus_id)}, not a number")
    title = " ".join((_optional_text(record, "title") or "").split())
    paper_id = _paper_id(record, corpus_id)
    return Paper(paper_id, title, abstract.strip(), source, line,
                 date=paper_date(paper_id, [_optional_text(record, "publicationdate")]))


def _optional_text(record: Mapping, name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise BadRecord(f"{name} is {json_type(value)}, not a string")
    return value


def _paper_id(record: Mapping, corpus_id: int | str) -> str:
    for path in _EXTERNAL_ID_PATHS:
        external = record
        for key in path:
            external = external.get(key) if isinstance(external, Mapping) else None
        if isinstance(external, Mapping):
            given = external.get("ArXiv")
            found = arxiv_id(given) if isinstance(given, str) else None
            if found:
                return found
    return f"s2:{str(corpus_id).strip()}"
