"""Leaderboards: direction of the metric, one row per subject, ties, metric choice, the list."""
from __future__ import annotations

import pandas as pd
import pytest

from extract.output.leaderboard import (BOARD_LIST_COLUMNS, LEADERBOARD_COLUMNS, LeaderboardError,
                                 direction, leaderboard, list_leaderboards)
from extract.output.tables import claims_frame


def claims(*rows: tuple) -> pd.DataFrame:
    """A claims table from (paper_id, subject, benchmark, metric, value[, kind[, char_start]])."""
    records = []
    for row in rows:
        paper_id, subject, benchmark, metric, value, *rest = row
        kind = rest[0] if rest else "score"
        char_start = rest[1] if len(rest) > 1 else 10 * len(records)
        records.append({"paper_id": paper_id, "title": f"Title of {paper_id}", "kind": kind,
                        "subject": subject, "benchmark": benchmark, "metric": metric,
                        "value": value, "unit": "%", "char_start": char_start,
                        "sentence": f"{subject} gets {value} {metric} on {benchmark}."})
    return claims_frame(records)


def board_rows(board: pd.DataFrame) -> list[tuple]:
    return list(board[["rank", "subject", "value"]].itertuples(index=False, name=None))


# Each case: claims, benchmark, metric asked, expected (rank, subject, value) rows.
BOARD_CASES = {
    "higher is better (accuracy): best claim per subject kept": (
        claims(("p1", "Alpha", "MathVista", "accuracy", 70.0),
               ("p1", "Beta", "MathVista", "accuracy", 75.0),
               ("p2", "Alpha", "MathVista", "accuracy", 80.0),
               ("p2", "Gamma", "MathVista", "accuracy", 60.0)),
        "MathVista", "accuracy",
        [(1, "Alpha", 80.0), (2, "Beta", 75.0), (3, "Gamma", 60.0)]),
    "lower is better (FID)": (
        claims(("p1", "DiT-XL", "ImageNet", "FID", 2.27),
               ("p2", "SiT-XL", "ImageNet", "FID", 2.06),
               ("p3", "DiT-XL", "ImageNet", "FID", 9.62),
               ("p3", "LDM", "ImageNet", "FID", 3.60)),
        "ImageNet", "FID",
        [(1, "SiT-XL", 2.06), (2, "DiT-XL", 2.27), (3, "LDM", 3.60)]),
    "lower is better (latency)": (
        claims(("p1", "FastModel", "MS MARCO", "latency", 12.0),
               ("p1", "SlowModel", "MS MARCO", "latency", 40.0),
               ("p2", "FastModel", "MS MARCO", "latency", 15.0)),
        "MS MARCO", "latency",
        [(1, "FastModel", 12.0), (2, "SlowModel", 40.0)]),
    "ties share the lower rank, paper order breaks them": (
        claims(("p1", "InFirstPaper", "GSM8K", "accuracy", 90.0),
               ("p0", "Best", "GSM8K", "accuracy", 95.0),
               ("p2", "InThirdPaper", "GSM8K", "accuracy", 90.0),
               ("p3", "Last", "GSM8K", "accuracy", 85.0)),
        "GSM8K", "accuracy",
        [(1, "Best", 95.0), (2, "InFirstPaper", 90.0), (2, "InThirdPaper", 90.0), (4, "Last", 85.0)]),
    "subjects folded for grouping (case, spaces, punctuation), shown as written": (
        claims(("p1", "Vision-R1 7B", "MathVista", "accuracy", 71.0),
               ("p2", "vision-r1-7b", "MathVista", "accuracy", 73.5),
               ("p2", "GPT-4o", "MathVista", "accuracy", 63.8)),
        "MathVista", "accuracy",
        [(1, "vision-r1-7b", 73.5), (2, "GPT-4o", 63.8)]),
    "benchmark and metric asked in other case": (
        claims(("p1", "Alpha", "MathVista", "accuracy", 70.0),
               ("p1", "Beta", "MathVista", "accuracy", 75.0)),
        "mathvista", "Accuracy",
        [(1, "Beta", 75.0), (2, "Alpha", 70.0)]),
    "an unknown metric counts as higher-is-better": (
        claims(("p1", "Alpha", "BenchX", "zorbility", 1.0),
               ("p2", "Beta", "BenchX", "zorbility", 2.0)),
        "BenchX", "zorbility",
        [(1, "Beta", 2.0), (2, "Alpha", 1.0)]),
    "an empty metric counts as higher-is-better": (
        claims(("p1", "Alpha", "AIME24", "", 60.2),
               ("p2", "Beta", "AIME24", "", 74.0)),
        "AIME24", "",
        [(1, "Beta", 74.0), (2, "Alpha", 60.2)]),
    "rows without a subject are kept, one per paper": (
        claims(("p1", "", "COCO", "AP", 50.0),
               ("p1", "", "COCO", "AP", 53.1),
               ("p2", "", "COCO", "AP", 54.3)),
        "COCO", "AP",
        [(1, "", 54.3), (2, "", 53.1)]),
    "other kinds and other benchmarks are left out": (
        claims(("p1", "Alpha", "COCO", "AP", 50.0),
               ("p1", "Alpha", "COCO", "AP", 5.0, "delta"),
               ("p1", "Beta", "LVIS", "AP", 60.0),
               ("p2", "Gamma", "COCO", "AP", 40.0, "speedup")),
        "COCO", "AP",
        [(1, "Alpha", 50.0)]),
}


