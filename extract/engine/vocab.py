"""Canonical names of benchmarks, metrics and hardware, read from the data files (spec section 4).

Each vocabulary lives in ``extract/data/<name>.txt``; the grammar is documented at the top of
each file (one line per canonical name, ``CANONICAL [ATTRIBUTE] = ALIAS = ALIAS ...``). A file is
read once, validated as it is read (a broken line raises :class:`VocabError` naming file and
line), and turned into

* one regex of every alias, shaped as a trie, that :meth:`Vocabulary.find_all` runs over
  running text and :meth:`Vocabulary.canonical` over one name cut from it,
* a quick regex of the first characters of every alias, which finds the word starts where
  find_all runs the full regex (most words start no name), and
* lookup tables from folded spellings (case and separators removed) to canonical names,
  which turn what the regex matched into the canonical name.

>>> benchmarks().canonical("GPQA-Diamond")
'GPQA Diamond'
>>> metrics().direction("FID")
'lower'
>>> hardware().canonical("NVIDIA H800 GPUs")
'H800'
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
import warnings
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import filterfalse
from os import PathLike
from pathlib import Path
from typing import Callable, ClassVar, Iterable, NamedTuple, Self, Sequence

import regex

__all__ = [
    "Alias", "Entry", "HardwareVocabulary", "Mention", "MetricVocabulary", "OpeningScanners",
    "Openings", "VocabError", "VocabWarning", "Vocabulary", "benchmarks", "fold", "hardware",
    "higher_is_better", "metrics",
]

#: A mention found in text: (start, end, canonical name).
Mention = tuple[int, int, str]


class VocabError(ValueError):
    """A vocabulary file is broken; the message starts with ``FILE:LINE:``."""


class VocabWarning(UserWarning):
    """A vocabulary file loads, but a name in it turns a quick path of find_all off; the
    message starts with ``FILE:LINE:``."""


# --- folding -------------------------------------------------------------------------------

#: Characters a name may be written with or without: spaces, hyphens and dashes, underscores.
_SEPARATOR_CHARS = r"\s\-\u2010-\u2015_"
_SEPARATORS = regex.compile(f"[{_SEPARATOR_CHARS}]+")
#: The ASCII characters of _SEPARATOR_CHARS as `regex` reads them, to delete (a test checks).
_ASCII_SEPARATORS = str.maketrans("", "", " \t\n\v\f\r-_")
#: Punctuation that may cling to a name taken out of a sentence ("GPQA-Diamond," or "(COCO)").
_EDGE_PUNCTUATION = " \t\n.,;:!?()[]\"'`"


def fold(text: str, keep_case: bool = False) -> str:
    """The lookup key of a name: NFKC, separators removed, case folded unless `keep_case`.

    >>> fold("GPQA-Diamond") == fold("gpqa diamond")
    True
    >>> fold("MATH 500"), fold("MATH", keep_case=True)
    ('math500', 'MATH')
    """
    if text.isascii():
        # Most names ("GSM8K", "GPQA Diamond"): NFKC leaves ASCII as it is, and the ASCII
        # separators are few. A shortcut for find_all's every match and for loading.
        key = text if text.isalnum() else text.translate(_ASCII_SEPARATORS)
        return key if keep_case else key.lower()
    key = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    return key if keep_case else key.casefold()


# --- the data-file grammar -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Alias:
    """One spelling of a name as written in the file; the canonical name is an alias too."""

    text: str
    case_sensitive: bool
    line: int

    @property
    def is_template(self) -> bool:
        return PLACEHOLDER in self.text


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a vocabulary file: a canonical name, its attribute and all its aliases."""

    canonical: str
    attribute: str | None
    aliases: tuple[Alias, ...]
    line: int
    #: The file the line is in, where a vocabulary is read from several (None: the only one).
    source: str | None = None


#: In a name, ``{k}`` stands for a whole number or the letter k ("pass@{k}" finds "pass@10").
PLACEHOLDER = "{k}"
_PLACEHOLDER_PATTERN = r"(?P<k>\d+|k)"
_UNKNOWN_PLACEHOLDER = regex.compile(r"\{(?!k\})[^}]*\}")

#: The canonical name and its optional attribute: ``top-1 accuracy [higher]``.
_HEAD = regex.compile(r"(?P<name>[^\[\]]+?)\s*(?:\[(?P<attribute>[^\[\]]*)\])?")
#: Characters an alias may not contain; they belong to the grammar.
_FORBIDDEN_IN_NAME = regex.compile(r"[\[\]\"]")


@dataclass(frozen=True, slots=True)
class _ParsedFile:
    entries: tuple[Entry, ...]
    directives: dict[str, tuple[Alias, ...]]
    source: str = "<text>"


