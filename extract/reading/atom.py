"""arXiv API Atom feeds, read entry by entry with expat, the parser under ElementTree."""
from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import IO
from xml.parsers import expat

from ..output.schema import Paper
from .errors import BadRecord, BrokenStream, InputError, OnSkip, SkippedRecord
from .ids import PaperIds
from .records import paper_from_record
from .source import STREAM_ERRORS, clean_text, record_limit

#: The Atom namespace, as ElementTree writes it in front of tag names.
ATOM = "{http://www.w3.org/2005/Atom}"
_NAMESPACE = ATOM[1:-1]

#: Fields of a paper and the child of <entry> each is read from.
_FIELDS = {f"{_NAMESPACE} id": "id", f"{_NAMESPACE} title": "title",
           f"{_NAMESPACE} summary": "abstract", f"{_NAMESPACE} published": "published",
           f"{_NAMESPACE} updated": "update_date"}
_ENTRY = f"{_NAMESPACE} entry"
_FEED = f"{_NAMESPACE} feed"

#: Decoded characters fed to the parser at a time.
_BLOCK = 1 << 16


class _Refused(Exception):
    """Raised from a parser callback: the document declares a DOCTYPE."""


def read_atom(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
              ) -> Iterator[Paper]:
    """arXiv API Atom feed: <feed><entry><id/><title/><summary/><published/></entry>...</feed>.

    Fed to expat in blocks; only the text of an entry's id, title and summary is kept, and only
    until the entry ends, so memory stays flat whatever else the feed holds (other elements,
    white space, nesting) and time is linear. Each entry's line comes from the parser. An entry
    longer than the record limit is skipped. A DOCTYPE is refused: entities declared in it can
    expand without bound.
    """
    feed = _Feed(source, report, ids)
    parser = feed.parser
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    first = True
    while True:
        try:
            data = stream.read(_BLOCK)
        except STREAM_ERRORS as err:
            raise BrokenStream(parser.CurrentLineNumber, f"unreadable data ({err})") from None
        text = clean_text(decoder.decode(data, not data), first=first)
        first = False
        try:
            parser.Parse(text, not data)
        except _Refused:
            raise InputError(source, f"line {parser.CurrentLineNumber}: XML DOCTYPE declarations "
                                     "are refused (entity expansion)") from None
        except expat.ExpatError as err:
            yield from feed.take()
            raise BrokenStream(err.lineno, f"{'invalid XML' if data else 'invalid or truncated XML'} "
                                           f"({expat.ErrorString(err.code)}, column {err.offset})"
                               ) from None
        yield from feed.take()
        if not data:
            return


class _Feed:
    """The parser's callbacks: the papers of the entries read so far, taken by `take`."""

    def __init__(self, source: str, report: OnSkip, ids: PaperIds) -> None:
        self.source, self.report, self.ids = source, report, ids
        self.parser = parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._refuse
        parser.EntityDeclHandler = self._refuse
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        self._limit = record_limit()
        self._depth = 0
        self._papers: list[Paper] = []
        self.entry_line = 0          # where the entry being read starts; 0 outside entries
        self._entry_start = 0        # its byte index
        self._field: str | None = None   # the field whose text is being read
        self._field_depth = 0
        self._record: dict[str, list[str]] = {}
        self._kept = 0               # characters of text kept for the entry

    def take(self) -> list[Paper]:
        papers, self._papers = self._papers, []
        return papers

    def _refuse(self, *_args) -> None:
        raise _Refused()

    def _start(self, tag: str, _attributes) -> None:
        self._depth += 1
        if self._depth == 1:
            if tag != _FEED:
                name = tag.split(" ")[-1]
                raise InputError(self.source, f"XML root element is <{name}>, not an Atom <feed>")
        elif self._depth == 2 and tag == _ENTRY:
            self.entry_line = self.parser.CurrentLineNumber
            self._entry_start = self.parser.CurrentByteIndex
            self._record, self._kept = {}, 0
        elif self._depth == 3 and self.entry_line and tag in _FIELDS:
            self._field, self._field_depth = _FIELDS[tag], self._depth
            self._record.setdefault(self._field, [])

    def _text(self, data: str) -> None:
        if self._field is not None:  # nested elements' text counts, as itertext has it
            self._kept += len(data)
            if self._kept > self._limit:  # stop keeping the text of an entry past the limit
                self._field, self._record = None, {"oversize": []}
                return
            self._record[self._field].append(data)

    def _end(self, tag: str) -> None:
        depth = self._depth
        self._depth -= 1
        if self._field is not None and depth == self._field_depth:
            self._field = None
        if depth == 2 and tag == _ENTRY and self.entry_line:
            self._finish_entry()
        elif self.entry_line and self.parser.CurrentByteIndex - self._entry_start > self._limit:
            self._field = None  # an entry past the limit: stop keeping its text
            self._record = {"oversize": []}

    def _finish_entry(self) -> None:
        line, record = self.entry_line, self._record
        self.entry_line, self._record = 0, {}
        try:
            if "oversize" in record or (self.parser.CurrentByteIndex - self._entry_start
                                        > self._limit):
                raise BadRecord(f"entry longer than {self._limit} bytes")
            fields = {name: "".join(parts) for name, parts in record.items()}
            if "arxiv.org/api/errors" in fields.get("id", ""):
                raise BadRecord(f"arXiv API error entry: {fields.get('abstract', '').strip()}")
            self._papers.append(paper_from_record(fields, self.source, line, self.ids))
        except BadRecord as bad:
            self.report(SkippedRecord(self.source, line, str(bad)))
