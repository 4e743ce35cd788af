"""Which kind of claim a number makes: the ordered rule table, and the one registry of rule ids.

Each row (`Rule`) reads: for a number in these units (a from-to pair or not), when all these
conditions hold, the claim is of this kind, with this sign and qualifier, and the row's `rule`
column reads this id. Rows are tried in order and the first whose conditions all hold decides; a
row whose id starts with "no_claim." says the number makes no claim, and a number no row takes
makes none either. The conditions name cues (cues.py) looked for around the number, or a few
named tests (`Test`) for what a cue alone cannot say.

Every id the `rule` column can hold is registered here (`RULE_IDS`): the table's, the rules that
carry a kind from a number to the next (`CARRIED_RULES`), and each of these with ".list" for a
list of numbers ("53.1% / 54.3%"). docs/rules.md is written from this module (`markdown()`,
scripts/write_rules_doc.py), each rule with an example that tests/test_rules.py runs.
"""
from __future__ import annotations

import re
from itertools import product
from operator import attrgetter
from typing import NamedTuple

import regex

from . import cues
from ..output.schema import KINDS
from .cue_compiler import UNICODE_SPACE, Cue, ascii_twin_source, text_ending

MEMORY_UNITS = frozenset({"TB", "GB", "GiB", "MB", "MiB", "KB"})
RATE_UNITS = frozenset({"token/s", "frame/s", "sample/s", "image/s", "query/s", "PFLOP/s",
                        "TFLOP/s", "GFLOP/s"})
TIME_UNITS = frozenset({"ms", "us", "s", "min", "h", "d"})
QUALITY_UNITS = frozenset({"%", "pp", "points", "", "cm"})
FACTOR_UNITS = frozenset({"x"})
POWER_UNITS = frozenset({"W"})
ALL_UNITS = MEMORY_UNITS | RATE_UNITS | TIME_UNITS | QUALITY_UNITS | FACTOR_UNITS | POWER_UNITS
NO_CLAIM = "no_claim."


# --- what the conditions read -------------------------------------------------------------------

_CLAUSE_REACH = 200
# The words after a number up to the end of its clause: a "," or ";" (kept), a joining word
# between white space, or the end of the text (before a last line break, as "$" reads it). The
# standard engine reads the joining words, with \s spelled out as `regex` reads it, and only up
# to the first "," or ";" (found by `str.find`): the stretch it tries at every white space.
CLAUSE_END_PLAIN = r"[,;]|\s(?:and|while|but|whereas|which|compared|with)\s|$"
_CLAUSE_JOIN = re.compile(ascii_twin_source(r"\s(?:and|while|but|whereas|which|compared|with)\s", lower=False,
                                            space=UNICODE_SPACE))


def clause_after(sentence: str, position: int) -> str:
    """The words after a number up to the end of its clause (CLAUSE_END_PLAIN): the cues that
    speak of it."""
    # a clause is short; looking further would make a long sentence cost numbers x length
    end = min(position + _CLAUSE_REACH, len(sentence))
    stop = sentence.find(",", position, end)
    semicolon = sentence.find(";", position, end if stop < 0 else stop)
    stop = semicolon if semicolon >= 0 else stop
    join = _CLAUSE_JOIN.search(sentence, position, end if stop < 0 else stop)
    if join is not None:
        return sentence[position:join.start()]
    if stop >= 0:
        return sentence[position:stop + 1]
    return sentence[position:end - 1 if end > position and sentence[end - 1] == "\n" else end]


def after_aside(right: str) -> str:
    """`right` without the ")" that closes an aside the number stands in: "28.5% (maybe even
    18.2%) of computations"."""
    if right.lstrip().startswith(")"):
        return _ASIDE_CLOSE.sub("", right)
    return right


_ASIDE_CLOSE = regex.compile(r"^\s*\)")


_UNSEEN = object()
_LETTER = re.compile(r"[^\W\d_]")  # a letter, or another character \w holds that is no digit


class Reading:
    """What the rules read around one group of numbers; each condition is looked at once, when
    a row first asks for it."""

    __slots__ = ("group", "first", "last", "unit", "left", "near_left", "ending", "right", "worded", "metrics",
                 "_seen")

    def __init__(self, sentence: str, group, metrics) -> None:
        self.group, self.first, self.last = group, group.members[0], group.members[-1]
        self.unit = self.last.unit
        self.left = sentence[:self.first.outer_start]
        self.near_left = self.left[-90:]  # the last words before the number: the verbs that govern it
        self.ending = text_ending(self.left)  # one look at how it ends, for every cue that must end it
        right = clause_after(sentence, self.last.outer_end)
        # after a percent or bare number, the ")" of an aside it stands in is no cue
        self.right = after_aside(right) if self.unit in QUALITY_UNITS and not group.before_after else right
        self.worded = _LETTER.search(self.right) is not None  # (one look for every cue After asks)
        self.metrics = metrics
        self._seen: dict = {}

    def found(self, condition: Condition):
        """What `condition` found (a match, or a truth value), looked for once."""
        value = self._seen.get(condition, _UNSEEN)
        if value is _UNSEEN:
            value = self._seen[condition] = condition.find(self)
        return value


