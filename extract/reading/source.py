"""An input file's content: opened, gzip-decompressed, decoded, cleaned and cut into numbered
lines no longer than the record limit."""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from .errors import BrokenStream, InputError, SkippedRecord

#: Longest line read as one record (a JSON Lines record, a CSV or text line), and longest record
#: (a CSV row over several lines, a JSON array element, an Atom entry); longer ones are skipped
#: with a reason, drained without being held in memory.
MAX_RECORD_BYTES = 64 * 1024 * 1024

#: Longest abstract and title read, in characters; a paper with a longer one is a skipped
#: record. arXiv caps abstracts at 1,920 characters; these leave a wide margin and bound the
#: work and output one paper can cause.
MAX_ABSTRACT_CHARS = 100_000
MAX_TITLE_CHARS = 2_000

GZIP_MAGIC = b"\x1f\x8b"
#: What a stream raises when it cannot be read on (gzip.BadGzipFile is an OSError).
STREAM_ERRORS = (OSError, EOFError, zlib.error)


def record_limit() -> int:
    """The record limit in force: `extract.reading.MAX_RECORD_BYTES`, looked up at each call.

    The package is where callers (and tests) set the limits, so they are read there rather than
    bound here at import time.
    """
    package = sys.modules.get(__package__)
    return getattr(package, "MAX_RECORD_BYTES", MAX_RECORD_BYTES)


def text_limits() -> tuple[int, int]:
    """(abstract, title) limits in force, in characters, read as `record_limit` reads its own."""
    package = sys.modules.get(__package__)
    return (getattr(package, "MAX_ABSTRACT_CHARS", MAX_ABSTRACT_CHARS),
            getattr(package, "MAX_TITLE_CHARS", MAX_TITLE_CHARS))


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
                # a buffer of its own, larger than GzipFile's 8 KB: `peek` then shows a run of
                # blank lines up to a megabyte at a time
                yield io.BufferedReader(_ReadOnce(unzipped), buffer_size=1 << 20)
        else:
            yield raw


def check_content_size(path: str | os.PathLike, limit: int) -> None:
    """InputError when the content of `path`, gzip-decompressed, is longer than `limit` bytes
    (read in blocks and dropped: a small gzip bomb costs time, not memory). A file that cannot be
    read is left to the readers to report."""
    total = 0
    try:
        with open_binary(path) as stream:
            while chunk := stream.read(1 << 20):
                total += len(chunk)
                if total > limit:
                    raise InputError(path, f"more than {limit:,} bytes once decompressed "
                                           f"(the limit for this file)")
    except STREAM_ERRORS:
        return


class _ReadOnce(io.RawIOBase):
    """A binary stream read with `read1`: each read returns what one step of decompression
    gives, so a buffer over a truncated gzip file still hands out the lines before the cut."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read1(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def clean_text(text: str, first: bool) -> str:
    """Drop a byte order mark at the very start of the file and every NUL character.

    >>> clean_text("\\ufeffTi\\x00tle", first=True), clean_text("\\ufeffTitle", first=False)
    ('Title', '\\ufeffTitle')
    """
    if first and text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\x00", "") if "\x00" in text else text


#: What a blank line may hold besides its line end.
_WHITE_SPACE = b" \t\r\n\f\v"


class NumberedLines:
    """(line number, decoded and cleaned line with its line end) of a stream, in order; None
    for a line over the record limit (drained, never held whole). `skip_blank_lines` passes over
    a run of blank lines at C speed, for readers to which blank lines mean nothing."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._limit = record_limit()
        self.number = 0  # of the line last given

    def __iter__(self) -> NumberedLines:
        return self

    def __next__(self) -> tuple[int, str | None]:
        self.number += 1
        number, limit, stream = self.number, self._limit, self._stream
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
            return number, None
        if not raw:
            self.number -= 1
            raise StopIteration
        text = raw.decode("utf-8", "replace")
        del raw  # a record may be tens of MB: hold one copy of it, not two
        return number, clean_text(text, first=number == 1)

    def skip_blank_lines(self) -> int:
        """Consume the blank lines that come next, counting them; return how many."""
        skipped = 0
        while True:
            try:
                data = self._stream.peek(1 << 16)
            except STREAM_ERRORS as err:
                raise BrokenStream(self.number + 1, f"unreadable data ({err})") from None
            if not data:  # the end of the stream (or of a partition's window)
                return skipped
            lines = data.count(b"\n")
            if lines == len(data):  # nothing but line ends: the common run, at memchr speed
                end = len(data)
            else:  # the run ends with the last line end in the white space the data starts with
                end = data.rfind(b"\n", 0, len(data) - len(data.lstrip(_WHITE_SPACE))) + 1
                if not end:
                    return skipped
                lines = data.count(b"\n", 0, end)
            self._stream.read(end)
            self.number += lines
            skipped += lines


def numbered_lines(stream: IO[bytes]) -> NumberedLines:
    """(line number, decoded and cleaned line with its line end); None for an oversize line."""
    return NumberedLines(stream)


def oversize_reason() -> str:
    """Why a line over the record limit is not read."""
    return f"line longer than {record_limit()} bytes"


def oversize_record(source: str, line: int) -> SkippedRecord:
    """The skipped record of a line over the record limit."""
    return SkippedRecord(source, line, oversize_reason())
