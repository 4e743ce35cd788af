"""Efficiency: one board per measured quantity (`extract.output.efficiency.EfficiencyBoards`):
decode throughput, latency, training speedup ... ranked like scores, one labelled row per
system with its hardware, in the unit the reader picks (pint, unrounded)."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.safe_text import markdown_text
from dashboard.boards import (ARXIV_LINK, HF_LINK, efficiency_boards, evidence_html,
                              filled_columns, hide_flags, link_columns, system_label)
from dashboard.data import Corpus
from dashboard.display import format_number, plural, qualifier_label, readable
from dashboard.export import csv_bytes
from extract.output.efficiency import EFFICIENCY_BOARD_COLUMNS
from extract.output.schema import slugify

NO_HARDWARE = "(not stated)"

#: Systems in the chart; a longer board is charted by its best systems only.
CHART_ROWS = 30
#: Rows of the board table; a longer board shows its best systems (the download has all).
TABLE_ROWS = 500


@st.cache_data(show_spinner=False, max_entries=8)
def quantities_of(key: tuple, _corpus: Corpus) -> pd.DataFrame:
    return efficiency_boards(_corpus).list()


@st.cache_data(show_spinner=False, max_entries=64)
def efficiency_board_of(key: tuple, quantity: str, unit: str | None, hide: tuple[str, ...],
                        _corpus: Corpus) -> pd.DataFrame:
    return efficiency_boards(_corpus).board(quantity, unit, hide)


def render(corpus: Corpus) -> None:
    st.header("Efficiency")
    quantities = quantities_of(corpus.key, corpus)
    if quantities.empty:
        st.info("No speedup, reduction, throughput, latency or memory claims in this data.")
        return
    systems = dict(zip(quantities["quantity"], quantities["subjects"]))
    left, middle, right = st.columns([3, 1, 3])
    quantity = left.selectbox(
        "Measured quantity", list(quantities["quantity"]), key="efficiency_quantity",
        format_func=lambda name: f"{name}  ·  {plural(systems[name], 'system')}",
        help="One board per kind, named metric and unit; the ones with most systems first.")
    units = efficiency_boards(corpus).units(quantity)
    unit = middle.selectbox("Unit", units, key=f"efficiency_unit::{quantity}",
                            help="Values converted with pint, unrounded") if len(units) > 1 \
        else units[0]
    hide = hide_flags(right, "efficiency_hide")
    board = efficiency_board_of(corpus.key, quantity, unit, hide, corpus)
    attrs = dict(board.attrs)
    hardware = sorted({name or NO_HARDWARE for name in board["hardware"]})
    chosen_hardware = st.multiselect("Hardware", hardware, key="efficiency_hardware",
                                     placeholder="all hardware")
    if chosen_hardware:
        board = board[board["hardware"].replace("", NO_HARDWARE).isin(chosen_hardware)]
    st.caption(markdown_text(
        f"{attrs['quantity']}: {'lower' if attrs['direction'] == 'lower' else 'higher'} is "
        f"better; {plural(len(board), 'system')}, each with its best claim"
        + ("; speedups and reductions as factors, the claim as written beside" if
           attrs["kind"] in ("speedup", "reduction") else f"; values in {attrs['unit']}")
        + "."))
    if board.empty:
        st.info("No claim on this board is left with these choices.")
        return
    table = display_table(board.head(TABLE_ROWS), corpus.arxiv_ids)
    if len(board) > TABLE_ROWS:
        st.caption(f"The best {TABLE_ROWS:,} of {len(board):,} systems; the download has all.")
    event = st.dataframe(table, key="efficiency_table", hide_index=True, placeholder="",
                         column_config=TABLE_COLUMNS, on_select="rerun",
                         column_order=filled_columns(table, OPTIONAL_COLUMNS),
                         selection_mode="single-row")
    rows = getattr(getattr(event, "selection", None), "rows", None) or [0]
    row = board.iloc[rows[0] if rows[0] < len(board) else 0]
    st.html(evidence_html(
        f"#{row['rank']} {system_label(row['subject'], row['title'])}: {row['as_written']}",
        readable(row["sentence"]),
        [("hardware", " x ".join(filter(None, (
            "" if pd.isna(row["hardware_count"]) else str(row["hardware_count"]),
            row["hardware"])))),
         ("baseline", row["baseline"]), ("condition", row["condition"]),
         ("paper", f"{row['title']} ({row['date'] or 'no date'})")]))
    st.download_button("Download CSV", lambda: csv_bytes(board, EFFICIENCY_BOARD_COLUMNS),
                       file_name=f"efficiency-{slugify(attrs['quantity'])}.csv", mime="text/csv",
                       key="efficiency_download")
    st.altair_chart(efficiency_chart(table, attrs), key="efficiency_chart", width="stretch")


#: Columns shown only where a row of the board fills them.
OPTIONAL_COLUMNS = ("qualifier", "hardware", "count", "per device", "baseline", "condition",
                    "settings")

TABLE_COLUMNS = {
    "rank": st.column_config.NumberColumn("rank", width="small"),
    "system": st.column_config.TextColumn("system", width="medium"),
    "value": st.column_config.NumberColumn("value", width="small",
                                           help="in the chosen unit, unrounded (pint)"),
    "unit": st.column_config.TextColumn("unit", width="small"),
    "as written": st.column_config.TextColumn("as written", width="small"),
    "hardware": st.column_config.TextColumn("hardware", width="small"),
    "count": st.column_config.NumberColumn("count", width="small",
                                           help="how many devices the claim was measured on"),
    "per device": st.column_config.NumberColumn(
        "per device", width="small", help="value / count, for throughput and memory"),
    "baseline": st.column_config.TextColumn("baseline", width="medium"),
    "condition": st.column_config.TextColumn("condition", width="medium"),
    "evidence": st.column_config.TextColumn("evidence", width="large"),
    "papers": st.column_config.NumberColumn("papers", width="small"),
    "arXiv": ARXIV_LINK,
    "HF": HF_LINK,
}


def display_table(board: pd.DataFrame, resolved: dict[str, str]) -> pd.DataFrame:
    arxiv, huggingface = link_columns(board["paper_id"], board["title"], resolved)
    return pd.DataFrame({
        "rank": board["rank"].to_numpy(),
        "system": [system_label(s, t) for s, t in zip(board["subject"], board["title"])],
        "value": board["value"].to_numpy(),
        "unit": board["unit"].to_numpy(),
        "as written": board["as_written"].to_numpy(),
        "qualifier": board["qualifier"].map(qualifier_label).to_numpy(),
        "hardware": board["hardware"].to_numpy(),
        "count": board["hardware_count"].to_numpy(),
        "per device": board["per_device"].to_numpy(),
        "baseline": board["baseline"].to_numpy(),
        "condition": board["condition"].to_numpy(),
        "settings": board["flags"].to_numpy(),
        "evidence": board["sentence"].map(readable).to_numpy(),
        "papers": board["papers"].to_numpy(),
        "date": board["date"].to_numpy(),
        "arXiv": arxiv,
        "HF": huggingface,
    })


def efficiency_chart(table: pd.DataFrame, attrs: dict) -> alt.LayerChart:
    """A bar per system (its best claim), labelled by system and value, coloured by hardware."""
    top = table.head(CHART_ROWS).copy()
    top["label"] = [f"{rank}. {system}" for rank, system in zip(top["rank"], top["system"])]
    top["hardware"] = top["hardware"].replace("", NO_HARDWARE)
    top["shown"] = [f"{format_number(v)} {attrs['unit']}" for v in top["value"]]
    title = f"{attrs['quantity']} ({'lower' if attrs['direction'] == 'lower' else 'higher'} " \
            "is better)"
    base = alt.Chart(top).encode(
        y=alt.Y("label:N", sort=list(top["label"]), title=None, axis=alt.Axis(labelLimit=360)),
        x=alt.X("value:Q", title=attrs["unit"]),
        tooltip=["rank", "system", "shown", "as written", "hardware", "count", "baseline",
                 "condition"])
    # the legend below the bars: on their right it covers the longest bar's label
    bars = base.mark_bar().encode(color=alt.Color("hardware:N", title="hardware",
                                                  legend=alt.Legend(orient="bottom")))
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(text="shown:N")
    return (bars + labels).properties(title=title, height={"step": 28})
