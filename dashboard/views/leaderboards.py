"""Leaderboards: one benchmark's board (`extract.output.leaderboard.Boards`), one row per
system, the chosen row's evidence beside it, and how the best result moved over time."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.boards import (ARXIV_LINK, HF_LINK, evidence_html, filled_columns, hide_flags,
                              link_columns, score_boards, system_label)
from dashboard.data import Corpus
from dashboard.display import claim_label, plural, qualifier_label, readable
from dashboard.export import csv_bytes
from dashboard.safe_text import markdown_text
from extract.output.leaderboard import LEADERBOARD_COLUMNS
from extract.output.schema import slugify

#: Systems in the ranking chart; a longer board is charted by its best systems only.
CHART_ROWS = 30
#: Rows of the board table; a longer board shows its best systems (the download has all).
TABLE_ROWS = 500
#: Dots of the over-time chart; past it, every claim that set a best and an even sample of the
#: others are drawn (Altair refuses more than 5,000 rows, and the browser slows long before).
HISTORY_POINTS = 2000

#: How a board without a named metric is listed.
UNNAMED_METRIC = "(no metric named)"


@st.cache_data(show_spinner=False, max_entries=8)
def boards_of(key: tuple, _corpus: Corpus) -> pd.DataFrame:
    """The corpus's list of boards, cached by the corpus key."""
    return score_boards(_corpus).list()


@st.cache_data(show_spinner=False, max_entries=64)
def board_of(key: tuple, benchmark: str, metric: str | None, hide: tuple[str, ...],
             _corpus: Corpus) -> pd.DataFrame:
    """One board of the corpus, cached by the corpus key and the board's choices."""
    return score_boards(_corpus).board(benchmark, metric, hide)


@st.cache_data(show_spinner=False, max_entries=64)
def shown_board_of(key: tuple, benchmark: str, metric: str | None, hide: tuple[str, ...],
                   _corpus: Corpus) -> pd.DataFrame:
    """The board's first `TABLE_ROWS` rows as shown (evidence cleaned, links made), cached: a
    rerun for another row or view does not clean them again."""
    board = board_of(key, benchmark, metric, hide, _corpus)
    return display_table(board.head(TABLE_ROWS), _corpus.arxiv_ids)


@st.cache_data(show_spinner=False, max_entries=64)
def history_of(key: tuple, benchmark: str, metric: str | None, hide: tuple[str, ...],
               _corpus: Corpus) -> pd.DataFrame:
    return score_boards(_corpus).history(benchmark, metric, hide)


def render(corpus: Corpus) -> None:
    st.header("Leaderboards")
    boards = boards_of(corpus.key, corpus)
    if boards.empty:
        st.info("No score claims with a benchmark in this data, so there is no leaderboard.")
        return

    defaults = boards[boards["default"] != ""]
    systems = dict(zip(defaults["benchmark"], defaults["subjects"]))
    left, middle, right = st.columns([3, 2, 3])
    benchmark = left.selectbox(
        "Benchmark", list(defaults["benchmark"]), key="leaderboard_benchmark",
        format_func=lambda name: f"{name}  ·  {plural(systems[name], 'system')}",
        help="Benchmarks with the most systems first; type to search.")
    metrics = list(boards.loc[boards["benchmark"] == benchmark, "metric"])
    metric = None
    if len(metrics) > 1:
        # One key per benchmark: each remembers its own metric.
        chosen = middle.selectbox(
            "Metric", metrics, key=f"leaderboard_metric::{benchmark}",
            format_func=lambda name: (name or UNNAMED_METRIC) + (
                "  (default)" if name == metrics[0] else ""),
            help="The benchmark's default metric first (extract/data/default_metrics.txt).")
        metric = None if chosen == metrics[0] else chosen
    hide = hide_flags(right, "leaderboard_hide")
    board = board_of(corpus.key, benchmark, metric, hide, corpus)
    st.caption(describe(board))

    if board.empty:
        st.info("Every claim on this board has a setting left out above.")
        return
    table = shown_board_of(corpus.key, benchmark, metric, hide, corpus)
    if len(board) > TABLE_ROWS:
        st.caption(f"The best {TABLE_ROWS:,} of {len(board):,} systems; the download has all.")
    chosen_row = _board_table(table)
    row = board.iloc[chosen_row]
    shown = table.iloc[chosen_row]
    st.html(evidence_html(
        f"#{row['rank']} {shown['system']}: {claim_label(row['value'], row['unit'], row['qualifier'])}"
        f" {row['metric'] or board.attrs['metric']}",
        readable(row["sentence"]),
        [("condition", row["condition"]), ("settings", row["flags"]),
         ("paper", f"{row['title']} ({row['date'] or 'no date'})"),
         ("papers claiming it", str(row["papers"]))]))
    st.download_button(
        # deferred: the bytes are made when the button is pressed, not on every render
        "Download CSV", lambda: csv_bytes(board, LEADERBOARD_COLUMNS),
        file_name=f"leaderboard-{slugify(benchmark)}-{slugify(board.attrs['metric'] or 'none')}.csv",
        mime="text/csv", key="leaderboard_download",
        help="The same bytes as `claimboard leaderboard INPUTS --benchmark B [--metric M] "
             "[--hide FLAG]`.")

    chart_left, chart_right = st.columns(2)
    chart_left.altair_chart(ranking_chart(table, board.attrs["metric"] or UNNAMED_METRIC,
                                          board.attrs["direction"]),
                            key="leaderboard_chart", width="stretch")
    history = history_of(corpus.key, benchmark, metric, hide, corpus)
    if history.empty:
        chart_right.info("No claim on this board carries a date, so there is no chart over "
                         "time (a pasted Daily Papers page gives no year).")
    else:
        drawn = chart_points(history)
        chart_right.altair_chart(history_chart(drawn, board.attrs["metric"] or UNNAMED_METRIC,
                                               board.attrs["direction"]),
                                 key="leaderboard_history_chart", width="stretch")
        if len(drawn) < len(history):
            chart_right.caption(f"{len(drawn):,} of {len(history):,} dated claims drawn: every "
                                "one that set a new best, and an even sample of the others.")
        if history.attrs.get("undated"):
            chart_right.caption(f"{plural(history.attrs['undated'], 'claim')} without a date "
                                "not charted.")


