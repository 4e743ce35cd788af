"""Tests of extract.engine.claims rules: small hand-written abstracts through extract_paper.

One parametrised table per rule of docs/claim-spec.md (sections 1, 3 and 4); each case is named
by where it comes from ("spec_3_paired_lists" ...). Expectations come from the spec, never from
the extractor's output: a case the extractor gets wrong stays, marked as a strict xfail.
"""
from __future__ import annotations

import pytest

from extract.engine.claims import extract_claims, extract_paper
from extract.output.schema import COLUMNS, KINDS, Paper

TITLE = "FooNet: Fast and Accurate Foo"


def rows_of(abstract: str, title: str = TITLE) -> list[dict]:
    """The claim rows (the seven kinds only) of one hand-written abstract."""
    paper = Paper(paper_id="test", title=title, abstract=abstract)
    return [row for row in extract_paper(paper) if row["kind"] in KINDS]


def row_with_value(rows: list[dict], value: float) -> dict:
    """The one row whose abs(value) is `value` (spec 5 matches on abs(value))."""
    found = [row for row in rows if abs(row["value"]) == pytest.approx(value)]
    assert len(found) == 1, f"expected one row of value {value}, got {found}"
    return found[0]


def subset(row: dict, expected: dict) -> dict:
    return {name: row[name] for name in expected}


def xfail(*values, reason: str, id: str):
    """A known miss of the extractor: kept, and strict, so a fix shows up as XPASS."""
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


# --- spec 1: kinds, from their typical words ------------------------------------------------------
# (abstract, value, expected kind)
SPEC_1_KINDS = [
    pytest.param("FooNet reaches 73.5% accuracy on MathVista.", 73.5, "score", id="score_accuracy"),
    pytest.param("FooNet achieves an F1 of 88.2 on SQuAD.", 88.2, "score", id="score_f1"),
    pytest.param("FooNet obtains an FID of 2.35 on ImageNet.", 2.35, "score", id="score_fid"),
    pytest.param("FooNet improves accuracy by 3.2% over the baseline.", 3.2, "delta",
                 id="delta_improvement"),
    pytest.param("FooNet outperforms GPT-4o by 4.1% on MathVista.", 4.1, "delta",
                 id="delta_outperforms_by"),
    pytest.param("FooNet improves accuracy by 2x over the baseline.", 2.0, "delta", id="delta_factor"),
    pytest.param("FooNet is 2.5x faster than the baseline.", 2.5, "speedup", id="speedup_x_faster"),
    pytest.param("FooNet achieves a 1.8x speedup in decoding.", 1.8, "speedup", id="speedup_word"),
    pytest.param("FooNet reduces memory usage by 40%.", 40.0, "reduction", id="reduction_memory"),
    pytest.param("FooNet uses 3x fewer FLOPs than the baseline.", 3.0, "reduction",
                 id="reduction_fewer_flops"),
    pytest.param("FooNet reaches a throughput of 1,200 tokens/s on one H100.", 1200.0, "throughput",
                 id="throughput_tokens"),
    pytest.param("FooNet runs at 108 FPS on a T4 GPU.", 108.0, "throughput", id="throughput_fps"),
    pytest.param("FooNet answers a query in 35 ms.", 35.0, "latency", id="latency_ms"),
    pytest.param("FooNet keeps TPOT under 50 ms per token.", 50.0, "latency", id="latency_tpot"),
    pytest.param("FooNet runs on a mere 18GB GPU.", 18.0, "memory", id="memory_mere_gpu"),
    pytest.param("FooNet needs only 390GB of memory.", 390.0, "memory", id="memory_gb"),
]


@pytest.mark.parametrize(("abstract", "value", "kind"), SPEC_1_KINDS)
def test_spec_1_kinds(abstract: str, value: float, kind: str) -> None:
    assert row_with_value(rows_of(abstract), value)["kind"] == kind


