"""The boards' own vocabularies, read from extract/data/ and validated as they are read:

- `default_metrics()` (``default_metrics.txt``): each benchmark's default metric and the metrics
  that mean the same on it (AIME24: accuracy = pass@1);
- `systems()` (``systems.txt``): system aliases, and phrases that name no system ("our method");
- `setting_flags()` (``settings.txt``): flags a claim's condition raises (extra training data,
  pruned or quantised, test-time compute ...).

Each file documents its grammar in its header. A broken line raises `VocabError` ("FILE:LINE:
reason"), as the extractor's vocabularies do. Each loader reads its file once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..engine.vocab import VocabError

# Names are compared as the leaderboards compare them: case, spaces and punctuation dropped.
_NOT_ALNUM = regex.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """A name with case, spaces and punctuation dropped.

    >>> name_key("GPQA-Diamond"), name_key(" Vision R1 7B ")
    ('gpqadiamond', 'visionr17b')
    """
    return _NOT_ALNUM.sub("", name.casefold())


def _lines(text: str, source: str) -> Iterator[tuple[int, str, Callable[[str], VocabError]]]:
    """(line number, content without comment, error maker) of each line that has content."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, line, lambda reason, number=number: VocabError(
                f"{source}:{number}: {reason}")


def _names(field: str, fail: Callable[[str], VocabError]) -> list[str]:
    names = [name.strip() for name in field.split("=")]
    if any(not name for name in names):
        raise fail("an empty name (two '=' in a row, or one at an end)")
    return names


def _read(name: str) -> tuple[str, str]:
    """(text, source) of a data file of the package."""
    path = resources.files("extract") / "data" / name
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), str(path)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise VocabError(f"{path}:{line}: not UTF-8 text ({error.reason})") from None


# --- default metrics -------------------------------------------------------------------------

@dataclass(frozen=True)
class DefaultMetric:
    """A benchmark's default metric (canonical spelling) and the metric keys merged into it."""

    metric: str
    merged: frozenset[str]  # `name_key` of the default and of each metric meaning the same


class DefaultMetrics:
    """Benchmark -> `DefaultMetric`, looked up by `name_key` of the canonical benchmark name."""

    def __init__(self, defaults: dict[str, DefaultMetric]):
        self._defaults = defaults

    @classmethod
    def from_text(cls, text: str, source: str = "<text>") -> DefaultMetrics:
        from ..engine import vocab

        benchmarks, metrics = vocab.benchmarks(), vocab.metrics()
        defaults: dict[str, DefaultMetric] = {}
        for _, line, fail in _lines(text, source):
            benchmark, colon, rest = line.partition(":")
            if not colon or not benchmark.strip():
                raise fail("expected 'BENCHMARK: METRIC = SAME METRIC ...'")
            canonical_metrics = []
            for metric in _names(rest, fail):
                canonical = metrics.canonical(metric)
                if canonical is None:
                    raise fail(f"unknown metric {metric!r} (metrics.txt does not know it)")
                canonical_metrics.append(canonical)
            key = name_key(benchmarks.canonical(benchmark.strip()) or benchmark.strip())
            if key in defaults:
                raise fail(f"benchmark {benchmark.strip()!r} has a line already")
            defaults[key] = DefaultMetric(canonical_metrics[0],
                                          frozenset(map(name_key, canonical_metrics)))
        return cls(defaults)

    def of(self, benchmark_key: str) -> DefaultMetric | None:
        """The default of a benchmark given by `name_key` of its canonical name, or None."""
        return self._defaults.get(benchmark_key)

    def __len__(self) -> int:
        return len(self._defaults)


@lru_cache(maxsize=None)
def default_metrics() -> DefaultMetrics:
    """extract/data/default_metrics.txt, read once."""
    return DefaultMetrics.from_text(*_read("default_metrics.txt"))


# --- systems ---------------------------------------------------------------------------------

