"""Efficiency boards: speedup, reduction, throughput, latency and memory claims ranked like
scores, one board per measured quantity.

How a board is built (`EfficiencyBoards`):

1. A **quantity** is a kind, the metric the claim names ("decode throughput", "training time",
   "parameters") and, for amounts, the base unit the value converts to (token/s, frame/s and
   FLOP/s throughputs are three boards). Speedups and reductions are factors: "2.5x" is 2.5,
   "30% faster" 1.3, "reduces memory by 40%" 1/(1 - 0.4) = 1.67, "only 55.6% of the FLOPs"
   (qualifier ``fraction_of_baseline``) 1/0.556; the claim as written is kept beside.
2. Better is more throughput, less latency and memory, a larger speedup or reduction factor.
3. One row per system (`systems.resolve_systems`, as on score boards; a subject that is the
   paper's title names no system), its best claim, with
   its hardware and count, the value per device where a count is known (throughput and memory
   add up across devices; a time does not), its baseline, condition, setting flags and how many
   papers claim the system on the board.
4. Amounts are shown in the unit the caller picks (`units.convert`, pint), unrounded.

`quality_vs_efficiency` joins a score board and an efficiency board on their systems.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from .leaderboard import FLAG_SEPARATOR, Boards, flags_column, fold, system_columns

EFFICIENCY_KINDS = ("throughput", "latency", "memory", "speedup", "reduction")
RELATIVE_KINDS = ("speedup", "reduction")
#: Which way is better, per kind.
BETTER = {"throughput": "higher", "latency": "lower", "memory": "lower", "speedup": "higher",
          "reduction": "higher"}
#: Kinds whose amounts add up across devices, so that a value per device means something.
PER_DEVICE_KINDS = ("throughput", "memory")
#: The unit of a relative board: a factor.
FACTOR = "x"

QUANTITY_LIST_COLUMNS: dict[str, str] = {
    "quantity": "str", "kind": "str", "metric": "str", "unit": "str", "claims": "int",
    "subjects": "int",
}
EFFICIENCY_BOARD_COLUMNS: dict[str, str] = {
    "rank": "int", "subject": "str", "value": "float", "unit": "str", "as_written": "str",
    "qualifier": "str", "hardware": "str", "hardware_count": "int", "per_device": "float",
    "baseline": "str", "metric": "str", "condition": "str", "flags": "str", "papers": "int",
    "paper_id": "str", "title": "str", "date": "str", "sentence": "str",
}


def factor(value: float, unit: str, kind: str, qualifier: str) -> float:
    """A speedup's or reduction's claim as a factor (NaN where it makes none).

    >>> factor(2.5, "x", "speedup", ""), factor(30, "%", "speedup", "")
    (2.5, 1.3)
    >>> round(factor(40, "%", "reduction", ""), 4), round(factor(55.6, "%", "reduction",
    ...                                                         "fraction_of_baseline"), 4)
    (1.6667, 1.7986)
    >>> factor(100, "%", "reduction", "")
    nan
    """
    if value is None or pd.isna(value) or value <= 0:
        return math.nan
    if unit != "%":
        return float(value)  # "x", or a bare number: a factor as written
    if qualifier == "fraction_of_baseline":
        return 100 / value
    if kind == "speedup":
        return 1 + value / 100
    return 100 / (100 - value) if value < 100 else math.nan


def _written(value: float, unit: str, qualifier: str) -> str:
    from .tables import format_float

    words = {"up_to": "up to", "at_least": "at least", "about": "about", "over": "over",
             "under": "under", "average": "average", "range": "range",
             "fraction_of_baseline": "of baseline"}.get(qualifier, qualifier)
    number = "" if value is None or pd.isna(value) else format_float(float(value))
    return " ".join(part for part in (words, number, unit) if part)


class EfficiencyBoards:
    """The efficiency claims of a claims table, prepared once, and their boards."""

    def __init__(self, claims: pd.DataFrame):
        from .tables import claims_frame

        typed = claims_frame(claims)
        typed["_paper"] = pd.factorize(typed["paper_id"])[0]
        typed["_position"] = range(len(typed))
        rows = typed[typed["kind"].isin(EFFICIENCY_KINDS) & typed["value"].notna()].copy()
        relative = rows["kind"].isin(RELATIVE_KINDS)
        rows["_unit"] = rows["unit_si"].where(rows["unit_si"] != "", rows["unit"])
        rows.loc[relative, "_unit"] = FACTOR
        rows["_amount"] = rows["value_si"].where(rows["value_si"].notna(), rows["value"])
        rows.loc[relative, "_amount"] = [
            factor(v, u, k, q) for v, u, k, q in zip(rows.loc[relative, "value"],
                                                     rows.loc[relative, "unit"],
                                                     rows.loc[relative, "kind"],
                                                     rows.loc[relative, "qualifier"])]
        rows = rows[rows["_amount"] > 0]  # NaN, or a negative amount read from "20 ms less"
        metric_keys = rows["metric"].map({m: fold(m) for m in rows["metric"].unique()})
        rows["quantity"] = [_label(k, m, u) for k, m, u in
                            zip(rows["kind"], rows["metric"], rows["_unit"])]
        rows["_quantity"] = rows["kind"] + "|" + metric_keys + "|" + rows["_unit"]
        rows["_system"], rows["system"] = system_columns(rows["subject"], rows["paper_id"],
                                                         rows["title"])
        rows["flags"] = flags_column(rows["condition"])
        self.claims = rows
        self._label_of = rows.groupby("_quantity", sort=False)["quantity"].first()

    def list(self) -> pd.DataFrame:
        """Every quantity with claims: most systems first, then most claims, then by name."""
        groups = self.claims.groupby("_quantity", sort=False)
        listed = pd.DataFrame({
            "quantity": groups["quantity"].first(), "kind": groups["kind"].first(),
            "metric": groups["metric"].first(), "unit": groups["_unit"].first(),
            "claims": groups.size(), "subjects": groups["_system"].nunique()})
        if listed.empty:
            return pd.DataFrame({name: pd.Series(dtype="int64" if kind == "int" else object)
                                 for name, kind in QUANTITY_LIST_COLUMNS.items()})
        listed["_name"] = listed["quantity"].str.casefold()
        listed = listed.sort_values(["subjects", "claims", "_name"],
                                    ascending=[False, False, True], kind="stable")
        return listed[list(QUANTITY_LIST_COLUMNS)].astype(
            {"claims": "int64", "subjects": "int64"}).reset_index(drop=True)

    def systems(self, kinds: Iterable[str] = EFFICIENCY_KINDS) -> pd.DataFrame:
        """(quantity, system) of every named system with a claim of one of `kinds`, once."""
        rows = self.claims[self.claims["kind"].isin(tuple(kinds)) & (self.claims["system"] != "")]
        rows = rows.drop_duplicates(["_quantity", "_system"])
        return pd.DataFrame({"quantity": rows["quantity"].to_numpy(),
                             "system": rows["system"].to_numpy()})

    def _rows(self, quantity: str, hide: Iterable[str]) -> pd.DataFrame:
        key = self._key(quantity)
        rows = self.claims[self.claims["_quantity"] == key]
        hidden = set(hide)
        if hidden:
            raised = rows["flags"].str.split(FLAG_SEPARATOR, regex=False)
            rows = rows[[not set(flags) & hidden for flags in raised]]
        return rows

    def _key(self, quantity: str) -> str:
        """The key of a quantity given by its label (as `list` shows it) or its key."""
        if quantity in self._label_of.index:
            return quantity
        found = self._label_of[self._label_of == quantity]
        if found.empty:
            raise LookupError(f"no efficiency claims on {quantity!r}")
        return found.index[0]

    def units(self, quantity: str) -> list[str]:
        """The units a quantity's board can be shown in (its own base unit first)."""
        from ..engine.units import compatible_units

        unit = self._key(quantity).rsplit("|", 1)[1]
        return compatible_units(unit) if unit != FACTOR else [FACTOR]

    def board(self, quantity: str, unit: str | None = None, hide: Iterable[str] = ()
              ) -> pd.DataFrame:
        """The ranked board of a quantity (its label or key), values in `unit` (default: the
        base unit, or a factor); see the module doc. ``attrs``: quantity, kind, unit,
        direction."""
        from ..engine.units import convert

        rows = self._rows(quantity, hide)
        key = self._key(quantity)
        kind, _, base = key.split("|")
        better = BETTER[kind]
        target = unit or base
        ranked = rows.assign(_sort=-rows["_amount"] if better == "higher" else rows["_amount"])
        ranked = ranked.sort_values(["_sort", "_paper", "char_start", "_position"],
                                    kind="stable")
        best = ranked.drop_duplicates("_system", keep="first")
        values = best["_amount"].to_numpy()
        if target != base:
            values = [convert(value, base, target) for value in values]
        counts = best["hardware_count"]
        shown = pd.Series(values, index=best.index, dtype="float64")
        per_device = (shown / counts.astype("float64")) if kind in PER_DEVICE_KINDS \
            else pd.Series(math.nan, index=best.index)
        papers = rows.groupby("_system")["paper_id"].nunique()
        result = pd.DataFrame({
            "rank": best["_sort"].rank(method="min").astype("int64").to_numpy(),
            "subject": best["system"].to_numpy(),
            "value": shown.to_numpy(),
            "unit": target,
            "as_written": [_written(v, u, q) for v, u, q in
                           zip(best["value"], best["unit"], best["qualifier"])],
            "qualifier": best["qualifier"].to_numpy(),
            "hardware": best["hardware"].to_numpy(),
            "hardware_count": best["hardware_count"].to_numpy(),
            "per_device": per_device.astype("float64").to_numpy(),
            **{name: best[name].to_numpy() for name in ("baseline", "metric", "condition",
                                                        "flags")},
            "papers": best["_system"].map(papers).astype("int64").to_numpy(),
            **{name: best[name].to_numpy() for name in ("paper_id", "title", "date",
                                                        "sentence")},
        }, columns=list(EFFICIENCY_BOARD_COLUMNS))
        result.attrs.update(quantity=self._label_of[key], kind=kind, unit=target,
                            direction=better)
        return result