# --- spec 1: a delta is signed: up is +, down is - -----------------------------------------------
# (abstract, expected signed value)
SPEC_1_DELTA_SIGN = [
    pytest.param("FooNet improves accuracy by 3.2% over the baseline.", 3.2, id="improvement"),
    pytest.param("FooNet gains 1.5 points on MMLU.", 1.5, id="gains_verb"),
    pytest.param("FooNet achieves a gain of 1.5 points on MMLU.", 1.5, id="gain_of"),
    pytest.param("FooNet has a 0.4% lower accuracy than the dense model.", -0.4, id="lower"),
    pytest.param("Pruning causes an accuracy loss of 0.56% on ImageNet.", -0.56, id="loss"),
    pytest.param("Accuracy shows a drop of 1.2% on ImageNet.", -1.2, id="drop"),
]


@pytest.mark.parametrize(("abstract", "value"), SPEC_1_DELTA_SIGN)
def test_spec_1_delta_sign(abstract: str, value: float) -> None:
    row = row_with_value(rows_of(abstract), abs(value))
    assert (row["kind"], row["value"]) == ("delta", pytest.approx(value))


# --- spec 3: a delta keeps the unit as written ----------------------------------------------------
SPEC_3_DELTA_UNITS = [
    pytest.param("FooNet improves accuracy by 0.7 percentage points on MMLU.", 0.7, "pp",
                 id="percentage_points"),
    pytest.param("FooNet improves accuracy by 1.1p.p. on MMLU.", 1.1, "pp", id="p_p"),
    pytest.param("FooNet improves accuracy on MMLU (+2.1%).", 2.1, "%", id="signed_percent"),
    pytest.param("FooNet improves accuracy by 2.1% on MMLU.", 2.1, "%", id="percent"),
]


@pytest.mark.parametrize(("abstract", "value", "unit"), SPEC_3_DELTA_UNITS)
def test_spec_3_delta_units(abstract: str, value: float, unit: str) -> None:
    row = row_with_value(rows_of(abstract), value)
    assert (row["kind"], row["unit"]) == ("delta", unit)


# --- spec 3: paired and enumerated lists: one claim per pair, in order ---------------------------
RT_DETR = ("Our RT-DETR-R50 / R101 achieves 53.1% / 54.3% AP on COCO and 108 / 74 FPS on T4 GPU, "
           "outperforming previously advanced YOLOs in both speed and accuracy.")
VL_RETHINKER = ("Our model, VL-Rethinker, advances state-of-the-art scores on MathVista, MathVerse, "
                "and MathVision to achieve 80.3%, 61.8%, and 43.9% respectively.")
LIGHT_R1 = ("With AIME24 & 25 scores of 74.0 and 60.2 respectively, Light-R1-14B-DS surpasses "
            "even many 32B models.")

SPEC_3_PAIRED_LISTS = [
    pytest.param(RT_DETR, "DETRs Beat YOLOs on Real-time Object Detection", [
        {"kind": "score", "value": 53.1, "benchmark": "COCO", "metric": "AP", "unit": "%"},
        {"kind": "score", "value": 54.3, "benchmark": "COCO", "metric": "AP", "unit": "%"},
        {"kind": "throughput", "value": 108.0, "unit": "frame/s", "hardware": "T4"},
        {"kind": "throughput", "value": 74.0, "unit": "frame/s", "hardware": "T4"},
    ], id="spec_3_paired_lists_slash"),
    pytest.param(VL_RETHINKER, "VL-Rethinker: Incentivizing Self-Reflection", [
        {"kind": "score", "value": 80.3, "benchmark": "MathVista", "subject": "VL-Rethinker"},
        {"kind": "score", "value": 61.8, "benchmark": "MathVerse", "subject": "VL-Rethinker"},
        {"kind": "score", "value": 43.9, "benchmark": "MathVision", "subject": "VL-Rethinker"},
    ], id="spec_3_paired_lists_respectively"),
    pytest.param(LIGHT_R1, "Light-R1: Curriculum SFT, DPO and RL for Long COT", [
        {"kind": "score", "value": 74.0, "benchmark": "AIME24"},
        {"kind": "score", "value": 60.2, "benchmark": "AIME25"},
    ], id="spec_3_paired_lists_sibling_benchmarks"),
]


