"""Draw the papers of the wide-corpus golden file from the arXiv corpus, reproducibly.

    python scripts/draw_golden_sample.py ../shared/corpus/arxiv-2025.jsonl golden/arxiv-2025-sample.jsonl

Most papers are drawn from those whose abstract holds a result-like number (a percentage, a
factor, points, a metric word next to a number); some are drawn from the rest at random, so the
golden file also holds papers without claims, where a precise extractor writes nothing. The
draw depends only on the seed and the corpus; the lines are copied verbatim, in corpus order.
The extractor is not run here: the golden rows are written blind to it.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261205
WITH_RESULTS = 180
AT_RANDOM = 40

# A number followed by a result unit, or a metric/result word within a few words of a number.
RESULT_LIKE = re.compile(
    r"\d(?:\.\d+)?\s*(?:\\?%|x\b|×|times\b|-?fold\b|points?\b|pp\b|percentage points?)"
    r"|(?:accuracy|F1|BLEU|ROUGE|AUC|mAP|AP|FID|speed-?up|faster|throughput|latency|"
    r"success rate|win rate|pass@\d+|error|perplexity)\W+(?:\w+\W+){0,4}?\d",
    re.IGNORECASE,
)


def draw(lines: list[str], seed: int = SEED, with_results: int = WITH_RESULTS,
         at_random: int = AT_RANDOM) -> list[str]:
    """The drawn lines, in corpus order."""
    result_like, rest = [], []
    for index, line in enumerate(lines):
        abstract = json.loads(line)["abstract"]
        (result_like if RESULT_LIKE.search(abstract) else rest).append(index)
    rng = random.Random(seed)
    chosen = rng.sample(result_like, min(with_results, len(result_like)))
    chosen += rng.sample(rest, min(at_random, len(rest)))
    return [lines[index] for index in sorted(chosen)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    lines = [line for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    drawn = draw(lines, args.seed)
    if args.output.resolve() == args.corpus.resolve():
        sys.exit("the output would replace the corpus")
    args.output.write_text("".join(line + "\n" for line in drawn), encoding="utf-8")
    print(f"{len(drawn)} of {len(lines)} papers -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
