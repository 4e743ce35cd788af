"""How extraction cost grows with corpus size and with worker processes (issue 5).

Generates synthetic arXiv-snapshot JSON Lines corpora (1k, 10k, 100k abstracts by default,
recombined from the sample's sentences with a fixed seed), runs
`claimboard extract FILE -o OUT.csv --jobs N` on each as a child process, and prints wall time,
throughput and peak memory, then the cost linearity (largest/smallest time against the size
ratio) and the speedup from 1 to 2 jobs.

Targets: >= 2,000 abstracts/s per core; near-linear scaling to 2 cores; 100k abstracts take about
100x the time of 1k.

    python benchmarks/scale.py            # 1k, 10k, 100k; jobs 1 and 2
    python benchmarks/scale.py --quick    # 1k and 10k only
    python benchmarks/scale.py --sizes 1000,50000 --jobs 1,2,4
    python benchmarks/scale.py --source ../shared/corpus/arxiv-2025.jsonl   # real abstracts, repeated

The target is judged on the synthetic corpora. They are recombined from the sample's Daily
Papers abstracts, which are denser in claims than arXiv at large (about 1.9 claims per abstract
against 0.65 in the 2,000 arXiv abstracts of 2025), so `--source` with real abstracts shows what
a corpus of ordinary papers costs.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from corpus import CorpusFile, write_jsonl
from runner import RunResult, run_extract

from extract import pipeline

TARGET_PER_CORE = 2_000
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)

# A small run, mostly the fixed cost of every run (interpreter start, imports, worker start-up),
# anchors the cost-per-extra-abstract figures below. It is the smallest input for which the
# pipeline starts its worker pool; below that, `--jobs 2` runs in-process and starts no workers.
BASELINE_SIZE = pipeline.CHUNK_SIZE * getattr(pipeline, "POOL_MIN_CHUNKS", 2)


@dataclass
class Measurement:
    corpus: CorpusFile
    jobs: int
    run: RunResult

    @property
    def abstracts_per_second(self) -> float:
        return self.corpus.records / self.run.seconds

    @property
    def mb_per_second(self) -> float:
        return self.corpus.abstract_mb / self.run.seconds


def int_list(text: str) -> list[int]:
    """'1000,10k' -> [1000, 10000].

    >>> int_list("1000, 10k,1m")
    [1000, 10000, 1000000]
    """
    factors = {"k": 1_000, "m": 1_000_000}
    values = []
    for part in text.lower().replace(" ", "").split(","):
        factor = factors.get(part[-1:], 1)
        values.append(int(part[:-1] if factor > 1 else part) * factor)
    return values


def measure(corpus: CorpusFile, jobs: int, workdir: Path, repeat: int = 1) -> Measurement:
    """The fastest of `repeat` runs of the CLI on `corpus` (the least disturbed by other load)."""
    runs = []
    for _ in range(repeat):
        run = run_extract([corpus.path], workdir / f"claims-{corpus.records}-j{jobs}.csv", jobs)
        run.check()
        runs.append(run)
    return Measurement(corpus, jobs, min(runs, key=lambda run: run.seconds))


def print_table(measurements: list[Measurement]) -> None:
    header = (f"{'abstracts':>10} {'jobs':>4} {'seconds':>8} {'abstracts/s':>12} {'MB/s':>7} "
              f"{'peak RSS MB':>11} {'tree RSS MB':>11}")
    print(header)
    print("-" * len(header))
    for m in measurements:
        tree = f"{m.run.tree_rss_mb:11.0f}" if m.run.tree_rss_mb is not None else f"{'-':>11}"
        print(f"{m.corpus.records:>10,} {m.jobs:>4} {m.run.seconds:8.2f} "
              f"{m.abstracts_per_second:12,.0f} {m.mb_per_second:7.2f} "
              f"{m.run.peak_rss_mb:11.0f} {tree}")


def marginal_milliseconds(smaller: Measurement, larger: Measurement) -> float:
    """Milliseconds per extra abstract from one size to the next: the cost without the fixed part."""
    extra = larger.corpus.records - smaller.corpus.records
    return 1000 * (larger.run.seconds - smaller.run.seconds) / extra


def print_summary(measurements: list[Measurement], baselines: dict[int, Measurement],
                  sizes: list[int], jobs_list: list[int], source: Path | None = None) -> None:
    by_key = {(m.corpus.records, m.jobs): m for m in measurements}
    smallest, largest = min(sizes), max(sizes)
    print()
    for jobs in jobs_list:
        ratio = by_key[largest, jobs].run.seconds / by_key[smallest, jobs].run.seconds
        print(f"linearity   jobs {jobs}: {largest:,} abstracts took {ratio:.1f}x the time of "
              f"{smallest:,} (size ratio {largest / smallest:.0f}x)")
        # Linear cost means the same price for every extra abstract, whatever the size.
        chain = [by_key[size, jobs] for size in sizes]
        if baselines[jobs].corpus.records < smallest:
            chain.insert(0, baselines[jobs])
        steps = ", ".join(f"{a.corpus.records:,}->{b.corpus.records:,}: "
                          f"{marginal_milliseconds(a, b):.2f}"
                          for a, b in zip(chain, chain[1:]))
        print(f"            ms per extra abstract {steps} (equal = linear)")
    if 1 in jobs_list:
        for jobs in jobs_list:
            if jobs == 1:
                continue
            for size in sizes:
                speedup = by_key[size, 1].run.seconds / by_key[size, jobs].run.seconds
                print(f"speedup     {size:>9,} abstracts: jobs {jobs} is {speedup:.2f}x jobs 1 "
                      f"({speedup / jobs:.0%} of linear)")
    best_single = max(m.abstracts_per_second for m in measurements if m.jobs == 1) \
        if 1 in jobs_list else None
    if best_single is not None and source is not None:  # the target is the synthetic corpora's
        print(f"per core    (end to end, jobs 1) on {source.name}'s records: {best_single:,.0f} abstracts/s; "
              f"the {TARGET_PER_CORE:,}/s target is judged on the synthetic corpora")
    elif best_single is not None:
        verdict = "meets" if best_single >= TARGET_PER_CORE else "BELOW"
        print(f"target      >= {TARGET_PER_CORE:,} abstracts/s per core (end to end, jobs 1): "
              f"{best_single:,.0f}, {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int_list, default=None,
                        help="comma-separated corpus sizes in abstracts, e.g. 1k,10k,100k")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} only")
    parser.add_argument("--jobs", type=int_list, default=[1, 2],
                        help="comma-separated --jobs values to compare (default 1,2)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per measurement; the fastest is kept (default 1)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source", type=Path, default=None,
                        help="make the corpora of this JSON Lines file's records (id, title, abstract), "
                             "repeated with distinct ids, instead of synthetic ones: e.g. real abstracts")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep corpora and outputs here (default: a temporary directory)")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES))

    with tempfile.TemporaryDirectory(prefix="claimboard-scale-") as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        corpora = {size: write_jsonl(workdir / f"corpus-{size}.jsonl", records=size,
                                     seed=args.seed, source=args.source)
                   for size in [BASELINE_SIZE, *sizes]}
        for size in sizes:
            c = corpora[size]
            print(f"corpus {size:>9,} abstracts: {c.abstract_mb:8.1f} MB of abstract text, "
                  f"{c.file_bytes / 1e6:8.1f} MB file")
        print()
        baselines = {jobs: measure(corpora[BASELINE_SIZE], jobs, workdir, args.repeat)
                     for jobs in args.jobs}
        measurements = [measure(corpora[size], jobs, workdir, args.repeat)
                        for size in sizes for jobs in args.jobs]
    print_table(measurements)
    print_summary(measurements, baselines, sizes, args.jobs, args.source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