@pytest.mark.parametrize(("abstract", "title", "expected"), SPEC_3_PAIRED_LISTS)
def test_spec_3_paired_lists(abstract: str, title: str, expected: list[dict]) -> None:
    rows = rows_of(abstract, title)
    assert [subset(row, wanted) for row, wanted in zip(rows, expected)] == expected
    assert len(rows) == len(expected)


def test_spec_3_paired_lists_subjects_pair_in_order() -> None:
    """Each RT-DETR number belongs to its own model: R50 first, R101 second (spec 5.5 folding)."""
    rows = rows_of(RT_DETR, "DETRs Beat YOLOs on Real-time Object Detection")
    subjects = [row["subject"] for row in rows]
    wanted = ["RT-DETR-R50", "RT-DETR-R101", "RT-DETR-R50", "RT-DETR-R101"]
    assert len(subjects) == 4
    for subject, name in zip(subjects, wanted):
        assert subject and (subject in name or name in subject), (subject, name)
    assert subjects[0] != subjects[1] and subjects[2] != subjects[3]


# --- spec 3: before/after gives two scores, not a delta --------------------------------------------
SIFT = ("Notably, SIFT improves the pass@1 accuracy of DeepSeek-R1 on AIME2024 from 78.33% to "
        "**85.67**%, establishing a new state-of-the-art.")

SPEC_3_BEFORE_AFTER = [
    pytest.param(SIFT, "SIFT: Grounding LLM Reasoning in Contexts via Stickers", [
        {"kind": "score", "value": 78.33, "subject": "DeepSeek-R1", "benchmark": "AIME24",
         "condition": "before"},
        {"kind": "score", "value": 85.67, "subject": "SIFT", "benchmark": "AIME24"},
    ], id="spec_3_before_after"),
    pytest.param("FooNet improves accuracy on GSM8K from 61.2% to 70.4%.", TITLE, [
        {"kind": "score", "value": 61.2, "benchmark": "GSM8K", "condition": "before"},
        {"kind": "score", "value": 70.4, "benchmark": "GSM8K", "subject": "FooNet"},
    ], id="spec_3_before_after_plain"),
]


@pytest.mark.parametrize(("abstract", "title", "expected"), SPEC_3_BEFORE_AFTER)
def test_spec_3_before_after(abstract: str, title: str, expected: list[dict]) -> None:
    rows = rows_of(abstract, title)
    assert [subset(row, wanted) for row, wanted in zip(rows, expected)] == expected
    assert len(rows) == len(expected)


# --- spec 2: the subject is the system the sentence names ------------------------------------------
# (title, abstract, value, expected subject)
SPEC_2_NAMED_SUBJECT = [
    pytest.param("Light-R1: Curriculum SFT, DPO and RL for Long COT", LIGHT_R1, 74.0, "Light-R1-14B-DS",
          id="spec_3_paired_lists_sibling_benchmarks_first"),
    pytest.param("Light-R1: Curriculum SFT, DPO and RL for Long COT", LIGHT_R1, 60.2, "Light-R1-14B-DS",
          id="spec_3_paired_lists_sibling_benchmarks_second"),
    pytest.param("SIFT: Grounding LLM Reasoning in Contexts via Stickers", SIFT, 78.33, "DeepSeek-R1",
                 id="spec_3_before_after_baseline"),
]


@pytest.mark.parametrize(("title", "abstract", "value", "subject"), SPEC_2_NAMED_SUBJECT)
def test_spec_2_named_subject(title: str, abstract: str, value: float, subject: str) -> None:
    assert row_with_value(rows_of(abstract, title), value)["subject"] == subject