def describe(board: pd.DataFrame) -> str:
    """The line above a board: which board, what it merges, which way is better, its size."""
    attrs = board.attrs
    merged = [m or "claims naming no metric" for m in attrs.get("metrics", [])
              if m != attrs["metric"]]
    parts = [f"{attrs['benchmark']}, {attrs['metric'] or UNNAMED_METRIC}"
             + (" (the default board)" if attrs.get("default") else "")]
    if merged:
        parts.append("also counting " + " and ".join(merged))
    parts.append(f"{'lower' if attrs['direction'] == 'lower' else 'higher'} is better")
    parts.append(f"{plural(len(board), 'system')}, each with its best claim")
    if attrs.get("hidden"):
        parts.append("left out: " + ", ".join(attrs["hidden"]))
    return markdown_text("; ".join(parts) + ".")


#: How the board's columns are shown. Widths in pixels: on a 1500-pixel window the board shows
#: everything up to its links without scrolling sideways.
TABLE_COLUMNS = {
    "rank": st.column_config.NumberColumn("rank", width=55),
    "system": st.column_config.TextColumn("system", width=210),
    "value": st.column_config.NumberColumn("value", width=70),
    "unit": st.column_config.TextColumn("unit", width=50),
    "qualifier": st.column_config.TextColumn(
        "qualifier", width=85,
        help="≤ up to, ≈ about, > over ...: the claim is not a plain value"),
    "condition": st.column_config.TextColumn(
        "condition", width=270, help="The setting the claim holds under (the evidence below "
                                     "shows the chosen row's in full)"),
    "settings": st.column_config.TextColumn(
        "settings", width=150, help="Flags read from the condition"),
    "evidence": st.column_config.TextColumn("evidence", width="large"),
    "papers": st.column_config.NumberColumn(
        "papers", width=60, help="Papers claiming this system on this board"),
    "date": st.column_config.TextColumn("date", width=90),
    "arXiv": ARXIV_LINK,
    "HF": HF_LINK,
    "metric": st.column_config.TextColumn("metric as written", width="small"),
    "title": st.column_config.TextColumn("paper", width="medium"),
}


def display_table(board: pd.DataFrame, resolved: dict[str, str]) -> pd.DataFrame:
    """The board as shown: one value column, the condition and flags beside it, the evidence
    as clean text, paper links."""
    arxiv, huggingface = link_columns(board["paper_id"], board["title"], resolved)
    return pd.DataFrame({
        "rank": board["rank"],
        "system": [system_label(s, t) for s, t in zip(board["subject"], board["title"])],
        "value": board["value"],
        "unit": board["unit"],
        "qualifier": board["qualifier"].map(qualifier_label),
        "condition": board["condition"],
        "settings": board["flags"],
        "papers": board["papers"],
        "date": board["date"],
        "arXiv": arxiv,
        "HF": huggingface,
        # the chosen row's evidence is shown in full below the table; this column is to scan
        "evidence": board["sentence"].map(readable),
        "metric": board["metric"],
        "title": board["title"],
    })