class Condition:
    """One test a row makes of what stands around a number; `text` says it in docs/rules.md.
    `shared`: more than one row asks it, so that the reading keeps what it found. `ending`: words
    one of which the text before the number must end with (`Reading.ending`) for it to hold;
    () where it needs none."""

    __slots__ = ("text", "shared", "ending")

    def find(self, reading: Reading):
        raise NotImplementedError

    @property
    def asks(self) -> object:
        """What the condition asks, alike for two conditions that ask the same."""
        return self


def _named_cue(cue: str | Cue) -> tuple[Cue, str]:
    """A cue of cues.py by its name, or one declared in the row itself, and how docs name it."""
    if isinstance(cue, Cue):
        return cue, f"`{cue.pattern.pattern}`"
    return getattr(cues, cue), f"`{cue}`"


class After(Condition):
    """The words after the number (its clause) open with the cue (a name in cues.py, or a Cue
    declared in the row); `trimmed`: with the white space around them taken off first."""

    __slots__ = ("cue", "trimmed", "needs_a_word")

    def __init__(self, cue: str | Cue, trimmed: bool = False) -> None:
        self.cue, name = _named_cue(cue)
        self.trimmed, self.shared, self.ending = trimmed, False, ()
        self.text = f"after it: {name}"
        # every match holds one of the cue's stems, each with a letter: words after the number
        # without a letter ("%, while", " (") cannot open with it, and no row asks the cue there
        self.needs_a_word = bool(self.cue.contains) and all(any(map(str.isalpha, stem)) for stem in self.cue.contains)

    def find(self, reading: Reading):
        if self.needs_a_word and not reading.worded:
            return None
        return self.cue.match(reading.right.strip() if self.trimmed else reading.right)

    @property
    def asks(self) -> object:
        return "after", self.cue, self.trimmed


class Before(Condition):
    """The cue (a name in cues.py, or a Cue declared in the row) is found in the last `window` characters before the number (all of them without
    a window); a cue anchored at the end reads the shared look at how they end."""

    __slots__ = ("cue", "window")

    def __init__(self, cue: str | Cue, window: int | None = None) -> None:
        self.cue, name = _named_cue(cue)
        self.window, self.shared, self.ending = window, False, self.cue.ends_with  # (what find's first look reads)
        reach = "" if window is None else f" (last {window} characters)"
        self.text = f"before it{reach}: {name}"

    def find(self, reading: Reading):
        cue = self.cue
        if cue.ends_with and not reading.ending.endswith(cue.ends_with):
            return None  # the shared look at how the text ends: most cues end it not
        text = reading.near_left if self.window == 90 else reading.left if self.window is None \
            else reading.left[-self.window:]
        return cue.search_ending(text, reading.ending) if cue.ends_with else cue.search(text)

    @property
    def asks(self) -> object:
        return "before", self.cue, self.window


class Test(Condition):
    """A named test of the reading, for what no single cue says; `holds_with`: conditions one
    of which must hold for it to hold (it then needs one of the endings they need)."""

    __slots__ = ("function",)

    def __init__(self, text: str, function, *holds_with: Condition) -> None:
        self.text, self.function, self.shared = text, function, False
        endings = [condition.ending for condition in holds_with]
        self.ending = tuple(dict.fromkeys(word for ending in endings for word in ending)) \
            if endings and all(endings) else ()

    def find(self, reading: Reading):
        return self.function(reading)


class Not(Condition):
    __slots__ = ("condition",)

    def __init__(self, condition: Condition) -> None:
        self.condition, self.shared, self.ending = condition, False, ()
        self.text = f"not ({condition.text})"

    def find(self, reading: Reading):
        return not reading.found(self.condition)

    @property
    def asks(self) -> object:
        return "not", self.condition.asks


# --- named tests ----------------------------------------------------------------------------------

_LAST_CONJUNCT = regex.compile(r"\band\b|,")
GAIN_VERB_BEFORE = Before("LEFT_GAIN_VERB", 90)
REDUCE_VERB_BEFORE = Before("LEFT_REDUCE_VERB", 90)


def _improved(reading: Reading) -> str:
    """What "improves X by" says of the number after it: "speedup" for speed and throughput,
    "reduction" for a resource's efficiency (energy, memory), "quality" otherwise; "" without
    such a verb. In "improves A by 2x and B by 3x" the number after B speaks of B."""
    verb = reading.found(GAIN_VERB_BEFORE)
    if verb is None:
        return ""
    text = reading.near_left
    what = _LAST_CONJUNCT.split(text[verb.start("object"):verb.end("object")])[-1]
    if cues.RESOURCE_OBJECT.search(what) and cues.EFFICIENCY_WORD.search(what):
        return "reduction"
    if cues.SPEED_OBJECT.search(what) or cues.SPEED_VERB_WORD.search(text[verb.start():verb.end()]):
        return "speedup"
    return "quality"


