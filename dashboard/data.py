"""Where the dashboard's claims come from, loaded once and cached.

A *source* is a list of files: the built-in sample corpus, the files named on the command line
(``claimboard dashboard FILE...`` or ``streamlit run dashboard/app.py -- FILE...``, which both
arrive in ``sys.argv[1:]``), or files uploaded in the sidebar. Each file is an input corpus in any
format `extract.reading` reads, or a claims table (`extract.output.tables.is_claims_table`).

Each file is loaded on its own (`load_path`, `load_upload`) and cached with ``st.cache_data``:
a file on disk is keyed by its path, modification time and size, an upload by its name and bytes,
so a changed file is read again and an unchanged one never is. A file that cannot be read becomes
a `LoadedFile` with an `error` (cached too) and the other files still load.

Results derived from a whole source (leaderboard lists, boards, filtered tables) are cached by
`Corpus.key`, a small hashable fingerprint of the source's files, so that Streamlit never has to
hash a large claims table to find them.
"""
from __future__ import annotations

import dataclasses
import hashlib
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

import extract
from dashboard.safe_text import markdown_text, upload_file_name
from extract.fetch import fetch, is_url
from extract.pipeline import RunStats, extract_files
from extract.reading import InputError, read_papers
from extract.reading.source import check_content_size
from extract.output.papers import ids_by_title
from extract.output.tables import claims_frame, is_claims_table, read_table

#: The built-in sample: a pasted Hugging Face Daily Papers page shipped with the package.
SAMPLE_CORPUS = Path(extract.__file__).resolve().parent / "data" / "sample" / "hf-daily-papers.txt"

#: Columns of the papers table kept next to the claims (abstracts for the Papers view).
PAPER_COLUMNS = ("paper_id", "title", "abstract", "source")

#: Above this many papers an input is extracted by a pool of processes (one per CPU).
PARALLEL_FROM_PAPERS = 2000

#: Key of one file in a source: (name shown, then what identifies its content).
FileKey = tuple[str, ...]


@dataclass(frozen=True)
class LoadedFile:
    """One file of a source: its claims, its papers (empty for a claims table) and problems."""

    name: str
    claims: pd.DataFrame
    papers: pd.DataFrame
    error: str | None = None        # why the file could not be read at all
    skipped: tuple[str, ...] = ()   # records left out, "FILE:LINE: reason" (the first ones)
    is_claims_table: bool = False
    skipped_count: int = 0          # all records left out, listed or not


@dataclass(frozen=True)
class Corpus:
    """Everything the views show: the claims and papers of every readable file of a source."""

    key: tuple[FileKey, ...]
    claims: pd.DataFrame
    papers: pd.DataFrame
    files: tuple[LoadedFile, ...] = field(default=(), repr=False)
    #: paper id -> arXiv id found by title for papers the inputs give no arXiv id
    #: (`extract.output.papers.ids_by_title`)
    arxiv_ids: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def paper_count(self) -> int:
        """Papers of the corpus and of its claims tables, each paper once."""
        return pd.concat([self.papers["paper_id"].astype(object),
                          self.claims["paper_id"].astype(object)]).nunique()

    @property
    def errors(self) -> list[tuple[str, str]]:
        """(file name, reason) of each file that could not be read."""
        return [(f.name, f.error) for f in self.files if f.error]

    @property
    def skipped(self) -> list[str]:
        return [record for f in self.files for record in f.skipped]

    @property
    def skipped_count(self) -> int:
        return sum(f.skipped_count for f in self.files)

    @property
    def has_abstracts(self) -> bool:
        return not self.papers.empty


def empty_papers() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=str) for name in PAPER_COLUMNS})


def command_line_inputs(argv: Sequence[str] | None = None) -> list[str]:
    """The input files given to the app: ``sys.argv[1:]`` (what follows ``--`` after
    ``streamlit run dashboard/app.py``). Tests set ``sys.argv`` the same way.

    >>> command_line_inputs(["dashboard/app.py", "claims.parquet", "papers.jsonl"])
    ['claims.parquet', 'papers.jsonl']
    """
    argv = sys.argv if argv is None else argv
    return [arg for arg in argv[1:] if arg.strip()]


