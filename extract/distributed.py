"""Extraction on a Dask cluster: input files cut into partitions, extracted on the workers, and
written as a partitioned Parquet dataset, one file per partition (`extract_to_dataset`).

- **Partitions.** A JSON Lines input (`jsonl`, `openalex`, `semantic-scholar`) is cut into
  partitions of about `partition_bytes` of decompressed text; a line belongs to the partition in
  which it starts, so every record is read exactly once. A worker reads a plain file from its
  partition's offset on; in a gzip file it decompresses and discards the text before it (gzip
  cannot be entered in the middle), which costs a few percent of the extraction when a file has
  tens of partitions. Other formats are one partition per file. Line numbers in warnings are the
  file's own, as in a run on one machine.
- **Workers** read the inputs and write the dataset themselves: both must be on a file system
  every worker sees (the same paths), and claimboard installed in the workers' environment.
- **Output.** `DEST/part-00000.parquet` ... (the claims columns, as `claimboard extract -o
  FILE.parquet` writes them), each written under a temporary name and renamed when complete;
  `DEST/_progress/part-00000.json` records what each partition read (papers, rows, skipped
  records), and `DEST/_plan.json` the partitions of the run.
- **Resume.** A run into a directory that holds the same plan skips the partitions already
  written (those with a progress record) and reports their counts and skipped records as if it
  had run them; a directory holding another plan (other inputs, another partition size) is
  refused.
- **The same answer.** The rows of all partitions, taken in partition order, are the rows of
  `claimboard extract --jobs 1` on the same inputs, in the same order; one difference: papers
  without an id get a slug of their title made unique within their partition, not their file.
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .output.schema import Paper
from .pipeline import RunStats

#: Decompressed bytes of input per partition: 128 MB is about 80,000 arXiv-snapshot abstracts or
#: 8,000 OpenAlex works, a minute or less of one core's work (docs/scale.md).
PARTITION_BYTES = 128 * 1024 * 1024

#: Decompressed bytes per compressed byte assumed to plan a gzip file's partitions. Only the
#: balance depends on it: the last partition of a file reads to its end.
GZIP_EXPANSION = 5

#: Formats with one record per line, which can be cut between lines.
LINE_FORMATS = ("jsonl", "openalex", "semantic-scholar")

_PLAN = "_plan.json"
_PROGRESS = "_progress"


@dataclass(frozen=True)
class Partition:
    """The lines of `path` that start at or after `start` and before `stop` (None: the end),
    offsets in decompressed bytes."""

    index: int
    path: str
    format: str
    start: int = 0
    stop: int | None = None

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


@dataclass
class PartitionResult:
    """What one partition read: counts, the skipped records as [source, line, reason], and
    whether an earlier run did it."""

    index: int
    papers: int = 0
    rows: int = 0
    skipped: list = field(default_factory=list)
    resumed: bool = False
    #: All skipped records, of which `skipped` lists the first MAX_SKIPPED_REPORTED.
    skipped_count: int = 0


@dataclass
class DatasetStats(RunStats):
    """`RunStats` of a Dask run, with the partitions done now and those found done before."""

    partitions: int = 0
    resumed: int = 0


# ---------------------------------------------------------------------------------------------
# Planning (on the client)


def plan_partitions(paths: Iterable[str | os.PathLike], fmt: str | None = None,
                    partition_bytes: int = PARTITION_BYTES) -> list[Partition]:
    """The partitions of `paths`, in input order. Every file is checked here (exists, readable,
    format known): one that cannot be read raises `InputError` before any work is sent."""
    from .reading import checked_format_name, detect_format
    from .reading.sniff import sniff
    from .reading.source import GZIP_MAGIC

    if partition_bytes < 1:
        raise ValueError(f"partition size must be at least 1 byte: {partition_bytes}")
    partitions: list[Partition] = []
    for path in map(str, paths):
        chosen = checked_format_name(path, fmt) if fmt else detect_format(path)
        head = sniff(path)
        if head.is_whole_file and not head.text.strip():
            continue  # an empty file has no papers, whatever its format (as `read_papers`)
        pieces = 1
        if chosen in LINE_FORMATS:
            with open(path, "rb") as raw:
                gzipped = raw.read(2) == GZIP_MAGIC
            size = os.path.getsize(path) * (GZIP_EXPANSION if gzipped else 1)
            pieces = max(1, -(-size // partition_bytes))
        for piece in range(pieces):
            partitions.append(Partition(
                len(partitions), path, chosen, piece * partition_bytes if pieces > 1 else 0,
                (piece + 1) * partition_bytes if piece < pieces - 1 else None))
    return partitions


# ---------------------------------------------------------------------------------------------
# Reading and extracting one partition (on a worker)


def partition_papers(partition: Partition, on_skip: Callable) -> Iterator[Paper]:
    """The papers of one partition, with the file's own line numbers."""
    from .reading import read_stream
    from .reading.source import open_binary

    with open_binary(partition.path) as stream:
        if partition.format not in LINE_FORMATS or (partition.start == 0
                                                    and partition.stop is None):
            yield from read_stream(stream, partition.format, partition.path, on_skip)
            return
        lines_before, position = _skip_to_line_start(stream, partition.start)
        if partition.stop is not None and position >= partition.stop:
            return
        window = _LineWindow(stream, position, partition.stop)

        def shifted(record) -> None:
            on_skip(dataclasses.replace(record, line=record.line + lines_before))

        for paper in read_stream(window, partition.format, partition.path, shifted):
            yield dataclasses.replace(paper, line=paper.line + lines_before)


