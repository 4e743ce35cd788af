"""The cues that mark a name as a benchmark, a metric or hardware next to a number, as data.

`find_unknown_names(paper)` reads one abstract for the names its text marks next to a number
that no vocabulary of ``extract/data/`` knows; `unknown_names.py` counts them over a corpus for
`claimboard names`. How the text marks a name is declared once, in `SHAPES`: each shape is a
cue around a name ("on the X dataset", "X of 71.2", "on 8 X GPUs"), the side of a number it
stands on, which numbers count (`NUMBERS`) and the kind it suggests. A name is reported when

- a shape marks it next to a number of its class,
- none of the three vocabularies knows it (`Vocabulary.canonical`) nor finds a name that
  overlaps it in the sentence ("NVIDIA H800" holds the known H800),
- it is none of the words that name nothing (`NOT_A_NAME`, `NOT_A_NAME_ALONE`,
  `NOT_A_NAME_END`, `NOT_A_NAME_FORM`, `NOT_OF_KIND`), no vendor or suffix word of the
  vocabularies, no unit, and not the paper's own system (`names.system_name`).

A place in a sentence is reported once: where the names of several shapes overlap, the shape
listed first in `SHAPES` wins. The shapes propose; a person decides what goes into the files (a
model or a task named where a benchmark could stand is still no benchmark).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from ..engine import vocab
from ..engine.kinds import is_setting
from ..engine.mentions import Mention, find_mentions, may_hold_number
from ..engine.names import NOT_SYSTEM, system_name
from ..engine.units import canonical_unit
from ..output.schema import Paper
from ..reading.sentences import split_sentences
from ..reading.text import normalise

__all__ = ["BEFORE_CHARS", "CARRY_SENTENCES", "KINDS", "NEAR_CHARS", "NOT_A_NAME",
           "NOT_A_NAME_ALONE", "NOT_A_NAME_END", "NOT_A_NAME_FORM", "NOT_OF_KIND", "NUMBERS",
           "SHAPES", "WHERE", "FoundName", "Shape", "find_unknown_names"]

#: The kinds of name told apart, in the order of the vocabularies.
KINDS = ("benchmark", "metric", "hardware")

#: How far (in characters) a name a ``near`` shape marks may stand from the number.
NEAR_CHARS = 80
#: How much text before a number a ``before`` shape reads ("Cohen's kappa of ").
BEFORE_CHARS = 60
#: How many sentences on a benchmark named alone carries to the numbers that follow it ("We
#: evaluate on the X benchmark. Our model reaches 71.2% ..."), as the extractor carries the
#: benchmarks it knows.
CARRY_SENTENCES = 3


@dataclass(frozen=True)
class Shape:
    """One way a text marks a name of a kind next to a number.

    `where` is the name's place relative to the number (`WHERE`): ``before`` it (the pattern
    must end where the number starts, "X of 71.2"), ``after`` it (the pattern must start where
    the number and its unit end, "71.2 X"), ``near`` it (anywhere within `NEAR_CHARS`, "X
    GPU") or ``carried`` to it (in its sentence or up to `CARRY_SENTENCES` before, as a
    benchmark named alone is carried to the numbers after it). `pattern` captures the name as
    group ``name``, several times for a list; ``{names}``, ``{list}``, ``{acronym}``,
    ``{phrase}``, ``{device}`` and ``{clause}`` stand for the parts of `_PARTS`. `numbers` is
    the class of number it stands next to (`NUMBERS`). A shape read away from its number is
    tried only in a sentence that holds one of its `gate` words (case ignored).
    """

    kind: str
    cue: str
    where: str
    pattern: str
    numbers: str = "results"
    gate: tuple[str, ...] = ()


#: One written name: letters, digits and ``. + / ' -`` inside, with a letter, and a capital or a
#: digit ("USPTO-50K", "mIoU", "Ascend"), so that ordinary lower-case words are left out.
_NAME = r"(?=[\w.+/'-]*[^\W\d_])(?=[\w.+/'-]*[A-Z0-9])[^\W_][\w.+/'-]*[\w+]"
#: Up to three written names in a row, a model number among them: "Long Range Arena", "NTU
#: RGB+D", "RTX 4070 Mobile", "Argoverse 2".
_NAMES = rf"{_NAME}(?:[ ](?:{_NAME}|\d+[^\W\d_]*(?![.,]?\d))){{0,2}}"
_PARTS = {
    "names": _NAMES,
    # a list of names, each captured: "A", "A and B", "A, B, and C", "A, B, and a private
    # dataset"; names after commas only where an "and" closes the list ("on CRUX, RAD achieves")
    "list": rf"(?P<name>{_NAMES})(?:(?:,[ ]+(?P<name>{_NAMES}))*,?[ ]+(?:and|&)"
            rf"(?:[ ]+(?P<name>{_NAMES})(?![\w-]))?)?",
    # an acronym-like name: a letter first, then a capital or a digit ("PSNR", "mIoU", "IDF1"),
    # not a title-case word ("Claude 3.7 Sonnet", "Gemini 2.5 Pro")
    "acronym": r"[^\W\d_](?=[\w.+/'-]*?[A-Z0-9])[\w.+/'-]*[\w+]",
    # up to three words of any case, for metrics written in words: "success rate", "Cohen's kappa"
    "phrase": r"[^\W\d_][\w.+/'@²-]*(?:[ ][^\W\d_][\w.+/'@²-]*){0,2}",
    "device": r"(?i:GPU|NPU|TPU|accelerator|chip)s?(?![\w-])",
    # where a clause starts: the sentence's start, or after a semicolon or colon ("; and on X,")
    "clause": r"(?:^|[;:][ ]+(?:and[ ]+)?)",
}

#: Every shape, the most telling cue first: where the names of two shapes overlap ("8 Kunlun
#: P800 chips" is also "8 Kunlun"), the shape listed first wins. Cue words are matched in any
#: case, ``(?i:...)``; names keep theirs.
SHAPES: tuple[Shape, ...] = (
    # hardware-like: a device word is the surest cue
    Shape("hardware", "8 X GPUs", "after", r"[ ]?(?:[x×][ ]?)?(?P<name>{names})[ ]{device}",
          numbers="any"),
    Shape("hardware", "X GPU", "near", r"(?<![\w-])(?P<name>{names})[ ]{device}",
          numbers="any", gate=("gpu", "npu", "tpu", "accelerator", "chip")),
    # benchmark-like
    Shape("benchmark", "X benchmark", "carried",
          r"(?<![\w-]){list}[ ](?i:benchmarks?|datasets?|data[ ]sets?|test[ ]sets?|suites?|"
          r"leaderboards?)(?![\w-])",
          gate=("benchmark", "dataset", "data set", "test set", "suite", "leaderboard")),
    Shape("benchmark", "(X) after a score", "after", r"[ ]?\((?i:on[ ]+)?(?P<name>{names})\)",
          numbers="scores"),
    Shape("benchmark", "evaluated on X", "carried",
          r"(?<![\w-])(?i:evaluat\w*|tested|experiments?|results?|validated|benchmarked)"
          r"(?:[ ]+[\w-]+){0,3}?[ ]+(?i:on)[ ]+(?i:the[ ]+)?{list}(?![\w-])",
          gate=("evaluat", "tested", "experiment", "result", "validated", "benchmarked")),
    Shape("benchmark", "On X, ...", "carried",
          r"{clause}(?i:on)[ ]+(?i:the[ ]+)?(?P<name>{names}),", gate=("on ",)),
    # metric-like
    Shape("metric", "X@k", "near",
          r"(?<![\w-])(?P<name>[^\W\d_][\w-]*@(?:\d+(?:\.\d+)?|k))(?!\w|\.\d)", gate=("@",)),
    Shape("metric", "X of 71.2", "before", r"(?<![\w-])(?P<name>{phrase})[ ]+of[ ]+$",
          numbers="scores"),
    Shape("metric", "X = 0.8", "before", r"(?<![\w-])(?P<name>{phrase})[ ]*(?:=|:)[ ]*$",
          numbers="scores"),
    # the loosest cues last: a name after a number
    Shape("benchmark", "on X after a score", "after",
          r"(?:[ ]+[\w@%.-]+){0,3}?[ ]+(?i:on)[ ]+(?i:the[ ]+)?{list}(?![\w-])",
          numbers="scores"),
    Shape("metric", "71.2 X", "after", r"[ ](?P<name>{acronym})(?![\w-])", numbers="scores"),
)

#: Score units: a number written with one is a score even without decimals ("92%").
SCORE_UNITS = frozenset({"%", "pp", "points"})
#: A written name right before a number: the number is its model number ("RTX 4070"). Looked
#: for in the characters before the number only, as far as a name reaches.
_AFTER_A_NAME = regex.compile(rf"(?<![\w-]){_NAME}[ ]$")
_NAME_REACH = 40


def _is_result(sentence: str, mention: Mention) -> bool:
    """Not a size, a year or a setting (`kinds.is_setting`), nor the digits of a name ("3DPW")."""
    glued = sentence[mention.outer_end:mention.outer_end + 1]
    return not (glued.isalpha() or is_setting(sentence, mention))


#: The classes of number a shape may stand next to: any number but the model number of a name
#: written before it ("8" of "8 X GPUs" is a count; "4070" of "RTX 4070 GPU" is not), a result,
#: or a score (a result written with decimals, or as a percentage or points: "of 0.91", "92%";
#: "consists of 3" is no score).
NUMBERS: dict[str, Callable[[str, Mention], bool]] = {
    "any": lambda sentence, m: _AFTER_A_NAME.search(
        sentence, max(0, m.outer_start - _NAME_REACH), m.outer_start) is None,
    "results": _is_result,
    "scores": lambda sentence, m: (m.decimal or m.unit in SCORE_UNITS) and _is_result(sentence, m),
}

#: Words that are never a name, nor the first or last word of one: the words names.py knows
#: name no system ("We", "The", "LLM", "GPU"; its Roman numerals end names: "PKU-MMD II"),
#: function words and verbs that stand next to a
#: name in the shapes ("achieves a success rate of", "Our ABC benchmark"), words that open a
#: sentence ("Existing benchmarks"), modalities ("MRI dataset"), units the number reader does
#: not take ("3.09 dB") and symbols of statistics and settings ("CI: 0.8-0.9", "beta = 0.5").
NOT_A_NAME = (NOT_SYSTEM - {"II", "III", "IV"}) | frozenset("""
a an the of on in at by to for from with without and or but as than via per vs its it our their
this that these those which who whose where when while new novel proposed existing standard
popular public challenging widely used various several multiple both all each every other
achieves achieve achieved achieving reaches reach reached reaching obtains obtain obtained
obtaining attains attain attained attaining yields yield yielded yielding shows show showed showing
reports report reported delivers deliver delivered has have had having is are was were be been
being gets get got records set sets scored scoring maintains maintaining improves improving
improved outperforms outperforming surpasses surpassing exceeds exceeding reduces reducing lowers
lowering boosts boosting raises raising increases increasing only just up about around nearly
over under approximately roughly respectively also further even still more less most least best
higher lower better worse state-of-the-art out consists consisting composed comprising made vs.
On In At For From With By Across Using Compared Notably
Existing Recent Current Previous Prior Popular Standard Public Several Many Most Common Other
Both Two Three Four Five Six Multiple Various Large Small New Novel Real Synthetic Diverse
Challenging Mainstream Widely Extensive Comprehensive Experimental Key Main Benchmark Dataset
2D 3D 4D RGB RGB-D MRI CT PET EEG ECG fMRI X-ray LiDAR
dB CI alpha beta gamma delta epsilon lambda sigma tau
""".split())

#: Words that name nothing alone but may end a name ("success rate", "Dice score").
NOT_A_NAME_ALONE = frozenset("""
score scores rate rates ratio ratios value values level levels performance average mean total
number numbers amount size sizes time times cost margin improvement improvements gain gains
increase decrease reduction drop boost speedup speed-up factor percentage fraction accuracy
error loss result results test tests set sets data dataset datasets benchmark benchmarks
model models method methods baseline baselines task tasks point points order range budget
temperature threshold weight weights step steps epoch epochs length depth width version
""".split())

#: Words a name never ends with: a change, not a measure ("average improvement of 3.2%").
NOT_A_NAME_END = frozenset("""
improvement improvements gain gains reduction reductions increase increases decrease decreases
drop drops boost boosts margin margins speedup speedups
""".split())

#: Names that describe or count rather than name: a number that counts or sizes something
#: first ("8B", "1080p", "10-class"), a descriptive suffix last ("FPGA-based", "LLM-like").
NOT_A_NAME_FORM = regex.compile(r"\d+(?:\.\d+)?(?:[BMKTp]\b|-[a-z])|.*-(?:based|like|style|level|wise|aware|free|"
                                r"driven|specific|only|scale|sized|centric)$")

#: Names a kind never has, whatever the cue: a name with a parameter count is a model, not a
#: benchmark ("87.1% on Llama-3.1-70B-Instruct", "On LLaMA2-7B, ...").
NOT_OF_KIND: dict[str, regex.Pattern] = {
    "benchmark": regex.compile(r"(?<![^\W_])\d+(?:\.\d+)?[BM](?![^\W_])"),
}

#: A part's place in a shape's pattern: {names}, {list}, {acronym} ... (the keys of `_PARTS`).
_PART = regex.compile(r"\{(%s)\}" % "|".join(_PARTS))
_WORD = regex.compile(r"\S+")


@functools.cache
def _compiled() -> tuple[tuple[Shape, regex.Pattern], ...]:
    """Each shape with its pattern compiled (once, on first use)."""
    return tuple((shape, regex.compile(_PART.sub(lambda part: _PARTS[part[1]], shape.pattern)))
                 for shape in SHAPES)


@dataclass(frozen=True, slots=True)
class FoundName:
    """One name a shape marks in one sentence (normalised text, as the extractor reads it)."""

    kind: str
    name: str
    cue: str
    sentence: str


def find_unknown_names(paper: Paper) -> Iterator[FoundName]:
    """The names near numbers that no vocabulary knows in one paper's abstract, in order.

    >>> paper = Paper("p", "FooNet", "FooNet reaches 71.2 ZetaScore on the Lyft L5 dataset "
    ...               "and a zetaness of 0.91 on 8 Kunlun P800 chips.")
    >>> [(f.kind, f.name, f.cue) for f in find_unknown_names(paper)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('metric', 'ZetaScore', '71.2 X'), ('benchmark', 'Lyft L5', 'X benchmark'),
     ('metric', 'zetaness', 'X of 71.2'), ('hardware', 'Kunlun P800', '8 X GPUs')]
    """
    text = normalise(paper.abstract).text
    own = system_name(paper.title, text)
    sentences = [text[start:end] for start, end in split_sentences(text)]
    numbers = [_numbers(sentence) for sentence in sentences]
    for index, sentence in enumerate(sentences):
        ahead = numbers[index:index + 1 + CARRY_SENTENCES]
        carried = {which: any(found[which] for found in ahead) for which in NUMBERS}
        yield from _names_in_sentence(sentence, own, numbers[index], carried)


def _numbers(sentence: str) -> dict[str, list[Mention]]:
    """The numbers of a sentence in each class of `NUMBERS`."""
    if not may_hold_number(sentence, number_words=False):
        return dict.fromkeys(NUMBERS, [])
    mentions = find_mentions(sentence, number_words=False)
    return {which: [m for m in mentions if test(sentence, m)] for which, test in NUMBERS.items()}


def _names_in_sentence(sentence: str, own: str, numbers: dict[str, list[Mention]],
                       carried: dict[str, bool]) -> list[FoundName]:
    """The names the shapes mark in one sentence; `carried` says which classes of number stand
    in it or in the sentences a benchmark named in it carries to."""
    lowered = sentence.lower()
    marked = _MarkedNames(sentence, own)
    for shape, pattern in _compiled():
        near = numbers[shape.numbers]
        if _may_mark(shape, near, carried, lowered):
            for span in WHERE[shape.where](sentence, pattern, near):
                marked.add(shape, *_trimmed(sentence, *span))
    return marked.in_order()


def _may_mark(shape: Shape, near: list[Mention], carried: dict[str, bool], lowered: str) -> bool:
    """Whether a shape can mark a name in a sentence: its class of number stands there (or, for
    a carried shape, is carried there), and the sentence holds a word of its gate."""
    if not (carried[shape.numbers] if shape.where == "carried" else near):
        return False
    return not shape.gate or any(word in lowered for word in shape.gate)


@dataclass
class _MarkedNames:
    """The names marked in one sentence so far, by span; a span that overlaps one taken is
    not looked at."""

    sentence: str
    own: str  # the paper's own system name, never reported
    taken: dict[tuple[int, int], FoundName] = field(default_factory=dict)

    @functools.cached_property
    def known(self) -> list:
        # the vocabularies read a sentence once, when a shape first marks a name in it
        return [found for names in vocab.names_scan().find_all(self.sentence) for found in names]

    def add(self, shape: Shape, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in self.taken):
            return
        name = self.sentence[start:end]
        if _may_report(name, shape.kind, start, end, self.known, self.own):
            self.taken[start, end] = FoundName(shape.kind, name, shape.cue, self.sentence)

    def in_order(self) -> list[FoundName]:
        return [self.taken[span] for span in sorted(self.taken)]


def _before(sentence: str, pattern: regex.Pattern, numbers: list[Mention]) -> Iterator[tuple[int, int]]:
    for mention in numbers:
        start = max(0, mention.outer_start - BEFORE_CHARS)
        if (match := pattern.search(sentence, start, mention.outer_start)) is not None:
            yield from match.spans("name")


def _after(sentence: str, pattern: regex.Pattern, numbers: list[Mention]) -> Iterator[tuple[int, int]]:
    for mention in numbers:
        if (match := pattern.match(sentence, mention.outer_end)) is not None:
            yield from match.spans("name")


def _near(sentence: str, pattern: regex.Pattern, numbers: list[Mention]) -> Iterator[tuple[int, int]]:
    for match in pattern.finditer(sentence):
        for start, end in match.spans("name"):
            if any(start - NEAR_CHARS <= m.outer_end and m.outer_start <= end + NEAR_CHARS
                   for m in numbers):
                yield start, end


def _anywhere(sentence: str, pattern: regex.Pattern, numbers: list[Mention]) -> Iterator[tuple[int, int]]:
    # the numbers are in this sentence or the next ones: find_unknown_names checked
    for match in pattern.finditer(sentence):
        yield from match.spans("name")


#: Where a shape's name stands relative to its number (`Shape.where`), and how its spans are found.
WHERE: dict[str, Callable[[str, regex.Pattern, list[Mention]], Iterator[tuple[int, int]]]] = {
    "before": _before, "after": _after, "near": _near, "carried": _anywhere,
}


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the words after the last word of `NOT_A_NAME` in it ("On ABC" is "ABC",
    "achieves a success rate" is "success rate"); empty when such a word ends it."""
    words = [match.span() for match in _WORD.finditer(sentence, start, end)]
    kept = []
    for word in reversed(words):
        if sentence[slice(*word)] in NOT_A_NAME:
            break
        kept.append(word)
    return (kept[-1][0], kept[0][1]) if kept else (start, start)