def _parse(text: str, source: str, attributes: frozenset[str] | None,
           directives: frozenset[str]) -> _ParsedFile:
    """Parse and validate a vocabulary file's text; raise VocabError at the first bad line."""
    entries: list[Entry] = []
    found_directives: dict[str, tuple[Alias, ...]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fail = _failure_at(source, number)
        fields = [field.strip() for field in line.split("=")]
        if fields[0].startswith("@"):
            name, words = _directive(fields, number, fail, directives, found_directives)
            found_directives[name] = words
        else:
            entries.append(_entry(fields, number, fail, attributes, source))
    return _ParsedFile(tuple(entries), found_directives, source)


def _failure_at(source: str, number: int) -> Callable[[str], VocabError]:
    """The error of line `number` of `source`: "FILE:LINE: reason"."""
    return lambda reason: VocabError(f"{source}:{number}: {reason}")


def _directive(fields: list[str], number: int, fail: Callable[[str], VocabError],
               allowed: frozenset[str], found: dict[str, tuple[Alias, ...]]
               ) -> tuple[str, tuple[Alias, ...]]:
    """A directive line, ``@prefix = WORD = WORD ...``: its name and its words."""
    name = fields[0][1:]
    if name not in allowed:
        listed = ", ".join(f"@{d}" for d in sorted(allowed)) or "none"
        raise fail(f"unknown directive {fields[0]!r} (allowed here: {listed})")
    if name in found:
        raise fail(f"directive {fields[0]!r} given twice")
    words = _with_compatibility_spellings(
        tuple(_alias(field, number, fail) for field in fields[1:]), number, fail)
    if not words:
        raise fail(f"directive {fields[0]!r} lists no words")
    return name, words


def _entry(fields: list[str], number: int, fail: Callable[[str], VocabError],
           attributes: frozenset[str] | None, source: str) -> Entry:
    """A name line, ``CANONICAL [ATTRIBUTE] = ALIAS = ALIAS ...``."""
    if not fields[0]:
        raise fail("the line starts with '=': the canonical name must come first")
    head = _HEAD.fullmatch(fields[0])
    if head is None:
        raise fail(f"cannot read the name {fields[0]!r}: expected NAME or NAME [ATTRIBUTE]")
    attribute = _attribute(head["attribute"], attributes, fail)
    canonical = _alias(head["name"], number, fail)
    aliases = (canonical, *(_alias(field, number, fail) for field in fields[1:]))
    if any(alias.is_template != canonical.is_template for alias in aliases):
        raise fail(f"{PLACEHOLDER} must appear in the name and in every alias, or in none")
    return Entry(canonical.text, attribute, _with_compatibility_spellings(aliases, number, fail),
                 number, source)


def _attribute(written: str | None, attributes: frozenset[str] | None,
               fail: Callable[[str], VocabError]) -> str | None:
    """The ``[attribute]`` of a name line, checked against the ones the file takes."""
    attribute = written.strip() if written is not None else None
    if attributes is None and attribute is not None:
        raise fail(f"this file takes no [attribute], found [{attribute}]")
    if attributes is not None and attribute not in attributes:
        expected = " or ".join(f"[{a}]" for a in sorted(attributes))
        found = "none" if attribute is None else f"[{attribute}]"
        raise fail(f"expected {expected} after the name, found {found}")
    return attribute


def _with_compatibility_spellings(aliases: tuple[Alias, ...], number: int,
                                  fail: Callable[[str], VocabError]) -> tuple[Alias, ...]:
    """`aliases` and, after them, the NFKC spelling of each one written with compatibility
    characters ("H²O" is also "H2O", "ﬁ" also "fi") that the line does not list. `fold` reads
    both spellings as one name, so find_all must find both: its regex matches the characters
    as written, and the NFKC spelling is often plain ASCII, the text the quick paths read."""
    written = {alias.text for alias in aliases}
    extra: list[Alias] = []
    for alias in aliases:
        if alias.text.isascii():
            continue
        spelling = unicodedata.normalize("NFKC", alias.text)
        if spelling not in written:
            written.add(spelling)
            quoted = f'"{spelling}"' if alias.case_sensitive else spelling
            extra.append(_alias(quoted, number, lambda reason: fail(
                f"{alias.text!r} reads as {spelling!r} once normalised (NFKC), which cannot be "
                f"a name: {reason}")))
    return (*aliases, *extra)


def _read_text(path: str | PathLike[str] | Traversable) -> tuple[str, str]:
    """The UTF-8 text of a vocabulary file and the name error messages give it."""
    source = str(path)
    data = (Path(path) if isinstance(path, (str, PathLike)) else path).read_bytes()
    try:
        return data.decode("utf-8"), source
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise VocabError(f"{source}:{line}: not UTF-8 text ({error.reason})") from None


def _where(entry: Entry, here: Entry, line: int | None = None) -> str:
    """Where `entry` (or its alias at `line`) is written, seen from an error at `here`:
    "line 3", or "FILE:3" when the two are in different files."""
    line = entry.line if line is None else line
    return f"line {line}" if entry.source == here.source else f"{entry.source}:{line}"


def _merge(files: Sequence[_ParsedFile]) -> list[Entry]:
    """The entries of several files, the first file winning (the hand-kept one before the
    generated ones): an entry of a later file whose canonical name the first file already
    knows (as a name, an alias in any case, or a template's instance) is left out whole, and
    so is each of its other aliases the first file knows. Clashes between the later files, or
    inside one file, are errors as in a single file.
    """
    first, *later = files
    entries = list(first.entries)
    names = {entry.canonical for entry in entries}
    keys = {fold(alias.text) for entry in entries for alias in entry.aliases
            if not alias.is_template}
    templates = [(Vocabulary._template_regex(alias), alias.case_sensitive)
                 for entry in entries for alias in entry.aliases if alias.is_template]

    def known(alias: Alias) -> bool:
        return fold(alias.text) in keys or any(
            template.fullmatch(fold(alias.text, keep_case=case_sensitive))
            for template, case_sensitive in templates)

    for file in later:
        for entry in file.entries:
            if entry.canonical in names or known(entry.aliases[0]):
                continue
            aliases = tuple(alias for alias in entry.aliases if not known(alias))
            entries.append(entry if len(aliases) == len(entry.aliases)
                           else dataclasses.replace(entry, aliases=aliases))
    return entries


def _alias(field: str, line: int, fail: Callable[[str], VocabError]) -> Alias:
    """One ``=``-separated field: a name, optionally in double quotes (case-sensitive)."""
    case_sensitive = len(field) >= 2 and field[0] == field[-1] == '"'
    text = field[1:-1].strip() if case_sensitive else field
    if not text:
        raise fail("empty name (two '=' in a row, or a '=' at the end of the line)")
    if _FORBIDDEN_IN_NAME.search(text):
        raise fail(f"unexpected '[', ']' or '\"' in {field!r}")
    if (bad := _UNKNOWN_PLACEHOLDER.search(text)) is not None:
        raise fail(f"unknown placeholder {bad[0]!r} in {field!r}; only {PLACEHOLDER} is known")
    if not text[0].isalnum():
        raise fail(f"{field!r} must start with a letter or a digit")
    return Alias(text, case_sensitive, line)


# --- regex parts for find_all ---------------------------------------------------------------

#: Between two words of a name the text may have one space, hyphen/dash or underscore, or none.
_FLEXIBLE_SEPARATOR = f"[{_SEPARATOR_CHARS}]?"
#: Between a prefix/suffix word and the name there must be exactly one separator.
_REQUIRED_SEPARATOR = r"[\s\-\u2010-\u2015]"
#: A name starts a word: not inside a word, not the tail of a hyphenated compound ("Tiny-ImageNet",
#: "Split-CIFAR100"), not the decimals of a number. A leading \b lets the engine skip the
#: inside of words quickly (twice as fast as a lookbehind alone; find_all's quick scan skips
#: them faster still); so names must start with a letter or a digit.
_START = r"\b(?<![\w][\-\u2010-\u2015]|\d\.)"
#: A name ends a word: not followed by a word character, a hyphenated tail ("ImageNet-C") or
#: decimals ("AP50.5").
_END = r"(?![\w]|[\-\u2010-\u2015][\w]|\.\d)"


def _atoms(alias: Alias) -> list[str]:
    """An alias as a list of regex atoms: one per character, a flexible separator between
    words, a number pattern for the placeholder. Letters are lower-cased: the whole find_all
    regex ignores case, and quoted (case-sensitive) names are checked when a match is resolved.
    """
    atoms: list[str] = []
    for index, word in enumerate(w for w in _SEPARATORS.split(alias.text) if w):
        if index:
            atoms.append(_FLEXIBLE_SEPARATOR)
        for part_index, part in enumerate(word.split(PLACEHOLDER)):
            if part_index:
                atoms.append(r"(?:\d+|k)")
            atoms.extend(regex.escape(char.lower()) for char in part)
    return atoms


# --- regex parts for the quick scan of find_all ----------------------------------------------

#: A character that may stand before a word: anything but an ASCII letter, digit or
#: underscore. Every non-word character is one (so are non-ASCII letters, which the start
#: rules after it turn away). An ASCII class because `re` tests it several times faster than
#: the Unicode ``[^\w]`` in the tight loop where it skips the inside of words.
_BEFORE_WORD = r"[^a-zA-Z0-9_]"
#: The one character `re` does not count as a word character although, ignoring case, it
#: matches letters (U+0345 COMBINING GREEK YPOGEGRAMMENI matches iota). A name starting with
#: iota could follow a word character; tests check every character for others.
_CASED_NON_WORD = "\u0345"
#: How many atoms of each name the quick scan checks at a word start. More rule out more
#: words that only begin like a name ("model" for "model size"); the scan costs about the
#: same for any length, since most words fail at their first letters.
_HEAD_LENGTH = 12
#: Escapes in a regex (``\d``, ``\u2010``, ``\@``), left out where literal letters are checked.
_ESCAPE = re.compile(r"\\.")
#: Every ASCII character, to test which of them a letter matches ignoring case.
_ASCII = "".join(map(chr, range(128)))


def _opens_with_word_character(alias: Alias) -> bool:
    """Whether every character the first atom of `alias` matches, ignoring case as `re` does,
    is a word character."""
    word = next(w for w in _SEPARATORS.split(alias.text) if w)
    if word.startswith(PLACEHOLDER):
        return True                                         # a digit or k
    letter = word[0].lower()[0]
    return re.fullmatch(r"\w", letter) is not None and not any(
        re.fullmatch(re.escape(letter), char, re.IGNORECASE) for char in _CASED_NON_WORD)


def _alternation(aliases: Iterable[Alias]) -> str:
    """All aliases as one regex, shaped as a trie so that the engine follows only the names
    that share the text's first characters (one flat alternation of hundreds of names is
    several times slower). At every node longer continuations are tried before stopping, so
    at a position the longest name wins. Only optional parts nest; nothing that repeats
    stands inside anything that repeats, so matching takes linear time.
    """
    trie: dict = {}
    for alias in aliases:
        node = trie
        for atom in _atoms(alias):
            node = node.setdefault(atom, {})
        node[""] = {}                       # a name ends here
    return _trie_pattern(trie)[0]


def _trie_pattern(node: dict) -> tuple[str, int]:
    """The regex of a trie node and the length of its longest continuation."""
    branches = []
    for atom, child in node.items():
        if atom:
            pattern, depth = _trie_pattern(child)
            branches.append((depth + 1, atom + pattern))
    if not branches:
        return "", 0
    branches.sort(key=lambda branch: -branch[0])          # longest continuation first
    body = "|".join(pattern for _, pattern in branches)
    if len(branches) > 1:
        body = f"(?:{body})"
    if "" in node:                                          # may also stop here: optional
        body = f"(?:{body})?"
    return body, branches[0][0]


def _heads(aliases: Iterable[Alias], length: int,
           atom_form: Callable[[str], str] = lambda atom: atom) -> str:
    """A regex of the first `length` atoms of every alias, shaped as a trie: where one of the
    aliases stands in the text, one of these heads does. It is the name regex cut short, with
    the same atoms (each as `atom_form` writes it), so wherever the name regex matches, this
    one matches too.
    """
    trie: dict = {}
    for head in sorted({tuple(map(atom_form, _atoms(alias)[:length])) for alias in aliases},
                       key=len):
        node = trie
        for atom in head:
            if "" in node:                  # a shorter head already accepts this one
                break
            node = node.setdefault(atom, {})
        else:
            node.clear()
            node[""] = {}
    return _trie_pattern(trie)[0]


def _in_lower_ascii(atom: str) -> str:
    """An atom as it matches in lower-cased ASCII text: a non-ASCII letter that `re` matches
    with ASCII letters ignoring case ("ſ" with s, the Kelvin sign with k) becomes those
    letters; any other atom stays (a non-ASCII one then matches no ASCII text, nor would the
    case-ignoring `_scan` there)."""
    if len(atom) != 1 or atom.isascii():
        return atom
    letters = "".join(c for c in _ASCII if c.islower() and re.fullmatch(re.escape(atom), c, re.I))
    return f"[{letters}]" if letters else atom


def _opening_patterns(openers: list[Alias], others: list[str], start: str
                      ) -> tuple[re.Pattern, re.Pattern | None]:
    """The quick scanners of `Vocabulary._opening_scanners` for names that open with one of
    `openers` or a match of one of the regexes `others`, followed by the start rule `start`:
    one for any text, one for lower-cased ASCII text (None where it cannot be made: only if a
    part is not written in lower case, which the parts here never are)."""
    heads = "|".join([_heads(openers, _HEAD_LENGTH), *others])
    lower_heads = heads if all(a.text.isascii() for a in openers) else "|".join(
        [_heads(openers, _HEAD_LENGTH, _in_lower_ascii), *others])
    at_word = f"(?=(?:{lower_heads})){start}"
    literals = _ESCAPE.sub("", at_word)
    lower_case = literals == literals.lower() and not any(
        re.search(re.escape(char), _ASCII, re.IGNORECASE)
        for char in set(literals) if not char.isascii())
    return (re.compile(f"{_BEFORE_WORD}(?i:(?=(?:{heads})){start})"),
            re.compile(f"{_BEFORE_WORD}{at_word}") if lower_case else None)


# --- the word index: large generated files without one regex --------------------------------

#: A run of letters and digits: the words the word index keys names by.
_WORD_RUN = re.compile(r"[^\W_]+")
#: Non-ASCII letters that one of the two engines matches with an ASCII letter when case is
#: ignored, as that letter (a test checks the list against every character). With them
#: replaced, text lowered keeps its length and the word index reads it as the engines would.
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@functools.cache
def _separator_characters() -> frozenset[str]:
    """Every character that `_FLEXIBLE_SEPARATOR` matches in either engine (their ``\\s``
    differ on a few control characters; find_all accepts what either accepts). All are in
    the first 0x3001 code points."""
    either = (re.compile(f"[{_SEPARATOR_CHARS}]"), regex.compile(f"[{_SEPARATOR_CHARS}]"))
    return frozenset(c for c in map(chr, range(0x3001)) if any(e.match(c) for e in either))


def _indexable(entry: Entry) -> bool:
    """Whether the word index can find `entry`: plain ASCII names, no template."""
    return all(alias.text.isascii() and not alias.is_template for alias in entry.aliases)


#: What ends a run: any character but a letter or a digit (of the ASCII ones, which names here
#: are written with).
_NOT_IN_RUN = "".join(c for c in map(chr, range(128)) if not c.isalnum())
#: ASCII characters other than letters and digits, as spaces: runs by `str.split`.
_ASCII_RUN_BREAKS = str.maketrans({c: " " for c in _NOT_IN_RUN})
#: The same for bytes, where `translate` and `split` are several times faster still: the runs
#: of a sentence are read as bytes (UTF-8), and the openings kept as bytes.
_BYTE_RUN_BREAKS = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))
#: The last lowered text read and its runs: one pair, read and replaced whole, so that
#: threads sharing it never see one text's runs for another.
_last_runs: list[tuple[str | None, frozenset[bytes]]] = [(None, frozenset())]


