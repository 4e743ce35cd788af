"""Unknown names: the names near numbers that no vocabulary knows, in the loaded corpus.

The report is `extract.evaluation.unknown_names` (what `claimboard names` writes): the
benchmark-, metric- and hardware-like names the text marks next to a number, with how many papers
and mentions carry each and one example sentence, for a user to grow the data files from. The
download is the CSV `claimboard names CORPUS --kind KIND --min-count N` writes.

A claims table carries no abstracts: its report is read from the sentences its claims stand in,
one text per paper. Names and sentences come from the input: they are shown as table cells
(`st.dataframe`), never as Markdown.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data import Corpus
from dashboard.display import plural
from dashboard.export import csv_bytes
from extract.evaluation.unknown_names import KINDS, NAMES_COLUMNS, unknown_names
from extract.output.schema import Paper

ALL_KINDS = "all kinds"


@st.cache_data(show_spinner="Reading the corpus for unknown names…", max_entries=8)
def names_table(key: tuple, _papers: pd.DataFrame, _claims: pd.DataFrame
                ) -> tuple[pd.DataFrame, int, int]:
    """The report of a corpus as (table, papers read, mentions truncated), cached by its key."""
    report = unknown_names(_corpus_papers(_papers, _claims))
    table = pd.DataFrame(report.rows(), columns=list(NAMES_COLUMNS))
    return table, report.papers, report.truncated


def _corpus_papers(papers: pd.DataFrame, claims: pd.DataFrame) -> list[Paper]:
    """The papers with their abstracts; for a claims table, the sentences of each paper's
    claims in their order, as its text."""
    if not papers.empty:
        return [Paper(paper_id, title, abstract) for paper_id, title, abstract in
                zip(papers["paper_id"], papers["title"], papers["abstract"])]
    texts: dict[str, tuple[str, dict[str, None]]] = {}
    for paper_id, title, sentence in zip(claims["paper_id"], claims["title"], claims["sentence"]):
        texts.setdefault(paper_id, (title, {}))[1][sentence] = None
    return [Paper(paper_id, title, " ".join(sentences))
            for paper_id, (title, sentences) in texts.items()]


def select(table: pd.DataFrame, kind: str | None, min_papers: int) -> pd.DataFrame:
    """The rows of one kind (None: every kind) found in at least `min_papers` papers, as
    `NamesReport.rows` selects them."""
    keep = table["papers"] >= min_papers
    if kind is not None:
        keep &= table["kind"] == kind
    return table[keep]


def render(corpus: Corpus) -> None:
    st.header("Unknown names")
    st.caption("Names the text marks as a benchmark, a metric or hardware next to a number that "
               "no vocabulary of extract/data/ knows, most papers first: candidates for the data "
               "files, to be judged by a person (a model or a task is no benchmark). "
               "`claimboard names` writes the same table.")
    if not corpus.has_abstracts and not corpus.claims.empty:
        st.caption("This data is a claims table, which does not carry abstracts: the sentences "
                   "its claims stand in are read instead.")
    table, papers, truncated = names_table(corpus.key, corpus.papers, corpus.claims)

    left, right = st.columns(2)
    chosen = left.selectbox("Kind", [ALL_KINDS, *KINDS], key="names_kind")
    min_papers = int(right.number_input("Found in at least this many papers", min_value=1,
                                        value=1, step=1, key="names_min_papers"))
    kind = None if chosen == ALL_KINDS else chosen
    shown = select(table, kind, min_papers)

    note = f"; {plural(truncated, 'mention')} past the name limit not counted" if truncated \
        else ""
    st.caption(f"{len(shown):,} of {plural(len(table), 'name')}, from "
               f"{plural(papers, 'paper')}{note}")
    st.dataframe(shown, key="names_table", hide_index=True, column_config={
        "name": st.column_config.TextColumn("name", width="medium"),
        "example_sentence": st.column_config.TextColumn("example_sentence", width="large")})
    st.download_button("Download CSV", lambda: csv_bytes(shown, NAMES_COLUMNS),
                       file_name=f"unknown-names-{kind or 'all'}.csv", mime="text/csv",
                       key="names_download_csv", on_click="ignore")