IMPROVED = Test("a gain verb, its object and \"by\" before it (`LEFT_GAIN_VERB`)", _improved, GAIN_VERB_BEFORE)
IMPROVED_EFFICIENCY = Test("a gain verb before it acts on a resource's efficiency",
                           lambda r: r.found(IMPROVED) == "reduction", IMPROVED)
IMPROVED_SPEED = Test("a gain verb before it acts on a speed, or is a speed verb",
                      lambda r: r.found(IMPROVED) == "speedup", IMPROVED)
IMPROVED_QUALITY = Test("a gain verb before it acts on anything else", lambda r: r.found(IMPROVED) == "quality",
                        IMPROVED)


def _reduced_quality(reading: Reading) -> bool:
    """ "reduces perplexity by 1.2": a reduction verb whose object is a quality, no resource."""
    verb = reading.found(REDUCE_VERB_BEFORE)
    if verb is None:
        return False
    what = verb["object"].strip() or reading.near_left[max(0, verb.start() - 40):verb.start()]
    return bool(cues.QUALITY_OBJECT.search(what)) and not cues.RESOURCE_OBJECT.search(what)


def _metric_ends_near(reading: Reading) -> bool:
    """A metric name ends right before the number ("win rate of")."""
    size = len(reading.left)
    return any(size - 12 <= end <= size for _, end, _ in reading.metrics)


SCORE_VERB_BEFORE = Before("SCORE_VERB", 40)
ON_AFTER = After("ON_AFTER")


def _score_context(reading: Reading) -> bool:
    """A percent is a score when a metric is named near it or a scoring verb stands before it."""
    return bool(reading.metrics) or bool(reading.found(SCORE_VERB_BEFORE)) or bool(reading.found(ON_AFTER))


def _metric_beside(reading: Reading) -> bool:
    """A metric is named right before the number, linked to it ("AUC = 0.955"), or right after
    it ("63.9 mAP")."""
    offset, after = len(reading.left), reading.first.outer_end
    for start, end, _ in reading.metrics:
        if end <= offset and offset - end < 30 and cues.METRIC_LINK.match(reading.left[end:]):
            return True
        if start >= after and start - after <= 2:
            return True
    return False


def _share_of_baseline(reading: Reading) -> bool:
    """ "only 27.7% of the data", "at 35% of the training FLOPs": a share of a baseline's resource."""
    return bool(reading.found(ONLY_BEFORE)) or (
        bool(reading.found(AT_BEFORE)) and bool(reading.found(FRACTION_OF_AFTER)))


ONLY_BEFORE = Before("LEFT_ONLY")
AT_BEFORE = Before("LEFT_AT", 6)
FRACTION_OF_AFTER = After("RIGHT_FRACTION_OF")
class NumberTest(Test):
    """A test of the number alone (an attribute of the group's first number): the row index
    (`_rows_by_number`) answers it once for every kind of number, so no reading asks it."""

    __slots__ = ("attribute",)

    def __init__(self, text: str, attribute: str) -> None:
        super().__init__(text, attrgetter("first." + attribute))
        self.attribute = attribute


NUMBER_WORD = NumberTest("the number is a word (\"twice\", \"half of\")", "is_word")
SIGNED = NumberTest("the number is signed (\"+2.1%\")", "signed")
DECIMAL = NumberTest("the number has a decimal point", "decimal")
SHARE_OF_BASELINE = Test("\"only\" before it (`LEFT_ONLY`), or \"at\" before it and \"of\" a resource after it",
                         _share_of_baseline, ONLY_BEFORE, AT_BEFORE)
SCORE_CONTEXT = Test("a metric is named in the sentence, a scoring verb stands before it (`SCORE_VERB`) "
                     "or \"on\" follows it", _score_context)
METRIC_BESIDE = Test("a metric is named right before it, linked (\"AUC = 0.955\"), or right after it",
                     _metric_beside)
METRIC_ENDS_NEAR = Test("a metric name ends right before it (\"win rate of\")", _metric_ends_near)
REDUCED_QUALITY = Test("a reduction verb before it acts on a quality, not a resource (`LEFT_REDUCE_VERB`)",
                       _reduced_quality, REDUCE_VERB_BEFORE)
LIMIT_IN_BRACKETS = Test("it is a limit in brackets (\"(under 50 ms)\")",
                         lambda r: r.first.qualifier == "under" and r.left.rstrip().endswith("("))


# --- the table ------------------------------------------------------------------------------------

class Rule:
    """One row of the table (see the module's docstring). `word_id`: the id when the number is
    a word ("twice", "in two days of training"); `examples`: sentences the row reads, each with
    the value of the number it decides."""

    __slots__ = ("id", "units", "when", "sign", "qualifier", "word_id", "pair", "examples", "kind")

    def __init__(self, id: str, units: frozenset[str], *when: Condition, sign: int = 1, qualifier: str = "",
                 word_id: str = "", pair: bool = False, examples: tuple[tuple[str, float], ...] = ()) -> None:
        self.id, self.units, self.when, self.sign, self.qualifier = id, units, when, sign, qualifier
        self.word_id, self.pair, self.examples = word_id or id, pair, examples
        self.kind = "" if id.startswith(NO_CLAIM) else id.split(".")[0]