def _runs_of(lowered: str) -> frozenset[bytes]:
    """The runs of letters and digits of a lowered text, as UTF-8 bytes. The last answer is
    kept: the word indexes of the vocabularies of one sentence read the same text."""
    seen, runs = _last_runs[0]
    if seen is not lowered:
        runs = frozenset(lowered.encode("ascii").translate(_BYTE_RUN_BREAKS).split()
                         if lowered.isascii() else map(str.encode, _WORD_RUN.findall(lowered)))
        _last_runs[0] = (lowered, runs)
    return runs


class _Openings:
    """The runs a text may open names with, and for each the runs that must follow it.

    Most runs a sentence shares with the openings of thousands of names are common words
    ("deep", "accuracy"); the names they open are rarely there whole. A name that goes on
    after its opening needs the text's next run to be one its rest may open with (the rest
    less the punctuation the opening stopped at: "@0.9" of "precision@0.9"): a set test at C
    speed rules most openings out before any position is looked for. Openings are kept as
    lower-case bytes; those of quoted names also as written, and found in that case.
    """

    __slots__ = ("openings", "_next_runs", "_as_written")

    def __init__(self) -> None:
        self._next_runs: dict[bytes, set[bytes] | None] = {}
        #: openings found in their case: every name they open is quoted and of one run
        self._as_written: dict[bytes, set[str] | None] = {}

    @staticmethod
    def runs(words: Sequence[str]) -> list[str]:
        """The runs of letters and digits a text may open `words` with: the first run, and
        (since a separator in a name may be left out) the runs of the words joined."""
        openings, joined = [], ""
        for word in words:                  # ASCII words: str methods, quicker than a regex
            head, inside, _ = word.translate(_ASCII_RUN_BREAKS).partition(" ")
            joined += head
            if not joined:
                break
            openings.append(joined)
            if inside:                                  # the run ends inside: no more joins
                break
        return openings

    @classmethod
    def of(cls, words: tuple[str, ...]) -> list[tuple[str, frozenset[bytes] | None]]:
        """Each opening of `words` with the runs one of which must follow it (None: none)."""
        found = []
        for joined, opening in enumerate(cls.runs(words), start=1):
            tail = "".join(words[:joined])[len(opening):].lstrip(_NOT_IN_RUN)
            rest = (tail, *words[joined:]) if tail else words[joined:]
            needed = frozenset(run.lower().encode() for run in cls.runs(rest)) if rest else None
            found.append((opening, needed))
        return found

    def add(self, opening: str, needed: frozenset[bytes] | None, as_written: bool = False) -> None:
        key = opening.lower().encode()
        if not as_written:
            self._as_written[key] = None
        elif self._as_written.get(key, set()) is not None:
            self._as_written.setdefault(key, set()).add(opening)
        if needed is not None and self._next_runs.get(key, set()) is not None:
            self._next_runs.setdefault(key, set()).update(needed)
        else:
            self._next_runs[key] = None

    def done(self) -> "_Openings":
        self._next_runs = {key: None if runs is None else frozenset(runs)
                           for key, runs in self._next_runs.items()}
        self._as_written = {key: tuple(spellings) for key, spellings in self._as_written.items()
                            if spellings is not None}
        self.openings = frozenset(self._next_runs)
        return self

    def starts(self, text: str, lowered: str) -> list[int]:
        """Where one of the openings starts a run of `text` (lowered: `lowered`), and what
        must follow it does stand in the text."""
        runs = _runs_of(lowered)
        shared = self.openings.intersection(runs)
        if not shared:
            return []
        starts: list[int] = []
        for key in shared:
            if (needed := self._next_runs[key]) is not None and needed.isdisjoint(runs):
                continue
            if (written := self._as_written.get(key)) is None:
                starts += _whole_runs(lowered, key.decode())
            else:                               # quoted: in the text as written
                starts += [at for spelling in written for at in _whole_runs(text, spelling)]
        return starts

    def entries(self) -> dict[bytes, tuple[frozenset[bytes] | None, tuple[str, ...] | None]]:
        """Each opening with the runs one of which must follow it (None: none) and its
        spellings where it is found in its case (None: found lower-cased)."""
        return {key: (needed, self._as_written.get(key)) for key, needed in self._next_runs.items()}


