"""Input readers: papers (id, title, abstract) from the input formats claimboard accepts.

`read_papers(path)` picks the format from the file's content (`detect_format`), reads gzip
transparently whatever the file is called, and yields one `Paper` at a time: every format is
streamed (a JSON array element by element), so memory stays flat whatever the file.

What is done with damaged input (one broken record never sinks a file):

- A file that cannot be read at all (missing, a directory, no permission, binary, unknown format,
  a CSV without a title or abstract column, an XML DOCTYPE) raises `InputError`, whose text is one
  line, "PATH: reason".
- A broken record (invalid JSON, a title or abstract that is missing, null, empty or not a string,
  a CSV row whose field count differs from the header's or whose quoting is broken, a line or
  record over `MAX_RECORD_BYTES`, a title over `MAX_TITLE_CHARS` or an abstract over
  `MAX_ABSTRACT_CHARS` characters, JSON nested deeper than Python can decode) is
  skipped: `on_skip(SkippedRecord(source, line, reason))` is called, or a `SkippedRecordWarning`
  "PATH:LINE: reason" is issued when no `on_skip` is given. The rest of the file is still read.
  Damage that stops a file short (truncated gzip, invalid XML, an unclosed JSON array) is
  reported the same way after the papers read before it.
- Bytes that are not UTF-8, and lone UTF-16 surrogates that JSON's ``\\ud800`` escapes make (no
  UTF-8 writer can write one), are replaced by U+FFFD and the record is kept: one stray byte rarely
  touches the numbers the extractor looks for, and a record only becomes unusable when its
  structure breaks (then it is skipped as above).
- NUL characters are removed: they never carry meaning in a title or abstract, JSON rejects them
  inside strings and XML forbids them.
- A byte order mark is dropped; CRLF line ends are accepted.

Titles have their whitespace runs collapsed (the arXiv snapshot and API wrap them); abstracts are
only stripped at both ends, since the extractor keeps character offsets into the abstract as read.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

from ..output.schema import Paper
from .atom import read_atom
from .csv_format import check_header, read_csv
from .daily_papers import read_daily_papers
from .errors import (BrokenStream, InputError, OnSkip, SkippedRecord, SkippedRecordWarning,
                     warn_skipped)
from .ids import PaperIds, normalise_paper_id
from .json_formats import read_json, read_jsonl
from .openalex import read_openalex
from .records import Reader
from .semantic_scholar import read_semantic_scholar
from .sniff import (FORMATS, SNIFF_BYTES, checked_format_name, format_from_extension, format_of,
                    sniff)
from .source import MAX_ABSTRACT_CHARS, MAX_RECORD_BYTES, MAX_TITLE_CHARS, open_binary

__all__ = ["FORMATS", "MAX_ABSTRACT_CHARS", "MAX_RECORD_BYTES", "MAX_TITLE_CHARS", "SNIFF_BYTES", "InputError", "OnSkip", "SkippedRecord",
           "SkippedRecordWarning", "detect_format", "normalise_paper_id", "read_papers"]

# The limits are read from this package at each use (`source.record_limit`, `source.text_limits`):
# set them here.

#: The reader of each format, all of one signature (`records.Reader`).
_READERS: dict[str, Reader] = {
    "daily-papers": read_daily_papers,
    "jsonl": read_jsonl,
    "json": read_json,
    "atom": read_atom,
    "csv": read_csv,
    "openalex": read_openalex,
    "semantic-scholar": read_semantic_scholar,
}
assert tuple(_READERS) == FORMATS, "every format needs a reader"


def read_papers(path: str | os.PathLike, format: str | None = None,
                on_skip: OnSkip | None = None) -> Iterator[Paper]:
    """The papers in `path`, one at a time, in file order.

    `format` (one of FORMATS) overrides detection. The file is checked (exists, readable, text,
    format known, a CSV header with title and abstract columns, no XML DOCTYPE at the start)
    when this is called; what is found only further in (an XML root that is not a feed, a
    DOCTYPE or a CSV header past the first SNIFF_BYTES) raises `InputError` from the iteration.

    `path` is a local file; an ``http(s)://`` URL raises `InputError`. `extract.read_papers`
    (`extract.inputs`) takes both: it fetches a URL, then reads the copy with these readers.
    """
    if isinstance(path, str) and path.lower().startswith(("http://", "https://")):
        raise InputError(path, "a URL, not a file: read it with extract.read_papers, "
                               "which fetches it")
    return read_local_papers(path, str(path), format, on_skip)


def read_local_papers(path: str | os.PathLike, source: str, format: str | None = None,
                      on_skip: OnSkip | None = None) -> Iterator[Paper]:
    """`read_papers` of a local file whose papers and messages name it `source` (the URL a
    fetched copy came from)."""
    chosen = checked_format_name(source, format) if format is not None else None
    head = sniff(path)
    if head.is_whole_file and not head.text.strip():
        return iter(())
    if chosen is None:
        chosen = format_of(source, head.text)
    _check_head(chosen, head.text, source)
    return _papers(path, chosen, on_skip or warn_skipped, source)


def _check_head(format: str, head: str, source: str) -> None:
    """The checks the readers make at the start of a file, made now, so that a file that cannot
    be read fails before any other is read: a CSV header without a title or abstract column,
    an XML DOCTYPE."""
    if format == "csv":
        check_header(head, source)
    elif format == "atom" and "<!doctype" in head.lower():
        raise InputError(source, "XML DOCTYPE declarations are refused (entity expansion)")


def detect_format(path: str | os.PathLike) -> str:
    """The format of `path` (one of FORMATS), judged from its content, then its name.

    The first SNIFF_BYTES (after gzip decompression) decide: `<feed` is Atom, `[` JSON, a first
    line `{...}` JSON Lines (OpenAlex works when its record has an OpenAlex work id or an
    abstract_inverted_index, Semantic Scholar when it has a corpusid), a header naming
    title/abstract columns CSV. Plain text with paragraphs is a Daily Papers page unless the
    extension says otherwise. An empty file has no content to judge: its extension decides,
    else it counts as "daily-papers" (plain text).
    """
    head = sniff(path)
    if not head.text.strip():
        return format_from_extension(str(path)) or "daily-papers"
    return format_of(str(path), head.text)


def _papers(path: str | os.PathLike, format: str, report: OnSkip, source: str
            ) -> Iterator[Paper]:
    """The papers of a file whose format is known; damage that stops it short is reported."""
    with open_binary(path) as stream:
        yield from read_stream(stream, format, source, report)


def read_stream(stream: IO[bytes], format: str, source: str, on_skip: OnSkip
                ) -> Iterator[Paper]:
    """The papers of a decompressed stream in `format` (one of FORMATS), named `source`, with
    line numbers counted from the stream's start; damage that stops it short is reported. For
    readers of part of a file (`extract.distributed`)."""
    try:
        yield from _READERS[format](stream, source, on_skip, PaperIds())
    except BrokenStream as broken:
        on_skip(SkippedRecord(source, broken.line,
                              f"{broken.reason}; the rest of the file is not read"))