_PERCENT = frozenset({"%"})

TABLE: tuple[Rule, ...] = (
    # from-to pairs: "from 78% to 86%" is two amounts, the first one "before"
    Rule("score.before_after", QUALITY_UNITS, pair=True,
         examples=(("FooNet improves accuracy on GSM8K from 61.2% to 70.4%.", 61.2),)),
    Rule("memory.before_after", MEMORY_UNITS, pair=True,
         examples=(("FooNet cuts peak memory from 24 GB to 9 GB.", 24),)),
    Rule("throughput.before_after", RATE_UNITS, pair=True,
         examples=(("FooNet raises decoding speed from 120 tokens/s to 310 tokens/s.", 310),)),
    Rule("latency.before_after", TIME_UNITS, pair=True,
         examples=(("FooNet reduces latency from 120 ms to 45 ms.", 120),)),
    Rule("no_claim.pair", ALL_UNITS, pair=True, examples=(("Its speedup grows from 2x to 3x.", 2),)),
    # absolute amounts, from the unit
    Rule("memory.amount", MEMORY_UNITS, Not(Before("MEMORY_BACKGROUND_BEFORE", 24)),
         Not(After("MEMORY_BACKGROUND_AFTER")), examples=(("FooNet needs only 390GB of memory.", 390),)),
    Rule("no_claim.memory_background", MEMORY_UNITS, examples=(("It runs on GPUs peaking at 80GB.", 80),)),
    Rule("throughput.rate", RATE_UNITS, examples=(("FooNet runs at 108 FPS on a T4 GPU.", 108),)),
    Rule("latency.time", TIME_UNITS, Not(LIMIT_IN_BRACKETS), Not(After("DATA_AMOUNT_AFTER")),
         Not(Before("TIME_SPAN_BEFORE", 12)), word_id="latency.word",
         examples=(("FooNet answers a query in 35 ms.", 35),
                   ("FooNet reaches 90% accuracy in two days of training.", 2))),
    Rule("no_claim.time_span", TIME_UNITS, examples=(("The model is trained on 500 hours of speech.", 500),)),
    Rule("no_claim.power", POWER_UNITS, examples=(("The accelerator draws 300 W.", 300),)),
    # factors: "2.5x", "twice"
    Rule("no_claim.larger", FACTOR_UNITS, After("LARGER_AFTER"),
         examples=(("FooNet is 2x larger than BarNet.", 2),)),
    Rule("no_claim.response_length", FACTOR_UNITS | _PERCENT, After("RESPONSE_LENGTH_AFTER"),
         examples=(("FooNet yields up to 1.6x fewer generation length than SoTA.", 1.6),)),
    Rule("no_claim.response_length", FACTOR_UNITS | _PERCENT, Before("RESPONSE_LENGTH_BEFORE", 60),
         examples=(("The average response length decreases by up to 71% on simpler datasets.", 71),)),
    Rule("no_claim.setting", FACTOR_UNITS, After(Cue(cues.opens("compression ratios?"))),
         examples=(("FooNet is pruned at a 20x compression ratio.", 20),)),
    Rule("speedup.factor", FACTOR_UNITS, After("RIGHT_SPEEDUP"), word_id="speedup.word",
         examples=(("FooNet is 2.5x faster than the baseline.", 2.5),
                   ("FooNet runs twice as fast as vLLM.", 2))),
    Rule("speedup.factor", FACTOR_UNITS, Before("LEFT_SPEEDUP_OF", 40), word_id="speedup.word",
         examples=(("FooNet provides speedups of over 13x on consumer-grade GPUs.", 13),)),
    Rule("reduction.factor", FACTOR_UNITS, After("RIGHT_REDUCTION"), word_id="reduction.word",
         examples=(("FooNet uses 3x fewer FLOPs than the baseline.", 3),)),
    Rule("reduction.factor", FACTOR_UNITS, IMPROVED_EFFICIENCY, word_id="reduction.word",
         examples=(("FooNet improves the energy efficiency by 1.36x.", 1.36),)),
    Rule("speedup.factor", FACTOR_UNITS, IMPROVED_SPEED, word_id="speedup.word",
         examples=(("FooNet improves decoding throughput by 2.1x.", 2.1),)),
    Rule("delta.factor", FACTOR_UNITS, IMPROVED_QUALITY, word_id="delta.word",
         examples=(("FooNet improves accuracy by 2x over the baseline.", 2),)),
    Rule("speedup.factor", FACTOR_UNITS, Before("SPEED_WORDS", 60), word_id="speedup.word",
         examples=(("The speedup of FooNet reaches 3.2x.", 3.2),)),
    Rule("reduction.factor", FACTOR_UNITS, Before("REDUCE_WORD", 60), word_id="reduction.word",
         examples=(("The memory savings of FooNet reach 4x.", 4),)),
    Rule("reduction.factor", FACTOR_UNITS, Before("LEFT_HAS"), word_id="reduction.word",
         examples=(("BarNet has 1.5x the compute of FooNet.", 1.5),)),
    Rule("reduction.factor", FACTOR_UNITS, After("RESOURCE_SHARE_AFTER"), word_id="reduction.word",
         examples=(("BarNet needs 2x the computation of FooNet.", 2),)),
    # percents, points and bare numbers
    Rule("no_claim.setting", QUALITY_UNITS, Before("BEFORE_SETTING", 40), Not(METRIC_ENDS_NEAR),
         examples=(("FooNet uses a compression ratio of 92.2%.", 92.2),)),
    # "mean Average Precision at 50% IoU": the overlap threshold of a detection metric
    Rule("no_claim.setting", _PERCENT, Before("LEFT_AT"), After(Cue(cues.opens("IoU", then=r"\b"))),
         examples=(("FooNet reaches 99.5% mean Average Precision at 50% IoU.", 50),)),
    Rule("no_claim.setting", QUALITY_UNITS, Before("SETTING_GLOSS", 40),
         examples=(("We test the 8/128 configuration (50% expert reduction).", 50),)),
    Rule("reduction.word", _PERCENT, NUMBER_WORD, Before("SHARE_WORD_BEFORE", 90), qualifier="fraction_of_baseline",
         examples=(("FooNet uses half of the FLOPs of the baseline.", 50),)),
    Rule("no_claim.number_word", QUALITY_UNITS, NUMBER_WORD, examples=(("Half of the annotators agree.", 50),)),
    Rule("speedup.fraction_of_baseline", _PERCENT, SHARE_OF_BASELINE, After("SPEED_OBJECT", trimmed=True),
         qualifier="fraction_of_baseline", examples=(("FooNet runs at only 60% speed of the baseline.", 60),)),
    Rule("speedup.percent", QUALITY_UNITS, After("RIGHT_SPEEDUP"),
         examples=(("FooNet achieves 35% higher throughput than vLLM.", 35),)),
    Rule("reduction.fraction_of_baseline", _PERCENT, SHARE_OF_BASELINE, After("RIGHT_REDUCTION"),
         qualifier="fraction_of_baseline", examples=(("FooNet needs only 55.6% TFLOPs.", 55.6),)),
    Rule("reduction.fraction_of_baseline", _PERCENT, SHARE_OF_BASELINE, FRACTION_OF_AFTER,
         qualifier="fraction_of_baseline", examples=(("FooNet trains on only 27.7% of the data.", 27.7),)),
    Rule("reduction.fraction_of_baseline", _PERCENT, Before("LEFT_USING_ONLY"), qualifier="fraction_of_baseline",
         examples=(("FooNet uses only 6.2% of the Gaussians.", 6.2),)),
    Rule("reduction.percent", _PERCENT, After("RESOURCE_LOSS_AFTER"),
         examples=(("FooNet needs 30% lower memory than LoRA.", 30),
                   ("FooNet brings an 82% decrease in computational cost.", 82))),
    Rule("delta.loss", frozenset({""}), METRIC_BESIDE, After("METRIC_FALL_AFTER"), sign=-1,
         examples=(("FooNet achieves a 0.159 BPB reduction versus GPT-2.", 0.159),)),
    Rule("delta.loss", QUALITY_UNITS, After("RIGHT_LOSS"), sign=-1,
         examples=(("FooNet has a 0.4% lower accuracy than the dense model.", 0.4),)),
    Rule("reduction.percent", _PERCENT, After("RIGHT_REDUCTION"),
         examples=(("FooNet uses 50% less memory than LoRA.", 50),)),
    Rule("delta.gain", QUALITY_UNITS, After("RIGHT_GAIN"),
         examples=(("FooNet brings a 3.1% improvement on MMLU.", 3.1),)),
    Rule("delta.gain", _PERCENT, After("IMPROVED_AFTER"),
         examples=(("FooNet maintains up to 26.7% improved accuracy over the alternatives.", 26.7),)),
    Rule("delta.gain", frozenset({"pp"}), examples=(("FooNet adds 0.7 percentage points on MMLU.", 0.7),)),
    Rule("delta.gain", QUALITY_UNITS, SIGNED, examples=(("FooNet improves accuracy on MMLU (+2.1%).", 2.1),)),
    Rule("delta.gain_verb", QUALITY_UNITS, Before("LEFT_GAIN_MOVE", 90),
         examples=(("FooNet gains 1.5 points on MMLU.", 1.5),)),
    Rule("delta.gain_verb", QUALITY_UNITS, Before("LEFT_LOSS_MOVE", 90), sign=-1,
         examples=(("FooNet loses 0.3 points on MMLU.", 0.3),)),
    Rule("delta.change_of", QUALITY_UNITS, Before("LEFT_GAIN_OF", 90),
         examples=(("FooNet achieves a gain of 1.5 points on MMLU.", 1.5),)),
    Rule("delta.change_of", QUALITY_UNITS, Before("LEFT_DROP_OF", 90), sign=-1,
         examples=(("Accuracy shows a drop of 1.2% on ImageNet.", 1.2),)),
    Rule("delta.reduced_quality", QUALITY_UNITS, REDUCED_QUALITY, sign=-1,
         examples=(("Compared to Llama-2-7B, FooNet reduces perplexity by 1.2.", 1.2),)),
    Rule("reduction.by", QUALITY_UNITS, REDUCE_VERB_BEFORE, examples=(("FooNet reduces memory usage by 40%.", 40),)),
    Rule("reduction.by", QUALITY_UNITS, IMPROVED_EFFICIENCY,
         examples=(("FooNet improves the energy efficiency by 35%.", 35),)),
    Rule("speedup.by", QUALITY_UNITS, IMPROVED_SPEED, examples=(("FooNet improves throughput by 35%.", 35),)),
    Rule("delta.by", QUALITY_UNITS, IMPROVED_QUALITY,
         examples=(("FooNet improves accuracy by 3.2% over the baseline.", 3.2),)),
    Rule("reduction.percent", _PERCENT, Before("LEFT_REDUCE_DIRECT", 90), After("RESOURCE_OBJECT", trimmed=True),
         examples=(("Pruning removes 50% parameters of the model.", 50),)),
    Rule("reduction.percent", _PERCENT, Before("LEFT_REDUCE_DIRECT", 90), FRACTION_OF_AFTER,
         examples=(("Our method prunes 50% of the weights.", 50),)),
    Rule("score.percent", _PERCENT, SCORE_CONTEXT, After("OF_A_BASELINE_AFTER"), Before("FRACTION_OF_BASELINE", 40),
         qualifier="fraction_of_baseline", examples=(("Our method retains 98% of the original accuracy.", 98),)),
    Rule("score.percent", _PERCENT, SCORE_CONTEXT, examples=(("FooNet reaches 73.5% accuracy on MathVista.", 73.5),)),
    Rule("score.value", frozenset({"cm"}), SCORE_CONTEXT, examples=(("FooNet reaches an error of 3.2 cm.", 3.2),)),
    Rule("score.metric_value", frozenset({""}), Before("LEFT_SCORE_WORD"),
         examples=(("FooNet reaches a score of 45.6 on LongBench.", 45.6),)),
    Rule("score.metric_value", frozenset({""}), DECIMAL, Not(SIGNED), Before("SCORING_WORD", 40),
         examples=(("On LongBench, FooNet scores 45.6, compared to 41.2 for BarNet.", 45.6),)),
    Rule("score.metric_value", frozenset({""}), METRIC_BESIDE,
         examples=(("FooNet achieves 45.2 BLEU on WMT14 En-De.", 45.2),)),
    Rule("score.metric_value", frozenset({""}), DECIMAL, Not(SIGNED), After("SCORE_WORD_AFTER"),
         examples=(("BarNet's 80.9 average score trails FooNet.", 80.9),)),
    Rule("score.metric_value", frozenset({""}), DECIMAL, Before("LABEL_BEFORE", 30),
         examples=(("Its error is lower (WeTok: 0.12 vs. FLUX-VAE: 0.18).", 0.12),)),
    Rule("score.metric_value", frozenset({""}), Before("LEFT_SCORE_FROM"),
         examples=(("The score of BarNet improves from 45.1 on LongBench.", 45.1),)),
    Rule("score.metric_value", frozenset({""}), DECIMAL, ON_AFTER, Before("SCORE_MENTIONED"),
         examples=(("Its score rose to 45.6 on LongBench.", 45.6),)),
)

