"""The fields around a claim's number: subject, benchmark, metric, hardware, baseline.

Each function reads one sentence (normalised text) and the names found in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from . import cues, vocab
from .kinds import METRIC_LINK, Group
from .abbreviated_metrics import abbreviated
from .marked_metrics import marked_metric
from .mentions import Mention
from .names import Name, is_system_token
from .cue_compiler import Cue, case_blind, phrases
from .not_claims import NAMED_SETTINGS
from .patterns import ASCII_SPACE, re_fullmatch, re_match, re_search


_PER_DEVICE = regex.compile(r"^\s*per\s+(?:GPU|NPU|TPU|device|card|chip|accelerator)\b", regex.I)
_NAME_JOIN = regex.compile(r"^\s*(?:/|,?\s*and|&|,)\s*$", regex.I)

_BASELINE_AFTER = Cue(
    r"^[^.;]{0,60}?\b(?:than|over|compared\s+(?:to|with)|versus|vs\.?|relative\s+to|against)\s+"
    r"(?:the\s+)?(?P<name>[^,.;()]{1,60})")

_BASELINE_BEFORE = Cue(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+(?:the\s+)?(?P<name>[^,.;]{1,60}?)\s+by\s*$")

_BASELINE_THAT = regex.compile(r"^(?:that|those)\s+(?:with|of|using|from)\s+", regex.I)
_BASELINE_TAIL = regex.compile(
    r"\s(?:on|in|at|with|for|under|across|using|when|while|by)\s"
    # "over FLUX and enhances ...", "than TMA and 2x lower ...": "and" opening a clause of its own
    # (a verb of change or of scoring, perhaps after an adverb; or a number) ends the baseline,
    # where "A and B" names two
    rf"|\s+and\s+(?:\w+ly\s+)?{phrases(*cues.GAIN_VERBS, *cues.REDUCE_VERBS, *cues.SCORE_VERBS)}\b"
    r"|\s+and\s+(?:an?\s+)?[-+~]?\d[\d.,]*(?:x(?![A-Za-z])|(?![A-Za-z\d]))", regex.I)  # not "and 3DIS"
_OWN_SYSTEM = Cue(
    r"\b(?:we|our\s+(?:\w+[\s-]){0,2}?(?:model|method|approach|framework|system|technique|"
    r"algorithm|pipeline|network|scheme|kernels?|implementation|proposal|solution)s?|this\s+"
    r"(?:model|method|approach|framework|system|co-design|work|technique)|it|its)\b", gate=False)

# An introductory phrase opening a sentence ("Moreover, ", "With AIME24 scores of 74.0, ").
INTRO_PLAIN = (
    r"^\s*(?:(?:for\s+(?:example|instance)|notably|moreover|furthermore|additionally|importantly|"
    r"impressively|specifically|in\s+particular|empirically|overall|finally|also|further|"
    r"in\s+addition|as\s+a\s+result|in\s+contrast)\s*,\s*"
    r"|(?:with|using|on|in|for|across|after|when|compared\s+(?:to|with)|by|under|among|"
    r"evaluated\s+on|despite)\b[^,]{1,120},\s*)")
# Read on every sentence a subject is looked for in: on ASCII text, only where the sentence
# opens with one of the words, by the standard engine (cue_compiler.Cue).
INTRO = Cue(INTRO_PLAIN)

# "with reranker on BRIGHT", "using 8 samples on AIME": a name "on" introduces after "with" or
# "using" is where the number was measured, not what the system was trained with.
NOT_BENCHMARK_CONTEXT = regex.compile(
    r"(?:pre-?train\w*|train(?:s|ed|ing)?|fine-?tun\w*|leverag\w+)\s+(?:\w+\s+){0,2}$"
    r"|(?:using|with)\s+(?:\w+\s+){0,2}(?<!\bon\s)$", regex.I)
# Asked only whether the training context ends a text: searched backwards from the end it must
# touch, it is decided in a few steps, not tried at every earlier character.
_TRAINING_CONTEXT_BEFORE = regex.compile(NOT_BENCHMARK_CONTEXT.pattern,
                                         NOT_BENCHMARK_CONTEXT.flags | regex.REVERSE)


# What every match holds among the last three words of the text (the cue word and at most two
# after it), case-blind: a cheap first look, most benchmarks' names follow none.
_TRAINING_CONTEXT_STEMS = ("train", "tun", "leverag", "using", "with")


def ends_in_training_context(text: str) -> bool:
    """Whether NOT_BENCHMARK_CONTEXT matches `text`: a name after it is training data."""
    last_words = case_blind(" ".join(text.rsplit(None, 3)[-3:]))  # str.split parts at all \s
    if not any(stem in last_words for stem in _TRAINING_CONTEXT_STEMS):
        return False
    return _TRAINING_CONTEXT_BEFORE.search(text) is not None


SIBLING_BENCHMARK = regex.compile(r"\s*(?:&|and|/|,)\s*(?P<suffix>\d{2,4})\b(?![.,]?\d|\s?%)")
INTRODUCES_VERBS = ("introduce", "present", "propose", "release", "build", "construct")
INTRODUCES_BENCHMARK = regex.compile(
    rf"\b(?:{'|'.join(verb + 's?' for verb in INTRODUCES_VERBS)})\s+(?P<name>[A-Z][\w.+-]*[\w+]),\s+"
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:benchmark|dataset)\b")


def quality_metrics(sentence: str, known: list | None = None) -> list[tuple[int, int, str]]:
    """Quality metrics named in a sentence; efficiency measures (latency, memory ...) left out.
    `known`: the metrics vocabulary's find_all of the sentence, if it was already run."""
    if known is None:
        known = vocab.metrics().find_all(sentence)
    if not known:
        return []  # most sentences name no metric: nothing to merge or rename
    found = [m for m in known if m[2] not in cues.EFFICIENCY_MEASURES
             and not ends_in_to(sentence[max(0, m[0] - 4):m[0]])]  # "to recall"
    merged: list[tuple[int, int, str]] = []
    for metric in found:
        if merged and sentence[merged[-1][1]:metric[0]].isspace():
            merged[-1] = (merged[-1][0], metric[1], merged[-1][2])  # "pass@1 accuracy" is pass@1
        else:
            merged.append(metric)
    specific = [m[2] for m in merged if m[2].endswith(" accuracy")]
    if len(set(specific)) == 1:  # "82.1% top-1 accuracy ... by 0.3% accuracy": the same accuracy
        merged = [(s, e, specific[0] if name == "accuracy" else name) for s, e, name in merged]
    return abbreviated(sentence, merged)  # "word pronunciation accuracy (AWPA)" is AWPA


_TO_AT_END = regex.compile(r"\bto\s+$")


def ends_in_to(window: str) -> bool:
    """Whether `window` ends in "to " (a cheap first look: it must hold "to")."""
    return "to" in window and _TO_AT_END.search(window) is not None


