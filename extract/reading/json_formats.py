"""JSON Lines (the arXiv metadata snapshot) and JSON (an array of papers or HF API items)."""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import IO

from ..output.schema import Paper
from .errors import BadRecord, InputError, OnSkip, SkippedRecord
from .ids import PaperIds
from .records import may_hold_surrogates, paper_from_record
from .source import STREAM_ERRORS, clean_text, numbered_lines, oversize_record, record_limit

#: One decoder for every line: `json.loads(line, strict=False)` builds a new one per call.
_LINE_DECODER = json.JSONDecoder(strict=False)


def _json_line(line: str) -> object:
    """What `json.loads(line, strict=False)` returns or raises, without a decoder per line."""
    if line.startswith("\ufeff"):
        return json.loads(line, strict=False)  # raises json's own "Unexpected UTF-8 BOM" error
    return _LINE_DECODER.decode(line)


#: Why a record nested deeper than Python's recursion limit (about a thousand levels) is skipped.
TOO_DEEP = "JSON nested too deeply"


def read_jsonl(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
               ) -> Iterator[Paper]:
    """arXiv metadata snapshot layout: one JSON object per line."""
    return read_json_lines(stream, source, report,
                           lambda record, line, surrogates: paper_from_record(
                               record, source, line, ids, surrogates))


#: The paper of one decoded JSON Lines record, its line and whether its text may hold lone
#: surrogates (`records.may_hold_surrogates`); None for a record that is not a paper to read
#: and not damaged either (an OpenAlex work without an abstract); BadRecord when it is damaged.
RecordToPaper = Callable[[object, int, bool], "Paper | None"]


def read_json_lines(stream: IO[bytes], source: str, report: OnSkip, to_paper: RecordToPaper
                    ) -> Iterator[Paper]:
    """The papers of a JSON Lines stream, one record per line made a paper by `to_paper`."""
    lines = numbered_lines(stream)
    for number, line in lines:
        if line is None:
            report(oversize_record(source, number))
            continue
        if not line.strip():
            lines.skip_blank_lines()  # a run of blank lines costs one look
            continue
        try:
            record = _json_line(line)
            surrogates = may_hold_surrogates(line)
            del line
            paper = to_paper(record, number, surrogates)
        except json.JSONDecodeError as err:
            report(SkippedRecord(source, number, f"invalid JSON ({err.msg}, column {err.colno})"))
            continue
        except BadRecord as bad:
            report(SkippedRecord(source, number, str(bad)))
            continue
        except RecursionError:
            report(SkippedRecord(source, number, TOO_DEEP))
            continue
        del record
        if paper is not None:
            yield paper


def read_json(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
              ) -> Iterator[Paper]:
    """A JSON array of papers (or HF API items), or one such object.

    The array is streamed: elements are decoded one by one from a window of the text that holds
    one element and a block more, so memory stays flat however long the file (white space
    between elements included), and the papers before a truncated or broken element are still
    read. An element longer than the record limit stops the file, as broken JSON does.
    """
    text = _Window(stream)
    decoder = json.JSONDecoder(strict=False)
    text.skip_space()
    single = text.startswith("{")  # one object rather than an array of them
    if not single:
        if not text.startswith("["):
            raise InputError(source, "JSON file holds neither an array nor an object of papers")
        text.advance(1)
    while True:
        text.skip_space()
        if not single and text.startswith("]"):
            return
        line = text.line()
        try:
            record, surrogates = text.decode(decoder)
        except _Stop as stop:
            reason = stop.reason if text.error is None else text.error
            report(SkippedRecord(source, line, f"{reason}; the rest of the file is not read"))
            return
        try:
            yield paper_from_record(record, source, line, ids, surrogates)
        except BadRecord as bad:
            report(SkippedRecord(source, line, str(bad)))
        del record
        if single:
            return
        text.skip_space()
        if text.startswith(","):
            text.advance(1)
        elif not text.startswith("]"):
            reason = text.error or ("JSON array is not closed (truncated file?)" if text.at_end()
                                    else "expected ',' or ']' after an array element")
            report(SkippedRecord(source, text.line(), f"{reason}; the rest of the file is not read"))
            return


class _Stop(Exception):
    """The array cannot be read on; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


#: Decoded characters read at a time.
_BLOCK = 1 << 20
_SPACE = re.compile(r"[ \t\r\n]*")


class _Window:
    """The decoded, cleaned text of a stream, seen through a window that moves forward: what is
    read past is dropped (its lines counted), and more is read when an element runs on."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._text = ""
        self._position = 0
        self._line = 1            # line number at _counted
        self._counted = 0         # position in _text up to which lines are counted
        self._first = True
        self._ended = False
        self.error: str | None = None  # why the stream stopped early, if it did

    def _read(self, at_least: int = _BLOCK) -> bool:
        """Drop what was read past, read at least `at_least` more bytes; False at the end."""
        if self._ended:
            return False
        self._line += self._text.count("\n", self._counted, self._position)
        self._text, self._position, self._counted = self._text[self._position:], 0, 0
        try:
            data = self._stream.read(max(at_least, _BLOCK))
        except STREAM_ERRORS as err:
            self.error = f"unreadable data ({err})"
            data = b""
        final = not data
        more = self._decoder.decode(data, final)
        self._ended = final
        if more:
            self._text += clean_text(more, first=self._first)
            self._first = False
        return bool(more) or not final

    def skip_space(self) -> None:
        while True:
            self._position = _SPACE.match(self._text, self._position).end()
            if self._position < len(self._text) or not self._read():
                return

    def startswith(self, prefix: str) -> bool:
        return self._text.startswith(prefix, self._position)

    def advance(self, count: int) -> None:
        self._position += count

    def at_end(self) -> bool:
        return self._position >= len(self._text) and self._ended

    def line(self) -> int:
        """The line of the current position (positions only move forward)."""
        self._line += self._text.count("\n", self._counted, self._position)
        self._counted = self._position
        return self._line

    def decode(self, decoder: json.JSONDecoder) -> tuple[object, bool]:
        """The JSON value at the current position, and whether it may hold lone surrogates;
        more is read while it may run on (the window never splits a value that is followed by
        a delimiter)."""
        while True:
            start, text = self._position, self._text
            try:
                value, end = decoder.raw_decode(text, start)
            except json.JSONDecodeError as err:
                if self._ended or not _may_run_on(err, len(text)):
                    raise _Stop(f"invalid or truncated JSON ({err.msg})" if text[start:].strip()
                                else "JSON array is not closed (truncated file?)") from None
            except RecursionError:
                raise _Stop(TOO_DEEP) from None
            else:
                if end < len(text) or self._ended:  # a number may go on past the window
                    self._position = end
                    return value, may_hold_surrogates(text, start, end)
            if len(text) - start > record_limit():
                raise _Stop(f"array element longer than {record_limit()} bytes")
            self._read(at_least=len(text) - start)  # doubles the window: linear in all


def _may_run_on(error: json.JSONDecodeError, length: int) -> bool:
    """Whether a decoding error may only mean that the value goes on past the window."""
    return error.pos >= length - 8 or error.msg.startswith("Unterminated string")
