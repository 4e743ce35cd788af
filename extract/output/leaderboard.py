"""Leaderboards: for one benchmark and metric, the best `score` claim of each system, ranked.

How a board is built (`leaderboard`):

1. Only `score` rows count, with a finite value.
2. Benchmarks are matched after canonical folding (`vocab.benchmarks().canonical`, then case,
   spaces and punctuation ignored): ``aime 2024`` finds ``AIME24``. Metrics likewise.
3. When no metric is asked for, the benchmark's metric with the most claims is taken (ties: a
   named metric before an empty one, then alphabetical). The chosen names and the direction are
   in the result's ``attrs`` (``benchmark``, ``metric``, ``direction``).
4. Direction: ``vocab.metrics().direction(metric)``; an unknown or empty metric counts as
   higher-is-better.
5. One row per subject, its best claim. Subjects are grouped after folding case, spaces and
   punctuation and shown as written in that best claim; rows with no subject are grouped per
   paper (each paper's unnamed system keeps its own row).
6. Best first; ranks 1..n with ties sharing the lower rank ("min"); equal values keep paper
   order, then `char_start`.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd
import regex

#: Columns of a leaderboard table, with their types (for `tables.write_table`).
LEADERBOARD_COLUMNS: dict[str, str] = {
    "rank": "int", "subject": "str", "value": "float", "unit": "str", "qualifier": "str",
    "condition": "str", "paper_id": "str", "title": "str", "sentence": "str",
}

#: Columns of the list of leaderboards, with their types.
BOARD_LIST_COLUMNS: dict[str, str] = {
    "benchmark": "str", "metric": "str", "claims": "int", "subjects": "int",
}

_NOT_ALNUM = regex.compile(r"[\W_]+")


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
    return _NOT_ALNUM.sub("", name.casefold())


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


def _closest(name: str, candidates: list[str], key: Callable[[str], str]) -> list[str]:
    """Up to five of `candidates` closest to `name` (difflib), compared by `key`."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(key(candidate) or candidate.casefold(), candidate)
    matches = difflib.get_close_matches(key(name) or name.casefold(), list(by_key), n=5,
                                        cutoff=0.5)
    return [by_key[match] for match in matches]


def _map_distinct(series: pd.Series, function) -> pd.Series:
    return series.map({value: function(value) for value in series.unique()})


def _scores(claims: pd.DataFrame) -> pd.DataFrame:
    """The `score` rows with a value and a benchmark, typed, with their keys and positions."""
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
    subject_keys = _map_distinct(scores["subject"], fold)
    # A row without a subject is some system of its paper: group those per paper.
    scores["_subject"] = subject_keys.where(subject_keys != "", "\0" + scores["paper_id"])
    return scores


def _choose_metric(board: pd.DataFrame) -> str:
    """The metric key with most claims; ties: named before empty, then alphabetical."""
    counts = board["_metric"].value_counts()
    return min(counts.index, key=lambda key: (-counts[key], key == "", key))


def leaderboard(claims: pd.DataFrame, benchmark: str, metric: str | None = None) -> pd.DataFrame:
    """The ranked board of `benchmark` (and `metric`) from a claims table; see the module doc.

    Raises `LeaderboardError` (with the closest names) when no score claim has that benchmark,
    or that metric on it.
    """
    scores = _scores(claims)
    board = scores[scores["_benchmark"] == benchmark_key(benchmark)]
    if board.empty:
        raise LeaderboardError(f"no score claims on benchmark {benchmark!r}",
                               _closest(benchmark, list(scores["benchmark"].unique()),
                                        benchmark_key))
    if metric is None:
        wanted_metric = _choose_metric(board)
    else:
        wanted_metric = metric_key(metric)
        if wanted_metric not in set(board["_metric"]):
            raise LeaderboardError(
                f"no {metric!r} score claims on benchmark {benchmark!r}",
                _closest(metric, [m for m in board["metric"].unique() if m], metric_key))
    board = board[board["_metric"] == wanted_metric].copy()
    metric_name = board["metric"].iloc[0]
    better = direction(metric_name)

    # Best first, then paper order, then position in the paper; keep each subject's best row.
    board["_sort"] = -board["value"] if better == "higher" else board["value"]
    board = board.sort_values(["_sort", "_paper", "char_start", "_position"], kind="stable",
                              na_position="last")
    best = board.drop_duplicates("_subject", keep="first")
    result = best[[name for name in LEADERBOARD_COLUMNS if name != "rank"]].reset_index(drop=True)
    result.insert(0, "rank", best["_sort"].rank(method="min").astype("int64").to_numpy())
    result.attrs.update(benchmark=board["benchmark"].iloc[0], metric=metric_name,
                        direction=better)
    return result


def list_leaderboards(claims: pd.DataFrame) -> pd.DataFrame:
    """Every (benchmark, metric) pair with score claims: how many claims and subjects, most
    claims first, then by name. Names are shown as first written."""
    scores = _scores(claims)
    groups = scores.groupby(["_benchmark", "_metric"], sort=False)
    boards = pd.DataFrame({
        "benchmark": groups["benchmark"].first(),
        "metric": groups["metric"].first(),
        "claims": groups.size(),
        "subjects": groups["_subject"].nunique(),
    }).reset_index(drop=True)
    boards["_name"] = boards["benchmark"].str.casefold()
    boards["_metric"] = boards["metric"].str.casefold()
    boards = boards.sort_values(["claims", "_name", "_metric"], ascending=[False, True, True],
                                kind="stable")
    return boards[list(BOARD_LIST_COLUMNS)].astype(
        {"claims": "int64", "subjects": "int64"}).reset_index(drop=True)