def introduced_benchmarks(text: str, keywords_at: list[int] | None = None) -> tuple[str, ...]:
    """Benchmarks a paper introduces itself ("We introduce ESGenius, a comprehensive benchmark").
    `keywords_at`: where each "benchmark" and "dataset" starts in `text`, in order, if it is
    known (benchmark_names.KeywordScan.scan finds them)."""
    if keywords_at is None:
        keywords_at = lower_case_keywords(text)
    names = []
    end = 0
    for start, verb_end in _introducing_verb_spans(text, keywords_at):
        if start >= end and _CAPITAL_AFTER_VERB.match(text, verb_end) and \
                (match := INTRODUCES_BENCHMARK.match(text, start)):
            names.append(match["name"])
            end = match.end()
    return tuple(names)


def lower_case_keywords(text: str) -> list[int]:
    """Where each "benchmark" and "dataset" (the words INTRODUCES_BENCHMARK ends with) starts
    in `text`, inside a word or not, in order."""
    places = []
    for word in ("benchmark", "dataset"):
        at = text.find(word)
        while at >= 0:
            places.append(at)
            at = text.find(word, at + 1)
    return sorted(places)


# A cheap first look after a verb for the pattern's capitalised name ("introduce ESGenius"; the
# standard engine's \s holds all that `regex` reads as \s)
_CAPITAL_AFTER_VERB = re.compile(r"s?\s+[A-Z]")
# The words of a match before its keyword, at most: the verb, the name and its comma, "a", and
# five words. None holds white space (nor does anything \w matches), so they are as many parts
# of the text as str.split makes (its white space holds all that `regex` reads as \s).
_WORDS_BEFORE_KEYWORD = 8
_VERB_REACH = 160  # characters before a keyword looked at first: eight words of common length fit


def _introducing_verb_spans(text: str, keywords_at: list[int]) -> list[tuple[int, int]]:
    """Where the pattern may start, and where its verb ends there: where its verbs stand among
    the eight words before a keyword, in order, found by str.find (no two of the verbs can
    overlap: none ends with the letters another begins with)."""
    spans = []
    for start, end in _verb_windows(text, keywords_at):
        for verb in INTRODUCES_VERBS:
            at = text.find(verb, start, end)
            while at >= 0:
                spans.append((at, at + len(verb)))
                at = text.find(verb, at + len(verb), end)
    spans.sort()
    return spans


def _verb_windows(text: str, keywords_at: list[int]) -> list[tuple[int, int]]:
    """The stretches of text that hold the eight words before each keyword, joined where they
    overlap; from the start of the text where _VERB_REACH characters hold fewer."""
    windows: list[tuple[int, int]] = []
    for at in keywords_at:
        start = max(0, at - _VERB_REACH)
        if start and len(text[start:at].rsplit(None, _WORDS_BEFORE_KEYWORD)) <= _WORDS_BEFORE_KEYWORD:
            start = 0  # the words are longer than common: the window reaches back to the start
        if windows and start <= windows[-1][1]:
            windows[-1] = (min(windows[-1][0], start), at)
        else:
            windows.append((start, at))
    return windows


#: What may not touch an introduced name for it to count as one ("ESGenius-Lite" is another).
_WORD_OR_HYPHEN = regex.compile(r"[\w-]")


def whole_name_spans(name: str, sentence: str) -> list[tuple[int, int]]:
    r"""The spans of ``(?<![\w-])NAME(?![\w-])`` in `sentence`, found with str.find."""
    spans = []
    size = len(name)
    at = sentence.find(name)
    while at >= 0:
        end = at + size
        if (at == 0 or not _WORD_OR_HYPHEN.match(sentence, at - 1)) and \
                not _WORD_OR_HYPHEN.match(sentence, end):
            spans.append((at, end))
            at = sentence.find(name, end)
        else:
            at = sentence.find(name, at + 1)
    return spans


# "AIME24 & 25": the digits a benchmark's name ends with, which a sibling's suffix replaces
_DIGITS_AT_END = Cue(r"\d+$", case_blind=False)


def benchmarks_in(sentence: str, introduced: tuple[str, ...] = (), known: list | None = None
                  ) -> list[tuple[int, int, str]]:
    """Known benchmarks, their siblings ("AIME24 & 25"), and the names in `introduced`: those
    the abstract introduces or marks as benchmarks (benchmark_names.marked_benchmarks).
    `known`: the benchmarks vocabulary's find_all of the sentence, if it was already run."""
    found = list(vocab.benchmarks().find_all(sentence) if known is None else known)
    for name in introduced:
        for start, end in whole_name_spans(name, sentence):
            if not any(s <= start < e for s, e, _ in found):
                found.append((start, end, name))
    for start, end, _ in list(found):
        # the name as written: "AIME 2024/2025" has the sibling AIME 2025 (canonical AIME25)
        written = sentence[start:end]
        digits = _DIGITS_AT_END.search(written)
        if digits is None:
            continue
        stem = written[:digits.start()] + written[digits.end():]
        if (sibling := SIBLING_BENCHMARK.match(sentence, end)) and \
                len(sibling["suffix"]) == len(written) - len(stem):
            spelled = stem + sibling["suffix"]
            found.append((end, sibling.end(), vocab.benchmarks().canonical(spelled) or spelled))
    return sorted(found)

# A verb that governs the number after it ("X achieves 85%").
VERB_WORDS = (
    r"achiev\w*", r"attain\w*", r"reach\w*", r"obtain\w*", r"maintain\w*", r"preserv\w*", r"retain\w*",
    r"improv\w*", r"outperform\w*", r"surpass\w*", r"beat\w*", r"exceed\w*", r"reduc\w*", "runs", "run",
    "trains", "delivers", "delivering", r"provid\w*", "offers", "yields", "shows", "scores", "scored",
    "records", "recorded", "gets", "sustains", "enables", "led", "leads", "raises", "boosts", "cuts",
    "speeds", "accelerates", "matches", r"exhibit\w*", r"demonstrat\w*", r"produc\w*", "expands",
    r"consum\w*", "requires", "uses", "use", "is", "was", "can", "could")


