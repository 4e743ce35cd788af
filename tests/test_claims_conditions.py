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


# Settings written elsewhere in the sentence than right after the number (issue 13 item 3).
SHARED_CONDITIONS = [
    pytest.param("After pre-training with Objects365, RT-DETR-R50 / R101 achieves 55.3% / 56.2% AP.",
                 [(55.3, "After pre-training with Objects365"),
                  (56.2, "After pre-training with Objects365")],
                 id="sample_rt_detr_leading_setting"),
    pytest.param(r"Pangu-Ultra-MoE 718B achieves 97.15\% on MATH500 and 81.3\% on AIME24 with 8/128 "
                 r"pruning, while even more aggressive pruning to 4/64 (390GB memory) preserves 96.95\% "
                 r"accuracy on MATH500.",
                 [(97.15, "with 8/128 pruning"), (81.3, "with 8/128 pruning"), (390.0, ""),
                  (96.95, "")],
                 id="sample_premoe_and_in_one_clause_shares_the_setting"),
    pytest.param("Under a fixed parameter budget (2.37M parameters, 2.51% of total), all PET variants "
                 "achieve AUROC between 0.892 and 0.908.",
                 [(2.51, "")], id="wide_2512.21508_a_number_inside_the_opening_setting_is_not_under_it"),
    pytest.param("FooNet reaches 50.1% on MMLU, and 60.2% on GSM8K with RAG.",
                 [(50.1, ""), (60.2, "with RAG")], id="spec_a_comma_ends_the_clause"),
    pytest.param("FooNet reaches 50.1% on MMLU with extra training data.",
                 [(50.1, "with extra training data")], id="spec_extra_training_data_after"),
    pytest.param("When compared to GPT-4, FooNet reaches 50.1% on MMLU.",
                 [(50.1, "")], id="spec_an_opening_phrase_without_a_setting_word"),
]


@pytest.mark.parametrize("sentence, expected", SHARED_CONDITIONS)
def test_condition_from_the_sentences_opening_and_the_clause(sentence, expected):
    assert _conditions(sentence) == expected
