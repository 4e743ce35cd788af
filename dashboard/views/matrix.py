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


@st.cache_data(show_spinner=False, max_entries=8)
def matrix_of(key: tuple, min_systems: int, _corpus: Corpus) -> pd.DataFrame:
    return score_boards(_corpus).matrix(min_systems=min_systems, benchmarks=MAX_BENCHMARKS)


def render(corpus: Corpus) -> None:
    st.header("Systems x benchmarks")
    min_systems = st.slider(
        "Benchmarks with at least this many systems", 1, 10, 2, key="matrix_min_systems",
        help="A benchmark with one system compares nothing.")
    matrix = matrix_of(corpus.key, min_systems, corpus)
    if matrix.empty or matrix.shape[1] <= 2:
        st.info("No benchmark has that many systems in this data.")
        return
    benchmarks = matrix.shape[1] - 2
    st.caption(markdown_text(
        f"{plural(len(matrix), 'system')} x {plural(benchmarks, 'benchmark')}: each cell is "
        "the system's best claim on the benchmark's default board (metric in brackets). Click "
        "a column to sort; systems on most benchmarks first."))
    st.dataframe(matrix, key="matrix_table", hide_index=True, column_config={
        "system": st.column_config.TextColumn("system", width="medium", pinned=True),
        "benchmarks": st.column_config.NumberColumn(
            "benchmarks", width="small", help="How many of these benchmarks it has a value on"),
    })