def whole_words_by_first_letter(words: tuple[str, ...]) -> str:
    """`\b(?:w1|w2|...)\b`, the words grouped under their first letter: the engine tries the
    alternatives one by one at every word start, a letter's group only where that letter
    stands. A match is always the whole word, so the order of the words cannot matter. The
    look-ahead of the first letters after `\b` lets the engine drop a position inside a word at
    `\b`, before trying a letter's group (measured: a fifth fewer instructions than skipping to
    the first letters alone)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return rf"\b(?=[{''.join(sorted(groups))}])(?:" + \
        "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items()) + r")\b"


_VERB = Cue(whole_words_by_first_letter(VERB_WORDS), gate=False)

_GERUND_START = regex.compile(r"\s*(?:Training|Applying|Using|Fine-tuning|Combining|Adding|Pairing)\s")
# "... but only achieves": a conjunction and at most two words end the text before a verb
# No gate: "and" is in most texts it reads; the twin, which skips to "but", "and", ... at C
# speed, costs no more than the stem look (measured per cue on the synthetic and wide corpora).
_COORDINATED = Cue(r"(?:\bbut|\band|\byet|\bwhile|,\s*as\s+well\s+as)\s+(?:\w+\s+){0,2}$", gate=False)
_COORDINATED_REACH = 60  # what the pattern can span, words of common length
_NAMED_VALUE = Cue(r"(?P<name>[A-Z][\w.+-]*(?:\s[\w.+-]+)?)\s*:\s*$", case_blind=False)


class SentenceReading:
    """What the fields of a sentence's numbers read of the sentence alone, read once for all of
    them, each part when first asked: where its introductory phrase ends (INTRO), whether a
    gerund opens it there, the setting it opens with (_LEADING_SETTING), and what each of its
    verbs decides of a subject. Made afresh for each sentence (claims._Names.reading)."""

    __slots__ = ("sentence", "_intro_end", "_gerund_at", "_leading", "verb_subjects")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._intro_end: int | None = None
        self._gerund_at: dict[int, bool] = {}
        self._leading: re.Match | None | bool = False  # False: not read yet
        #: what a verb decides (_verb_subject), by where the clause and the verb start and end
        self.verb_subjects: dict[tuple[int, int, int], str | None] = {}

    @property
    def intro_end(self) -> int:
        """Where the introductory phrase opening the sentence ends, -1 where none does."""
        if self._intro_end is None:
            intro = INTRO.match(self.sentence)
            self._intro_end = intro.end() if intro else -1
        return self._intro_end

    def gerund_at(self, start: int) -> bool:
        """Whether a gerund ("Training X on ...") opens the clause at `start`."""
        opens = self._gerund_at.get(start)
        if opens is None:
            opens = self._gerund_at[start] = _GERUND_START.match(self.sentence, start) is not None
        return opens

    def leading_setting(self, before: int) -> str:
        """_leading_setting(sentence, before): the sentence's match read once. Cut at `before`,
        the text matches the same where that match and the comma its look-ahead reads end
        before it: an end of text can make no other try succeed (the pattern ends looking for
        a comma); where they do not, the text is read again up to `before`."""
        if self._leading is False:
            self._leading = _LEADING_SETTING.match(self.sentence)
        found = self._leading
        if found is None:
            return ""
        if self.sentence.find(",", found.end()) >= before:
            return _leading_setting(self.sentence, before)
        return self.sentence[found.start():found.end()].strip()


def subject_of(sentence: str, mention: Mention, own: str, names, reading: SentenceReading | None = None) -> str:
    """The system a number belongs to: the name before the verb that governs the number, or
    "we"/"our model" resolved to `own`. `reading`: the sentence's SentenceReading, where the
    caller keeps one for its numbers."""
    if not names:
        return own  # every reading below gives one of the sentence's names, else `own`
    found = _named_value_subject(sentence, mention, names) or attached_subject(sentence, mention, names)
    if found:
        return found
    if reading is None:
        reading = SentenceReading(sentence)
    intro_end = reading.intro_end
    if intro_end > mention.outer_end:
        # "With AIME24 & 25 scores of 74.0 and 60.2, Light-R1-14B-DS surpasses ...": the
        # number stands in the introductory phrase, the subject follows it
        return next((name.name for name in names if name.start >= intro_end), own)
    # one phrase only: the pattern is anchored at the start of the sentence
    start = intro_end if 0 <= intro_end < mention.outer_start else 0
    # the readings below give a name of the clause that starts before the governing verb, else own
    first_name = min((name.start for name in names if start <= name.start < mention.outer_start), default=None)
    if first_name is None:
        return own
    if reading.gerund_at(start):
        return own  # "Training Qwen3-4B-Base on Kuhn Poker alone achieves ...": the method does
    return _subject_of_governing_verb(sentence, mention, start, own, names, reading.verb_subjects, first_name)


def _named_value_subject(sentence: str, mention: Mention, names) -> str:
    """ "(WeTok: 0.12 vs. FLUX-VAE: 0.18)": a number after a system's name and a colon."""
    before = sentence[max(0, mention.outer_start - 30):mention.outer_start]
    if ":" not in before:
        return ""  # a cheap first look: the pattern ends with the colon
    named = _NAMED_VALUE.search(before)
    if named and any(name.name == named["name"] for name in names):
        return named["name"]
    return ""


def _subject_of_governing_verb(sentence: str, mention: Mention, start: int, own: str, names,
                               verb_subjects: dict, first_name: int) -> str:
    """The subject of the nearest verb before the number that names one (else `own`).
    `verb_subjects`: what each verb of the sentence decided for an earlier number (the same
    for every number after it: _verb_subject reads nothing of the number). `first_name`: where
    the clause's first name starts; a verb before it names none (it gives `own` or asks the verb
    before it), so the verbs are looked for after it only: each is a whole word, found alike
    wherever the scan starts."""
    # the governing verb stands within a few words of the number; looking further back would
    # make long sentences cost quadratic time
    verbs = list(_VERB.finditer(sentence, max(start, mention.outer_start - 200, first_name), mention.outer_start))
    for verb in reversed(verbs):
        key = (start, verb.start(), verb.end())
        if key in verb_subjects:
            found = verb_subjects[key]
        else:
            found = verb_subjects[key] = _verb_subject(sentence, verb, start, own, names)
        if found is not None:
            return found
    return own


def _verb_subject(sentence: str, verb, start: int, own: str, names) -> str | None:
    """The subject a verb (a match of _VERB) gives the number it governs, in the clause that
    starts at `start`; None where it names none and the verb before it is asked."""
    if verb.group().lower().endswith(_NOUN_ENDINGS):
        return None  # "improvements", "reduction": the verb patterns' stems also read nouns
    if verb.group()[-3:].lower() == "ing" and sentence[:verb.start()].rstrip().endswith(","):
        # "UNet-MSAM outperforms UNet-SC, achieving gains of 3.61%": the participle's agent
        # is the clause's subject, not the object before the comma
        clause = _CLAUSE_OPENING.search(sentence, start, verb.start())
        return _first_agent(sentence, clause.end() if clause else start, verb.start(), own, names)
    if _COORDINATED.search(sentence, max(start, verb.start() - _COORDINATED_REACH), verb.start()):
        # "ConvNeXt-T has similar FLOPs with ResNet-50 but only achieves 60%": the verb
        # shares the clause's first subject
        return _first_agent(sentence, start, verb.start(), own, names)
    return _agent_before(sentence, start, verb.start(), own, names) or None


_NOUN_ENDINGS = ("ment", "ments", "tion", "tions")
_CLAUSE_OPENING = regex.compile(r"\b(?:that|which|where)\s(?!.*\b(?:that|which|where)\s)", regex.I | regex.S)