# ---------------------------------------------------------------------------------------------
# Loading one file


def _read_file(path: Path) -> tuple[pd.DataFrame, pd.DataFrame, RunStats, bool]:
    """(claims, papers, what the run counted, is a claims table) of one file; raises when the
    file cannot be read at all."""
    if is_claims_table(path):
        return read_table(path), empty_papers(), RunStats(), True
    # Read the papers once for their abstracts (the Papers view highlights claims in them) and
    # count them to choose between extracting here and in a process pool.
    papers = list(read_papers(path, on_skip=lambda record: None))
    stats = RunStats()
    jobs = None if len(papers) >= PARALLEL_FROM_PAPERS else 1
    claims = claims_frame(extract_files([path], jobs=jobs, stats=stats))
    papers_frame = pd.DataFrame(
        [(p.paper_id, p.title, p.abstract, p.source) for p in papers], columns=list(PAPER_COLUMNS))
    return claims, papers_frame, stats, False


def _load(path: Path, name: str) -> LoadedFile:
    """`path` loaded, or a `LoadedFile` carrying the reason it could not be; messages name the
    file as the user knows it (`name`), not a temporary copy."""
    def shown(text: str) -> str:
        return text.replace(str(path), name) if str(path) != name else text

    try:
        claims, papers, stats, is_table = _read_file(path)
    except Exception as error:  # noqa: BLE001 - one unreadable file must not take the app down
        message = shown(str(error) or type(error).__name__)
        return LoadedFile(name, claims_frame([]), empty_papers(), error=_reason(message, name))
    return LoadedFile(name, claims, papers, skipped=tuple(shown(str(s)) for s in stats.skipped),
                      is_claims_table=is_table, skipped_count=stats.skipped_count)


def _reason(message: str, name: str) -> str:
    """The library's "FILE: reason" or "FILE:LINE: reason" message without the file name (the
    dashboard shows the name itself).

    >>> _reason("a.jsonl: no such file", "a.jsonl"), _reason("a.csv:3: bad value", "a.csv")
    ('no such file', 'line 3: bad value')
    >>> _reason("something else broke", "a.csv")
    'something else broke'
    """
    if message.startswith(f"{name}: "):
        return message[len(name) + 2:]
    if message.startswith(f"{name}:"):
        line, _, reason = message[len(name) + 1:].partition(": ")
        if line.isdigit():
            return f"line {line}: {reason}"
    return message


@st.cache_data(show_spinner=False, max_entries=32)
def _load_path_cached(path: str, mtime_ns: int, size: int) -> LoadedFile:
    # mtime_ns and size are only part of the cache key: a changed file is read again.
    return _load(Path(path), path)


#: Largest upload read, in bytes once decompressed (Streamlit's own limit counts the bytes sent,
#: which a gzip file multiplies by up to a thousand).
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


@st.cache_data(show_spinner=False, max_entries=32)
def load_upload(name: str, data: bytes) -> LoadedFile:
    """An uploaded file, loaded from a temporary copy that keeps its name's endings (the readers
    and table readers look at them), once its decompressed size is known to be within
    MAX_UPLOAD_BYTES."""
    with tempfile.TemporaryDirectory(prefix="claimboard-upload-") as directory:
        path = Path(directory) / upload_file_name(name)
        path.write_bytes(data)
        try:
            check_content_size(path, MAX_UPLOAD_BYTES)
        except InputError as error:
            return LoadedFile(name, claims_frame([]), empty_papers(),
                              error=f"{error.reason}; run `claimboard extract` on it and "
                                    "upload the claims table")
        return _load(path, name)


def path_key(path: str) -> FileKey:
    """What identifies a file on disk for the caches: path, modification time and size."""
    try:
        status = Path(path).stat()
    except OSError:
        return (path, "missing")
    return (path, str(status.st_mtime_ns), str(status.st_size))


def load_path(path: str) -> LoadedFile:
    """A file on disk, cached by path, modification time and size; or a URL (`load_url`)."""
    if is_url(path):
        return load_url(path)
    key = path_key(path)
    if key[1] == "missing":  # not cached: the file may appear later
        return _load(Path(path), path)
    return _load_path_cached(path, int(key[1]), int(key[2]))