# A claim the table found that is then dropped: a bare whole number as a delta ("a drop of 2")
# is too often a count, unless a gain verb governs it ("outperforms X by 3").
BARE_DELTA = Rule("no_claim.bare_delta", frozenset({""}), Not(DECIMAL), Not(SIGNED), Not(GAIN_VERB_BEFORE),
                  examples=(("The method shows a drop of 2 on the benchmark.", 2),))

# Rules that carry the kind of one number to the next (kinds.inherit_kind, compare_with_earlier).
CARRIED_RULES: dict[str, tuple[str, tuple[str, float]]] = {
    "delta.continued": ("a number after a delta, only a short verb-free stretch between",
                        ("FooNet brings an 8.6% improvement on math and 8.4% on coding.", 8.4)),
    "speedup.continued": ("a number after a speed-up, only a short verb-free stretch between",
                          ("FooNet is 35% faster on A100 and 20% on H100.", 20)),
    "reduction.continued": ("a number after a reduction, only a short verb-free stretch between",
                            ("FooNet reduces memory by 40% on math and 35% on coding.", 35)),
    "throughput.compared": ("a bare number set against an amount just stated (\"higher than X's 2,324\")",
                            ("FooNet reaches 3,100 tokens/s. It is higher than BarNet's 2,324 in the same setup.",
                             2324)),
    "latency.compared": ("a bare number set against a time just stated",
                         ("FooNet answers in 35 ms. It is lower than BarNet's 48 in the same setup.", 48)),
    "memory.compared": ("a bare number set against a memory amount just stated",
                        ("FooNet needs 9 GB. It is lower than BarNet's 24 in the same setup.", 24)),
}


