"""How fast the dashboard first renders its leaderboard view on a 100,000-row claims table.

Generates a synthetic claims table (fixed seed) and writes it as Parquet with
`extract.output.tables.write_table`, then runs ``dashboard/app.py`` on it with
``streamlit.testing.v1.AppTest`` (the table given as the app's command-line input, as
``claimboard dashboard TABLE`` does) and prints the seconds of the first, cold run: reading the
table, preparing its boards (systems folded, setting flags read, each claim's board), listing
them, ranking the first one and rendering the table, the evidence, the ranking chart and the
best-over-time chart. Later
runs reuse Streamlit's caches and are printed as warm runs. Target: the cold run under 3 s.

    .venv/bin/python benchmarks/dashboard_render.py [--rows 100000] [--seed 20250901] [--warm 2]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "app.py"
TARGET_SECONDS = 3.0

# Kinds and how often they occur in the synthetic table (score claims dominate, as in abstracts).
KIND_WEIGHTS = {"score": 0.55, "delta": 0.12, "speedup": 0.09, "reduction": 0.08,
                "throughput": 0.06, "latency": 0.05, "memory": 0.05}
UNITS = {"score": ["%", ""], "delta": ["%", "pp"], "speedup": ["x", "%"], "reduction": ["x", "%"],
         "throughput": ["token/s", "frame/s"], "latency": ["ms", "s"], "memory": ["GB", "MB"]}
METRICS = ["accuracy", "pass@1", "AP", "F1", "FID", "error", "top-1 accuracy", "BLEU"]
HARDWARE = ["", "A100", "H100", "H800", "V100", "T4", "RTX 4090", "Ascend 910C"]
QUALIFIERS = ["", "", "", "", "", "", "", "up_to", "about", "over"]


def synthetic_claims(rows: int, seed: int) -> pd.DataFrame:
    """A claims table of `rows` rows with every column of the spec, reproducible from `seed`."""
    from extract.output.schema import COLUMNS

    rng = np.random.default_rng(seed)
    papers = max(1, rows // 5)
    benchmarks = ["MATH500", "AIME24", "GPQA Diamond", "ImageNet", "COCO", "CIFAR-10",
                  *(f"SynthBench-{i:03d}" for i in range(200))]
    kinds = rng.choice(list(KIND_WEIGHTS), size=rows, p=list(KIND_WEIGHTS.values()))
    paper = rng.integers(0, papers, size=rows)
    subject = rng.integers(0, 5000, size=rows)
    # Skewed so that the first benchmarks hold many claims, as popular ones do.
    benchmark = np.minimum(rng.zipf(1.3, size=rows) - 1, len(benchmarks) - 1)
    quality = np.isin(kinds, ["score", "delta"])
    unit_pick = rng.integers(0, 2, size=rows)
    value = np.round(rng.uniform(0.5, 99.5, size=rows), 2)
    start = rng.integers(0, 1500, size=rows)
    frame = pd.DataFrame({
        "paper_id": [f"2501.{p:05d}" for p in paper],
        "title": [f"Synthetic paper {p}: a method that does better" for p in paper],
        "kind": kinds,
        "subject": [f"Model-{s}" for s in subject],
        "benchmark": np.where(quality, np.array(benchmarks, dtype=object)[benchmark], ""),
        "metric": np.where(quality, rng.choice(METRICS, size=rows, p=[.5, .15, .1, .1, .05, .04,
                                                                      .03, .03]), ""),
        "value": value,
        "unit": [UNITS[k][u] for k, u in zip(kinds, unit_pick)],
        "qualifier": rng.choice(QUALIFIERS, size=rows),
        "hardware": np.where(quality, "", rng.choice(HARDWARE, size=rows)),
        "condition": rng.choice(["", "zero-shot", "with RAG", "4K context, FP8"], size=rows),
        "char_start": start,
        "char_end": start + 4,
        "rule": "synthetic",
        # papers of 2023-2025, a few without a date (as a pasted page gives none)
        "date": np.where(paper % 10 == 0, "", np.array(
            [f"{2023 + p % 3}-{1 + p % 12:02d}-{1 + p % 28:02d}" for p in paper], dtype=object)),
    })
    frame["sentence"] = ("On " + frame["benchmark"] + ", " + frame["subject"] + " reaches "
                         + frame["value"].astype(str) + frame["unit"] + ".")
    for column in COLUMNS:
        if column not in frame:
            frame[column] = None
    return frame[list(COLUMNS)]


def time_first_render(table: Path, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each AppTest run of the app on `table`: the first cold, the rest
    warm. CPU seconds (all threads of this process) are printed too: on a machine shared with
    other work, wall time grows with the load and CPU time much less."""
    from streamlit.testing.v1 import AppTest

    saved_argv = sys.argv
    sys.argv = [str(APP), str(table)]
    try:
        times = []
        for _ in range(runs):
            app = AppTest.from_file(str(APP), default_timeout=120)
            started, cpu = time.perf_counter(), time.process_time()
            app.run()
            times.append((time.perf_counter() - started, time.process_time() - cpu))
            if app.exception:
                raise SystemExit(f"the app raised: {app.exception[0].message}")
            if not app.dataframe:
                raise SystemExit("the leaderboard table did not render")
        return times
    finally:
        sys.argv = saved_argv


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20250901)
    parser.add_argument("--warm", type=int, default=2, help="warm runs after the cold one")
    args = parser.parse_args()

    from extract.output.tables import write_table

    with tempfile.TemporaryDirectory(prefix="claimboard-bench-") as directory:
        table = Path(directory) / "claims.parquet"
        started = time.perf_counter()
        write_table(synthetic_claims(args.rows, args.seed), table)
        print(f"generated {args.rows} synthetic claims in {time.perf_counter() - started:.1f} s "
              f"({table.stat().st_size / 1e6:.1f} MB Parquet)")
        load = os.getloadavg()[0]
        (cold, cold_cpu), *warm = time_first_render(table, 1 + args.warm)
    verdict = "ok" if cold < TARGET_SECONDS else f"SLOWER than the {TARGET_SECONDS:.0f} s target"
    print(f"load average before the runs: {load:.1f} on {os.cpu_count()} cores")
    print(f"leaderboard view, first render (cold caches): {cold:.2f} s, {cold_cpu:.2f} s CPU  "
          f"[{verdict}]")
    for seconds, cpu in warm:
        print(f"leaderboard view, warm rerun: {seconds:.2f} s, {cpu:.2f} s CPU")
    print(f"throughput: {args.rows / cold:,.0f} claims/s on the first render")
    return 0


if __name__ == "__main__":
    sys.exit(main())