def load_url(url: str) -> LoadedFile:
    """An ``http(s)://`` input (the Hugging Face Daily Papers or arXiv API): fetched into the
    disk cache of `extract.fetch` (the server is asked again once the copy is an hour old),
    then loaded like a file and cached by the copy's time and size."""
    try:
        local = fetch(url)
    except InputError as error:
        return LoadedFile(url, claims_frame([]), empty_papers(), error=_reason(str(error), url))
    status = local.stat()
    return _load_url_cached(url, str(local), status.st_mtime_ns, status.st_size)


@st.cache_data(show_spinner=False, max_entries=32)
def _load_url_cached(url: str, local: str, mtime_ns: int, size: int) -> LoadedFile:
    # mtime_ns and size are only part of the cache key: a copy fetched again is read again.
    loaded = _load(Path(local), url)
    if loaded.papers.empty:
        return loaded
    return dataclasses.replace(loaded, papers=loaded.papers.assign(source=url))


def upload_key(name: str, data: bytes) -> FileKey:
    return (name, hashlib.sha256(data).hexdigest())


# ---------------------------------------------------------------------------------------------
# A whole source


def combine(files: Sequence[LoadedFile], key: tuple[FileKey, ...]) -> Corpus:
    """One corpus from loaded files; unreadable files contribute nothing but their error. Made
    once per source (`key`): joining tables and finding arXiv ids by title take a while at
    100k claims, and the files of a key never change."""
    return _combined(key, tuple(files))


@st.cache_resource(show_spinner=False, max_entries=4)
def _combined(key: tuple[FileKey, ...], _files: tuple[LoadedFile, ...]) -> Corpus:
    files = _files
    readable = [f for f in files if f.error is None]
    if len(readable) == 1:
        claims, papers = readable[0].claims, readable[0].papers
    elif readable:
        # A corpus and the claims table extracted from it, loaded together, hold the same
        # claims twice: each is kept once.
        claims = pd.concat([f.claims for f in readable], ignore_index=True).drop_duplicates(
            ["paper_id", "kind", "value", "char_start", "char_end"], ignore_index=True)
        papers = pd.concat([f.papers for f in readable], ignore_index=True)
    else:
        claims, papers = claims_frame([]), empty_papers()
    claims, arxiv_ids = _resolve_ids(claims, papers)
    return Corpus(key, claims, papers, tuple(files), arxiv_ids)


def _resolve_ids(claims: pd.DataFrame, papers: pd.DataFrame
                 ) -> tuple[pd.DataFrame, dict[str, str]]:
    """arXiv ids found by title for papers without one, and their dates for undated claims."""
    found = ids_by_title(claims, papers)
    if found.empty:
        return claims, {}
    dates = dict(zip(found["paper_id"], found["date"]))
    undated = (claims["date"] == "") & claims["paper_id"].isin(dates)
    if undated.any():
        claims = claims.copy()
        claims.loc[undated, "date"] = claims.loc[undated, "paper_id"].map(dates)
    return claims, dict(zip(found["paper_id"], found["arxiv_id"]))


def load_paths(paths: Sequence[str]) -> Corpus:
    """The corpus of files on disk (the sample or the command-line inputs)."""
    keys = tuple(path_key(path) for path in paths)
    files = []
    for path in paths:
        with st.spinner(f"Loading {markdown_text(Path(path).name)} (claims are extracted from "
                        "a corpus)…",
                        show_time=True):
            files.append(load_path(path))
    return combine(files, keys)


def load_uploads(uploads: Sequence[tuple[str, bytes]]) -> Corpus:
    """The corpus of uploaded files, given as (name, bytes)."""
    keys = tuple(upload_key(name, data) for name, data in uploads)
    files = []
    for name, data in uploads:
        with st.spinner(f"Loading {markdown_text(name)} (claims are extracted from a corpus)…",
                        show_time=True):
            files.append(load_upload(name, data))
    return combine(files, keys)