def carried(kind: str, how: str) -> str:
    """The id of the rule that carries `kind` to a next number (`how`: "continued", "compared")."""
    rule_id = f"{kind}.{how}"
    assert rule_id in CARRIED_RULES, f"{rule_id} is no registered rule"
    return rule_id


LIST_SUFFIX = ".list"
CLAIM_RULE_IDS = frozenset({rule.id for rule in TABLE if rule.kind} | {rule.word_id for rule in TABLE if rule.kind}
                           | set(CARRIED_RULES))
# Every id the `rule` column may hold: a rule's, or a rule's for a list of numbers.
RULE_IDS = CLAIM_RULE_IDS | {rule_id + LIST_SUFFIX for rule_id in CLAIM_RULE_IDS}
assert all(rule.kind in KINDS for rule in TABLE if rule.kind), "a rule of a kind the spec does not know"
assert all(rule.units <= ALL_UNITS for rule in TABLE)


def _rows_by_unit() -> dict[tuple[str, bool], tuple[tuple[Rule, tuple[str, ...]], ...]]:
    """The rows a number's unit (and being a from-to pair or not) lets it meet, in table order,
    each with the words one of which the text before the number must end with for all its
    conditions to hold (those its first condition that needs any needs; () for none): one look
    at the reading's ending passes over a row that would have asked a chain of conditions."""
    return {(unit, pair): tuple((rule, next((c.ending for c in rule.when if c.ending), ()))
                                for rule in TABLE if unit in rule.units and rule.pair == pair)
            for unit in ALL_UNITS for pair in (False, True)}


