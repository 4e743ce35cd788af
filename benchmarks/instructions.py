"""Work per abstract in CPU instructions (callgrind): a measure of extraction cost that does not
drift with the machine's load or speed, unlike seconds.

Runs this script twice under `valgrind --tool=callgrind`: once extracting only a warm-up set of
abstracts, once extracting `--abstracts` more after it; the difference, divided by their number,
is the instructions per abstract of `extract_paper` alone (start-up, reading and warm-up cancel
out). The abstracts are synthetic arXiv-snapshot records (corpus.py, fixed seed). Takes a few
minutes: callgrind runs Python about 50 times slower. Needs valgrind (Debian: `apt-get install
valgrind`).

    python benchmarks/instructions.py [--abstracts 150]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from itertools import islice
from pathlib import Path

WARM_UP = 100


def _extract(count: int, made: int) -> None:
    """The measured child: make `made` abstracts (both runs make as many, so that making them
    cancels out), extract WARM_UP of them, then `count` more."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import SyntheticAbstracts

    from extract.engine.claims import extract_paper
    from extract.output.schema import Paper

    records = islice(SyntheticAbstracts(seed=0), WARM_UP + made)
    papers = [Paper(r["id"], r["title"], r["abstract"]) for r in records]
    for paper in papers[:WARM_UP + count]:
        extract_paper(paper)


def _instructions(count: int, made: int, workdir: Path) -> int:
    out = workdir / f"callgrind.{count}"
    # a fixed hash seed: set and dict orders, and so the work, are the same every run
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    # and fixed addresses: objects hashed by identity (rule conditions, cues) sit in sets and dicts
    # whose order, and so the work, follows where they were allocated; with address space
    # randomisation two runs of the same code read 2.99 M and 3.12 M, without it 3.04 M and 3.05 M
    fixed_addresses = ["setarch", "-R"] if shutil.which("setarch") else []
    done = subprocess.run([*fixed_addresses, "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                           sys.executable, __file__, "--child", str(count), str(made)],
                          capture_output=True, text=True, env=env)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"callgrind run failed:\n{done.stderr[-2000:]}")
    return int(found[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--abstracts", type=int, default=150,
                        help="abstracts measured after the warm-up (default 150)")
    parser.add_argument("--child", type=int, nargs=2, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        _extract(*args.child)
        return 0
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as workdir:
        base = _instructions(0, args.abstracts, Path(workdir))
        total = _instructions(args.abstracts, args.abstracts, Path(workdir))
    per_abstract = (total - base) / args.abstracts
    print(f"abstracts    {args.abstracts} synthetic (after {WARM_UP} warm-up)")
    print(f"instructions {per_abstract / 1e6:.2f} million per abstract (extract_paper, callgrind)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
