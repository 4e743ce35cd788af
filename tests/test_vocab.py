"""Tests of extract.engine.vocab: the vocabulary files and the matcher built from them."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.engine import vocab
from extract.engine.vocab import HardwareVocabulary, MetricVocabulary, VocabError, Vocabulary

VOCABULARIES = {"benchmark": vocab.benchmarks, "metric": vocab.metrics, "hardware": vocab.hardware}
SAMPLE = Path(vocab.__file__).parents[1] / "data" / "sample" / "hf-daily-papers.txt"

# --- canonical names ------------------------------------------------------------------------

# docs/claim-spec.md section 4, "Examples of the folding required", one row per example.
SPEC_SECTION_4 = [
    ("benchmark", "AIME 2024", "AIME24"),
    ("benchmark", "AIME2024", "AIME24"),
    ("benchmark", "AIME-24", "AIME24"),
    ("benchmark", "AIME 2025", "AIME25"),         # "AIME25 likewise" (task brief)
    ("benchmark", "AIME2025", "AIME25"),
    ("benchmark", "AIME-25", "AIME25"),
    ("benchmark", "MATH-500", "MATH500"),
    ("benchmark", "MATH 500", "MATH500"),
    ("benchmark", "Microsoft COCO", "COCO"),
    ("benchmark", "MS-COCO", "COCO"),
    ("benchmark", "COCO val2017", "COCO"),
    ("benchmark", "ImageNet-1K", "ImageNet"),
    ("benchmark", "ImageNet-1k", "ImageNet"),
    ("benchmark", "ILSVRC-2012", "ImageNet"),
    ("benchmark", "CIFAR10", "CIFAR-10"),
    ("benchmark", "Cifar-10", "CIFAR-10"),
    ("benchmark", "GPQA-Diamond", "GPQA Diamond"),
    ("benchmark", "GPQA Diamond", "GPQA Diamond"),
    ("metric", "top1 accuracy", "top-1 accuracy"),
    ("metric", "Top-1 accuracy", "top-1 accuracy"),
    ("metric", "mAP@50", "mAP@50"),
    ("metric", "mAP50", "mAP@50"),
    ("hardware", "NVIDIA H800 GPUs", "H800"),
    ("hardware", "NVIDIA 4090 GPU", "RTX 4090"),
    ("hardware", "RTX4090", "RTX 4090"),
    ("hardware", "A100 80GB", "A100"),
]


@pytest.mark.parametrize("vocabulary, text, expected", SPEC_SECTION_4)
def test_spec_section_4(vocabulary, text, expected):
    assert VOCABULARIES[vocabulary]().canonical(text) == expected


# Spellings as they stand in the sample corpus (extract/data/sample/hf-daily-papers.txt), and
# the canonical names the golden files use for them (golden/README.md).
CORPUS = [
    ("benchmark", "MathVista", "MathVista"),
    ("benchmark", "MMLU-Pro", "MMLU-Pro"),
    ("benchmark", "SuperGPQA", "SuperGPQA"),
    ("benchmark", "BBEH", "BBEH"),
    ("benchmark", "GSM8K", "GSM8K"),
    ("benchmark", "MATH", "MATH"),
    ("benchmark", "math", None),                   # "8.6% improvement on math": a domain
    ("benchmark", "AIME25-I", None),               # half of AIME25: kept as written
    ("benchmark", "CIFAR100", "CIFAR-100"),
    ("benchmark", "Split-CIFAR100", "Split-CIFAR-100"),
    ("benchmark", "10-Split-CIFAR-100", "10-Split-CIFAR-100"),
    ("benchmark", "Microsoft COCO", "COCO"),
    ("benchmark", "MS-MARCO", "MS MARCO"),
    ("benchmark", "Natural Questions", "Natural Questions"),
    ("benchmark", "TriviaQA", "TriviaQA"),
    ("benchmark", "SWE-bench Lite", "SWE-bench Lite"),
    ("benchmark", "PASCAL VOC 2012", "PASCAL VOC"),
    ("benchmark", "NYU Depth v2", "NYU Depth V2"),
    ("benchmark", "WikiText2", "WikiText-2"),
    ("benchmark", "COLA", "CoLA"),
    ("benchmark", "SST2", "SST-2"),
    ("benchmark", "BraTS 2021", "BraTS"),
    ("benchmark", "Object365", "Objects365"),
    ("benchmark", "TREC-DL", "TREC DL"),
    ("benchmark", "miniImageNet", "miniImageNet"),
    ("benchmark", "OpenASR leaderboard", "Open ASR Leaderboard"),
    ("benchmark", "gpqa diamond", "GPQA Diamond"),
    ("benchmark", "(COCO),", "COCO"),              # punctuation around a name is ignored
    ("benchmark", "HotPot QA", "HotpotQA"),        # wide:2512.20845
    ("benchmark", "H3.6M", "Human3.6M"),           # wide:2511.14237
    ("benchmark", "NDS", None),                    # wide:2505.17732 nuScenes Detection Score: a metric
    ("metric", "accuracy", "accuracy"),
    ("metric", "Top-3 accuracy", "top-3 accuracy"),
    ("metric", "F1-score", "F1"),
    ("metric", "pass@1", "pass@1"),
    ("metric", "Pass@10", "pass@10"),
    ("metric", "pass@k", "pass@k"),
    ("metric", "AUC", "AUC"),
    ("metric", "AUC_ROC", "AUROC"),
    ("metric", "mean Average Precision", "mAP"),
    ("metric", "mAP@50:95", "mAP@50:95"),
    ("metric", "NDCG@10", "NDCG@10"),
    ("metric", "MRR@10", "MRR@10"),
    ("metric", "R@5", "R@5"),
    ("metric", "NRMSE", "NRMSE"),
    ("metric", "rFID", "rFID"),
    ("metric", "PPL", "perplexity"),
    ("metric", "Dice", "Dice"),
    ("metric", "prediction error", "error"),
    ("metric", "error rate", "error"),
    ("metric", "TPOT", "TPOT"),
    ("metric", "decode throughput", "decode throughput"),
    ("metric", "prefill throughput", "prefill throughput"),
    ("metric", "TFLOPs", "FLOPs"),                 # "only 55.6% TFLOPs": a count
    ("metric", "TFLOPS", None),                    # "156 TFLOPS": a rate, i.e. a unit
    ("metric", "GPU hours", "GPU hours"),
    ("metric", "KV cache", "KV cache"),
    ("metric", "IS", "IS"),
    ("metric", "is", None),
    ("metric", "macro F1-scores", "macro F1"),     # wide:2507.15641 plurals of metrics
    ("metric", "F1 scores", "F1"),
    ("metric", "Top-1 accuracies", "top-1 accuracy"),  # wide:2508.16884
    ("metric", "FPR@95", "FPR@95"),                # wide:2506.23881 out-of-distribution detection
    ("metric", "FPR95", "FPR@95"),
    ("metric", "Average@32", "avg@32"),            # wide:2510.06261
    ("metric", "failure rate", "failure rate"),    # wide:2507.10474, wide:2511.05018
    ("metric", "Wasserstein Distance", "Wasserstein distance"),  # wide:2504.11673
    ("metric", "nuScenes Detection Score", "NDS"),  # wide:2511.04347
    ("metric", "NDS", "NDS"),                      # wide:2505.17732
    ("metric", "MOS", "MOS"),                      # wide:2512.22491
    ("metric", "mean opinion score", "MOS"),
    ("hardware", "NVIDIA V100 GPUs", "V100"),
    ("hardware", "NVIDIA DGX-2 node", "DGX-2"),
    ("hardware", "Hopper GPUs", "Hopper"),
    ("hardware", "Ascend 910C NPUs", "Ascend 910C"),
    ("hardware", "Huawei CloudMatrix384", "CloudMatrix384"),
    ("hardware", "A100 GPUs", "A100"),
    ("hardware", "NVIDIA T4 GPU", "T4"),
    ("hardware", "NVIDIA Jetson TX2 GPU", "Jetson TX2"),
    ("hardware", "TX2 CPU", "Jetson TX2"),
    ("hardware", "RTX 3090 GPU", "RTX 3090"),
    ("hardware", "A100 80GB GPU", "A100"),
    ("hardware", "V100s", "V100"),
    ("hardware", "A100-SXM4-80GB", "A100"),
    ("hardware", "4090", None),                    # a bare number is not a GPU
    ("hardware", "a 100", None),                   # no separator inside "A100"
]


@pytest.mark.parametrize("vocabulary, text, expected", CORPUS)
def test_corpus_spellings(vocabulary, text, expected):
    assert VOCABULARIES[vocabulary]().canonical(text) == expected


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_every_canonical_name_is_its_own_canonical_and_found_in_text(vocabulary):
    # one test per vocabulary, not per name: the generated files hold thousands
    vocabulary_ = VOCABULARIES[vocabulary]()
    wrong = []
    for name in (n.replace(vocab.PLACEHOLDER, "5") for n in vocabulary_.names):
        sentence = f"We report {name}, as before."
        start = sentence.index(name)
        if vocabulary_.canonical(name) != name or \
                vocabulary_.find_all(sentence) != [(start, start + len(name), name)]:
            wrong.append(name)
    assert not wrong, f"{len(wrong)} names, e.g. {wrong[:10]}"


# --- find_all ---------------------------------------------------------------------------------

# (vocabulary, sentence, [(text of the span, canonical)]). Sentences marked "corpus" are from
# the sample corpus; the others test one rule of the matcher each.
FIND_ALL = [
    ("benchmark",  # corpus
     "Notably, SIFT improves the pass@1 accuracy of DeepSeek-R1 on AIME2024 from 78.33% to "
     "**85.67**%.",
     [("AIME2024", "AIME24")]),
    ("benchmark",  # corpus: hyphenated variants of a name are not the name
     "across four datasets (AIME24, AIME25-I, AIME25-II and GPQA Diamond).",
     [("AIME24", "AIME24"), ("GPQA Diamond", "GPQA Diamond")]),
    ("benchmark",  # corpus
     "Studies across diverse models (from 3B to 100B+) and benchmarks (e.g., GSM8K, MATH-500)",
     [("GSM8K", "GSM8K"), ("MATH-500", "MATH500")]),
    ("benchmark",  # corpus: the quoted "MATH" is found in capitals only
     "When solving math word problems from GSM8K and MATH, coverage grows.",
     [("GSM8K", "GSM8K"), ("MATH", "MATH")]),
    ("benchmark",  # corpus: the longest name at a position wins, once
     "as well as RetinaNet-ResNet50 on the Microsoft COCO dataset and MS-COCO.",
     [("Microsoft COCO", "COCO"), ("MS-COCO", "COCO")]),
    ("benchmark",  # whole words only
     "MATH5000 is not MATH500, and XCOCO is not COCO.",
     [("MATH500", "MATH500"), ("COCO", "COCO")]),
    ("benchmark",  # not part of a hyphenated compound
     "a COCO-style AP on a Mini-COCO split",
     []),
    ("benchmark",  # separators may vary
     "GPQA-Diamond, gpqa diamond and GPQADiamond",
     [("GPQA-Diamond", "GPQA Diamond"), ("gpqa diamond", "GPQA Diamond"),
      ("GPQADiamond", "GPQA Diamond")]),
    ("metric",  # corpus
     "with a Top-3 accuracy of 98.82% and a Top-1 accuracy of 90.69%, as well as the highest "
     "overall F1-score of 88.92%",
     [("Top-3 accuracy", "top-3 accuracy"), ("Top-1 accuracy", "top-1 accuracy"),
      ("F1-score", "F1")]),
    ("metric",  # corpus
     "RF-DETR achieved the highest mean Average Precision (mAP50) of 0.9464",
     [("mean Average Precision", "mAP"), ("mAP50", "mAP@50")]),
    ("metric",  # corpus: mAP@50 is not found inside mAP@50:95
     "Although YOLOv12N recorded the highest mAP@50:95 of 0.7620",
     [("mAP@50:95", "mAP@50:95")]),
    ("metric",  # corpus: FLOPs is a count, TFLOPS a rate
     "with only 55.6% TFLOPs, while Fuyou achieves 156 TFLOPS",
     [("TFLOPs", "FLOPs")]),
    ("metric",  # quoted names in their case only
     "The Inception Score (IS) is 9.1",
     [("Inception Score", "IS"), ("IS", "IS")]),
    ("metric",  # a template keeps its number
     "pass@1 rises, and so does Pass@16.",
     [("pass@1", "pass@1"), ("Pass@16", "pass@16")]),
    ("metric",  # a name does not end inside a decimal number
     "mAP50 and an AP50.5",
     [("mAP50", "mAP@50")]),
    ("hardware",  # corpus
     "DeepSeek-V3, trained on 2,048 NVIDIA H800 GPUs, demonstrates",
     [("NVIDIA H800 GPUs", "H800")]),
    ("hardware",  # corpus
     "DEIM achieves 53.2% AP in a single day of training on an NVIDIA 4090 GPU.",
     [("NVIDIA 4090 GPU", "RTX 4090")]),
    ("hardware",  # corpus
     "runs at 178 fps on an NVIDIA Jetson TX2 GPU and at 27 fps when using only the TX2 CPU",
     [("NVIDIA Jetson TX2 GPU", "Jetson TX2"), ("TX2 CPU", "Jetson TX2")]),
    ("hardware",  # corpus: the memory size is part of the mention
     "For example, with a single A100 80GB GPU, MeZO can train",
     [("A100 80GB GPU", "A100")]),
    ("hardware",  # corpus: a count glued to a name
     "as opposed to a common configuration of 8x V100s, or 8xA100",
     [("V100s", "V100"), ("A100", "A100")]),
    ("hardware",  # a bare model number is a number
     "decoding 4090 tokens per second on a 100-GPU cluster",
     []),
    ("hardware",  # a hyphenated tail does not hide an accelerator
     "an A100-based cluster of H100 SXM5 80GB GPUs",
     [("A100", "A100"), ("H100 SXM5 80GB GPUs", "H100")]),
]


@pytest.mark.parametrize("vocabulary, sentence, expected", FIND_ALL)
def test_find_all(vocabulary, sentence, expected):
    found = VOCABULARIES[vocabulary]().find_all(sentence)
    assert [(sentence[start:end], name) for start, end, name in found] == expected


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_find_all_on_the_sample_corpus_is_ordered_and_consistent(vocabulary):
    text = SAMPLE.read_text(encoding="utf-8")
    found = VOCABULARIES[vocabulary]().find_all(text)
    assert found, "the sample corpus names some of each"
    ends = [0] + [end for _, end, _ in found]
    assert all(start >= previous_end for (start, _, _), previous_end in zip(found, ends))
    # What find_all found, canonical() folds to the same name.
    assert all(VOCABULARIES[vocabulary]().canonical(text[start:end]) == name
               for start, end, name in found)


# Hostile text: long runs that share prefixes with many names. The trie regex has no
# repetition inside a repetition, so each of these finishes in linear time (a catastrophic
# pattern would hang here rather than fail an assertion).
HOSTILE = [
    ("benchmark", "GPQA-" * 40_000, 0),
    ("benchmark", "MATH-500-" * 20_000, 0),
    ("benchmark", "GPQA" + " " * 200_000 + "Diamond", 1),
    ("metric", "pass@" * 40_000, 0),
    ("metric", "pass@" + "9" * 200_000, 1),
    ("metric", "top-1 " * 30_000, 0),
    ("hardware", "NVIDIA " * 30_000, 0),
    ("hardware", "8x" * 100_000, 0),
    ("hardware", "A100 80GB " * 20_000, 20_000),
]


@pytest.mark.parametrize("vocabulary, text, count", HOSTILE, ids=lambda v: str(v)[:16])
def test_find_all_on_hostile_text(vocabulary, text, count):
    assert len(VOCABULARIES[vocabulary]().find_all(text)) == count


# --- the quick scan of find_all against the plain search -------------------------------------

# find_all runs `_scan` only where a quick pattern finds a word start that may open a mention
# (see Vocabulary._opening_scanners); `find_all_by_search` searches with `_scan` at every
# character, as find_all did before. The two must agree on any text.

def test_the_builtin_vocabularies_have_both_quick_scanners():
    for load in VOCABULARIES.values():
        assert load().opening_scanners.any_text is not None
        assert load().opening_scanners.lower_ascii is not None


def _sample_lines():
    return [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_quick_scan_equals_plain_search_on_the_sample(vocabulary):
    vocabulary_ = VOCABULARIES[vocabulary]()
    for line in _sample_lines():
        for text in (line, line.upper(), line.lower(), line.swapcase()):
            assert vocabulary_.find_all(text) == vocabulary_.find_all_by_search(text), text


def _name_fragments():
    """Every alias and directive word of the three files, whole and cut in two."""
    fragments = set()
    for load in VOCABULARIES.values():
        vocabulary_ = load()
        words = [a for e in vocabulary_.entries for a in e.aliases]
        words += [a for d in vocabulary_.directives.values() for a in d]
        for alias in words:
            text = alias.text.replace(vocab.PLACEHOLDER, "10")
            fragments |= {text, text[:len(text) // 2], text[len(text) // 2:]}
    return sorted(fragments)


# Pieces that meet the rules at a name's edges: separators, counts, memory sizes, plurals,
# decimals, punctuation, and characters whose case or width `re` treats specially (the
# Kelvin sign and long s match k and s ignoring case; U+0345 matches iota; "ß", "ﬁ" and
# "İ" change length when lower-cased; \x1c and \x85 are spaces to `re` only).
EDGE_FRAGMENTS = [
    " ", "  ", "-", "_", "\u2011", "\u2013", ".", ",", "(", ")", "/", "'", "@", ":", "\n",
    "8x", "8X", "x", "s", "S", "80GB", "-80GB", " (32 GB)", "4090", "2.5", "5", "k", "K",
    "\u212a", "\u017f", "\u0345", "\u03b9", "\u0399", "\u0131", "\u0130", "\u00df",
    "\ufb01", "\u00e9", "\u03c4", "\u00a0", "\x1c", "\x85", "\u2028", "\u0301",
]

_fragments = st.one_of(
    st.sampled_from(_name_fragments()),
    st.sampled_from(_name_fragments()).map(str.upper),
    st.sampled_from(_name_fragments()).map(str.lower),
    st.sampled_from(EDGE_FRAGMENTS),
    st.text(max_size=3),
)
name_like_text = st.lists(_fragments, max_size=16).map("".join)


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=name_like_text)
def test_quick_scan_equals_plain_search_on_generated_text(vocabulary, text):
    vocabulary_ = VOCABULARIES[vocabulary]()
    assert vocabulary_.find_all(text) == vocabulary_.find_all_by_search(text)


# Hardware reads where a name may open off the runs too (vocab._RunHeads), where a count, a
# plural or a memory size glued to a name makes a run that is no name's: the reference search
# must find the same.
@pytest.mark.parametrize("text", [
    "trained on 8xA100 GPUs", "(4XV100s) and 2x A100-80GB", "16xTPUv4 pods", "8x_A100",   # corpus
    "V100s", "8xV100s", "A10080GB", "A10080 GB", "A100(80GB)", "TPUv4s", "RTX4090s",      # glued
    "NVIDIA 409024GB GPU", "409024 GB GPU", "GH200s and Grace Hoppers", "GraceHopper80GB",
    "NVIDIA_Tesla V100", "Ascend 910Bs NPUs", "Intel Gaudi2s", "12xlarge on 256x256 images",
    "Hoppers, TPUs and Amperes",                                        # glued to letters
])
def test_hardware_with_glued_counts_plurals_and_memory_equals_plain_search(text):
    for spelled in (text, text.upper(), text.lower()):
        assert vocab.hardware().find_all(spelled) == vocab.hardware().find_all_by_search(spelled), spelled


# The three vocabularies of a sentence are read in one pass (vocab.JointScan); it must find
# what each vocabulary's own find_all finds.

def test_the_builtin_vocabularies_read_openings_off_the_runs():
    assert [v.reads_runs for v in vocab.names_scan().vocabularies] == [True, True, True]
    assert [type(v) for v in vocab.names_scan().vocabularies] == [
        vocab.Vocabulary, vocab.MetricVocabulary, vocab.HardwareVocabulary]


def _each_find_all(text):
    return tuple(v.find_all(text) for v in vocab.names_scan().vocabularies)


# Openings that only one vocabulary has: a count glued to an accelerator, a vendor prefix.
@pytest.mark.parametrize("text", [
    "trained on 8xA100 GPUs", "8xH100", "(4XV100s) and 2x A100-80GB", "NVIDIA H800 GPUs",
    "pass@1 accuracy on AIME24 & 25 with 16xTPUv4", "top-1 acc. of 80.2% on ImageNet-1K",
    # a number glued to a name's first run ("top-{k}", "FPR{k}"), a separator left out
    "top5 accuracy, FPR95 and Top10Accuracy on ImageNet1K", "Pass At 10 and passat10",
])
def test_joint_scan_equals_each_find_all_on_openings_of_one_vocabulary(text):
    assert vocab.names_scan().find_all(text) == _each_find_all(text)
    assert any(vocab.names_scan().find_all(text))


def test_joint_scan_equals_each_find_all_on_the_sample():
    for line in _sample_lines():
        for text in (line, line.upper(), line.lower(), line.swapcase()):
            assert vocab.names_scan().find_all(text) == _each_find_all(text), text


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=name_like_text)
def test_joint_scan_equals_each_find_all_on_generated_text(text):
    assert vocab.names_scan().find_all(text) == _each_find_all(text)


def test_every_letter_that_matches_a_non_word_character_ignoring_case_turns_the_quick_scan_off():
    # The quick scan looks for mentions after non-word characters only; a mention could start
    # after a word character if its first letter matched, ignoring case, a non-word character.
    # A name opening with such a letter makes the vocabulary search without the quick scan, and
    # says so (U+0345 COMBINING GREEK YPOGEGRAMMENI matches iota; no other character does).
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    non_word = re.sub(r"\w", "", every)
    cased_letters = [c for c in set(every) - set(non_word) if c.lower() != c or c.upper() != c]
    letters = re.compile("|".join(map(re.escape, cased_letters)), re.IGNORECASE)
    odd_letters = sorted({letter for odd in set(letters.findall(non_word)) for letter in cased_letters
                          if re.fullmatch(re.escape(letter), odd, re.IGNORECASE)})
    assert odd_letters  # iota, at least
    for letter in odd_letters:
        with pytest.warns(vocab.VocabWarning, match="without its quick scan"):
            odd = Vocabulary.from_text(f"{letter}bench\n")
        assert odd.opening_scanners == (None, None), letter


def test_a_name_starting_with_iota_falls_back_to_the_plain_search_and_says_so():
    # issue 12 item 5: a name that turns a quick path off is named with file and line
    with pytest.warns(vocab.VocabWarning, match=r"^<text>:2: 'ιota' opens with"):
        greek = Vocabulary.from_text("Alpha\nιota\n")
    assert greek.opening_scanners == (None, None)
    assert greek.find_all("a\u0345OTA and ιota") == greek.find_all_by_search("a\u0345OTA and ιota")


# Non-ASCII letters that `re` or `regex` match with an ASCII letter when case is ignored
# (issue 12 item 5: they no longer switch the lower-ASCII scan off): every name with one keeps
# both quick scanners and finds what the plain search finds, in ASCII text and with the
# letter in the text.
LOOKALIKES = [("\u017f", "s"), ("\u212a", "k"), ("\u0130", "i"), ("\u0131", "i")]


@pytest.mark.parametrize("lookalike, letter", LOOKALIKES)
def test_a_non_ascii_letter_that_matches_ascii_ignoring_case_keeps_both_quick_scans(lookalike, letter):
    name = f"Te{letter}tbench"
    odd = Vocabulary.from_text(f"{name.replace(letter, lookalike)}\n")
    assert None not in odd.opening_scanners
    for text in (f"a {name.upper()}, a {name}.", f"a {name.replace(letter, lookalike)} x",
                 f"{name.replace(letter, lookalike).upper()}"):
        assert odd.find_all(text) == odd.find_all_by_search(text), text


def test_the_non_ascii_letters_that_match_ascii_ignoring_case_are_known():
    # The word index reads text with these letters as the ASCII letter they match.
    every = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    found = set()
    for engine in (re, regex):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            found |= {(c, letter) for c in engine.findall(engine.escape(letter), every, engine.IGNORECASE)}
    assert found == set(LOOKALIKES)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=12),
                      st.text(max_size=12)),
       keep_case=st.booleans())
def test_fold_shortcut_for_ascii_letters_and_digits_changes_nothing(text, keep_case):
    import unicodedata
    key = regex.sub(r"[\s\-\u2010-\u2015_]+", "", unicodedata.normalize("NFKC", text))
    assert vocab.fold(text, keep_case) == (key if keep_case else key.casefold())


# --- attributes -------------------------------------------------------------------------------

# docs/claim-spec.md section 4: FID, error, latency, perplexity, NRMSE and memory are
# lower-is-better; the other metrics of the golden README are higher-is-better.
SPEC_DIRECTIONS = [
    ("FID", "lower"), ("error", "lower"), ("latency", "lower"), ("perplexity", "lower"),
    ("NRMSE", "lower"), ("memory", "lower"),
    ("accuracy", "higher"), ("top-1 accuracy", "higher"), ("pass@1", "higher"), ("AP", "higher"),
    ("mAP@50", "higher"), ("F1", "higher"), ("AUC", "higher"), ("Dice", "higher"),
    ("NDCG@10", "higher"), ("MRR@10", "higher"), ("BLEU", "higher"), ("win rate", "higher"),
    ("EM", "higher"), ("throughput", "higher"), ("speedup", "higher"),
    ("TPOT", "lower"), ("TTFT", "lower"), ("WER", "lower"), ("LPIPS", "lower"),
    ("Fréchet Inception Distance", "lower"),        # any spelling of a known metric
    ("made-up score", None),
]


@pytest.mark.parametrize("metric, direction", SPEC_DIRECTIONS)
def test_spec_directions(metric, direction):
    assert vocab.metrics().direction(metric) == direction
    assert vocab.higher_is_better(metric) is (direction != "lower")


HARDWARE_KINDS = [
    ("H800", "gpu"), ("Hopper", "gpu"), ("TPU v4", "tpu"), ("Ascend 910C", "npu"),
    ("CloudMatrix384", "system"), ("DGX-2", "system"), ("Gaudi2", "accelerator"), ("ZX81", None),
]


@pytest.mark.parametrize("name, kind", HARDWARE_KINDS)
def test_hardware_kinds(name, kind):
    assert vocab.hardware().kind(name) == kind


# --- loading other files ----------------------------------------------------------------------

def test_a_vocabulary_loads_from_any_path(tmp_path):
    path = tmp_path / "gpus.txt"
    path.write_text("@prefix = Acme\n@suffix = GPU = GPUs\n"
                    "Z9 [gpu] = Zed 9   # a comment\n\n# a comment line\n", encoding="utf-8")
    gpus = HardwareVocabulary.from_file(path)
    assert gpus.names == ("Z9",)
    assert gpus.find_all("on 8 Acme Zed-9 GPUs") == [(5, 20, "Z9")]


# (class, file text, line of the error, words in the message). Every broken file must name
# itself and the line.
BROKEN_FILES = [
    (Vocabulary, "MMLU\n = MMLU-Pro\n", 2, "the canonical name must come first"),
    (Vocabulary, "MMLU\nMMLU-Pro = \n", 2, "empty name"),
    (Vocabulary, "MMLU [higher\n", 1, "cannot read the name"),
    (Vocabulary, "MMLU = MM\"LU\n", 1, "unexpected"),
    (Vocabulary, "COCO = MS-COCO\nMSCOCO = MS COCO\n", 2, "already stands for 'COCO' (line 1)"),
    (Vocabulary, "GLUE\n\n# comment\nGLUE = GLUE score\n", 4, "already defined at line 1"),
    (Vocabulary, "MMLU [higher]\n", 1, "takes no [attribute]"),
    (Vocabulary, "@vendor = NVIDIA\n", 1, "unknown directive"),
    (Vocabulary, "@prefix = NVIDIA\n@prefix = AMD\n", 2, "given twice"),
    (Vocabulary, "MMLU = ---\n", 1, "must start with a letter or a digit"),
    (Vocabulary, "MMLU = (MMLU)\n", 1, "must start with a letter or a digit"),
    (MetricVocabulary, "accuracy [higher]\nFID [lowr]\n", 2, "expected [higher] or [lower]"),
    (MetricVocabulary, "FID = Frechet Inception Distance\n", 1, "found none"),
    (MetricVocabulary, "pass@{n} [higher]\n", 1, "unknown placeholder"),
    (MetricVocabulary, "pass@{k} [higher] = pass\n", 1, "in every alias, or in none"),
    (HardwareVocabulary, "H100 [gpu]\nH800 [cpu]\n", 2, "expected [accelerator] or [gpu]"),
]


@pytest.mark.parametrize("cls, text, line, reason", BROKEN_FILES)
def test_broken_file_names_file_and_line(tmp_path, cls, text, line, reason):
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabError) as error:
        cls.from_file(path)
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert reason in str(error.value)


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("MMLU\nFréchet\n".encode("latin-1"))
    with pytest.raises(VocabError, match=r":2: not UTF-8"):
        Vocabulary.from_file(path)


# --- the generated vocabularies (issue 11 item 3) ----------------------------------------------

DATA = Path(vocab.__file__).parents[1] / "data"
GENERATED = {"benchmark": "benchmarks-pwc.txt", "metric": "metrics-pwc.txt"}
HAND = {"benchmark": "benchmarks.txt", "metric": "metrics.txt"}
CLASSES = {"benchmark": Vocabulary, "metric": MetricVocabulary}
#: What the generated files must hold at least (issue 11 item 3).
TARGETS = {"benchmark": 2_000, "metric": 300}
#: A sentence that reports a number on a benchmark, or with a metric, around a name.
RUNNING_TEXT = {"benchmark": "We report 71.2% accuracy on the {} benchmark.",
                "metric": "We report a {} of 71.2 on the test set."}


@pytest.mark.parametrize("kind", sorted(GENERATED))
def test_the_generated_files_load_whole_and_meet_their_targets(kind):
    generated = CLASSES[kind].from_file(DATA / GENERATED[kind])
    assert len(generated) >= TARGETS[kind]
    # the curation left out every name the hand file knows, so loading the two together
    # keeps every generated entry and alias (the merge rule has nothing to leave out)
    merged = VOCABULARIES[kind]()
    from_generated = [e for e in merged.entries if e.source == str(DATA / GENERATED[kind])]
    assert sorted((e.line, e.canonical, e.aliases) for e in from_generated) == [
        (e.line, e.canonical, e.aliases) for e in generated.entries]


@pytest.mark.parametrize("kind", sorted(GENERATED))
def test_every_name_and_alias_is_found_in_running_text(kind):
    # Every spelling of both files, hand-kept and generated, in a sentence of running text.
    vocabulary_ = VOCABULARIES[kind]()
    missed = []
    for entry in vocabulary_.entries:
        for alias in entry.aliases:
            name = alias.text.replace(vocab.PLACEHOLDER, "5")
            canonical = entry.canonical.replace(vocab.PLACEHOLDER, "5")
            sentence = RUNNING_TEXT[kind].format(name)
            start = sentence.index(name)
            if (start, start + len(name), canonical) not in vocabulary_.find_all(sentence):
                missed.append((entry.source, entry.line, name))
    assert not missed, f"{len(missed)} names not found, e.g. {missed[:10]}"


def _python_docs_sentences():
    """Prose sentences of Python's own documentation (pydoc_data, shipped with CPython)."""
    import pydoc_data.topics
    text = " ".join(" ".join(pydoc_data.topics.topics.values()).split())
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    return sorted({s for s in sentences
                   if re.fullmatch(r"[A-Z][A-Za-z ,;:'()-]+[.!?]", s) and 6 <= len(s.split()) <= 40})


