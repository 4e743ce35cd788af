"""arXiv API Atom feeds, read entry by entry with ElementTree's pull parser."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import IO

from ..output.schema import Paper
from .errors import BadRecord, BrokenStream, InputError, OnSkip, SkippedRecord
from .ids import PaperIds
from .records import paper_from_record
from .source import numbered_lines, oversize_reason

#: The Atom namespace, as ElementTree writes it in front of tag names.
ATOM = "{http://www.w3.org/2005/Atom}"


def read_atom(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
              ) -> Iterator[Paper]:
    """arXiv API Atom feed: <feed><entry><id/><title/><summary/><published/></entry>...</feed>.

    Fed line by line to ElementTree's pull parser (the engine of `iterparse`), so each entry's
    line is known and each entry is dropped once read. A DOCTYPE is refused: entities declared
    in it can expand without bound.
    """
    parser = ET.XMLPullParser(events=("start", "end"))
    root = None
    entry_line = 0
    for number, line in numbered_lines(stream):
        if line is None:
            raise BrokenStream(number, oversize_reason())
        if root is None and "<!doctype" in line.lower():
            raise InputError(source, f"line {number}: XML DOCTYPE declarations are refused "
                                     "(entity expansion)")
        try:
            parser.feed(line)
            events = list(parser.read_events())
        except ET.ParseError as err:
            raise BrokenStream(number, f"invalid XML ({err})") from None
        for event, element in events:
            if root is None:
                root = element
                if root.tag != f"{ATOM}feed":
                    raise InputError(source, f"XML root element is <{root.tag}>, "
                                             "not an Atom <feed>")
            elif element.tag == f"{ATOM}entry" and event == "start":
                entry_line = number
            elif element.tag == f"{ATOM}entry" and event == "end":
                try:
                    yield _atom_paper(element, source, entry_line, ids)
                except BadRecord as bad:
                    report(SkippedRecord(source, entry_line, str(bad)))
                if element in root:
                    root.remove(element)
    try:
        parser.close()
    except ET.ParseError as err:
        raise BrokenStream(entry_line or 1, f"invalid or truncated XML ({err})") from None


def _atom_paper(entry: ET.Element, source: str, line: int, ids: PaperIds) -> Paper:
    record = {}
    for field, tag in (("id", "id"), ("title", "title"), ("abstract", "summary"),
                       ("published", "published"), ("update_date", "updated")):
        child = entry.find(f"{ATOM}{tag}")
        if child is not None:
            record[field] = "".join(child.itertext())
    if "arxiv.org/api/errors" in record.get("id", ""):
        raise BadRecord(f"arXiv API error entry: {record.get('abstract', '').strip()}")
    return paper_from_record(record, source, line, ids)
