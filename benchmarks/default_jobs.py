"""Whether the default number of jobs helps: `claimboard extract` without `--jobs` against
`--jobs 1` and `--jobs 2` on small and mid-sized inputs (issue 15, item 5).

Before the change the default started one worker per CPU for anything over 256 papers, and on
1,500 abstracts took 3.8-6.0 s against 1.5-2.1 s for `--jobs 1`. Now the default runs in one
process below `pipeline.DEFAULT_POOL_MIN_PAPERS` papers: its time should be that of `--jobs 1`
there, and that of `--jobs 2` (on 2 CPUs) above. Prints each, fastest of `--repeat`, in wall
time and in CPU time of the whole process tree (which a shared machine's load disturbs less).

    python benchmarks/default_jobs.py                   # 1,500 and 20,000 abstracts
    python benchmarks/default_jobs.py --sizes 1500,5k,10k --repeat 3
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
from pathlib import Path

from corpus import write_jsonl
from runner import claimboard_command, run_measured
from scale import int_list

from extract import pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1500,20k")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="claimboard-jobs-"))
    print(f"default: one process below {pipeline.DEFAULT_POOL_MIN_PAPERS:,} papers, else "
          f"{pipeline.default_jobs()} workers (one per CPU)")
    print(f"{'abstracts':>10} {'jobs':>8} {'seconds':>8} {'abstracts/s':>12} {'CPU s':>8}")
    try:
        for size in int_list(args.sizes):
            corpus = write_jsonl(workdir / f"corpus-{size}.jsonl", records=size)
            for jobs in ("default", "1", "2"):
                command = [*claimboard_command(), "extract", str(corpus.path), "-o",
                           str(workdir / "claims.csv")]
                if jobs != "default":
                    command += ["--jobs", jobs]
                runs = [_with_cpu(command) for _ in range(args.repeat)]
                for result, _ in runs:
                    result.check()
                best = min(result.seconds for result, _ in runs)
                cpu = min(seconds for _, seconds in runs)
                print(f"{size:>10,} {jobs:>8} {best:>8.2f} {size / best:>12,.0f} {cpu:>8.2f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _with_cpu(command):
    """(the run's result, CPU seconds of it and every process it started and reaped)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run_measured(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


if __name__ == "__main__":
    main()