@pytest.mark.parametrize("table, benchmark, metric, expected", BOARD_CASES.values(),
                         ids=BOARD_CASES.keys())
def test_leaderboard(table, benchmark, metric, expected):
    board = leaderboard(table, benchmark, metric)
    assert list(board.columns) == list(LEADERBOARD_COLUMNS)
    assert board_rows(board) == expected


def test_equal_values_in_one_paper_keep_text_order():
    table = claims(("p1", "Second", "GSM8K", "accuracy", 90.0, "score", 50),
                   ("p1", "First", "GSM8K", "accuracy", 90.0, "score", 20))
    assert board_rows(leaderboard(table, "GSM8K", "accuracy")) == [(1, "First", 90.0),
                                                                  (1, "Second", 90.0)]


def test_board_rows_carry_their_claim():
    table = claims(("p1", "Alpha", "MathVista", "accuracy", 70.0))
    row = leaderboard(table, "MathVista").iloc[0]
    assert (row["paper_id"], row["title"], row["unit"]) == ("p1", "Title of p1", "%")
    assert row["sentence"] == "Alpha gets 70.0 accuracy on MathVista."


@pytest.mark.parametrize("rows, expected_metric", [
    # most claims wins
    ([("p1", "A", "COCO", "AP", 50.0), ("p2", "B", "COCO", "AP", 51.0),
      ("p3", "C", "COCO", "AP50", 70.0)], "AP"),
    # a tie: a named metric before an empty one, then alphabetical
    ([("p1", "A", "COCO", "", 50.0), ("p2", "B", "COCO", "mAP", 51.0),
      ("p3", "C", "COCO", "AP", 70.0)], "AP"),
    # only unnamed metrics: the empty metric is the board
    ([("p1", "A", "AIME24", "", 60.2), ("p2", "B", "AIME24", "", 74.0)], ""),
])
def test_metric_chosen_when_not_asked(rows, expected_metric):
    board = leaderboard(claims(*rows), rows[0][2])
    assert board.attrs["metric"] == expected_metric
    assert board.attrs["direction"] == "higher"


def test_attrs_name_the_board():
    board = leaderboard(claims(("p1", "DiT", "ImageNet", "FID", 2.27)), "imagenet", "fid")
    assert board.attrs == {"benchmark": "ImageNet", "metric": "FID", "direction": "lower"}


@pytest.mark.parametrize("metric, expected", [
    ("FID", "lower"), ("latency", "lower"), ("perplexity", "lower"), ("error", "lower"),
    ("accuracy", "higher"), ("F1", "higher"), ("", "higher"), ("zorbility", "higher"),
])
def test_direction(metric, expected):
    assert direction(metric) == expected


@pytest.mark.parametrize("benchmark, metric, message, suggestions", [
    ("MathVist", None, "no score claims on benchmark 'MathVist'", ["MathVista"]),
    ("Nothing-Like-It", None, "no score claims on benchmark", []),
    ("MathVista", "accurcy", "no 'accurcy' score claims on benchmark", ["accuracy"]),
])
def test_unknown_benchmark_or_metric(benchmark, metric, message, suggestions):
    table = claims(("p1", "Alpha", "MathVista", "accuracy", 70.0),
                   ("p1", "Alpha", "MMLU", "accuracy", 70.0))
    with pytest.raises(LeaderboardError, match=message) as raised:
        leaderboard(table, benchmark, metric)
    assert raised.value.suggestions == suggestions


def test_list_leaderboards():
    table = claims(("p1", "A", "COCO", "AP", 50.0), ("p2", "B", "COCO", "AP", 51.0),
                   ("p2", "b", "COCO", "AP", 52.0), ("p3", "C", "COCO", "AP50", 70.0),
                   ("p1", "A", "ImageNet", "top-1 accuracy", 80.0),
                   ("p1", "A", "", "accuracy", 80.0),  # no benchmark: no board
                   ("p1", "A", "MMLU", "accuracy", 5.0, "delta"))  # not a score
    boards = list_leaderboards(table)
    assert list(boards.columns) == list(BOARD_LIST_COLUMNS)
    assert list(boards.itertuples(index=False, name=None)) == [
        ("COCO", "AP", 3, 2), ("COCO", "AP50", 1, 1), ("ImageNet", "top-1 accuracy", 1, 1)]


def test_list_leaderboards_of_an_empty_table():
    boards = list_leaderboards(claims_frame([]))
    assert boards.empty and list(boards.columns) == list(BOARD_LIST_COLUMNS)
