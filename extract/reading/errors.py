"""What the readers report: a file that cannot be read (`InputError`), a record left out
(`SkippedRecord`), and the two internal signals the format readers raise."""
from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass


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


def warn_skipped(skipped: SkippedRecord) -> None:
    """The default `on_skip`: a SkippedRecordWarning "PATH:LINE: reason"."""
    warnings.warn(str(skipped), SkippedRecordWarning, stacklevel=2)


class BrokenStream(Exception):
    """The file cannot be read on from `line` (corrupt gzip, invalid XML, an oversize XML line)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


class BadRecord(Exception):
    """A record that cannot become a paper; the message is the reason."""
