"""The report of `claimboard names`: the names near numbers that no vocabulary knows, counted
over a corpus, so that a user can grow the data files of ``extract/data/`` from their own papers.

A score needs its benchmark and metric, an efficiency figure its hardware; the extractor finds
them through the vocabularies, which were fitted to the papers they were written from. This
report streams any corpus through `name_cues.find_unknown_names` (the cues are declared there)
and counts each name by kind: in how many papers and how many places it was met, with the cue
and the sentence where it was met first. Names are counted by kind and folded spelling
(`vocab.fold`: case and separators ignored; "Recall@10" and "Recall@5" both as "Recall@{k}",
the vocabulary grammar's template), shown in the first spelling met; most papers first.

Memory stays flat on a stream: at most `MAX_NAMES` distinct names are counted (about 1 KB each
with its example sentence, cut to `EXAMPLE_CHARS` characters); a mention of a further name is
counted in `NamesReport.truncated` and not reported.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from ..engine import vocab
from ..inputs import read_papers
from ..output.schema import Paper
from ..reading import OnSkip
from .name_cues import KINDS, find_unknown_names

__all__ = ["EXAMPLE_CHARS", "KINDS", "MAX_NAMES", "NAMES_COLUMNS", "NameCount", "NamesReport",
           "names_report", "unknown_names"]

#: Distinct names counted at most; past it, mentions of new names are counted as truncated.
MAX_NAMES = 20_000
#: How many characters of an example sentence are kept.
EXAMPLE_CHARS = 400

#: The report's table: what `claimboard names` writes and the dashboard downloads.
NAMES_COLUMNS: dict[str, str] = {
    "kind": "str", "name": "str", "papers": "int", "mentions": "int", "cue": "str",
    "example_paper_id": "str", "example_sentence": "str",
}

#: A whole number after "@" ends a template's spelling: "Recall@10" is counted as "Recall@{k}".
_AT_NUMBER = regex.compile(r"@\d+$")


@dataclass(slots=True)
class NameCount:
    """One row of the report: a name of a kind, how often it was met, and where first."""

    kind: str
    name: str
    papers: int
    mentions: int
    cue: str
    example_paper_id: str
    example_sentence: str
    last_paper: int = field(default=-1, repr=False)   # the index of the paper counted last

    def as_row(self) -> dict:
        return {column: getattr(self, column) for column in NAMES_COLUMNS}


@dataclass
class NamesReport:
    """The names of a corpus, most papers first (then most mentions, kind, name)."""

    names: list[NameCount]
    papers: int = 0        # papers read
    truncated: int = 0     # mentions of names met after MAX_NAMES distinct ones were counted

    def rows(self, kind: str | None = None, min_papers: int = 1) -> list[dict]:
        """The rows (dicts keyed by NAMES_COLUMNS) of the names of `kind` (None: every kind)
        met in at least `min_papers` papers."""
        return [count.as_row() for count in self.names
                if (kind is None or count.kind == kind) and count.papers >= min_papers]


def unknown_names(papers: Iterable[Paper], max_names: int = MAX_NAMES) -> NamesReport:
    """Count the names near numbers that no vocabulary knows over a stream of papers.

    >>> report = unknown_names([Paper("1", "A", "We reach 71.2 ZetaScore."),
    ...                         Paper("2", "B", "It gets 70.1 ZetaScore and 3.2 ZetaScore.")])
    >>> [(n.name, n.papers, n.mentions, n.example_paper_id) for n in report.names]
    [('ZetaScore', 2, 3, '1')]
    """
    counts: dict[tuple[str, str], NameCount] = {}
    report = NamesReport([])
    for index, paper in enumerate(papers):
        report.papers += 1
        for found in find_unknown_names(paper):
            key = (found.kind, _AT_NUMBER.sub("@{k}", vocab.fold(found.name)))
            count = counts.get(key)
            if count is None:
                if len(counts) >= max_names:
                    report.truncated += 1
                    continue
                count = counts[key] = NameCount(
                    found.kind, _AT_NUMBER.sub("@{k}", found.name), 0, 0, found.cue,
                    paper.paper_id, _cut(found.sentence))
            count.mentions += 1
            if count.last_paper != index:
                count.last_paper = index
                count.papers += 1
    report.names = sorted(counts.values(), key=lambda c: (-c.papers, -c.mentions,
                                                         KINDS.index(c.kind), c.name.casefold()))
    return report


def names_report(paths: Sequence[str | os.PathLike], fmt: str | None = None,
                 on_skip: OnSkip | None = None, max_names: int = MAX_NAMES) -> NamesReport:
    """`unknown_names` over the papers of every file of `paths` in turn, read one at a time
    (`fmt` and `on_skip` as for `read_papers`). Every file is checked before the first is read."""
    streams = [read_papers(path, fmt, on_skip) for path in paths]
    return unknown_names(itertools.chain.from_iterable(streams), max_names)


def _cut(sentence: str) -> str:
    return sentence if len(sentence) <= EXAMPLE_CHARS else sentence[:EXAMPLE_CHARS - 1] + "…"