def _may_report(name: str, kind: str, start: int, end: int, known: list, own: str) -> bool:
    """Whether `name`, marked as `kind` at `start`:`end`, is a name that no vocabulary knows."""
    if len(name) < 2 or name == own or name in NOT_A_NAME or name.lower() in NOT_A_NAME_ALONE \
            or name.rsplit(" ", 1)[-1].lower() in NOT_A_NAME_END or NOT_A_NAME_FORM.match(name):
        return False
    if kind in NOT_OF_KIND and NOT_OF_KIND[kind].search(name):
        return False
    if any(s < end and start < e for s, e, _ in known):
        return False  # "NVIDIA H800", "average top-1 accuracy": a known name is part of it
    if vocab.fold(name) in _directive_words() or canonical_unit(name) is not None:
        return False  # "NVIDIA", "Huawei": a vendor word; "kHz": a unit the number did not take
    return not any(name in vocabulary for vocabulary in vocab.names_scan().vocabularies)


@functools.cache
def _directive_words() -> frozenset[str]:
    """The words the vocabularies read around a name (@prefix, @suffix, @variant), folded."""
    return frozenset(vocab.fold(alias.text) for vocabulary in vocab.names_scan().vocabularies
                     for aliases in vocabulary.directives.values() for alias in aliases)