def _board_table(table: pd.DataFrame) -> int:
    """Show the board; the row the user picked (the top one until then)."""
    event = st.dataframe(table, key="leaderboard_table", hide_index=True, placeholder="",
                         column_config=TABLE_COLUMNS, on_select="rerun",
                         column_order=filled_columns(table, ("qualifier", "settings")),
                         selection_mode="single-row")
    rows = getattr(getattr(event, "selection", None), "rows", None) or [0]
    return rows[0] if rows[0] < len(table) else 0


def ranking_chart(table: pd.DataFrame, metric: str, better: str) -> alt.LayerChart:
    """The best `CHART_ROWS` systems as dots on an axis that starts near their values (a zero
    baseline would hide a 53-56 AP race), each labelled with its value."""
    top = table.head(CHART_ROWS).copy()
    # Systems may repeat (unnamed ones): the rank makes each label unique.
    top["label"] = [f"{rank}. {system}" for rank, system in zip(top["rank"], top["system"])]
    top["marked"] = top["qualifier"].where(top["qualifier"] != "", "plain value")
    top["shown"] = [claim_label(v, u, "") for v, u in zip(top["value"], top["unit"])]
    title = f"{metric} ({'lower' if better == 'lower' else 'higher'} is better)"
    if len(table) > len(top):
        title += f", best {len(top)} of {len(table):,}"
    base = alt.Chart(top).encode(
        x=alt.X("value:Q", title=metric, scale=alt.Scale(zero=False, padding=24)),
        y=alt.Y("label:N", sort=list(top["label"]), title=None, axis=alt.Axis(labelLimit=220)),
        tooltip=["rank", "system", "shown", "condition", "settings", "title"])
    # a legend only where the dots differ: one that says "plain value" says nothing
    legend = alt.Legend() if top["marked"].nunique() > 1 else None
    dots = base.mark_circle(size=120).encode(color=alt.Color("marked:N", title="qualifier",
                                                             legend=legend))
    labels = base.mark_text(align="left", dx=9, fontSize=12).encode(text="shown:N")
    return (dots + labels).properties(title=title, height={"step": 28})


def chart_points(history: pd.DataFrame, limit: int = HISTORY_POINTS) -> pd.DataFrame:
    """At most `limit` claims of a history: those that set a best, then an even sample.

    >>> history = pd.DataFrame({"value": range(10), "record": [True] + [False] * 9})
    >>> list(chart_points(history, 4)["value"])
    [0, 1, 4, 7]
    """
    if len(history) <= limit:
        return history
    records = history[history["record"]]
    others = history[~history["record"]]
    room = max(0, limit - len(records))
    step = max(1, -(-len(others) // room)) if room else len(others) + 1
    return pd.concat([records, others.iloc[::step]]).sort_index()


def history_chart(history: pd.DataFrame, metric: str, better: str) -> alt.LayerChart:
    """Best so far by date (a step line) over a dot for every dated claim."""
    title = f"Best {metric} claimed so far ({'lower' if better == 'lower' else 'higher'} is " \
            "better)"
    y_scale = alt.Scale(zero=False, padding=16)
    x = alt.X("when:T", title="paper date", axis=alt.Axis(format="%Y-%m-%d", labelOverlap=True))
    dots = alt.Chart(history).mark_circle(size=80, opacity=0.75).encode(
        x=x, y=alt.Y("value:Q", title=metric, scale=y_scale, axis=alt.Axis(format=".4~r")),
        color=alt.Color("record:N", title=None,
                        scale=alt.Scale(domain=[True, False], range=["#d62728", "#7f7f7f"]),
                        legend=alt.Legend(labelExpr="datum.value ? 'a new best' : 'other claims'",
                                          orient="top")),
        tooltip=["date", "subject", "value", "unit", "condition", "flags", "title"])
    steps = alt.Chart(history).mark_line(interpolate="step-after", color="#d62728").encode(
        x=x, y=alt.Y("best:Q", title=metric, scale=y_scale, axis=alt.Axis(format=".4~r")))
    return (steps + dots).properties(title=title, height=320)
