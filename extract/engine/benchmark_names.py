"""Benchmarks the vocabulary does not know, found where the text marks a name as one (spec
section 4): "on the X dataset", "the X benchmark", "X, Y and Z benchmarks", "the benchmark X",
"X, a new benchmark", "datasets (X, Y)", "evaluated on X", "On X, ...". A name marked anywhere
in an abstract is a benchmark in all its sentences, so that it carries to the numbers after it.

A model, a metric, a method or a company is never a benchmark: names of model families
(`MODEL_FAMILIES`), platforms and companies (`NOT_BENCHMARKS`), category words, field jargon,
the metrics and hardware the vocabularies know, and the paper's own system are left out.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from os.path import commonprefix
from typing import NamedTuple

import regex

from . import vocab
from .cue_compiler import Cue
from .patterns import ASCII_SPACE
from .fields import lower_case_keywords
from .names import MODEL_ENDINGS, MODEL_FAMILIES, NOT_SYSTEM, is_defined_term

# --- the words, declared once --------------------------------------------------------------------

#: Nouns for a collection a number is measured on: singular -> plural.
KEYWORDS = {"benchmark": "benchmarks", "dataset": "datasets", "data set": "data sets",
            "test set": "test sets", "testbed": "testbeds", "suite": "suites", "corpus": "corpora",
            "database": "databases"}

#: Platforms, companies and tools that stand where a benchmark would ("videos on YouTube").
NOT_BENCHMARKS = frozenset("""
youtube github huggingface hugging google openai meta microsoft nvidia amazon apple twitter
reddit kaggle arxiv python pytorch tensorflow jax cuda linux android ios windows internet
pc smartphone smartphones laptop desktop iphone raspberry jetson
""".split())

#: Words that name a kind of benchmark, not one: "LLM benchmarks", "English datasets".
CATEGORY_WORDS = frozenset("""
llm llms mllm mllms vlm vlms lvlm lvlms vqa qa nlp nlu cv asr tts ocr rag ood iid sota iot
english chinese arabic german french spanish italian portuguese dutch polish czech greek
japanese korean hindi bengali marathi tamil telugu urdu persian turkish russian ukrainian
vietnamese indonesian malay thai swahili african indian european finnish estonian romanian
hungarian swedish norwegian danish hebrew filipino tagalog nepali sinhala amharic yoruba
multilingual cross-lingual 2d 3d 4d rgb rgb-d mri ct pet ecg eeg x-ray
real synthetic public standard popular benchmark benchmarks dataset datasets new our each
every both all any other many most such level
""".split())

#: First words of a part of a benchmark, not a benchmark: "on Level III", "on Task 2".
PART_WORDS = frozenset("level task subtask track phase stage part section round split fold".split())

#: A word before a list of names that makes it a kind of benchmark: "three DASS benchmarks".
COUNT_WORDS = frozenset("""
two three four five six seven eight nine ten eleven twelve several multiple various many
numerous diverse different all both other few some these those more additional
""".split())

#: Words that end a stretch of descriptors ("the KITTI public test benchmark" has two).
_STOP_WORDS = frozenset("""
on in of for with by to from at across over under into onto and or but the a an this that these
those our its their we is are was were be been which as than via using while when where
""".split())
#: Words that open a noun phrase: "the ... benchmark X" names X, "we benchmark X" does not.
_DETERMINERS = frozenset("the a an on our this its their".split())

# One token of a name: opens with a capital or a digit, or has one after lower-case letters
# ("nuScenes", "miniF2F"); keeps inner dots, hyphens, "+", "&" and "'" ("T&T+DB").
_NAME_TOKEN = regex.compile(r"(?:[\p{Lu}0-9]|\p{Ll}+(?=[\w.+&'-]*[\p{Lu}0-9]))(?:[\w.+&']|-(?!-))*")
_ACRONYM = regex.compile(r"\((?P<name>(?=[\w.+&-]*\p{L})[\p{Lu}0-9][\w.+&-]*)\)")
_LOWER_WORD = regex.compile(r"\p{Ll}[\p{Ll}-]*")
_SIZE = regex.compile(r"(?<!\w)\d+(?:\.\d+)?[BM]\b")  # "-8B", not "USPTO-50K"
# A bare amount is a count, not a name: "on a 10K multimodal math dataset", "a 1.5M corpus".
_BARE_AMOUNT = regex.compile(r"\d+(?:[.,]\d+)?\s?[KMB]")
_FAMILY_HEAD = regex.compile(r"[^\W\d_]+")

_KEYWORD = re.compile(r"(?<![\w-])(?P<keyword>" + "|".join(
    sorted((word.replace(" ", r"\s+") for pair in KEYWORDS.items() for word in pair), key=len, reverse=True))
    + r")(?![\w-])", re.IGNORECASE)
# What a keyword may open with, case ignored as `re` ignores it: both cases of the first letters,
# and the two letters that match ASCII ones ("\u017f" is a long s, "\u212a" the Kelvin sign)
_KEYWORD_FIRSTS = frozenset(c for pair in KEYWORDS.items() for word in pair
                            for c in (word[0].lower(), word[0].upper())) | {"\u017f", "\u212a"}
_PLURAL_ENDINGS = tuple(plural.split()[-1] for plural in KEYWORDS.values())
# A name right after "on" is a benchmark where "on" follows evaluation words ("evaluated on X",
# "experiments on X"), opens a sentence or a clause ("On X, ...", "...; on X, it ..."), or stands
# a few words after a number ("5.6 points on USPTO-50K"). "on" is found first (a plain scan
# skips to its letters), the words before it are looked at only there.
_ON_NAME = regex.compile(r"(?<![\w-])[Oo]n\s+(?:the\s+)?(?=[\p{Lu}0-9]|\p{Ll}+[\p{Lu}0-9])")
# Its twins for ASCII text on the standard engine, one for "on" and one for "On": a pattern that
# opens with a literal word is searched for that word at C speed (a fifth as many places as the
# "n"s), where a class [Oo] would be tried at every "o" (\s spelled out as `regex` reads it in ASCII).
_ON_NAME_ASCII, _OPENING_ON_NAME_ASCII = (
    re.compile(rf"{on}(?<![\w-]{on})[{ASCII_SPACE}]+(?:the[{ASCII_SPACE}]+)?(?=[A-Z0-9]|[a-z]+[A-Z0-9])")
    for on in ("on", "On"))
# (read backwards from the "on": each is decided in a few steps)
_EVALUATION_BEFORE = regex.compile(r"\b(?:evaluat\w*|experiments?|results?|tested|validated|assessed)\s+$",
                                   regex.I | regex.REVERSE)
_CLAUSE_BEFORE = regex.compile(r"(?:;|;\s+and|,\s+and)\s+$", regex.REVERSE)
_NUMBER_BEFORE = regex.compile(r"\d[%x]?\s*(?:[\w@%.-]+\s+){0,4}$", regex.REVERSE)
_NUMBER_REACH = 40
_DIGIT = re.compile(r"\d")  # the decimal digits `regex` reads as \d, on the standard engine


class OnBeforeName:
    """Where an "on" stands right before what may be a name (`reference`, _ON_NAME): as (where
    the "on" starts, where the name starts). On ASCII text, two standard-engine patterns run
    instead, one for "on" and one for "On" (their matches cannot overlap: none holds another
    "on"): each scan skips to its word at C speed, where the `regex` pattern is tried at every
    position (its look-ahead reads \\p{Lu}, which the cue compiler's twins do not).
    tests/test_benchmark_names.py holds the two to the same places."""

    reference = _ON_NAME

    def places(self, text: str) -> list[tuple[int, int]]:
        if text.isascii():
            places = [match.span() for match in _ON_NAME_ASCII.finditer(text)]
            # "On" opens a sentence: rare. The scan skips to its word faster than `"On" in text`
            # looks for it (measured), so it runs without that first look.
            if opening := [match.span() for match in _OPENING_ON_NAME_ASCII.finditer(text)]:
                places = sorted(places + opening)
            return places
        return [match.span() for match in _ON_NAME.finditer(text)]


ON_BEFORE_NAME = OnBeforeName()


def _named_after_on(text: str):
    """The places right after an "on" that names a benchmark (see _ON_NAME)."""
    for at, name_start in ON_BEFORE_NAME.places(text):
        before = text[max(0, at - _NUMBER_REACH):at]
        if text[at] == "O":
            opens = at == 0 or (before[-2:-1] in (".", ";") and before[-1:].isspace())
            if opens or _EVALUATION_BEFORE.search(before):
                yield name_start
        # a number before it first: the most common of the three (cheap first looks before each)
        elif (_DIGIT.search(before) and _NUMBER_BEFORE.search(before)) or _EVALUATION_BEFORE.search(before) or \
                (("," in before or ";" in before) and _CLAUSE_BEFORE.search(before)):
            yield name_start


# "WikiDYK contains 12,290 facts and 77,180 questions": a name that holds so many items of data.
# The verb is found first; the name before it is read backwards from there, the items after it.
_HOLDING_VERBS = ("contains", "comprises", "consists of")
_NAME_BEFORE_VERB = regex.compile(
    r"(?<![\w-])(?P<name>(?:[\p{Lu}0-9]|\p{Ll}+(?=[\w.+&-]*[\p{Lu}0-9]))[\w.+&-]*[\w+])\s+$", regex.REVERSE)
_ITEMS_AFTER_VERB = regex.compile(
    r"\s+(?:over\s+|about\s+|more\s+than\s+|approximately\s+|nearly\s+)?"
    r"\d[\d,.]*\s*[KkM]?\s+(?:[\w-]+\s+){0,2}?(?:questions|samples|images|examples|problems|instances|"
    r"videos|facts|pairs|tasks|items|documents|dialogues|conversations|utterances|hours|clips|scenes|"
    r"sequences|annotations|entries|prompts|queries|puzzles|recordings|sentences|articles|frames)\b")


def _names_holding_items(text: str) -> list[str]:
    names = []
    for verb in _HOLDING_VERBS:
        at = text.find(verb)
        while at >= 0:
            end = at + len(verb)
            if _ITEMS_AFTER_VERB.match(text, end) and (name := _NAME_BEFORE_VERB.search(text, max(0, at - 60), at)):
                names.append(name["name"])
            at = text.find(verb, end)
    return names


# cues (cue_compiler) without a gate: the standard engine's anchored match is as cheap as any first
# look (marked_benchmarks, share of extract_paper: 7.4-7.5% so, as with hand-written first looks;
# 8.0% with the gates the compiler reads off these patterns)
_LIST_JOIN = Cue(r",\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*", case_blind=False, gate=False)
_LIST_OPENING = Cue(r"\s*(?:\(|:|--|\u2014|,?\s*(?:including|such\s+as|namely|e\.g\.,?|i\.e\.,?))\s*",
                    case_blind=False, gate=False)
_HAS_CAPITAL_OR_DIGIT = regex.compile(r"[\p{Lu}0-9]")
_ASIDE = re.compile(r"\([^()]*\s[^()]*\)")
_APPOSITION_END = regex.compile(r"\s*[,.;(]")
# What may follow the names after "on": not a noun they describe ("on 3D object
# detection", "on CheXbert metrics"), but punctuation, a keyword, a function word or a verb.
_ENDS_EVALUATED_NAMES = regex.compile(
    r"\s*(?:[,.;:()]|--|\u2014|$|(?i:(?:[a-z-]+\s+){0,2}(?:benchmark|dataset|data\s+set|test\s+set|suite|corpus)\w*|"
    + "|".join(sorted(_STOP_WORDS, key=len, reverse=True)) + r")\b|(?:show|demonstrat|reveal|indicat|"
    r"confirm|validat|verif|highlight|prov|suggest|illustrat|yield|achiev|attain|obtain|improv|"
    r"outperform|surpass|establish|exhibit|report)\w*\b)")
_AMOUNT = regex.compile(r"\d[\d.,]*\s?(?:FPS|fps|ms|s|GB|MB|TB|[KMGT]?FLOPs?|x|X|h|pp)\b")
_HARDWARE_WORD = regex.compile(r"\b(?:GPU|CPU|TPU|NPU|FPGA)s?\b")
# Task names end in a noun of action: "+7.8% on Visual Question Answering" names a task; a
# dataset's name ends so only where a keyword marks it ("the CCKS 2019 ... Extraction dataset").
_TASK_ENDING = regex.compile(r"\p{Lu}\p{Ll}+(?:ing|tion|sion|ment|ance|ysis)$")
_DESCRIPTIVE_SUFFIX = regex.compile(r"-(?:based|like|style|free|aware|specific|level|wise|scale|"
                                    r"sized|driven|only|centric|friendly|oriented|related|guided|dedicated|language)$")
_MAX_NAME_TOKENS = 6
_MAX_DESCRIPTORS = 3
_REACH = 110  # characters before a keyword looked at: six names and three descriptors fit


def marked_benchmarks(text: str, own: str = "", keywords: Keywords | None = None) -> tuple[str, ...]:
    """The names `text` marks as benchmarks that the vocabulary does not know, in order of
    first mark, without repeats, never `own` (the paper's own system) nor a term the text
    defines (names.is_defined_term). `keywords`: KEYWORD_SCAN.scan(text), if it was run.

    >>> marked_benchmarks("Experiments on the FooFlow dataset. On BarIR, it gains 9.6%.")
    ('FooFlow', 'BarIR')
    """
    keywords = KEYWORD_SCAN.scan(text) if keywords is None else keywords
    found = _names_by_keywords(text, keywords.found) + [[name] for name in _names_holding_items(text)] + \
        _names_evaluated_on(text)
    names = [name for group in found if not any(n.casefold() in CATEGORY_WORDS for n in group)
             for name in group]  # "Italian, Spanish, and English datasets": languages
    bracketed = "(" in text  # a term is defined in brackets
    return tuple(name for name in dict.fromkeys(names)
                 if not (name == own or own.startswith(name + " ")) and _unknown_benchmark_name(name)
                 and not (bracketed and is_defined_term(text, name)))


def _names_by_keywords(text: str, keywords: list[re.Match]) -> list[list[str]]:
    """The names each keyword marks: after it ("the benchmark DRIVE", "datasets (X, Y)") or
    else before it ("the KITTI public test benchmark")."""
    return [_names_after_keyword(text, keyword) or _names_before_keyword(text, keyword)
            for keyword in keywords if not _inside_a_longer_phrase(text, keyword)]


def _inside_a_longer_phrase(text: str, keyword: re.Match) -> bool:
    """ "IoT benchmark dataset": the first keyword describes the second; "Interactive Video
    Corpus Moment Retrieval": inside a longer title."""
    end = keyword.end()
    if text[end:end + 1] == " " and text[end + 1:end + 2] in _KEYWORD_FIRSTS and _KEYWORD.match(text, end + 1):
        return True
    return keyword["keyword"][0].isupper() and text[end:end + 2][1:].isupper()


def _names_evaluated_on(text: str) -> list[list[str]]:
    """The names after an "on" that names benchmarks (_named_after_on), but task names ("on
    Visual Question Answering"), where a punctuation mark, a keyword, a function word or a
    verb ends them."""
    found = []
    for after_on in _named_after_on(text):
        names, end = _name_list(text, after_on)
        if names and _ENDS_EVALUATED_NAMES.match(text, end):
            found.append([name for name in names if not _is_task_name(name)])
    return found


@functools.lru_cache(maxsize=4096)
def _is_task_name(name: str) -> bool:
    """A name of several words ending in a noun of action ("Visual Question Answering")."""
    return " " in name and _TASK_ENDING.search(name) is not None


@functools.lru_cache(maxsize=4096)
def _unknown_benchmark_name(name: str) -> bool:
    """A name that may be a benchmark's and that the vocabulary does not know (a known one is
    found by the vocabulary itself, in its canonical spelling)."""
    return is_benchmark_name(name) and vocab.benchmarks().canonical(name) is None


class Keywords(NamedTuple):
    """What KeywordScan.scan finds in a text: the keyword pattern's matches, and where each
    "benchmark" and "dataset" written in lower case starts, in a word or not, in order
    (fields.lower_case_keywords), which fields.introduced_benchmarks needs. One scan of the
    text finds both."""
    found: list[re.Match]
    lower_case: list[int]


# The keywords fields.INTRODUCES_BENCHMARK ends with, found by their stems (their first four letters)
_INTRODUCED_KEYWORDS = {"benc": "benchmark", "data": "dataset"}


# Letters `re` matches to an ASCII letter when it ignores case that lower-case to no ASCII one
# ("\u0131" a dotless i, "\u017f" a long s): where one stands, the lower-cased text is no guide.
_OTHER_CASES = ("\u0131", "\u017f")


class KeywordScan:
    """The matches of the keyword pattern (`pattern`: "the X dataset", "X benchmarks") in a
    text, in order. The pattern is tried only where a keyword stands in the lower-cased text
    (its first four letters found by str.find, the rest looked at there), which costs a
    fraction of a search tried at every position (an alternation of words is: the engine has
    no quick way to the places its words may start). tests/test_benchmark_names.py holds it
    to the pattern, and the places of the lower-case keywords to fields.lower_case_keywords."""

    pattern = _KEYWORD

    def __init__(self) -> None:
        # each keyword's first four letters (its stem), with the keywords of one word they open
        # ("dataset"), and the second words of those of two ("data set")
        self._words: dict[str, tuple[str, ...]] = {}
        self._second_words: dict[str, tuple[str, ...]] = {}
        for word in (word for pair in KEYWORDS.items() for word in pair):
            first, _, second = word.partition(" ")
            self._words.setdefault(word[:4], ())
            self._second_words.setdefault(word[:4], ())
            if second:
                self._second_words[word[:4]] += (second,)
            else:
                self._words[word[:4]] += (word,)
        # what scan looks for under each stem: the letters all its keywords open with (a longer
        # word is found in fewer steps: "benchmark"; "data" for "dataset" and "data set"), its
        # keywords of one word, the stem, and the keyword in lower case introduced_benchmarks needs
        self._looks = tuple((commonprefix(words + ((stem,) if self._second_words[stem] else ())), words, stem,
                             _INTRODUCED_KEYWORDS.get(stem)) for stem, words in self._words.items())

    def finditer(self, text: str) -> list[re.Match]:
        return self.scan(text).found

    def scan(self, text: str) -> Keywords:
        lower = text.lower()
        if not text.isascii() and (len(lower) != len(text) or any(letter in lower for letter in _OTHER_CASES)):
            # a letter lower-cased to two, or to no ASCII letter: the pattern reads the text
            return Keywords(list(_KEYWORD.finditer(text)), lower_case_keywords(text))
        starts = []
        written_at = []
        for opening, words, stem, written in self._looks:
            at = lower.find(opening)
            while at >= 0:
                if lower.startswith(words, at) or self._second_word_after(lower, at + len(stem), stem):
                    starts.append(at)  # "datum", "data are": no keyword
                    if written and text.startswith(written, at):
                        written_at.append(at)
                at = lower.find(opening, at + 1)
        starts.sort()  # (no two stems open at one place)
        return Keywords(self._matches(text, starts), sorted(written_at))

    def _second_word_after(self, lower: str, at: int, stem: str) -> bool:
        """Whether white space and then the second word of a keyword of two opened by `stem`
        ("data set") stand at `at` in `lower`."""
        if not (seconds := self._second_words[stem]) or not lower[at:at + 1].isspace():
            return False
        at += 1
        while lower[at:at + 1].isspace():  # `re` reads \s as str.isspace does
            at += 1
        return lower.startswith(seconds, at)

    @staticmethod
    def _matches(text: str, starts: list[int]) -> list[re.Match]:
        found = []
        end = 0
        for start in starts:
            if start >= end and (match := _KEYWORD.match(text, start)):
                found.append(match)
                end = match.end()
        return found


KEYWORD_SCAN = KeywordScan()


class _Name(NamedTuple):
    """A name as the rules below read it: as written, case-folded, and the letters it opens with."""
    written: str
    folded: str
    head: str


def _no_capital_or_too_long(name: _Name) -> bool:
    return not any(c.isupper() for c in name.written) or len(name.written) > 60  # "1080p" is a resolution


def _possessive(name: _Name) -> bool:
    return name.written.endswith(("'s", "\u2019s"))


def _part_hardware_or_amount(name: _Name) -> bool:
    """ "Level III", "Tesla P4 GPU", "64FPS"."""
    return name.head in PART_WORDS or bool(_HARDWARE_WORD.search(name.written) or _AMOUNT.match(name.written))


def _category_or_jargon(name: _Name) -> bool:
    return name.folded in CATEGORY_WORDS or name.written in NOT_SYSTEM


def _size_or_count(name: _Name) -> bool:
    """ "Llama-8B", "10K", "19 LRMs"."""
    return bool(_SIZE.search(name.written) or _BARE_AMOUNT.fullmatch(name.written)) or \
        name.written.split(" ")[0].replace(",", "").isdigit()


def _model_or_platform(name: _Name) -> bool:
    """A model family ("Qwen2.5"), a name built on one ("BioBERT"), a platform ("YouTube")."""
    return name.head in MODEL_FAMILIES or name.head in NOT_BENCHMARKS or name.folded.endswith(MODEL_ENDINGS)


def _descriptive(name: _Name) -> bool:
    return _DESCRIPTIVE_SUFFIX.search(name.written) is not None  # "LLM-based"


def _known_metric_or_hardware(name: _Name) -> bool:
    return vocab.metrics().canonical(name.written) is not None or bool(vocab.hardware().find_all(name.written))


# What a name marked as a benchmark may be instead; the vocabularies, dearest to ask, last.
_NOT_A_BENCHMARK_NAME = (_no_capital_or_too_long, _possessive, _part_hardware_or_amount, _category_or_jargon,
                         _size_or_count, _model_or_platform, _descriptive, _known_metric_or_hardware)


@functools.lru_cache(maxsize=4096)
def is_benchmark_name(name: str) -> bool:
    """Whether a name the text marks as a benchmark may be one: none of _NOT_A_BENCHMARK_NAME
    (a model, metric, hardware, platform, category or jargon word, a count, ...)."""
    folded = name.casefold()
    head = _FAMILY_HEAD.match(folded)
    read = _Name(name, folded, head[0] if head else "")
    return not any(rule(read) for rule in _NOT_A_BENCHMARK_NAME)


# --- after a keyword -----------------------------------------------------------------------------

def _is_plural(keyword: re.Match) -> bool:
    return keyword["keyword"].lower().endswith(_PLURAL_ENDINGS)


def _names_after_keyword(text: str, keyword: re.Match) -> list[str]:
    """ "the Smart Event Face Dataset (SEFD)", "datasets -- RVL-CDIP, Tobacco3482, and
    DocLayNet", "a multi-level dataset, BioMedMCQs, consisting", "the benchmark DRIVE"."""
    end = keyword.end()
    acronym = _ACRONYM.match(text, end + 1) if text.startswith(" (", end) else None
    if acronym and keyword["keyword"][0].isupper():
        return [acronym["name"]]
    opening = _LIST_OPENING.match(text, end)
    if opening and opening.end() > end and (_is_plural(keyword) or opening.group().strip() == "("):
        return _name_list(text, opening.end(), open_list=opening.group().strip() in ("(", ":"))[0]
    if _is_plural(keyword):
        return []
    # the name first: most keywords have none after them, and the words before are read only then
    name = _name_after_singular(text, keyword)
    return name if name and _noun_phrase_before(text, keyword.start()) else []


def _name_after_singular(text: str, keyword: re.Match) -> list[str]:
    """ "a multi-level dataset, BioMedMCQs, consisting", "the benchmark DRIVE"; not "on
    benchmark sEMG datasets"."""
    end = keyword.end()
    if text.startswith(", ", end):
        name, name_end = _name_at(text, end + 2)
        return [name] if name and _APPOSITION_END.match(text, name_end) else []
    if text[end:end + 1] == " " and not keyword["keyword"][0].isupper():
        name, name_end = _name_at(text, end + 1)
        plural_after = (after := _KEYWORD.match(text, name_end + 1)) is not None and _is_plural(after)
        return [name] if name and not plural_after else []
    return []


def _name_list(text: str, start: int, open_list: bool = False) -> tuple[list[str], int]:
    """The names of a list starting at `start` and where the last ends: "nuScenes, Argoverse 2,
    and a large ..." gives two. A list ends at the name after "and" ("on A and B, FooNet
    ..."); names joined by commas alone are a list only in brackets or after a colon
    (`open_list`): "On MobileWorld, MAI-UI obtains" names one."""
    names: list[str] = []
    ends = [start]
    position = start
    last_join = ""
    while True:
        name, name_end = _name_at(text, position)
        if not name:
            break
        names.append(name)
        ends.append(name_end)
        join = _LIST_JOIN.match(text, name_end)
        if join is None or "and" in last_join or "&" in last_join:
            break
        last_join, position = join.group(), join.end()
    if len(names) > 1 and not open_list and not ("and" in last_join or "&" in last_join):
        return names[:1], ends[1]
    return names, ends[-1]


def _name_at(text: str, start: int) -> tuple[str, int]:
    """The name of at most _MAX_NAME_TOKENS tokens at `start` and where it ends ("" if none);
    an acronym in brackets after it is the name ("Diabetic Retinopathy (DDR)" is DDR)."""
    end = at = start
    for _ in range(_MAX_NAME_TOKENS):
        space = text.find(" ", at)
        length, whole = _name_token(text[at:space] if space >= 0 else text[at:])
        if not length:
            break
        end = at + length
        if not whole or space < 0:
            break  # the name ends inside the run, or at the end of the text
        at = space + 1
    if end > start and text.startswith(" (", end) and (acronym := _ACRONYM.match(text, end + 1)):
        return acronym["name"], acronym.end()
    if not any(c.isalpha() for c in text[start:end]):
        return "", start  # "on MyST and 8.61% on ...": a number is no name
    return text[start:end], end


@functools.lru_cache(maxsize=16384)
def _name_token(run: str) -> tuple[int, bool]:
    """The length of the name token (_NAME_TOKEN) that opens `run`, a stretch of text up to a
    space, without the stops and quotes that end it, and whether it is the whole run; (0,
    False) where none opens it. A token never holds or looks past a space, so it is read in
    the run alone, and runs (words with their punctuation) repeat across abstracts."""
    token = _NAME_TOKEN.match(run)
    if token is None:
        return 0, False
    word = token.group().rstrip(".'")
    return len(word), len(word) == len(run)


def _noun_phrase_before(text: str, start: int) -> bool:
    """Whether the keyword at `start` is a noun ("the retinal vessel segmentation benchmark
    DRIVE"), not a verb ("we benchmark X"): a determiner opens the few words before it."""
    for word in reversed(text[max(0, start - 80):start].split()[-5:]):  # str.split parts as \S+ does
        lowered = word.lower()
        if lowered in _DETERMINERS:
            return True
        if lowered in _STOP_WORDS or word.endswith((",", ";", ":", ".")):
            return False
    return False


# --- before a keyword ----------------------------------------------------------------------------

@dataclass(slots=True)
class _Words:
    """The words before a keyword, read backwards by the functions below: each word's text, and
    the text between any two of them."""
    text: str
    offset: int  # where the window the words were read in starts in `text`
    seen: str  # the window, asides blanked
    words: list[str]
    _starts: list[int] | None = None  # where the last words start in `seen`, the last first

    @classmethod
    def before(cls, text: str, start: int, end: int) -> _Words:
        # asides are read as blanks: "on NVOS (92.7% mIoU) and Spin-NeRF (95.2% mIoU) benchmarks"
        seen = text[start:end]
        if "(" in seen:
            seen = _ASIDE.sub(lambda aside: " " * len(aside[0]), seen)
        return cls(text, start, seen, seen.split())  # str.split and \S+ part at the same white space

    def phrase(self, first: int, last: int) -> str:
        """The text from word `first` to word `last`."""
        return self.text[self.offset + self._start(first):self.offset + self._start(last) + len(self.words[last])]

    def _start(self, index: int) -> int:
        """Where word `index` starts in `seen`. Only the words of a name found are asked for,
        near the end: each is found backwards from the word after it (only white space stands
        between the two, so the last place of the word before that is the word itself)."""
        if self._starts is None:
            self._starts = []
        starts, words = self._starts, self.words
        while len(starts) < len(words) - index:
            limit = starts[-1] if starts else len(self.seen)
            starts.append(self.seen.rfind(words[len(words) - 1 - len(starts)], 0, limit))
        return starts[len(words) - 1 - index]

    def lower(self, index: int) -> str:
        """Word `index` lower-cased, "" before the first."""
        return self.words[index].lower() if index >= 0 else ""

    def before_name(self, last: int) -> int:
        """The index of the word before the name (at most _MAX_NAME_TOKENS name words, no
        punctuation inside) that ends at word `last`; `last` if none does."""
        words, index = self.words, last
        while index >= 0 and last - index < _MAX_NAME_TOKENS and _is_name_word(words[index]) and \
                (index == last or not words[index].endswith(_CLAUSE_MARKS)):
            index -= 1
        return index


_CLAUSE_MARKS = (",", ";", ":", ".")


def _names_before_keyword(text: str, keyword: re.Match) -> list[str]:
    """ "the KITTI public test benchmark", "CIFAR-10 and CIFAR-100 datasets", "the E-Deflare
    Benchmark", "the Diabetic Retinopathy (DDR) dataset", "CMExamSet, a ... dataset"."""
    window = max(0, keyword.start() - _REACH)
    if not _may_name_before(text[window:keyword.start()]):
        return []
    words = _Words.before(text, window, keyword.start())
    index = len(words.words) - 1
    descriptors = 0
    while index >= 0 and descriptors < _MAX_DESCRIPTORS and _is_descriptor(words.words[index]):
        index, descriptors = index - 1, descriptors + 1
    if descriptors and keyword["keyword"][0].isupper():
        return []  # "the Open Benchmark": a title-case name has no descriptors after it
    apposed = [name for name in _apposed_before(words) if is_benchmark_name(name)]
    if apposed:
        return apposed  # "LCMP, the first Long-Context MLLM Personalization evaluation benchmark"
    names, index = _phrases_before(words, index)
    return [] if _names_a_kind_of_benchmark(words, index, names, keyword) else names


def _names_a_kind_of_benchmark(words: _Words, index: int, names: list[str], keyword: re.Match) -> bool:
    """Whether the names before a keyword, from word `index` on, are no benchmark's: "three
    DASS benchmarks", "LLM benchmarks", "Each dataset"."""
    before = words.lower(index).strip(",")
    if not names or before in COUNT_WORDS or before.isdigit():
        return True  # "three DASS benchmarks": a kind of benchmark
    if _is_plural(keyword) and len(names) < 2:
        return True  # "LLM benchmarks", "Chinese datasets"
    # "Each dataset", "Real benchmarks": a capitalised word opening a sentence
    return len(names) == 1 and (index < 0 or words.words[index].endswith(".")) and \
        _LOWER_WORD.fullmatch(names[0][1:]) is not None


_LOOK_BACK = 7  # the words an apposition may skip, and the "a"/"an"/"the" before them


def _may_name_before(window: str) -> bool:
    """A cheap first look: among the lower-case words before the keyword (descriptors, or
    keywords: "a benchmark dataset") comes a word with a capital or digit (a name may end
    there), a bracket, or "a"/"an"/"the" (an apposition may end there) before any other word;
    "on several benchmarks", "our dataset" name none."""
    for word in reversed(window.rsplit(None, _LOOK_BACK)[-_LOOK_BACK:]):
        if (verdict := _ends_the_look(word)) is not None:
            return verdict
    return False


@functools.lru_cache(maxsize=16384)
def _ends_the_look(word: str) -> bool | None:
    """_may_name_before's verdict at one word: True where a name or an apposition may end there,
    False where none can, None for a descriptor or a keyword (the look goes on). Words repeat
    across abstracts: a look-up costs a fraction of the patterns."""
    if _HAS_CAPITAL_OR_DIGIT.search(word) or word in ("a", "an", "the") or ")" in word:
        return True
    return None if _is_descriptor(word) or _KEYWORD.fullmatch(word) else False


def _phrases_before(words: _Words, index: int) -> tuple[list[str], int]:
    """The names of a list ending at word `index`, and the index of the word before it. A name
    ending in an acronym in brackets is the acronym ("Diabetic Retinopathy (DDR)")."""
    names: list[str] = []
    while index >= 0:
        last = index
        index = words.before_name(last)
        if index == last:
            break
        first = index + 1
        while first < last and words.words[first] in NOT_SYSTEM:
            first += 1  # "On FSC benchmark", "The E-Deflare Benchmark"
        phrase = words.phrase(first, last).rstrip(",;:")
        if phrase.endswith(")") and (acronym := _ACRONYM.search(phrase)):
            names.insert(0, acronym["name"])
            break  # "the Mixed Arthropod Sample Segmentation and Identification (MassID45) dataset"
        names.insert(0, phrase)
        if words.lower(index) in ("and", "&", "or"):
            index -= 1
        elif not (index >= 0 and words.words[index].endswith(",") and _is_name_word(words.words[index])):
            break
    return names, index


def _acronym_or_phrase(phrase: str) -> str:
    acronym = _ACRONYM.search(phrase) if phrase.endswith(")") else None
    return acronym["name"] if acronym else phrase


def _apposed_before(words: _Words) -> list[str]:
    """ "CMExamSet, a comprehensive benchmarking dataset", "Reasoning-Gym, a suite of ...",
    "RiddleBench is a benchmark": a name set off by a comma, a colon or "is" before "a", "an"
    or "the" and at most six other words."""
    index = _article_before(words)
    if index < 1:
        return []
    index -= 1
    if words.words[index] == "is" and index >= 1:
        index -= 1
    elif not words.words[index].endswith((",", ":")):
        return []
    last = index
    index = words.before_name(last)
    if index == last:
        return []
    return [_acronym_or_phrase(words.phrase(index + 1, last).rstrip(",:"))]


def _article_before(words: _Words) -> int:
    """The index of the "a", "an" or "the" at most six plain words before the keyword, or -1."""
    last = len(words.words) - 1
    index = last
    while index >= 0 and last - index < 6 and words.words[index].lower() not in _STOP_WORDS \
            and not words.words[index].endswith(_CLAUSE_MARKS):
        index -= 1
    return index if index >= 0 and words.words[index].lower() in ("a", "an", "the") else -1


# Both read one word by patterns of the `regex` module (a microsecond a call); an abstract's words
# repeat across abstracts, and a look-up costs a tenth of that.
@functools.lru_cache(maxsize=16384)
def _is_descriptor(word: str) -> bool:
    """A lower-case word that may stand between a name and its keyword; not another keyword
    ("a widely studied IoT benchmark dataset": IoT describes the dataset)."""
    return bool(_LOWER_WORD.fullmatch(word)) and word not in _STOP_WORDS and word not in COUNT_WORDS \
        and not _KEYWORD.fullmatch(word)


@functools.lru_cache(maxsize=16384)
def _is_name_word(word: str) -> bool:
    word = word.rstrip(",;:")
    return bool(_ACRONYM.fullmatch(word) or _NAME_TOKEN.fullmatch(word.rstrip(".'")))
