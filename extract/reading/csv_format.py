"""CSV and TSV files with a header naming title and abstract (or summary), optionally id and
a date (`records.DATE_FIELDS`)."""
from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import IO

from ..output.schema import Paper
from .errors import BadRecord, InputError, OnSkip, SkippedRecord
from .ids import PaperIds
from .records import ABSTRACT_FIELDS, DATE_FIELDS, ID_FIELDS, TITLE_FIELDS, paper_from_record
from .source import numbered_lines, oversize_record, record_limit


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


def read_csv(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
             ) -> Iterator[Paper]:
    """A CSV (or TSV) with a header naming title and abstract (or summary), optionally id."""
    csv.field_size_limit(max(csv.field_size_limit(), record_limit()))
    lines = _csv_lines(stream, source, report)
    first = next(lines, "")
    delimiter = csv_delimiter(first.rstrip("\r\n")) or ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    date_names = tuple(name.lower() for name in DATE_FIELDS)
    columns = {field: _column(header, names, source, required=field in ("title", "abstract"))
               for field, names in (("id", ID_FIELDS), ("title", TITLE_FIELDS),
                                    ("abstract", ABSTRACT_FIELDS), ("date", date_names))}
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            report(SkippedRecord(source, start, f"CSV error ({err})"))
            if reader.line_num < start:  # nothing consumed: give up rather than loop
                return
            continue
        if not any(field.strip() for field in row):
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


def _csv_lines(stream: IO[bytes], source: str, report: OnSkip) -> Iterator[str]:
    """Lines for the csv module; an oversize line is reported and read as a blank line."""
    for number, line in numbered_lines(stream):
        if line is None:
            report(oversize_record(source, number))
            yield "\n"
        else:
            yield line