# Where a number is attached to the system it belongs to, a list advances: "Llama-3.1-8B
# (55.0)", "KNN (AUC 0.677)", "85.7% (GPT-4o)", "(55.5% for MetaOpenFOAM)", "against 66.0 for
# SegFormer", "Qwen3-32B's 80.9".
_NAME_BEFORE_BRACKET = regex.compile(r"\s*\(\s*(?:[\w@.-]+\s*[:=]?\s*)?$")
_BRACKETED_AFTER = regex.compile(r"\s*\(\s*")
_BENCHMARK_POSITION = regex.compile(r"\b(?:on|in|across|over|at)\s+(?:the\s+)?$", regex.I)
_FOR_NAME_IN_BRACKET = regex.compile(r"\s+(?:for|by|with|using|from)\s+")
_COMPARED_BEFORE = regex.compile(r"\b(?:against|versus|vs\.?|compared\s+(?:to|with)|than)\s+$", regex.I)
_FOR_NAME_AFTER = regex.compile(r"\s+(?:for|by|of)\s+(?:the\s+)?")
_POSSESSIVE = regex.compile(r"(?:'s|\u2019s)\s+$")


@dataclass(slots=True)
class _Attachment:
    """A number and the names of its sentence, as the attachment forms read them: the text just
    before it, and the names by where they end and start."""
    sentence: str
    mention: Mention
    before: str
    by_end: dict[int, str]
    by_start: dict[int, str]


def attached_subject(sentence: str, mention: Mention, names) -> str:
    """The system a number is attached to by brackets or a possessive (the first of
    _ATTACHMENTS that finds one), or "" if none."""
    before = sentence[max(0, mention.outer_start - 40):mention.outer_start]
    after = sentence[mention.outer_end:mention.outer_end + 6]
    if "(" not in before and "(" not in after and "'" not in before[-4:] and "\u2019" not in before[-4:] \
            and not sentence.startswith((" for ", " by ", " of "), mention.outer_end):
        return ""  # every form below has a bracket, a possessive or "for" right there
    near = _Attachment(sentence, mention, before, {name.end: name.name for name in names},
                       {name.start: name.name for name in names})
    for form in _ATTACHMENTS:
        if name := form(near):
            return name
    return ""


def _name_before_bracket(near: _Attachment) -> str:
    """ "Llama-3.1-8B (55.0)", "KNN (AUC 0.677)"; not "on NVOS (92.7% mIoU)"."""
    before, sentence = near.before, near.sentence
    opening = before.rfind("(")
    if opening < 0 or not _NAME_BEFORE_BRACKET.search(before):
        return ""
    end = near.mention.outer_start - len(before) + len(before[:opening].rstrip())
    name = near.by_end.get(end, "")
    if name and _BENCHMARK_POSITION.search(sentence, max(0, end - len(name) - 12), end - len(name)):
        return ""
    return name


def _name_in_bracket_after(near: _Attachment) -> str:
    """ "85.7% (GPT-4o)"."""
    sentence = near.sentence
    bracket = _BRACKETED_AFTER.match(sentence, near.mention.outer_end)
    name = near.by_start.get(bracket.end(), "") if bracket else ""
    return name if name and sentence[bracket.end() + len(name):].lstrip().startswith(")") else ""


def _for_name_in_bracket(near: _Attachment) -> str:
    """ "(55.5% for MetaOpenFOAM)"."""
    if "(" not in near.before[-12:]:
        return ""
    joined = _FOR_NAME_IN_BRACKET.match(near.sentence, near.mention.outer_end)
    return near.by_start.get(joined.end(), "") if joined else ""


def _for_name_compared(near: _Attachment) -> str:
    """ "against 66.0 for SegFormer"."""
    if not _COMPARED_BEFORE.search(near.before):
        return ""
    joined = _FOR_NAME_AFTER.match(near.sentence, near.mention.outer_end)
    return near.by_start.get(joined.end(), "") if joined else ""


def _possessive_name(near: _Attachment) -> str:
    """ "Qwen3-32B's 80.9"."""
    possessive = _POSSESSIVE.search(near.before)
    if possessive is None:
        return ""
    return near.by_end.get(near.mention.outer_start - len(near.before) + possessive.start(), "")


# The forms that attach a number to a name, in order: the first that finds a name gives it.
_ATTACHMENTS = (_name_before_bracket, _name_in_bracket_after, _for_name_in_bracket, _for_name_compared,
                _possessive_name)


def _first_agent(sentence: str, start: int, end: int, own: str, names) -> str:
    """The first name or own-system pronoun of a clause."""
    pronoun = _OWN_SYSTEM.search(sentence, start, end)
    name = next((name for name in names if start <= name.start < end), None)
    if pronoun and (name is None or pronoun.start() < name.start):
        return own
    return name.name if name else own


def _agent_before(sentence: str, start: int, verb_start: int, own: str, names) -> str:
    """The name or pronoun right before a verb (within a few words), if any."""
    window_start = max(start, verb_start - 60)
    window = sentence[window_start:verb_start]
    candidates = [(s, n) for s, e, n in names if window_start <= s and e <= verb_start + 1]
    pronoun = None
    for pronoun in _OWN_SYSTEM.finditer(window):
        pass
    if candidates:
        name_start, name = candidates[-1]
        if pronoun is not None and window_start + pronoun.end() <= name_start and \
                name_start - (window_start + pronoun.end()) <= 3:
            return name  # "our model, VL-Rethinker," / "Our RT-DETR-R50"
        if pronoun is not None and window_start + pronoun.start() > name_start:
            return own
        between = sentence[name_start + len(name):verb_start]
        if re_search(r"\b(?:than|over|with|by|of|to|on|for|from|versus|vs\.?)\b", between, regex.I) and \
                not re_fullmatch(r"[\s\w-]{0,30}?(?:only\s+|also\s+|still\s+|further\s+|consistently\s+|significantly\s+)?", between):
            return own if pronoun is not None else ""
        return name
    if pronoun is not None:
        return own
    return ""


def before_subject(sentence: str, mention: Mention, names) -> str:
    """In "X improves the accuracy of Y from A to B", the "before" value belongs to Y."""
    verb = re_search(r"\b(?:improv\w+|rais\w+|increas\w+|boost\w+|lift\w+)\b", sentence[:mention.start], regex.I)
    if verb is None:
        return ""
    candidates = [n for s, e, n in names if verb.end() <= s < mention.start]
    return candidates[0] if candidates else ""


def list_subjects(sentence: str, group: Group, names) -> list[str] | None:
    """One subject per number of a list, in order: "RT-DETR-R50 / R101 achieves 53.1% / 54.3%",
    "Gemini 2.5 Pro, o3, and Claude 4 Sonnet achieve ... (60.30%, 63.37%, and 63.16%)", "accuracies
    of 86.42% and 89.46% for VAE-GCN and VAE-GAT, respectively"."""
    if len(group.members) < 2 or group.before_after:
        return None
    return _subjects_listed_before(sentence, group, names) or _subjects_listed_after(sentence, group, names)


_SUBJECTS_AS_OBJECT = regex.compile(r"\b(?:for|than|over|to|of)\s+(?:\S+\s+){0,2}$", regex.I)


