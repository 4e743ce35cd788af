"""The boards of a corpus, made once per corpus and shared by the views that rank claims.

`extract.output.leaderboard.Boards` and `extract.output.efficiency.EfficiencyBoards` prepare a
claims table once (systems folded, flags read, boards assigned); Streamlit keeps one of each per
corpus (`Corpus.key`), so that switching views or boards never prepares the table again. The
views only ask them questions and show the answers.
"""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard.data import Corpus
from extract.output.board_vocab import setting_flags
from extract.output.efficiency import EfficiencyBoards
from extract.output.leaderboard import Boards
from extract.output.papers import paper_links

#: How a row with no named system is shown: its paper's own, unnamed system (the title after
#: the mark, so that a narrow column or chart label still shows how it begins).
UNNAMED = "(unnamed) {title}"

#: ASCII punctuation, each of which Markdown may read; escaped in names shown in Markdown.


@st.cache_resource(show_spinner=False, max_entries=4)
def _score_boards(key: tuple, _claims: pd.DataFrame) -> Boards:
    return Boards(_claims)


@st.cache_resource(show_spinner=False, max_entries=4)
def _efficiency_boards(key: tuple, _claims: pd.DataFrame) -> EfficiencyBoards:
    return EfficiencyBoards(_claims)


def score_boards(corpus: Corpus) -> Boards:
    """The score boards of a corpus, prepared once (keyed by `Corpus.key`)."""
    return _score_boards(corpus.key, corpus.claims)


def efficiency_boards(corpus: Corpus) -> EfficiencyBoards:
    """The efficiency boards of a corpus, prepared once (keyed by `Corpus.key`)."""
    return _efficiency_boards(corpus.key, corpus.claims)


def hide_flags(column, key: str) -> tuple[str, ...]:
    """A multiselect of the setting flags whose claims to leave out of a board."""
    return tuple(column.multiselect(
        "Leave out claims with", setting_flags().names, key=key, placeholder="no setting left out",
        help="Settings read from each claim's condition (extract/data/settings.txt). A system's "
             "best claim is chosen among the claims left."))


def system_label(subject: str, title: str) -> str:
    return subject or UNNAMED.format(title=title)


def link_columns(paper_ids: pd.Series, titles: pd.Series, resolved: dict[str, str]
                 ) -> tuple[list[str], list[str]]:
    """(arXiv, Hugging Face) link of each paper: its pages where an arXiv id is known (given or
    found by title), else a search of its title."""
    links = [paper_links(paper_id, title, resolved) for paper_id, title in zip(paper_ids, titles)]
    return [link.arxiv for link in links], [link.huggingface for link in links]


#: Link columns: the arXiv id where one is known, else "search" (a title search). A display
#: pattern shows its first group; the lookbehind lets one group read either.
ARXIV_LINK = st.column_config.LinkColumn(
    "arXiv", width="small", display_text=r"https://arxiv\.org/(?:abs/)?((?<=abs/).+|search)",
    help="The paper on arXiv; a title search where no arXiv id is known")
HF_LINK = st.column_config.LinkColumn(
    "HF", width="small",
    display_text=r"https://huggingface\.co/papers[/?](?:.*#)?((?<=/)[^?#]+|(?<=#)search)",
    help="The paper on Hugging Face; a title search where no arXiv id is known")


def filled_columns(table: pd.DataFrame, optional: tuple[str, ...]) -> list[str]:
    """The columns of `table` to show: all but those of `optional` that no row fills (an empty
    column only pushes the others out of sight; the data keeps it).

    >>> filled_columns(pd.DataFrame({"a": [1], "b": [""], "c": [None]}), ("b", "c"))
    ['a']
    """
    return [name for name in table.columns if name not in optional
            or (table[name].notna() & (table[name].astype(str) != "")).any()]


def evidence_html(label: str, sentence: str, details: list[tuple[str, str]]) -> str:
    """The evidence panel of a chosen row: what it claims, the sentence as clean text, and its
    details; every piece of input escaped."""
    rows = "".join(f"<dt>{html.escape(name)}</dt><dd>{html.escape(value)}</dd>"
                   for name, value in details if value)
    return (f'<div class="claimboard-evidence" style="border-left: 3px solid #f0b429; '
            f'padding: 0.5rem 1rem; background: #fffaf0">'
            f'<div style="font-weight: 600">{html.escape(label)}</div>'
            f'<blockquote style="margin: 0.4rem 0; font-size: 1.05rem; line-height: 1.6">'
            f'{html.escape(sentence)}</blockquote>'
            f'<dl style="display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; '
            f'margin: 0">{rows}</dl></div>')
