"""Run `claimboard extract` as a child process and measure its wall time and memory.

Memory is reported two ways, both with the standard library only:

* `peak_rss_mb`: the largest resident set of any single process of the run (the CLI or one of
  its reaped workers), from `os.wait4`'s rusage for that one child, so earlier runs do not leak
  into it (`getrusage(RUSAGE_CHILDREN)` keeps the maximum over every child ever waited for).
* `tree_rss_mb`: the peak of the summed resident sets of the whole process tree, sampled from
  /proc every 50 ms (Linux only; None elsewhere). Spawned workers share little beyond library
  code, so the sum is close to what the machine has to hold for a `--jobs N` run.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_PROC = Path("/proc")
_SAMPLE_SECONDS = 0.05


@dataclass
class RunResult:
    """Wall time, memory and outcome of one CLI run."""

    seconds: float
    peak_rss_mb: float
    tree_rss_mb: float | None
    returncode: int
    stderr: str

    def check(self) -> None:
        """Stop the benchmark with the CLI's own message when the run failed."""
        if self.returncode != 0:
            sys.exit(f"claimboard exited with {self.returncode}:\n{self.stderr[-4000:]}")


def claimboard_command() -> list[str]:
    """The `claimboard` console script of this interpreter's environment, else the module."""
    script = Path(sys.executable).with_name("claimboard")
    if script.exists():
        return [str(script)]
    if found := shutil.which("claimboard"):
        return [found]
    return [sys.executable, "-c", "import sys; from extract.cli import main; sys.exit(main())"]


def run_extract(inputs: Sequence[Path], output: Path, jobs: int,
                extra_args: Sequence[str] = ()) -> RunResult:
    """`claimboard extract INPUT... -o OUTPUT --jobs JOBS`, timed and measured."""
    command = [*claimboard_command(), "extract", *map(str, inputs), "-o", str(output),
               "--jobs", str(jobs), *extra_args]
    return run_measured(command)


def run_measured(command: Sequence[str]) -> RunResult:
    """Run `command` to completion, returning its wall time, memory peaks, exit code and stderr."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            max_rss = usage.ru_maxrss
        else:  # no wait4: fall back to the cumulative figure over all children
            import resource

            process.wait()
            max_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        seconds = time.perf_counter() - start
        sampler.stop()
        stderr.seek(0)
        message = stderr.read()
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    peak_mb = max_rss / 1e6 if sys.platform == "darwin" else max_rss * 1024 / 1e6
    return RunResult(seconds, peak_mb, sampler.peak_mb, process.returncode, message)


class _TreeSampler(threading.Thread):
    """Polls /proc for the summed RSS of a process and all its descendants; keeps the peak."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_bytes = 0
        self.available = _PROC.joinpath("self", "statm").exists()
        self._stopping = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE") if self.available else 0

    @property
    def peak_mb(self) -> float | None:
        return self.peak_bytes / 1e6 if self.available else None

    def stop(self) -> None:
        self._stopping.set()
        self.join()

    def run(self) -> None:
        while self.available and not self._stopping.wait(_SAMPLE_SECONDS):
            self.peak_bytes = max(self.peak_bytes, self._tree_rss())

    def _tree_rss(self) -> int:
        children: dict[int, list[int]] = {}
        for entry in _PROC.iterdir():
            if entry.name.isdigit() and (parent := _parent_pid(entry)) is not None:
                children.setdefault(parent, []).append(int(entry.name))
        total, pending = 0, [self.root]
        while pending:
            pid = pending.pop()
            total += _rss_pages(pid) * self._page
            pending.extend(children.get(pid, ()))
        return total


def _parent_pid(proc_entry: Path) -> int | None:
    try:
        stat = (proc_entry / "stat").read_text()
    except OSError:  # the process ended while we looked
        return None
    # Fields after the command name, which is in parentheses and may itself contain spaces.
    return int(stat[stat.rindex(")") + 2:].split()[1])


def _rss_pages(pid: int) -> int:
    try:
        return int((_PROC / str(pid) / "statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