def _subjects_listed_before(sentence: str, group: Group, names) -> list[str] | None:
    """The last list of as many names before the numbers, unless it is an object ("than A and B")."""
    head_end = group.members[0].outer_start
    best = None
    for run in _name_runs(sentence, [name for name in names if name.end <= head_end]):
        if len(run) == len(group.members):
            best = run
    if best is None or _SUBJECTS_AS_OBJECT.search(sentence[:best[0].start]):
        return None
    return [name.name for name in best]  # as the abstract names them: "R101", not "RT-DETR-R101"


def _subjects_listed_after(sentence: str, group: Group, names) -> list[str] | None:
    """ "86.42% and 89.46% for VAE-GCN and VAE-GAT, respectively"."""
    after = _SUBJECTS_AFTER.match(sentence, group.members[-1].outer_end)
    if not after:
        return None
    runs = _name_runs(sentence, [name for name in names if name.start >= after.end()])
    if not runs:
        return None
    run = runs[0]
    if run[0].start == after.end() and len(run) == len(group.members) and \
            "respectively" in sentence[run[-1].end:run[-1].end + 20]:
        return [name.name for name in run]
    return None


_SUBJECTS_AFTER = regex.compile(r"\s*,?\s*(?:for|by|of|from)\s+(?:the\s+)?")


def _name_runs(sentence: str, names) -> list[list[Name]]:
    """The names joined as lists ("A / B", "A and B", "A, B, and C"), each run in order; commas
    alone join only a run that "and" or "&" closes."""
    runs: list[list[Name]] = []
    run: list[Name] = []
    joins: list[str] = []
    for name in names:
        if run:
            between = sentence[run[-1].end:name.start]
            if _NAME_JOIN.match(between):
                run.append(name)
                joins.append(between)
                continue
            runs += _as_runs(run, joins)
        run, joins = [name], []
    return runs + _as_runs(run, joins) if run else runs


def _as_runs(run: list[Name], joins: list[str]) -> list[list[Name]]:
    """`run` as one list, or each name alone where commas join it and no "and" or "&" closes it."""
    if all("," not in join or "and" in join or "&" in join for join in joins) or \
            "and" in joins[-1] or "&" in joins[-1]:
        return [run]
    return [[single] for single in run]


def list_names(spans, n: int) -> list[str] | None:
    """A run of exactly `n` names joined as a list ("MathVista, MathVerse, and MathVision")."""
    if len(spans) < n:
        return None
    for i in range(len(spans) - n + 1):
        window = spans[i:i + n]
        if all(b[0] - a[1] <= 8 for a, b in zip(window, window[1:])):
            return [name for _, _, name in window]
    return None

# Words that introduce the benchmark a number is reported on: "73.5% on the MathVista
# benchmark", "half of the CIFAR10 training set".
_INTRODUCED_BY = regex.compile(
    r"^[^,;()]{0,60}?\b(?:on|in|for|at|across|over|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$|^\s*(?:the\s+)?$", regex.I)
# For an efficiency number, no other number may stand between: "22 ms per frame on a Pixel 7
# while reaching 38.4 AP on COCO" measures the latency on no benchmark.
_INTRODUCED_BY_DIRECTLY = regex.compile(
    r"^[^,;()\d]{0,60}?\b(?:on|in|for|at|across|over|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$|^\s*(?:the\s+)?$", regex.I)


def nearest_benchmark(spans, sentence: str, mention: Mention, after_only: bool = False) -> str:
    """The benchmark a number is reported on: one introduced right after it ("73.5% on
    MathVista"), else the nearest before it that is not training data. A number reported over
    several benchmarks together ("on MS MARCO and TREC-DL") has none (golden/README.md).
    `after_only` (efficiency numbers): only a benchmark right after the number with no other
    number between, or the one the sentence opens with. The places are tried in the order of
    QUALITY_BENCHMARK_PLACES or EFFICIENCY_BENCHMARK_PLACES; the first that decides wins."""
    if not spans:
        return ""
    places = EFFICIENCY_BENCHMARK_PLACES if after_only else QUALITY_BENCHMARK_PLACES
    for place in places:
        found = place(spans, sentence, mention)
        if found is not None:
            return found
    return ""


def _unless_listed(spans, span, sentence: str) -> str:
    """`span`'s name, or "" where it is one of a list of benchmarks."""
    return "" if _in_a_list(spans, span, sentence) else span[2]


def _first_after(spans, mention: Mention):
    return next((s for s in spans if s[0] >= mention.outer_end), None)


def _benchmark_introduced_after(spans, sentence: str, mention: Mention) -> str | None:
    """ "73.5% on the MathVista benchmark": the first name after the number, introduced."""
    after = _first_after(spans, mention)
    if after and _INTRODUCED_BY.match(sentence[mention.outer_end:after[0]]):
        return _unless_listed(spans, after, sentence)
    return None


def _benchmark_introduced_directly_after(spans, sentence: str, mention: Mention) -> str | None:
    """As _benchmark_introduced_after, with no other number between."""
    after = _first_after(spans, mention)
    if after and _INTRODUCED_BY_DIRECTLY.match(sentence[mention.outer_end:after[0]]):
        return _unless_listed(spans, after, sentence)
    return None


def _benchmark_opening_the_sentence(spans, sentence: str, mention: Mention) -> str:
    """ "On ImageNet 256X256, ... a 28X reduction", "Experimental results on the existing SEFD
    demonstrate ... 35.5x fewer parameters": the benchmark the sentence opens with, else none."""
    leading = _LEADING_ON.match(sentence)
    first_span = spans[0]
    if leading and first_span[1] <= mention.start and \
            _LEADING_NAME_WORDS.fullmatch(sentence, leading.end(), first_span[0]):
        return _unless_listed(spans, first_span, sentence)
    return ""


def _benchmark_nearest_before(spans, sentence: str, mention: Mention) -> str | None:
    """The nearest name before the number that is not training data."""
    for span in reversed(spans):
        if span[1] <= mention.start and not ends_in_training_context(sentence[max(0, span[0] - 40):span[0]]):
            return _unless_listed(spans, span, sentence)
    return None


def _benchmark_only_after(spans, sentence: str, mention: Mention) -> str | None:
    """ "... a 10.16% improvement in R@10 ... on the HumanML3D dataset": the one benchmark the
    sentence names, after the number; not one set right after another number ("... and 82.7%
    on HumanEval": that number's)."""
    after = [s for s in spans if s[0] >= mention.outer_end]
    usable = {s[2] for s in after if not ends_in_training_context(sentence[max(0, s[0] - 40):s[0]])}
    if len(usable) == 1 and not _in_a_list(spans, after[0], sentence) and \
            not _DIGIT.search(sentence, max(mention.outer_end, after[0][0] - 25), after[0][0]):
        return usable.pop()
    return None


