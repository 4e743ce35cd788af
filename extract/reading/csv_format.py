"""CSV and TSV files with a header naming title and abstract (or summary), optionally id and
a date (`records.DATE_FIELDS`)."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO

from ..output.schema import Paper
from .errors import BadRecord, InputError, OnSkip, SkippedRecord
from .ids import PaperIds
from .records import ABSTRACT_FIELDS, DATE_FIELDS, ID_FIELDS, TITLE_FIELDS, paper_from_record
from .source import NumberedLines, numbered_lines, oversize_record, record_limit


def csv_delimiter(header_line: str) -> str | None:
    """The delimiter of a CSV header line that names a title or abstract column, else None.

    >>> csv_delimiter("Paper_ID,Title,Abstract")
    ','
    >>> csv_delimiter("title\\tsummary")
    '\\t'
    >>> csv_delimiter("A title: with a comma, but prose") is None
    True
    """
    known = {*TITLE_FIELDS, *ABSTRACT_FIELDS}
    for delimiter in (",", "\t", ";"):
        fields = next(csv.reader([header_line], delimiter=delimiter), [])
        names = {field.strip().lower() for field in fields}
        if len(fields) >= 2 and names & known:
            return delimiter
    return None


def check_header(head: str, source: str) -> None:
    """InputError when the header line at the start of `head` (the file's first bytes) lacks a
    title or abstract column: the check `read_csv` makes, made before any file is read. A header
    longer than `head` is left to `read_csv`."""
    first, newline, _ = head.partition("\n")
    if newline:
        _columns(_header(first.rstrip("\r")), source)


def _header(first_line: str) -> list[str]:
    delimiter = csv_delimiter(first_line) or ","
    return [name.strip().lower() for name in next(csv.reader([first_line], delimiter=delimiter),
                                                  [])]


#: The date columns a CSV may have, as its header is read (lower case).
_DATE_COLUMNS = tuple(name.lower() for name in DATE_FIELDS)


def _columns(header: list[str], source: str) -> dict[str, int | None]:
    return {field: _column(header, names, source, required=field in ("title", "abstract"))
            for field, names in (("id", ID_FIELDS), ("title", TITLE_FIELDS),
                                 ("abstract", ABSTRACT_FIELDS), ("date", _DATE_COLUMNS))}


def read_csv(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
             ) -> Iterator[Paper]:
    """A CSV (or TSV) with a header naming title and abstract (or summary), optionally id.

    Quoting is read strictly: a quote closed before something other than a delimiter, or never
    closed, is a skipped record naming its first line, not rows silently merged into one field.
    A record longer than the record limit is skipped up to the line where its quoted field
    closes, and reading goes on from there.
    """
    csv.field_size_limit(max(csv.field_size_limit(), record_limit()))
    lines = _CsvLines(numbered_lines(stream), source, report)
    first = next(lines, "")
    delimiter = csv_delimiter(first.rstrip("\r\n")) or ","
    header = _header(first.rstrip("\r\n"))
    columns = _columns(header, source)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    while True:
        start = lines.start_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except _RunawayRecord:
            report(SkippedRecord(source, start, f"record longer than {record_limit()} bytes"))
            reader = csv.reader(lines, delimiter=delimiter, strict=True)  # starts afresh
            continue
        except csv.Error as err:
            if lines.ended_in_quote:
                report(SkippedRecord(source, start, "quoted field never closed: lines "
                                                    f"{start}-{lines.number} read as one record"))
                return
            report(SkippedRecord(source, start, f"CSV error ({err})"))
            if lines.number < start:  # nothing consumed: give up rather than loop
                return
            continue
        if not row or not any(field.strip() for field in row):
            continue
        if len(row) != len(header):
            report(SkippedRecord(source, start, f"row has {len(row)} fields, "
                                                f"the header has {len(header)}"))
            continue
        record = {field: row[index] for field, index in columns.items() if index is not None}
        try:
            yield paper_from_record(record, source, start, ids)
        except BadRecord as bad:
            report(SkippedRecord(source, start, str(bad)))


def _column(header: list[str], names: tuple[str, ...], source: str, required: bool) -> int | None:
    index = next((header.index(name) for name in names if name in header), None)
    if index is None and required:
        wanted = " or ".join(repr(name) for name in names)
        raise InputError(source, f"CSV header has no {wanted} column "
                                 f"(columns: {', '.join(header)})")
    return index


class _RunawayRecord(Exception):
    """A record ran past the record limit; its lines up to its closing quote are consumed."""


class _CsvLines:
    """Lines for the csv module, one record at a time, with what it takes to bound a record:
    its size, and whether a quoted field is open at the end of the lines given so far (the
    parity of its quote characters: a doubled quote inside a field counts twice).

    A blank line where a record starts is an empty row to the csv module, as is each blank line
    after it: the run is passed over at once. An oversize line is reported and read as a blank
    line."""

    def __init__(self, lines: NumberedLines, source: str, report: OnSkip) -> None:
        self._lines, self._source, self._report = lines, source, report
        self._limit = record_limit()
        self._record_bytes = 0
        self._quote_open = False
        self.ended_in_quote = False  # the file ended inside a quoted field

    @property
    def number(self) -> int:
        """The line last given."""
        return self._lines.number

    def start_record(self) -> int:
        """A record starts with the next line; return that line's number."""
        self._record_bytes, self._quote_open = 0, False
        return self._lines.number + 1

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        try:
            number, line = next(self._lines)
        except StopIteration:
            self.ended_in_quote = self._quote_open
            raise
        if line is None:
            self._report(oversize_record(self._source, number))
            return "\n"
        if not self._record_bytes and not line.strip():
            self._lines.skip_blank_lines()
            return "\n"
        self._record_bytes += len(line)
        if line.count('"') % 2:
            self._quote_open = not self._quote_open
        if self._record_bytes > self._limit and self._quote_open:
            self._skip_to_closing_quote()
            raise _RunawayRecord()
        return line

    def _skip_to_closing_quote(self) -> None:
        for _, line in self._lines:
            if line is not None and line.count('"') % 2:
                self._quote_open = not self._quote_open
            if not self._quote_open:
                return
        self.ended_in_quote = True
