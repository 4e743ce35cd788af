"""Where a paper can be read: arXiv and Hugging Face links for an arXiv id, a title search
for a paper known only by its title, and arXiv ids found for such papers by title.

A pasted Daily Papers page gives no ids (its paper ids are title slugs). When another input of
the same session has the same title with an arXiv id (the wide arXiv corpus loaded beside the
sample, say), `ids_by_title` finds it, with that record's date; otherwise a paper is linked to an
arXiv title search.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote_plus

import pandas as pd

from .board_vocab import name_key

# An arXiv id as the readers normalise it: new style YYMM.NNNNN, or old style
# archive(.SUBJECT)/YYMMNNN.
_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Za-z]{2})?/\d{7}")


def is_arxiv_id(paper_id: str) -> bool:
    """>>> is_arxiv_id("2503.06749"), is_arxiv_id("hep-th/9901001"), is_arxiv_id("a-slug")
    (True, True, False)
    """
    return bool(paper_id) and _ARXIV_ID.fullmatch(paper_id) is not None


@dataclass(frozen=True)
class PaperLinks:
    """The links of one paper: arXiv and Hugging Face pages, or searches by title."""

    arxiv: str
    huggingface: str
    arxiv_id: str = ""  # "" when the links are title searches

    @property
    def is_search(self) -> bool:
        return not self.arxiv_id


def paper_links(paper_id: str, title: str, resolved: dict[str, str] | None = None
                ) -> PaperLinks:
    """The links of a paper; `resolved` maps paper ids without an arXiv id to one found by title.

    >>> paper_links("2503.06749", "Vision-R1").arxiv
    'https://arxiv.org/abs/2503.06749'
    >>> paper_links("2503.06749", "Vision-R1").huggingface
    'https://huggingface.co/papers/2503.06749'
    >>> paper_links("vision-r1", "Vision-R1: Incentivizing Reasoning").arxiv
    'https://arxiv.org/search/?query=%22Vision-R1%3A+Incentivizing+Reasoning%22&searchtype=title'
    """
    arxiv_id = paper_id if is_arxiv_id(paper_id) else (resolved or {}).get(paper_id, "")
    if arxiv_id:
        return PaperLinks(f"https://arxiv.org/abs/{arxiv_id}",
                          f"https://huggingface.co/papers/{arxiv_id}", arxiv_id)
    query = quote_plus(f'"{title}"')
    # "#search" (never sent to the server) lets a table show the link as "search" (its
    # display pattern reads a word of the URL); the arXiv search URL has that word already
    return PaperLinks(f"https://arxiv.org/search/?query={query}&searchtype=title",
                      f"https://huggingface.co/papers?q={quote_plus(title)}#search")


def ids_by_title(*tables: pd.DataFrame) -> pd.DataFrame:
    """For each paper without an arXiv id in `tables` (claims tables or papers frames, each
    with ``paper_id`` and ``title``, optionally ``date``), the arXiv id of a paper of the same
    title (case, spaces and punctuation ignored) in any of them, and that paper's date.
    Columns: paper_id, arxiv_id, date. A title two arXiv ids share resolves to neither."""
    frames = [t[[c for c in ("paper_id", "title", "date") if c in t.columns]].drop_duplicates(
        "paper_id") for t in tables]  # a claims table repeats each paper per claim
    papers = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["paper_id", "title"])
    if "date" not in papers.columns:
        papers["date"] = ""
    papers = papers.fillna("").drop_duplicates(["paper_id", "title"])
    has_id = papers["paper_id"].astype(str).str.fullmatch(_ARXIV_ID.pattern).fillna(False)
    has_id = has_id.astype(bool) & (papers["paper_id"] != "")
    if has_id.all():  # every paper has its id: nothing to look for (a 100k-claim arXiv table)
        return pd.DataFrame({"paper_id": [], "arxiv_id": [], "date": []}, dtype=object)
    papers = papers.assign(_title=papers["title"].map(name_key))
    known = papers[has_id & (papers["_title"] != "")]
    unique = known.groupby("_title")["paper_id"].nunique()
    known = known[known["_title"].map(unique) == 1].drop_duplicates("_title")
    wanted = papers[~has_id][["paper_id", "_title"]].drop_duplicates("paper_id")
    found = wanted.merge(known[["_title", "paper_id", "date"]], on="_title",
                         suffixes=("", "_arxiv"))
    return pd.DataFrame({"paper_id": found["paper_id"].to_numpy(),
                         "arxiv_id": found["paper_id_arxiv"].to_numpy(),
                         "date": found["date"].to_numpy()})