def _benchmark_only_just_before(spans, sentence: str, mention: Mention) -> str | None:
    """ "on benchmark SceneFlow dataset, is 8x ... faster", "For MMLU we observe ... a ~5x compute
    multiplier": the one benchmark the sentence names, set by "on"/"for" before the number with
    no other number between (golden/README.md: its own sentence ties it to the number)."""
    if len({name for _, _, name in spans}) != 1 or spans[-1][1] > mention.start:
        return None
    start, end, name = spans[-1]
    if _DIGIT.search(sentence, end, mention.start) or _NEW_CLAUSE.search(sentence, end, mention.start) or \
            not _SET_ON_BEFORE.search(sentence, max(0, start - 30), start) or \
            ends_in_training_context(sentence[max(0, start - 40):start]):
        return None
    return name


# "on benchmark ", "For ", "on the ": words that set a benchmark before its name
_SET_ON_BEFORE = regex.compile(r"(?:^|\b(?:on|for))\s+(?:the\s+)?(?:benchmarks?\s+)?$", regex.I)
# "..., which is trained on 100x data": a clause of its own, not tied to the benchmark
_NEW_CLAUSE = regex.compile(r"\b(?:which|that|while|whereas|and)\b", regex.I)

#: Where a score's or delta's benchmark is looked for in its sentence, in order (nearest_benchmark).
QUALITY_BENCHMARK_PLACES = (_benchmark_introduced_after, _benchmark_nearest_before, _benchmark_only_after)
#: The same for an efficiency number (after_only).
EFFICIENCY_BENCHMARK_PLACES = (_benchmark_introduced_directly_after, _benchmark_only_just_before,
                               _benchmark_opening_the_sentence)


_DIGIT = regex.compile(r"\d")


# A sentence that opens by setting its benchmark: "On X, ...", "Experimental results on the
# existing X demonstrate ..."
_LEADING_ON = regex.compile(
    r"(?:\w+,\s*)?(?:(?:[\w-]+\s+){0,2}(?:results|experiments|evaluations?)\s+)?(?:on|in)\s+(?:the\s+)?", regex.I)
# what may stand between that opening and the benchmark: "existing", "Smart Event Face Dataset ("
_LEADING_NAME_WORDS = regex.compile(r"(?:[\w-]+\s+){0,5}\(?")


_BENCHMARK_LIST_JOIN = regex.compile(r"\s*(?:,|,?\s*and|&|/|,?\s*or)\s*")


def _in_a_list(spans, span, sentence: str) -> bool:
    """Whether `span` is one of a list of benchmarks ("the COCO-POS and COCO-MIG benchmarks",
    "AIME 2024/2025"): joined to a neighbour by a comma, "and", "&" or "/"."""
    for other in spans:
        if other[2] == span[2]:
            continue
        first, second = (other, span) if other[0] < span[0] else (span, other)
        if 0 <= second[0] - first[1] <= 6 and (
                _BENCHMARK_LIST_JOIN.fullmatch(sentence, first[1], second[0])
                or second[0] == first[1] and SIBLING_BENCHMARK.match(sentence, first[1])):  # "AIME 2024/2025"
            return True
    return False


def paired_names(spans, n: int, sentence: str, after: int, subjects_paired: bool = False) -> list[str] | None:
    """The names a list of `n` numbers pairs with in order: a run of `n` names joined as a list
    (list_names), or, where "respectively" follows the numbers and does not pair them with
    subjects already, the `n` distinct names of the sentence in order ("88.8% on Spider and
    64.9% on BIRD ..., surpassing the baseline by 2.7% and 2.6%, respectively")."""
    found = list_names(spans, n)
    if found or subjects_paired or "respectively" not in sentence[after:after + 80]:
        return found
    names = list(dict.fromkeys(name for _, _, name in spans))
    return names if len(names) == n else None


def metric_of(sentence: str, group: Group, mention: Mention, metrics) -> str:
    """The metric of a score or delta: named right after it ("53.1% AP"), linked before it
    ("accuracy of 98.82%", "AUC = 0.955"), shortly after it, or elsewhere in the sentence. A
    metric is not taken from a neighbouring item of a list ("precision of 67.6%, recall of
    61.5%": 67.6 is precision), and a number reported for several metrics together ("99.93%
    in accuracy, recall, and F1") has none (golden/README.md). The places are tried in the
    order of METRIC_PLACES; the first that decides (a name, or "" for none) wins."""
    if not metrics:
        return _metric_marked_beside(sentence, group, metrics) or ""
    for place in METRIC_PLACES:
        found = place(sentence, group, metrics)
        if found is not None:
            return found
    return ""


def _metric_right_after(sentence: str, group: Group, metrics) -> str | None:
    """ "53.1% AP", "0.82 F1)": a metric touching the number."""
    last = group.members[-1]
    for metric in metrics:
        start = metric[0]
        if 0 <= start - last.outer_end <= 3 and not sentence[last.outer_end:start].strip(" )-"):
            return _unless_several(metrics, metric, sentence)
    return None


def _metric_linked_before(sentence: str, group: Group, metrics) -> str | None:
    """ "accuracy of 98.82%", "AUC = 0.955": a metric linked to the number before it."""
    first = group.members[0]
    for _, end, name in metrics:
        if end <= first.outer_start and first.outer_start - end <= 12 and \
                METRIC_LINK.match(sentence[end:first.outer_start]):
            return name
    return None


def _metric_shortly_after(sentence: str, group: Group, metrics) -> str | None:
    """ "71.4 in mIoU": a metric a few words after the number, no list or clause between."""
    last = group.members[-1]
    for metric in metrics:
        start = metric[0]
        if 0 <= start - last.outer_end <= 25 and not re_search(r"[,;]|\band\b", sentence[last.outer_end:start]):
            return _unless_several(metrics, metric, sentence)
    return None


def _metric_marked_beside(sentence: str, group: Group, metrics) -> str | None:
    """ "15% strict scores", "refusal rates drop by 10%": a name the text marks as a metric
    beside the number, where the vocabulary knows none there (marked_metrics)."""
    return marked_metric(sentence, group.members[0].outer_start, group.members[-1].outer_end) or None


def _metric_earlier_in_sentence(sentence: str, group: Group, metrics) -> str | None:
    """The last metric named before the number. A metric another number stands with is that
    number's where this one has a name of its own the vocabulary does not know ("accuracy of
    73%, precision of 88%"), not in an ellipsis ("a prediction error of 1.591 cm ... and 1.439 cm")."""
    first = group.members[0]
    before = [m for m in metrics if m[1] <= first.outer_start]
    if not before:
        return None
    if ends_in_linked_name(sentence, max(0, first.outer_start - 30), first.outer_start) and \
            not _CHANGE_LINKED_BEFORE.search(sentence, max(0, first.outer_start - 30), first.outer_start):
        before = [m for m in before if not _METRIC_OF_A_LATER_NUMBER.match(sentence, m[1])]
    return _unless_several(metrics, before[-1], sentence) if before else None


