"""`claimboard check`: run the extractor over each golden file's corpus and score it against it.

A golden directory (the project's is `golden/`) holds:

- `manifest.toml`: one table per golden file, naming the CSV and its input corpus::

      [hf-daily-papers]
      golden = "hf-daily-papers.csv"
      input = "sample:hf-daily-papers.txt"  # sample: extract/data/sample/; else relative to golden/

- `thresholds.toml`: per golden file, the floors its figures must stay at or above:
  `claim_f1` and `leaderboard_f1` (required), and optionally `precision`, `recall`, `subject`, `benchmark`,
  `metric`, `hardware`, `sign`. `check(ratchet=True)` raises each floor to today's figure rounded down to
  3 decimals, never lowers one, and rewrites the file; to guard a new figure, add it by hand
  (at 0.0) and ratchet.

Exit codes of :func:`check`: 0 when every figure is at or above its floor, 1 when one is below,
2 when a manifest, thresholds file, golden file or corpus cannot be used (the message names the
file, and the line where there is one). A broken golden file does not stop the others.

The text and JSON reports are rendered by `extract.evaluation.golden_report`.
"""
from __future__ import annotations

import csv
import json
import math
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any, TextIO

import pandas as pd
import regex

from ..output.atomic import write_atomically
from .golden_report import write_json_report, write_text_report
from ..output.schema import (COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, KINDS, OPTIONAL_COLUMNS,
                             QUALIFIERS, Paper)
from .scoring import Score, fold, score

#: The project's golden directory, the default target.
GOLDEN_DIR = Path(__file__).resolve().parents[2] / "golden"
#: Where `sample:` inputs live.
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"
SAMPLE_PREFIX = "sample:"
MANIFEST = "manifest.toml"
THRESHOLDS = "thresholds.toml"

#: Columns of a golden file: the claims table's, then the annotator's `note`.
GOLDEN_COLUMNS = (*COLUMNS, "note")
#: Kinds a golden row may have: the seven of the spec, and `none` for a paper without claims.
GOLDEN_KINDS = (*KINDS, "none")

#: Floors every golden file needs, then the optional ones, in the order thresholds.toml lists them.
REQUIRED_FLOORS = ("claim_f1", "leaderboard_f1")
OPTIONAL_FLOORS = ("precision", "recall", "subject", "benchmark", "metric", "hardware", "sign")
FLOOR_NAMES = (*REQUIRED_FLOORS, *OPTIONAL_FLOORS)

#: Stop listing a golden file's broken rows after this many.
MAX_ROW_ERRORS = 20
#: Records of a corpus the reader skipped, listed in a report; the others are counted.
MAX_SKIPPED_LISTED = 100

#: An extractor: papers in, claims table out (`extract.engine.claims.extract_claims`).
Extractor = Callable[[Iterable[Paper]], pd.DataFrame]

_THRESHOLDS_HEADER = """\
# Floors for `claimboard check`: one table per golden file of manifest.toml.
# A figure below its floor fails the check (exit 1). Required: claim_f1, leaderboard_f1;
# optional: precision, recall, subject, benchmark, metric, hardware, sign.
# `claimboard check --ratchet` raises the floors to today's figures (rounded down to 3 decimals),
# never lowers one, and rewrites this file in this layout (other comments are not kept).
"""

_TOML_BARE_KEY = regex.compile(r"[A-Za-z0-9_-]+")


class GoldenError(Exception):
    """A manifest, thresholds file, golden file or corpus that cannot be used.

    The message names the file, and the line where there is one.
    """


@dataclass(frozen=True)
class GoldenEntry:
    """One golden file of a manifest and the corpus it belongs to."""

    name: str
    directory: Path
    golden: Path
    input: Path
    input_spec: str  # as written in the manifest, for messages


# --- manifest and thresholds ------------------------------------------------------------------

