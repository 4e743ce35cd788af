"""Leaderboards: one board per benchmark and metric, one row per system, its best claim first.

How the boards of a claims table are built (`Boards`; `leaderboard` and `list_leaderboards` are
its two most used questions):

1. Only `score` rows with a finite value and a benchmark count.
2. Benchmarks are matched after canonical folding (`vocab.benchmarks().canonical`, then case,
   spaces and punctuation ignored): ``aime 2024`` finds ``AIME24``. Metrics likewise.
3. Each benchmark has a **default board**. Where ``extract/data/default_metrics.txt`` names the
   benchmark's metric, the metrics listed as meaning the same there join that board (AIME24:
   pass@1 claims rank on the accuracy board), and so do claims that name no metric. Where no
   claim is on that board (only FID claims on ImageNet), and for other benchmarks,
   the default is the metric most of the benchmark's claims name (ties: alphabetical); claims
   naming no metric join it when the benchmark's claims name that one metric only, and form a
   board of their own otherwise. Every other metric is a board of its own.
4. Direction: ``vocab.metrics().direction(metric)``; an unknown or empty metric counts as
   higher-is-better.
5. One row per system (`systems.resolve_systems`: aliases, case and punctuation, a size suffix
   where the system comes in one size, "our method" is no system), shown by its canonical name.
   A subject that is the paper's title or the benchmark itself names no system either.
   Claims with no system are grouped per paper (each paper's unnamed system keeps its own row).
6. Settings flags (`board_vocab.setting_flags`: extra training data, pruned or quantised,
   test-time compute ...) are read from each claim's condition; a board asked to ``hide`` some
   flags leaves out the claims that raise them *before* each system's best claim is chosen.
7. Each system's best claim; ``papers`` counts the papers that claim the system on the board.
   Best first; ranks 1..n with ties sharing the lower rank ("min"); equal values keep paper
   order, then `char_start`.

`Boards.history` gives the claims of a board by date with the best value so far (the
best-over-time chart); `Boards.matrix` the best value of each system on each benchmark's
default board.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from .board_vocab import default_metrics, name_key, setting_flags
from .systems import resolve_systems

#: Columns of a leaderboard table, with their types (for `tables.write_table`).
LEADERBOARD_COLUMNS: dict[str, str] = {
    "rank": "int", "subject": "str", "value": "float", "unit": "str", "qualifier": "str",
    "metric": "str", "condition": "str", "flags": "str", "papers": "int", "paper_id": "str",
    "title": "str", "date": "str", "sentence": "str",
}

#: Columns of the list of leaderboards, with their types.
BOARD_LIST_COLUMNS: dict[str, str] = {
    "benchmark": "str", "metric": "str", "default": "str", "claims": "int", "subjects": "int",
}

#: Columns of a board's history (`Boards.history`).
HISTORY_COLUMNS = ("date", "when", "value", "unit", "subject", "best", "record", "condition",
                   "flags", "paper_id", "title")

#: How flags are joined in the `flags` column.
FLAG_SEPARATOR = "; "

#: The `default` column of the list for a benchmark's default board.
DEFAULT_MARK = "yes"


class LeaderboardError(LookupError):
    """No board for the asked benchmark or metric; `suggestions` holds the closest names."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []

    def __str__(self) -> str:
        message = self.args[0]
        if self.suggestions:
            message += "; closest: " + ", ".join(self.suggestions)
        return message


def fold(name: str) -> str:
    """A name with case, spaces and punctuation dropped, for comparing names.

    >>> fold("GPQA-Diamond"), fold(" vision r1 7B ")
    ('gpqadiamond', 'visionr17b')
    """
    return name_key(name)


@lru_cache(maxsize=None)
def _canonical(vocabulary: str, name: str) -> str:
    """`name` in the canonical spelling of a vocabulary ("benchmarks" or "metrics"), or as given
    when the vocabulary does not know it."""
    if not name:
        return name
    from ..engine import vocab

    return getattr(vocab, vocabulary)().canonical(name) or name