class Systems:
    """System aliases by `name_key`, and the phrases that name no system."""

    def __init__(self, canonical: dict[str, str], no_system: frozenset[str]):
        self._canonical = canonical
        self._no_system = no_system

    @classmethod
    def from_text(cls, text: str, source: str = "<text>") -> Systems:
        canonical: dict[str, str] = {}
        claimed_on: dict[str, int] = {}
        no_system: set[str] = set()
        for number, line, fail in _lines(text, source):
            phrases = line.startswith("~")
            names = _names(line[1:] if phrases else line, fail)
            for name in names:
                key = name_key(name)
                if not key:
                    raise fail(f"{name!r} has no letter or digit")
                if claimed_on.get(key) == number:
                    continue  # the same name again on its own line, spelled another way
                if key in claimed_on:
                    raise fail(f"{name!r} is listed already (line {claimed_on[key]})")
                claimed_on[key] = number
                if phrases:
                    no_system.add(key)
                else:
                    canonical[key] = names[0]
        return cls(canonical, frozenset(no_system))

    def canonical(self, name: str) -> str | None:
        """The canonical spelling of a listed system, or None."""
        return self.canonical_of_key(name_key(name))

    def canonical_of_key(self, key: str) -> str | None:
        """`canonical` of a name given by its `name_key`."""
        return self._canonical.get(key)

    def names_no_system(self, name: str) -> bool:
        """True for "our method" and the like."""
        return name_key(name) in self._no_system

    def key_names_no_system(self, key: str) -> bool:
        """`names_no_system` of a name given by its `name_key`."""
        return key in self._no_system


@lru_cache(maxsize=None)
def systems() -> Systems:
    """extract/data/systems.txt, read once."""
    return Systems.from_text(*_read("systems.txt"))


# --- setting flags ---------------------------------------------------------------------------

#: In a cue, {n} stands for a whole number from 1 up; '*' ends a word with any ending.
_NUMBER = "{n}"
_CUE_WORD_GAP = r"[\s\-]*"


def _cue_pattern(cue: str) -> str:
    """The pattern of one cue: words separated by space, hyphen or nothing, '*' and {n}.

    >>> _cue_pattern("pre-train* with")
    'pre[\\\\s\\\\-]*train\\\\w*[\\\\s\\\\-]*with'
    """
    words = regex.split(r"[\s\-]+", cue.strip())
    pieces = []
    for word in words:
        piece = regex.escape(word.removesuffix("*")).replace(regex.escape(_NUMBER),
                                                              r"0*[1-9]\d*")
        pieces.append(piece + (r"\w*" if word.endswith("*") else ""))
    return _CUE_WORD_GAP.join(pieces)


class SettingFlags:
    """Flags raised by cue words in a condition; `flags_of(condition)` in file order."""

    def __init__(self, flags: dict[str, regex.Pattern], negation: regex.Pattern | None):
        self._flags = flags
        self._negation = negation

    @classmethod
    def from_text(cls, text: str, source: str = "<text>") -> SettingFlags:
        flags: dict[str, regex.Pattern] = {}
        negation = None
        for _, line, fail in _lines(text, source):
            name, colon, rest = line.partition(":")
            name = name.strip()
            if not colon or not name:
                raise fail("expected 'FLAG: CUE = CUE ...' or '@negation: WORD = WORD ...'")
            cues = _names(rest, fail)
            for cue in cues:
                if "{" in cue.replace(_NUMBER, ""):
                    raise fail(f"cue {cue!r}: only {_NUMBER} may stand in braces")
            pattern = regex.compile(r"(?<!\w)(?:" + "|".join(map(_cue_pattern, cues))
                                    + r")(?!\w)", regex.IGNORECASE)
            if name == "@negation":
                negation = pattern
            elif name.startswith("@"):
                raise fail(f"unknown directive {name!r} (only @negation)")
            elif name in flags:
                raise fail(f"flag {name!r} has a line already")
            else:
                flags[name] = pattern
        return cls(flags, negation)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._flags)

    def flags_of(self, condition: str) -> tuple[str, ...]:
        """The flags `condition` raises, in file order; a negated cue raises none.

        >>> flags = setting_flags()
        >>> flags.flags_of("with 8/128 pruning"), flags.flags_of("after pre-training with Objects365")
        (('pruned or quantised',), ('extra training data',))
        >>> flags.flags_of("without the need for additional data"), flags.flags_of("")
        ((), ())
        """
        if not condition:
            return ()
        phrases = regex.split(r"[;,]", condition)
        raised = []
        for name, pattern in self._flags.items():
            if any(self._raises(pattern, phrase) for phrase in phrases):
                raised.append(name)
        return tuple(raised)

    def _raises(self, pattern: regex.Pattern, phrase: str) -> bool:
        for match in pattern.finditer(phrase):
            if self._negation is None or not self._negation.search(phrase, 0, match.start()):
                return True
        return False


@lru_cache(maxsize=None)
def setting_flags() -> SettingFlags:
    """extract/data/settings.txt, read once."""
    return SettingFlags.from_text(*_read("settings.txt"))
