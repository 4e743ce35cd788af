"""Memory stays flat on a large input (issue 5): `claimboard extract` over a ~1 GB JSON Lines file.

Streams a synthetic arXiv-snapshot corpus of `--size-mb` MB to disk (never held in memory), runs
`claimboard extract FILE -o OUT.csv --jobs N` on it and reports wall time, throughput and peak
resident memory. Target: peak RSS under 300 MB. Takes minutes; not run in CI.

    python benchmarks/memory_stream.py                  # 1 GB, --jobs 1
    python benchmarks/memory_stream.py --size-mb 200 --jobs 2
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from corpus import write_jsonl
from runner import run_extract

TARGET_PEAK_RSS_MB = 300


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1000.0,
                        help="size of the generated JSON Lines file in MB (default 1000)")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for claimboard (default 1)")
    parser.add_argument("--output-format", default="csv", choices=("csv", "jsonl", "parquet"),
                        help="format of the claims table written (default csv)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the corpus and the claims here (default: a temporary "
                             "directory, deleted afterwards)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="claimboard-memory-") as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        corpus = write_jsonl(workdir / "corpus.jsonl", size_bytes=int(args.size_mb * 1e6),
                             seed=args.seed)
        print(f"generated   {corpus.records:,} abstracts, {corpus.file_bytes / 1e6:,.0f} MB file "
              f"({corpus.abstract_mb:,.0f} MB of abstract text) in "
              f"{time.perf_counter() - start:.0f} s")

        output = workdir / f"claims.{args.output_format}"
        run = run_extract([corpus.path], output, args.jobs)
        run.check()
        output_mb = output.stat().st_size / 1e6

    print(f"extracted   in {run.seconds:,.1f} s with --jobs {args.jobs}, "
          f"{output_mb:,.0f} MB of claims written")
    print(f"throughput  {corpus.records / run.seconds:,.0f} abstracts/s, "
          f"{corpus.file_bytes / 1e6 / run.seconds:.2f} MB/s of input")
    tree = f"{run.tree_rss_mb:,.0f} MB" if run.tree_rss_mb is not None else "not measured"
    print(f"memory      peak RSS {run.peak_rss_mb:,.0f} MB (largest process), "
          f"all processes together {tree}")
    verdict = "meets" if run.peak_rss_mb < TARGET_PEAK_RSS_MB else "ABOVE"
    print(f"target      peak RSS < {TARGET_PEAK_RSS_MB} MB: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
