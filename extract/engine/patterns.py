"""Regular expressions of the extractor, built from named, commented parts.

Every pattern here runs on the normalised text of one sentence (see text.py). None has nested
unbounded quantifiers, so matching stays linear in the length of the text.
"""
from __future__ import annotations

import functools

import regex

from .cue_compiler import Cue
# for the modules that build standard-engine patterns of their own (mentions, names, fields)
from .cue_compiler import ASCII_SPACE, ascii_twin_source  # noqa: F401


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
# What may not stand right before a number's first digit, which would make it part of an
# identifier: a word character, "." (a decimal: "Qwen2.5" is no 5), "@", "#", "^", a letter and a
# hyphen or slash ("ResNet-50", "w/8"), a digit and a slash or colon ("8/128", "16:9"). Read by the
# mention pattern (NOT_IN_IDENTIFIER) and, in their own forms built from this, by the scans that
# find where numbers may start (mentions.py).
NOT_BEFORE_NUMBER = (r"[\w.@#]", r"\^", r"[A-Za-z][-/]", r"\d[/:]")
NOT_IN_IDENTIFIER = "(?<!" + "|".join(NOT_BEFORE_NUMBER) + ")"
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

# --- words standing right before a number --------------------------------------------------------
# (qualifier, phrases): how the number bounds what it states ("up to 3x", "~6%").
QUALIFIER_BEFORE: tuple[tuple[str, str], ...] = (
    ("up_to", _words("up to", "as much as", "as high as", "a maximum of", "maximum of")),
    ("at_least", _words("at least", "no less than", "a minimum of", ">=", "≥")),
    ("over", _words("over", "more than", "above", "exceeding", "in excess of", "beyond", ">")),
    ("under", _words("under", "less than", "below", "fewer than", "lower than", "within",
                     "<=", "≤", "<")),
    ("about", _words("about", "around", "approximately", r"approx\.", "roughly", "nearly",
                     "almost", "close to", "~", "circa", r"ca\.")),
)
# (unit, phrases): the unit of a number written without one, written before it.
UNIT_BEFORE: tuple[tuple[str, str], ...] = (
    ("x", _words("a factor of", "factor of")),
)
QUALIFIER = "(?:" + "|".join(f"(?P<q_{name}>{p})" for name, p in QUALIFIER_BEFORE) + r")\s*"

# --- one numeric mention -----------------------------------------------------------------------
# sign? number (unit)? ( range | interval )?  -- the shapes spec section 3 lists.
RANGE_JOIN = r"\s*(?:-|~|–)\s*"  # "from 78% to 86%" is before/after, never a range
# What may stand between a number and its unit: "82.3%", "7 ms", "9.8-point gain" (9.8 points).
UNIT_JOIN = r"(?:\s?|-(?=points?\b))"


def mention_head_source(range_unit: bool) -> str:
    """The pattern of one mention up to its unit: sign, number, size, and a range or interval
    with the unit of the range's first end. Without `range_unit`, that unit is never read (the
    group is kept, always empty): the pattern for a number that no range join ("-", "~", "–"
    before a digit) follows, where that part can only fail, at a third of the cost."""
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
        """


# The unit closing a mention; "9.8-point gain" is 9.8 points.
UNIT_TAIL = f"(?:{UNIT_JOIN}{UNIT})?"


def mention_source(range_unit: bool) -> str:
    """The pattern of one whole mention: its head (`mention_head_source`), then its unit."""
    return mention_head_source(range_unit) + UNIT_TAIL


def __getattr__(name: str):
    """The whole mention patterns and the units alone, compiled when first asked for: compiling
    them costs every process tens of milliseconds, and mentions.py matches their parts instead."""
    if name in ("MENTION", "MENTION_BEFORE_NO_RANGE"):
        return _compiled(mention_source(range_unit=name == "MENTION"), regex.VERBOSE)
    if name == "UNIT_ALONE":
        return _unit_alone()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The words before a number ("up to ", "~", a unit's phrase), ending right where it starts: all
# the phrases in one flat alternation (a match must end where the number starts, so the match
# found is the one starting first whichever phrase reads it); QUALIFIER_ALONE and
# UNIT_BEFORE_ALONE tell which phrase it is.
WORDS_BEFORE_NUMBER = Cue(
    "(?:" + "|".join(pattern[3:-1] for _, pattern in QUALIFIER_BEFORE + UNIT_BEFORE) + r")\s*$", case_blind=False)
assert all(pattern.startswith("(?:") and pattern.endswith(")") for _, pattern in QUALIFIER_BEFORE + UNIT_BEFORE)

# A number word used as a factor or fraction ("twice", "halves", "an order of magnitude").
WORD_MENTION = Cue(rf"(?<![\w-])(?P<word>{NUMBER_WORD})(?![\w-])")

# A time written in words, as long as the work it measures is named: "in a single day of
# training", "within two hours of fine-tuning". Without "of <work>" such phrases are too often
# no measurement ("in one day, users ...").
TIME_WORD_VALUES = {"a single": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
TIME_WORD_UNITS = {"day": "d", "hour": "h", "minute": "min"}
WORD_TIME = Cue(
    r"\b(?:in|within|under)\s+(?:only\s+|just\s+)?(?P<word>a\s+single|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|a)\s+(?P<unit>(?:day|hour|minute)s?)\s+of\s+"
    r"(?:pre-?training|fine-?tuning|training|compute|search|optimi[sz]ation)\b")

# Each unit's own pattern, to tell which unit a matched unit text is (UNIT_ALONE).
@functools.cache
def _unit_alone() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((canonical, regex.compile(rf"(?:{pattern})$")) for canonical, pattern in UNIT_PATTERNS)
QUALIFIER_ALONE = tuple((name, regex.compile(rf"(?:{pattern})\s*$")) for name, pattern in QUALIFIER_BEFORE)
UNIT_BEFORE_ALONE = tuple((unit, regex.compile(rf"(?:{pattern})\s*$")) for unit, pattern in UNIT_BEFORE)


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
