"""The rule table (extract/engine/rules.py): every row decides its own examples, the `rule`
column only holds registered ids, docs/rules.md is written from the table, and the cheap looks
that read the clause around a number read what the plain patterns read."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.engine import patterns, rules
from extract.engine.claims import extract_paper
from extract.output.schema import KINDS, Paper
from extract.reading import read_papers

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "extract" / "data" / "sample" / "hf-daily-papers.txt"
TITLE = "FooNet: A Test System"


def _rows_with_value(text: str, value: float) -> list[dict]:
    return [row for row in extract_paper(Paper("p", TITLE, text)) if abs(row["value"]) == pytest.approx(value)]


# (rule, example sentence, value of the number it decides): every example of every row
EXAMPLES = [pytest.param(rule, text, value, id=f"{number:02d}-{rule.id}-{index}")
            for number, rule in enumerate(rules.TABLE + (rules.BARE_DELTA,), 1)
            for index, (text, value) in enumerate(rule.examples)]


def test_every_row_has_an_example():
    assert all(rule.examples for rule in rules.TABLE + (rules.BARE_DELTA,))


@pytest.mark.parametrize(("rule", "text", "value"), EXAMPLES)
def test_row_decides_its_example(rule: rules.Rule, text: str, value: float):
    found = _rows_with_value(text, value)
    if not rule.kind:
        assert found == [], f"{rule.id}: the example makes a claim"
        return
    assert [(row["kind"], row["rule"] in (rule.id, rule.word_id)) for row in found] == [(rule.kind, True)], found


@pytest.mark.parametrize(("rule_id", "text", "value"),
                         [pytest.param(rule_id, text, value, id=rule_id)
                          for rule_id, (_, (text, value)) in rules.CARRIED_RULES.items()])
def test_carried_rule_decides_its_example(rule_id: str, text: str, value: float):
    assert [row["rule"] for row in _rows_with_value(text, value)] == [rule_id]


def test_rule_ids_name_spec_kinds():
    assert {rule_id.split(".")[0] for rule_id in rules.CLAIM_RULE_IDS} <= set(KINDS)


def test_rule_column_holds_registered_ids_only():
    rows = [row for paper in read_papers(SAMPLE) for row in extract_paper(paper)]
    assert rows and {row["rule"] for row in rows} <= rules.RULE_IDS


def test_every_unit_meets_rows():
    """A number of any unit the mention patterns read meets the table (none falls through)."""
    units_read = set(patterns.UNIT_BY_GROUP.values()) | {unit for unit, _ in patterns.UNIT_BEFORE} | {""}
    assert units_read <= rules.ALL_UNITS


def test_docs_rules_md_is_written_from_the_table():
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules.markdown(), "docs/rules.md is stale: run python scripts/write_rules_doc.py"


# --- the clause after a number ---------------------------------------------------------------------

SETTINGS = settings(max_examples=300, deadline=None)
# Words and characters the patterns look for, and the white space `regex` and `str` read apart.
_PIECES = ["at", "AT", "that", "and", "while", "with", "compared", "which", "WeTok", "FLUX-VAE", "x.y",
           ":", ")", "(", ",", ";", ".", "-", "a", "0.12", " ", "  ", "\t", "\n", "\u00a0", "\u2009",
           "\x1c", "\x1f", "\x85", "é", "\x1cand ", " with\x1f", " which\u2009"]
_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=16).map("".join)
_PLAIN_CLAUSE_END = regex.compile(rules.CLAUSE_END_PLAIN)


@SETTINGS
@given(text=_TEXTS, at=st.floats(0, 1))
def test_clause_after_ends_where_the_plain_pattern_finds_the_end(text, at):
    start = int(at * len(text))
    end = _PLAIN_CLAUSE_END.search(text, start, start + 200)
    expected = text[start:end.start() + (1 if end.group().startswith((",", ";")) else 0)]
    assert rules.clause_after(text, start) == expected


@SETTINGS
@given(text=_TEXTS)
def test_after_aside_is_the_plain_substitution(text):
    assert rules.after_aside(text) == regex.sub(r"^\s*\)", "", text)


def _groups_of(text: str) -> list[tuple[str, list]]:
    """Each sentence of `text` with its groups of numbers as the extractor reads them, before
    any kind is decided (settings and non-claims left in: the rows see every number)."""
    from extract.engine.kinds import group_mentions
    from extract.engine.mentions import find_mentions
    from extract.reading.sentences import split_sentences
    return [(sentence, group_mentions(sentence, find_mentions(sentence)))
            for sentence in (text[start:end] for start, end in split_sentences(text))]


def _decided(decide, sentence: str, groups: list, metrics: list) -> list[tuple]:
    import copy
    decided = []
    for group in copy.deepcopy(groups):
        decide(sentence, group, metrics)
        decided.append((group.kind, group.sign, group.rule, group.qualifier))
    return decided


def _same_as_table_order(text: str) -> None:
    from extract.engine.fields import quality_metrics
    for sentence, groups in _groups_of(text):
        for metrics in ([], quality_metrics(sentence)):
            assert _decided(rules.decide, sentence, groups, metrics) == \
                _decided(rules.decide_in_table_order, sentence, groups, metrics), sentence


# the numbers of the rows' examples written as words, signed, with a decimal point, a from-to pair
_NUMBER_VARIANTS = ("{}", "+{}", "-{}", "{}.0", "twice", "half of", "from 2{0} to {0}")


@pytest.mark.parametrize("variant", _NUMBER_VARIANTS)
def test_row_index_decides_as_the_table_reads_examples(variant: str):
    for rule in rules.TABLE + (rules.BARE_DELTA,):
        for text, value in rule.examples:
            number = f"{value:g}"
            _same_as_table_order(text.replace(number, variant.format(number), 1))


def test_row_index_decides_as_the_table_reads_the_sample():
    for paper in read_papers(SAMPLE):
        _same_as_table_order(paper.abstract)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["FooNet", "reduces", "improves", "accuracy", "memory", "by", "of", "only",
                                 "at", "from", "to", "on", "MMLU", "faster", "lower", "gains", "+2.1%", "3.5x",
                                 "40%", "12", "0.7 pp", "35 ms", "9 GB", "twice", "score", "(", ")", ",", "="]),
                min_size=1, max_size=14))
def test_row_index_decides_as_the_table_reads_any_words(words: list[str]):
    _same_as_table_order(" ".join(words) + ".")


_AFTER_CONDITIONS = list(dict.fromkeys(
    getattr(condition, "condition", condition) for rule in rules.TABLE + (rules.BARE_DELTA,) for condition in rule.when
    if isinstance(getattr(condition, "condition", condition), rules.After)))
_NO_LETTER = st.characters(blacklist_categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([" ", ",", "(", ")", "%", "2", "-", "/", ":", ";", ".", "=", "\n", "+",
                                           "\u2212", "\u00d7", "\u00b2", "$"]), _NO_LETTER), max_size=20))
def test_after_cues_that_need_a_word_match_no_text_without_a_letter(pieces: list[str]):
    text = "".join(pieces)
    if any(character.isalpha() for character in text):
        return
    for condition in _AFTER_CONDITIONS:
        if condition.needs_a_word:
            assert condition.cue.match(text) is None and condition.cue.match(text.strip()) is None, condition.text


def test_most_after_cues_need_a_word():
    assert sum(condition.needs_a_word for condition in _AFTER_CONDITIONS) >= len(_AFTER_CONDITIONS) - 3
