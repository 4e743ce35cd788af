"""Scores that are changes (issue 11, wide-corpus error pattern "score where the golden file has a
delta"): a margin over other systems, a fall. Cases are named by where they came from (`wide:ID`,
a sentence of the wide arXiv corpus, abridged); expectations are what a reader annotates."""
from __future__ import annotations

import pytest

from extract.engine.claims import extract_paper
from extract.output.schema import KINDS, Paper

# (sentence, (kind, signed value) per claim)
CHANGES_BY = [
    pytest.param("FooNet outperforms existing methods by large margins: 16.3% on H3.6M, 13.9% on CMU Mocap, "
                 "and 10.1% on 3DPW.", [("delta", 16.3), ("delta", 13.9), ("delta", 10.1)],
                 id="wide:2511.14237 margins, then a list"),
    pytest.param("FooNet achieves an average accuracy of 82.9%, outperforming baselines by a clear margin of 2.1%.",
                 [("score", 82.9), ("delta", 2.1)], id="wide:2511.23136 by a clear margin of"),
    pytest.param("FooNet outperforms the state-of-the-art methods by a margin of 3 mIoU.", [("delta", 3.0)],
                 id="wide:2508.04705 by a margin of N mIoU"),
    pytest.param("FooNet outperforms Qwen2.5VL by relative margins of 29.1% on COCO, 22.1% on ReasonSeg, and "
                 "15.3% on CountBench.", [("delta", 29.1), ("delta", 22.1), ("delta", 15.3)],
                 id="wide:2505.12081 a dot inside a name before the margin"),
    pytest.param("Performance drops under occlusion, with mAP falling by 47.3% (from 64.7% to 34.1%).",
                 [("delta", -47.3), ("score", 64.7), ("score", 34.1)], id="wide:2511.04347 falling by"),
]


@pytest.mark.parametrize(("abstract", "expected"), CHANGES_BY)
def test_margins_and_falls_are_deltas(abstract: str, expected: list) -> None:
    rows = extract_paper(Paper("p", "FooNet: A Test", abstract))
    assert [(r["kind"], r["value"]) for r in rows if r["kind"] in KINDS] == expected
