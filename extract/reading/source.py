"""An input file's content: opened, gzip-decompressed, decoded, cleaned and cut into numbered
lines no longer than the record limit."""
from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from .errors import BrokenStream, InputError, SkippedRecord

#: Longest line read as one record (a JSON Lines record, a CSV or text line); longer lines are
#: skipped with a reason, drained without being held in memory.
MAX_RECORD_BYTES = 64 * 1024 * 1024

GZIP_MAGIC = b"\x1f\x8b"
#: What a stream raises when it cannot be read on (gzip.BadGzipFile is an OSError).
STREAM_ERRORS = (OSError, EOFError, zlib.error)


def record_limit() -> int:
    """The record limit in force: `extract.reading.MAX_RECORD_BYTES`, looked up at each call.

    The package is where callers (and tests) set the limit, so it is read there rather than
    bound here at import time.
    """
    package = sys.modules.get(__package__)
    return getattr(package, "MAX_RECORD_BYTES", MAX_RECORD_BYTES)


@contextmanager
def open_binary(path: str | os.PathLike) -> Iterator[IO[bytes]]:
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
        if raw.peek(2)[:2] == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=raw) as unzipped:
                yield unzipped
        else:
            yield raw


def clean_text(text: str, first: bool) -> str:
    """Drop a byte order mark at the very start of the file and every NUL character.

    >>> clean_text("\\ufeffTi\\x00tle", first=True), clean_text("\\ufeffTitle", first=False)
    ('Title', '\\ufeffTitle')
    """
    if first and text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\x00", "") if "\x00" in text else text


def numbered_lines(stream: IO[bytes]) -> Iterator[tuple[int, str | None]]:
    """(line number, decoded and cleaned line with its line end); None for an oversize line."""
    limit = record_limit()
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
        except STREAM_ERRORS as err:
            raise BrokenStream(number, f"unreadable data ({err})") from None
        if oversize:
            yield number, None
            continue
        if not raw:
            return
        text = raw.decode("utf-8", "replace")
        del raw  # a record may be tens of MB: hold one copy of it, not two
        yield number, clean_text(text, first=number == 1)


def oversize_reason() -> str:
    """Why a line over the record limit is not read."""
    return f"line longer than {record_limit()} bytes"


def oversize_record(source: str, line: int) -> SkippedRecord:
    """The skipped record of a line over the record limit."""
    return SkippedRecord(source, line, oversize_reason())
