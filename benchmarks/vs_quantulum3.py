"""claimboard against quantulum3, a general-purpose quantity parser, on the same sample abstracts.

Times `extract.engine.claims.extract_paper` and `quantulum3.parser.parse` (defaults) over the first
`--abstracts` abstracts of the bundled sample, prints both throughputs, the speed ratio and how
many quantities each found. The counts are not comparable one for one: quantulum3 reports every
quantity (dataset sizes, years, model sizes included), claimboard only claims (spec section 1).

quantulum3 is the optional `bench` extra: pip install -e '.[bench]'
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable

from corpus import sample_papers

from extract.output.schema import Paper


def load_quantulum3() -> Callable[[str], list]:
    """quantulum3's `parser.parse`, or exit with how to install it."""
    try:
        with warnings.catch_warnings():
            # Without its optional classifier it warns once; the default parser still works.
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError as error:
        sys.exit(f"quantulum3 is not importable ({error}).\n"
                 "Install the benchmark extra: pip install -e '.[bench]'")
    return parser.parse


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Best-of-`repeat` seconds for `run`, and what it returned (a count of findings)."""
    run()  # warm-up: loads rules / unit tables
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = run()
        best = min(best, time.perf_counter() - start)
    return best, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--abstracts", type=int, default=50,
                        help="how many sample abstracts (default 50)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed passes per tool; the fastest is kept (default 3)")
    args = parser.parse_args(argv)

    from extract.engine.claims import extract_paper

    quantulum_parse = load_quantulum3()
    papers: list[Paper] = sample_papers()[:args.abstracts]
    megabytes = sum(len(p.abstract.encode("utf-8")) for p in papers) / 1e6

    def run_claimboard() -> int:
        return sum(len(extract_paper(paper)) for paper in papers)

    def run_quantulum() -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sum(len(quantulum_parse(paper.abstract)) for paper in papers)

    results = {"claimboard": timed(run_claimboard, args.repeat),
               "quantulum3": timed(run_quantulum, args.repeat)}

    print(f"corpus  {len(papers)} sample abstracts, {megabytes:.2f} MB")
    print(f"{'tool':<11} {'seconds':>8} {'abstracts/s':>12} {'MB/s':>8} {'found':>6}")
    for tool, (seconds, found) in results.items():
        print(f"{tool:<11} {seconds:8.3f} {len(papers) / seconds:12,.0f} "
              f"{megabytes / seconds:8.2f} {found:6}")
    ratio = results["quantulum3"][0] / results["claimboard"][0]
    comparison = f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"
    print(f"claimboard is {comparison} than quantulum3 "
          f"('found': claims for claimboard, every quantity for quantulum3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
