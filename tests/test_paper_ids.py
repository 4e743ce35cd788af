"""arXiv ids found by title for papers that have none (`extract.output.papers.ids_by_title`):
a pasted Daily Papers page (title slugs) loaded beside an arXiv corpus."""
from __future__ import annotations

import pandas as pd
import pytest

from extract.output.papers import ids_by_title


def table(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["paper_id", "title", "date"])


CASES = {
    # the sample's slug and the wide corpus's record of the same paper, spelled apart
    "sample slug beside its arXiv record": (
        [table(("vision-r1", "Vision-R1: Incentivizing Reasoning", "")),
         table(("2503.06749", "Vision-R1:  incentivizing reasoning", "2025-03-10"))],
        {"vision-r1": ("2503.06749", "2025-03-10")}),
    "old-style arXiv id": (
        [table(("old-paper", "An Old Paper", ""), ("hep-th/9901001", "An old paper", "1999-01"))],
        {"old-paper": ("hep-th/9901001", "1999-01")}),
    "a title two arXiv ids share resolves to neither": (
        [table(("twin", "Twin", ""), ("2501.00001", "Twin", ""), ("2501.00002", "Twin", ""))],
        {}),
    "every paper has an arXiv id: nothing to find": (
        [table(("2501.00001", "A", "2025-01"), ("2501.00002", "B", ""))], {}),
    "no arXiv record of the title": (
        [table(("a-slug", "A title", ""), ("2501.00001", "Another title", ""))], {}),
    "a six-digit number is no arXiv id": (
        [table(("2503.067491", "Same", ""), ("2503.06749", "Same", ""))],
        {"2503.067491": ("2503.06749", "")}),
    "empty tables": ([table()], {}),
}


@pytest.mark.parametrize("tables, expected", CASES.values(), ids=CASES.keys())
def test_ids_by_title(tables, expected):
    found = ids_by_title(*tables)
    assert list(found.columns) == ["paper_id", "arxiv_id", "date"]
    assert {row.paper_id: (row.arxiv_id, row.date) for row in found.itertuples()} == expected


def test_ids_by_title_reads_arrow_string_columns():
    """Tables read from Parquet hold Arrow strings."""
    tables = CASES["sample slug beside its arXiv record"][0]
    found = ids_by_title(*(t.astype("string[pyarrow]") for t in tables))
    assert list(found["arxiv_id"]) == ["2503.06749"]
