"""`claimboard names`: the names near numbers that no vocabulary knows (extract/evaluation/).

One case table per shape of `name_cues.SHAPES`, each case named by where its text came from:
``wide:<arXiv id>`` (a sentence of ../shared/corpus/arxiv-2025.jsonl, as the corpus has it),
``sample:<paper id>`` (the built-in sample) or ``spec`` (written from the shape's cue). The
expected names are what a reader marks in the text by the cue, whatever the kind turns out to
be (a model after "on" is still reported: the report proposes, a person decides). Then the
names that must never be reported, the counting of the report, the command end to end, and a
property: any text goes through without an error.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.cli import main
from extract.engine import vocab
from extract.evaluation.name_cues import KINDS, NUMBERS, SHAPES, WHERE, find_unknown_names
from extract.evaluation.unknown_names import NAMES_COLUMNS, names_report, unknown_names
from extract.output.schema import Paper
from extract.output.tables import read_table

SAMPLE = Path(__file__).resolve().parents[1] / "extract" / "data" / "sample" / "hf-daily-papers.txt"


def found(text: str, title: str = "A Study of Things") -> list[tuple[str, str, str]]:
    return [(f.kind, f.name, f.cue) for f in find_unknown_names(Paper("p", title, text))]


# --- one case table per shape: (text, expected (kind, name, cue) in order) -------------------

EIGHT_X_GPUS_CASES = [
    pytest.param("We train on 8 Kunlun P800 chips.",
                 [("hardware", "Kunlun P800", "8 X GPUs")], id="spec:count-name-device"),
    pytest.param("Training takes 3 days on 64x Foo-X1 accelerators.",
                 [("hardware", "Foo-X1", "8 X GPUs")], id="spec:count-x-name"),
]

X_GPU_CASES = [
    pytest.param("We also test latency of our system and achieve 64FPS on Tesla P4 GPU",
                 [("hardware", "Tesla P4", "X GPU")], id="wide:2504.10810"),
    pytest.param("For instance, on Ascend NPUs, Pangu Light-32B's 81.6 average score and 2585 "
                 "tokens/s throughput exceed Qwen3-32B's 80.9 average score and 2225 tokens/s.",
                 [("hardware", "Ascend", "X GPU")], id="wide:2505.20155"),
    pytest.param("The results on real-life video streams suggest that simultaneously using all the "
                 "hardware engines available in the recent NVIDIA edge Orin GPU, higher "
                 "throughput, and a slight saving of power consumption of around 300 mW, "
                 "accounting for around 5%, have been achieved.",
                 [("hardware", "Orin", "X GPU")], id="wide:2505.04502"),
    pytest.param("It reaches 30 FPS on an RTX 4050 Mobile GPU.",
                 [("hardware", "RTX 4050 Mobile", "X GPU")], id="spec:a-model-number-is-no-count"),
]

X_BENCHMARK_CASES = [
    pytest.param("Finally, it achieves the best detection mean Average Precision (mAP) of 70.93% on "
                 "the MFNet dataset and 45.14% on the DroneVehicle dataset.",
                 [("benchmark", "MFNet", "X benchmark"), ("benchmark", "DroneVehicle", "X benchmark")],
                 id="wide:2507.20180"),
    pytest.param("Experiments on the Foo-1K and Bar-2K datasets show gains of up to 5.2%.",
                 [("benchmark", "Foo-1K", "X benchmark"), ("benchmark", "Bar-2K", "X benchmark")],
                 id="spec:list"),
    pytest.param("Evaluations on 16 datasets, including a newly introduced RemoteCount benchmark "
                 "to test the object counting ability, show that RemoteCLIP consistently "
                 "outperforms baseline foundation models across different model scales, by 9.14% "
                 "mean recall on the RSITMD dataset.",
                 [("benchmark", "RemoteCount", "X benchmark")],
                 id="sample:remoteclip-a-vision-language-foundation-model-for-remote-sensing"),
    pytest.param("We evaluate on the Foo-Bench benchmark. Our model reaches 71.2% accuracy.",
                 [("benchmark", "Foo-Bench", "X benchmark")], id="spec:carried-to-the-next-sentence"),
]

X_AFTER_A_SCORE_IN_BRACKETS_CASES = [
    pytest.param("FooNet reaches 85.2% (Zebra-Hard) and 61.0% (on Foo-QA).",
                 [("benchmark", "Zebra-Hard", "(X) after a score"),
                  ("benchmark", "Foo-QA", "(X) after a score")], id="spec"),
    pytest.param("Additionally, both models performed better on single-step tasks, with "
                 "accuracies of 85.7% (GPT-4o) and 86.7% (Claude 3.7).",
                 [("benchmark", "GPT-4o", "(X) after a score")], id="wide:2504.08779-a-model"),
]

EVALUATED_ON_X_CASES = [
    pytest.param("Evaluated on SpecBench across multiple tasks and model pairs, our method "
                 "outperforms other heuristic-based approaches, achieving an average speedup of "
                 "15\\% ($\\pm$5\\%).",
                 [("benchmark", "SpecBench", "evaluated on X")], id="wide:2504.00030"),
    pytest.param("We evaluate our framework on RLBench and in real-world settings across dynamic, "
                 "partially observable scenarios. Experimental results demonstrate that our "
                 "framework improves task success rates by 46.2% over Code-as-Policies baselines.",
                 [("benchmark", "RLBench", "evaluated on X")], id="wide:2510.21302-carried"),
    pytest.param("Experiments on nuScenes, Foo-Drive 2, and a large proprietary dataset achieve "
                 "state-of-the-art mapping performance. It improves mAP by 4.2%.",
                 [("benchmark", "Foo-Drive 2", "evaluated on X")], id="spec:list-closed-by-a-phrase"),
]

ON_X_CLAUSE_CASES = [
    pytest.param("On MobileWorld, MAI-UI obtains 41.7% success rate, significantly outperforming "
                 "end-to-end GUI models.",
                 [("benchmark", "MobileWorld", "On X, ...")], id="wide:2512.22047"),
    pytest.param("On the FashionIQ dataset, our method improves Average R@10 by at least 7.5\\% "
                 "over existing baselines; on CIRR, it boosts R@1 by 9.6\\%; and on CIRCO, it "
                 "increases mAP@5 by 9.5\\%.",
                 [("benchmark", "FashionIQ", "X benchmark"), ("benchmark", "CIRR", "On X, ..."),
                  ("benchmark", "CIRCO", "On X, ...")], id="wide:2505.19952-clauses"),
]

X_AT_K_CASES = [
    pytest.param("On our dataset, the proposed method outperforms the strongest prior baseline "
                 "with average gains of +5.85\\% in Recall@20, +8.30\\% in HitRate@5.",
                 [("metric", "HitRate@5", "X@k")], id="wide:2511.04921"),
    pytest.param("Empirical results demonstrate that our model improves MPPE accuracy by up to 15 "
                 "in PCKh@0.5 compared to previous methods using raw RF signals.",
                 [("metric", "PCKh@0.5", "X@k")], id="wide:2506.05420-threshold"),
]

X_OF_A_SCORE_CASES = [
    pytest.param("Our framework achieves an R2 score of 93.25 and Pearson correlation of 96.58 on "
                 "the HAM10000 dataset.",
                 [("metric", "R2 score", "X of 71.2"), ("metric", "Pearson correlation", "X of 71.2"),
                  ("benchmark", "HAM10000", "X benchmark")], id="wide:2508.01460"),
    pytest.param("FooNet achieves a mean acceptance length of 3.52 and a sensitivity of 91%.",
                 [("metric", "mean acceptance length", "X of 71.2"),
                  ("metric", "sensitivity", "X of 71.2")], id="spec:words"),
]

X_EQUALS_A_SCORE_CASES = [
    pytest.param("The best performing model, however, still significantly underperforms compared "
                 "to inter-expert agreement (Cohen's kappa: 0.81).",
                 [("metric", "Cohen's kappa", "X = 0.8")], id="wide:2508.19467"),
    pytest.param("While the Bangla stemmer achieves the highest SES (1.67) due to effective word "
                 "reduction (CR = 1.90), this high SES is due to harmful over-stemming "
                 "(ANLD = 0.26).",
                 [("metric", "CR", "X = 0.8"), ("metric", "ANLD", "X = 0.8")], id="wide:2511.20409"),
]

ON_X_AFTER_A_SCORE_CASES = [
    pytest.param("Notably, while a baseline model distilled from a Llama-3.1 70B teacher achieves "
                 "scores of 46.17 on GSM8K and 22.75 on CRUX, RAD achieves significantly higher "
                 "scores of 71.27 on GSM8K and 28.25 on CRUX.",
                 [("benchmark", "CRUX", "on X after a score")] * 2, id="wide:2505.22135"),
    pytest.param("In particular, we show that ZeroQ can achieve 1.71% higher accuracy on "
                 "MobileNetV2, as compared to the recently proposed DFQ method.",
                 [("benchmark", "MobileNetV2", "on X after a score")],
                 id="sample:zeroq-a-novel-zero-shot-quantization-framework-a-model"),
    pytest.param("It scores 61.0% on Foo-QA, Bar-QA and Baz-QA.",
                 [("benchmark", "Foo-QA", "on X after a score"),
                  ("benchmark", "Bar-QA", "on X after a score"),
                  ("benchmark", "Baz-QA", "on X after a score")], id="spec:list"),
]

SCORE_THEN_X_CASES = [
    pytest.param("GasTwinFormer achieves 74.47% mIoU and 83.63% mF1 for segmentation while "
                 "maintaining exceptional efficiency with only 3.348M parameters.",
                 [("metric", "mF1", "71.2 X")], id="wide:2508.15057"),
    pytest.param("For the more challenging approach in Track 2, the team reached the best results "
                 "with 6.36% EER.",
                 [("metric", "EER", "71.2 X")], id="wide:2507.20404"),
]

CASE_TABLES = {
    "8 X GPUs": EIGHT_X_GPUS_CASES,
    "X GPU": X_GPU_CASES,
    "X benchmark": X_BENCHMARK_CASES,
    "(X) after a score": X_AFTER_A_SCORE_IN_BRACKETS_CASES,
    "evaluated on X": EVALUATED_ON_X_CASES,
    "On X, ...": ON_X_CLAUSE_CASES,
    "X@k": X_AT_K_CASES,
    "X of 71.2": X_OF_A_SCORE_CASES,
    "X = 0.8": X_EQUALS_A_SCORE_CASES,
    "on X after a score": ON_X_AFTER_A_SCORE_CASES,
    "71.2 X": SCORE_THEN_X_CASES,
}


@pytest.mark.parametrize("text, expected", [case for cases in CASE_TABLES.values() for case in cases])
def test_a_shape_marks_the_names_a_reader_marks(text, expected):
    # a name a vocabulary has learnt since the case was written (the curated Papers with Code
    # lists know FashionIQ, RLBench, HitRate@k ...) is rightly no longer reported
    assert found(text) == [name for name in expected if not _known(name[1])]


def _known(name: str) -> bool:
    return any(vocabulary.canonical(name) is not None
               for vocabulary in (vocab.benchmarks(), vocab.metrics(), vocab.hardware()))


def test_every_shape_has_its_case_table():
    assert set(CASE_TABLES) == {shape.cue for shape in SHAPES}
    for cue, cases in CASE_TABLES.items():
        assert any(cue in [name[2] for name in case.values[1]] for case in cases), cue


def test_the_shapes_are_well_formed():
    for shape in SHAPES:
        assert shape.kind in KINDS and shape.where in WHERE and shape.numbers in NUMBERS, shape
        assert shape.where in ("before", "after") or shape.gate, f"{shape.cue}: read away from " \
            "its number, a shape needs gate words"


# --- what is never reported ----------------------------------------------------------------------

NEVER_REPORTED_CASES = [
    pytest.param("FooNet reaches 82.1% on MMLU and 45.2 BLEU on WMT14.", id="spec:known-names"),
    pytest.param("FooNet reaches 71.2% on the FooNet benchmark.", id="spec:the-papers-own-system"),
    pytest.param("We evaluate on the Foo-Bench benchmark. It is new. It is fast. It is small. "
                 "Our model reaches 71.2%.",
                 id="spec:beyond-the-carry-reach"),
    pytest.param("We evaluate on the Foo-Bench benchmark.", id="spec:no-number"),
    pytest.param("The model consists of 3 modules and gives an average improvement of 3.2%.",
                 id="spec:no-score-and-a-change"),
    pytest.param("It reaches 85.2% on Llama-3.1-70B-Instruct.", id="spec:a-model-size"),
    pytest.param("The correlation was strong (95% CI: 0.81-0.90) with beta = 0.5.",
                 id="spec:statistics-and-settings"),
    pytest.param("Claude 3.7 Sonnet and Gemini 2.5 Pro are compared.", id="spec:versions"),
    pytest.param("It runs on 8 NVIDIA H800 GPUs at 3.09 dB.", id="spec:known-hardware-and-a-unit"),
    pytest.param("GS-Scale can scale the number of Gaussians from 4 million to 18 million on an "
                 "RTX 4070 Mobile GPU, leading to 23-35% LPIPS improvement.",
                 id="wide:2509.15645-known-since-the-report"),
    pytest.param("Experimental results demonstrate that PersPose achieves state-of-the-art (SOTA) "
                 "performance on the 3DPW, MPIINF-3DHP, and Human3.6M datasets.",
                 id="wide:2508.17239-no-number-follows"),
    pytest.param("Existing medical VQA benchmarks mostly focus on single-image analysis.",
                 id="wide:2505.16964-no-number"),
]


@pytest.mark.parametrize("text", NEVER_REPORTED_CASES)
def test_names_that_are_never_reported(text):
    assert found(text, title="FooNet: A Test System") == []


def test_a_reported_name_is_unknown_to_every_vocabulary():
    for name in found("FooNet reaches 71.2 ZetaTrackScore on the Lyft L5 dataset with 0.9 SSIM."):
        assert not any(name[1] in vocabulary for vocabulary in vocab.names_scan().vocabularies)


# --- what the report of the wide corpus added to the data files -------------------------------

#: (vocabulary, sentence it was found in, canonical name the vocabulary now finds there)
ADDED_FROM_THE_REPORT = [
    pytest.param("benchmarks", "Experimental results demonstrate that Reflect-DiT improves "
                 "performance on the GenEval benchmark (+0.19).", "GenEval", id="wide:2503.12271"),
    pytest.param("benchmarks", "Lucy achieves 78.3% accuracy on the SimpleQA benchmark.",
                 "SimpleQA", id="wide:2508.00360"),
    pytest.param("benchmarks", "SAM2VideoX delivers consistent gains (+2.60% on VBench, 21-22% "
                 "lower FVD, and 71.4% human preference).", "VBench", id="wide:2512.11792"),
    pytest.param("benchmarks", "Models trained on InternSpatial achieve 12.1% improvement on "
                 "InternSpatial-Bench and 10.7% on VSI-Bench.", "VSI-Bench", id="wide:2506.18385"),
    pytest.param("benchmarks", "GenM$^3$ achieves a state-of-the-art FID of 0.035 on the "
                 "HumanML3D benchmark.", "HumanML3D", id="wide:2503.14919"),
    pytest.param("benchmarks", "It outperforms existing methods by large margins: 16.3% on "
                 "H3.6M, 13.9% on CMU Mocap, and 10.1% on 3DPW.", "3DPW", id="wide:2511.14237"),
    pytest.param("benchmarks", "Experiments on nuScenes and Argoverse 2 (AV2) show strong "
                 "performance.", "Argoverse 2", id="wide:2507.00707"),
    pytest.param("benchmarks", "Experimental results on the NeRF Synthetic, Mip-NeRF 360, and "
                 "T&T+DB datasets demonstrate a significant performance improvement.",
                 "Mip-NeRF 360", id="wide:2511.14149"),
    pytest.param("benchmarks", "Experiments on the MVTec AD and VisA datasets show that "
                 "AnoRefiner boosts various ZSAD models.", "MVTec AD", id="wide:2511.22595"),
    pytest.param("benchmarks", "It reaches 99.2% I-AUROC on MVTec-AD.", "MVTec AD",
                 id="wide:2508.17827-hyphenated"),
    pytest.param("metrics", "ShiZhi achieving 58.5 BLEU-1 on court view generation.", "BLEU-1",
                 id="wide:2510.09297"),
    pytest.param("hardware", "It runs locally on an RTX 4070 GPU.", "RTX 4070", id="wide:2508.08652"),
    pytest.param("hardware", "GS-Scale can scale the number of Gaussians from 4 million to 18 "
                 "million on an RTX 4070 Mobile GPU.", "RTX 4070", id="wide:2509.15645"),
]


@pytest.mark.parametrize("vocabulary, sentence, canonical", ADDED_FROM_THE_REPORT)
def test_names_added_from_the_report_are_found_where_it_met_them(vocabulary, sentence, canonical):
    assert canonical in [name for _, _, name in getattr(vocab, vocabulary)().find_all(sentence)]


# --- the report ----------------------------------------------------------------------------------

PAPERS = [
    Paper("2501.00001", "A", "Alpha reaches 71.2 ZetaTrackScore and 0.8 ZetaTrackScore on the Lyft L5 dataset."),
    Paper("2501.00002", "B", "Beta gets 70.1 ZetaTrackScore and 12.5 ZetaHit@10."),
    Paper("2501.00003", "C", "Gamma reaches 69.0 ZetaTrackScore and 3.1 ZetaHit@5 on 8 Kunlun P800 chips."),
]


def test_the_report_counts_papers_and_mentions_most_papers_first():
    report = unknown_names(PAPERS)
    assert report.papers == 3 and report.truncated == 0
    assert [(n.kind, n.name, n.papers, n.mentions, n.example_paper_id) for n in report.names] == [
        ("metric", "ZetaTrackScore", 3, 4, "2501.00001"),
        ("metric", "ZetaHit@{k}", 2, 2, "2501.00002"),
        ("benchmark", "Lyft L5", 1, 1, "2501.00001"),
        ("hardware", "Kunlun P800", 1, 1, "2501.00003"),
    ]
    assert report.names[0].example_sentence == PAPERS[0].abstract


def test_the_report_selects_by_kind_and_papers():
    report = unknown_names(PAPERS)
    assert [row["name"] for row in report.rows(min_papers=2)] == ["ZetaTrackScore", "ZetaHit@{k}"]
    assert [row["name"] for row in report.rows(kind="hardware")] == ["Kunlun P800"]
    assert list(report.rows()[0]) == list(NAMES_COLUMNS)


def test_names_past_the_limit_are_counted_as_truncated():
    report = unknown_names(PAPERS, max_names=1)
    assert [n.name for n in report.names] == ["ZetaTrackScore"]
    assert report.truncated == 4  # Lyft L5, ZetaHit@10, ZetaHit@5, Kunlun P800


def test_the_sample_report_is_made_of_unknown_names():
    report = names_report([SAMPLE])
    assert report.papers == 103 and report.names
    for count in report.names:
        assert count.kind in KINDS and count.papers <= count.mentions
        assert count.name not in vocab.benchmarks() and count.name not in vocab.metrics()


# --- the command ---------------------------------------------------------------------------------

@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "papers.jsonl"
    path.write_text("".join(json.dumps({"id": p.paper_id, "title": p.title, "abstract": p.abstract})
                            + "\n" for p in PAPERS), encoding="utf-8")
    return path


def test_names_command_writes_the_report_to_a_file(corpus, tmp_path, capsys):
    output = tmp_path / "names.csv"
    assert main(["names", str(corpus), "-o", str(output)]) == 0
    table = read_table(output, columns=NAMES_COLUMNS)
    assert list(table.columns) == list(NAMES_COLUMNS)
    assert list(table["name"]) == ["ZetaTrackScore", "ZetaHit@{k}", "Lyft L5", "Kunlun P800"]
    assert list(table["papers"]) == [3, 2, 1, 1]
    assert not list(tmp_path.glob("*.partial"))
    assert "claimboard: 3 papers, 4 unknown names, 4 written" in capsys.readouterr().err


def test_names_command_writes_csv_to_stdout_by_kind_and_count(corpus, capsys):
    assert main(["names", str(corpus), "--kind", "metric", "--min-count", "2", "-q"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["kind"], row["name"], row["papers"]) for row in rows] == [
        ("metric", "ZetaTrackScore", "3"), ("metric", "ZetaHit@{k}", "2")]
    assert err == ""


def test_names_command_never_replaces_an_input(corpus, capsys):
    before = corpus.read_bytes()
    assert main(["names", str(corpus), "-o", str(corpus)]) == 2
    assert corpus.read_bytes() == before
    assert "is an input of this run" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--kind", "model"], ["--min-count", "0"]], ids=["kind", "count"])
def test_names_command_rejects_bad_options(corpus, argv, capsys):
    assert main(["names", str(corpus), *argv]) == 2
    assert "claimboard names: error: argument" in capsys.readouterr().err


def test_names_command_reports_an_unreadable_input(tmp_path, capsys):
    assert main(["names", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err


# --- never crashes -------------------------------------------------------------------------------

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])
PIECES = ["71.2", "0.8", "85%", "8", "7B", "4070", " ZetaTrackScore", " ZetaHit@10", " PCKh@0.5", " on ",
          " the ", " dataset", " benchmarks", " GPUs", " NPU", " of ", " = ", ": ", " (", ")",
          ", ", " and ", ". ", "; and on ", "On ", "Evaluated on ", "Foo-Bench", "RTX", "Kunlun",
          "Cohen's kappa", " x", "×", "\\%", "$", "\n", " ", "É", "İ", "ﬁ", "٣", "\u00a0"]


@PROPERTY_SETTINGS
@given(st.text(), st.text(max_size=40))
def test_any_text_goes_through(text, title):
    for name in find_unknown_names(Paper("p", title, text)):
        assert name.kind in KINDS and name.name and name.name in name.sentence


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_text_made_of_cues_goes_through(text):
    report = unknown_names([Paper("p", "T", text), Paper("q", "T", text)])
    for count in report.names:
        assert count.kind in KINDS and count.papers == 2 and count.mentions % 2 == 0