def _skip_to_line_start(stream: IO[bytes], start: int) -> tuple[int, int]:
    """Move past the lines that start before `start`; (how many, the position reached)."""
    if start == 0:
        return 0, 0
    lines = position = 0
    remaining = start - 1  # the line holding byte start-1 started before `start`
    while remaining:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            return lines, position
        lines += chunk.count(b"\n")
        position += len(chunk)
        remaining -= len(chunk)
    while True:  # the rest of the line holding byte start-1, in bounded pieces
        rest = stream.readline(1 << 20)
        position += len(rest)
        if not rest or rest.endswith(b"\n"):
            return lines + (1 if rest else 0), position


class _LineWindow:
    """The lines of a stream that start before `stop`, as a stream with `readline`."""

    def __init__(self, stream: IO[bytes], position: int, stop: int | None) -> None:
        self._stream, self._position, self._stop = stream, position, stop
        self._at_line_start = True

    def readline(self, size: int = -1) -> bytes:
        if self._at_line_start and self._stop is not None and self._position >= self._stop:
            return b""
        data = self._stream.readline(size)
        self._position += len(data)
        self._at_line_start = not data or data.endswith(b"\n")
        return data

    def peek(self, size: int = 1) -> bytes:
        """What the next reads would give, not past `stop` (the line readers' look at a run of
        blank lines)."""
        if self._stop is not None and self._position >= self._stop:
            return b""
        data = self._stream.peek(size)
        return data if self._stop is None else data[:self._stop - self._position]

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._position += len(data)
        if data:
            self._at_line_start = data.endswith(b"\n")
        return data


def extract_partition(partition: Partition, dest: str) -> PartitionResult:
    """Extract one partition into ``DEST/part-NNNNN.parquet`` and record what it read in
    ``DEST/_progress/part-NNNNN.json`` (written last: a partition is done once it is there)."""
    from .output.tables import TableWriter
    from .pipeline import write_papers

    stats = RunStats()
    directory = Path(dest)
    with TableWriter(directory / f"{partition.name}.parquet", "parquet") as writer:
        write_papers(partition_papers(partition, stats.add_skipped), writer, stats=stats)
    # the reader's skipped records and the extractor's failures are both counted in stats
    result = PartitionResult(partition.index, stats.papers, stats.rows,
                             [[r.source, r.line, r.reason] for r in stats.skipped],
                             skipped_count=stats.skipped_count)
    _write_json(directory / _PROGRESS / f"{partition.name}.json", {
        "papers": result.papers, "rows": result.rows, "skipped": result.skipped,
        "skipped_count": result.skipped_count})
    return result


def _write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(value), encoding="utf-8")
    os.replace(partial, path)


# ---------------------------------------------------------------------------------------------
# The run (on the client)


def extract_to_dataset(paths: Iterable[str | os.PathLike], dest: str | os.PathLike,
                       scheduler="local", fmt: str | None = None,
                       partition_bytes: int = PARTITION_BYTES, workers: int | None = None,
                       on_skip: Callable | None = None, progress: bool = False,
                       stats: DatasetStats | None = None) -> DatasetStats:
    """Extract `paths` on a Dask cluster into the Parquet dataset directory `dest`.

    `scheduler` is ``"local"`` (a `LocalCluster` on this machine with `workers` processes,
    default one per CPU), a scheduler address (``"tcp://10.0.0.5:8786"``), or a
    `distributed.Client`. Skipped records are passed to `on_skip` in input order, as partitions
    finish, and kept in the returned stats with the counts, as `pipeline.extract_files` does.
    """
    stats = stats if stats is not None else DatasetStats()
    partitions = plan_partitions(paths, fmt, partition_bytes)
    dest = Path(dest)
    _claim_destination(dest, {"partition_bytes": partition_bytes,
                              "partitions": [[p.path, p.format, p.start, p.stop] for p in partitions],
                              "inputs": _input_stamps(partitions)})

    done = {p.index: _progress(dest, p) for p in partitions}
    todo = [p for p in partitions if done[p.index] is None]
    reports = _ReportsInOrder(stats, on_skip)
    for result in done.values():
        if result is not None:
            reports.add(result)
    if todo:
        with _ClientFor(scheduler, workers) as client, _progress_bar(progress, len(todo)) as bar:
            from distributed import as_completed

            futures = client.map(extract_partition, todo, dest=str(dest), pure=False)
            try:
                for future in as_completed(futures):
                    reports.add(future.result())
                    bar.update(1)
            except BaseException:
                client.cancel(futures)
                raise
    return stats