# --- spec 3: numbers read as the spec says, seen in the extracted rows ---------------------------
# (abstract, expected fields of the one row)
SPEC_3_READING = [
    pytest.param("FooNet reaches 4,039 tokens per second.", {"value": 4039.0, "unit": "token/s"},
                 id="thousands_comma"),
    pytest.param("FooNet reaches 1 136 tokens per second.", {"value": 1136.0, "unit": "token/s"},
                 id="thousands_space"),
    pytest.param(r"FooNet achieves 97.2\% accuracy on MATH500.", {"value": 97.2, "unit": "%"},
                 id="latex_percent"),
    pytest.param("FooNet achieves **85.67**% on AIME24.", {"value": 85.67, "unit": "%"},
                 id="markdown_bold"),
    pytest.param("FooNet achieves an average improvement of sim6% across math benchmarks.",
                 {"value": 6.0, "unit": "%", "qualifier": "about"}, id="bare_sim"),
    pytest.param(r"FooNet achieves an average improvement of \sim 6% across math benchmarks.",
                 {"value": 6.0, "unit": "%", "qualifier": "about"}, id="latex_sim"),
    pytest.param("FooNet is 3.67times faster than vLLM.", {"kind": "speedup", "value": 3.67, "unit": "x"},
                 id="glued_times_decimal"),
    pytest.param("FooNet is 8times faster than vLLM.", {"kind": "speedup", "value": 8.0, "unit": "x"},
                 id="glued_times_integer"),
    pytest.param("FooNet is $>$30 points better on MMLU.", {"value": 30.0, "qualifier": "over"},
                 id="latex_gt"),
    pytest.param("FooNet is 2.5X faster than vLLM.", {"kind": "speedup", "value": 2.5, "unit": "x"},
                 id="factor_capital_x"),
    pytest.param("FooNet is 1.75 times faster than vLLM.", {"kind": "speedup", "value": 1.75, "unit": "x"},
                 id="factor_times_word"),
    pytest.param("FooNet is 1.75× faster than vLLM.", {"kind": "speedup", "value": 1.75, "unit": "x"},
                 id="factor_times_sign"),
    pytest.param("FooNet doubles the throughput of vLLM.", {"kind": "speedup", "value": 2.0, "unit": "x"}, id="word_doubles"),
    pytest.param("FooNet achieves a doubling of throughput.", {"kind": "speedup", "value": 2.0, "unit": "x"},
                 id="word_a_doubling"),
    pytest.param("FooNet runs twice as fast as vLLM.", {"kind": "speedup", "value": 2.0, "unit": "x"}, id="word_twice"),
    pytest.param("FooNet halves the memory footprint.", {"kind": "reduction", "value": 2.0, "unit": "x"}, id="word_halves"),
    pytest.param("FooNet triples decoding speed.", {"kind": "speedup", "value": 3.0, "unit": "x"},
                 id="word_triples"),
    pytest.param("FooNet is an order of magnitude faster than vLLM.",
                 {"kind": "speedup", "value": 10.0, "unit": "x"}, id="word_order_of_magnitude"),
    pytest.param("FooNet uses half of the FLOPs of the baseline.",
                 {"kind": "reduction", "value": 50.0, "unit": "%"}, id="word_half_of"),
    xfail("FooNet needs a quarter of the memory of the baseline.",
          {"kind": "reduction", "value": 25.0, "unit": "%"},
          reason="'a quarter of the memory' gives no row", id="word_a_quarter_of"),
    pytest.param("FooNet achieves 2.97~25.22x speedup over dense training.",
                 {"value": 25.22, "value_low": 2.97, "value_high": 25.22, "unit": "x",
                  "qualifier": "range"}, id="range_tilde"),
    pytest.param("FooNet is 1.1-2.1x faster than vLLM.",
                 {"value": 2.1, "value_low": 1.1, "value_high": 2.1, "unit": "x", "qualifier": "range"},
                 id="range_hyphen"),
    pytest.param(r"FooNet reduces memory by 55--70\%.",
                 {"value": 70.0, "value_low": 55.0, "value_high": 70.0, "unit": "%",
                  "qualifier": "range"}, id="range_latex_dash"),
    pytest.param("FooNet reduces latency by 1% - 10%.",
                 {"value": 10.0, "value_low": 1.0, "value_high": 10.0, "unit": "%",
                  "qualifier": "range"}, id="range_units_both_ends"),
    pytest.param("FooNet reduces energy by 10-20%.",
                 {"value": 20.0, "value_low": 10.0, "value_high": 20.0, "unit": "%",
                  "qualifier": "range"}, id="range_percent"),
    pytest.param("FooNet reaches an AUC of 0.955 (0.953 - 0.956) on MIMIC.",
                 {"value": 0.955, "value_low": 0.953, "value_high": 0.956}, id="uncertainty_interval"),
    pytest.param("FooNet reaches an accuracy of 80.245 pm 0.129 on CIFAR-10.",
                 {"value": 80.245, "value_low": 80.116, "value_high": 80.374}, id="uncertainty_bare_pm"),
    pytest.param("FooNet reaches an accuracy of 80.245 ± 0.129 on CIFAR-10.",
                 {"value": 80.245, "value_low": 80.116, "value_high": 80.374}, id="uncertainty_pm"),
]