def _word_list_sentences():
    """Sentences of the 6,000 most common English words (wordfreq's list, the one the
    curation uses): eight at a time, the first capitalised; and each word in a sentence of
    its own, in lower case."""
    wordfreq = pytest.importorskip("wordfreq")
    words = [w for w in wordfreq.top_n_list("en", 6_000) if w.isalpha()]
    chunks = [words[i:i + 8] for i in range(0, len(words), 8)]
    return ([" ".join([chunk[0].capitalize(), *chunk[1:]]) + "." for chunk in chunks]
            + [f"We saw the {word} there, and {word} again." for word in words])


# The brief's examples: ordinary words that Papers with Code lists as datasets.
ORDINARY_WORD_SENTENCES = [
    "Cell biology is the study of the cell.", "Set the time and the table.",
    "Time flies when you are having fun.", "Flowers bloom in spring, and birds sing.",
    "Birds of a feather flock together.", "The weather in the kitchen was fine.",
]


def test_common_english_sentences_name_no_benchmark():
    sentences = ORDINARY_WORD_SENTENCES + _python_docs_sentences()
    assert len(sentences) >= 300
    found = [(s, vocab.benchmarks().find_all(s)) for s in sentences]
    assert [f for f in found if f[1]] == []


def test_sentences_of_common_english_words_name_no_benchmark():
    found = [(s, vocab.benchmarks().find_all(s)) for s in _word_list_sentences()]
    assert [f for f in found if f[1]] == []


