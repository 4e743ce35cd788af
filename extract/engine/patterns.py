"""Regular expressions of the extractor, built from named, commented parts.

Every pattern here runs on the normalised text of one sentence (see text.py). None has nested
unbounded quantifiers, so matching stays linear in the length of the text.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex


def _words(*alternatives: str) -> str:
    """An alternation of phrases, longest first, each free to use any white space between words."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return "(?:" + "|".join(a.replace(" ", r"\s+") for a in ordered) + ")"


# --- numbers -----------------------------------------------------------------------------------
# 4,039 / 1 136 (thousands groups) / 73.5 / .5; never part of an identifier such as "Qwen2.5",
# "ResNet-50", "mAP@50" or "R1" (letters, @, or a letter-hyphen right before the digits).
NUMERAL = r"""
    (?:\d{1,3}(?:,\d{3})+(?![\d])        # 4,039 and 1,000,000
      |\d{1,3}(?:\u0020\d{3})+(?![\d.,]) # 1 136 (space as thousands separator)
      |\d+)
    (?:\.\d+)?                            # decimals
"""
NOT_IN_IDENTIFIER = r"(?<![\w.@#]|[A-Za-z][-/]|\d[/:]|\d\.\d*|\^)"
NUMBER_WORD = _words("an order of magnitude", "two orders of magnitude", "twice", "doubles",
                     "doubling", "doubled", "halves", "halved", "halving", "triples",
                     "tripled", "tripling", "a quarter of", "half of", "half the")
NUMBER_WORD_VALUES = {
    "twice": (2.0, "x"), "doubles": (2.0, "x"), "doubling": (2.0, "x"), "doubled": (2.0, "x"),
    "halves": (2.0, "x"), "halved": (2.0, "x"), "halving": (2.0, "x"),
    "triples": (3.0, "x"), "tripled": (3.0, "x"), "tripling": (3.0, "x"),
    "order of magnitude": (10.0, "x"), "orders of magnitude": (100.0, "x"),
    "half": (50.0, "%"), "quarter": (25.0, "%"),
}

# --- units, as written -> canonical ------------------------------------------------------------
# (canonical unit, pattern). Tried in order; the first that matches right after a number wins.
# "B", "M", "K" glued to a number are model or data sizes ("7B", "200K"), never bytes: they are
# handled as SIZE_SUFFIX below, and a memory unit needs its "B" after a prefix letter.
UNIT_PATTERNS: tuple[tuple[str, str], ...] = (
    ("pp", r"percentage\s+points?|p\.\s?p\.?|pp(?![a-z])|pts?\b(?!\s*of)"),
    ("%", r"%|percent(?:age)?\b(?!\s+points?)"),
    ("points", r"points?\b"),
    ("token/s", r"(?:k\s?)?tokens?\s*(?:/\s*s(?:ec)?\b|per\s+(?:second|sec|s)\b)|tok/s|TPS\b"),
    ("frame/s", r"FPS\b|fps\b|frames?\s*(?:/\s*s\b|per\s+second)"),
    ("sample/s", r"samples?\s*(?:/\s*s\b|per\s+second)"),
    ("image/s", r"(?:images?|imgs?)\s*(?:/\s*s\b|per\s+second)"),
    ("query/s", r"QPS\b|quer(?:y|ies)\s*(?:/\s*s\b|per\s+second)"),
    ("PFLOP/s", r"PFLOP/?s\b|PFLOPS\b|[Pp]etaflops\b|[Pp]eta-?FLOPS?\b"),
    ("TFLOP/s", r"TFLOP/?s\b|TFLOPS\b|[Tt]eraflops\b"),
    ("GFLOP/s", r"GFLOP/?s\b|GFLOPS\b|[Gg]igaflops\b"),
    ("TB", r"TB\b|terabytes?\b"),
    ("GiB", r"GiB\b"),
    ("GB", r"GB\b|gigabytes?\b|G\b(?=\s+(?:memory|GPU|VRAM|RAM))"),
    ("MiB", r"MiB\b"),
    ("MB", r"MB\b|megabytes?\b"),
    ("KB", r"KB\b|kilobytes?\b"),
    ("ms", r"ms\b|milliseconds?\b|msec\b"),
    ("us", r"µs\b|us\b(?=\s+(?:per|latency))|microseconds?\b"),
    ("h", r"(?:GPU[-\s])?hours?\b|hrs?\b|h\b(?!-)"),
    ("min", r"minutes?\b|mins?\b"),
    ("d", r"days?\b"),
    ("s", r"seconds?\b|secs?\b|s\b(?![-'])"),
    ("x", r"[x×X](?![\w])|[x×X](?=(?:faster|speedup|larger|smaller|fewer|less|more|higher|lower|reduction)\b)|times\b"),
    ("cm", r"cm\b"),
    ("W", r"W\b|watts?\b"),
)
UNIT = "(?:" + "|".join(f"(?P<u_{i}>{p})" for i, (_, p) in enumerate(UNIT_PATTERNS)) + ")"
UNIT_BY_GROUP = {f"u_{i}": canonical for i, (canonical, _) in enumerate(UNIT_PATTERNS)}

