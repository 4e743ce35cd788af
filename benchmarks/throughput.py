"""Single-core extraction throughput (issue 2): abstracts/s and MB/s of `extract_paper`.

The sample corpus is repeated until it holds at least `--min-mb` MB of abstract text, then every
paper goes through `extract.engine.claims.extract_paper` in this process, on one core, with no
multiprocessing and no file reading or writing in the timed part. Target: >= 1,000 abstracts/s.

    python benchmarks/throughput.py            # figures
    python benchmarks/throughput.py --profile  # plus the functions where the time goes
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from dataclasses import replace

from corpus import sample_papers

from extract.output.schema import Paper

TARGET_ABSTRACTS_PER_SECOND = 1_000


def repeated_corpus(papers: list[Paper], min_bytes: int) -> list[Paper]:
    """`papers` repeated (with distinct ids) until their abstracts hold at least `min_bytes`."""
    corpus: list[Paper] = []
    size = 0
    while size < min_bytes:
        for paper in papers:
            corpus.append(replace(paper, paper_id=f"{paper.paper_id}#{len(corpus)}"))
            size += len(paper.abstract.encode("utf-8"))
    return corpus


def extract_all(papers: list[Paper]) -> int:
    """Rows found in `papers`, extracted one paper at a time, as a worker does."""
    from extract.engine.claims import extract_paper

    return sum(len(extract_paper(paper)) for paper in papers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-mb", type=float, default=10.0,
                        help="abstract text to extract, in MB (default 10)")
    parser.add_argument("--profile", action="store_true",
                        help="run under cProfile and print the top functions")
    parser.add_argument("--top", type=int, default=30, help="functions to list with --profile")
    parser.add_argument("--repeat", type=int, default=3,
                        help="passes over the corpus (default 3); the median pass is judged, the "
                             "best and worst are shown, as this machine's speed varies between runs")
    args = parser.parse_args(argv)

    papers = sample_papers()
    corpus = repeated_corpus(papers, int(args.min_mb * 1e6))
    megabytes = sum(len(p.abstract.encode("utf-8")) for p in corpus) / 1e6

    # The first call loads vocabularies and compiles patterns; time it apart from the steady state.
    start = time.perf_counter()
    extract_all(papers[:1])
    warm_up = time.perf_counter() - start

    profiler = cProfile.Profile() if args.profile else None
    passes = []
    for _ in range(1 if profiler else max(1, args.repeat)):
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        rows = extract_all(corpus)
        if profiler:
            profiler.disable()
        passes.append(time.perf_counter() - start)
    seconds = statistics.median(passes)

    rate = len(corpus) / seconds
    print(f"corpus      {len(corpus):,} abstracts ({len(papers)} sample papers repeated), "
          f"{megabytes:.1f} MB of abstract text")
    print(f"first call  {warm_up:.3f} s (loading rules, not counted below)")
    print(f"extracted   {rows:,} rows in {seconds:.2f} s on one core"
          + (" (under cProfile: slower than real)" if profiler else ""))
    print(f"throughput  {rate:,.0f} abstracts/s, {megabytes / seconds:.2f} MB/s, "
          f"{rows / seconds:,.0f} rows/s (median of {len(passes)} passes)")
    if len(passes) > 1:
        print(f"passes      best {len(corpus) / min(passes):,.0f}, worst {len(corpus) / max(passes):,.0f} "
              f"abstracts/s")
    verdict = "meets" if rate >= TARGET_ABSTRACTS_PER_SECOND else "BELOW"
    print(f"target      >= {TARGET_ABSTRACTS_PER_SECOND:,} abstracts/s: {verdict}")

    if profiler:
        for order in ("tottime", "cumulative"):
            print(f"\n--- top {args.top} functions by {order} ---")
            pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats(order) \
                .print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
