"""Corpora for the benchmarks: the bundled sample, and synthetic abstracts made from its sentences.

The synthetic corpora follow the arXiv metadata snapshot's JSON Lines layout (`id`, `title`,
`abstract`, the abstract wrapped at ~80 columns with a leading indent, as the snapshot has it), so
the benchmarks exercise the same reader and the same line-break handling as a real run.
Generation is seeded and streamed, so a 1 GB file costs no more memory than a 1 kB one.
"""
from __future__ import annotations

import json
import random
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from extract.output.schema import Paper, slugify

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "extract" / "data" / "sample" / "hf-daily-papers.txt"

# Sentence ends: '.', '!' or '?' then whitespace, then something that can start a sentence.
# Good enough for recombining sentences; the extractor has its own splitter.
_SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d\"(])")

# In the pasted Daily Papers page an abstract is one long line; titles and page chrome are short.
_MIN_ABSTRACT_CHARS = 200


def sample_papers() -> list[Paper]:
    """The papers of the bundled sample corpus, read by `extract.reading` when it is available."""
    try:
        from extract.reading import read_papers
    except ImportError:  # readers not written yet: read the page layout directly
        return _parse_daily_papers(SAMPLE)
    return list(read_papers(SAMPLE))


def _parse_daily_papers(path: Path) -> list[Paper]:
    """Title/abstract pairs of a pasted Daily Papers page: an abstract follows its title block."""
    blocks = [block.strip() for block in path.read_text(encoding="utf-8").split("\n\n")]
    papers = []
    for title, abstract in zip(blocks, blocks[1:]):
        if len(abstract) >= _MIN_ABSTRACT_CHARS and len(title) < _MIN_ABSTRACT_CHARS:
            papers.append(Paper(slugify(title), title, abstract, str(path)))
    return papers


def split_sentences(abstract: str) -> list[str]:
    """The sentences of an abstract, roughly.

    >>> split_sentences("We reach 73.5% on X. It is 2x faster! Done")
    ['We reach 73.5% on X.', 'It is 2x faster!', 'Done']
    """
    return [s for s in _SENTENCE_END.split(abstract.strip()) if s]


def arxiv_id(index: int) -> str:
    """A new-style arXiv id (YYMM.NNNNN), unique for each index.

    >>> arxiv_id(0), arxiv_id(100_000)
    ('2001.00000', '2002.00000')
    """
    month = index // 100_000
    return f"{20 + month // 12:02d}{1 + month % 12:02d}.{index % 100_000:05d}"


def snapshot_wrap(text: str) -> str:
    """The abstract as the arXiv snapshot stores it: indented, hard-wrapped, newline at the end."""
    return "  " + textwrap.fill(text, width=78, break_long_words=False,
                                break_on_hyphens=False) + "\n"


@dataclass
class SyntheticAbstracts:
    """An endless, seeded stream of arXiv-snapshot records recombined from the sample's sentences.

    Each abstract has as many sentences as a randomly chosen sample abstract, so lengths follow
    the sample's distribution (about 1.6 kB).
    """

    seed: int = 0
    wrap: bool = True

    def __iter__(self) -> Iterator[dict]:
        rng = random.Random(self.seed)
        papers = sample_papers()
        sentences = [s for paper in papers for s in split_sentences(paper.abstract)]
        lengths = [len(split_sentences(paper.abstract)) for paper in papers]
        titles = [paper.title for paper in papers]
        index = 0
        while True:
            abstract = " ".join(rng.choices(sentences, k=rng.choice(lengths)))
            yield {
                "id": arxiv_id(index),
                "title": rng.choice(titles),
                "abstract": snapshot_wrap(abstract) if self.wrap else abstract,
            }
            index += 1


@dataclass
class CorpusFile:
    """What was written: where, how many records, and the size of the abstract text."""

    path: Path
    records: int
    abstract_bytes: int
    file_bytes: int

    @property
    def abstract_mb(self) -> float:
        return self.abstract_bytes / 1e6


@dataclass
class CycledRecords:
    """An endless stream of the records of a JSON Lines file (`id`, `title`, `abstract`, as in
    the arXiv metadata snapshot), taken again and again in file order, each pass's ids made
    distinct ("2503.12014.r1"): real abstracts at any corpus size."""

    source: Path

    def __iter__(self) -> Iterator[dict]:
        with open(self.source, encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines if line.strip()]
        if not records:
            raise ValueError(f"{self.source}: no records")
        cycle = 0
        while True:
            for record in records:
                yield {**record, "id": f"{record['id']}.r{cycle}" if cycle else record["id"]}
            cycle += 1


def write_jsonl(path: Path, records: int | None = None, size_bytes: int | None = None,
                seed: int = 0, source: Path | None = None) -> CorpusFile:
    """Stream records to `path` until `records` are written or the file has `size_bytes`:
    synthetic ones (`seed`), or those of the JSON Lines file `source` again and again."""
    if records is None and size_bytes is None:
        raise ValueError("give records or size_bytes")
    written = abstract_bytes = file_bytes = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in (CycledRecords(source) if source is not None else SyntheticAbstracts(seed)):
            if records is not None and written >= records:
                break
            if size_bytes is not None and file_bytes >= size_bytes:
                break
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += 1
            abstract_bytes += len(record["abstract"].encode("utf-8"))
            file_bytes += len(line.encode("utf-8"))
    return CorpusFile(Path(path), written, abstract_bytes, file_bytes)
