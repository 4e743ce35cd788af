"""Input readers: papers (id, title, abstract) from the five input formats claimboard accepts.

`read_papers(path)` picks the format from the file's content (`detect_format`), reads gzip
transparently whatever the file is called, and yields one `Paper` at a time: only a JSON array is
parsed whole, every other format is streamed.

What is done with damaged input (one broken record never sinks a file):

- A file that cannot be read at all (missing, a directory, no permission, binary, unknown format,
  a CSV without a title or abstract column, an XML DOCTYPE) raises `InputError`, whose text is one
  line, "PATH: reason".
- A broken record (invalid JSON, a title or abstract that is missing, null, empty or not a string,
  a CSV row whose field count differs from the header's, a line over `MAX_RECORD_BYTES`) is
  skipped: `on_skip(SkippedRecord(source, line, reason))` is called, or a `SkippedRecordWarning`
  "PATH:LINE: reason" is issued when no `on_skip` is given. The rest of the file is still read.
  Damage that stops a file short (truncated gzip, invalid XML, an unclosed JSON array) is
  reported the same way after the papers read before it.
- Bytes that are not UTF-8 are replaced by U+FFFD and the record is kept: one stray byte rarely
  touches the numbers the extractor looks for, and a record only becomes unusable when its
  structure breaks (then it is skipped as above).
- NUL characters are removed: they never carry meaning in a title or abstract, JSON rejects them
  inside strings and XML forbids them.
- A byte order mark is dropped; CRLF line ends are accepted.

Titles have their whitespace runs collapsed (the arXiv snapshot and API wrap them); abstracts are
only stripped at both ends, since the extractor keeps character offsets into the abstract as read.
"""
from __future__ import annotations

import csv
import gzip
import itertools
import json
import os
import re
import warnings
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple

from .schema import Paper, slugify

FORMATS = ("daily-papers", "jsonl", "json", "atom", "csv")

#: Longest line read as one record (a JSON Lines record, a CSV or text line); longer lines are
#: skipped with a reason, drained without being held in memory.
MAX_RECORD_BYTES = 64 * 1024 * 1024

#: How much of the (decompressed) content format detection looks at.
SNIFF_BYTES = 8192

_GZIP_MAGIC = b"\x1f\x8b"
_BINARY_MAGICS = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"PAR1", b"\x7fELF", b"GIF8", b"\xff\xd8\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_STREAM_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError

_EXTENSION_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".atom": "atom", ".xml": "atom",
    ".csv": "csv", ".tsv": "csv", ".txt": "daily-papers", ".md": "daily-papers",
}

_ATOM = "{http://www.w3.org/2005/Atom}"

# Field names accepted in JSON objects and CSV headers (CSV headers compared case-insensitively).
_ID_FIELDS = ("id", "paper_id", "arxiv_id")
_TITLE_FIELDS = ("title",)
_ABSTRACT_FIELDS = ("abstract", "summary")


class InputError(Exception):
    """A file that cannot be read at all; its text is one line, "PATH: reason"."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = " ".join(reason.split())
        super().__init__(f"{self.path}: {self.reason}")


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A record left out of the papers read, and why; `line` is where the record starts."""

    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


class SkippedRecordWarning(UserWarning):
    """Issued for each skipped record when `read_papers` is given no `on_skip`."""


OnSkip = Callable[[SkippedRecord], None]


def read_papers(path: str | os.PathLike, format: str | None = None,
                on_skip: OnSkip | None = None) -> Iterator[Paper]:
    """The papers in `path`, one at a time, in file order.

    `format` (one of FORMATS) overrides detection. The file is checked (exists, readable, text,
    format known) when this is called; errors found only while reading (a CSV header without an
    abstract column, an XML DOCTYPE) raise `InputError` from the iteration.
    """
    source = str(path)
    chosen = _checked_format_name(source, format) if format is not None else None
    head = _sniff(path)
    if head.is_whole_file and not head.text.strip():
        return iter(())
    if chosen is None:
        chosen = _format_of(source, head.text)
    return _papers(path, chosen, on_skip or _warn)