class _WordIndex:
    """Plain names found through their first word, without a regex of their own.

    One trie regex of every name compiles slowly (a few seconds for the 6,000 names of a
    generated file, in every process) and its quick scan finds many more word starts. The
    index instead keys every alias by the words a text may open it with: its first run of
    letters and digits, and, since a separator in a name may be left out in the text, that
    run joined to the next words ("gpqa" and "gpqadiamond" for "GPQA Diamond"). A text's
    runs of letters and digits are intersected with those keys as a set (at C speed; most
    sentences share none), and the names are tried only where a shared run starts, word by
    word. It finds what the trie regex of the same names finds: the same start and end rules,
    one separator or none between words, case ignored (the lookup checks quoted names' case).
    """

    __slots__ = ("_by_opening", "_openings", "_start", "_end")

    def __init__(self, entries: Iterable[Entry], start: str, end: str) -> None:
        by_opening: dict[str, list[tuple[tuple[str, ...], frozenset[str] | None]]] = {}
        openings = _Openings()
        for entry in entries:
            for alias in entry.aliases:
                words = tuple(w for w in _SEPARATORS.split(alias.text) if w)
                lower = tuple(w.lower() for w in words)
                for opening, needed in _Openings.of(lower):
                    by_opening.setdefault(opening, []).append((lower, needed))
                # A quoted name of one run is looked for in its case ("SCOPE" is not in "the
                # scope"). One of more runs is looked for in any case, as the regex does: a
                # match in the wrong case, then refused, is what the search goes on after
                # ("FOR INSTANCE" is no "FOR-instance", nor is its "INSTANCE" a name).
                exact = _Openings.of(words)
                if alias.case_sensitive and all(needed is None for _, needed in exact):
                    for opening, needed in exact:
                        openings.add(opening, needed, as_written=True)
                else:
                    for opening, needed in _Openings.of(lower):
                        openings.add(opening, needed)
        self._by_opening = by_opening
        self._openings = openings.done()
        self._start = re.compile(start)
        self._end = re.compile(end)

    @property
    def openings(self) -> _Openings:
        """The runs a text may open the index's names with."""
        return self._openings

    @staticmethod
    def lowered(text: str) -> str:
        """`text` as the index reads it: lower case, as long as `text`."""
        return text.translate(_ASCII_LOOKALIKES).lower() if not text.isascii() else text.lower()

    def starts(self, text: str, lowered: str) -> list[int]:
        """Where a name of the index may start in `text` (lowered: `lowered`), in order."""
        return sorted(self._openings.starts(text, lowered))

    def longest(self, text: str, lowered: str, start: int) -> int | None:
        """The end of the longest name at `start` of `text`, or None."""
        run = _WORD_RUN.match(lowered, start)
        if run is None or self._start.match(text, start) is None:
            return None
        separators = _separator_characters()
        runs = _runs_of(lowered)
        best = None
        for words, needed in self._by_opening.get(run[0], ()):
            if needed is not None and needed.isdisjoint(runs):
                continue                        # what must follow the opening is not there
            at = start
            for index, word in enumerate(words):
                if index and lowered[at:at + 1] in separators:
                    at += 1                     # one separator, or none
                if not lowered.startswith(word, at):
                    break
                at += len(word)
            else:
                if (best is None or at > best) and self._end.match(text, at):
                    best = at
        return best


# --- skipping the POSIX match where no longer name can follow -------------------------------

class _Growth:
    """Which names found by the trie regex a longer name may go on from, decided from the
    names of a vocabulary whose whole match is the name (no prefix, suffix or count).

    The trie regex can stop at a shorter name where a longer one matches too; `_take` then
    needs the POSIX match. A longer match at the same start begins with the found text, so
    its alias's key goes on from the found name's key; where no alias's key does, the
    candidate is already the longest; and where one does, the text must go on as that key
    does: with its next character, after one separator or none (in ASCII text; names have
    one separator or none between words). Only printable ASCII names are decided (the engines
    and `fold` read their separators alike). An alias that is not plain printable ASCII, or
    is a template, is known by its head, the key of its text before the first such character
    or the placeholder: a found key that the head begins with may grow, and so may one that
    begins with the head, unless the character after the head matches no ASCII character or
    (a template) no key of the template goes on from the found key with the text's next
    character.
    """

    __slots__ = ("_next", "_heads")

    def __init__(self, entries: Iterable[Entry]) -> None:
        next_characters: dict[str, set[str]] = {}   # a key's prefix: the key's next characters
        heads: set[tuple[str, bool, regex.Pattern | None]] = set()
        for alias in (alias for entry in entries for alias in entry.aliases):
            text = alias.text
            if text.isascii() and text.isprintable() and not alias.is_template:
                key = fold(text)
                for cut in range(len(key)):
                    next_characters.setdefault(key[:cut], set()).add(key[cut])
                continue
            heads.add(self._head(alias))
        self._heads = tuple(heads)
        self._next = {prefix: frozenset(chars) for prefix, chars in next_characters.items()}

    @staticmethod
    def _head(alias: Alias) -> tuple[str, bool, regex.Pattern | None]:
        """An alias that is not plain printable ASCII: its head's key, whether only a character
        matching no ASCII one breaks off the head, and its keys' pattern (ASCII templates)."""
        text = alias.text
        stop = next(at for at, char in enumerate(text + "{")
                    if not (char.isascii() and char.isprintable()) or text.startswith(PLACEHOLDER, at)
                    or at == len(text))
        template = regex.compile(Vocabulary._template_regex(alias).pattern, regex.IGNORECASE) \
            if alias.is_template and text.isascii() else None
        return fold(text[:stop]), stop < len(text) and not _matches_ascii(text[stop]), template

    def grows(self, name: str, following: str | None) -> bool:
        """Whether a longer name than `name` (as the trie regex found it) may match at its
        start, the text going on with `following` as a key would read it ("": nothing; None:
        not known)."""
        if not (name.isascii() and name.isprintable()):
            return True
        if following == "":
            return False
        key = fold(name)
        for head, only_ascii_breaks, template in self._heads:
            if head.startswith(key):
                return True
            if not only_ascii_breaks and key.startswith(head) and (
                    template is None or following is None
                    or template.fullmatch(key + following, partial=True) is not None):
                return True
        going_on = self._next.get(key)
        return going_on is not None and (following is None or following in going_on)


def _next_key_character(text: str, end: int) -> str | None:
    """The character of `text` a longer name's key would read next after a name ending at
    `end`: the next one, or the one after a separator (names have one or none between words);
    None in text that is not ASCII, where a letter may match another ignoring case."""
    if not text.isascii():
        return None
    char = text[end:end + 1]
    if char in _separator_characters():
        char = text[end + 1:end + 2]
    return char.lower()


def _matches_ascii(char: str) -> bool:
    """Whether `char` matches an ASCII character ignoring case, in either engine."""
    return any(re.fullmatch(re.escape(char), c, re.IGNORECASE)
               or regex.fullmatch(regex.escape(char), c, regex.IGNORECASE) for c in _ASCII)


# --- the vocabulary ------------------------------------------------------------------------

class Openings(NamedTuple):
    """What may open a mention of a vocabulary in running text: the aliases and prefixes as
    written, regexes of anything else (an accelerator count, "8x"), and the start rule; and
    whether what may follow a name can be glued to it (a plural, "V100s")."""

    words: tuple[Alias, ...]
    others: tuple[str, ...]
    start: str
    glued_after: bool = False


class OpeningScanners(NamedTuple):
    """find_all's quick scanners: `re` patterns that find the word starts where a mention may
    open, one for any text and one for lower-cased ASCII text; None where one cannot be made
    (find_all then searches without it)."""

    any_text: re.Pattern | None
    lower_ascii: re.Pattern | None