@pytest.mark.parametrize(("abstract", "expected"), SPEC_3_READING)
def test_spec_3_reading_in_rows(abstract: str, expected: dict) -> None:
    rows = rows_of(abstract)
    assert len(rows) == 1, rows
    assert subset(rows[0], expected) == expected


# --- spec 1: numbers that are not claims give no rows ----------------------------------------------
SPEC_1_NOT_CLAIMS = [
    pytest.param("We release FooNet-7B, a 7B model for math.", id="model_size_7b"),
    pytest.param("We train a 321B-parameter VLM from scratch.", id="model_size_parameters"),
    pytest.param("We train a 30-billion parameter model on web text.", id="model_size_words"),
    pytest.param("Since 2023, reasoning models have spread widely.", id="year"),
    pytest.param("We fine-tune Qwen2.5 and LLaMA 3.1 on our data.", id="versions"),
    pytest.param("We study the model under 8/128 pruning.", id="setting_pruning"),
    pytest.param("All runs use a 4K context.", id="setting_context"),
    pytest.param("We use a 2:8 sparse ratio in all layers.", id="setting_sparse_ratio"),
    pytest.param("We train for 50 epochs with k=5.", id="setting_epochs"),
    pytest.param("We evaluate FooNet across 12 benchmarks and 3 languages.", id="counts"),
    pytest.param("Modern GPUs peaking at 80GB cannot hold the model.", id="hardware_background"),
]


@pytest.mark.parametrize("abstract", SPEC_1_NOT_CLAIMS)
def test_spec_1_not_claims(abstract: str) -> None:
    assert rows_of(abstract) == []


# --- spec 4: canonical names, as seen in extracted rows ------------------------------------------
# (abstract, value of the row, field, canonical name)
SPEC_4_CANONICAL = [
    pytest.param("FooNet scores 74.0% on AIME 2024.", 74.0, "benchmark", "AIME24", id="aime_2024"),
    pytest.param("FooNet scores 74.0% on AIME2024.", 74.0, "benchmark", "AIME24", id="aime2024"),
    pytest.param("FooNet scores 74.0% on AIME-24.", 74.0, "benchmark", "AIME24", id="aime_24"),
    pytest.param("FooNet scores 94.1% on MATH-500.", 94.1, "benchmark", "MATH500", id="math_500"),
    pytest.param("FooNet scores 94.1% on MATH 500.", 94.1, "benchmark", "MATH500", id="math_space_500"),
    pytest.param("FooNet reaches 53.1% AP on MS-COCO.", 53.1, "benchmark", "COCO", id="ms_coco"),
    pytest.param("FooNet reaches 53.1% AP on Microsoft COCO.", 53.1, "benchmark", "COCO",
                 id="microsoft_coco"),
    pytest.param("FooNet reaches 53.1% AP on COCO val2017.", 53.1, "benchmark", "COCO",
                 id="coco_val2017"),
    pytest.param("FooNet reaches 82.1% top-1 accuracy on ImageNet-1K.", 82.1, "benchmark", "ImageNet",
                 id="imagenet_1k"),
    pytest.param("FooNet reaches 82.1% top-1 accuracy on ILSVRC-2012.", 82.1, "benchmark", "ImageNet",
                 id="ilsvrc_2012"),
    pytest.param("FooNet reaches 96.3% accuracy on CIFAR10.", 96.3, "benchmark", "CIFAR-10", id="cifar10"),
    pytest.param("FooNet reaches 96.3% accuracy on Cifar-10.", 96.3, "benchmark", "CIFAR-10",
                 id="cifar_dash_10"),
    pytest.param("FooNet scores 61.2% on GPQA-Diamond.", 61.2, "benchmark", "GPQA Diamond",
                 id="gpqa_diamond"),
    pytest.param("FooNet reaches 82.1% top1 accuracy on ImageNet.", 82.1, "metric", "top-1 accuracy",
                 id="top1_accuracy"),
    pytest.param("FooNet reaches 82.1% Top-1 accuracy on ImageNet.", 82.1, "metric", "top-1 accuracy",
                 id="top_1_accuracy"),
    pytest.param("FooNet reaches 61.5 mAP50 on COCO.", 61.5, "metric", "mAP@50", id="map50"),
    pytest.param("FooNet reaches 61.5 mAP@50 on COCO.", 61.5, "metric", "mAP@50", id="map_at_50"),
    pytest.param("FooNet decodes 2,100 tokens/s on NVIDIA H800 GPUs.", 2100.0, "hardware", "H800",
                 id="nvidia_h800_gpus"),
    pytest.param("FooNet runs at 124 FPS on an NVIDIA 4090 GPU.", 124.0, "hardware", "RTX 4090",
                 id="nvidia_4090_gpu"),
    pytest.param("FooNet runs at 124 FPS on an RTX4090.", 124.0, "hardware", "RTX 4090", id="rtx4090"),
    pytest.param("FooNet decodes 2,100 tokens/s on one A100 80GB.", 2100.0, "hardware", "A100",
                 id="a100_80gb"),
]


