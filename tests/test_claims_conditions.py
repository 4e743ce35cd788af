"""The `condition` column: the setting a number holds under (spec section 2).

Cases from the spec's own examples ("zero-shot", "with RAG", "4K context, FP8") and from the
sample corpus, each expected value written from the sentence.
"""
from __future__ import annotations

import pytest

from extract.engine.claims import extract_paper
from extract.output.schema import Paper


def _conditions(sentence: str) -> list[tuple[float, str]]:
    rows = extract_paper(Paper("p", "FooNet: A Test System", sentence))
    return [(row["value"], row["condition"]) for row in rows]


SPEC_2_CONDITIONS = [
    pytest.param('For example, "Qwen-14B" improves from 63.82% (zero-shot) to 80.46% with RAG.',
                 [(63.82, "before; zero-shot"), (80.46, "with RAG")], id="corpus_esgenius_before_after"),
    pytest.param("Our implementation on Hopper GPUs achieves a decoding throughput of up to 4,039 tokens "
                 "per second per GPU under 50ms TPOT SLA (4K context, FP8, no MTP).",
                 [(4039.0, "under 50ms TPOT SLA (4K context, FP8, no MTP)")], id="corpus_step3_sla"),
    pytest.param("FooNet achieves 81.3% on AIME24 with 8/128 pruning.",
                 [(81.3, "with 8/128 pruning")], id="spec_pruning_setting"),
    pytest.param("We achieve 1.79x and 1.93x speedups, respectively, at a 32K-token context length.",
                 [(1.79, "at a 32K-token context length"), (1.93, "at a 32K-token context length")],
                 id="corpus_list_shares_setting"),
    pytest.param("FooNet reaches 79.2% zero-shot accuracy on ImageNet.",
                 [(79.2, "zero-shot")], id="spec_zero_shot"),
    pytest.param("FooNet reaches 73.5% accuracy on MathVista.", [(73.5, "")], id="no_setting"),
]


@pytest.mark.parametrize("sentence, expected", SPEC_2_CONDITIONS)
def test_condition_holds_the_setting_written_after_the_number(sentence, expected):
    assert _conditions(sentence) == expected