def _label(kind: str, metric: str, unit: str) -> str:
    """How a quantity is named: "throughput: decode throughput [token/s]", "speedup: training
    speed", "memory [B]".

    >>> _label("throughput", "decode throughput", "token/s"), _label("memory", "memory", "B")
    ('throughput: decode throughput [token/s]', 'memory [B]')
    >>> _label("speedup", "", "x"), _label("reduction", "parameters", "x")
    ('speedup', 'reduction: parameters')
    """
    named = kind if not metric or fold(metric) == fold(kind) else f"{kind}: {metric}"
    return named if unit == FACTOR else f"{named} [{unit or 'no unit'}]"


def quality_vs_efficiency(boards: Boards, efficiency: EfficiencyBoards, benchmark: str,
                          quantity: str, metric: str | None = None, unit: str | None = None
                          ) -> pd.DataFrame:
    """The systems with both a score on a board and a claim on an efficiency board: their best
    score, best efficiency value (in `unit`), its hardware, and the paper (id and title) of each.
    ``attrs``: the score board's and the efficiency board's attrs, as ``score`` and
    ``efficiency``."""
    quality = boards.board(benchmark, metric)
    amounts = efficiency.board(quantity, unit)
    named = quality[quality["subject"] != ""].assign(_key=lambda b: b["subject"].map(fold))
    measured = amounts[amounts["subject"] != ""].assign(_key=lambda b: b["subject"].map(fold))
    joined = named.merge(measured, on="_key", suffixes=("", "_efficiency"))
    result = pd.DataFrame({
        "subject": joined["subject"], "score": joined["value"],
        "score_unit": joined["unit"], "efficiency": joined["value_efficiency"],
        "efficiency_unit": joined["unit_efficiency"],
        "hardware": joined["hardware"].where(joined["hardware"] != "", "(not stated)"),
        "score_paper": joined["paper_id"], "efficiency_paper": joined["paper_id_efficiency"],
        "score_title": joined["title"], "efficiency_title": joined["title_efficiency"],
    }).reset_index(drop=True)
    result.attrs.update(score=dict(quality.attrs), efficiency=dict(amounts.attrs))
    return result