# A size or count suffix glued to a number: "7B", "200K", "1.6T", "30-billion", "4K context".
SIZE_SUFFIX = r"(?:[KkMBT]\b|[KkMBT](?=[-\s]?(?:param|token|context|sample|image|pair|row|step))|\s?(?:thousand|million|billion|trillion)\b|-(?:billion|million|thousand|layer|bit|shot|way|fold|dimensional|d)\b)"

# --- qualifiers standing right before a number ---------------------------------------------------
QUALIFIER_BEFORE: tuple[tuple[str, str], ...] = (
    ("up_to", _words("up to", "as much as", "as high as", "a maximum of", "maximum of")),
    ("at_least", _words("at least", "no less than", "a minimum of", ">=", "≥")),
    ("over", _words("over", "more than", "above", "exceeding", "in excess of", "beyond", ">")),
    ("under", _words("under", "less than", "below", "fewer than", "lower than", "within",
                     "<=", "≤", "<")),
    ("about", _words("about", "around", "approximately", r"approx\.", "roughly", "nearly",
                     "almost", "close to", "~", "circa", r"ca\.")),
)
QUALIFIER = "(?:" + "|".join(f"(?P<q_{name}>{p})" for name, p in QUALIFIER_BEFORE) + r")\s*"

# --- one numeric mention -----------------------------------------------------------------------
# sign? number (unit)? ( range | interval )?  -- the shapes spec section 3 lists.
RANGE_JOIN = r"\s*(?:-|~|–)\s*"  # "from 78% to 86%" is before/after, never a range
def mention_source(range_unit: bool) -> str:
    """The pattern of one mention; without `range_unit`, the unit of a range's first end is
    never read (the group is kept, always empty): the pattern for a number that no range join
    ("-", "~", "–" before a digit) follows, where that part can only fail, at a third of the cost."""
    never = "" if range_unit else "(?!)"
    return rf"""
        (?P<sign>[+-](?=\d))?
        {NOT_IN_IDENTIFIER}
        (?P<num>{NUMERAL})
        (?P<size>{SIZE_SUFFIX})?                       # 7B, 4K: a size, not a claim
        (?:{never}\s?(?P<unit1>{UNIT.replace('(?P<u_', '(?P<a_')})(?={RANGE_JOIN}\d))?   # "1% - 10%": unit of a range's first end
        (?:
            (?P<range>{RANGE_JOIN})(?P<num2>{NUMERAL})   # 2.97~25.22, 55-70
          | \s*(?:±|\+/-|\+-)\s*(?P<err>{NUMERAL})     # 80.245 ± 0.129
          | \s\((?P<lo>{NUMERAL})\s*[-,–]\s*(?P<hi>{NUMERAL})\)   # 0.955 (0.953 - 0.956)
        )?
        (?:(?:\s?|-(?=points?\b)){UNIT})?              # "9.8-point gain" is 9.8 points
        """


def __getattr__(name: str):
    """The whole mention patterns and the units alone, compiled when first asked for: compiling
    them costs every process tens of milliseconds, and mentions.py matches their parts instead."""
    if name in ("MENTION", "MENTION_BEFORE_NO_RANGE"):
        return _compiled(mention_source(range_unit=name == "MENTION"), regex.VERBOSE)
    if name == "UNIT_ALONE":
        return _unit_alone()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

ENDING_REACH = 16


def text_ending(text: str, reach: int = ENDING_REACH) -> str:
    """How `text` ends, as `GatedCue.search_ending` looks at it: its last `reach` characters,
    white space trimmed, case-folded. The ending of a longer text that ends with `text` ends with
    this one, so an `ends_with` gate on it lets through all that the shorter text's gate would."""
    return case_blind(text.rstrip()[-reach:])


