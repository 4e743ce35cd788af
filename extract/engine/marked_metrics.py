"""Metrics the vocabulary does not know, read where the text marks a name as one (issue 11, spec
section 2: the metric as the text names it): a name ending in a metric word stands beside the
number, "less than 15% strict scores", "0.98 fairness score", "refusal rates drop by 10%", "improves
the Image Success Ratio by 17.7%". The name is written in the text's spelling, lower case except
acronyms, singular (golden/README.md).

Read only for a score or delta whose sentence names no metric the vocabulary knows beside it
(fields.metric_of), so it never decides whether a number is a claim.
"""
from __future__ import annotations

import regex

from . import vocab

# The words a metric's name ends in. A name is at least one word and this one ("strict score").
HEADS = ("rate", "score", "ratio")

# Words that may stand before a head without naming a metric: comparisons, quantifiers and
# articles ("higher scores", "the average score"); a name is what is left after them.
NOT_NAME_WORDS = frozenset("""
    a an the our its their this these those of in on at by for with and or to from than over across
    higher lower better worse best worst highest lowest more less greater smaller larger top
    improved increased reduced relative absolute average overall mean final new record baseline
    modest strong high low state-of-the-art sota previous prior often
""".split())

# What precedes a head in settings, not results ("learning rate", "masking ratio"): no metric.
SETTING_WORDS = frozenset("""
    learning sampling frame compression masking mask dropout bit sample drop growth decay
    mixing mixture aspect token data noise
""".split())

# Verbs a name never holds: "TinyV boosts pass rates by" names "pass rate".
VERB_WORDS = frozenset("""
    is are was were be been has have had find finds found show shows report reports reported yield yields
    achieve achieves achieved obtain obtains obtained attain attains attained reach reaches reached get gets
    boost boosts boosted improve improves improved raise raises raised increase increases
    reduce reduces reduced lower lowers that which while whereas
""".split())

_HEAD = regex.compile(r"\b(?:" + "|".join(HEADS) + r")s?\b", regex.I)
# between the head and the number before it: "strict scores" + nothing, "rates drop by"
_LINK_AFTER_HEAD = regex.compile(r"\s*(?:of|=|:|is|was|are|were|reach\w*|to|(?:\w+\s+){0,2}by)\s*$", regex.I)
_BEFORE_REACH = 60
_AFTER_REACH = 45
_MAX_WORDS = 3


# What a reduction acts on, where it is a quality (rules.py decides the kind): "a 35% relative
# reduction in false positives", "reduces the temporal inconsistency by 29%"
_REDUCED_AFTER = regex.compile(r"\s*(?:relative\s+)?reduction\s+in\s+(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)", regex.I)
_REDUCED_BEFORE = regex.compile(
    r"\b(?:reduc|decreas|cut|lower)\w*\s+(?:the\s+)?(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)\s+by\s*$", regex.I)


def marked_metric(sentence: str, start: int, end: int) -> str:
    """The metric the text marks beside the number spanning `start`-`end` (with its unit), or ""."""
    return _marked_by_head(sentence, start, end) or _reduced_object(sentence, start, end) or \
        _changed_object(sentence, end) or _coordinated_by(sentence, start)


# "a 37% improvement in diversity representation", "a 4.0% drop in relevance": what a change acts on
_CHANGE_IN_AFTER = regex.compile(
    r"\s*(?:relative\s+|absolute\s+)?(?:improvements?|gains?|increases?|boosts?|drops?|decreases?)\s+in\s+"
    r"(?:the\s+|our\s+|its\s+)?(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)(?=[\s,.;:)]|$)", regex.I)
_CHANGE_WORDS = ("improvement", "gain", "increase", "boost", "drop", "decrease")


def _changed_object(sentence: str, end: int) -> str:
    """ "37% improvement in diversity representation": the name after "in", up to the first word
    naming nothing ("in relevance across tasks"); the vocabulary's name where it knows the whole."""
    near = sentence[end:end + 30].lower()
    if " in " not in near or not any(word in near for word in _CHANGE_WORDS):
        return ""  # a cheap first look
    found = _CHANGE_IN_AFTER.match(sentence, end)
    if found is None:
        return ""
    words = found["words"].split()
    words = words[:next((i for i, word in enumerate(words) if not _may_name(word) or word in _OPENS_CLAUSE), len(words))]
    if any("bench" in word.lower() or vocab.metrics().find_all(word) or vocab.benchmarks().find_all(word)
           for word in words):
        return ""  # a metric the vocabulary knows is read where it stands; a benchmark ("HarmBench") names none
    return _written_name(words)


_OPENS_CLAUSE = frozenset(("when", "where", "whereas", "as"))