def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise GoldenError(f"{path}: missing") from None
    except tomllib.TOMLDecodeError as error:  # its message carries "(at line N, column M)"
        raise GoldenError(f"{path}: not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise GoldenError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise GoldenError(f"{path}: cannot read: {error.strerror or error}") from None


def resolve_input(spec: str, directory: Path) -> Path:
    """The corpus file a manifest's `input` names.

    >>> resolve_input("sample:hf.txt", Path("golden")) == SAMPLE_DIR / "hf.txt"
    True
    >>> resolve_input("corpora/a.jsonl", Path("golden")).as_posix()
    'golden/corpora/a.jsonl'
    """
    if spec.startswith(SAMPLE_PREFIX):
        return SAMPLE_DIR / spec.removeprefix(SAMPLE_PREFIX)
    return directory / spec


def read_manifest(directory: Path) -> list[GoldenEntry]:
    """The golden files `directory/manifest.toml` lists, in its order."""
    path = directory / MANIFEST
    if not path.is_file():
        raise GoldenError(f"{path}: missing (a golden directory needs a {MANIFEST})")
    entries = []
    tables = _load_toml(path)
    if not tables:  # a check that checks nothing must not pass
        raise GoldenError(f"{path}: lists no golden files (add a [name] table with `golden` "
                          "and `input`)")
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise GoldenError(f"{path}: [{name}] must be a table with `golden` and `input`")
        for key in ("golden", "input"):
            if not isinstance(table.get(key), str) or not table[key].strip():
                raise GoldenError(f"{path}: [{name}] needs `{key}` as a non-empty string")
        entries.append(GoldenEntry(name, directory, directory / table["golden"],
                                   resolve_input(table["input"], directory), table["input"]))
    return entries


def read_thresholds(path: Path) -> dict[str, dict[str, float]]:
    """Floors by golden file name; an absent file has none. Figures must be in [0, 1]."""
    if not path.is_file():
        return {}
    floors: dict[str, dict[str, float]] = {}
    for name, table in _load_toml(path).items():
        if not isinstance(table, dict):
            raise GoldenError(f"{path}: [{name}] must be a table of floors")
        for figure, floor in table.items():
            if figure not in FLOOR_NAMES:
                raise GoldenError(f"{path}: [{name}] unknown figure {figure!r} "
                                  f"(known: {', '.join(FLOOR_NAMES)})")
            if isinstance(floor, bool) or not isinstance(floor, int | float) or not 0 <= floor <= 1:
                raise GoldenError(f"{path}: [{name}] {figure} = {floor!r} is not a number "
                                  f"between 0 and 1")
        floors[name] = {figure: float(table[figure]) for figure in FLOOR_NAMES if figure in table}
    return floors


def format_thresholds(floors: dict[str, dict[str, float]]) -> str:
    """thresholds.toml's text for `floors`, in the stable layout the ratchet writes.

    >>> floors = {"hf-daily-papers": {"leaderboard_f1": 0.9, "claim_f1": 0.95}}
    >>> print(format_thresholds(floors))  # doctest: +ELLIPSIS
    # Floors for `claimboard check`: one table per golden file of manifest.toml.
    ...
    [hf-daily-papers]
    claim_f1 = 0.950
    leaderboard_f1 = 0.900
    <BLANKLINE>
    """
    parts = [_THRESHOLDS_HEADER]
    for name, figures in floors.items():
        key = name if _TOML_BARE_KEY.fullmatch(name) else json.dumps(name)
        lines = [f"[{key}]"] + [f"{figure} = {figures[figure]:.3f}"
                                for figure in FLOOR_NAMES if figure in figures]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def floor_down(figure: float, places: int = 3) -> float:
    """`figure` rounded down to `places` decimals, without binary-float surprises.

    >>> floor_down(0.9579), floor_down(0.957), floor_down(1.0), floor_down(0.29)
    (0.957, 0.957, 1.0, 0.29)
    """
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(figure)).quantize(step, rounding=ROUND_FLOOR))


def ratchet_floors(floors: dict[str, float], figures: dict[str, float]) -> dict[str, float]:
    """The floors raised to today's figures (rounded down); never lowered. The required floors
    are added when missing, optional ones only kept.

    >>> today = {"claim_f1": 0.9, "leaderboard_f1": 0.9129, "sign": 1.0}
    >>> ratchet_floors({"claim_f1": 0.95, "sign": 0.5}, today)
    {'claim_f1': 0.95, 'leaderboard_f1': 0.912, 'sign': 1.0}
    """
    names = [name for name in FLOOR_NAMES if name in floors or name in REQUIRED_FLOORS]
    return {name: max(floors.get(name, 0.0), floor_down(figures[name])) for name in names}


# --- golden files -----------------------------------------------------------------------------

def _parse_float(text: str) -> float:
    number = float(text)  # ValueError for text that is not a number
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def _parse_int(text: str) -> int:
    number = int(text)
    if number < 0:
        raise ValueError(text)
    return number


#: How a number column's text is read, and what it must be when it cannot be.
_NUMBER_READERS: dict[str, tuple[Callable[[str], Any], str]] = {
    **{column: (_parse_int, "a whole number >= 0") for column in INT_COLUMNS},
    **{column: (_parse_float, "a number") for column in FLOAT_COLUMNS},
}