def case_blind(text: str) -> str:
    """`text` as a gate compares it with lower-case words: lower-cased (ASCII, the fast path) or
    case-folded, dropping the combining dot that folding adds to "İ", which the `regex` module's
    case-blind patterns match as "i" (a gate must never reject what its pattern matches).

    >>> case_blind("SPARSİTY")
    'sparsity'
    """
    return text.lower() if text.isascii() else text.casefold().replace("\u0307", "")


class GatedCue:
    r"""A cue pattern behind a cheap first look. Most texts before or after a number hold no
    cue, and a plain string test tells so far faster than the pattern, which is tried at every
    position of the text. The gate is case-blind, as every cue is, and only ever lets through
    more than the pattern matches, never less.

    `ends_with`: words the text, white space trimmed, must end with ("... by", "only");
    `contains`: stems one of which the text must hold ("reduc", "sparsity").

    >>> only = GatedCue(r"\b(?:only|just)\s*$", ends_with=("only", "just"))
    >>> only.search("it uses only ") is not None, only.search("it uses ") is None
    (True, True)
    """

    __slots__ = ("pattern", "ends_with", "contains", "_reach")

    def __init__(self, pattern: str, *, ends_with: tuple[str, ...] = (),
                 contains: tuple[str, ...] = (), flags: int = regex.IGNORECASE | regex.VERBOSE) -> None:
        self.pattern = regex.compile(pattern, flags)
        self.ends_with = tuple(word.casefold() for word in ends_with)
        self.contains = tuple(stem.casefold() for stem in contains)
        self._reach = max(map(len, ends_with), default=0)
        assert self._reach <= ENDING_REACH

    def may_match(self, text: str) -> bool:
        """False when the pattern cannot match `text`."""
        if self.ends_with and not text_ending(text, self._reach).endswith(self.ends_with):
            return False
        if self.contains:
            return any(map(case_blind(text).__contains__, self.contains))
        return True

    def search_ending(self, text: str, ending: str) -> regex.Match | None:
        """search(text) for an `ends_with` cue, given the `text_ending` of `text` or of a text
        that `text` ends: several cues read on one text share that look."""
        if not ending.endswith(self.ends_with):
            return None
        return self.pattern.search(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        """The pattern's first match in ``text[pos:endpos]``, the gate looking at that part."""
        if pos or endpos is not None:
            return self.pattern.search(text, pos, endpos) if self.may_match(text[pos:endpos]) else None
        return self.pattern.search(text) if self.may_match(text) else None

    def match(self, text: str) -> regex.Match | None:
        return self.pattern.match(text) if self.may_match(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        """The pattern's matches in ``text[pos:endpos]`` (a `contains` gate only: a match may
        end anywhere)."""
        assert not self.ends_with, "an ends_with gate speaks of the end of the text, not of a match"
        if not self.may_match(text[pos:endpos]):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)


# A qualifier ending right where a number starts ("up to ", "~"), behind the last words of the
# qualifier phrases (or their signs): most texts before a number end in none of them.
QUALIFIER_LAST_WORDS = tuple(sorted({phrase.split()[-1].replace("\\", "")
                                     for _, pattern in QUALIFIER_BEFORE
                                     for phrase in regex.findall(r"[^|()?:]+", pattern.replace(r"\s+", " "))
                                     if phrase.strip()}, key=len, reverse=True))
QUALIFIER_BEFORE_NUMBER = GatedCue(rf"(?:{QUALIFIER})$", ends_with=QUALIFIER_LAST_WORDS, flags=0)

# A number word used as a factor or fraction ("twice", "halves", "an order of magnitude").
WORD_MENTION = regex.compile(rf"(?<![\w-])(?P<word>{NUMBER_WORD})(?![\w-])", regex.IGNORECASE)

# A time written in words, as long as the work it measures is named: "in a single day of
# training", "within two hours of fine-tuning". Without "of <work>" such phrases are too often
# no measurement ("in one day, users ...").
TIME_WORD_VALUES = {"a single": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
TIME_WORD_UNITS = {"day": "d", "hour": "h", "minute": "min"}
WORD_TIME = regex.compile(
    r"\b(?:in|within|under)\s+(?:only\s+|just\s+)?(?P<word>a\s+single|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|a)\s+(?P<unit>(?:day|hour|minute)s?)\s+of\s+"
    r"(?:pre-?training|fine-?tuning|training|compute|search|optimi[sz]ation)\b", regex.IGNORECASE)

# Each unit's own pattern, to tell which unit a matched unit text is (UNIT_ALONE).
@functools.cache
def _unit_alone() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((canonical, regex.compile(rf"(?:{pattern})$")) for canonical, pattern in UNIT_PATTERNS)
QUALIFIER_ALONE = tuple((name, regex.compile(rf"(?:{pattern})\s*$")) for name, pattern in QUALIFIER_BEFORE)


# What `regex` reads as `\s` in ASCII text; the standard engine's `\s` also takes \x1c-\x1f.
ASCII_SPACE = r"\t\n\x0b\x0c\r "


# The parts of a pattern `ascii_twin` tells apart: outside a set (a group's name, an escape, a
# set's opening with a "]" right after it taken as a member, other text; in a verbose pattern a
# comment too), and inside one.
_OUTSIDE_SET = r"\(\?P<\w+>|\(\?P=\w+\)|\\.|\[\^?\]?|[^\\\[(#]+|[(#]"
_PARTS_OUTSIDE_SET = regex.compile(_OUTSIDE_SET, regex.DOTALL)
_PARTS_OUTSIDE_SET_VERBOSE = regex.compile(r"(?P<comment>#[^\n]*)|" + _OUTSIDE_SET, regex.DOTALL)
_PARTS_INSIDE_SET = regex.compile(r"\\.|\]|[^\\\]]+", regex.DOTALL)
# Escapes that mean the same to both engines over lower-cased ASCII (`\s`, `\S` are spelled out;
# not `\B`, which the standard engine never matches in an empty text). `\xhh`, `\uhhhh`: their
# hex digits mean the same in either case.
_SAME_ESCAPES = frozenset(r"bdDwWAZtnrfv0123456789xu")
_SAME_FLAGS = {regex.VERBOSE: re.VERBOSE, regex.MULTILINE: re.MULTILINE, regex.DOTALL: re.DOTALL}
_KNOWN_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0 | regex.VERBOSE | regex.MULTILINE | regex.DOTALL


def ascii_twin(pattern: regex.Pattern) -> re.Pattern:
    r"""The standard engine's twin of a case-blind `regex` pattern, to run over lower-cased ASCII
    text with the same matches at the same offsets: letters in lower case, except in group names
    (`(?P<name>`, `(?P=name)`), escapes and comments; `\s` and `\S` spelled out as `regex` reads
    them (the standard engine's `\s` also takes \x1c-\x1f), inside sets and out."""
    assert pattern.flags & regex.IGNORECASE, "a case-blind pattern"
    assert not pattern.flags & ~_KNOWN_FLAGS, "flags the twin does not know"
    assert pattern.pattern.isascii(), "a non-ASCII letter may match an ASCII one case-blind ('ſ', 'K')"
    flags = sum(same for flag, same in _SAME_FLAGS.items() if pattern.flags & flag)
    return re.compile(ascii_twin_source(pattern.pattern, verbose=bool(pattern.flags & regex.VERBOSE)), flags)


def ascii_twin_source(source: str, *, verbose: bool = False, lower: bool = True) -> str:
    r"""The source of `ascii_twin`, for a part of a larger pattern; `lower=False` keeps letters
    as written: for a case-sensitive part, run over the text as it is (only `\s` and `\S`
    change)."""
    outside_set = _PARTS_OUTSIDE_SET_VERBOSE if verbose else _PARTS_OUTSIDE_SET
    text, at, parts, in_set, after_space = source, 0, [], False, False
    while at < len(text):
        token = (_PARTS_INSIDE_SET if in_set else outside_set).match(text, at)
        at = token.end()
        part = token[0]
        if after_space and part.startswith("-"):
            part = "\\" + part  # "[\s-x]": `regex` reads this "-" as itself, not as a range
        after_space = False
        if part in (r"\s", r"\S"):
            if in_set:
                part = ASCII_SPACE if part == r"\s" else r"\S\x1c-\x1f"
                after_space = True
            else:
                part = ("[" if part == r"\s" else "[^") + ASCII_SPACE + "]"
        elif part.startswith("\\"):
            assert not part[1].isalnum() or part[1] in _SAME_ESCAPES, f"escape {part} unknown to the twin"
        elif part.startswith("[") and not in_set:
            in_set = True
        elif part == "]" and in_set:
            in_set = False
        elif lower and not (part.startswith("(?P") or token.groupdict().get("comment")):
            part = part.lower()
        parts.append(part)
    return "".join(parts)


class CaseBlindWords:
    """A case-blind pattern that runs on ASCII text, the usual case, as the standard engine's
    case-sensitive twin over the lower-cased text (`ascii_twin`): the `regex` module tries a
    case-blind alternation of words at every position, several times slower. Offsets are the
    same, as lower-casing ASCII keeps the length; other text takes the `regex` pattern. A match
    on ASCII text is one over the lower-cased text (its groups are lower case).
    """

    __slots__ = ("pattern", "lower_ascii")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = regex.compile(pattern, regex.IGNORECASE | flags)
        # public: CaseBlindCue runs the same twin behind its own gates
        self.lower_ascii = ascii_twin(self.pattern)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        if text.isascii():
            return self.lower_ascii.finditer(text.lower(), pos, endpos)
        return self.pattern.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        if text.isascii():
            return self.lower_ascii.search(text.lower(), pos, endpos)
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        if text.isascii():
            return self.lower_ascii.match(text.lower(), pos, endpos)
        return self.pattern.match(text, pos, endpos)


@functools.lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    # regex's own cache lookup costs more than a match on a short text: keep compiled patterns
    return regex.compile(pattern, flags)


def re_search(pattern: str, text: str, flags: int = 0):
    """`regex.search` with the compiled pattern kept (rules call it once per number)."""
    return _compiled(pattern, flags).search(text)


def re_match(pattern: str, text: str, flags: int = 0):
    """`regex.match` with the compiled pattern kept."""
    return _compiled(pattern, flags).match(text)


def re_fullmatch(pattern: str, text: str, flags: int = 0):
    """`regex.fullmatch` with the compiled pattern kept."""
    return _compiled(pattern, flags).fullmatch(text)


def re_sub(pattern: str, replacement: str, text: str, flags: int = 0) -> str:
    """`regex.sub` with the compiled pattern kept."""
    return _compiled(pattern, flags).sub(replacement, text)


class CaseBlindCue(GatedCue):
    """A gated, case-blind cue that runs on ASCII text, the usual case, as the standard engine's
    case-sensitive twin over the lower-cased text (as CaseBlindWords does): for a cue that the
    gate lets through often and whose pattern tries long word lists, several times cheaper.
    Offsets are the same, as lower-casing ASCII keeps the length; `\\s` and `\\S` are spelled
    out as `regex` reads them; other text takes the `regex` pattern.

    `opening`: for a cue matched at the start of a text, a pattern (case-blind, of `\\s`, `\\S`
    and lower-case words) that the text must open with, up to the first cue word: on ASCII text
    it replaces the `contains` gate, which looks through all the text for every stem.
    """

    __slots__ = ("words", "_ascii", "_opening")

    def __init__(self, pattern: str, *, ends_with: tuple[str, ...] = (),
                 contains: tuple[str, ...] = (), opening: str = "") -> None:
        super().__init__(pattern, ends_with=ends_with, contains=contains)
        # the pattern without its gate, for a caller that looks at a part of the text first
        self.words = CaseBlindWords(pattern, regex.VERBOSE)
        self._ascii = self.words.lower_ascii
        self._opening = ascii_twin(regex.compile(opening, regex.IGNORECASE | regex.VERBOSE)) if opening else None

    def _engine(self, text: str):
        return (self._ascii, text.lower()) if text.isascii() else (self.pattern, text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | regex.Match | None:
        if not self.may_match(text[pos:endpos] if pos or endpos is not None else text):
            return None
        pattern, text = self._engine(text)
        return pattern.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str) -> re.Match | regex.Match | None:
        if self._opening is not None and text.isascii():
            lower = text.lower()
            return self._ascii.match(lower) if self._opening.match(lower) else None
        if not self.may_match(text):
            return None
        pattern, text = self._engine(text)
        return pattern.match(text)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match | regex.Match]:
        assert not self.ends_with, "an ends_with gate speaks of the end of the text, not of a match"
        if not self.may_match(text[pos:endpos]):
            return iter(())
        pattern, text = self._engine(text)
        return pattern.finditer(text, pos, len(text) if endpos is None else endpos)
