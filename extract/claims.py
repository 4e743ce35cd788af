"""Claim extraction rules (STUB: being written; the interface is final)."""
from __future__ import annotations

from typing import Iterable

import pandas as pd
import regex

from .schema import COLUMNS, Paper

_PERCENT = regex.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%")


def extract_paper(paper: Paper) -> list[dict]:
    """Rows (dicts keyed by COLUMNS) for one paper, ordered by char_start."""
    rows = []
    for m in _PERCENT.finditer(paper.abstract):
        row = dict.fromkeys(COLUMNS)
        row.update(paper_id=paper.paper_id, title=paper.title, kind="score", value=float(m[1]),
                   unit="%", value_si=float(m[1]), unit_si="%", sentence=paper.abstract,
                   char_start=m.start(1), char_end=m.end(1), rule="stub.percent")
        rows.append(row)
    return rows


def extract_claims(papers: Iterable[Paper]) -> pd.DataFrame:
    """The claims table for `papers`, columns exactly as spec section 2."""
    rows = [row for paper in papers for row in extract_paper(paper)]
    return pd.DataFrame(rows, columns=list(COLUMNS))