# --- one vocabulary from a hand-kept and a generated file: the clash rules ------------------

# (hand file, generated file, spelling, what it resolves to). The hand file wins: a generated
# entry whose name it knows is left out whole, and a generated alias it knows is left out.
CLASH_RULES = [
    ("COCO = MS-COCO\n", "COCO = COCO test-dev\n", "COCO test-dev", None),      # entry out
    ("COCO = MS-COCO\n", "MSCOCO = Microsoft COCO\n", "Microsoft COCO", None),  # alias of hand
    ("COCO\n", "Pascal Context = PASCAL-Context\n", "PASCAL-Context", "Pascal Context"),
    ("COCO\n", "LVIS = COCO\n", "LVIS", "LVIS"),                    # its other aliases stay
    ("COCO\n", "LVIS = COCO\n", "COCO", "COCO"),
    ('"MATH"\n', "Math = MATH-hard\n", "Math", None),               # any case: left out
    ('"MATH"\n', "Math = MATH-hard\n", "MATH-hard", None),
    ("GPQA\n", "GPQA Diamond\n", "GPQA-Diamond", "GPQA Diamond"),
]


@pytest.mark.parametrize("hand, generated, spelling, expected", CLASH_RULES)
def test_the_hand_file_wins_over_the_generated_one(tmp_path, hand, generated, spelling, expected):
    (tmp_path / "hand.txt").write_text(hand, encoding="utf-8")
    (tmp_path / "generated.txt").write_text(generated, encoding="utf-8")
    merged = Vocabulary.from_files([tmp_path / "hand.txt", tmp_path / "generated.txt"])
    assert merged.canonical(spelling) == expected


