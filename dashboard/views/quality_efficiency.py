"""Quality against efficiency: for the systems with both, the score on a benchmark's board
against a throughput or latency, coloured by hardware (`extract.output.efficiency.
quality_vs_efficiency`)."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.safe_text import markdown_text
from dashboard.boards import ARXIV_LINK, HF_LINK, efficiency_boards, link_columns, score_boards
from dashboard.data import Corpus
from dashboard.display import claim_label, plural
from extract.output.efficiency import quality_vs_efficiency
from extract.output.leaderboard import fold

#: Efficiency quantities a score is set against: how fast a system answers.
SPEED_KINDS = ("throughput", "latency")


@st.cache_data(show_spinner=False, max_entries=8)
def pairs_of(key: tuple, _corpus: Corpus) -> pd.DataFrame:
    """(benchmark, quantity, systems with both) for every pair that shares a system."""
    ranked = score_boards(_corpus).systems_on_defaults()
    measured = efficiency_boards(_corpus).systems(SPEED_KINDS)
    ranked["_key"], measured["_key"] = ranked["system"].map(fold), measured["system"].map(fold)
    shared = ranked.merge(measured, on="_key").groupby(["benchmark", "quantity"]).size()
    rows = [(benchmark, quantity, int(count)) for (benchmark, quantity), count in shared.items()]
    pairs = pd.DataFrame(rows, columns=["benchmark", "quantity", "systems"])
    return pairs.sort_values(["systems", "benchmark", "quantity"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


def render(corpus: Corpus) -> None:
    st.header("Quality against efficiency")
    pairs = pairs_of(corpus.key, corpus)
    if pairs.empty:
        st.info("No system in this data has both a score on a benchmark and a throughput or "
                "latency claim.")
        return
    labels = [f"{b}  against  {q}  ·  {plural(n, 'system')}"
              for b, q, n in pairs.itertuples(index=False)]
    chosen = st.selectbox("Score board and efficiency quantity", range(len(pairs)),
                          format_func=labels.__getitem__, key="quality_efficiency_pair",
                          help="Pairs that share the most systems first.")
    benchmark, quantity, _ = pairs.iloc[chosen]
    joined = quality_vs_efficiency(score_boards(corpus), efficiency_boards(corpus), benchmark,
                                   quantity)
    score, amount = joined.attrs["score"], joined.attrs["efficiency"]
    st.caption(markdown_text(
        f"{plural(len(joined), 'system')} with a score on {score['benchmark']} "
        f"({score['metric'] or 'no metric named'}, {score['direction']} is better) and a "
        f"claim of {amount['quantity']} ({amount['direction']} is better); each its best "
        "claim."))
    st.altair_chart(scatter(joined, score, amount), key="quality_efficiency_chart",
                    width="stretch")
    st.dataframe(display_table(joined, corpus.arxiv_ids), key="quality_efficiency_table",
                 hide_index=True, column_config=TABLE_COLUMNS, placeholder="")


#: How the table under the chart is shown.
TABLE_COLUMNS = {
    "system": st.column_config.TextColumn("system", width="medium"),
    "score": st.column_config.TextColumn("score", width="small"),
    "efficiency": st.column_config.TextColumn("efficiency", width="small"),
    "hardware": st.column_config.TextColumn("hardware", width="small"),
    "paper": st.column_config.TextColumn("paper", width="large",
                                         help="The paper of the score, then that of the "
                                              "efficiency claim where it is another"),
    "arXiv": ARXIV_LINK,
    "HF": HF_LINK,
}


def display_table(joined: pd.DataFrame, resolved: dict[str, str]) -> pd.DataFrame:
    """One row per system: the two values with their units, hardware, the paper(s) by title,
    and links to the score's paper."""
    arxiv, huggingface = link_columns(joined["score_paper"], joined["score_title"], resolved)
    return pd.DataFrame({
        "system": joined["subject"].to_numpy(),
        "score": [claim_label(v, u, "") for v, u in zip(joined["score"], joined["score_unit"])],
        "efficiency": [claim_label(v, u, "") for v, u in zip(joined["efficiency"],
                                                              joined["efficiency_unit"])],
        "hardware": joined["hardware"].to_numpy(),
        "paper": [score if score_id == amount_id else f"{score}; {amount}" for
                  score, amount, score_id, amount_id in zip(
                      joined["score_title"], joined["efficiency_title"],
                      joined["score_paper"], joined["efficiency_paper"])],
        "arXiv": arxiv,
        "HF": huggingface,
    })


def scatter(joined: pd.DataFrame, score: dict, amount: dict) -> alt.LayerChart:
    """Each system a labelled dot: efficiency across, score up, coloured by hardware."""
    base = alt.Chart(joined).encode(
        x=alt.X("efficiency:Q", title=f"{amount['quantity']} ({amount['direction']} is better)",
                scale=alt.Scale(zero=False, padding=30)),
        y=alt.Y("score:Q", title=f"{score['benchmark']} {score['metric']}",
                scale=alt.Scale(zero=False, padding=20)),
        tooltip=["subject", "score", "efficiency", "efficiency_unit", "hardware"])
    dots = base.mark_circle(size=140).encode(color=alt.Color("hardware:N", title="hardware"))
    names = base.mark_text(align="left", dx=9, dy=-6, fontSize=12).encode(text="subject:N")
    return (dots + names).properties(height=420)
