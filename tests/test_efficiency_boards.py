"""Efficiency boards (issue 13 item 5) and quality against efficiency (item 6)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from extract.output.efficiency import (EFFICIENCY_BOARD_COLUMNS, EfficiencyBoards, factor,
                                       quality_vs_efficiency)
from extract.output.leaderboard import Boards
from extract.output.tables import claims_frame


def claim(paper_id: str, kind: str, subject: str, value: float, unit: str, **fields) -> dict:
    from extract.engine.units import to_si

    value_si, unit_si = to_si(value, unit)
    return {"paper_id": paper_id, "title": f"Title of {paper_id}", "kind": kind,
            "subject": subject, "value": value, "unit": unit, "value_si": value_si,
            "unit_si": unit_si, "char_start": 0, "sentence": f"{subject}: {value} {unit}.",
            **fields}


# Claims of the sample (RT-DETR, DEIM, Step-3) and made-up ones for what the sample lacks.
CLAIMS = claims_frame([
    claim("rt-detr", "throughput", "RT-DETR-R50", 108, "frame/s", metric="throughput",
          hardware="T4", hardware_count=1),
    claim("rt-detr", "throughput", "R101", 74, "frame/s", metric="throughput", hardware="T4"),
    claim("deim", "throughput", "DEIM-D-FINE-L", 124, "frame/s", metric="throughput",
          hardware="T4"),
    claim("step-3", "throughput", "Step-3", 4039, "token/s", metric="decode throughput",
          hardware="Hopper", hardware_count=1, qualifier="up_to"),
    claim("p1", "throughput", "FastLM", 12000, "token/s", metric="decode throughput",
          hardware="H100", hardware_count=8),
    claim("p2", "latency", "QuickNet", 250, "ms", metric="latency", hardware="H100"),
    claim("p3", "latency", "SlowNet", 2, "s", metric="latency"),
    claim("p3", "latency", "Weird", -20, "ms", metric="latency"),  # "20 ms less": no amount
    claim("p4", "speedup", "A", 2.5, "x", metric="inference speed", baseline="vLLM"),
    claim("p5", "speedup", "B", 30, "%", metric="inference speed"),
    claim("p6", "speedup", "C", 3.1, "x", metric="inference speed", condition="with 4-bit "
          "quantization"),
    claim("p7", "memory", "FastLM", 40, "GB", metric="memory", hardware_count=2),
    claim("rt-detr", "score", "RT-DETR-R50", 53.1, "%", benchmark="COCO", metric="AP"),
    claim("deim", "score", "DEIM-D-FINE-L", 54.7, "%", benchmark="COCO", metric="AP"),
    claim("deim", "score", "Other", 50.0, "%", benchmark="COCO", metric="AP"),
])


def rows(board: pd.DataFrame, *columns: str) -> list[tuple]:
    return list(board[["rank", "subject", *columns]].itertuples(index=False, name=None))


@pytest.mark.parametrize("quantity, unit, hide, expected", [
    pytest.param("throughput [frame/s]", None, (),
                 [(1, "DEIM-D-FINE-L", 124.0), (2, "RT-DETR-R50", 108.0), (3, "R101", 74.0)],
                 id="sample-fps-higher-is-better"),
    pytest.param("throughput: decode throughput [token/s]", "ktoken/s", (),
                 [(1, "FastLM", 12.0), (2, "Step-3", 4.039)], id="unit-picked-through-pint"),
    pytest.param("latency [s]", "ms", (),
                 [(1, "QuickNet", 250.0), (2, "SlowNet", 2000.0)],
                 id="lower-is-better-and-no-negative-amount"),
    pytest.param("speedup: inference speed", None, (),
                 [(1, "C", 3.1), (2, "A", 2.5), (3, "B", 1.3)], id="percent-speedup-as-factor"),
    pytest.param("speedup: inference speed", None, ("pruned or quantised",),
                 [(1, "A", 2.5), (2, "B", 1.3)], id="hide-quantised"),
])
def test_efficiency_board(quantity, unit, hide, expected):
    board = EfficiencyBoards(CLAIMS).board(quantity, unit, hide)
    assert list(board.columns) == list(EFFICIENCY_BOARD_COLUMNS)
    assert [(r, s, pytest.approx(v)) for r, s, v in rows(board, "value")] == expected


def test_a_row_has_hardware_count_per_device_baseline_and_claim_as_written():
    boards = EfficiencyBoards(CLAIMS)
    decode = boards.board("throughput: decode throughput [token/s]").set_index("subject")
    assert decode.loc["FastLM", "per_device"] == 1500.0
    assert decode.loc["Step-3", "as_written"] == "up to 4039 token/s"
    assert (decode.loc["Step-3", "hardware"], decode.loc["Step-3", "hardware_count"]) == (
        "Hopper", 1)
    memory = boards.board("memory [B]", "GB").set_index("subject")
    assert memory.loc["FastLM", "per_device"] == 20.0
    latency = boards.board("latency [s]")
    assert latency["per_device"].isna().all()  # a time does not divide across devices
    speed = boards.board("speedup: inference speed").set_index("subject")
    assert speed.loc["A", "baseline"] == "vLLM" and speed.loc["B", "as_written"] == "30 %"


def test_quantities_are_listed_with_their_units():
    listed = EfficiencyBoards(CLAIMS).list()
    assert list(listed["quantity"]) == [
        "speedup: inference speed", "throughput [frame/s]", "latency [s]",
        "throughput: decode throughput [token/s]", "memory [B]"]
    assert EfficiencyBoards(CLAIMS).units("latency [s]")[:4] == ["ns", "us", "ms", "s"]


def test_quality_against_efficiency_joins_systems_with_both():
    joined = quality_vs_efficiency(Boards(CLAIMS), EfficiencyBoards(CLAIMS), "COCO",
                                   "throughput [frame/s]")
    assert sorted(zip(joined["subject"], joined["score"], joined["efficiency"],
                      joined["hardware"])) == [("DEIM-D-FINE-L", 54.7, 124.0, "T4"),
                                               ("RT-DETR-R50", 53.1, 108.0, "T4")]


@pytest.mark.parametrize("value, unit, kind, qualifier, expected", [
    (2.5, "x", "speedup", "", 2.5), (30, "%", "speedup", "", 1.3),
    (50, "%", "reduction", "", 2.0), (55.6, "%", "reduction", "fraction_of_baseline", 100 / 55.6),
    (100, "%", "reduction", "", math.nan), (-3, "x", "speedup", "", math.nan),
])
def test_factor(value, unit, kind, qualifier, expected):
    found = factor(value, unit, kind, qualifier)
    assert (math.isnan(found) and math.isnan(expected)) or found == pytest.approx(expected)


def test_an_empty_table_has_no_quantities():
    assert EfficiencyBoards(claims_frame([])).list().empty