def _typed_cell(column: str, text: str) -> tuple[Any, str | None]:
    """A cell's value (numbers read, an empty number None) and what is wrong with its text."""
    if column not in _NUMBER_READERS:
        return text, None
    if not text:
        return None, None
    read, expected = _NUMBER_READERS[column]
    try:
        return read(text), None
    except ValueError:
        return text, f"{column} {text!r} is not {expected}"


def _kind_problems(row: dict[str, Any]) -> Iterator[str]:
    kind = row["kind"]
    if kind not in GOLDEN_KINDS:
        yield f"unknown kind {kind!r} (expected one of {', '.join(GOLDEN_KINDS)})"
    elif kind != "none" and row["value"] in (None, ""):
        yield f"a {kind} row needs a value"


def _paper_problems(row: dict[str, Any]) -> Iterator[str]:
    for column in ("paper_id", "title"):
        if not row[column]:
            yield f"{column} is empty"


def _qualifier_problems(row: dict[str, Any]) -> Iterator[str]:
    if row["qualifier"] and row["qualifier"] not in QUALIFIERS:
        yield (f"unknown qualifier {row['qualifier']!r} "
               f"(expected one of {', '.join(QUALIFIERS)})")


def _span_problems(row: dict[str, Any]) -> Iterator[str]:
    start, end = row["char_start"], row["char_end"]
    if isinstance(start, int) and isinstance(end, int) and end < start:
        yield f"char_end {end} is before char_start {start}"


#: What a golden row is checked for once its cells are read, in the order problems are listed.
_ROW_CHECKS = (_kind_problems, _paper_problems, _qualifier_problems, _span_problems)


