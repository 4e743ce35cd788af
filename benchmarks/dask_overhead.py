"""What Dask costs on one machine: a 2-worker LocalCluster (`claimboard extract --dask local
--jobs 2`) against the process pool (`--jobs 2`) on the same input, end to end (issue 15).

Writes a synthetic arXiv-snapshot JSON Lines corpus (`corpus.py`: the sample's sentences
recombined, fixed seed), then runs, as child processes, each fastest of `--repeat`:

    claimboard extract FILE --jobs 2 -o OUT.parquet
    claimboard extract FILE --dask local --jobs 2 --partition-mb MB -o DIR

with MB chosen so that each worker gets `--partitions-per-worker` partitions. Prints the wall
times, abstracts/s and the overhead of Dask in percent of the `--jobs 2` time, and the same for
CPU time (user + system of the whole process tree, from the kernel's accounting of reaped
children): on a shared machine wall time drifts with the load, CPU time much less. The Dask run pays
for starting a scheduler and two worker processes (and their imports), planning, a Parquet file
per partition and the progress records; on a cluster this is what the per-core throughput loses.

    python benchmarks/dask_overhead.py                 # 20,000 abstracts, 2 repeats
    python benchmarks/dask_overhead.py --abstracts 100k --repeat 3
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--abstracts", default="20k", help="corpus size (default: 20k)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, fastest kept")
    parser.add_argument("--partitions-per-worker", type=int, default=4)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    abstracts = int_list(args.abstracts)[0]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="claimboard-dask-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = write_jsonl(workdir / f"corpus-{abstracts}.jsonl", records=abstracts)
    partition_mb = corpus.file_bytes / (2 * args.partitions_per_worker) / (1024 * 1024)
    print(f"corpus    {corpus.records:,} abstracts, {corpus.file_bytes / 1e6:.1f} MB file; "
          f"Dask partitions of {partition_mb:.2f} MB ({2 * args.partitions_per_worker} in all)")

    def pool_run():
        return run_measured([*claimboard_command(), "extract", str(corpus.path), "--jobs", "2",
                             "-o", str(workdir / "claims.parquet")])

    def dask_run():
        shutil.rmtree(workdir / "dataset", ignore_errors=True)  # no resuming between repeats
        return run_measured([*claimboard_command(), "extract", str(corpus.path), "--dask",
                             "local", "--jobs", "2", "--partition-mb", f"{partition_mb:.6f}",
                             "-o", str(workdir / "dataset")])

    fastest, least_cpu = {}, {}
    for name, run in (("--jobs 2", pool_run), ("--dask local --jobs 2", dask_run)):
        runs = [_with_cpu(run) for _ in range(args.repeat)]
        for result, _ in runs:
            result.check()
        fastest[name] = min(result.seconds for result, _ in runs)
        least_cpu[name] = min(cpu for _, cpu in runs)
        print(f"{name:24s} {fastest[name]:7.2f} s wall  {corpus.records / fastest[name]:7,.0f} "
              f"abstracts/s  {least_cpu[name]:7.2f} s CPU  (runs, wall/CPU: "
              f"{', '.join(f'{r.seconds:.2f}/{cpu:.2f}' for r, cpu in runs)})")
    for label, figures in (("wall", fastest), ("CPU", least_cpu)):
        pool, dask = figures["--jobs 2"], figures["--dask local --jobs 2"]
        print(f"overhead  {label:4s} Dask LocalCluster (2 workers) against --jobs 2: "
              f"{100 * (dask - pool) / pool:+.0f}% ({dask - pool:+.2f} s)")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


def _with_cpu(run):
    """(the run's result, CPU seconds of it and every process it started and reaped)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


if __name__ == "__main__":
    main()
