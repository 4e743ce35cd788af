"""Input files in, claim rows out: streaming, optionally over several processes.

Papers are read lazily (`inputs.read_papers`: a file or a URL), cut into chunks of `CHUNK_SIZE` papers and
extracted (`claims.extract_paper`) either here or in a process pool. Only a bounded window of
chunks is in flight at any time, and results are taken back in submission order, so the rows come
out in the same order, with the same content, whatever the number of jobs, and memory stays flat
however large the input.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import stopping
from .output.schema import Paper

if TYPE_CHECKING:
    import pandas as pd

    from .output.tables import RowEncoder

#: Papers per task sent to a worker: large enough to amortise pickling, small enough to balance.
CHUNK_SIZE = 64

#: Chunks in flight per worker; bounds memory while keeping every worker busy.
CHUNKS_AHEAD_PER_JOB = 2

#: Inputs of fewer chunks are extracted in this process: a worker takes about two chunks' worth
#: of time to start (interpreter, pandas, compiling the vocabularies), so a pool only pays off
#: from a few chunks on.
POOL_MIN_CHUNKS = 4

#: When the caller does not choose the number of jobs, a pool is started only for inputs of at
#: least this many papers. Measured end to end on 2 cores (benchmarks/results/2026-11-27.txt),
#: 2 jobs cost 1.23 s + 0.25 ms a paper against 0.89 s + 0.41 ms for 1 job: even at about 2,100
#: papers, and 0.88x at 1,000 (1,500 papers took 2-3x longer by default than with --jobs 1 on a
#: busier machine). 5,000 leaves a margin for the machine's drift (`benchmarks/default_jobs.py`).
DEFAULT_POOL_MIN_PAPERS = 5_000
#: Most claims kept of one paper (the first ones in the abstract); a paper with more is counted
#: as truncated. Real abstracts have a few dozen at most; a crafted one ("1-1-1-..." for 100 kB)
#: would otherwise give tens of thousands of rows, each carrying its sentence.
MAX_CLAIMS_PER_PAPER = 200

#: Skipped records kept in `RunStats.skipped` and passed to `on_skip`; the rest are only counted,
#: so that a file of millions of broken lines keeps memory (and stderr) flat.
MAX_SKIPPED_REPORTED = 100

PathLike = str | Path


@dataclass
class RunStats:
    """What one run read and wrote: papers extracted, rows produced, records skipped (the first
    `MAX_SKIPPED_REPORTED` kept in `skipped`, all counted in `skipped_count`), papers whose
    claims were cut to `MAX_CLAIMS_PER_PAPER` (`truncated`)."""

    papers: int = 0
    rows: int = 0
    skipped: list = field(default_factory=list)
    #: How the run chose its processes when the caller left it to the run (else empty).
    parallelism: str = ""
    skipped_count: int = 0
    truncated: int = 0

    def add_skipped(self, record) -> bool:
        """Count a skipped record; keep it, and return True, while fewer than
        MAX_SKIPPED_REPORTED are kept."""
        self.skipped_count += 1
        if len(self.skipped) < MAX_SKIPPED_REPORTED:
            self.skipped.append(record)
            return True
        return False

    def summary(self) -> str:
        """One line for people.

        >>> RunStats(papers=3, rows=7).summary()
        '3 papers, 7 claims, 0 records skipped'
        >>> RunStats(3, 7, skipped=["..."] * 100, skipped_count=250, truncated=1).summary()
        ... # doctest: +NORMALIZE_WHITESPACE
        '3 papers, 7 claims, 250 records skipped (the first 100 listed),
         1 paper with more than 200 claims cut to 200'
        """
        from .wording import plural

        text = (f"{plural(self.papers, 'paper')}, {plural(self.rows, 'claim')}, "
                f"{plural(self.skipped_count, 'record skipped', 'records skipped')}")
        if self.skipped_count > len(self.skipped):
            text += f" (the first {len(self.skipped):,} listed)"
        if self.truncated:
            text += (f", {plural(self.truncated, 'paper')} with more than "
                     f"{MAX_CLAIMS_PER_PAPER} claims cut to {MAX_CLAIMS_PER_PAPER}")
        return text


def default_jobs() -> int:
    """How many worker processes a large input gets when the caller does not say: one per CPU
    this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def usable_cpus() -> int:
    """The CPUs this process may run on (fewer than the machine's in a container or under
    taskset)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def capped_jobs(jobs: int | None) -> int:
    """Worker processes for a request of `jobs` (None: `default_jobs`): never more than the
    usable CPUs, since more only add processes, memory and start-up time.

    >>> capped_jobs(1), capped_jobs(10_000) == usable_cpus()
    (1, True)
    """
    return max(1, min(jobs or default_jobs(), usable_cpus()))


# ---------------------------------------------------------------------------------------------
# Work done in the worker processes (top-level functions, so that they pickle under spawn)


def _row_position(row: dict) -> tuple[bool, int]:
    start = row.get("char_start")
    return (start is None, start if start is not None else 0)


def _extract_chunk(papers: list[Paper], encoder: RowEncoder | None = None,
                   claims_limit: int = MAX_CLAIMS_PER_PAPER
                   ) -> list[tuple[Any, int, str | bool]]:
    """For each paper of a chunk, (rows, how many, whether rows were cut to `claims_limit`), or
    ([], 0, the reason the extractor failed on it). With an `encoder` the rows come encoded
    (`tables.RowEncoder.encode`), so the process that writes them has only to write them; rows
    it cannot encode come as dicts (a list), for the writer to report as it does."""
    from .engine.claims import extract_paper
    from .output.tables import TableError

    results: list[tuple[Any, int, str | bool]] = []
    for paper in papers:
        try:
            rows = extract_paper(paper)
        except Exception as error:  # one broken paper must not sink the whole run
            results.append(([], 0, f"extractor failed: {type(error).__name__}: {error}"))
            continue
        if len(rows) > 1:
            rows.sort(key=_row_position)
        truncated = len(rows) > claims_limit
        if truncated:
            del rows[claims_limit:]
        if encoder is not None:
            try:
                results.append((_Encoded(encoder.encode(rows)), len(rows), truncated))
                continue
            except TableError:
                pass
        results.append((rows, len(rows), truncated))
    return results


class _Encoded:
    """An encoded block of rows, told apart from a list of row dicts (a Parquet block is a
    list too)."""

    __slots__ = ("block",)

    def __init__(self, block) -> None:
        self.block = block

    def __reduce__(self):
        return _Encoded, (self.block,)


def _warm_up() -> None:
    """Pool initialiser: import the rules once per worker rather than in the first task, and
    leave Ctrl-C to the parent (the terminal sends it to every process of the group), which
    stops the workers itself; a worker stopped mid-task would print a traceback. A worker starts
    with Ctrl-C held back (`_ctrl_c_held`), so one that comes while it starts is dropped too."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from .engine import claims  # noqa: F401


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """SIGINT held back while the pool's workers are started, so that they inherit it held
    (a new process keeps its parent's signal mask); this process gets it afterwards."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: nothing to hold
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# ---------------------------------------------------------------------------------------------
# Scheduling


def _chunked(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    iterator = iter(papers)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _extracted_chunks(chunks: Iterator[list[Paper]], jobs: int, encoder: RowEncoder | None = None,
                      min_chunks: int = POOL_MIN_CHUNKS,
                      chosen: Callable[[int], None] | None = None
                      ) -> Iterator[tuple[list[Paper], list[tuple[Any, int, str | None]]]]:
    """(chunk, results) pairs in input order, computed here or in a pool of `jobs` processes
    when the input has at least `min_chunks` chunks; `chosen` is told how many processes."""
    # Look ahead far enough to know whether a pool pays off, and how many workers to start.
    head = list(islice(chunks, max(jobs, min_chunks)))
    workers = min(jobs, len(head))
    if workers <= 1 or len(head) < min_chunks:
        workers = 1
    if chosen is not None:
        chosen(workers)
    if workers == 1:
        for chunk in chain(head, chunks):
            yield chunk, _extract_chunk(chunk, encoder, MAX_CLAIMS_PER_PAPER)
        return
    context = multiprocessing.get_context("spawn")  # the same behaviour on every platform
    with _ctrl_c_held():
        pool = context.Pool(workers, initializer=_warm_up)
    with pool:
        in_flight: deque = deque()
        for chunk in chain(head, chunks):
            in_flight.append((chunk, pool.apply_async(_extract_chunk, (
                chunk, encoder, MAX_CLAIMS_PER_PAPER))))
            if len(in_flight) >= workers * CHUNKS_AHEAD_PER_JOB:
                done, result = in_flight.popleft()
                yield done, result.get()
        while in_flight:
            done, result = in_flight.popleft()
            yield done, result.get()


def extract_files(paths: Iterable[PathLike], jobs: int | None = 1, fmt: str | None = None,
                  on_skip: Callable | None = None, progress: bool = False,
                  stats: RunStats | None = None) -> Iterator[dict]:
    """Claim rows (dicts keyed by `schema.COLUMNS`) for every paper of every file in `paths`.

    Rows come in input order of the papers, then by `char_start`; at most
    `MAX_CLAIMS_PER_PAPER` per paper. `jobs` is the number of worker processes (None: one per
    CPU for an input of `DEFAULT_POOL_MIN_PAPERS` papers or more, else this process alone;
    `stats.parallelism` says which; never more than the usable CPUs, `capped_jobs`); the output
    does not depend on it. `fmt` forces the input format (else it is detected per file). Each
    skipped record (`readers.SkippedRecord`, also for a paper the extractor fails on) is counted
    in `stats`; the first `MAX_SKIPPED_REPORTED` are passed to `on_skip` and kept in
    `stats.skipped`. Pass a
    `RunStats` to read the counts after the iteration. `progress` shows a tqdm bar on stderr.

    Every file is checked before the first row is made: one that cannot be read at all raises
    `readers.InputError` here, not halfway through the output.
    """
    extracted = _extracted_papers(paths, jobs, fmt, on_skip, progress, stats)(None)
    return (row for rows, _ in extracted for row in rows)


def extract_papers(papers: Iterable[Paper], jobs: int | None = 1, on_skip: Callable | None = None,
                   progress: bool = False, stats: RunStats | None = None) -> Iterator[dict]:
    """`extract_files` of papers read elsewhere (`extract.read_papers`, a list made in memory):
    the same rows, `jobs`, `on_skip`, `progress` and `stats`. Papers are taken from `papers`
    only a bounded window ahead of the rows given out, so memory stays flat for any input."""
    stats = stats if stats is not None else RunStats()
    extracted = _extract(iter(papers), capped_jobs(jobs) if jobs else None,
                         _skipper(stats, on_skip), progress, stats, None)
    return (row for rows, _ in extracted for row in rows)


def _skipper(stats: RunStats, on_skip: Callable | None) -> Callable:
    """What is done with a skipped record: counted in `stats`, and the first ones passed on."""
    def skip(record) -> None:
        if stats.add_skipped(record) and on_skip is not None:
            on_skip(record)
    return skip


def write_extracted(paths: Iterable[PathLike], dest, jobs: int | None = 1,
                    fmt: str | None = None, on_skip: Callable | None = None,
                    progress: bool = False, stats: RunStats | None = None,
                    raw_text: bool = False) -> None:
    """Write the rows `extract_files` gives to `dest` (a `tables.TableWriter` destination), the
    same bytes, encoded where they are extracted: the workers of a pool do the formatting, this
    process only writes. The inputs are checked before the table is opened; a run that ends in
    any way but success leaves no file (`tables.TableWriter`). `raw_text`: see `TableWriter`."""
    from .output.tables import TableWriter

    extraction = _extracted_papers(paths, jobs, fmt, on_skip, progress, stats)
    with TableWriter(dest, raw_text=raw_text) as writer:
        _write_extraction(writer, extraction(writer.encoder))


def write_papers(papers: Iterable[Paper], writer, on_skip: Callable | None = None,
                 stats: RunStats | None = None) -> None:
    """Extract `papers` in this process and write their rows with `writer` (an open
    `tables.TableWriter`): what `write_extracted` does for files, for papers read elsewhere (a
    partition of a file on a Dask worker)."""
    stats = stats if stats is not None else RunStats()
    _write_extraction(writer, _extract(iter(papers), 1, _skipper(stats, on_skip), False, stats,
                                       writer.encoder))


def _write_extraction(writer, extraction: Iterator[tuple[Any, int]]) -> None:
    try:
        for payload, count in extraction:
            stopping.check()  # a stop whose first raise a finaliser swallowed stops the run here
            if type(payload) is _Encoded:
                writer.write_encoded(payload.block, count)
            else:
                writer.write_many(payload)
    finally:
        extraction.close()  # stops a pool at once when writing failed or was interrupted


def _extracted_papers(paths: Iterable[PathLike], jobs: int | None, fmt: str | None,
                      on_skip: Callable | None, progress: bool, stats: RunStats | None
                      ) -> Callable[[RowEncoder | None], Iterator[tuple[Any, int]]]:
    """The run, given an encoder: (rows, how many) per paper extracted. The input files are
    checked before it returns."""
    from .inputs import read_papers

    stats = stats if stats is not None else RunStats()
    skip = _skipper(stats, on_skip)
    sources = [read_papers(path, format=fmt, on_skip=skip) for path in paths]
    return lambda encoder: _extract(chain.from_iterable(sources), capped_jobs(jobs) if jobs else None,
                                    skip, progress, stats, encoder)


class _NoProgressBar:
    """The part of a tqdm bar `_extract` uses, showing nothing: without a bar to show, tqdm is
    not imported (tens of milliseconds at start-up)."""

    def __enter__(self) -> _NoProgressBar:
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def update(self, count: int) -> None:
        pass


def _progress_bar(shown: bool):
    if not shown:
        return _NoProgressBar()
    from tqdm import tqdm

    return tqdm(unit=" papers", file=sys.stderr, dynamic_ncols=True)


def _default_parallelism(stats: RunStats) -> Callable[[int], None]:
    """What tells `stats` how a run without a chosen number of jobs went, in one line."""
    def say(workers: int) -> None:
        if workers > 1:
            stats.parallelism = (f"{workers} worker processes (one per CPU; the input has "
                                 f"{DEFAULT_POOL_MIN_PAPERS:,} papers or more)")
        elif default_jobs() == 1:
            stats.parallelism = "one process (one CPU)"
        else:
            stats.parallelism = (f"one process (the input has fewer than "
                                 f"{DEFAULT_POOL_MIN_PAPERS:,} papers, too few for workers to "
                                 "pay off; --jobs N to choose)")
    return say


def _extract(papers: Iterator[Paper], jobs: int | None, skip: Callable, progress: bool,
             stats: RunStats, encoder: RowEncoder | None) -> Iterator[tuple[Any, int]]:
    """`jobs` None (or 0): workers only for an input of DEFAULT_POOL_MIN_PAPERS or more, and
    `stats.parallelism` says which way it went."""
    from .reading import SkippedRecord

    chunks = _chunked(papers, CHUNK_SIZE)
    if jobs:
        extracted = _extracted_chunks(chunks, jobs, encoder)
    else:
        extracted = _extracted_chunks(chunks, default_jobs(), encoder,
                                      -(-DEFAULT_POOL_MIN_PAPERS // CHUNK_SIZE),
                                      _default_parallelism(stats))
    with _progress_bar(progress) as bar:
        for chunk, results in extracted:
            for paper, (rows, count, outcome) in zip(chunk, results):
                if type(outcome) is str:  # the extractor failed on this paper
                    skip(SkippedRecord(paper.source, paper.line, outcome))
                    continue
                stats.papers += 1
                stats.rows += count
                stats.truncated += outcome
                yield rows, count
            bar.update(len(chunk))


def load_claims(paths: Iterable[PathLike], jobs: int | None = 1, fmt: str | None = None,
                on_skip: Callable | None = None, stats: RunStats | None = None) -> pd.DataFrame:
    """One typed claims table from `paths`: a claims table (`tables.is_claims_table`) is read
    as it is, any other file is read as an input corpus and extracted. Tables keep the order of
    `paths`."""
    import pandas as pd  # here, not at the top: `claimboard extract` does not need pandas

    from .output.tables import claims_frame, is_claims_table, read_table

    frames = []
    corpus: list[PathLike] = []  # consecutive inputs, extracted together to share one pool

    def flush_corpus() -> None:
        if corpus:
            frames.append(claims_frame(extract_files(corpus, jobs, fmt, on_skip, stats=stats)))
            corpus.clear()

    for path in paths:
        if is_claims_table(path):
            flush_corpus()
            frames.append(read_table(path))
        else:
            corpus.append(path)
    flush_corpus()
    if not frames:
        return claims_frame([])
    return claims_frame(pd.concat(frames, ignore_index=True)) if len(frames) > 1 else frames[0]
