"""Atomic output files: a table is written to a temporary file of its own and renamed into place.

Every writer of a file (`tables.TableWriter`, hence `claimboard extract -o`, `claimboard
leaderboard -o` and the dashboard's exports) goes through `AtomicFile`:

- The temporary file is made by `tempfile.mkstemp` in the target's directory: a unique name,
  opened exclusively (``O_CREAT | O_EXCL``, which never follows a symlink), so two runs with the
  same output never share it and a planted ``out.csv.partial -> victim`` is never written through.
- `commit` renames it over the target with `os.replace` (atomic on one file system): readers see
  the old file or the new one, never a half-written table. The new file gets the permissions a
  plain ``open(path, "w")`` would have given it (0666 less the umask).
- `discard` removes it, whatever state the stream is in (a full disk makes the last flush fail
  again; the file still goes).

`check_destination` is the check made before anything is read: the output is not a directory,
its directory exists, and it is none of the inputs (after symlinks).
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from .. import stopping


class OutputError(ValueError):
    """An output file that cannot be written; the message names the file."""


def _umask() -> int:
    # os.umask can only be read by setting it; set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _is_special(path: Path) -> bool:
    """A FIFO, a device or a socket (``-o /dev/stdout``): written in place, not replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_destination(dest: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Raise `OutputError` when `dest` cannot be the output of a run reading `inputs`: it is a
    directory, its directory does not exist, or it is one of the inputs (the same file, after
    symlinks and hard links), which the run would replace by its table."""
    path = Path(dest)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; name a file")
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{path}: no such directory {str(parent)!r}")
    if not path.exists():
        return
    for source in inputs:
        try:
            same = os.path.samefile(path, source)
        except OSError:  # an input that does not exist is reported by the readers
            continue
        if same:
            raise OutputError(f"{path}: is also an input ({source}); the run would overwrite "
                              "it; write to another file")


class AtomicFile:
    """A binary file written under a temporary name in the target's directory and renamed into
    place by `commit`; `discard` removes it. A FIFO or device is written directly."""

    def __init__(self, dest: str | os.PathLike) -> None:
        self.dest = Path(dest)
        self._temporary: str | None = None
        if self.dest.is_dir():
            raise OutputError(f"{self.dest}: is a directory; name a file")
        if _is_special(self.dest):
            self.stream: IO[bytes] = self._open(lambda: open(self.dest, "wb"))
            return
        descriptor, self._temporary = self._open(lambda: tempfile.mkstemp(
            prefix=f".{self.dest.name}.", suffix=".partial", dir=self.dest.parent or "."))
        self.stream = os.fdopen(descriptor, "wb")

    def _open(self, opener):
        try:
            return opener()
        except OSError as error:
            raise OutputError(f"{self.dest}: cannot write: {error.strerror or error}") from None

    @property
    def temporary(self) -> str | None:
        """The temporary file's path while it exists (None for a FIFO or device)."""
        return self._temporary

    def commit(self) -> None:
        """Close the stream and move the file into place; `OutputError` (the file removed)
        when that fails."""
        try:
            stopping.check()  # a stopped run never replaces the old file, even where its stop was lost
            self.stream.close()
            if self._temporary is not None:
                os.chmod(self._temporary, 0o666 & ~_umask())
                os.replace(self._temporary, self.dest)
                self._temporary = None
        except OSError as error:
            self.discard()
            raise OutputError(f"{self.dest}: cannot write: {error.strerror or error}") from None
        except (stopping.Stopped, KeyboardInterrupt):
            self.discard()
            raise

    def discard(self) -> None:
        """Close the stream, ignoring a failing flush, and remove the temporary file."""
        try:
            self.stream.close()
        except (OSError, ValueError):
            pass  # a full disk fails the flush again; the file is removed all the same
        if self._temporary is not None:
            try:
                os.unlink(self._temporary)
            except FileNotFoundError:
                pass
            self._temporary = None


def write_atomically(dest: str | os.PathLike, data: bytes) -> None:
    """Replace `dest` by `data` as `AtomicFile` does: whole or not at all."""
    file = AtomicFile(dest)
    try:
        file.stream.write(data)
    except BaseException:
        file.discard()
        raise
    file.commit()
