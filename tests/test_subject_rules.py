"""The subject of a claim: the system the number belongs to (issue 11 item 4; spec section 2).

One table per rule, cases named by where they came from (`wide:ID`: a sentence of the wide arXiv
corpus, abridged; `issue`: the issue's own examples; `sample`: the built-in sample). Expectations
are what a reader annotates, never the extractor's output.
"""
from __future__ import annotations

import pytest

from extract.engine.claims import extract_paper
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.engine.names import NotSystems, defined_terms, model_names, system_name
from extract.output.schema import KINDS, Paper


def _subjects(abstract: str, title: str = "FooNet: A Test") -> list[tuple[float, str]]:
    title = "Foam-Agent: Towards Automated CFD" if abstract.startswith("Foam-Agent") else title
    rows = extract_paper(Paper("p", title, abstract))
    return [(abs(r["value"]), r["subject"]) for r in rows if r["kind"] in KINDS]


# --- lists advance: each number gets its own system -----------------------------------------------
LISTS_ADVANCE = [
    pytest.param("Qwen3-8B reaches 61.5, ahead of Llama-3.1-8B (55.0) and Mistral-7B (48.7).",
                 [(61.5, "Qwen3-8B"), (55.0, "Llama-3.1-8B"), (48.7, "Mistral-7B")], id="issue ahead of B (55.0)"),
    pytest.param("FooNet-X achieves 78%, followed by BarNet-2 (72%).",
                 [(78.0, "FooNet-X"), (72.0, "BarNet-2")], id="issue followed by B (72%)"),
    pytest.param("FooNet-X raises mIoU to 71.4 against 66.0 for SegFormer.",
                 [(71.4, "FooNet-X"), (66.0, "SegFormer")], id="issue against 66.0 for SegFormer"),
    pytest.param("The FooNet-X model achieved an AUC of 0.801, outperforming KNN (AUC 0.677).",
                 [(0.801, "FooNet-X"), (0.677, "KNN")], id="wide:2510.17172 KNN (AUC 0.677)"),
    pytest.param("Both models performed better on single-step tasks, with accuracies of 85.7% (GPT-4o) "
                 "and 86.7% (Claude 3.7).", [(85.7, "GPT-4o"), (86.7, "Claude 3.7")],
                 id="wide:2504.08779 the name in brackets after the number"),
    pytest.param("Foam-Agent achieves an 88.2% success rate, outperforming existing frameworks (55.5% for "
                 "MetaOpenFOAM).", [(88.2, "Foam-Agent"), (55.5, "MetaOpenFOAM")],
                 id="wide:2509.18178 (55.5% for X)"),
    pytest.param("Even top proprietary models like Gemini 2.5 Pro, o3, and Claude 4 Sonnet achieve accuracy "
                 "(60.30%, 63.37%, and 63.16%).",
                 [(60.3, "Gemini 2.5 Pro"), (63.37, "o3"), (63.16, "Claude 4 Sonnet")],
                 id="wide:2510.24932 a list of models, then the list of numbers"),
    pytest.param("GNN-based models showed lower performance, with accuracies of 86.42% and 89.46% for "
                 "VAE-GCN and VAE-GAT, respectively.", [(86.42, "VAE-GCN"), (89.46, "VAE-GAT")],
                 id="wide:2505.17363 numbers, then for A and B, respectively"),
    pytest.param("GPT-4o and Claude 3.7 surpass the thresholds, with average accuracies of 82% and 83%, "
                 "respectively.", [(82.0, "GPT-4o"), (83.0, "Claude 3.7")],
                 id="wide:2504.08779 a model named with a version"),
    pytest.param("UNet-MSAM consistently outperforms UNet-SC, achieving improvements of 3.61% in mean IoU.",
                 [(3.61, "UNet-MSAM")], id="wide:2506.18682 the participle's agent is the clause's subject"),
]

