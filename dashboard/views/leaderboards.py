"""Leaderboards: one benchmark (and metric), its systems ranked by `extract.output.leaderboard`."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.data import Corpus
from dashboard.display import arxiv_url, claim_label, qualifier_label
from dashboard.export import csv_bytes
from dashboard.safe_text import markdown_text
from extract.output.leaderboard import LEADERBOARD_COLUMNS, leaderboard, list_leaderboards
from extract.output.schema import slugify

#: Bars in the chart; a longer board is charted by its best systems only.
CHART_ROWS = 30

#: How a board without a named metric is listed.
UNNAMED_METRIC = "(no metric named)"


@st.cache_data(show_spinner=False, max_entries=8)
def boards_of(key: tuple, _claims: pd.DataFrame) -> pd.DataFrame:
    """`list_leaderboards` of a corpus, cached by the corpus key (`_claims` is not hashed)."""
    return list_leaderboards(_claims)


@st.cache_data(show_spinner=False, max_entries=64)
def board_of(key: tuple, benchmark: str, metric: str | None, _claims: pd.DataFrame
             ) -> pd.DataFrame:
    """`leaderboard(claims, benchmark, metric)` of a corpus, cached by the corpus key."""
    return leaderboard(_claims, benchmark, metric)


def render(corpus: Corpus) -> None:
    st.header("Leaderboards")
    boards = boards_of(corpus.key, corpus.claims)
    if boards.empty:
        st.info("No score claims with a benchmark in this data, so there is no leaderboard.")
        return

    claims_per_benchmark = boards.groupby("benchmark", sort=False)["claims"].sum()
    left, right = st.columns(2)
    benchmark = left.selectbox(
        "Benchmark", list(claims_per_benchmark.index), key="leaderboard_benchmark",
        format_func=lambda name: f"{name}  ·  {claims_per_benchmark[name]:,} claims",
        help="Benchmarks with score claims, the one with the largest leaderboard first.")
    board = _chosen_board(corpus, boards, benchmark, right)

    better = board.attrs.get("direction", "higher")
    metric_name = board.attrs.get("metric") or UNNAMED_METRIC
    st.caption(f"**{markdown_text(board.attrs.get('benchmark', benchmark))}**, "
               f"{markdown_text(metric_name)}: "
               f"{'lower' if better == 'lower' else 'higher'} is better, "
               f"{len(board):,} systems, each with its best claim.")

    table = display_table(board)
    st.dataframe(table, key="leaderboard_table", hide_index=True,
                 column_config=TABLE_COLUMNS)
    st.download_button(
        "Download CSV", csv_bytes(board, LEADERBOARD_COLUMNS),
        file_name=f"leaderboard-{slugify(benchmark)}-{slugify(metric_name)}.csv",
        mime="text/csv", key="leaderboard_download",
        help="The same bytes as `claimboard leaderboard INPUTS --benchmark B [--metric M]`.")
    st.altair_chart(ranking_chart(table, metric_name, better), key="leaderboard_chart",
                    width="stretch")


def _chosen_board(corpus: Corpus, boards: pd.DataFrame, benchmark: str, column
                  ) -> pd.DataFrame:
    """The board of `benchmark`, ranked by the library's default metric (the one with most
    claims, as `claimboard leaderboard --benchmark B` ranks) or, where the benchmark has several
    metrics, by the one the user picks in `column`."""
    board = board_of(corpus.key, benchmark, None, corpus.claims)
    metrics = list(boards.loc[boards["benchmark"] == benchmark, "metric"])
    if len(metrics) <= 1:
        return board
    default = board.attrs.get("metric", "")
    # One key per benchmark: each remembers its own metric, and a stored metric never has to
    # be looked up among another benchmark's options.
    metric = column.selectbox(
        "Metric", metrics, index=metrics.index(default) if default in metrics else 0,
        key=f"leaderboard_metric::{benchmark}", format_func=lambda name: name or UNNAMED_METRIC)
    return board if metric == default else board_of(corpus.key, benchmark, metric,
                                                     corpus.claims)


#: How the board's columns are shown.
TABLE_COLUMNS = {
    "rank": st.column_config.NumberColumn("rank", width="small"),
    "claim": st.column_config.TextColumn("claim", help="value, unit and qualifier as claimed"),
    "subject": st.column_config.TextColumn("subject", width="medium"),
    "value": st.column_config.NumberColumn("value", help="for sorting; the claim column is exact"),
    "qualifier": st.column_config.TextColumn(
        "qualifier", help="≤ up to, ≈ about, > over ...: the claim is not a plain value"),
    "paper": st.column_config.LinkColumn("paper", display_text=r"https://arxiv\.org/abs/(.+)"),
    "sentence": st.column_config.TextColumn("evidence", width="large"),
}


def display_table(board: pd.DataFrame) -> pd.DataFrame:
    """The board as shown: a readable claim, the qualifier marked, the paper as an arXiv link."""
    return pd.DataFrame({
        "rank": board["rank"],
        "subject": board["subject"],
        "claim": [claim_label(v, u, q) for v, u, q in
                  zip(board["value"], board["unit"], board["qualifier"])],
        "value": board["value"],
        "unit": board["unit"],
        "qualifier": board["qualifier"].map(qualifier_label),
        "condition": board["condition"],
        "paper": board["paper_id"].map(lambda paper_id: arxiv_url(paper_id) or ""),  # no id: no link
        "title": board["title"],
        "sentence": board["sentence"],
    })


def ranking_chart(table: pd.DataFrame, metric: str, better: str) -> alt.Chart:
    """Bars of the board's best `CHART_ROWS` systems, in rank order, qualified claims coloured."""
    top = table.head(CHART_ROWS).copy()
    # Subjects may repeat or be empty (several unnamed systems); rank makes each label unique.
    top["system"] = [f"{rank}. {subject or '(unnamed)'}"
                     for rank, subject in zip(top["rank"], top["subject"])]
    top["marked"] = top["qualifier"].where(top["qualifier"] != "", "plain value")
    title = f"{metric} ({'lower' if better == 'lower' else 'higher'} is better)"
    if len(table) > len(top):
        title += f", best {len(top)} of {len(table):,}"
    return alt.Chart(top, title=title).mark_bar().encode(
        x=alt.X("value:Q", title=metric),
        y=alt.Y("system:N", sort=list(top["system"]), title=None,
                axis=alt.Axis(labelLimit=320)),
        color=alt.Color("marked:N", title="qualifier"),
        tooltip=["rank", "subject", "claim", "condition", "title"],
    )
