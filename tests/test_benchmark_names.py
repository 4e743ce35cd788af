"""Benchmarks the vocabulary does not know, marked as such by the text (spec section 4;
extract.engine.benchmark_names), and the benchmark each number then gets.

One table per rule; cases are named by where they came from: `wide:ID` is a sentence of the
wide arXiv corpus (../shared/corpus/arxiv-2025.jsonl, abridged), `spec` the spec's own wording.
Expectations are what a reader annotates, never the extractor's output.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.engine import vocab
from extract.engine.benchmark_names import KEYWORD_SCAN, KEYWORDS, ON_BEFORE_NAME, is_benchmark_name, marked_benchmarks
from extract.engine.claims import extract_paper
from extract.engine.fields import INTRODUCES_BENCHMARK, introduced_benchmarks, lower_case_keywords
from extract.output.schema import KINDS, Paper


def named_benchmarks(text: str) -> set[str]:
    """The benchmarks a sentence names in its own spelling: those its words mark (this module's
    rules, for names the vocabulary does not know) and those the vocabulary knows; a name the
    curated vocabulary has learnt is found either way."""
    known = [text[start:end] for start, end, _ in vocab.benchmarks().find_all(text)]
    return {*marked_benchmarks(text), *known}


# --- rule: a keyword after the name ("the X dataset", "X and Y benchmarks") ---------------------
NAME_BEFORE_KEYWORD = [
    pytest.param("We evaluate on the SceneFlow dataset.", ["SceneFlow"], id="spec on the X dataset"),
    pytest.param("On FSC benchmark, CoDi outperforms state-of-the-art by 15% MAE.", ["FSC"],
                 id="wide:2512.20153 On X benchmark"),
    pytest.param("on the FRAMES evaluation benchmark, ODS improves the best baseline by 9.7%.",
                 ["FRAMES"], id="wide:2503.20201 a descriptor between name and keyword"),
    pytest.param("Evaluations on the COCO-POS and COCO-MIG benchmarks demonstrate that it works.",
                 ["COCO-POS", "COCO-MIG"], id="wide:2503.12885 X and Y benchmarks"),
    pytest.param("experiments on the NTU RGB+D 60, NTU RGB+D 120, and PKU-MMD II datasets",
                 ["NTU RGB+D 60", "NTU RGB+D 120", "PKU-MMD II"], id="wide:2507.18382 X, Y, and Z datasets",
                 marks=pytest.mark.xfail(strict=True, reason="the curated vocabulary knows NTU RGB+D "
                                         "and PKU-MMD and finds them inside the variants' names")),
    pytest.param("on the challenging CCKS 2019 Financial Event Entity Extraction dataset, comparing",
                 ["CCKS 2019 Financial Event Entity Extraction"], id="wide:2504.14633 a long name"),
    pytest.param("Extensive experiments on the Diabetic Retinopathy (DDR) dataset demonstrate",
                 ["DDR"], id="wide:2508.15168 an acronym in brackets is the name"),
    pytest.param("Experimental results on the existing Smart Event Face Dataset (SEFD) demonstrate",
                 ["SEFD"], id="wide:2507.06459 a title-case dataset and its acronym"),
    pytest.param("the Mixed Arthropod Sample Segmentation and Identification (MassID45) dataset",
                 ["MassID45"], id="wide:2507.06972 an acronym ends the name"),
    pytest.param("a widely studied IoT benchmark dataset--the N-BaIoT dataset for both tasks",
                 ["N-BaIoT"], id="wide:2505.17363 a keyword describing another"),
    pytest.param("validated on the ADNI database.", ["ADNI"], id="wide:2504.08635 database"),
    pytest.param("WikiDYK contains 12,290 facts and 77,180 questions.", ["WikiDYK"],
                 id="wide:2505.12306 a name that holds items of data"),
]

# --- rule: the name after a keyword ("the benchmark X", "datasets -- A, B, and C") ---------------
NAME_AFTER_KEYWORD = [
    pytest.param("an IoU of 82.6% on the retinal vessel segmentation benchmark DRIVE, surpassing",
                 ["DRIVE"], id="wide:2512.16393 the benchmark X"),
    pytest.param("while performing better on benchmark SceneFlow dataset, is 8x faster",
                 ["SceneFlow"], id="wide:2503.18544 benchmark X dataset"),
    pytest.param("we introduce a new benchmark MuSciClaims accompanied by diagnostics tasks.",
                 ["MuSciClaims"], id="wide:2506.04585 a new benchmark X"),
    pytest.param("we constructed a multi-level dataset, BioMedMCQs, consisting of 3,000 questions.",
                 ["BioMedMCQs"], id="wide:2510.13926 a dataset, X, consisting"),
    pytest.param("on 3 different document classification datasets -- RVL-CDIP, Tobacco3482, and "
                 "DocLayNet -- and 3 models", ["RVL-CDIP", "Tobacco3482", "DocLayNet"],
                 id="wide:2508.04233 datasets -- A, B, and C"),
    pytest.param("we propose the first large-scale UAOT benchmark, SonarT165, comprising 165 sequences",
                 ["SonarT165"], id="wide:2504.15609 the first benchmark, X, comprising"),
]

# --- rule: a name set off before "a ... benchmark" ----------------------------------------------
NAME_APPOSED = [
    pytest.param("this study introduces CMExamSet, a comprehensive benchmarking dataset comprising",
                 ["CMExamSet"], id="wide:2504.08779 X, a ... dataset"),
    pytest.param("Evaluating two variants on Reasoning-Gym, a suite of reasoning-intensive tasks",
                 ["Reasoning-Gym"], id="wide:2509.21482 X, a suite of"),
    pytest.param("we propose LCMP, the first Long-Context MLLM Personalization evaluation benchmark.",
                 ["LCMP"], id="wide:2512.21616 the apposed name, not the descriptor"),
]

# --- rule: "on X" after evaluation words, a number, or opening a clause ---------------------------
NAME_AFTER_ON = [
    pytest.param("On the FashionIQ dataset, it improves R@10 by 7.5%; on CIRR, it boosts R@1 by "
                 "9.6%; and on CIRCO, it increases mAP@5 by 9.5%.", ["FashionIQ", "CIRR", "CIRCO"],
                 id="wide:2505.19952 clauses opening with on X"),
    pytest.param("Experiments on nuScenes, Argoverse 2, and a large proprietary dataset achieve it.",
                 ["nuScenes", "Argoverse 2"], id="wide:2512.03510 experiments on A, B, and ..."),
    pytest.param("Evaluated on Foo-QA and Bar-QA, FutrTrack demonstrates gains.", ["Foo-QA", "Bar-QA"],
                 id="wide:2510.22245 a list ends at the name after and"),
    pytest.param("On MobileWorld, MAI-UI obtains 41.7% success rate.", ["MobileWorld"],
                 id="wide:2512.22047 On X, then the subject"),
    pytest.param("ReEx-SQL achieves 88.8% on Spider-X and 64.9% on BIRD-X at the 7B scale.",
                 ["Spider-X", "BIRD-X"], id="wide:2505.12768 a score on X"),
    pytest.param("Kids-WFST attains 1.39% phoneme error on MyST and 8.61% on Multitudes--absolute gains",
                 ["MyST", "Multitudes"], id="wide:2507.03043 a dash ends the name"),
    pytest.param("FooNet improves top-1 accuracy by 5.6 percentage points on USPTO-50K.", ["USPTO-50K"],
                 id="spec 5.6 points on USPTO-50K"),
]

# --- never a benchmark: models, metrics, hardware, platforms, categories, field terms -------------
NOT_MARKED = [
    pytest.param("GRPO refines its reasoning on a 10K multimodal math dataset.",
                 id="sample:vision-r1 a bare amount is a count"),
    pytest.param("We show results on ImageNet using Inception-V3, ResNet50 and SqueezeNext models.",
                 id="sample:hawq CNN architectures are models"),
    pytest.param("We benchmark GPT-4o and Claude on the tasks.", id="spec benchmark as a verb"),
    pytest.param("Experiments on Qwen2.5-7B and Llama-3.1-8B show gains.", id="wide:2510.16670 models"),
    pytest.param("On 1080p benchmarks, our model is fast.", id="wide:2512.21338 a resolution"),
    pytest.param("LangDA sets the state of the art across three DASS benchmarks.",
                 id="wide:2503.12780 a count makes a kind of benchmark"),
    pytest.param("Across multiple VQA benchmarks and LLM benchmarks it wins.", id="spec categories"),
    pytest.param("Using Italian, Spanish, and English datasets, we trained a model.",
                 id="wide:2510.03758 languages"),
    pytest.param("Change detection (CD) matters. Our approach advances cross-dataset CD applications.",
                 id="wide:2504.13748 a term the abstract defines"),
    pytest.param("It reaches 23ms on PC CPU and 64FPS on Tesla P4 GPU.", id="wide:2504.16128 hardware"),
    pytest.param("Experiments on 3D object detection demonstrate gains.",
                 id="wide:2509.21994 a name describing a task"),
    pytest.param("it improves by 5% in APLS and 3.8% in mF1.", id="wide:2509.11731 metrics after in"),
    pytest.param("Specifically, Gemini 3.0 Pro achieves 97.6% on Level I.", id="wide:2512.08270 a part"),
    pytest.param("evaluated on YouTube videos and on OpenVLA.", id="spec platform and model"),
    pytest.param("Each dataset is hard. Real benchmarks are rare.", id="spec capitalised sentence opening"),
]


@pytest.mark.parametrize(("text", "expected"), NAME_BEFORE_KEYWORD)
def test_name_before_a_keyword_is_a_benchmark(text: str, expected: list[str]) -> None:
    assert named_benchmarks(text) == set(expected)


@pytest.mark.parametrize(("text", "expected"), NAME_AFTER_KEYWORD)
def test_name_after_a_keyword_is_a_benchmark(text: str, expected: list[str]) -> None:
    assert named_benchmarks(text) == set(expected)


@pytest.mark.parametrize(("text", "expected"), NAME_APPOSED)
def test_name_apposed_to_a_keyword_is_a_benchmark(text: str, expected: list[str]) -> None:
    assert named_benchmarks(text) == set(expected)


@pytest.mark.parametrize(("text", "expected"), NAME_AFTER_ON)
def test_name_after_on_is_a_benchmark(text: str, expected: list[str]) -> None:
    assert named_benchmarks(text) == set(expected)


@pytest.mark.parametrize("text", NOT_MARKED)
def test_models_metrics_hardware_and_categories_are_never_marked(text: str) -> None:
    assert marked_benchmarks(text) == ()


def test_the_papers_own_system_is_never_marked() -> None:
    assert marked_benchmarks("Experiments on FooNet show gains.", own="FooNet") == ()


@pytest.mark.parametrize("name", ["OpenVLA", "IoU", "RMSE", "YouTube", "Qwen2.5-7B", "H100", "English",
                                  "SpeechGPT", "Arabic-centric", "19 LRMs", "10K", "Inception-V3",
                                  "SqueezeNext"])
def test_is_benchmark_name_refuses_models_metrics_platforms(name: str) -> None:
    """Spec section 4: a model, metric, method or company is never a benchmark."""
    assert not is_benchmark_name(name)


# --- the benchmark each number gets ---------------------------------------------------------------

def _benchmarks(abstract: str) -> list[tuple[float, str]]:
    rows = extract_paper(Paper("p", "FooNet: A Test", abstract))
    return [(abs(r["value"]), r["benchmark"]) for r in rows if r["kind"] in KINDS]


# (abstract, expected (abs value, benchmark) per claim row)
BENCHMARK_OF_A_NUMBER = [
    pytest.param("On the FashionIQ dataset, our method improves R@10 by 7.5%; on CIRR, it boosts R@1 "
                 "by 9.6%; and on CIRCO, it increases mAP@5 by 9.5%.",
                 [(7.5, "FashionIQ"), (9.6, "CIRR"), (9.5, "CIRCO")], id="wide:2505.19952 clause by clause"),
    pytest.param("Evaluations on the COCO-POS and COCO-MIG benchmarks demonstrate that FooNet improves "
                 "the success ratio by 17.7%.", [(17.7, "")],
                 id="wide:2503.12885 one number over two benchmarks has none"),
    pytest.param("FooNet achieves 88.8% on Spider and 64.9% on BIRD-X, surpassing the baseline by 2.7% "
                 "and 2.6%, respectively.",
                 [(88.8, "Spider"), (64.9, "BIRD-X"), (2.7, "Spider"), (2.6, "BIRD-X")],
                 id="wide:2505.12768 respectively pairs with the sentence's benchmarks"),
    pytest.param("We evaluate FooNet on the Foo-Scenes dataset. It is a hard task. We study its parts. "
                 "We look at errors. Our results show a 4.1% drop in mAP.", [(4.1, "Foo-Scenes")],
                 id="wide:2511.04347 the abstract's one benchmark carries beyond three sentences"),
    pytest.param("We build CMExamSet, a comprehensive benchmarking dataset. GPT-4o reaches 82% accuracy.",
                 [(82.0, "CMExamSet")], id="wide:2504.08779 an introduced benchmark carries"),
    pytest.param("We train on the Foo-Train dataset. FooNet reaches 82% accuracy.", [(82.0, "")],
                 id="spec training data is not the benchmark"),
    pytest.param("We propose a framework leveraging the Foo-Eye dataset. We add a loss. FooNet improves F1 "
                 "score from 0.597 to 0.631.", [(0.597, "Foo-Eye"), (0.631, "Foo-Eye")],
                 id="wide:2508.13068 the abstract's one marked benchmark, after 'leveraging', carries"),
    pytest.param("Using the Foo benchmark under zero-shot prompting, we analyze fairness. We find three things. "
                 "First, Phi models achieve F1 scores exceeding 90 percent.", [(90.0, "Foo")],
                 id="wide:2506.08487 'using the X benchmark' sets the test"),
    pytest.param("FooNet achieves 29.9 nDCG@10 with reranker on BRIGHT. It also improves it by 3.5%.",
                 [(29.9, "BRIGHT"), (3.5, "BRIGHT")],
                 id="wide:2504.20595 'with X on B' measures on B: it carries"),
    pytest.param("In evaluations on AIME 2024/2025, FooNet delivers gains of +5.15% Average@32.", [(5.15, "")],
                 id="wide:2510.06261 a year list written once is two benchmarks: one number over both has none"),
    pytest.param("The model achieves an average improvement of 3.89% on AIME 24/25 benchmarks.", [(3.89, "")],
                 id="wide:2508.05496 the short years"),
    pytest.param("FooNet scores 74.0 and 60.2 on AIME 2024/2025.", [(74.0, "AIME24"), (60.2, "AIME25")],
                 id="spec: paired lists pair in order, the year list too"),
    pytest.param("FooNet shows an 82% reduction in error rate compared to Whisper, and 35% improvement over "
                 "baseline methods on the VBDemand test set.", [(82.0, "VBDemand"), (35.0, "VBDemand")],
                 id="wide:2510.25150 the sentence's one benchmark, after the number"),
    pytest.param("FooNet shows an 82% reduction in error rate against Whisper, and 31% gain on VBDemand.",
                 [(82.0, ""), (31.0, "VBDemand")],
                 id="wide:2510.25150 a benchmark set right after another number is that number's"),
    pytest.param("We demonstrate an accuracy of 47% EM on the first task and 82.7% on HumanEval.",
                 [(47.0, ""), (82.7, "HumanEval")], id="wide:2512.20845 across another number",
                 marks=pytest.mark.xfail(strict=True, reason="'73.5% ... on X' is read across a later number")),
    pytest.param("Our student network, better than PSMNet [1] on benchmark SceneFlow dataset, is 8x, 5x, and 8x "
                 "faster respectively.", [(8.0, "SceneFlow"), (5.0, "SceneFlow"), (8.0, "SceneFlow")],
                 id="wide:2503.18544 the one benchmark set just before an efficiency list"),
    pytest.param("The model trained on the Foo-Pose dataset runs 3x faster than the baseline.", [(3.0, "")],
                 id="wide:2507.12905 training data set before an efficiency number is no benchmark"),
    pytest.param("Experimental results on the existing Smart Event Face Dataset (SEFD) demonstrate that "
                 "FooNet matches YOLO-v4 while utilizing up to 35.5x fewer parameters.", [(35.5, "SEFD")],
                 id="wide:2507.06459 a sentence opening with its benchmark ties an efficiency number"),
]


@pytest.mark.parametrize(("abstract", "expected"), BENCHMARK_OF_A_NUMBER)
def test_benchmark_of_a_number(abstract: str, expected: list[tuple[float, str]]) -> None:
    fold = vocab.fold  # the scorer compares benchmark names after folding (spec section 5)
    assert [(value, fold(name)) for value, name in _benchmarks(abstract)] == \
        [(value, fold(name)) for value, name in expected]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(
    st.sampled_from(["on", "On", "the", "dataset", "datasets", "benchmark", "Benchmarks", "FooBench", ",",
                     "and", "(", ")", "(FB)", "--", "evaluated", "5.2%", "a", "suite", "Foo-QA", ";", ".",
                     "GPT-4o", "3D", "is", "including", ":", "\n"]),
    st.text(max_size=4)), max_size=30).map(" ".join))
def test_marking_never_crashes_and_names_stand_in_the_text(text: str) -> None:
    for name in marked_benchmarks(text):
        assert name and name in text


_KEYWORD_WORDS = sorted({word for pair in KEYWORDS.items() for word in pair})


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(
    st.sampled_from(_KEYWORD_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title(), w.replace(" ", "\t"),
                                                                        w + "-", w[:4], w[:5] + "x", w.replace(" ", "  "),
                                                                        w.replace("s", "\u017f"), w.replace("i", "\u0131")])),
    st.sampled_from(["-", "x", "the", "a", "é", "\u0130", " ", "\n"])), max_size=16).map(" ".join))
def test_keyword_scan_finds_the_case_blind_matches(text):
    expected = [m.span() for m in KEYWORD_SCAN.pattern.finditer(text)]
    assert [m.span() for m in KEYWORD_SCAN.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(
    st.sampled_from(_KEYWORD_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title(), w + "ing", w[:4]])),
    st.sampled_from(["-", "x", "the", "\u0130", "\u0130benchmark", "a", " ", "\n"])), max_size=16).map(" ".join))
def test_keyword_scan_finds_the_lower_case_keywords_as_str_find_does(text):
    """fields.introduced_benchmarks looks for its verbs before them ("\u0130" lower-cases to two letters)."""
    assert KEYWORD_SCAN.scan(text).lower_case == lower_case_keywords(text)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(
    ["introduce", "presents", "We", "ESGenius", "Foo-1", ",", "a", "the", "new", "benchmark", "dataset", "Dataset",
     "benchmarks", "\u0130", "\n", "  ", "x" * 40, "Long-" + "Name" * 20 + ",", "multi-domain"]), max_size=40).map(" ".join))
def test_introduced_benchmarks_read_after_the_keyword_scan_are_the_pattern_matches(text):
    expected = tuple(match["name"] for match in INTRODUCES_BENCHMARK.finditer(text))
    assert introduced_benchmarks(text, KEYWORD_SCAN.scan(text).lower_case) == expected


def test_introduced_benchmark_found_with_five_descriptors_of_any_length() -> None:
    """spec: "introduce X, a ... benchmark" with the five words the pattern allows, the last of
    every length: wherever a look back from the keyword stops, the verb is found."""
    for length in range(1, 240):
        text = "Intro words here. We introduce Foo, a new big fresh open " + "x" * length + " benchmark."
        assert introduced_benchmarks(text, KEYWORD_SCAN.scan(text).lower_case) == ("Foo",)


_DESCRIPTORS = st.lists(st.one_of(st.sampled_from(["new", "multi-domain", "benchmark"]),
                                   st.integers(1, 150).map(lambda n: "x" * n)), max_size=6)


@settings(max_examples=400, deadline=None)
@given(filler=st.integers(0, 60), spaces=st.sampled_from([" ", "  ", "\n", " \t "]),
       name=st.sampled_from(["ESGenius", "L" + "ong" * 40]), words=_DESCRIPTORS,
       keyword=st.sampled_from(["benchmark", "dataset", "datasets"]), again=st.booleans())
def test_introduced_benchmarks_found_however_far_their_verb_stands(filler, spaces, name, words, keyword, again):
    """The verbs are looked for among the words before each keyword: the pattern reaches back
    over a long name, wide white space and five descriptors."""
    phrase = spaces.join(["We", "introduce", name + ",", "a", *words, keyword])
    text = " ".join(["word"] * filler) + ". " + phrase + (". " + phrase if again else "") + "."
    expected = tuple(match["name"] for match in INTRODUCES_BENCHMARK.finditer(text))
    assert introduced_benchmarks(text, KEYWORD_SCAN.scan(text).lower_case) == expected


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(
    st.sampled_from(["on", "On", "ON", "oN", "the", "The", "FooBench", "nuScenes", "x1", "a", "Ab", "3D", "é", "Éa",
                     "son", "-on", "on-", "\t", "\x1c", "\x85", "\u00a0"]),
    st.text(max_size=3)), max_size=12).map(" ".join))
def test_on_before_a_name_found_on_ascii_as_the_regex_pattern_finds_it(text):
    expected = [match.span() for match in ON_BEFORE_NAME.reference.finditer(text)]
    assert ON_BEFORE_NAME.places(text) == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from(["a", "B", "1", "(", ")", " ", "\t", "\n", "\x1c", "\x1f", "\x85", "\xa0",
                                     "\u2009", "\u200b", "\u3000", "\ufeff"]), max_size=20) | st.text(max_size=20))
def test_words_split_where_the_word_pattern_parts_them(text):
    """benchmark_names reads the words before a keyword with str.split and their places with \\S+."""
    assert text.split() == re.findall(r"\S+", text)
