"""The papers of an input, whichever it is: a local file (read by `extract.reading`) or an
``http(s)://`` URL (fetched or taken from the cache by `extract.fetch`, then read the same way).

It sits above both: the fetcher reads its fetched copies with the readers, so the readers
cannot also be the ones who fetch without the two importing each other.
"""
from __future__ import annotations

import os
from collections.abc import Iterator

from .fetch import read_url
from .output.schema import Paper
from .reading import OnSkip, read_local_papers

__all__ = ["read_papers"]


def read_papers(path: str | os.PathLike, format: str | None = None,
                on_skip: OnSkip | None = None) -> Iterator[Paper]:
    """The papers in `path`, one at a time, in file order: `extract.reading.read_papers` of a
    local file, `extract.fetch.read_url` of an ``http://`` or ``https://`` URL (fetched, or taken
    from the cache, when this is called, and read as a file would be; messages name the URL)."""
    if _names_a_url(path):
        return read_url(path, format, on_skip)
    return read_local_papers(path, str(path), format, on_skip)


def _names_a_url(path: str | os.PathLike) -> bool:
    return isinstance(path, str) and path.lower().startswith(("http://", "https://"))