def _metric_later_in_sentence(sentence: str, group: Group, metrics) -> str | None:
    """The first metric named after the number that no later number stands with."""
    last = group.members[-1]
    after = [m for m in metrics if m[0] >= last.outer_end and not _METRIC_OF_A_LATER_NUMBER.match(sentence, m[1])]
    return after[0][2] if after else None


def _unless_several(metrics, metric, sentence: str) -> str:
    """`metric`'s name, or "" where it is one of a list of different metrics."""
    return "" if _several_metrics(metrics, metric, sentence) else metric[2]


#: Where a score's or delta's metric is looked for, in order (metric_of).
METRIC_PLACES = (_metric_right_after, _metric_linked_before, _metric_shortly_after, _metric_marked_beside,
                 _metric_earlier_in_sentence, _metric_later_in_sentence)


# "by a clear margin of 2.1%", "an improvement of 3%": the name linked to the number is a change's,
# not a metric of its own; the metric named before it in the sentence holds
_CHANGE_LINKED_BEFORE = regex.compile(
    r"\b(?:margins?|improvements?|gains?|increases?|boosts?|drops?|decreases?|reductions?)\s*(?:of|:)\s*$", regex.I)
_METRIC_OF_A_LATER_NUMBER = regex.compile(r"\s*(?:of|=|:|is|was|reaches|reaching|at)\s*[-+~]?\d", regex.I)
#: A name linked to the number after it: "accuracy of ", "AUC = ".
LINKED_NAME_BEFORE = regex.compile(r"[A-Za-z][\w-]*\s*(?:of|=|:)\s*$")
# Searched backwards from the number it must touch, it is decided in a few steps.
_LINKED_NAME_SEARCHED_BACK = regex.compile(LINKED_NAME_BEFORE.pattern, LINKED_NAME_BEFORE.flags | regex.REVERSE)


def ends_in_linked_name(text: str, start: int, end: int) -> bool:
    """Whether LINKED_NAME_BEFORE matches in ``text[start:end]``."""
    return _LINKED_NAME_SEARCHED_BACK.search(text, start, end) is not None
_METRIC_LIST_JOIN = regex.compile(r"\s*(?:,\s*(?:and\s+)?|and|/|&)\s*")


def _several_metrics(metrics, metric, sentence: str) -> bool:
    """Whether `metric` is one of a list of different metrics ("in accuracy, recall, precision,
    and F1-score", "answer accuracy and F1"): joined to one by a comma, "and", "/" or "&"."""
    for other in metrics:
        if other[2] == metric[2]:
            continue
        first, second = (other, metric) if other[0] < metric[0] else (metric, other)
        if 0 <= second[0] - first[1] <= 7 and _METRIC_LIST_JOIN.fullmatch(sentence, first[1], second[0]):
            return True
    return False


def paired_metrics(sentence: str, group: Group, metrics) -> list[str] | None:
    """The metrics a list of numbers pairs with in order: a list of as many metrics right after
    it ("retains 96.2% and 95.5% of the baseline's ADE and FDE performance"), or, where no metric
    stands right after the numbers, as many metrics named before them in the sentence ("a
    precision of 67.6%, recall of 61.5%, ..., representing improvements of 3.1%, 8.4%, ...")."""
    n = len(group.members)
    if group.before_after:
        return None
    first, last = group.members[0], group.members[-1]
    after = [m for m in metrics if 0 <= m[0] - last.outer_end <= 40]
    run = list_names(after, n)
    if run and len(set(run)) == n and all(_METRIC_LIST_JOIN.fullmatch(sentence, a[1], b[0])
                                          for a, b in zip(after, after[1:n])):
        return run
    if any(0 <= m[0] - last.outer_end <= 3 for m in metrics):
        return None
    before = list(dict.fromkeys(name for start, end, name in metrics if end <= first.outer_start))
    return before if len(before) == n else None


# "BLEU-1 = 55.14", "raw agreement = 91%", "Cohen's \kappa = 0.82": a name set equal to the number
_NAMED_VALUE_BEFORE = regex.compile(
    r"(?<![\w\\'-])(?P<name>(?:[\w-]+'s\s+|[a-z]+(?<!s)\s+)?\\?[A-Za-z\u0370-\u03ff][\w@.+-]*)\s*=\s*$")


# A dot between letters makes a name code, not a metric: "window.pwned = 1", "cfg.lr = 3".
_IDENTIFIER_DOT = regex.compile(r"[a-z]\.[a-z]")

_NOT_NAME_WORDS = frozenset("and or with of the a an to for at by in on is was are were as than".split())


def named_metric(sentence: str, mention: Mention) -> str:
    """The metric a number is set equal to ("BLEU-1 = 55.14"): the vocabulary's name for it, or
    the name as written; "" where none is, or where it names a setting or a statistic ("N =
    100", "t = -5.56")."""
    before = sentence[max(0, mention.outer_start - 40):mention.outer_start]
    if "=" not in before:
        return ""
    found = _NAMED_VALUE_BEFORE.search(before)
    if found is None:
        return ""
    name = found["name"].replace("\\", "")
    words = name.split()
    if len(words) > 1 and words[0] in _NOT_NAME_WORDS:
        name = words[-1]  # "k=10 and λ = 0.5": "and" is no part of the name
    if words[-1].casefold() in NAMED_SETTINGS or len(words[-1]) < 2 or _IDENTIFIER_DOT.search(name):
        return ""  # a setting, a statistic, one letter, or code ("window.pwned = 1")
    return vocab.metrics().canonical(name) or name


def usual_metric(benchmark: str) -> str:
    """The metric a benchmark is usually reported in, for a score that names none (issue 11
    item 5). Always "" in the claims table: spec section 2 and golden/README.md keep `metric`
    empty where the abstract names none, and the leaderboard already files such a claim on its
    benchmark's default board (default_metrics.txt, extract/output/leaderboard.py). Filling it
    here was measured: metric agreement fell (sample 0.767 -> 0.739, wide 0.759 -> 0.743) and
    leaderboard F1 did not move."""
    return ""


def efficiency_metric(sentence: str, group: Group, mention: Mention) -> str:
    kind = group.kind
    if kind == "memory":
        return "memory"
    if kind not in _WINDOW_KINDS:  # a reduction: of the resource it names
        return _resource_after(sentence, mention.outer_end) or \
            _resource_object(sentence[max(0, mention.outer_start - 60):mention.outer_start])
    window = sentence[max(0, mention.outer_start - 60):mention.outer_end + 40].lower()
    if kind == "throughput":
        for word in ("prefill", "decode", "decoding", "training"):
            if word in window:
                return {"decoding": "decode"}.get(word, word) + " throughput"
        return "throughput"
    if kind == "latency":
        return "TPOT" if "tpot" in window else "training time" if "train" in window else "latency"
    # a speed-up: "improving throughput up to 1.7x" is a speed-up of throughput, named so
    stage = "training " if "train" in window else "inference " if "inference" in window else ""
    return stage + ("throughput" if "throughput" in window else "speed") if stage or "throughput" in window \
        else "speed"