class Vocabulary:
    """Canonical names with their aliases; find them in text and fold spellings to them."""

    #: Allowed values of ``[attribute]`` after a name; None means the file takes no attribute.
    ATTRIBUTES: ClassVar[frozenset[str] | None] = None
    #: Directives (``@prefix = ...``) the file may use.
    DIRECTIVES: ClassVar[frozenset[str]] = frozenset({"prefix", "suffix", "variant"})
    #: Where a mention may start and end in running text.
    _START: ClassVar[str] = _START
    _END: ClassVar[str] = _END

    def __init__(self, entries: Iterable[Entry], source: str = "<vocabulary>",
                 directives: dict[str, tuple[Alias, ...]] | None = None, *,
                 word_indexed: Iterable[Entry] = ()) -> None:
        """`entries` are found by one trie regex; `word_indexed` ones (plain ASCII names
        without a template, in a vocabulary without directives) through a `_WordIndex`,
        which large generated files need to load and scan quickly."""
        self.source = source
        self.directives = dict(directives or {})
        regex_entries = tuple(entries)
        indexed = tuple(word_indexed)
        if indexed and (self.directives or not all(map(_indexable, indexed))):
            raise ValueError("word-indexed entries must be plain ASCII names in a vocabulary "
                             "without directives")
        self.entries: tuple[Entry, ...] = regex_entries + indexed
        self._by_name: dict[str, Entry] = {}
        self._folded: dict[str, Entry] = {}      # case-insensitive aliases, key folded
        self._exact: dict[str, Entry] = {}       # case-sensitive aliases, key keeps its case
        self._templates: list[tuple[regex.Pattern, Entry, bool]] = []
        # Per instance, so that a vocabulary and its cache go away together.
        self._resolve = functools.lru_cache(maxsize=4096)(self._resolve_uncached)
        # A pure function of a name as found (names recur in every corpus): folded and looked
        # up once, not at every mention.
        self._lookup = functools.lru_cache(maxsize=4096)(self._lookup_uncached)
        self._index()
        self._regex_entries = regex_entries
        self._pattern = self._compile(regex_entries)
        self._longest = regex.compile(self._pattern.pattern, self._pattern.flags | regex.POSIX)
        # Whether a longer name may go on from a name as found, the text going on with a
        # character (see _posix): per name and character.
        growth = _Growth(regex_entries) if set(self._pattern.groupindex) == {"name"} else None
        self._grows = functools.lru_cache(maxsize=4096)(
            growth.grows if growth is not None else lambda name, following: True)
        self._may_grow = functools.lru_cache(maxsize=4096)(lambda name: self._grows(name, None))
        self._scan = self._fast_scanner(self._pattern)
        self._words = _WordIndex(indexed, self._START, self._END) if indexed else None
        self._openings, self._openings_in_lower_ascii = self._opening_scanners()
        # Where the word index reads a text's runs of letters and digits anyway, find_all
        # reads the trie regex's openings off them too, instead of its quick scan.
        self._run_openings = _RunOpenings.of(self.openings, self._words.openings) \
            if self._words is not None and self._openings_in_lower_ascii is not None else None
        # Otherwise (hardware: counts, plurals and memory sizes glued to a name) the openings
        # are read off the runs by a name's first run (the runs are read for the other
        # vocabularies of a sentence anyway), instead of with the quick scanner.
        self._run_heads = _RunHeads.of(self.openings, self._run_forms_of_other_openings()) \
            if self._run_openings is None and self._openings_in_lower_ascii is not None else None

    # construction

    @classmethod
    def from_text(cls, text: str, source: str = "<text>") -> Self:
        """A vocabulary from the text of a file; `source` names it in error messages."""
        parsed = _parse(text, source, cls.ATTRIBUTES, cls.DIRECTIVES)
        return cls(parsed.entries, source, parsed.directives)

    @classmethod
    def from_file(cls, path: str | PathLike[str] | Traversable) -> Self:
        """A vocabulary read from a UTF-8 file."""
        text, source = _read_text(path)
        return cls.from_text(text, source)

    @classmethod
    def from_files(cls, paths: Sequence[str | PathLike[str] | Traversable]) -> Self:
        """One vocabulary read from several UTF-8 files, the first winning over the others.

        The first file is the one kept by hand; the others are generated from larger lists
        (``benchmarks-pwc.txt`` ...) and yield to it: an entry whose canonical name the first
        file knows is left out, and so is an alias it knows (see `_merge`). Directives
        (``@prefix`` ...) belong to the first file; a later file with one is an error.
        """
        files = []
        for index, path in enumerate(paths):
            text, source = _read_text(path)
            allowed = cls.DIRECTIVES if index == 0 else frozenset()
            files.append(_parse(text, source, cls.ATTRIBUTES, allowed))
        if not files:
            raise ValueError("from_files needs one file or more")
        entries = _merge(files)
        first = len(files[0].entries)
        indexed = [] if files[0].directives else [e for e in entries[first:] if _indexable(e)]
        kept = entries[:first] + [e for e in entries[first:] if not indexed or not _indexable(e)]
        return cls(kept, " + ".join(file.source for file in files), files[0].directives,
                   word_indexed=indexed)

    def _index(self) -> None:
        """Fill the lookup tables; two names for one spelling is an error."""
        claimed: dict[str, tuple[Alias, Entry]] = {}   # folded key -> first alias that took it
        for entry in self.entries:
            if (previous := self._by_name.get(entry.canonical)) is not None:
                raise self._error(entry, entry.line, f"{entry.canonical!r} is already defined "
                                                     f"at {_where(previous, entry)}")
            self._by_name[entry.canonical] = entry
            for alias in entry.aliases:
                key = fold(alias.text)
                other = claimed.get(key)
                if other is not None and other[1] is not entry and not (
                        alias.case_sensitive and other[0].case_sensitive
                        and fold(alias.text, True) != fold(other[0].text, True)):
                    raise self._error(entry, alias.line,
                                      f"alias {alias.text!r} already stands for "
                                      f"{other[1].canonical!r} ({_where(other[1], entry, other[0].line)})")
                claimed.setdefault(key, (alias, entry))
                if alias.is_template:
                    self._templates.append((self._template_regex(alias), entry,
                                            alias.case_sensitive))
                elif alias.case_sensitive:
                    self._exact[fold(alias.text, keep_case=True)] = entry
                else:
                    self._folded[key] = entry

    @staticmethod
    def _template_regex(alias: Alias) -> regex.Pattern:
        """A template alias as a regex over folded keys: "pass@{k}" -> ``pass@(?P<k>\\d+|k)``."""
        key = fold(alias.text, keep_case=alias.case_sensitive)
        literal_parts = [regex.escape(part) for part in key.split(fold(PLACEHOLDER))]
        return regex.compile(_PLACEHOLDER_PATTERN.join(literal_parts))

    def _error(self, entry: Entry, line: int, reason: str) -> VocabError:
        return VocabError(f"{entry.source or self.source}:{line}: {reason}")



    def _compile(self, entries: Iterable[Entry]) -> regex.Pattern:
        """The find_all regex of `entries`: optional prefix, the name, what may follow it,
        optional suffix."""
        parts = [self._START, self._before_name()]
        if prefixes := self.directives.get("prefix"):
            parts.append(f"(?:(?P<prefix>{_alternation(prefixes)}){_REQUIRED_SEPARATOR})?")
        parts.append(f"(?P<name>{_alternation(a for e in entries for a in e.aliases)})")
        parts.append(self._after_name())
        if suffixes := self.directives.get("suffix"):
            parts.append(f"(?:{_REQUIRED_SEPARATOR}(?P<suffix>{_alternation(suffixes)}))?")
        parts.append(self._END)
        return regex.compile("".join(parts), regex.IGNORECASE)

    def _before_name(self) -> str:
        """Regex of what may stand before the prefix and name (subclasses add counts)."""
        return ""

    def _after_name(self) -> str:
        """Regex of what may follow a name before the suffix (subclasses add variants)."""
        return ""

    def _mention_start(self, match: regex.Match) -> int:
        """Where the mention starts in a match (subclasses leave out what is not the name)."""
        return match.start()

    def _accept(self, match: regex.Match) -> bool:
        """Whether a regex match is a real mention (subclasses reject some)."""
        return True

    # queries

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical names, in file order (templates as written, e.g. ``pass@{k}``)."""
        return tuple(entry.canonical for entry in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.canonical(text) is not None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.source!r}, {len(self)} names)"

    def canonical(self, text: str) -> str | None:
        """The canonical name for `text` (one name, as cut from a sentence), or None.

        `text` must be a whole mention as find_all would find it: case and separators are
        folded (except for names the file quotes, ``"MATH"``), surrounding punctuation is
        ignored, and a hardware mention may keep its vendor, memory size and "GPU".
        """
        resolved = self._resolve(text)
        return resolved[0] if resolved else None

    def attribute(self, text: str) -> str | None:
        """The ``[attribute]`` of the name `text` stands for, or None if it is unknown."""
        resolved = self._resolve(text)
        return resolved[1].attribute if resolved else None

    def _resolve_uncached(self, text: str) -> tuple[str, Entry] | None:
        name = text.strip(_EDGE_PUNCTUATION)
        match = self._pattern.fullmatch(name) if name else None
        if match is None and name and self._words is not None:
            if self._words.longest(name, self._words.lowered(name), 0) == len(name):
                return self._lookup(name)
        if match is None or not self._accept(match):
            return None
        return self._lookup(match["name"])

    def _lookup_uncached(self, name: str) -> tuple[str, Entry] | None:
        """The canonical name and entry of a name the regex matched; None when only the
        case-insensitive regex, not the file, allows it ("math" for the quoted "MATH")."""
        exact_key = fold(name, keep_case=True)
        if (entry := self._exact.get(exact_key)) is not None:
            return entry.canonical, entry
        key = exact_key.casefold()
        if (entry := self._folded.get(key)) is not None:
            return entry.canonical, entry
        for template, entry, case_sensitive in self._templates:
            if (m := template.fullmatch(exact_key if case_sensitive else key)) is not None:
                return entry.canonical.replace(PLACEHOLDER, m["k"]), entry
        return None

    @staticmethod
    def _fast_scanner(pattern: regex.Pattern) -> re.Pattern | regex.Pattern:
        """`pattern` compiled by the standard `re` engine, which scans a third faster; the
        `regex` pattern where `re` cannot compile it. Only the scan uses it: the longest name
        at a found position is still taken by the POSIX `regex` match."""
        try:
            return re.compile(pattern.pattern, re.IGNORECASE)
        except re.error:
            return pattern

    def _opening_scanners(self) -> tuple[re.Pattern | None, re.Pattern | None]:
        """Quick `re` patterns that find every place where `_scan` matches, and few others:
        one for any text, one for lower-cased ASCII text (None where they cannot be made).

        `_scan` begins with ``\\b``, which no search shortcut of `re` can use: the engine
        starts a full match attempt at every character of the text, and most of find_all's
        time went there. A mention starts a word, so the character before it is not a word
        character (find_all puts a space before the text for a mention at its start). A
        pattern that begins with a class of such characters lets `re` skip the inside of
        words in a tight loop, and try the rest only before words: the first atoms of what
        may open a mention (`_heads`; a count, a prefix or a name), then the start rules of
        `_scan`. Each part is what `_scan` itself requires there, so these patterns find
        every position where `_scan` matches; find_all confirms each with `_scan`.

        `re` ignores case slowly: an alternative that begins with a letter is entered just to
        find that the letter differs. In ASCII text, lower-case letters match case-sensitively
        what `_scan` matches ignoring case, so the second pattern, for ``text.lower()``, does
        without the flag. It is None if a non-ASCII letter of a name matches an ASCII one when
        case is ignored ("ı" matches "i"), or a part is not written in lower case.

        Both are None (find_all searches with `_scan` everywhere) where `_scan` is not an
        `re` pattern or does not start with ``\\b``, or a name may start with a character that
        is not a word character; the last is a name's doing, and a VocabWarning names it.
        """
        openers = self.openings.words
        if not (isinstance(self._scan, re.Pattern) and self._START.startswith(r"\b")):
            return None, None
        if (odd := next((a for a in openers if not _opens_with_word_character(a)), None)):
            where = next((e.source for e in self.entries if odd in e.aliases), None)
            warnings.warn(f"{where or self.source}:{odd.line}: {odd.text!r} opens with a letter "
                          f"that a non-word character matches when case is ignored; find_all "
                          f"reads this vocabulary without its quick scan", VocabWarning,
                          stacklevel=4)
            return None, None
        return _opening_patterns(list(openers), list(self.openings.others), self._START)

    @property
    def openings(self) -> Openings:
        """What may open a mention found by the trie regex (the word-indexed names open
        where their index says): every alias as written, the prefixes, other regexes."""
        return Openings(
            (*(alias for entry in self._regex_entries for alias in entry.aliases),
             *self.directives.get("prefix", ())),
            tuple(self._other_openings()), self._START, bool(self._after_name()))

    @property
    def reads_runs(self) -> bool:
        """Whether find_all reads where a name may open in ASCII text off the text's runs of
        letters and digits (which the word indexes of a sentence's vocabularies read anyway)
        rather than with its quick scanner."""
        return self._run_openings is not None or self._run_heads is not None

    @property
    def opening_scanners(self) -> OpeningScanners:
        """The quick scanners of find_all (see `_opening_scanners`)."""
        return OpeningScanners(self._openings, self._openings_in_lower_ascii)

    def _other_openings(self) -> list[str]:
        """Regexes of what else than a prefix or a name may open a mention (subclasses)."""
        return []

    def _run_forms_of_other_openings(self) -> list[str] | None:
        """Regexes that match at the start of a run of letters and digits wherever one of
        `_other_openings` matches there (None: none known; subclasses)."""
        return [] if not self._other_openings() else None

    def find_all(self, text: str) -> list[Mention]:
        """Every mention in `text` as ``(start, end, canonical)``: leftmost-longest,
        non-overlapping, whole words only. The span covers the whole mention, prefix and
        suffix included ("NVIDIA H800 GPUs"), so numbers inside it belong to the name.
        """
        return self.find_all_lowered(text, text.lower() if text.isascii() else None)

    def find_all_lowered(self, text: str, lowered: str | None) -> list[Mention]:
        """find_all of `text`, given ``text.lower()`` if `text` is ASCII (None if not): the
        vocabularies of one sentence lower it once, and read its runs once (`_runs_of` keeps
        the last lowered text's)."""
        # A combining mark after a name's last character makes it part of a longer word to the
        # reference search; the word index does not see marks, so such rare texts take the
        # reference search (found by the quick-scan property: "AP50 base B6/N6" + U+0301).
        if lowered is None and any(unicodedata.combining(char) for char in text):
            return self.find_all_by_search(text)
        if self._run_openings is not None and lowered is not None:
            return self._found_both(text, *self._run_openings.starts(text, lowered), lowered)
        if self._run_heads is not None and lowered is not None:
            return self.find_all_at(text, self._run_heads.starts(lowered), lowered)
        # A space in front stands before a name at the start; and with it, the index of the
        # character before a word in the padded text is the index of the word in `text`.
        if self._openings_in_lower_ascii is not None and lowered is not None:
            openings = self._openings_in_lower_ascii.finditer(" " + lowered)
        elif self._openings is not None:
            openings, lowered = self._openings.finditer(" " + text), None
        else:
            return self.find_all_by_search(text)
        return self.find_all_at(text, [opening.start() for opening in openings], lowered)

    def find_all_at(self, text: str, starts: Sequence[int], lowered: str | None = None
                    ) -> list[Mention]:
        """find_all of `text`, the trie regex tried at `starts` (in order): every place where
        this vocabulary's opening scanner matches, and perhaps others; the word-indexed names
        where their index finds them. `lowered` is ``text.lower()`` if the caller has it."""
        if self._words is None:
            return self._found_at(text, starts, (), None, "")
        lowered = self._words.lowered(text) if lowered is None or not text.isascii() else lowered
        return self._found_both(text, starts, self._words.starts(text, lowered), lowered)

    def _found_both(self, text: str, scanned: Sequence[int], indexed: list[int], lowered: str
                    ) -> list[Mention]:
        """The mentions where the trie regex is tried (`scanned`) or the word index finds a
        name's opening (`indexed`), both in order."""
        if not indexed:
            return self._found_at(text, scanned, (), None, "") if scanned else []
        return self._found_at(text, sorted({*scanned, *indexed}), frozenset(indexed),
                              frozenset(scanned), lowered)

    def _found_at(self, text: str, starts: Iterable[int], indexed: frozenset[int] | tuple,
                  scanned: frozenset[int] | None, lowered: str) -> list[Mention]:
        """The mentions at `starts`, leftmost-longest: at each start the longer of what the
        trie regex matches (if `scanned` holds the start, or is None) and what the word index
        finds (if `indexed` holds it)."""
        found: list[Mention] = []
        position = 0
        for start in starts:
            if start < position:            # inside the mention found last
                continue
            candidate = (self._scan.match(text, start)
                         if scanned is None or start in scanned else None)
            end = self._words.longest(text, lowered, start) if start in indexed else None
            if end is not None and (candidate is None or end > self._longest_end(text, candidate)):
                if (resolved := self._lookup(text[start:end])) is not None:
                    found.append((start, end, resolved[0]))
                position = end
            elif candidate is not None:
                position = self._take(text, candidate, found)
        return found

    def _longest_end(self, text: str, candidate: re.Match | regex.Match) -> int:
        return self._posix(text, candidate).end()

    def _posix(self, text: str, candidate: re.Match | regex.Match) -> re.Match | regex.Match:
        """The longest match at `candidate`'s start: `candidate` itself where no longer name
        can go on from the name it matched, or none with the text's next character (after
        one separator) in ASCII text (most names: no POSIX match needed)."""
        name = candidate[0]
        if not (self._may_grow(name) and self._grows(name, _next_key_character(text, candidate.end()))):
            return candidate
        return self._longest.match(text, candidate.start()) or candidate

    def find_all_by_search(self, text: str) -> list[Mention]:
        """find_all by searching with one trie regex of every name (word-indexed ones too)
        from each position on, without the quick scan or the word index: slower (its regex
        of a large vocabulary takes seconds to compile, once), the reference that find_all
        must equal (tests compare the two)."""
        scan, longest = self._reference_patterns
        found: list[Mention] = []
        position = 0
        while (candidate := scan.search(text, position)) is not None:
            position = self._take(text, candidate, found, longest)
        return found

    @functools.cached_property
    def _reference_patterns(self) -> tuple[re.Pattern | regex.Pattern, regex.Pattern]:
        """The scan and POSIX patterns of one trie regex of every name."""
        if self._words is None:
            return self._scan, self._longest
        pattern = self._compile(self.entries)
        return (self._fast_scanner(pattern),
                regex.compile(pattern.pattern, pattern.flags | regex.POSIX))

    def _take(self, text: str, candidate: re.Match | regex.Match, found: list[Mention],
              longest: regex.Pattern | None = None) -> int:
        """Append the mention `_scan` matched as `candidate` to `found`, if it is one; return
        where the search goes on."""
        # The trie tries longer names first, but where a separator or a {k} overlaps a
        # letter a shorter name can still win; POSIX matching at this one position
        # finds the longest (run everywhere it would be three times slower).
        match = (longest.match(text, candidate.start()) or candidate if longest is not None
                 else self._posix(text, candidate))
        if self._accept(match) and (resolved := self._lookup(match["name"])) is not None:
            found.append((self._mention_start(match), match.end(), resolved[0]))
        return max(match.end(), match.start() + 1)


class MetricVocabulary(Vocabulary):
    """Metrics: each carries its direction, ``[higher]`` or ``[lower]`` is better."""

    ATTRIBUTES = frozenset({"higher", "lower"})

    def direction(self, name: str) -> str | None:
        """``"higher"`` or ``"lower"`` for a known metric (any spelling), else None."""
        return self.attribute(name)

    def higher_is_better(self, name: str) -> bool:
        """False for lower-is-better metrics; True otherwise (unknown metrics rank highest
        first, as most quality metrics do)."""
        return self.direction(name) != "lower"


#: A memory size written after an accelerator name: "A100 80GB", "A100-80GB", "V100 (32 GB)".
_MEMORY_SIZE = r"(?:[\s\-_]?\(?\d{1,3}\s?G(?:i?B)?\)?)"
#: A count before a name, "8xA100": where it opens a run.
_COUNT_OPENING = r"\d+x"
#: A count glued to a name, "8xA100" (the lookahead: glued).
_COUNT = _COUNT_OPENING + r"(?=\w)"
#: A plural "s" glued to a name: "8x V100s".
_PLURAL = r"(?:s(?!\w))"


class HardwareVocabulary(Vocabulary):
    """Accelerators and systems: each carries its kind (``[gpu]``, ``[npu]`` ...)."""

    ATTRIBUTES = frozenset({"gpu", "tpu", "npu", "accelerator", "system"})
    # A hyphenated tail does not make another accelerator: "A100-based" is an A100.
    _END = r"(?!\w)"

    def kind(self, name: str) -> str | None:
        """The kind of accelerator `name` stands for, or None if it is unknown."""
        return self.attribute(name)

    def _before_name(self) -> str:
        # A count glued to the name, "8xA100": matched so that the name is found, left out
        # of the mention's span.
        return f"(?:(?P<count>{_COUNT}))?"

    def _mention_start(self, match: regex.Match) -> int:
        return match.end("count") if match["count"] else match.start()

    def _other_openings(self) -> list[str]:
        return [_COUNT]

    def _run_forms_of_other_openings(self) -> list[str]:
        # without the lookahead: a run may end before "_", a word character
        return [_COUNT_OPENING]

    def _after_name(self) -> str:
        variant = ""
        if variants := self.directives.get("variant"):
            variant = f"(?:{_REQUIRED_SEPARATOR}(?:{_alternation(variants)}))?"
        return f"{_PLURAL}?{variant}{_MEMORY_SIZE}?"

    def _accept(self, match: regex.Match) -> bool:
        # A bare model number ("4090") is a name only next to a vendor or a "GPU" word.
        context = match.groupdict()
        has_context = bool(context.get("prefix") or context.get("suffix"))
        return has_context or not match["name"][0].isdigit()


class JointScan:
    """find_all of several vocabularies in one text: a sentence with a number is read for
    benchmarks, metrics and hardware alike. Most of find_all's cost was a scan of every word
    start for one that may open a name; the vocabularies read those places off the text's
    runs of letters and digits instead (`_RunOpenings`, `_RunHeads`), and the runs are read once
    for all the vocabularies of a text (lowered once: `_runs_of` keeps the last lowered
    text's runs).

    ``JointScan(vs).find_all(text)`` equals ``tuple(v.find_all(text) for v in vs)``.
    """

    __slots__ = ("vocabularies",)

    def __init__(self, vocabularies: Iterable[Vocabulary]) -> None:
        self.vocabularies = tuple(vocabularies)

    def find_all(self, text: str) -> tuple[list[Mention], ...]:
        lowered = text.lower() if text.isascii() else None
        return tuple(v.find_all_lowered(text, lowered) for v in self.vocabularies)


class _RunOpenings:
    """Where a vocabulary's trie regex may open a mention in lower-cased ASCII text, read off
    the text's runs of letters and digits: every place where its opening scanner matches, and
    a few others (find_all tries the trie regex there); and, looked up with them, where the
    word index's names may open.

    A name (or prefix) opens with its first run of letters and digits, or, since a separator
    in a name may be left out, with that run joined to the next words; the runs that must
    follow rule most openings out, as in the word index (`_Openings`). A name whose first run
    goes on into a placeholder ("top-{k}", "FPR{k}") opens with a run that begins with the
    run before it ("top10"). Names with a character that no ASCII one matches cannot stand in
    ASCII text.
    """

    __slots__ = ("_table", "_either", "_keys", "_prefixes")

    def __init__(self, openings: "_Openings", prefixes: frozenset[str], indexed: "_Openings") -> None:
        # One table of the trie regex's openings and the word index's: one intersection with
        # the runs of a text, one search for a run both open with. Per run: the runs one of
        # which must follow it for the regex and for the index (the run itself where none
        # must: it stands among the runs; none where it opens nothing of that side), and the
        # index's spellings where it is found in its case.
        regex_side, index_side = openings.entries(), indexed.entries()
        self._table = {key: (_must_follow(key, regex_side), _must_follow(key, index_side),
                             index_side.get(key, (None, None))[1])
                       for key in regex_side.keys() | index_side.keys()}
        # Most runs a text shares with the table are common words that open names only with
        # a run that is not there: one test of the runs either side needs rules them out.
        self._either = {key: regex_needed | index_needed
                        for key, (regex_needed, index_needed, _) in self._table.items()}
        self._keys = frozenset(self._table)
        self._prefixes = tuple(sorted(prefixes))

    @classmethod
    def of(cls, openers: Openings, indexed: "_Openings") -> "_RunOpenings | None":
        """The run openings of a vocabulary's `openers`; None where runs cannot tell its
        openings: something else may open a mention (a count, "8xA100"), something may be
        glued to a name's last run (a plural, "V100s"), or a name opens with a placeholder."""
        if openers.others or openers.glued_after:
            return None
        openings, prefixes = _Openings(), set()
        for alias in openers.words:
            words = _ascii_words(alias.text)
            if words is None:
                continue                                    # it cannot stand in ASCII text
            exact, prefix = _opening_runs(words)
            if prefix == "":
                return None
            for opening, needed in exact:
                openings.add(opening, needed)
            if prefix is not None:
                prefixes.add(prefix)
        return cls(openings.done(), frozenset(prefixes), indexed)

    def starts(self, text: str, lowered: str) -> tuple[list[int], list[int]]:
        """Where the trie regex may open a mention in `text` (lowered: `lowered`, ASCII), and
        where a name of the word index may, each in order."""
        runs = _runs_of(lowered)
        scanned: list[int] = []
        indexed: list[int] = []
        either = self._either
        for key in self._keys.intersection(runs):
            if either[key].isdisjoint(runs):
                continue
            regex_needed, index_needed, spellings = self._table[key]
            regex_side, index_side = not regex_needed.isdisjoint(runs), not index_needed.isdisjoint(runs)
            if regex_side or (index_side and spellings is None):
                places = _whole_runs(lowered, key.decode())
                if regex_side:
                    scanned += places
                if index_side and spellings is None:
                    indexed += places
            if index_side and spellings is not None:    # quoted: in the text as written
                indexed += [at for spelling in spellings for at in _whole_runs(text, spelling)]
        if self._prefixes:
            scanned = list(set(scanned + _prefix_places(lowered, self._prefixes)))
        scanned.sort()
        indexed.sort()
        return scanned, indexed


class _RunHeads:
    """Where the trie regex may open a mention in lower-cased ASCII text, read off the text's
    runs of letters and digits, for names that may have something glued to them: a count
    before ("8xA100"), a plural or a memory size after ("V100s", "A10080GB"), so that a name's
    runs need not stand whole in the text.

    A mention opens at the start of a run (it starts with a letter or a digit, after a
    non-word character). A run of letters only is a name's or prefix's opening (its first
    run, or runs joined where a separator is left out: "tpuv"), perhaps with a plural "s": one
    set intersection finds those. A run with a digit (a count, a memory size, a model number)
    opens one if it begins with a name's or prefix's first run ("a100" of "a10080gb") or with
    another opening (a count, "8x"); most sentences have few such runs. Names with a
    placeholder open where a run begins with the run before it ("top" of "top{k}"). Every
    place where the trie regex matches is among these; it is tried there.
    """

    __slots__ = ("_openings", "_firsts", "_width", "_others", "_other_starts", "_prefixes")

    def __init__(self, openings: frozenset[bytes], firsts: frozenset[bytes], others: str,
                 prefixes: frozenset[str]) -> None:
        # a plural "s" glued to any opening (a superset: the trie regex decides)
        self._openings = openings | {opening + b"s" for opening in openings}
        self._width = min(map(len, firsts), default=1)
        by_head: dict[bytes, list[bytes]] = {}
        for first in sorted(firsts):
            by_head.setdefault(first[:self._width], []).append(first)
        self._firsts = {head: tuple(runs) for head, runs in by_head.items()}
        self._others = re.compile(others.encode()) if others else None
        # the characters a run that another opening opens may begin with
        self._other_starts = frozenset(
            char.encode() for char in _ASCII if char.isalnum() and not char.isupper()
            and regex.match(others, char, partial=True)) if others else frozenset()
        self._prefixes = tuple(sorted(prefixes))

    @classmethod
    def of(cls, openers: Openings, others: list[str] | None) -> "_RunHeads | None":
        """The run heads of a vocabulary's `openers`, `others` the run forms of its other
        openings; None where runs cannot tell its openings (an other opening without a run
        form, a name that opens with a placeholder or without a letter or digit)."""
        if others is None:
            return None
        openings, firsts, prefixes = set(), set(), set()
        for alias in openers.words:
            words = _ascii_words(alias.text)
            if words is None:
                continue                                    # it cannot stand in ASCII text
            exact, prefix = _opening_runs(words)
            first = exact[0][0] if exact else prefix
            if not first:
                return None
            firsts.add(first.encode())
            openings.update(opening.encode() for opening, _ in exact)
            if prefix is not None:
                prefixes.add(prefix)
        return cls(frozenset(openings), frozenset(firsts), "|".join(others), frozenset(prefixes))

    def starts(self, lowered: str) -> list[int]:
        """Where the trie regex may open a mention in `lowered` (lower-cased ASCII), in order."""
        runs = _runs_of(lowered)
        found = list(self._openings.intersection(runs))
        for run in filterfalse(bytes.isalpha, runs):
            if self._opens_with_digits(run):
                found.append(run)
        places = [at for run in found for at in _whole_runs(lowered, run.decode())]
        if self._prefixes:
            places = list(set(places + _prefix_places(lowered, self._prefixes)))
        places.sort()
        return places

    def _opens_with_digits(self, run: bytes) -> bool:
        """Whether a run with a digit begins with a name's or prefix's first run, or with
        another opening."""
        firsts = self._firsts.get(run[:self._width])
        return (firsts is not None and run.startswith(firsts)) or (
            run[:1] in self._other_starts and self._others.match(run) is not None)


def _prefix_places(lowered: str, prefixes: Iterable[str]) -> list[int]:
    """Where a run of `lowered` begins with one of `prefixes` (runs a placeholder goes on from)."""
    found = []
    for prefix in prefixes:
        at = lowered.find(prefix)
        while at >= 0:
            if not (at and lowered[at - 1].isalnum()):
                found.append(at)
            at = lowered.find(prefix, at + 1)
    return found


def _must_follow(key: bytes, side: dict[bytes, tuple[frozenset[bytes] | None, tuple[str, ...] | None]]
                 ) -> frozenset[bytes]:
    """The runs one of which must follow the opening `key` of `side` (`_Openings.entries`):
    `key` itself where none must (a text's runs hold it where it opens), none where `key`
    opens nothing of `side`."""
    if key not in side:
        return frozenset()
    needed = side[key][0]
    return frozenset({key}) if needed is None else needed


def _whole_runs(where: str, run: str) -> list[int]:
    """Where `run` stands in `where` as a whole run of letters and digits."""
    found = []
    width, at = len(run), where.find(run)
    while at >= 0:
        if not (at and where[at - 1].isalnum()) and not where[at + width:at + width + 1].isalnum():
            found.append(at)
        at = where.find(run, at + 1)
    return found


def _ascii_words(name: str) -> tuple[str, ...] | None:
    """The words of `name` as they may stand in lower-cased ASCII text: a letter that `re`
    matches with one ASCII letter ignoring case ("ſ") as that letter, one it matches with
    several as the placeholder (any run from there); None if a character matches no ASCII one.
    """
    words = []
    for word in _SEPARATORS.split(name):
        spelled = []
        for char in word.lower():
            if char.isascii():
                spelled.append(char)
                continue
            letters = _in_lower_ascii(char)
            if letters == char:
                return None
            spelled.append(letters[1] if len(letters) == 3 else PLACEHOLDER)
        if spelled:
            words.append("".join(spelled))
    return tuple(words)


def _opening_runs(words: tuple[str, ...]) -> tuple[list[tuple[str, frozenset[bytes] | None]], str | None]:
    """The runs a text may open `words` with, each with the runs one of which must follow it
    (`_Openings.of`), and the run a text's run must begin with where a placeholder goes on from
    the first run ("" where the name opens with one); for a template, no run is required to
    follow."""
    if not any(PLACEHOLDER in word for word in words):
        return _Openings.of(words), None
    exact: list[tuple[str, frozenset[bytes] | None]] = []
    joined = ""
    for word in words:
        part, glued, _ = word.partition(PLACEHOLDER)
        head, inside, _ = part.translate(_ASCII_RUN_BREAKS).partition(" ")
        joined += head
        if glued and not inside:
            return exact, joined                # a number goes on from the run
        if not joined:
            return exact, ""
        exact.append((joined, None))
        if inside:
            break                               # the run ends inside the word
    return exact, None


# --- the built-in vocabularies -------------------------------------------------------------

def _data_file(name: str) -> Traversable:
    return resources.files("extract") / "data" / name


@functools.cache
def benchmarks() -> Vocabulary:
    """Benchmarks and datasets, from ``data/benchmarks.txt`` (kept by hand) and
    ``data/benchmarks-pwc.txt`` (generated by ``scripts/curate_vocab.py``), the first winning."""
    return Vocabulary.from_files([_data_file("benchmarks.txt"), _data_file("benchmarks-pwc.txt")])


@functools.cache
def metrics() -> MetricVocabulary:
    """Metrics and efficiency measures with their directions, from ``data/metrics.txt`` (kept
    by hand) and ``data/metrics-pwc.txt`` (generated), the first winning."""
    return MetricVocabulary.from_files([_data_file("metrics.txt"), _data_file("metrics-pwc.txt")])


@functools.cache
def hardware() -> HardwareVocabulary:
    """Accelerators and systems with their kinds, from ``data/hardware.txt``."""
    return HardwareVocabulary.from_file(_data_file("hardware.txt"))


@functools.cache
def names_scan() -> JointScan:
    """find_all of benchmarks, metrics and hardware, in that order, in one pass."""
    return JointScan((benchmarks(), metrics(), hardware()))


def higher_is_better(metric: str) -> bool:
    """Whether a higher value of `metric` ranks first (unknown metrics: True).

    >>> higher_is_better("top-1 accuracy"), higher_is_better("perplexity")
    (True, False)
    """
    return metrics().higher_is_better(metric)
