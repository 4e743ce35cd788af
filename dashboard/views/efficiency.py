"""Efficiency: speedup, reduction, throughput, latency and memory claims, by hardware.

Absolute amounts (throughput, latency, memory) can be shown in a unit of the reader's choice;
the conversion is `extract.engine.units.convert` (pint), applied to the full-precision value, and the
table shows the converted number unrounded.
"""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.data import Corpus
from dashboard.display import arxiv_url, claim_label, qualifier_label

# extract.engine.units is imported where it is used: it loads pint, which takes a noticeable part of a
# second, and the other views (the first page among them) do not need it.

EFFICIENCY_KINDS = ("speedup", "reduction", "throughput", "latency", "memory")

AS_WRITTEN = "as written"
NO_HARDWARE = "(not stated)"

#: Points in the chart; a larger selection is charted by its first claims only (the table has all).
CHART_POINTS = 5000


def render(corpus: Corpus) -> None:
    st.header("Efficiency")
    claims = corpus.claims[corpus.claims["kind"].isin(EFFICIENCY_KINDS)]
    if claims.empty:
        st.info("No speedup, reduction, throughput, latency or memory claims in this data.")
        return

    present = [kind for kind in EFFICIENCY_KINDS if (claims["kind"] == kind).any()]
    hardware_names = sorted({name or NO_HARDWARE for name in claims["hardware"]})
    left, right = st.columns(2)
    kinds = left.multiselect("Kind", present, default=present, key="efficiency_kinds")
    hardware = right.multiselect("Hardware", hardware_names, key="efficiency_hardware",
                                 placeholder="all hardware")
    chosen = claims[claims["kind"].isin(kinds)]
    if hardware:
        chosen = chosen[chosen["hardware"].replace("", NO_HARDWARE).isin(hardware)]

    targets = _unit_choices(claims, kinds)
    table = converted_table(chosen, targets)
    st.caption(f"{len(table):,} claims")
    st.dataframe(table, key="efficiency_table", hide_index=True, column_config={
        "shown": st.column_config.TextColumn(
            "value", help="in the chosen unit, unrounded (converted with pint)"),
        "as written": st.column_config.TextColumn("as written"),
        "value": st.column_config.NumberColumn("number", help="the value again, for sorting"),
        "paper": st.column_config.LinkColumn("paper",
                                             display_text=r"https://arxiv\.org/abs/(.+)"),
        "sentence": st.column_config.TextColumn("evidence", width="large"),
    })
    if not table.empty:
        if len(table) > CHART_POINTS:
            st.caption(f"The chart shows the first {CHART_POINTS:,} of these claims.")
        st.altair_chart(hardware_chart(table), key="efficiency_chart", width="stretch")


def unit_options(units: set[str]) -> list[str]:
    """The units at least one of `units` converts to, in the library's display order; empty
    when none converts (`x`, `%`).

    >>> unit_options({"GB", "x"})[:4], unit_options({"x", "%"})
    (['B', 'KB', 'MB', 'GB'], [])
    """
    from extract.engine.units import DISPLAY_UNITS, compatible_units

    offered: set[str] = set()
    for unit in units:
        options = compatible_units(unit) if unit else []
        if len(options) > 1:
            offered.update(options)
    return [unit for unit in DISPLAY_UNITS if unit in offered] + sorted(
        offered - set(DISPLAY_UNITS))


def _unit_choices(claims: pd.DataFrame, kinds: list[str]) -> dict[str, str]:
    """A unit selector for each of `kinds` whose units convert (throughput, latency, memory);
    kind -> the chosen unit (or AS_WRITTEN). The options come from all of the kind's `claims`,
    not the filtered ones, so that they stay put while the filters change."""
    offered = {}
    for kind in kinds:
        units = set(claims.loc[claims["kind"] == kind, "unit"])
        options = unit_options(units) if units else []
        if options:
            offered[kind] = options
    if not offered:
        return {}
    columns = st.columns(len(offered))
    return {kind: column.selectbox(f"{kind.capitalize()} in", (AS_WRITTEN, *options),
                                   key=f"efficiency_unit_{kind}")
            for (kind, options), column in zip(offered.items(), columns)}


def converted_table(claims: pd.DataFrame, targets: dict[str, str]) -> pd.DataFrame:
    """The claims as shown: values converted to the chosen units where their unit converts
    (through `extract.engine.units.convert`, unrounded), the value as written kept beside."""
    from extract.engine.units import compatible_units, convert

    convertible = {unit: set(compatible_units(unit)) if unit else set()
                   for unit in claims["unit"].unique()}
    values, units = [], []
    for value, unit, kind in zip(claims["value"], claims["unit"], claims["kind"]):
        target = targets.get(kind, AS_WRITTEN)
        if target != AS_WRITTEN and target != unit and target in convertible[unit] and (
                not pd.isna(value)):
            value, unit = convert(value, unit, target), target
        values.append(value)
        units.append(unit)
    return pd.DataFrame({
        "kind": claims["kind"].to_numpy(),
        "subject": claims["subject"].to_numpy(),
        "metric": claims["metric"].to_numpy(),
        "shown": [claim_label(value, unit, "") for value, unit in zip(values, units)],
        "as written": [claim_label(value, unit, "") for value, unit in
                       zip(claims["value"], claims["unit"])],
        "qualifier": claims["qualifier"].map(qualifier_label).to_numpy(),
        "baseline": claims["baseline"].to_numpy(),
        "hardware": claims["hardware"].to_numpy(),
        "hardware_count": claims["hardware_count"].to_numpy(),
        "condition": claims["condition"].to_numpy(),
        "paper": claims["paper_id"].map(arxiv_url).to_numpy(),
        "title": claims["title"].to_numpy(),
        "sentence": claims["sentence"].to_numpy(),
        "value": values,
        "unit": units,
    })


def hardware_chart(table: pd.DataFrame) -> alt.FacetChart:
    """Each claim as a point, one row per hardware, one panel per kind and unit."""
    table = table.head(CHART_POINTS)[["kind", "subject", "metric", "value", "unit", "as written",
                                      "hardware", "condition", "paper"]]
    shown = table.assign(
        hardware=table["hardware"].replace("", NO_HARDWARE),
        panel=table["kind"] + " (" + table["unit"].replace("", "no unit") + ")")
    points = alt.Chart(shown).mark_circle(size=80, opacity=0.7).encode(
        x=alt.X("value:Q", title=None),
        y=alt.Y("hardware:N", title=None),
        color=alt.Color("kind:N"),
        tooltip=["kind", "subject", "metric", "value", "unit", "as written", "hardware",
                 "condition", "paper"],
    )
    return points.facet(row=alt.Row("panel:N", title=None)).resolve_scale(x="independent",
                                                                          y="independent")