def benchmark_key(name: str) -> str:
    """The key benchmarks are matched by: canonical spelling, folded."""
    return fold(_canonical("benchmarks", name))


def metric_key(name: str) -> str:
    """The key metrics are matched by: canonical spelling, folded."""
    return fold(_canonical("metrics", name))


def direction(metric: str) -> str:
    """"higher" or "lower" (is better) for a metric; unknown or empty metrics count as higher."""
    if not metric:
        return "higher"
    from ..engine import vocab

    try:
        found = vocab.metrics().direction(_canonical("metrics", metric))
    except (KeyError, LookupError, ValueError):
        return "higher"
    return found if found in ("higher", "lower") else "higher"


def _closest(name: str, candidates: Iterable[str], key: Callable[[str], str]) -> list[str]:
    """Up to five of `candidates` closest to `name` (difflib), compared by `key`."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(key(candidate) or candidate.casefold(), candidate)
    matches = difflib.get_close_matches(key(name) or name.casefold(), list(by_key), n=5,
                                        cutoff=0.5)
    return [by_key[match] for match in matches]


def _map_distinct(series: pd.Series, function) -> pd.Series:
    return series.map({value: function(value) for value in series.unique()})


def flags_column(conditions: pd.Series) -> pd.Series:
    """The setting flags each condition raises, joined by `FLAG_SEPARATOR` ("" for none)."""
    flags = setting_flags()
    return _map_distinct(conditions, lambda c: FLAG_SEPARATOR.join(flags.flags_of(c)))


def system_columns(subjects: pd.Series, paper_ids: pd.Series, titles: pd.Series | None = None,
                   benchmark_keys: pd.Series | None = None) -> tuple[pd.Series, pd.Series]:
    """(group key, system name) of each row: `systems.resolve_systems`, and for a row with no
    system a key of its own paper ("\\0" + paper id) and an empty name.

    A subject that is the paper's title (as written: the extractor copies the title of a paper
    that names no system) or the benchmark ranked on (its `benchmark_key`: a benchmark paper's
    own name, in any spelling) names no system either."""
    resolved = resolve_systems(subjects.unique())
    keys = subjects.map({subject: key for subject, (key, _) in resolved.items()})
    names = subjects.map({subject: name for subject, (_, name) in resolved.items()})
    unnamed = keys == ""
    if titles is not None:
        unnamed |= subjects == titles
    if benchmark_keys is not None:
        unnamed |= keys == benchmark_keys
    return keys.where(~unnamed, "\0" + paper_ids), names.where(~unnamed, "")


class Boards:
    """The score claims of a claims table, prepared once, and the boards made of them."""

    def __init__(self, claims: pd.DataFrame):
        from .tables import claims_frame

        typed = claims_frame(claims)
        typed["_paper"] = pd.factorize(typed["paper_id"])[0]  # paper order, for tie-breaks
        typed["_position"] = range(len(typed))
        # a value that is not finite (a hand-made table's "inf") would top every board
        scores = typed[(typed["kind"] == "score") & np.isfinite(typed["value"])
                       & (typed["benchmark"] != "")].copy()
        # names repeat across rows: fold each distinct name once
        scores["_benchmark"] = _map_distinct(scores["benchmark"], benchmark_key)
        scores["_metric"] = _map_distinct(scores["metric"], metric_key)
        scores["_system"], scores["system"] = system_columns(
            scores["subject"], scores["paper_id"], scores["title"], scores["_benchmark"])
        scores["flags"] = flags_column(scores["condition"])
        self._defaults: dict[str, tuple[str, str, bool]] = {}  # benchmark -> key, name, listed
        board_of_pair = self._board_metrics(scores)
        pairs = scores["_benchmark"] + "\0" + scores["_metric"]
        scores["_board"] = pairs.map(board_of_pair)
        self.scores = scores
        self._board_names = self._metric_names(scores)

    # --- which board each claim is on ---------------------------------------------------------

    def _board_metrics(self, scores: pd.DataFrame) -> dict[str, str]:
        """"benchmark\\0metric" key pair -> the metric key of the board the claims are on."""
        counts = scores.groupby(["_benchmark", "_metric"], sort=False).size()
        per_benchmark: dict[str, dict[str, int]] = {}
        for (benchmark, metric), count in counts.items():
            per_benchmark.setdefault(benchmark, {})[metric] = int(count)
        board_of_pair: dict[str, str] = {}
        listed = default_metrics()
        for benchmark, present in per_benchmark.items():
            named = {metric: count for metric, count in present.items() if metric}
            recorded = listed.of(benchmark)
            if recorded is not None and set(present) & (recorded.merged | {""}):
                default, merged = fold(recorded.metric), recorded.merged | {""}
                self._defaults[benchmark] = (default, recorded.metric, True)
            else:
                default = min(named, key=lambda m: (-named[m], m)) if named else ""
                merged = {default, ""} if len(named) == 1 else {default}
                self._defaults[benchmark] = (default, "", False)
            for metric in present:
                board_of_pair[f"{benchmark}\0{metric}"] = default if metric in merged else metric
        return board_of_pair

    def _metric_names(self, scores: pd.DataFrame) -> dict[tuple[str, str], str]:
        """(benchmark key, board metric key) -> the metric name the board shows."""
        names = {}
        written = scores[scores["_metric"] == scores["_board"]].groupby(
            ["_benchmark", "_board"], sort=False)["metric"].first()
        for (benchmark, board), metric in written.items():
            names[(benchmark, board)] = _canonical("metrics", metric)
        for benchmark, (default, name, listed) in self._defaults.items():
            if listed:
                names[(benchmark, default)] = name
        return names

    def default_metric(self, benchmark: str) -> str:
        """The metric of a benchmark's default board ("" when its claims name none)."""
        key = benchmark_key(benchmark)
        if key not in self._defaults:
            raise self._unknown_benchmark(benchmark)
        return self._board_names.get((key, self._defaults[key][0]), "")

    # --- the list of boards -------------------------------------------------------------------

    def list(self) -> pd.DataFrame:
        """Every board: benchmark, metric, whether it is the benchmark's default, claims and
        systems. Benchmarks with the most systems on their default board first (then most
        claims, then by name); within a benchmark its default board first, then by claims."""
        scores = self.scores
        groups = scores.groupby(["_benchmark", "_board"], sort=False)
        boards = pd.DataFrame({
            "benchmark": groups["benchmark"].first().map(lambda b: _canonical("benchmarks", b)),
            "claims": groups.size(),
            "subjects": groups["_system"].nunique(),
        }).reset_index()
        if boards.empty:
            return pd.DataFrame({name: pd.Series(dtype="int64" if kind == "int" else object)
                                 for name, kind in BOARD_LIST_COLUMNS.items()})
        boards["metric"] = [self._board_names.get((b, m), "") for b, m in
                            zip(boards["_benchmark"], boards["_board"])]
        is_default = [self._defaults[b][0] == m for b, m in
                      zip(boards["_benchmark"], boards["_board"])]
        boards["default"] = [DEFAULT_MARK if flag else "" for flag in is_default]
        default_systems = boards["subjects"].where(is_default, 0)
        boards["_systems"] = default_systems.groupby(boards["_benchmark"]).transform("max")
        boards["_claims"] = boards.groupby("_benchmark")["claims"].transform("sum")
        boards["_name"] = boards["benchmark"].str.casefold()
        boards["_not_default"] = ~pd.Series(is_default, index=boards.index)
        boards["_metric_name"] = boards["metric"].str.casefold()
        boards = boards.sort_values(
            ["_systems", "_claims", "_name", "_not_default", "claims", "_metric_name"],
            ascending=[False, False, True, True, False, True], kind="stable")
        return boards[list(BOARD_LIST_COLUMNS)].astype(
            {"claims": "int64", "subjects": "int64"}).reset_index(drop=True)

    # --- one board ----------------------------------------------------------------------------

    def _unknown_benchmark(self, benchmark: str) -> LeaderboardError:
        return LeaderboardError(f"no score claims on benchmark {benchmark!r}",
                                _closest(benchmark, self.scores["benchmark"].unique(),
                                         benchmark_key))

    def _rows(self, benchmark: str, metric: str | None, hide: Iterable[str]
              ) -> tuple[pd.DataFrame, dict]:
        """The claims on a board (flags in `hide` left out) and the board's attrs."""
        key = benchmark_key(benchmark)
        if key not in self._defaults:
            raise self._unknown_benchmark(benchmark)
        on_benchmark = self.scores[self.scores["_benchmark"] == key]
        if metric is None:
            board = self._defaults[key][0]
        else:
            asked = metric_key(metric)
            # a metric merged into the default board finds that board
            board = on_benchmark.loc[on_benchmark["_metric"] == asked, "_board"]
            if board.empty:
                raise LeaderboardError(
                    f"no {metric!r} score claims on benchmark {benchmark!r}",
                    _closest(metric, [m for m in on_benchmark["metric"].unique() if m],
                             metric_key))
            board = board.iloc[0]
        rows = on_benchmark[on_benchmark["_board"] == board]
        hidden = tuple(dict.fromkeys(hide))
        if hidden:
            raised = rows["flags"].str.split(FLAG_SEPARATOR, regex=False)
            rows = rows[[not set(flags) & set(hidden) for flags in raised]]
        metric_name = self._board_names.get((key, board), "")
        merged = sorted({_canonical("metrics", m) for m in
                         on_benchmark.loc[on_benchmark["_board"] == board, "metric"]},
                        key=lambda m: (m != metric_name, m.casefold()))
        attrs = {"benchmark": _canonical("benchmarks", on_benchmark["benchmark"].iloc[0]),
                 "metric": metric_name, "direction": direction(metric_name),
                 "default": board == self._defaults[key][0], "metrics": merged,
                 "hidden": list(hidden)}
        return rows, attrs

    def board(self, benchmark: str, metric: str | None = None, hide: Iterable[str] = ()
              ) -> pd.DataFrame:
        """The ranked board of `benchmark` (its default metric unless `metric` is given), the
        claims raising a flag of `hide` left out; see the module doc. The board's benchmark,
        metric, direction, whether it is the default, the metrics merged into it and the
        hidden flags are in its ``attrs``.

        Raises `LeaderboardError` (with the closest names) when no score claim has that
        benchmark, or that metric on it.
        """
        rows, attrs = self._rows(benchmark, metric, hide)
        better = attrs["direction"]
        ranked = rows.assign(_sort=-rows["value"] if better == "higher" else rows["value"])
        ranked = ranked.sort_values(["_sort", "_paper", "char_start", "_position"],
                                    kind="stable", na_position="last")
        best = ranked.drop_duplicates("_system", keep="first")
        papers = rows.groupby("_system")["paper_id"].nunique()
        result = pd.DataFrame({
            "rank": best["_sort"].rank(method="min").astype("int64").to_numpy(),
            "subject": best["system"].to_numpy(),
            **{name: best[name].to_numpy() for name in ("value", "unit", "qualifier", "metric",
                                                        "condition", "flags")},
            "papers": best["_system"].map(papers).astype("int64").to_numpy(),
            **{name: best[name].to_numpy() for name in ("paper_id", "title", "date",
                                                        "sentence")},
        }, columns=list(LEADERBOARD_COLUMNS))
        result.attrs.update(attrs)
        return result

    def history(self, benchmark: str, metric: str | None = None, hide: Iterable[str] = ()
                ) -> pd.DataFrame:
        """The dated claims of a board in date order, each with the best value claimed up to
        its date (`best`) and whether it set that best (`record`): the best-over-time chart.
        `when` is the date as a timestamp (a month alone is its first day). Same attrs as
        `board`, and ``undated``: how many of the board's claims have no date."""
        rows, attrs = self._rows(benchmark, metric, hide)
        dated = rows[rows["date"] != ""]
        higher = attrs["direction"] == "higher"
        when = pd.to_datetime(dated["date"].where(dated["date"].str.len() > 7,
                                                  dated["date"] + "-01"), errors="coerce")
        history = pd.DataFrame({
            "date": dated["date"].to_numpy(), "when": when.to_numpy(),
            "value": dated["value"].to_numpy(), "unit": dated["unit"].to_numpy(),
            "subject": dated["system"].to_numpy(), "condition": dated["condition"].to_numpy(),
            "flags": dated["flags"].to_numpy(), "paper_id": dated["paper_id"].to_numpy(),
            "title": dated["title"].to_numpy()})
        history = history[history["when"].notna()].sort_values(
            ["when", "value"], ascending=[True, not higher], kind="stable")
        best = history["value"].cummax() if higher else history["value"].cummin()
        history["best"] = best
        history["record"] = (history["value"] == best) & (best != best.shift())
        history = history[list(HISTORY_COLUMNS)].reset_index(drop=True)
        history.attrs.update(attrs, undated=len(rows) - len(history))
        return history

    # --- all benchmarks at once ---------------------------------------------------------------

    def _on_default_boards(self) -> pd.DataFrame:
        scores = self.scores
        return scores[[self._defaults[b][0] == m for b, m in
                       zip(scores["_benchmark"], scores["_board"])]]

    def systems_on_defaults(self) -> pd.DataFrame:
        """(benchmark, system) of every named system on each benchmark's default board, once."""
        named = self._on_default_boards()
        named = named[named["system"] != ""].drop_duplicates(["_benchmark", "_system"])
        return pd.DataFrame({
            "benchmark": named["benchmark"].map(lambda b: _canonical("benchmarks", b)).to_numpy(),
            "system": named["system"].to_numpy()})

    def matrix(self, min_systems: int = 2, benchmarks: int | None = None) -> pd.DataFrame:
        """Systems x benchmarks: each named system's best value on each benchmark's default
        board, for the benchmarks whose default board has at least `min_systems` named
        systems (the `benchmarks` largest, when given). Columns: ``system``, ``benchmarks``
        (how many of the shown benchmarks it has a value on), then one column per benchmark,
        named "BENCHMARK (metric)". Systems on most benchmarks first, then by name."""
        on_default = self._on_default_boards()
        named = on_default[on_default["system"] != ""]
        columns: dict[str, pd.Series] = {}
        for key, rows in named.groupby("_benchmark", sort=False):
            higher = direction(self._board_names.get((key, self._defaults[key][0]), "")) \
                == "higher"
            best = rows.groupby("_system")["value"].agg("max" if higher else "min")
            if len(best) >= min_systems:
                metric = self._board_names.get((key, self._defaults[key][0]), "")
                name = _canonical("benchmarks", rows["benchmark"].iloc[0])
                columns[f"{name} ({metric})" if metric else name] = best
        ordered = sorted(columns, key=lambda c: (-columns[c].size, c.casefold()))
        if benchmarks is not None:
            ordered = ordered[:benchmarks]
        table = pd.DataFrame({name: columns[name] for name in ordered})
        names = named.drop_duplicates("_system").set_index("_system")["system"]
        table.insert(0, "benchmarks", table.notna().sum(axis=1).astype("int64"))
        table.insert(0, "system", names.reindex(table.index).to_numpy())
        table["_name"] = table["system"].str.casefold()
        table = table.sort_values(["benchmarks", "_name"], ascending=[False, True], kind="stable")
        return table.drop(columns="_name").reset_index(drop=True)


def leaderboard(claims: pd.DataFrame, benchmark: str, metric: str | None = None,
                hide: Iterable[str] = ()) -> pd.DataFrame:
    """The ranked board of `benchmark` (and `metric`) from a claims table: `Boards.board`."""
    return Boards(claims).board(benchmark, metric, hide)


def list_leaderboards(claims: pd.DataFrame) -> pd.DataFrame:
    """Every board of a claims table: `Boards.list`."""
    return Boards(claims).list()