def detect_format(path: str | os.PathLike) -> str:
    """The format of `path` (one of FORMATS), judged from its content, then its name.

    The first SNIFF_BYTES (after gzip decompression) decide: `<feed` is Atom, `[` JSON, a first
    line `{...}` JSON Lines, a header naming title/abstract columns CSV. Plain text with
    paragraphs is a Daily Papers page unless the extension says otherwise. An empty file has no
    content to judge: its extension decides, else it counts as "daily-papers" (plain text).
    """
    head = _sniff(path)
    if not head.text.strip():
        return _format_from_extension(str(path)) or "daily-papers"
    return _format_of(str(path), head.text)


def normalise_paper_id(raw: str) -> str:
    """An arXiv id without URL, "arXiv:" prefix or version; any other id stripped, as given.

    >>> normalise_paper_id("http://arxiv.org/abs/2503.06749v2")
    '2503.06749'
    >>> normalise_paper_id("arXiv:2503.06749v1")
    '2503.06749'
    >>> normalise_paper_id("https://arxiv.org/pdf/hep-th/9901001v3.pdf")
    'hep-th/9901001'
    >>> normalise_paper_id(" my-paper ")
    'my-paper'
    """
    match = _ARXIV_ID.match(raw)
    return match["id"] if match else raw.strip()