# What the index knows of a number beside its unit: the attributes its NumberTests read.
NUMBER_FACTS = ("is_word", "signed", "decimal")


def _answered(conditions: tuple[Condition, ...], facts: dict[str, bool]) -> tuple[Condition, ...] | None:
    """`conditions` less those the number's facts answer (a NumberTest, or one negated): None
    when one of them fails, so that no reading asks the rest."""
    left: list[Condition] = []
    for condition in conditions:
        test, negated = (condition.condition, True) if isinstance(condition, Not) else (condition, False)
        if not isinstance(test, NumberTest):
            left.append(condition)
        elif facts[test.attribute] == negated:
            return None
    return tuple(left)


class IndexedRow(NamedTuple):
    """A row of the table as a number with known unit and facts meets it: the rule, its id for
    this number, the ending it needs, the conditions left to ask, and the conditions of
    BARE_DELTA left to ask when it takes a delta (None when that cannot drop it)."""
    rule: Rule
    id: str
    needs: tuple[str, ...]
    when: tuple[Condition, ...]
    drops: tuple[Condition, ...] | None


def _rows_for(unit: str, pair: bool, facts: dict[str, bool]) -> tuple[IndexedRow, ...]:
    """The rows a number with this unit and these facts meets, in table order. Rows after one
    that always holds are never reached."""
    rows = []
    for rule, needs in _rows_by_unit_and_pair[(unit, pair)]:
        when = _answered(rule.when, facts)
        if when is None:
            continue
        drops = _answered(BARE_DELTA.when, facts) if rule.kind == "delta" and unit in BARE_DELTA.units else None
        rows.append(IndexedRow(rule, rule.word_id if facts["is_word"] else rule.id, needs, when, drops))
        if not needs and not when:
            break
    return tuple(rows)


def _rows_by_number() -> dict[tuple, tuple[IndexedRow, ...]]:
    """_rows_for each unit, pair or not, and facts, keyed by (unit, pair, *facts)."""
    return {(unit, pair, *facts): _rows_for(unit, pair, dict(zip(NUMBER_FACTS, facts)))
            for unit, pair in _rows_by_unit_and_pair for facts in product((False, True), repeat=len(NUMBER_FACTS))}


def _mark_shared() -> None:
    """The conditions more than one row asks, or a named test reads too: what the reading found
    is kept for the next. Rows that ask the same (the same cue on the same side, the same
    window) are given one condition, so that a reading looks once."""
    one_of: dict = {}
    for rule in (*TABLE, BARE_DELTA):
        rule.when = tuple(one_of.setdefault(condition.asks, condition) for condition in rule.when)
    asked = [condition for rule in TABLE for condition in rule.when]
    for condition in asked:
        condition.shared = condition.shared or asked.count(condition) > 1
    for condition in (GAIN_VERB_BEFORE, REDUCE_VERB_BEFORE, IMPROVED, ONLY_BEFORE, AT_BEFORE, FRACTION_OF_AFTER,
                      SCORE_VERB_BEFORE, ON_AFTER, *BARE_DELTA.when):
        condition.shared = True