def _claim_destination(dest: Path, plan: dict) -> None:
    """Make `dest` the directory of the run `plan` describes: a new or empty directory gets the
    plan written; one holding the same plan is resumed; any other is refused."""
    from .output.tables import TableError

    plan_file = dest / _PLAN
    if plan_file.exists():
        if json.loads(plan_file.read_text(encoding="utf-8")) != plan:
            raise TableError(f"{dest}: holds the partitions of another run (other inputs or "
                             "another partition size); remove it or choose another directory")
    elif dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise TableError(f"{dest}: exists and is not an empty directory of a Dask run")
    else:
        _write_json(plan_file, plan)


@dataclass
class _ReportsInOrder:
    """Partition results, counted into `stats` (and their skipped records passed to `on_skip`)
    in partition order, whatever order they finish in."""

    stats: DatasetStats
    on_skip: Callable | None
    waiting: dict[int, PartitionResult] = field(default_factory=dict)
    next_index: int = 0

    def add(self, result: PartitionResult) -> None:
        self.waiting[result.index] = result
        while self.next_index in self.waiting:
            self._count(self.waiting.pop(self.next_index))
            self.next_index += 1

    def _count(self, result: PartitionResult) -> None:
        from .reading import SkippedRecord

        stats = self.stats
        for source, line, reason in result.skipped:
            record = SkippedRecord(source, line, reason)
            if stats.add_skipped(record) and self.on_skip is not None:
                self.on_skip(record)
        stats.skipped_count += max(0, result.skipped_count - len(result.skipped))
        stats.papers += result.papers
        stats.rows += result.rows
        stats.partitions += 1
        stats.resumed += result.resumed


def _progress(dest: Path, partition: Partition) -> PartitionResult | None:
    """The result an earlier run recorded for `partition`, or None when it is not done."""
    try:
        record = json.loads((dest / _PROGRESS / f"{partition.name}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not (dest / f"{partition.name}.parquet").is_file():
        return None
    return PartitionResult(partition.index, record["papers"], record["rows"],
                           [list(item) for item in record["skipped"]], resumed=True,
                           skipped_count=record.get("skipped_count", len(record["skipped"])))


def _input_stamps(partitions: list[Partition]) -> list[list]:
    """Path, size and modification time of each input: a changed input is another plan."""
    stamps = []
    for path in dict.fromkeys(p.path for p in partitions):
        status = os.stat(path)
        stamps.append([path, status.st_size, status.st_mtime_ns])
    return stamps


class _ClientFor:
    """A `distributed.Client` for `scheduler`, closed (with its LocalCluster) on exit; a Client
    given by the caller is used as it is and left open."""

    def __init__(self, scheduler, workers: int | None) -> None:
        self._scheduler, self._workers = scheduler, workers
        self._owned: list = []

    def __enter__(self):
        from distributed import Client, LocalCluster

        if isinstance(self._scheduler, Client):
            return self._scheduler
        if self._scheduler == "local":
            cluster = LocalCluster(n_workers=self._workers or os.cpu_count() or 1,
                                   threads_per_worker=1, processes=True,
                                   dashboard_address=":0")  # any free port, not 8787
            self._owned.append(cluster)
            client = Client(cluster)
        else:
            client = Client(self._scheduler)
        self._owned.insert(0, client)
        return client

    def __exit__(self, *exc_info) -> None:
        for resource in self._owned:
            resource.close()


class _NoProgressBar:
    def __enter__(self) -> _NoProgressBar:
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def update(self, count: int) -> None:
        pass


def _progress_bar(shown: bool, total: int):
    """A tqdm bar of partitions done on stderr, or nothing (tqdm not even imported)."""
    if not shown:
        return _NoProgressBar()
    import sys

    from tqdm import tqdm

    return tqdm(total=total, unit=" partitions", file=sys.stderr, dynamic_ncols=True)