_ARXIV_ID = re.compile(r"""
    ^\s*
    (?: (?:https?://)? (?:www\.|export\.)? arxiv\.org/(?:abs|pdf)/   # an arXiv abstract/PDF URL
      | (?:https?://)? huggingface\.co/papers/                        # a Hugging Face paper page
      | arxiv: )?                                                     # the "arXiv:" prefix
    (?P<id>
        \d{4}\.\d{4,5}                          # new style (2007 on): YYMM.NNNNN
      | [a-z][a-z-]*(?:\.[a-z]{2})?/\d{7}       # old style: archive(.SUBJECT)/YYMMNNN
    )
    (?:v\d+)?                                   # version
    (?:\.pdf)? /? \s*$
""", re.VERBOSE | re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Opening, sniffing and format detection


@contextmanager
def _open_binary(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """The file's bytes, gzip-decompressed when it starts with the gzip magic bytes."""
    try:
        raw = open(path, "rb")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot open: {err.strerror or err}") from None
    with raw:
        if raw.peek(2)[:2] == _GZIP_MAGIC:
            with gzip.GzipFile(fileobj=raw) as unzipped:
                yield unzipped
        else:
            yield raw


class _Head(NamedTuple):
    text: str             # the first SNIFF_BYTES decoded, BOM and NULs removed
    is_whole_file: bool   # True when the file is shorter than SNIFF_BYTES


def _sniff(path: str | os.PathLike) -> _Head:
    """The start of the file's content; InputError when it cannot be read or is not text."""
    try:
        with _open_binary(path) as stream:
            data = stream.read(SNIFF_BYTES)
    except _STREAM_ERRORS as err:
        raise InputError(path, f"not a readable gzip file ({err})") from None
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "UTF-16 text; only UTF-8 is read (save the file as UTF-8)")
    if _looks_binary(data):
        raise InputError(path, "not a text file (binary content)")
    return _Head(_clean_text(data.decode("utf-8", "replace"), first=True),
                 len(data) < SNIFF_BYTES)


def _looks_binary(data: bytes) -> bool:
    """True for known binary formats and for bytes that are mostly control codes or not UTF-8.

    >>> _looks_binary(b"Title\\n\\nAbstract with one bad byte \\xff and a NUL \\x00.")
    False
    >>> _looks_binary(bytes(range(256)))
    True
    """
    if not data:
        return False
    if data.startswith(_BINARY_MAGICS):
        return True
    controls = sum(1 for byte in data if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    undecodable = data.decode("utf-8", "replace").count("\ufffd")
    return controls > len(data) / 10 or undecodable > len(data) / 10


def _checked_format_name(source: str, format: str) -> str:
    name = format.strip().lower()
    if name not in FORMATS:
        raise InputError(source, f"unknown format {format!r} "
                                 f"(expected one of {', '.join(FORMATS)})")
    return name


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def _format_of(source: str, head: str) -> str:
    """Markup, JSON and CSV headers first; then prose paragraphs; then the file name."""
    start = head.lstrip()
    if start.startswith("<"):
        lowered = start.lower()
        if "<feed" in lowered or _ATOM[1:-1] in start:
            return "atom"
        kind = "an HTML page" if "<html" in lowered else "XML but not an Atom feed"
        raise InputError(source, f"{kind}; cannot read it (for a web page, paste its text)")
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        first_line = start.split("\n", 1)[0].strip()
        return "json" if first_line == "{" else "jsonl"
    if _csv_delimiter(start.split("\n", 1)[0]):
        return "csv"
    paragraphs = _BLANK_LINE.split(start)
    if len(paragraphs) > 1 and any(_is_prose_line(p.strip()) for p in paragraphs):
        return "daily-papers"  # prose paragraphs: content wins over a misleading name
    by_name = _format_from_extension(source)
    if by_name:
        return by_name
    if len(paragraphs) > 1:
        return "daily-papers"
    raise InputError(source, "cannot tell the format from the content or the file name; "
                             f"pass format= (one of {', '.join(FORMATS)})")


def _format_from_extension(source: str) -> str | None:
    """The format a file name suggests, ignoring a trailing .gz.

    >>> _format_from_extension("arxiv-metadata.jsonl.gz")
    'jsonl'
    >>> _format_from_extension("papers") is None
    True
    """
    suffixes = [s.lower() for s in Path(source).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _EXTENSION_FORMATS.get(suffixes[-1]) if suffixes else None


def _csv_delimiter(header_line: str) -> str | None:
    """The delimiter of a CSV header line that names a title or abstract column, else None.

    >>> _csv_delimiter("Paper_ID,Title,Abstract")
    ','
    >>> _csv_delimiter("title\\tsummary")
    '\\t'
    >>> _csv_delimiter("A title: with a comma, but prose") is None
    True
    """
    known = {*_TITLE_FIELDS, *_ABSTRACT_FIELDS}
    for delimiter in (",", "\t", ";"):
        fields = next(csv.reader([header_line], delimiter=delimiter), [])
        names = {field.strip().lower() for field in fields}
        if len(fields) >= 2 and names & known:
            return delimiter
    return None


# ---------------------------------------------------------------------------------------------
# Lines, cleaning and reporting


class _BrokenStream(Exception):
    """The file cannot be read on from `line` (corrupt gzip, invalid XML, an oversize XML line)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def _clean_text(text: str, first: bool) -> str:
    """Drop a byte order mark at the very start of the file and every NUL character."""
    if first and text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\x00", "") if "\x00" in text else text


def _numbered_lines(stream: IO[bytes]) -> Iterator[tuple[int, str | None]]:
    """(line number, decoded and cleaned line with its line end); None for an oversize line."""
    limit = MAX_RECORD_BYTES
    number = 0
    while True:
        number += 1
        try:
            raw = stream.readline(limit + 1)
            oversize = len(raw) > limit and not raw.endswith(b"\n")
            if oversize:
                del raw
                while chunk := stream.readline(1 << 20):  # drain the rest of the line
                    if chunk.endswith(b"\n"):
                        break
        except _STREAM_ERRORS as err:
            raise _BrokenStream(number, f"unreadable data ({err})") from None
        if oversize:
            yield number, None
            continue
        if not raw:
            return
        text = raw.decode("utf-8", "replace")
        del raw  # a record may be tens of MB: hold one copy of it, not two
        yield number, _clean_text(text, first=number == 1)


def _oversize(source: str, line: int) -> SkippedRecord:
    return SkippedRecord(source, line, f"line longer than {MAX_RECORD_BYTES} bytes")


def _warn(skipped: SkippedRecord) -> None:
    warnings.warn(str(skipped), SkippedRecordWarning, stacklevel=2)


# ---------------------------------------------------------------------------------------------
# Records to papers


class _BadRecord(Exception):
    """A record that cannot become a paper; the message is the reason."""


class _PaperIds:
    """Paper ids for one file: given ids normalised; otherwise title slugs, made unique (-2, -3)."""

    def __init__(self) -> None:
        self._slugs: set[str] = set()

    def __call__(self, given: object, title: str) -> str:
        if isinstance(given, (str, int, float)) and not isinstance(given, bool):
            given = normalise_paper_id(str(given))
            if given:
                return given
        slug = candidate = slugify(title)
        for number in itertools.count(2):
            if candidate not in self._slugs:
                break
            candidate = f"{slug}-{number}"
        self._slugs.add(candidate)
        return candidate


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
             dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _text_field(record: Mapping, names: tuple[str, ...], label: str) -> str:
    """The record's first field among `names`, which must be a non-empty string."""
    key = next((name for name in names if name in record), None)
    if key is None:
        raise _BadRecord(f"no {label}")
    value = record[key]
    if value is None:
        raise _BadRecord(f"{label} is null")
    if not isinstance(value, str):
        raise _BadRecord(f"{label} is {_json_type(value)}, not a string")
    if not value.strip():
        raise _BadRecord(f"{label} is empty")
    return value


def _paper(record: object, source: str, line: int, ids: _PaperIds) -> Paper:
    """The paper of one record: a mapping with id, title and abstract (or summary) fields.

    A Hugging Face API item {"paper": {...}} is unwrapped first.
    """
    if not isinstance(record, Mapping):
        raise _BadRecord(f"record is {_json_type(record)}, not an object")
    if isinstance(record.get("paper"), Mapping):
        record = record["paper"]
    title = " ".join(_text_field(record, _TITLE_FIELDS, "title").split())
    abstract = _text_field(record, _ABSTRACT_FIELDS, "abstract").strip()
    given_id = next((record[name] for name in _ID_FIELDS if record.get(name) is not None), None)
    return Paper(ids(given_id, title), title, abstract, source, line)


# ---------------------------------------------------------------------------------------------
# The format readers: each yields papers and reports skipped records; all share one signature.


def _papers(path: str | os.PathLike, format: str, report: OnSkip) -> Iterator[Paper]:
    source = str(path)
    with _open_binary(path) as stream:
        try:
            yield from _READERS[format](stream, source, report, _PaperIds())
        except _BrokenStream as broken:
            report(SkippedRecord(source, broken.line,
                                 f"{broken.reason}; the rest of the file is not read"))


def _read_jsonl(stream: IO[bytes], source: str, report: OnSkip, ids: _PaperIds
                ) -> Iterator[Paper]:
    """arXiv metadata snapshot layout: one JSON object per line."""
    for number, line in _numbered_lines(stream):
        if line is None:
            report(_oversize(source, number))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line, strict=False)
            del line
            paper = _paper(record, source, number, ids)
        except json.JSONDecodeError as err:
            report(SkippedRecord(source, number, f"invalid JSON ({err.msg}, column {err.colno})"))
            continue
        except _BadRecord as bad:
            report(SkippedRecord(source, number, str(bad)))
            continue
        del record
        yield paper


def _read_json(stream: IO[bytes], source: str, report: OnSkip, ids: _PaperIds
               ) -> Iterator[Paper]:
    """A JSON array of papers (or HF API items), or one such object; parsed whole.

    Elements are decoded one by one, so the papers before a truncated or broken element are
    still read.
    """
    chunks = []
    try:
        while chunk := stream.read(1 << 20):
            chunks.append(chunk)
    except _STREAM_ERRORS as err:
        stream_error = f"unreadable data ({err}); the rest of the file is not read"
    else:
        stream_error = None
    text = _clean_text(b"".join(chunks).decode("utf-8", "replace"), first=True)
    del chunks
    lines = _LineCounter(text)
    if stream_error:
        report(SkippedRecord(source, lines.at(len(text)), stream_error))

    decoder = json.JSONDecoder(strict=False)
    position = _skip_space(text, 0)
    single = text.startswith("{", position)  # one object rather than an array of them
    if not single:
        if not text.startswith("[", position):
            raise InputError(source, "JSON file holds neither an array nor an object of papers")
        position += 1
    while True:
        position = _skip_space(text, position)
        if not single and text.startswith("]", position):
            return
        start = position
        try:
            record, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as err:
            reason = ("JSON array is not closed (truncated file?)" if start == len(text)
                      else f"invalid or truncated JSON ({err.msg}, line {err.lineno})")
            report(SkippedRecord(source, lines.at(start),
                                 f"{reason}; the rest of the file is not read"))
            return
        try:
            yield _paper(record, source, lines.at(start), ids)
        except _BadRecord as bad:
            report(SkippedRecord(source, lines.at(start), str(bad)))
        if single:
            return
        position = _skip_space(text, position)
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            report(SkippedRecord(source, lines.at(position),
                                 "expected ',' or ']' after an array element; "
                                 "the rest of the file is not read"))
            return


_SPACE = re.compile(r"\s*")


def _skip_space(text: str, position: int) -> int:
    return _SPACE.match(text, position).end()


class _LineCounter:
    """1-based line numbers of positions in a text, counted incrementally (positions ascend)."""

    def __init__(self, text: str) -> None:
        self._text, self._position, self._line = text, 0, 1

    def at(self, position: int) -> int:
        if position < self._position:  # positions normally ascend; recount if not
            self._position, self._line = 0, 1
        self._line += self._text.count("\n", self._position, position)
        self._position = position
        return self._line


def _read_atom(stream: IO[bytes], source: str, report: OnSkip, ids: _PaperIds
               ) -> Iterator[Paper]:
    """arXiv API Atom feed: <feed><entry><id/><title/><summary/></entry>...</feed>.

    Fed line by line to ElementTree's pull parser (the engine of `iterparse`), so each entry's
    line is known and each entry is dropped once read. A DOCTYPE is refused: entities declared
    in it can expand without bound.
    """
    parser = ET.XMLPullParser(events=("start", "end"))
    root = None
    entry_line = 0
    for number, line in _numbered_lines(stream):
        if line is None:
            raise _BrokenStream(number, f"line longer than {MAX_RECORD_BYTES} bytes")
        if root is None and "<!doctype" in line.lower():
            raise InputError(source, f"line {number}: XML DOCTYPE declarations are refused "
                                     "(entity expansion)")
        try:
            parser.feed(line)
            events = list(parser.read_events())
        except ET.ParseError as err:
            raise _BrokenStream(number, f"invalid XML ({err})") from None
        for event, element in events:
            if root is None:
                root = element
                if root.tag != f"{_ATOM}feed":
                    raise InputError(source, f"XML root element is <{root.tag}>, "
                                             "not an Atom <feed>")
            elif element.tag == f"{_ATOM}entry" and event == "start":
                entry_line = number
            elif element.tag == f"{_ATOM}entry" and event == "end":
                try:
                    yield _atom_paper(element, source, entry_line, ids)
                except _BadRecord as bad:
                    report(SkippedRecord(source, entry_line, str(bad)))
                if element in root:
                    root.remove(element)
    try:
        parser.close()
    except ET.ParseError as err:
        raise _BrokenStream(entry_line or 1, f"invalid or truncated XML ({err})") from None


def _atom_paper(entry: ET.Element, source: str, line: int, ids: _PaperIds) -> Paper:
    record = {}
    for field, tag in (("id", "id"), ("title", "title"), ("abstract", "summary")):
        child = entry.find(f"{_ATOM}{tag}")
        if child is not None:
            record[field] = "".join(child.itertext())
    if "arxiv.org/api/errors" in record.get("id", ""):
        raise _BadRecord(f"arXiv API error entry: {record.get('abstract', '').strip()}")
    return _paper(record, source, line, ids)


def _read_csv(stream: IO[bytes], source: str, report: OnSkip, ids: _PaperIds
              ) -> Iterator[Paper]:
    """A CSV (or TSV) with a header naming title and abstract (or summary), optionally id."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD_BYTES))
    lines = _csv_lines(stream, source, report)
    first = next(lines, "")
    delimiter = _csv_delimiter(first.rstrip("\r\n")) or ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    columns = {field: _column(header, names, source, required=field != "id")
               for field, names in (("id", _ID_FIELDS), ("title", _TITLE_FIELDS),
                                    ("abstract", _ABSTRACT_FIELDS))}
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
            yield _paper(record, source, start, ids)
        except _BadRecord as bad:
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
    for number, line in _numbered_lines(stream):
        if line is None:
            report(_oversize(source, number))
            yield "\n"
        else:
            yield line


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

# Lines of the Hugging Face page around the papers (header, per-paper badges, footer).
_CHROME_PREFIXES = ("get trending papers", "subscribe", "daily papers", "byak ", "submitted by",
                    "upvote", "published on", "previous", "next", "load more", "view all")


def _is_page_chrome(paragraph: str) -> bool:
    """True for page furniture: a date, a number, a short label or a known page line.

    >>> [_is_page_chrome(p) for p in ("Sep 2", "42", "Subscribe", "A Survey of Long Contexts")]
    [True, True, True, False]
    """
    return (bool(_DATE_LINE.match(paragraph))
            or len(paragraph.split()) < 4
            or not any(char.isalpha() for char in paragraph)
            or paragraph.lower().startswith(_CHROME_PREFIXES))


def _is_prose_line(paragraph: str) -> bool:
    """A one-line paragraph long enough to be an abstract (format detection's prose signal)."""
    return "\n" not in paragraph and _looks_like_abstract(paragraph)


def _looks_like_abstract(paragraph: str) -> bool:
    return ("\n" in paragraph or len(paragraph) > _MAX_TITLE_CHARS
            or (paragraph.endswith(".")
                and len(paragraph.split()) >= _MIN_ONE_SENTENCE_ABSTRACT_WORDS))


def _paragraphs(stream: IO[bytes], source: str, report: OnSkip
                ) -> Iterator[tuple[int, str | None]]:
    """(first line, text) of each blank-line separated paragraph; None when a line was oversize."""
    start, lines, broken = 0, [], False
    for number, line in itertools.chain(_numbered_lines(stream), [(0, "")]):
        if line is None:
            report(_oversize(source, number))
            start, broken = start or number, True
            continue
        if line.strip():
            start = start or number
            lines.append(line.rstrip("\r\n"))
            continue
        if start:
            yield start, None if broken else "\n".join(lines).strip()
        start, lines, broken = 0, [], False


def _read_daily_papers(stream: IO[bytes], source: str, report: OnSkip, ids: _PaperIds
                       ) -> Iterator[Paper]:
    """A pasted Hugging Face Daily Papers page: title and abstract paragraphs, amid page chrome.

    A title is a short one-line paragraph followed by an abstract paragraph; other short
    paragraphs are page chrome. One that follows a paper and looks like a title (not a date, a
    number or a label) is reported as a title without an abstract.
    """
    pending: tuple[int, str] | None = None  # (line, text) of a paragraph that may be a title
    papers_read = 0

    def report_orphan_title() -> None:
        if pending and papers_read and not _is_page_chrome(pending[1]):
            report(SkippedRecord(source, pending[0], "title without an abstract"))

    for start, paragraph in _paragraphs(stream, source, report):
        if paragraph is None:  # reported already; it may have been the pending title's abstract
            pending = None
        elif _looks_like_abstract(paragraph):
            if pending:
                title = " ".join(pending[1].split())
                yield Paper(ids(None, title), title, paragraph, source, pending[0])
                papers_read += 1
                pending = None
            else:
                report(SkippedRecord(source, start, "abstract paragraph without a title"))
        else:
            report_orphan_title()
            pending = (start, paragraph)
    report_orphan_title()


_READERS: dict[str, Callable[[IO[bytes], str, OnSkip, _PaperIds], Iterator[Paper]]] = {
    "daily-papers": _read_daily_papers,
    "jsonl": _read_jsonl,
    "json": _read_json,
    "atom": _read_atom,
    "csv": _read_csv,
}
