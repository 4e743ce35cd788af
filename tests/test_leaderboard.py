"""Leaderboards: direction of the metric, one row per subject, ties, metric choice, the list."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.output.leaderboard import (BOARD_LIST_COLUMNS, LEADERBOARD_COLUMNS, LeaderboardError,
                                 direction, fold, leaderboard, list_leaderboards)
from extract.output.tables import claims_frame


def claims(*rows: tuple, **fields) -> pd.DataFrame:
    """A claims table from (paper_id, subject, benchmark, metric, value[, kind[, char_start
    [, condition[, date]]]]); `fields` set a column on every row."""
    records = []
    for row in rows:
        paper_id, subject, benchmark, metric, value, *rest = row
        kind = rest[0] if rest else "score"
        char_start = rest[1] if len(rest) > 1 else 10 * len(records)
        condition = rest[2] if len(rest) > 2 else ""
        date = rest[3] if len(rest) > 3 else ""
        records.append({"paper_id": paper_id, "title": f"Title of {paper_id}", "kind": kind,
                        "subject": subject, "benchmark": benchmark, "metric": metric,
                        "value": value, "unit": "%", "char_start": char_start,
                        "condition": condition, "date": date,
                        "sentence": f"{subject} gets {value} {metric} on {benchmark}.", **fields})
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
    "subjects folded for grouping (case, spaces, punctuation), shown as first written": (
        claims(("p1", "Vision-R1 7B", "MathVista", "accuracy", 71.0),
               ("p2", "vision-r1-7b", "MathVista", "accuracy", 73.5),
               ("p2", "GPT-4o", "MathVista", "accuracy", 63.8)),
        "MathVista", "accuracy",
        [(1, "Vision-R1 7B", 73.5), (2, "GPT-4o", 63.8)]),
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
        claims(("p1", "Alpha", "BenchX", "", 60.2),
               ("p2", "Beta", "BenchX", "", 74.0)),
        "BenchX", "",
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
    pytest.param([("p1", "A", "BenchX", "AP", 50.0), ("p2", "B", "BenchX", "AP", 51.0),
                  ("p3", "C", "BenchX", "AP50", 70.0)], "AP", id="unlisted-most-claims-wins"),
    pytest.param([("p1", "A", "BenchX", "", 50.0), ("p2", "B", "BenchX", "mAP", 51.0),
                  ("p3", "C", "BenchX", "AP", 70.0)], "AP",
                 id="unlisted-tie-named-before-empty-then-alphabetical"),
    pytest.param([("p1", "A", "BenchX", "", 60.2), ("p2", "B", "BenchX", "", 74.0)], "",
                 id="unlisted-only-unnamed-metrics"),
    pytest.param([("p1", "A", "ImageNet", "rFID", 0.12), ("p1", "B", "ImageNet", "rFID", 0.18),
                  ("p2", "C", "ImageNet", "top-1 accuracy", 82.1)], "top-1 accuracy",
                 id="issue13-ImageNet-opens-on-top-1-not-the-most-claimed-rFID"),
    pytest.param([("p1", "A", "AIME24", "", 60.2), ("p2", "B", "AIME24", "", 74.0)], "accuracy",
                 id="issue13-AIME24-unnamed-claims-on-its-default-board"),
    pytest.param([("p1", "A", "ImageNet", "FID", 2.3), ("p2", "B", "ImageNet", "FID", 2.1)],
                 "FID", id="listed-default-without-claims-falls-back-to-the-most-claimed"),
])
def test_metric_chosen_when_not_asked(rows, expected_metric):
    board = leaderboard(claims(*rows), rows[0][2])
    assert board.attrs["metric"] == expected_metric
    assert board.attrs["default"] is True


def test_attrs_name_the_board():
    board = leaderboard(claims(("p1", "DiT", "ImageNet", "FID", 2.27)), "imagenet", "fid")
    assert board.attrs == {"benchmark": "ImageNet", "metric": "FID", "direction": "lower",
                           "default": True, "metrics": ["FID"], "hidden": []}


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
        ("COCO", "AP", "yes", 3, 2), ("COCO", "AP50", "", 1, 1),
        ("ImageNet", "top-1 accuracy", "yes", 1, 1)]


def test_list_leaderboards_of_an_empty_table():
    boards = list_leaderboards(claims_frame([]))
    assert boards.empty and list(boards.columns) == list(BOARD_LIST_COLUMNS)


# --- issue 13: one board per benchmark, one row per system ---------------------------------

from extract.engine.vocab import VocabError  # noqa: E402
from extract.output.board_vocab import DefaultMetrics, SettingFlags, Systems  # noqa: E402
from extract.output.leaderboard import Boards  # noqa: E402

# The sample's AIME24 claims as the extractor reads them: three ways of naming the metric.
SAMPLE_AIME24 = claims(
    ("light-r1", "Light-R1-14B-DS", "AIME24", "", 74.0),
    ("premoe", "Pangu-Ultra-MoE 718B", "AIME24", "accuracy", 81.3, "score", 10,
     "with 8/128 pruning"),
    ("sift", "DeepSeek-R1", "AIME24", "pass@1", 78.33, "score", 20, "before"),
    ("sift", "SIFT", "AIME24", "pass@1", 85.67),
    ("light-r1", "Light-R1-14B-DS", "AIME25", "", 60.2))

# The sample's COCO claims, with the RT-DETR conditions as the extractor now reads them.
SAMPLE_COCO = claims(
    ("rt-detr", "RT-DETR-R50", "COCO", "AP", 53.1),
    ("rt-detr", "RT-DETR-R50", "COCO", "AP", 55.3, "score", 90,
     "After pre-training with Objects365"),
    ("deim", "DEIM-D-FINE-X", "COCO", "mAP", 56.5),
    ("deim", "DEIM", "COCO", "AP", 53.2))

BOARDS_CASES = {
    "sample AIME24: accuracy = pass@1 and no metric named, one board of 4 systems": (
        SAMPLE_AIME24, "AIME24", None, (),
        [(1, "SIFT", 85.67), (2, "Pangu-Ultra-MoE 718B", 81.3), (3, "DeepSeek-R1", 78.33),
         (4, "Light-R1-14B-DS", 74.0)]),
    "asking pass@1 on AIME24 finds the merged board": (
        SAMPLE_AIME24, "AIME 2024", "pass@1", (),
        [(1, "SIFT", 85.67), (2, "Pangu-Ultra-MoE 718B", 81.3), (3, "DeepSeek-R1", 78.33),
         (4, "Light-R1-14B-DS", 74.0)]),
    "sample COCO: AP = mAP": (
        SAMPLE_COCO, "COCO", None, (),
        [(1, "DEIM-D-FINE-X", 56.5), (2, "RT-DETR-R50", 55.3), (3, "DEIM", 53.2)]),
    "sample COCO without extra training data: RT-DETR's best is 53.1": (
        SAMPLE_COCO, "COCO", None, ("extra training data",),
        [(1, "DEIM-D-FINE-X", 56.5), (2, "DEIM", 53.2), (3, "RT-DETR-R50", 53.1)]),
    "sample AIME24 without pruned systems": (
        SAMPLE_AIME24, "AIME24", None, ("pruned or quantised",),
        [(1, "SIFT", 85.67), (2, "DeepSeek-R1", 78.33), (3, "Light-R1-14B-DS", 74.0)]),
    "a size suffix folds into the unsized name when the system comes in one size": (
        claims(("p1", "DeepSeek-R1 671B", "MATH500", "accuracy", 97.2),
               ("p2", "DeepSeek-R1", "MATH500", "accuracy", 97.3),
               ("p2", "Qwen2.5-7B", "MATH500", "accuracy", 75.0),
               ("p3", "Qwen2.5-32B", "MATH500", "accuracy", 83.1)),
        "MATH500", None, (),
        [(1, "DeepSeek-R1", 97.3), (2, "Qwen2.5-32B", 83.1), (3, "Qwen2.5-7B", 75.0)]),
    "systems.txt aliases: o1 is OpenAI o1": (
        claims(("p1", "o1", "GPQA Diamond", "accuracy", 78.0),
               ("p2", "OpenAI-o1", "GPQA Diamond", "accuracy", 77.3)),
        "GPQA Diamond", None, (), [(1, "OpenAI o1", 78.0)]),
    "'our method' is no system: its claims stay per paper, unnamed": (
        claims(("p1", "our method", "MMLU", "accuracy", 70.0),
               ("p2", "Our Method", "MMLU", "accuracy", 71.0)),
        "MMLU", None, (), [(1, "", 71.0), (2, "", 70.0)]),
    "wide corpus: a subject that is its paper's title names no system": (
        claims(("p1", "Title of p1", "MATH500", "accuracy", 73.6),
               ("p2", "Title of p2", "MATH500", "accuracy", 80.0),
               ("p3", "Skywork R1V", "MATH500", "accuracy", 94.0)),
        "MATH500", None, (), [(1, "Skywork R1V", 94.0), (2, "", 80.0), (3, "", 73.6)]),
    "wide corpus 2505.16773: a subject that is the benchmark names no system": (
        claims(("p1", "ImageNet", "ImageNet", "top-1 accuracy", 87.0),
               ("p2", "PoolFormer", "ImageNet", "top-1 accuracy", 82.1)),
        "ImageNet", None, (), [(1, "", 87.0), (2, "PoolFormer", 82.1)]),
    "wide corpus 2508.10014: a benchmark paper's own name, spelled another way, is no system": (
        claims(("p3", "Persona-Eval", "PersonaEval", "accuracy", 69.0),
               ("p3", "Qwen2.5", "PersonaEval", "accuracy", 60.0)),
        "PersonaEval", None, (), [(1, "", 69.0), (2, "Qwen2.5", 60.0)]),
    "a benchmark without a listed default: one named metric takes the unnamed claims": (
        claims(("p1", "A", "BenchX", "F1", 50.0), ("p2", "B", "BenchX", "", 60.0)),
        "BenchX", None, (), [(1, "B", 60.0), (2, "A", 50.0)]),
}


@pytest.mark.parametrize("table, benchmark, metric, hide, expected", BOARDS_CASES.values(),
                         ids=BOARDS_CASES.keys())
def test_boards(table, benchmark, metric, hide, expected):
    assert board_rows(leaderboard(table, benchmark, metric, hide)) == expected


def test_a_board_counts_the_papers_of_each_system_and_shows_its_flags():
    table = claims(("p1", "DeepSeek-R1 671B", "MATH500", "accuracy", 97.2, "score", 0,
                    "when pruned to 8/128 configuration"),
                   ("p2", "DeepSeek-R1", "MATH500", "", 96.0),
                   ("p3", "deepseek r1", "MATH500", "pass@1", 95.0))
    [row] = leaderboard(table, "MATH500").to_dict("records")
    assert (row["subject"], row["papers"], row["flags"]) == ("DeepSeek-R1", 3,
                                                             "pruned or quantised")
    assert row["condition"] == "when pruned to 8/128 configuration"


def test_the_list_marks_defaults_and_orders_benchmarks_by_systems():
    boards = list_leaderboards(SAMPLE_AIME24)
    assert list(boards.itertuples(index=False, name=None)) == [
        ("AIME24", "accuracy", "yes", 4, 4), ("AIME25", "accuracy", "yes", 1, 1)]


def test_history_is_the_best_value_so_far_by_date():
    table = claims(("p1", "A", "COCO", "AP", 50.0, "score", 0, "", "2024-01-10"),
                   ("p2", "B", "COCO", "AP", 48.0, "score", 0, "", "2024-02"),
                   ("p3", "C", "COCO", "AP", 53.1, "score", 0, "", "2024-03-05"),
                   ("p4", "D", "COCO", "AP", 52.0, "score", 0, "", "2024-04-01"),
                   ("p5", "E", "COCO", "AP", 60.0))  # no date: not on the chart
    history = Boards(table).history("COCO")
    assert list(history["subject"]) == ["A", "B", "C", "D"]
    assert list(history["best"]) == [50.0, 50.0, 53.1, 53.1]
    assert list(history["record"]) == [True, False, True, False]
    assert str(history["when"].iloc[1].date()) == "2024-02-01"
    assert history.attrs["undated"] == 1


def test_history_of_a_lower_is_better_board():
    table = claims(("p1", "A", "CIFAR-10", "FID", 3.0, "score", 0, "", "2024-01"),
                   ("p2", "B", "CIFAR-10", "FID", 2.0, "score", 0, "", "2024-02"),
                   ("p3", "C", "CIFAR-10", "FID", 2.5, "score", 0, "", "2024-03"))
    assert list(Boards(table).history("CIFAR-10")["best"]) == [3.0, 2.0, 2.0]


def test_matrix_has_each_systems_best_on_each_default_board():
    table = claims(("p1", "A", "MMLU", "accuracy", 70.0), ("p2", "A", "GSM8K", "accuracy", 80.0),
                   ("p2", "B", "MMLU", "accuracy", 75.0), ("p3", "B", "GSM8K", "pass@1", 85.0),
                   ("p3", "C", "MMLU", "accuracy", 60.0), ("p3", "C", "MMLU", "F1", 99.0),
                   ("p4", "D", "Lonely", "accuracy", 1.0))
    matrix = Boards(table).matrix()
    assert list(matrix.columns) == ["system", "benchmarks", "MMLU (accuracy)", "GSM8K (accuracy)"]
    assert matrix.fillna(-1).values.tolist() == [["A", 2, 70.0, 80.0], ["B", 2, 75.0, 85.0],
                                                 ["C", 1, 60.0, -1]]


@pytest.mark.parametrize("loader, text, message", [
    pytest.param(DefaultMetrics, "AIME24 accuracy\n", "x.txt:1: expected 'BENCHMARK: METRIC",
                 id="default-metrics-no-colon"),
    pytest.param(DefaultMetrics, "# c\nAIME24: zorbility\n", "x.txt:2: unknown metric 'zorbility'",
                 id="default-metrics-unknown-metric"),
    pytest.param(DefaultMetrics, "AIME24: accuracy\nAIME 2024: pass@1\n",
                 "x.txt:2: benchmark 'AIME 2024' has a line already",
                 id="default-metrics-benchmark-twice-by-alias"),
    pytest.param(DefaultMetrics, "AIME24: accuracy = = pass@1\n", "x.txt:1: an empty name",
                 id="default-metrics-empty-name"),
    pytest.param(Systems, "GPT-4o = GPT4o\nGPT 4o\n", "x.txt:2: 'GPT 4o' is listed already (line 1)",
                 id="systems-clash-after-folding"),
    pytest.param(Systems, "~ our method\nOur-Method = X\n", "x.txt:2: 'Our-Method' is listed",
                 id="systems-no-system-phrase-clash"),
    pytest.param(Systems, "GPT-4o = !!\n", "x.txt:1: '!!' has no letter or digit",
                 id="systems-name-without-letters"),
    pytest.param(SettingFlags, "zero-shot zero shot\n", "x.txt:1: expected 'FLAG: CUE",
                 id="settings-no-colon"),
    pytest.param(SettingFlags, "a: x\na: y\n", "x.txt:2: flag 'a' has a line already",
                 id="settings-flag-twice"),
    pytest.param(SettingFlags, "@negative: no\n", "x.txt:1: unknown directive '@negative'",
                 id="settings-unknown-directive"),
    pytest.param(SettingFlags, "a: {k} samples\n", "x.txt:1: cue '{k} samples': only {n}",
                 id="settings-unknown-placeholder"),
])
def test_board_data_files_name_file_and_line_of_an_error(loader, text, message):
    with pytest.raises(VocabError, match=re.escape(message)):
        loader.from_text(text, "x.txt")


@pytest.mark.parametrize("condition, flags", [
    pytest.param("After pre-training with Objects365", ("extra training data",), id="sample-rt-detr"),
    pytest.param("without the need for additional data", (), id="sample-deim-negated"),
    pytest.param("with 8/128 pruning", ("pruned or quantised",), id="sample-premoe"),
    pytest.param("with 2048 samples", ("test-time compute",), id="wide-2503.12271"),
    pytest.param("before; with one sample", (), id="sample-one-sample-is-no-test-time-compute"),
    pytest.param("1-shot; 5-shot", ("few-shot",), id="wide-few-shot"),
    pytest.param("before; zero-shot", ("zero-shot",), id="sample-esgenius"),
    pytest.param("with RAG", ("tools or retrieval",), id="spec-rag"),
    pytest.param("under 50ms TPOT SLA (4K context, FP8, no MTP)", ("pruned or quantised",),
                 id="sample-step3-fp8"),
    pytest.param("using 4-bit quantization, with majority voting", ("pruned or quantised",
                                                                     "test-time compute"),
                 id="spec-two-flags-in-file-order"),
])
def test_setting_flags_from_the_condition(condition, flags):
    from extract.output.board_vocab import setting_flags

    assert setting_flags().flags_of(condition) == flags


@given(st.text(max_size=60))
def test_setting_flags_never_crash(condition):
    from extract.output.board_vocab import setting_flags

    assert set(setting_flags().flags_of(condition)) <= set(setting_flags().names)


# --- issue 13 "done when": the four boards on the sample (plus the wide corpus) -------------

from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
WIDE_CORPUS = next((path for path in (REPO.parent / "shared" / "corpus" / "arxiv-2025.jsonl",
                                      REPO.parent.parent / "shared" / "corpus" / "arxiv-2025.jsonl")
                    if path.exists()), None)


@pytest.fixture(scope="module")
def sample_boards() -> Boards:
    import extract
    from dashboard.data import SAMPLE_CORPUS

    inputs = [SAMPLE_CORPUS] + ([WIDE_CORPUS] if WIDE_CORPUS else [])
    return Boards(extract.extract_claims(p for path in inputs for p in extract.read_papers(path)))


@pytest.mark.parametrize("benchmark, metric", [
    ("AIME24", "accuracy"), ("MATH500", "accuracy"), ("COCO", "AP"), ("ImageNet", "top-1 accuracy"),
])
def test_each_board_opens_on_its_default_metric_with_every_sample_system(sample_boards, benchmark,
                                                                         metric):
    """Every system the golden file says claims a number on the benchmark's default metric (or
    one merged into it) has its best value on the board (the golden file names systems as its
    annotators did, so the values are compared)."""
    from extract.evaluation.golden import read_golden

    board = sample_boards.board(benchmark)
    assert (board.attrs["metric"], board.attrs["default"]) == (metric, True)
    golden = read_golden(REPO / "golden" / "hf-daily-papers.csv")
    merged = {fold(m) for m in board.attrs["metrics"]}
    on_board = golden[(golden["kind"] == "score") & (golden["benchmark"] == benchmark)
                      & golden["metric"].map(lambda m: fold(m) in merged)]
    best = on_board.groupby("subject")["value"].max()
    assert set(best) <= set(board["value"]), (sorted(best), sorted(board["value"]))