_mark_shared()
_rows_by_unit_and_pair = _rows_by_unit()
_ROWS = _rows_by_number()


def decide(sentence: str, group, metrics) -> None:
    """Set the group's kind, sign, rule and (where the row says) qualifier: from the first row
    of the table whose conditions hold. A group no row takes keeps its empty kind."""
    first = group.members[0]
    rows = _ROWS.get((group.members[-1].unit, group.before_after, first.is_word, first.signed, first.decimal))
    if not rows:
        return
    if not rows[0].needs and not rows[0].when:  # the first row holds whatever stands around the number
        _take(sentence, group, metrics, rows[0], None)
        return
    reading = Reading(sentence, group, metrics)
    ending = reading.ending
    for row in rows:
        needs = row.needs
        if needs and not ending.endswith(needs):
            continue
        for condition in row.when:
            if not (reading.found(condition) if condition.shared else condition.find(reading)):
                break
        else:
            _take(sentence, group, metrics, row, reading)
            return


def _take(sentence: str, group, metrics, row: IndexedRow, reading: Reading | None) -> None:
    """Give the group what the row says (nothing for a no_claim row)."""
    rule, rule_id, drops = row.rule, row.id, row.drops
    if not rule.kind:
        return
    group.kind, group.sign, group.rule = rule.kind, rule.sign, rule_id
    if rule.qualifier:
        group.qualifier = rule.qualifier
    if drops is not None:
        reading = reading or Reading(sentence, group, metrics)
        if all(reading.found(condition) for condition in drops):
            group.kind = ""  # the rule's id stays: such a number takes no kind from the one before


def decide_in_table_order(sentence: str, group, metrics) -> None:
    """What `decide` does, read as the table is written: every row in order, each condition
    asked of the reading. The reference the row index is held to (tests/test_rules.py)."""
    reading = Reading(sentence, group, metrics)
    for rule in TABLE:
        if reading.unit in rule.units and rule.pair == group.before_after and \
                all(reading.found(condition) for condition in rule.when):
            if rule.kind:
                group.kind, group.sign = rule.kind, rule.sign
                group.rule = rule.word_id if reading.first.is_word else rule.id
                group.qualifier = rule.qualifier or group.qualifier
                if rule.kind == "delta" and reading.unit in BARE_DELTA.units and \
                        all(reading.found(condition) for condition in BARE_DELTA.when):
                    group.kind = ""
            return


# --- docs/rules.md -------------------------------------------------------------------------------

def _units_text(units: frozenset[str]) -> str:
    if units == ALL_UNITS:
        return "any unit"
    return ", ".join(f"`{unit}`" if unit else "none" for unit in sorted(units))


def _row_markdown(number: int, rule: Rule) -> list[str]:
    ids = f"`{rule.id}`" + (f" (a number word: `{rule.word_id}`)" if rule.word_id != rule.id else "")
    claim = "no claim" if not rule.kind else f"{rule.kind}" + (", sign -1" if rule.sign < 0 else "") + \
        (f", qualifier `{rule.qualifier}`" if rule.qualifier else "")
    lines = [f"### {number}. {ids}", "",
             f"- numbers: {_units_text(rule.units)}{', a from-to pair' if rule.pair else ''}",
             f"- when: {'; '.join(c.text for c in rule.when) or 'always'}",
             f"- claim: {claim}"]
    lines += [f"- example: \"{text}\" ({value:g})" for text, value in rule.examples]
    return lines + [""]


def markdown() -> str:
    """docs/rules.md: every rule of the table in order, the rules that carry a kind, the ids."""
    lines = ["# Rules", "",
             "<!-- Written by scripts/write_rules_doc.py from extract/engine/rules.py; "
             "tests/test_rules.py checks that it is current. -->", "",
             "How the extractor decides what kind of claim a number makes. The rows below are tried in",
             "order; the first whose conditions all hold decides, and its id is what the claims table's",
             "`rule` column reads (with `.list` added for a list of numbers, \"53.1% / 54.3%\"). A",
             "`no_claim` row, or no row at all, means the number makes no claim. Conditions name the cues",
             "of extract/engine/cues.py looked for around the number; each example is a sentence the row",
             "decides, with the number it decides (tests/test_rules.py runs them all).", "",
             "## The table", ""]
    for number, rule in enumerate(TABLE, 1):
        lines += _row_markdown(number, rule)
    lines += ["## A delta that is dropped", "",
              "After the table: a `delta` row's claim is dropped when all of these hold.", ""]
    lines += _row_markdown(len(TABLE) + 1, BARE_DELTA)
    lines += ["## Rules that carry a kind to the next number", ""]
    for rule_id, (text, (example, value)) in CARRIED_RULES.items():
        lines += [f"- `{rule_id}`: {text}. Example: \"{example}\" ({value:g})"]
    lines += ["", "## Every rule id", "", ", ".join(f"`{rule_id}`" for rule_id in sorted(CLAIM_RULE_IDS)), ""]
    return "\n".join(lines)
