"""Systems x benchmarks: each system's best value on each benchmark's default board, with the
number of benchmarks it has (`extract.output.leaderboard.Boards.matrix`)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.safe_text import markdown_text
from dashboard.boards import score_boards
from dashboard.data import Corpus
from dashboard.display import plural

#: Benchmarks shown at most, those with the most systems first.
MAX_BENCHMARKS = 40
#: How a cell without a claim is shown: a mark, not "None", and the column still sorts as numbers.
NO_CLAIM = "–"
#: Rows shown without scrolling the table (the page scrolls past them).
VISIBLE_ROWS = 25
#: Pixels of one row of st.dataframe, and of its header and border (for the table's height).
ROW_PIXELS, HEADER_PIXELS = 35, 38


@st.cache_data(show_spinner=False, max_entries=8)
def matrix_of(key: tuple, min_systems: int, _corpus: Corpus) -> pd.DataFrame:
    return score_boards(_corpus).matrix(min_systems=min_systems, benchmarks=MAX_BENCHMARKS)


def render(corpus: Corpus) -> None:
    st.header("Systems x benchmarks")
    left, right = st.columns(2)
    min_systems = left.slider(
        "Benchmarks with at least this many systems", 1, 10, 2, key="matrix_min_systems",
        help="A benchmark with one system compares nothing.")
    min_benchmarks = right.slider(
        "Systems on at least this many of them", 1, 5, 1, key="matrix_min_benchmarks",
        help="Systems claimed on one benchmark only fill a row with empty cells.")
    matrix = matrix_of(corpus.key, min_systems, corpus)
    if matrix.empty or matrix.shape[1] <= 2:
        st.info("No benchmark has that many systems in this data.")
        return
    matrix = matrix[matrix["benchmarks"] >= min_benchmarks]
    if matrix.empty:
        st.info("No system has a claim on that many of these benchmarks.")
        return
    benchmarks = matrix.shape[1] - 2
    st.caption(markdown_text(
        f"{plural(len(matrix), 'system')} x {plural(benchmarks, 'benchmark')}: each cell is "
        f"the system's best claim on the benchmark's default board (metric in brackets), "
        f"{NO_CLAIM} where it has none. Click a column to sort; systems on most benchmarks "
        "first."))
    st.dataframe(matrix, key="matrix_table", hide_index=True, placeholder=NO_CLAIM,
                 height=HEADER_PIXELS + ROW_PIXELS * min(len(matrix), VISIBLE_ROWS),
                 column_config={
                     "system": st.column_config.TextColumn("system", width="medium", pinned=True),
                     "benchmarks": st.column_config.NumberColumn(
                         "benchmarks", width=95,
                         help="How many of these benchmarks it has a value on"),
                 })