def _check_golden_row(record: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The row with typed numbers, and what is wrong with it."""
    problems: list[str] = []
    row: dict[str, Any] = {}
    for column, text in record.items():
        row[column], problem = _typed_cell(column, text.strip())
        if problem:
            problems.append(problem)
    for row_check in _ROW_CHECKS:
        problems += row_check(row)
    return row, problems


def read_golden(path: Path) -> pd.DataFrame:
    """A golden CSV as a claims table with `note` and the `line` each row starts on.

    Every column of GOLDEN_COLUMNS must be there (no others; an optional column such as `date`
    may be left out and reads as empty), kinds must be the seven or `none`,
    and numbers must parse; otherwise GoldenError lists the broken rows by file and line.
    """
    if not path.is_file():
        raise GoldenError(f"{path}: missing golden file")
    try:
        return _read_golden_rows(path)
    except UnicodeDecodeError as error:
        raise GoldenError(f"{path}: not UTF-8 text (byte {error.start} of a block)") from None
    except OSError as error:
        raise GoldenError(f"{path}: cannot read: {error.strerror or error}") from None


#: The longest field a golden CSV may hold (the csv module's default); set for each read, since
#: the corpus readers raise the module-wide limit for their own records.
GOLDEN_FIELD_LIMIT = 131_072


def _read_golden_rows(path: Path) -> pd.DataFrame:
    with path.open(encoding="utf-8-sig", newline="") as f:
        csv.field_size_limit(GOLDEN_FIELD_LIMIT)
        reader = csv.reader(f)
        header = _golden_header(reader, path)
        rows, problems = _golden_body(reader, header, path)
    if problems:
        shown = problems[:MAX_ROW_ERRORS]
        if len(problems) > len(shown):
            shown.append(f"{path}: ... and {len(problems) - len(shown)} more")
        raise GoldenError("\n".join(shown))
    return pd.DataFrame(rows, columns=[*GOLDEN_COLUMNS, "line"])


def _golden_header(reader: Iterator[list[str]], path: Path) -> list[str]:
    """The golden file's column names; missing, unknown and duplicated ones are a GoldenError."""
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise GoldenError(f"{path}:1: {error}") from None
    if header is None:
        raise GoldenError(f"{path}: empty file (expected the header "
                          f"{','.join(GOLDEN_COLUMNS)})")
    header = [name.strip() for name in header]
    missing = [name for name in GOLDEN_COLUMNS
               if name not in header and name not in OPTIONAL_COLUMNS]
    unknown = [name for name in header if name not in GOLDEN_COLUMNS]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    problems = [f"{path}:1: {label} column(s): {', '.join(names)}"
                for label, names in (("missing", missing), ("unknown", unknown),
                                     ("duplicated", duplicated)) if names]
    if problems:
        raise GoldenError("\n".join(problems))
    return header


def _golden_body(reader, header: list[str], path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows after the header, each with the `line` it starts on, and the problems found,
    each "PATH:LINE: problem"."""
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    line = reader.line_num + 1
    try:
        for fields in reader:
            if fields:  # a blank line reads as []
                row, row_problems = _golden_row(fields, header)
                problems += [f"{path}:{line}: {problem}" for problem in row_problems]
                if row is not None:
                    rows.append({**row, "line": line})
            line = reader.line_num + 1
    except csv.Error as error:  # a field over the csv module's limit, a NUL ...
        problems.append(f"{path}:{line}: {error}")
    return rows, problems


def _golden_row(fields: list[str], header: list[str]) -> tuple[dict[str, Any] | None, list[str]]:
    """One CSV record as a checked row (None when its field count is wrong) and its problems."""
    if len(fields) != len(header):
        return None, [f"{len(fields)} fields, the header has {len(header)}"]
    return _check_golden_row({**dict.fromkeys(OPTIONAL_COLUMNS, ""), **dict(zip(header, fields))})


# --- running one golden file ------------------------------------------------------------------

@dataclass
class CheckResult:
    """What checking one golden file found."""

    entry: GoldenEntry
    score: Score
    papers: int
    skipped: list[str]  # records of the corpus the reader left out, "source:line: reason"
    floors: dict[str, float]
    below: dict[str, tuple[float, float]] = field(default_factory=dict)  # figure -> (today, floor)
    raised: dict[str, tuple[float, float]] = field(default_factory=dict)  # figure -> (old, new)
    unread: list[str] = field(default_factory=list)  # golden papers the corpus does not have
    unannotated: list[str] = field(default_factory=list)  # corpus papers with no golden row
    abstracts: dict[str, str] = field(default_factory=dict, repr=False)  # for excerpts


def _read_corpus(entry: GoldenEntry) -> tuple[list[Paper], list[str]]:
    """The corpus's papers and the records the reader skipped."""
    from ..reading import InputError, read_papers  # lazily: only `check` needs the readers

    if not entry.input.is_file():
        raise GoldenError(f"{entry.directory / MANIFEST}: [{entry.name}] input "
                          f"{entry.input_spec!r}: missing corpus {entry.input}")
    skipped: list[str] = []
    count = 0

    def keep(record: Any) -> None:  # a corpus of millions of broken lines keeps memory flat
        nonlocal count
        count += 1
        if len(skipped) < MAX_SKIPPED_LISTED:
            skipped.append(str(record))

    try:
        papers = list(read_papers(entry.input, on_skip=keep))
    except (InputError, OSError) as error:
        raise GoldenError(f"{entry.input}: cannot read the corpus: {error}") from None
    if count > len(skipped):
        skipped.append(f"... and {count - len(skipped)} more")
    return papers, skipped


def _coverage(golden: pd.DataFrame, papers: list[Paper]) -> tuple[list[str], list[str]]:
    """Golden papers missing from the corpus, and corpus papers without a golden row."""
    corpus_keys = {p.paper_id for p in papers} | {fold(p.title) for p in papers}
    golden_ids = set(golden["paper_id"])
    golden_titles = {fold(title) for title in golden["title"]}
    unread = [pid for pid, title in dict(zip(golden["paper_id"], golden["title"])).items()
              if pid not in corpus_keys and fold(title) not in corpus_keys]
    unannotated = [p.paper_id for p in papers
                   if p.paper_id not in golden_ids and fold(p.title) not in golden_titles]
    return unread, unannotated


def _below_floor(result: Score, floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    """The figures under their floors: name -> (today, floor)."""
    figures = result.figures()
    return {name: (figures[name], floor) for name, floor in floors.items()
            if figures[name] < floor}


def run_entry(entry: GoldenEntry, floors: dict[str, float], extractor: Extractor) -> CheckResult:
    """Read, extract and score one golden file; compare its figures with `floors`."""
    golden = read_golden(entry.golden)
    papers, skipped = _read_corpus(entry)
    result = CheckResult(entry, score(extractor(papers), golden), len(papers), skipped, floors)
    result.below = _below_floor(result.score, floors)
    result.unread, result.unannotated = _coverage(golden, papers)
    for paper in papers:
        result.abstracts.setdefault(paper.paper_id, paper.abstract)
        result.abstracts.setdefault(fold(paper.title), paper.abstract)
    return result


# --- targets ----------------------------------------------------------------------------------

def resolve_targets(targets: Iterable[str | Path] | None,
                    errors: list[str]) -> list[GoldenEntry]:
    """The golden files to check: a directory means all of its manifest, a CSV file the manifest
    entry (in its directory) that names it. Problems go to `errors`; the rest still resolve."""
    if targets is None:
        targets = [GOLDEN_DIR]
    elif isinstance(targets, str | Path):
        targets = [targets]
    entries: list[GoldenEntry] = []
    for target in map(Path, targets):
        try:
            if target.is_dir():
                entries += read_manifest(target)
            elif target.is_file() or target.suffix.lower() == ".csv":
                listed = [e for e in read_manifest(target.parent)
                          if e.golden.resolve() == target.resolve()]
                if not listed:
                    raise GoldenError(f"{target}: not listed in {target.parent / MANIFEST}")
                entries += listed
            else:
                raise GoldenError(f"{target}: no such golden directory or file")
        except GoldenError as error:
            errors.append(str(error))
    return list({(e.directory.resolve(), e.name): e for e in entries}.values())


# --- the check --------------------------------------------------------------------------------

def check(targets: Iterable[str | Path] | None = None, output_format: str = "text",
          ratchet: bool = False, out: TextIO | None = None, *, err: TextIO | None = None,
          extractor: Extractor | None = None) -> int:
    """Check golden files (default: the project's golden/ directory); return the exit code.

    Prints a summary and a per-paper diff for each golden file to `out` (default sys.stdout), as
    text or, with `output_format="json"`, as one JSON document. Errors go to `err` (default
    sys.stderr) and, in JSON, into the document too. `ratchet` raises the floors in
    thresholds.toml to today's figures. `extractor` defaults to extract.engine.claims.extract_claims.
    """
    if output_format not in _REPORT_WRITERS:
        raise ValueError(f"output_format must be 'text' or 'json', not {output_format!r}")
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    if extractor is None:
        from ..engine.claims import extract_claims
        extractor = extract_claims

    errors: list[str] = []
    results, thresholds = _run_entries(resolve_targets(targets, errors), ratchet, extractor,
                                       errors)
    if ratchet:
        _ratchet(results, thresholds)
    errors = list(dict.fromkeys(errors))  # a broken thresholds file is met once per entry
    code = 2 if errors else 1 if any(r.below for r in results) else 0
    _REPORT_WRITERS[output_format](results, errors, code, out)
    for message in errors:
        err.write(f"claimboard check: error: {message}\n")
    return code


def _run_entries(entries: list[GoldenEntry], ratchet: bool, extractor: Extractor,
                 errors: list[str]
                 ) -> tuple[list[CheckResult], dict[Path, dict[str, dict[str, float]]]]:
    """Each entry run against its floors, and the thresholds files read (by path); what cannot
    be used goes to `errors`. An entry whose required floors are missing is still run, so its
    figures are shown (and ratcheted to)."""
    results: list[CheckResult] = []
    thresholds: dict[Path, dict[str, dict[str, float]]] = {}
    for entry in entries:
        try:
            path = entry.directory / THRESHOLDS
            if path not in thresholds:
                thresholds[path] = read_thresholds(path)
            floors = thresholds[path].get(entry.name, {})
            results.append(run_entry(entry, floors, extractor))
            absent = [name for name in REQUIRED_FLOORS if name not in floors]
            if absent and not ratchet:  # the figures are still shown
                raise GoldenError(f"{path}: [{entry.name}] needs {', '.join(absent)} "
                                  f"(`claimboard check --ratchet` sets them to today's figures)")
        except GoldenError as error:
            errors.append(str(error))
    return results, thresholds


def _write_text_reports(results: list[CheckResult], errors: list[str], code: int,
                        out: TextIO) -> None:
    for result in results:  # errors go to err only
        write_text_report(result, out)


#: The report of each output format: (results, errors, exit code, out).
_REPORT_WRITERS: dict[str, Callable[[list[CheckResult], list[str], int, TextIO], None]] = {
    "text": _write_text_reports,
    "json": write_json_report,
}


def _ratchet(results: list[CheckResult], thresholds: dict[Path, dict[str, dict[str, float]]]):
    """Raise the floors of each checked golden file and rewrite the thresholds files touched."""
    changed: set[Path] = set()
    for result in results:
        path = result.entry.directory / THRESHOLDS
        old = result.floors
        new = ratchet_floors(old, result.score.figures())
        result.raised = {name: (old.get(name, 0.0), floor) for name, floor in new.items()
                         if floor != old.get(name)}
        if result.raised:
            thresholds[path][result.entry.name] = new
            changed.add(path)
        result.floors = new
        result.below = _below_floor(result.score, new)
    for path in changed:  # whole or not at all: a failed write keeps the old floors
        write_atomically(path, format_thresholds(thresholds[path]).encode("utf-8"))