# --- the paper's own system: never a benchmark, a metric, a data source or a term -----------------
OWN_SYSTEM = [
    pytest.param("MuSciClaims: Multimodal Scientific Claim Verification",
                 "We introduce a new benchmark MuSciClaims. We propose Foo-Ver, a verifier.", "Foo-Ver",
                 True, id="wide:2506.04585 a system named in the abstract over the title's benchmark"),
    pytest.param("Foam-Agent: Towards Automated CFD", "Foam-Agent achieves an 88.2% success rate.",
                 "Foam-Agent", True, id="wide:2509.18178 the title's system"),
    pytest.param("StoryReasoning Dataset: Using Chain-of-Thought for Scene Understanding",
                 "We fine-tune Qwen2.5-VL 7B.", "StoryReasoning Dataset", False,
                 id="wide:2505.10292 a title naming a dataset"),
    pytest.param("Are GNNs Worth the Effort for IoT Botnet Detection?", "We compare models.", "GNNs",
                 False, id="wide:2505.17363 a plural names a kind"),
    pytest.param("Robust ASR for Children", "Automatic speech recognition (ASR) is hard. We propose "
                 "Kids-WFST, a decoder.", "Kids-WFST", True, id="wide:2507.03043 a defined term"),
    pytest.param("ECMNet:Lightweight Semantic Segmentation with Efficient CNN-Mamba Network",
                 "We propose a lightweight Efficient CNN-Mamba Network.", "ECMNet", True,
                 id="wide:2506.08629 a title's head before a colon with no space after it"),
    pytest.param("Efficient N:M Sparse DNN Training", "We present a training scheme.", "Efficient N", False,
                 id="sample: N:M is a ratio, not a title's head"),
]


@pytest.mark.parametrize(("abstract", "expected"), LISTS_ADVANCE)
def test_lists_advance(abstract: str, expected) -> None:
    assert _subjects(abstract) == expected


@pytest.mark.parametrize(("title", "abstract", "name", "is_own"), OWN_SYSTEM)
def test_own_system_is_never_a_benchmark_or_term(title: str, abstract: str, name: str, is_own: bool) -> None:
    not_systems = frozenset({"MuSciClaims"}) | defined_terms(abstract)
    assert (system_name(title, abstract, not_systems) == name) is is_own


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("GPT-4o and Claude 3.7 beat Gemini 2.5 Pro", ["Claude 3.7", "Gemini 2.5 Pro"],
                 id="wide:2504.08779 versions and variants"),
    pytest.param("OpenAI's o3 reasoning mode and o4-mini", ["o3", "o4-mini"], id="wide:2505.23764 o-series"),
    pytest.param("on Level 3 of Table 2 in COCO 2017", [], id="spec words with numbers are no models"),
])
def test_model_names_with_a_version(text: str, expected: list[str]) -> None:
    assert [name for _, _, name in model_names(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Change detection (CD) in remote sensing", {"CD"}, id="wide:2504.13748 a task"),
    pytest.param("Vision-language-action (VLA) models", {"VLA"}, id="wide:2511.17199 hyphenated term"),
    pytest.param("we introduce Hessian AWare Quantization (HAWQ), a method", set(), id="sample HAWQ a name"),
    pytest.param("the Aria Navigation Dataset (AND) of recordings", set(), id="wide:2508.14466 a dataset"),
])
def test_defined_terms(text: str, expected: set[str]) -> None:
    assert defined_terms(text) == expected


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(["Change", "detection", "(CD)", "(AND)", "Aria", "Navigation", "Dataset",
                                       "automatic", "speech", "recognition", "(ASR)", "of", "the", "(X)", "x",
                                       "CD", "ASR", "\n", "(", ")", "Vision-language-action", "(VLA)"]),
                     max_size=14),
       name=st.sampled_from(["CD", "AND", "ASR", "VLA", "X", "Foo"]))
def test_a_name_asked_about_is_a_term_as_defined_terms_reads_it(words, name):
    text = " ".join(words)
    assert (name in NotSystems(text)) == (name in defined_terms(text))