@pytest.mark.parametrize(("abstract", "value", "field", "canonical"), SPEC_4_CANONICAL)
def test_spec_4_canonical_names(abstract: str, value: float, field: str, canonical: str) -> None:
    assert row_with_value(rows_of(abstract), value)[field] == canonical


# --- spec 2: "our model" is resolved to the paper's own system name ------------------------------
# (title, abstract, value, expected subject)
SPEC_2_OWN_SUBJECT = [
    pytest.param("FooNet: Fast and Accurate Foo", "Our model reaches 73.5% accuracy on MathVista.",
                 73.5, "FooNet", id="our_model"),
    pytest.param("FooNet: Fast and Accurate Foo", "Our method is 2.5x faster than the baseline.",
                 2.5, "FooNet", id="our_method"),
    pytest.param("Vision-R1: Incentivizing Reasoning", "We reach 73.5% accuracy on MathVista.",
                 73.5, "Vision-R1", id="we"),
]


@pytest.mark.parametrize(("title", "abstract", "value", "subject"), SPEC_2_OWN_SUBJECT)
def test_spec_2_own_subject(title: str, abstract: str, value: float, subject: str) -> None:
    assert row_with_value(rows_of(abstract, title), value)["subject"] == subject


# --- spec 2: value_si and unit_si through pint ------------------------------------------------------
# (abstract, value, value_si, unit_si)
SPEC_2_SI = [
    pytest.param("FooNet needs only 390GB of memory.", 390.0, 3.9e11, "B", id="gigabytes"),
    pytest.param("FooNet runs on a mere 18GB GPU.", 18.0, 1.8e10, "B", id="mere_gpu"),
    pytest.param("FooNet decodes up to 4,039 tokens per second per GPU.", 4039.0, 4039.0, "token/s",
                 id="tokens_per_second"),
    pytest.param("FooNet answers a query in 35 ms.", 35.0, 0.035, "s", id="milliseconds"),
    pytest.param("FooNet runs at 108 FPS on a T4 GPU.", 108.0, 108.0, "frame/s", id="fps"),
    pytest.param("FooNet reaches 73.5% accuracy on MathVista.", 73.5, 73.5, "%", id="percent_stays"),
    pytest.param("FooNet has a 0.4% lower accuracy than the dense model.", 0.4, -0.4, "%",
          id="negative_delta_percent_stays"),
]