def _written_name(words: list[str]) -> str:
    """The name `words` make: the vocabulary's where it knows it, else as written (lower case
    except acronyms), without a last "metric(s)" ("the CSD metric" is CSD)."""
    if len(words) > 1 and words[-1].lower() in ("metric", "metrics"):
        words = words[:-1]
    if not words:
        return ""
    name = " ".join(words)
    return vocab.metrics().canonical(name) or " ".join(word if _is_acronym(word) else word.lower() for word in words)


# "improves AWPA by 31% and prosodic naturalness by 27%": the second "by" names its own metric
_COORDINATED_BY = regex.compile(
    r"\bby\s+(?:up\s+to\s+|about\s+|~)?[-+]?\d[\d.]*\s*(?:%|points?|pp)?\s*,?\s*and\s+"
    r"(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)\s+by\s*$", regex.I)


def _coordinated_by(sentence: str, start: int) -> str:
    """ "... by 31% and prosodic naturalness by 27%": what the second change acts on, named after
    "and" as the text writes it (after its last word that names nothing: "improves")."""
    before = sentence[max(0, start - _BEFORE_REACH):start]
    if not before.rstrip().endswith("by") or " and " not in before:
        return ""  # a cheap first look: the pattern ends in "by" and holds "and"
    found = _COORDINATED_BY.search(before)
    if found is None:
        return ""
    words = found["words"].split()
    words = words[next((i + 1 for i in range(len(words) - 1, -1, -1) if not _may_name(words[i])), 0):]
    return _written_name(words)


def _reduced_object(sentence: str, start: int, end: int) -> str:
    """ "a 35% reduction in privacy leakage": what a reduction acts on, as the text names it."""
    found = _REDUCED_AFTER.match(sentence, end, end + _AFTER_REACH) if "reduction" in sentence[end:end + 30] \
        else None
    if found is not None:  # "false positives on academic text": up to the first word naming nothing
        words = found["words"].split()
        words = words[:next((i for i, word in enumerate(words) if not _may_name(word)), len(words))]
    elif "by" in sentence[max(0, start - 4):start] and \
            (found := _REDUCED_BEFORE.search(sentence, max(0, start - _BEFORE_REACH), start)):
        words = found["words"].split()  # "48-hour prediction errors by": after the last naming nothing
        words = words[next((i + 1 for i in range(len(words) - 1, -1, -1) if not _may_name(words[i])), 0):]
    else:
        return ""
    return " ".join(word if _is_acronym(word) else word.lower() for word in words)


def _marked_by_head(sentence: str, start: int, end: int) -> str:
    """ "15% strict scores", "refusal rates drop by 70%": a name ending in a head word."""
    after = sentence[end:end + _AFTER_REACH]
    if _has_head(after) and (head := _HEAD.search(after)):
        words = after[:head.start()].split()
        if len(words) <= _MAX_WORDS and not any(not word.replace("-", "").isalnum() for word in words):
            name = _metric_name(words, head.group())
            if name:
                return name
    before = sentence[max(0, start - _BEFORE_REACH):start]
    if not _has_head(before):
        return ""
    heads = [head for head in _HEAD.finditer(before) if _LINK_AFTER_HEAD.match(before, head.end())]
    if not heads:
        return ""
    head = heads[-1]
    words = before[:head.start()].split()[-_MAX_WORDS:]
    return _metric_name(words, head.group())


def _has_head(text: str) -> bool:
    """A cheap first look: a head word is in `text`."""
    lowered = text.lower()
    return any(head in lowered for head in HEADS)


def _metric_name(words: list[str], head: str) -> str:
    """The name that `words` and the `head` after them make: the words after the last one that
    names nothing, lower case except acronyms, the head singular; the vocabulary's name where
    it knows one ("IoU scores", "task success rates"); "" where no word names anything or the
    words name a setting."""
    for index in range(len(words) - 1, -1, -1):
        if not _may_name(words[index]):
            words = words[index + 1:]
            break
    if not words or words[-1].casefold() in SETTING_WORDS:
        return ""
    head = head.lower()
    name = words + [head[:-1] if head.endswith("s") else head]
    known = vocab.metrics()
    for phrase in (" ".join(name), " ".join(words)):
        if (canonical := known.canonical(phrase)) is not None:
            return canonical
    return " ".join(word if _is_acronym(word) else word.lower() for word in name)


def _may_name(word: str) -> bool:
    """Whether `word` may be part of a metric's name: letters (and digits, hyphens), no
    article, comparison or verb, nor a word ending like a verb, an adjective or an adverb
    ("achieving", "impressive", "often")."""
    folded = word.casefold()
    return word.replace("-", "").isalnum() and not word[0].isdecimal() and folded not in NOT_NAME_WORDS \
        and folded not in VERB_WORDS and (_is_acronym(word) or not folded.endswith(_NOT_NOUN_ENDINGS))


_NOT_NOUN_ENDINGS = ("ing", "ed", "ive", "ly")


def _is_acronym(word: str) -> bool:
    """ "CLIP", "LVS", "mAP": a capital after the first letter."""
    return any(c.isupper() for c in word[1:])
