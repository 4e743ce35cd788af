"""JSON Lines (the arXiv metadata snapshot) and JSON (an array of papers or HF API items)."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import IO

from ..output.schema import Paper
from .errors import BadRecord, InputError, OnSkip, SkippedRecord
from .ids import PaperIds
from .records import paper_from_record
from .source import STREAM_ERRORS, clean_text, numbered_lines, oversize_record

#: One decoder for every line: `json.loads(line, strict=False)` builds a new one per call.
_LINE_DECODER = json.JSONDecoder(strict=False)


def _json_line(line: str) -> object:
    """What `json.loads(line, strict=False)` returns or raises, without a decoder per line."""
    if line.startswith("\ufeff"):
        return json.loads(line, strict=False)  # raises json's own "Unexpected UTF-8 BOM" error
    return _LINE_DECODER.decode(line)


def read_jsonl(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
               ) -> Iterator[Paper]:
    """arXiv metadata snapshot layout: one JSON object per line."""
    return read_json_lines(stream, source, report,
                           lambda record, line: paper_from_record(record, source, line, ids))


#: The paper of one decoded JSON Lines record and its line; None for a record that is not a
#: paper to read and not damaged either (an OpenAlex work without an abstract); BadRecord when
#: it is damaged.
RecordToPaper = Callable[[object, int], "Paper | None"]


def read_json_lines(stream: IO[bytes], source: str, report: OnSkip, to_paper: RecordToPaper
                    ) -> Iterator[Paper]:
    """The papers of a JSON Lines stream, one record per line made a paper by `to_paper`."""
    for number, line in numbered_lines(stream):
        if line is None:
            report(oversize_record(source, number))
            continue
        if not line.strip():
            continue
        try:
            record = _json_line(line)
            del line
            paper = to_paper(record, number)
        except json.JSONDecodeError as err:
            report(SkippedRecord(source, number, f"invalid JSON ({err.msg}, column {err.colno})"))
            continue
        except BadRecord as bad:
            report(SkippedRecord(source, number, str(bad)))
            continue
        del record
        if paper is not None:
            yield paper


def read_json(stream: IO[bytes], source: str, report: OnSkip, ids: PaperIds
              ) -> Iterator[Paper]:
    """A JSON array of papers (or HF API items), or one such object; parsed whole.

    Elements are decoded one by one, so the papers before a truncated or broken element are
    still read.
    """
    chunks = []
    try:
        while chunk := stream.read(1 << 20):
            chunks.append(chunk)
    except STREAM_ERRORS as err:
        stream_error = f"unreadable data ({err}); the rest of the file is not read"
    else:
        stream_error = None
    text = clean_text(b"".join(chunks).decode("utf-8", "replace"), first=True)
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
            yield paper_from_record(record, source, lines.at(start), ids)
        except BadRecord as bad:
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
    """1-based line numbers of positions in a text, counted incrementally (positions ascend).

    >>> lines = _LineCounter("a\\nb\\nc")
    >>> lines.at(0), lines.at(2), lines.at(4), lines.at(1)
    (1, 2, 3, 1)
    """

    def __init__(self, text: str) -> None:
        self._text, self._position, self._line = text, 0, 1

    def at(self, position: int) -> int:
        if position < self._position:  # positions normally ascend; recount if not
            self._position, self._line = 0, 1
        self._line += self._text.count("\n", self._position, position)
        self._position = position
        return self._line
