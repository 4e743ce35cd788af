"""Format detection: the format of a file judged from the start of its content, then its name."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from .atom import ATOM
from .csv_format import csv_delimiter
from .daily_papers import is_prose_line
from .errors import InputError
from .source import STREAM_ERRORS, clean_text, open_binary

FORMATS = ("daily-papers", "jsonl", "json", "atom", "csv", "openalex", "semantic-scholar")

#: JSON Lines corpora told apart by a key of their first record (which may be cut short at
#: SNIFF_BYTES: an OpenAlex work runs to tens of kB, so its id, written first, decides).
_JSON_LINES_FORMATS = (
    ("openalex", re.compile(r'"id"\s*:\s*"https://openalex\.org/W\d|"abstract_inverted_index"\s*:')),
    ("semantic-scholar", re.compile(r'"corpusid"\s*:')),
)

#: How much of the (decompressed) content format detection looks at.
SNIFF_BYTES = 8192

_BINARY_MAGICS = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"PAR1", b"\x7fELF", b"GIF8", b"\xff\xd8\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_EXTENSION_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".atom": "atom", ".xml": "atom",
    ".csv": "csv", ".tsv": "csv", ".txt": "daily-papers", ".md": "daily-papers",
}

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


class Head(NamedTuple):
    text: str             # the first SNIFF_BYTES decoded, BOM and NULs removed
    is_whole_file: bool   # True when the file is shorter than SNIFF_BYTES


def sniff(path: str | os.PathLike) -> Head:
    """The start of the file's content; InputError when it cannot be read or is not text."""
    try:
        with open_binary(path) as stream:
            data = stream.read(SNIFF_BYTES)
    except STREAM_ERRORS as err:
        raise InputError(path, f"not a readable gzip file ({err})") from None
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "UTF-16 text; only UTF-8 is read (save the file as UTF-8)")
    if looks_binary(data):
        raise InputError(path, "not a text file (binary content)")
    return Head(clean_text(data.decode("utf-8", "replace"), first=True),
                len(data) < SNIFF_BYTES)


def looks_binary(data: bytes) -> bool:
    """True for known binary formats and for bytes that are mostly control codes or not UTF-8.

    >>> looks_binary(b"Title\\n\\nAbstract with one bad byte \\xff and a NUL \\x00.")
    False
    >>> looks_binary(bytes(range(256)))
    True
    """
    if not data:
        return False
    if data.startswith(_BINARY_MAGICS):
        return True
    controls = sum(1 for byte in data if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    undecodable = data.decode("utf-8", "replace").count("\ufffd")
    return controls > len(data) / 10 or undecodable > len(data) / 10


def checked_format_name(source: str, format: str) -> str:
    """`format` as one of FORMATS (case and spaces forgiven); InputError naming the choices."""
    name = format.strip().lower()
    if name not in FORMATS:
        raise InputError(source, f"unknown format {format!r} "
                                 f"(expected one of {', '.join(FORMATS)})")
    return name


def format_of(source: str, head: str) -> str:
    """Markup, JSON and CSV headers first; then prose paragraphs; then the file name."""
    start = head.lstrip()
    if start.startswith("<"):
        lowered = start.lower()
        if "<feed" in lowered or ATOM[1:-1] in start:
            return "atom"
        kind = "an HTML page" if "<html" in lowered else "XML but not an Atom feed"
        raise InputError(source, f"{kind}; cannot read it (for a web page, paste its text)")
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        first_line = start.split("\n", 1)[0].strip()
        return "json" if first_line == "{" else _json_lines_format(first_line)
    if csv_delimiter(start.split("\n", 1)[0]):
        return "csv"
    paragraphs = _BLANK_LINE.split(start)
    if len(paragraphs) > 1 and any(is_prose_line(p.strip()) for p in paragraphs):
        return "daily-papers"  # prose paragraphs: content wins over a misleading name
    by_name = format_from_extension(source)
    if by_name:
        return by_name
    if len(paragraphs) > 1:
        return "daily-papers"
    raise InputError(source, "cannot tell the format from the content or the file name; "
                             f"pass format= (one of {', '.join(FORMATS)})")


def _json_lines_format(first_line: str) -> str:
    """The JSON Lines format whose key the first record holds; plain `jsonl` otherwise.

    >>> _json_lines_format('{"id": "https://openalex.org/W4385245566", "doi": null}')
    'openalex'
    >>> _json_lines_format('{"corpusid": 2508, "abstract": "..."}')
    'semantic-scholar'
    >>> _json_lines_format('{"id": "2508.03967", "title": "T", "abstract": "A"}')
    'jsonl'
    """
    for name, key in _JSON_LINES_FORMATS:
        if key.search(first_line):
            return name
    return "jsonl"


def format_from_extension(source: str) -> str | None:
    """The format a file name suggests, ignoring a trailing .gz.

    >>> format_from_extension("arxiv-metadata.jsonl.gz")
    'jsonl'
    >>> format_from_extension("papers") is None
    True
    """
    suffixes = [s.lower() for s in Path(source).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _EXTENSION_FORMATS.get(suffixes[-1]) if suffixes else None