def test_a_generated_metric_that_a_hand_template_covers_is_left_out(tmp_path):
    (tmp_path / "hand.txt").write_text("Recall@{k} [higher] = R@{k}\n", encoding="utf-8")
    (tmp_path / "generated.txt").write_text("r@10 [lower]\nmean reward [higher]\n", encoding="utf-8")
    merged = MetricVocabulary.from_files([tmp_path / "hand.txt", tmp_path / "generated.txt"])
    assert merged.direction("R@10") == "higher"
    assert merged.names == ("Recall@{k}", "mean reward")


# (generated file text, line of the error, words in the message): a broken generated file
# names itself and the line, like a hand-kept one.
BROKEN_GENERATED = [
    ("LVIS\nLVIS = LVIS v1\n", 2, "already defined at line 1"),
    ("LVIS\nObjects = LVIS\n", 2, "already stands for 'LVIS' (line 1)"),
    ("LVIS\n@prefix = the\n", 2, "unknown directive '@prefix' (allowed here: none)"),
    ("LVIS = \n", 1, "empty name"),
]


@pytest.mark.parametrize("text, line, reason", BROKEN_GENERATED)
def test_a_broken_generated_file_names_file_and_line(tmp_path, text, line, reason):
    (tmp_path / "hand.txt").write_text("COCO\n", encoding="utf-8")
    (tmp_path / "generated.txt").write_text(text, encoding="utf-8")
    with pytest.raises(VocabError) as error:
        Vocabulary.from_files([tmp_path / "hand.txt", tmp_path / "generated.txt"])
    assert str(error.value).startswith(f"{tmp_path / 'generated.txt'}:{line}: ")
    assert reason in str(error.value)


