"""All claims: the whole claims table, filtered, with CSV and Parquet downloads.

The downloads are written by `extract.output.tables.write_table` (the CLI's writer) only when the
button is clicked (Streamlit calls the data function then): writing a large table takes seconds,
and most visits never download.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.data import Corpus
from dashboard.display import plural
from dashboard.export import csv_bytes, parquet_bytes

#: Columns the free-text filter searches.
SEARCHED_COLUMNS = ("paper_id", "title", "subject", "benchmark", "metric", "baseline", "hardware",
                    "condition", "sentence")
NOT_STATED = "(not stated)"


@dataclass(frozen=True)
class Filters:
    """The filter widgets' values: an empty tuple lets every value through."""

    kinds: tuple[str, ...] = ()
    benchmarks: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    hardware: tuple[str, ...] = ()
    text: str = ""


def _options(claims: pd.DataFrame, column: str) -> list[str]:
    values = claims[column].unique()
    return sorted({value or NOT_STATED for value in values}, key=str.casefold)


@st.cache_data(show_spinner=False, max_entries=8)
def filter_options(key: tuple, _claims: pd.DataFrame) -> dict[str, list[str]]:
    """The values each filter offers, cached by the corpus key."""
    return {column: _options(_claims, column) for column in ("kind", "benchmark", "metric",
                                                             "hardware")}


def apply_filters(claims: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of `claims` that pass every filter; the free text matches any searched column,
    ignoring case."""
    keep = pd.Series(True, index=claims.index)
    for column, chosen in (("kind", filters.kinds), ("benchmark", filters.benchmarks),
                           ("metric", filters.metrics), ("hardware", filters.hardware)):
        if chosen:
            keep &= claims[column].replace("", NOT_STATED).isin(chosen)
    text = filters.text.strip()
    if text:
        found = pd.Series(False, index=claims.index)
        for column in SEARCHED_COLUMNS:
            found |= claims[column].str.contains(text, case=False, regex=False)
        keep &= found
    return claims[keep]


def render(corpus: Corpus) -> None:
    st.header("All claims")
    options = filter_options(corpus.key, corpus.claims)
    columns = st.columns(4)
    filters = Filters(
        kinds=tuple(columns[0].multiselect("Kind", options["kind"], key="claims_kind",
                                           placeholder="all kinds")),
        benchmarks=tuple(columns[1].multiselect("Benchmark", options["benchmark"],
                                                key="claims_benchmark",
                                                placeholder="all benchmarks")),
        metrics=tuple(columns[2].multiselect("Metric", options["metric"], key="claims_metric",
                                             placeholder="all metrics")),
        hardware=tuple(columns[3].multiselect("Hardware", options["hardware"],
                                              key="claims_hardware", placeholder="all hardware")),
        text=st.text_input("Search", key="claims_search",
                           placeholder="words in the title, subject, sentence, condition ..."),
    )
    shown = apply_filters(corpus.claims, filters)
    st.caption(f"{len(shown):,} of {plural(len(corpus.claims), 'claim')}")
    st.dataframe(shown, key="claims_table", hide_index=True, column_config={
        "paper_id": st.column_config.TextColumn("paper_id", width="small"),
        "title": st.column_config.TextColumn("title", width="medium"),
        "sentence": st.column_config.TextColumn("sentence", width="large")})

    left, right = st.columns(2)
    left.download_button("Download CSV", lambda: csv_bytes(shown), file_name="claims.csv",
                         mime="text/csv", key="claims_download_csv", on_click="ignore")
    right.download_button("Download Parquet", lambda: parquet_bytes(shown),
                          file_name="claims.parquet", mime="application/vnd.apache.parquet",
                          key="claims_download_parquet", on_click="ignore")