@pytest.mark.parametrize(("abstract", "value", "value_si", "unit_si"), SPEC_2_SI)
def test_spec_2_value_si(abstract: str, value: float, value_si: float, unit_si: str) -> None:
    row = row_with_value(rows_of(abstract), value)
    assert (row["value_si"], row["unit_si"]) == (pytest.approx(value_si), unit_si)


# --- spec 2: rows as a whole ------------------------------------------------------------------------
MIXED = ("FooNet: Fast Foo. We run at **85.67**% accuracy on MathVista, i.e. 2.1% higher than "
         r"GPT-4o. It is 2.97~25.22x faster and needs 97.2\% less memory, about 1 136 tokens/s "
         "on one H100 (0.955 (0.953 - 0.956) AUC).\nFinally, it decodes 4,039 tokens per second.")
SPEC_2_ABSTRACTS = [
    pytest.param(MIXED, id="markup_mixed"),
    pytest.param(RT_DETR, id="spec_3_paired_lists_slash"),
    pytest.param(VL_RETHINKER, id="spec_3_paired_lists_respectively"),
    pytest.param(LIGHT_R1, id="spec_3_paired_lists_sibling_benchmarks"),
    pytest.param(SIFT, id="spec_3_before_after"),
]


@pytest.mark.parametrize("abstract", SPEC_2_ABSTRACTS)
def test_spec_2_char_span_holds_the_digits(abstract: str) -> None:
    rows = extract_paper(Paper("test", TITLE, abstract))
    assert rows
    for row in rows:
        text = abstract[row["char_start"]:row["char_end"]]
        digits = [c for c in text if c.isdigit()]
        assert digits, (text, row)
        first = f"{abs(row['value_low'] if row['value_low'] is not None else row['value']):g}"
        assert first.lstrip("0.")[:1] in text, (text, row)
        assert row["sentence"] in abstract and abstract.index(row["sentence"]) <= row["char_start"]


@pytest.mark.parametrize("abstract", SPEC_2_ABSTRACTS)
def test_spec_2_rows_sorted_and_keyed_by_columns(abstract: str) -> None:
    rows = extract_paper(Paper("test", TITLE, abstract))
    assert [row["char_start"] for row in rows] == sorted(row["char_start"] for row in rows)
    assert all(tuple(row) == COLUMNS or set(row) == set(COLUMNS) for row in rows)


@pytest.mark.parametrize("abstract", SPEC_2_ABSTRACTS)
def test_spec_2_deterministic(abstract: str) -> None:
    paper = Paper("test", TITLE, abstract)
    assert extract_paper(paper) == extract_paper(paper)


def test_extract_claims_columns_are_the_schema() -> None:
    papers = [Paper("a", TITLE, RT_DETR), Paper("b", TITLE, SIFT)]
    table = extract_claims(papers)
    assert list(table.columns) == list(COLUMNS)
    assert len(table) == len(extract_paper(papers[0])) + len(extract_paper(papers[1]))


# Spec 2, `subject`: a verb coordinated after "but", "and", "while" shares the clause's first
# subject, not the name just before the conjunction. (Cases: the rule's own example in
# fields.subject_of, and the two shapes that showed the rule had stopped firing.)
COORDINATED_VERB_SUBJECTS = [
    pytest.param("ConvNeXt-T has similar FLOPs with ResNet-50 but only achieves 60% top-1 accuracy "
                 "on ImageNet.", 60.0, "ConvNeXt-T", id="but_only_achieves"),
    pytest.param("BazNet matches the speed of BarNet and reaches 81.2% accuracy on ImageNet.",
                 81.2, "BazNet", id="and_reaches"),
    pytest.param("Our model runs on one GPU, while BarNet needs eight, and still achieves 74.5% on "
                 "MMLU.", 74.5, "FooNet", id="our_model_while_other_and_still_achieves"),
]


@pytest.mark.parametrize(("abstract", "value", "subject"), COORDINATED_VERB_SUBJECTS)
def test_spec_2_coordinated_verb_shares_the_clause_subject(abstract: str, value: float, subject: str) -> None:
    row = next(row for row in rows_of(abstract) if row["value"] == value)
    assert row["subject"] == subject