_WINDOW_KINDS = ("throughput", "latency", "speedup")  # the kinds whose metric the words around the number name


def _resource_after(sentence: str, end: int) -> str:
    """The resource named after a number, up to where the next item of a list starts ("by 84.83%
    and self-attention latency by 60.48%": the latency is the next number's)."""
    after = sentence[end:end + 40]
    if (item := _NEXT_ITEM.search(after)) is not None:
        after = after[:item.start()]
    return _resource_object(after)


_NEXT_ITEM = regex.compile(r"[,;]|\b(?:and|while|whereas)\b")


_RESOURCE_OBJECT = cues.RESOURCE_OBJECT


def _resource_object(text: str) -> str:
    """The first resource noun in `text`, lower-cased (cues.RESOURCE_OBJECT), or ""."""
    found = _RESOURCE_OBJECT.search(text)
    return found[0].lower() if found else ""


def hardware_of(sentence: str, mention: Mention, hardware) -> tuple[str, int | None]:
    count = None
    if _PER_DEVICE.match(sentence[mention.outer_end:]):
        count = 1
    if not hardware:
        return "", count
    after = [h for h in hardware if h[0] >= mention.outer_end]
    chosen = after[0] if after else hardware[-1]
    prefix = sentence[max(0, chosen[0] - 24):chosen[0]]
    number = re_search(r"(?<![\w.])(\d[\d,]*)\s+(?:NVIDIA\s+|AMD\s+|Huawei\s+|Google\s+)?$", prefix)
    if count is None and number:
        count = int(number[1].replace(",", ""))
    elif count is None and re_search(r"\b(?:a|an|one|single)\s+(?:\w+\s+){0,2}$", prefix, regex.I):
        count = 1
    return chosen[2], count


def baseline_of(sentence: str, group: Group) -> str:
    """What a delta, speedup or reduction is measured against: "than X", "outperforms X by"."""
    text = sentence[group.members[-1].outer_end:]
    found = _BASELINE_AFTER.match(text)
    if not found:  # up to the number: the sentence read to there, not a copy (the same matches)
        text = sentence
        found = _BASELINE_BEFORE.search(sentence, 0, group.members[0].outer_start)
    # "than vLLM on H100 GPUs": the baseline is vLLM, the rest is the setting
    if not found:
        return ""
    name = _BASELINE_THAT.sub("", text[found.start("name"):found.end("name")])  # "over that with the dense training"
    return _BASELINE_TAIL.split(name, maxsplit=1)[0].strip()


def average_qualifier(sentence: str, mention: Mention) -> str:
    window = sentence[max(0, mention.outer_start - 25):mention.outer_end + 25]
    if "average" not in window.casefold():
        return ""  # a cheap first look
    return "average" if re_search(r"\b(?:on\s+)?average\b", window, regex.I) else ""


# --- condition -----------------------------------------------------------------------------------

# Words that make a phrase a setting a number holds under (spec section 2, `condition`).
_SETTING_WORD = (r"(?:SLA|context(?:\s+length)?|pruning|quantization|precision|sparsity|RAG|samples?|"
                 r"batch(?:\s+size)?|sequence\s+length|resolution|configuration|FP8|FP16|BF16|INT8|INT4|"
                 r"\d+-bit|shots?|epochs?|steps|TPOT|budget|backbone|setting|"
                 r"pre-?train(?:ing|ed)?\s+(?:with|on)\s+\S+|(?:additional|extra|external)[ ](?:training[ ])?data)")
_CONDITION = Cue(
    rf"""
      \b(?:zero|few|one|\d+)-shot\b                                  # zero-shot, 5-shot
    | \b(?:under|with|using|at|when|without)\s+(?:an?\s+|the\s+)?
        [^,;.()]{{0,40}}{_SETTING_WORD}\b(?:\s*\([^()]{{1,60}}\))?        # under 50ms TPOT SLA (4K context)
    | \((?=[^()]*{_SETTING_WORD})[^()]{{1,60}}\)                        # (4K context, FP8, no MTP)
    """, verbose=True)
_CONDITION_REACH = 100


# A setting that opens the sentence holds for all its numbers: "After pre-training with
# Objects365, RT-DETR-R50 / R101 achieves 55.3% / 56.2% AP." No gate: the anchored twin fails at
# the sentence's first letters, several times cheaper than the stem look of its ~30 setting
# words (measured: 4.8 -> 0.5 us a call on the synthetic corpus).
_LEADING_SETTING = Cue(
    rf"(?:after|with|when|under|using|in\s+(?:the|a))\s+[^,;.()]{{0,40}}?{_SETTING_WORD}\b"
    rf"[^,;.()]{{0,30}}?(?:\s*\([^()]{{1,60}}\))?(?=\s*,)", gate=False)
# Between two numbers of one clause joined by "and" ("97.15% on MATH500 and 81.3% on AIME24 with
# 8/128 pruning"), the settings after the second hold for the first too; a clause ends at a
# comma, semicolon or colon, or where "while", "whereas" or "but" opens another.
_CLAUSE_END = regex.compile(r"[,;:]|\b(?:while|whereas|but)\b")


def condition_of(sentence: str, group: Group, index: int, next_start: int,
                 reading: SentenceReading | None = None) -> str:
    """The settings a number holds under: those written after it, "with RAG", "(zero-shot)",
    "under 50ms TPOT SLA (4K context, FP8, no MTP)", and one that opens the sentence ("After
    pre-training with Objects365, ..."); empty when none. The members of a list share the
    settings after the list; the two numbers of a before/after pair each have their own; a
    number joined to the next by "and" in one clause shares the settings after that clause."""
    members = group.members
    if group.before_after:
        start = members[index].outer_end
        end = members[index + 1].outer_start if index + 1 < len(members) else next_start
    else:
        start, end = members[-1].outer_end, next_start
        if end < len(sentence) and _joined_by_and(sentence[start:end]):
            clause_end = _CLAUSE_END.search(sentence, end)
            end = clause_end.start() if clause_end else len(sentence)
    end = min(end, start + _CONDITION_REACH)
    before = members[0].outer_start
    leading = reading.leading_setting(before) if reading is not None else _leading_setting(sentence, before)
    after = [sentence[match.start():match.end()].strip() for match in _CONDITION.finditer(sentence, start, end)]
    if not after:
        return leading  # most numbers: no setting written after them
    after = [text[1:-1] if text.startswith("(") and text.endswith(")") else text for text in after]
    return "; ".join(dict.fromkeys(filter(None, [leading, *after])))


def _joined_by_and(between: str) -> bool:
    """Whether the text between two numbers joins them by "and" within one clause."""
    return " and " in between and not any(mark in between for mark in ",;:")


def _leading_setting(sentence: str, before: int) -> str:
    """The setting that opens the sentence and ends before position `before`, or ""."""
    found = _LEADING_SETTING.match(sentence, 0, before)
    return sentence[found.start():found.end()].strip() if found else ""  # the span: the match may be on lower-cased text
