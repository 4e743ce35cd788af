"""Vocabulary names written with non-ASCII characters (issue 12 item 5): accented and Greek
letters, "×", fancy dashes and quotes, and compatibility characters ("²", "ﬁ", full-width
letters) whose NFKC spelling is plain ASCII. Each is found in running text in every spelling
it may take there, the quick scanners stay on, and find_all (the quick path) finds exactly what
the reference search finds.

All through the public API: a vocabulary is built from a line of its file's grammar.
"""
from __future__ import annotations

import pytest

from extract.engine import vocab
from extract.engine.vocab import HardwareVocabulary, MetricVocabulary, VocabError, Vocabulary

#: (where the name comes from, its vocabulary, its file line, spellings of it in running text).
#: Every spelling must be found as the line's canonical name.
NON_ASCII_NAMES = [
    ("benchmarks.txt:117", Vocabulary, "τ-bench",
     ["τ-bench", "Τ-BENCH", "τ–bench", "τ bench"]),
    ("benchmarks-pwc.txt:2084", Vocabulary, "Grévy's Zebra",
     ["Grévy's Zebra", "GRÉVY'S ZEBRA", "grévy's zebra"]),
    # NFKC reads "²" as "2": the ASCII spelling is the same name to `fold`, and found too
    ("benchmarks-pwc.txt:2288", Vocabulary, "H²O Interaction",
     ["H²O Interaction", "H2O Interaction", "h2o interaction", "H2O-Interaction"]),
    ("benchmarks-pwc.txt:5577", Vocabulary, "Webis-Touché = Webis-Touché-2020",
     ["Webis-Touché", "Webis–Touché", "WEBIS TOUCHÉ-2020"]),
    ("metrics.txt:47", MetricVocabulary, "Cohen's kappa [higher] = Cohen’s kappa",
     ["Cohen’s kappa", "COHEN’S KAPPA", "Cohen's kappa"]),
    ("metrics.txt:116", MetricVocabulary, "FID [lower] = Fréchet Inception Distance",
     ["Fréchet Inception Distance", "FRÉCHET INCEPTION DISTANCE", "Fréchet-Inception Distance"]),
    ("metrics.txt:128", MetricVocabulary, '"R2" [higher] = "R²"', ["R²", "R2"]),
    ("metrics-pwc.txt:328", MetricVocabulary, "pearson's ρ [higher]",
     ["pearson's ρ", "Pearson's Ρ"]),
    # letters and signs the files may take next
    ("spec: a capital Ø", Vocabulary, "Øresund Traffic",
     ["Øresund Traffic", "øresund traffic", "ØRESUND-TRAFFIC"]),
    ("spec: a multiplication sign", Vocabulary, "8×8 Sudoku", ["8×8 Sudoku", "8×8 SUDOKU"]),
    ("spec: Greek capital sigma", Vocabulary, "Σ-Bench", ["Σ-Bench", "σ-bench", "ς-bench"]),
    ("spec: a ligature", Vocabulary, "ﬁne-grained QA",
     ["ﬁne-grained QA", "fine-grained QA", "Fine-Grained QA"]),
    ("spec: full-width letters", Vocabulary, "ＧＳＭ８Ｋ－Ｘ", ["ＧＳＭ８Ｋ－Ｘ", "GSM8K-X", "gsm8k x"]),
    ("spec: a superscript in hardware", HardwareVocabulary, "Gaudi² [accelerator]",
     ["Gaudi²", "Gaudi2", "GAUDI2"]),
]

#: Running text around a spelling: in a sentence, and alone (a mention at the text's start).
CONTEXTS = ["It scores 71.2 on {}, ahead of the rest.", "{}"]


def _canonical(line: str) -> str:
    head = line.split("=")[0].split("[")[0].strip()
    return head.strip('"')


@pytest.mark.parametrize("where, cls, line, spellings", NON_ASCII_NAMES,
                         ids=[case[0] for case in NON_ASCII_NAMES])
def test_a_non_ascii_name_is_found_in_every_spelling_by_the_quick_path(where, cls, line, spellings):
    vocabulary = cls.from_text(line + "\n", where)
    assert None not in vocabulary.opening_scanners  # the quick path is on
    for spelling in spellings:
        for context in CONTEXTS:
            text = context.format(spelling)
            start = text.index(spelling)
            found = vocabulary.find_all(text)
            assert found == [(start, start + len(spelling), _canonical(line))], text
            assert found == vocabulary.find_all_by_search(text), text


@pytest.mark.parametrize("where, cls, line, spellings", NON_ASCII_NAMES[:8],
                         ids=[case[0] for case in NON_ASCII_NAMES[:8]])
def test_the_builtin_vocabularies_find_their_non_ascii_names_in_every_spelling(where, cls, line,
                                                                               spellings):
    builtin = {Vocabulary: vocab.benchmarks, MetricVocabulary: vocab.metrics}[cls]()
    vocabularies = vocab.names_scan().vocabularies
    for spelling in spellings:
        text = CONTEXTS[0].format(spelling)
        assert builtin.canonical(spelling) is not None, spelling
        assert builtin.find_all(text) == builtin.find_all_by_search(text), text
        assert any(found[2] == builtin.canonical(spelling) for found in builtin.find_all(text))
        assert vocab.names_scan().find_all(text) == tuple(v.find_all(text) for v in vocabularies)


def test_a_generated_file_s_non_ascii_name_is_found_in_both_spellings(tmp_path):
    # a later (generated) file's plain ASCII names go to the word index; a name written with
    # "²" is kept in the regex, and its ASCII spelling found all the same
    hand, generated = tmp_path / "hand.txt", tmp_path / "generated.txt"
    hand.write_text("MMLU\n", encoding="utf-8")
    generated.write_text("COCO Captions\nH²O Interaction\n", encoding="utf-8")
    merged = Vocabulary.from_files([hand, generated])
    for text in ("on H²O Interaction and COCO Captions", "on H2O Interaction and COCO Captions"):
        assert [name for *_, name in merged.find_all(text)] == ["H²O Interaction", "COCO Captions"]
        assert merged.find_all(text) == merged.find_all_by_search(text)


# What the loader cannot take, it says with file and line.
BROKEN_NON_ASCII = [
    # NFKC reads full-width brackets as the grammar's "[" "]"
    ("A［1］ Bench\n", 1, "'A［1］ Bench' reads as 'A[1] Bench' once normalised (NFKC), which "
                        "cannot be a name: unexpected '[', ']' or '\"' in 'A[1] Bench'"),
    # two lines whose names are one once normalised
    ("H2O Interaction\nH²O Interaction\n", 2, "alias 'H²O Interaction' already stands for "
                                              "'H2O Interaction' (line 1)"),
]


@pytest.mark.parametrize("text, line, reason", BROKEN_NON_ASCII)
def test_a_non_ascii_name_the_loader_cannot_take_is_named_with_file_and_line(tmp_path, text, line,
                                                                            reason):
    path = tmp_path / "benchmarks.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabError) as error:
        Vocabulary.from_file(path)
    assert str(error.value) == f"{path}:{line}: {reason}"