def test_word_indexed_names_are_found_as_the_regex_finds_them(tmp_path):
    # names of a later file go through the word index: same mentions as one regex of all
    (tmp_path / "hand.txt").write_text("COCO = MS-COCO\n\"MATH\"\n", encoding="utf-8")
    (tmp_path / "generated.txt").write_text(
        "GPQA Diamond\nMS-COCO Captions\n\"SCOPE\"\nScanNet++\nHuman3.6M\nAIME24\n",
        encoding="utf-8")
    merged = Vocabulary.from_files([tmp_path / "hand.txt", tmp_path / "generated.txt"])
    text = ("GPQADiamond, gpqa-diamond and GPQA  Diamond; MS-COCO Captions and MS-COCO; "
            "SCOPE, scope; ScanNet++ and ScanNet+; Human3.6M; AIME24, AIME 24, the AIME24-I.")
    assert merged.find_all(text) == merged.find_all_by_search(text)
    assert [text[s:e] for s, e, _ in merged.find_all(text)] == [
        "GPQADiamond", "gpqa-diamond", "MS-COCO Captions", "MS-COCO", "SCOPE", "ScanNet++",
        "Human3.6M", "AIME24"]


# find_all takes the trie regex's match as the longest where no longer name can go on from the
# name it found, and asks POSIX matching otherwise; find_all_by_search always asks POSIX.
GROWING_NAMES = "\n".join([
    "Foo", "Foo Bar Baz", "Qux = Qux-1", "pass@{k}", "x τ", "Ke = \u212aey", "H²O = HO",
    "p q", "p qrstuvw", "pq zz",
])
GROWING_CASES = [
    ("spec: a shorter name then the longer", "on Foo and Foo Bar Baz and FooBar Baz"),
    ("spec: a separator overlapping a letter", "on Foo-Bar Baz, Foo Bar, Foo-Bar-Baz"),
    ("spec: the trie stops at a shorter name", "pq zz, p q, pq and p qrstuvw"),
    ("spec: a template", "pass@1 and pass@10 and pass@k"),
    ("spec: a non-ASCII tail", "x τ, x, xτ and x-τ"),
    ("spec: a lookalike letter", "Ke, Key, \u212aey and KEY"),
    ("spec: a compatibility character", "H, HO, H²O and H2O"),
    ("spec: a name then a control separator", "Foo\x1cBar Baz and Qux\x1c1"),
    ("spec: the text goes on otherwise than a longer name", "Foo Baz, Foo.Bar Baz, Foo  Bar Baz, Foo"),
    ("spec: a template's key goes on otherwise", "pass@1 of, pass@10k, pass@ 1 and pass@"),
]


@pytest.mark.parametrize("case, text", GROWING_CASES)
def test_longest_name_without_posix_equals_search(case, text):
    vocabulary = vocab.Vocabulary.from_text(GROWING_NAMES)
    assert vocabulary.find_all(text) == vocabulary.find_all_by_search(text), case
