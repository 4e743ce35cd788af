"""Per-core cost of the large corpora's readers (issue 15): OpenAlex works and Semantic Scholar
abstracts records, read alone and read + extracted, in CPU seconds of this process (not wall
time: on a shared machine CPU time drifts far less). The figures feed the cost estimate of
docs/scale.md.

Generated records (the sample's sentences recombined, `corpus.SyntheticAbstracts`, fixed seed):

- OpenAlex: a work of `--work-kb` kB on average (metadata filler standing for authorships,
  locations, concepts and referenced works), the abstract as `abstract_inverted_index`; a share
  `--without-abstract` of the works have none, as about half of OpenAlex;
- Semantic Scholar: `abstracts` dataset records (corpusid, openaccessinfo, abstract).

    python benchmarks/corpus_readers.py                  # 4,000 records of each
    python benchmarks/corpus_readers.py --records 20k --work-kb 8
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from itertools import islice
from pathlib import Path

from corpus import SyntheticAbstracts
from scale import int_list

from extract.engine.claims import extract_paper
from extract.reading import read_papers


def _inverted(text: str) -> dict:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(text.split()):
        index.setdefault(word, []).append(position)
    return index


def openalex_lines(records: int, work_kb: float, without_abstract: float):
    rng = random.Random(1)
    for number, record in enumerate(islice(SyntheticAbstracts(seed=1, wrap=False), records)):
        work = {"id": f"https://openalex.org/W{4_000_000_000 + number}",
                "doi": f"https://doi.org/10.1234/x.{number}", "title": record["title"],
                "display_name": record["title"], "publication_date": "2024-05-01",
                "abstract_inverted_index": (None if rng.random() < without_abstract
                                            else _inverted(record["abstract"]))}
        line = json.dumps(work)
        filler = max(0, int(work_kb * 1000) - len(line))
        work["referenced_works"] = [f"https://openalex.org/W{rng.randrange(10**9, 10**10)}"
                                    for _ in range(filler // 36)]
        yield json.dumps(work)


def s2_lines(records: int):
    for number, record in enumerate(islice(SyntheticAbstracts(seed=2, wrap=False), records)):
        yield json.dumps({"corpusid": 200_000_000 + number, "abstract": record["abstract"],
                          "openaccessinfo": {"externalids": {"ArXiv": None, "DOI": None},
                                             "license": None, "url": None, "status": None}})


def measure(path: Path, records: int) -> None:
    size = path.stat().st_size
    start = time.process_time()
    papers = list(read_papers(path))
    read_cpu = time.process_time() - start
    extract_paper(papers[0])  # rules loaded and compiled outside the measure
    start = time.process_time()
    rows = sum(len(extract_paper(paper)) for paper in papers)
    extract_cpu = time.process_time() - start
    total = read_cpu + extract_cpu
    print(f"{path.stem:18s} {records:>8,} records {size / 1e6:8.1f} MB  {len(papers):>7,} "
          f"abstracts  read {size / 1e6 / read_cpu:6.1f} MB/s {records / read_cpu:>8,.0f} "
          f"records/s  read+extract {len(papers) / total:>6,.0f} abstracts/s "
          f"{size / 1e6 / total:5.1f} MB/s per core  ({rows:,} claims)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", default="4k")
    parser.add_argument("--work-kb", type=float, default=6.0,
                        help="average OpenAlex work size in kB (default: 6)")
    parser.add_argument("--without-abstract", type=float, default=0.5)
    args = parser.parse_args()
    records = int_list(args.records)[0]
    with tempfile.TemporaryDirectory(prefix="claimboard-corpora-") as directory:
        works = Path(directory) / "openalex-works.jsonl"
        works.write_text("\n".join(openalex_lines(records, args.work_kb,
                                                  args.without_abstract)) + "\n")
        abstracts = Path(directory) / "s2-abstracts.jsonl"
        abstracts.write_text("\n".join(s2_lines(records)) + "\n")
        print(f"CPU seconds of this process; OpenAlex works of about {args.work_kb:g} kB, "
              f"{args.without_abstract:.0%} without abstract")
        measure(works, records)
        measure(abstracts, records)


if __name__ == "__main__":
    main()
