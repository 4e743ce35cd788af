"""Scoring an extracted claims table against a golden one (spec section 5).

The scorer works paper by paper. An extracted row and a golden row belong to the same paper when
their `paper_id`s are equal or their titles are equal after folding (:func:`fold`). Within a
paper, rows match when their kinds fall in the same family (`schema.FAMILIES`) and the absolute
values agree to 1e-6 relative. Rows of kinds outside `schema.KINDS` (for example `none` rows of a
golden file, or an extractor's own `model_size` rows) are dropped before anything is counted.

The greedy pass, precisely: the extracted rows of a paper are visited in order of `char_start`
(rows without an offset last, ties in table order). Each takes, among the golden rows of that
paper not taken yet whose family and absolute value agree with it, the one whose `char_start` is
closest to its own; ties go to the golden row of the same kind, then to the golden row that comes
first in `char_start` order. A golden row without an offset counts as farthest away. The pass is
deterministic: the same two tables always give the same matches.

Edge cases: a ratio whose denominator is zero is 0.0, except that two empty tables (after the
kinds outside the seven are dropped) agree perfectly and score 1.0 on every figure. So an empty
extraction against a non-empty golden file has precision 0, recall 0 and F1 0; F1 is 0 whenever
precision and recall are both 0.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import regex

from ..output.schema import COLUMNS, FAMILIES, FLOAT_COLUMNS, INT_COLUMNS, KINDS

#: Fields compared on a matched pair for the diff; `sign` is the sign of `value` (the absolute
#: values agree on every matched pair).
DIFF_FIELDS = ("kind", "subject", "benchmark", "metric", "hardware", "unit", "qualifier",
               "baseline", "sign")

#: Fields compared after folding names; `unit` and `qualifier` are canonical codes compared as
#: written (folding would erase `%`).
_FOLDED_FIELDS = ("benchmark", "metric", "hardware", "baseline")

#: Kinds whose `metric` names a quality metric, checked for the leaderboard match.
_METRIC_KINDS = ("score", "delta")

#: Columns besides COLUMNS kept in diff rows: a golden file's `note`, and the `line` of the golden
#: file a row came from when its reader adds one.
EXTRA_COLUMNS = ("note", "line")

#: Numbers must agree to this relative tolerance to match (spec section 5.2).
VALUE_REL_TOL = 1e-6

_NOT_LETTER_OR_DIGIT = regex.compile(r"[^\p{L}\p{N}]+")

#: A row as shown in a diff: the claims-table columns (plus EXTRA_COLUMNS), with empty cells as
#: "" (text) or None (numbers).
Row = dict[str, Any]


def fold(name: str) -> str:
    """`name` without case, spaces or punctuation: how titles and names are compared.

    >>> fold("GPQA-Diamond") == fold("gpqa diamond")
    True
    >>> fold("  Vision-R1: Incentivizing Reasoning ")
    'visionr1incentivizingreasoning'
    """
    return _NOT_LETTER_OR_DIGIT.sub("", name.casefold())


def same_value(a: float | None, b: float | None) -> bool:
    """Whether two values agree in absolute value to 1e-6 relative (two zeros agree).

    >>> same_value(-5.0, 5.0), same_value(73.5, 73.501), same_value(0.0, -0.0)
    (True, False, True)
    """
    if a is None or b is None:
        return False
    return math.isclose(abs(a), abs(b), rel_tol=VALUE_REL_TOL)


def same_subject(golden: str, extracted: str) -> bool:
    """Whether two subjects name the same system: equal after folding, or one contains the other.

    An empty subject only agrees with another empty one (the empty string is in every string, so
    containment alone would call it right).

    >>> same_subject("Vision-R1-7B", "vision-r1"), same_subject("Vision-R1", "")
    (True, False)
    >>> same_subject("", "")
    True
    """
    g, e = fold(golden), fold(extracted)
    if not g or not e:
        return g == e
    return g in e or e in g


@dataclass(frozen=True)
class RowDiff:
    """A matched pair whose fields differ; `fields` names them in `DIFF_FIELDS` order."""

    golden: Row
    extracted: Row
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PaperDiff:
    """What went wrong in one paper: golden rows missed, extracted rows not in the golden file,
    and matched rows whose fields differ."""

    paper_id: str
    title: str
    missed: tuple[Row, ...] = ()
    extra: tuple[Row, ...] = ()
    differing: tuple[RowDiff, ...] = ()


@dataclass(frozen=True)
class Score:
    """Counts of one scoring run; the figures are derived from them (see the module docstring
    for the empty-table cases). `papers` lists only the papers with something in their diff."""

    golden_rows: int
    extracted_rows: int
    matched: int
    leaderboard_matched: int
    subject_right: int
    hardware_right: int
    sign_right: int
    benchmark_right: int = 0
    metric_right: int = 0
    papers: tuple[PaperDiff, ...] = field(default=(), repr=False)

    def _ratio(self, part: int, whole: int) -> float:
        if self.golden_rows == 0 and self.extracted_rows == 0:
            return 1.0
        return part / whole if whole else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.matched, self.extracted_rows)

    @property
    def recall(self) -> float:
        return self._ratio(self.matched, self.golden_rows)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def leaderboard_precision(self) -> float:
        return self._ratio(self.leaderboard_matched, self.extracted_rows)

    @property
    def leaderboard_recall(self) -> float:
        return self._ratio(self.leaderboard_matched, self.golden_rows)

    @property
    def leaderboard_f1(self) -> float:
        return _f1(self.leaderboard_precision, self.leaderboard_recall)

    @property
    def subject(self) -> float:
        """Share of matched rows with the right subject."""
        return self._ratio(self.subject_right, self.matched)

    @property
    def hardware(self) -> float:
        """Share of matched rows with the right hardware (both empty counts as right)."""
        return self._ratio(self.hardware_right, self.matched)

    @property
    def sign(self) -> float:
        """Share of matched rows whose values have the same sign."""
        return self._ratio(self.sign_right, self.matched)

    @property
    def benchmark(self) -> float:
        """Share of matched rows with the golden row's benchmark (both empty counts as right)."""
        return self._ratio(self.benchmark_right, self.matched)

    @property
    def metric(self) -> float:
        """Share of matched rows with the golden row's metric (both empty counts as right)."""
        return self._ratio(self.metric_right, self.matched)

    def figures(self) -> dict[str, float]:
        """The figures by the names `golden/thresholds.toml` uses."""
        return {
            "precision": self.precision, "recall": self.recall, "claim_f1": self.f1,
            "leaderboard_precision": self.leaderboard_precision,
            "leaderboard_recall": self.leaderboard_recall,
            "leaderboard_f1": self.leaderboard_f1,
            "subject": self.subject, "hardware": self.hardware, "sign": self.sign,
            "benchmark": self.benchmark, "metric": self.metric,
        }

    def counts(self) -> dict[str, int]:
        """The row counts the figures come from."""
        return {
            "golden_rows": self.golden_rows, "extracted_rows": self.extracted_rows,
            "matched": self.matched, "leaderboard_matched": self.leaderboard_matched,
            "subject_right": self.subject_right, "hardware_right": self.hardware_right,
            "sign_right": self.sign_right, "benchmark_right": self.benchmark_right,
            "metric_right": self.metric_right,
        }


def _f1(precision: float, recall: float) -> float:
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


# --- reading the two tables -------------------------------------------------------------------

@dataclass
class _Claim:
    """One countable row: where it sits in its table, its paper and what matching needs."""

    order: int
    paper: int
    kind: str
    value: float | None
    char_start: int | None
    row: Row


def _is_missing(cell: Any) -> bool:
    return cell is None or (not isinstance(cell, str) and bool(pd.isna(cell)))


def _text(cell: Any) -> str:
    return "" if _is_missing(cell) else str(cell).strip()


def _number(cell: Any, column: str, where: str) -> float | None:
    if _is_missing(cell) or (isinstance(cell, str) and not cell.strip()):
        return None
    try:
        return float(cell)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {column} {cell!r} is not a number") from None


def _clean_row(record: dict[str, Any], where: str) -> Row:
    row: Row = {}
    for column, cell in record.items():
        if column in FLOAT_COLUMNS:
            row[column] = _number(cell, column, where)
        elif column in INT_COLUMNS or column == "line":
            number = _number(cell, column, where)
            row[column] = None if number is None or not math.isfinite(number) else int(number)
        else:
            row[column] = _text(cell)
    return row


class _Papers:
    """Assigns rows to papers: the same `paper_id`, or the same title after folding."""

    def __init__(self) -> None:
        self._by_id: dict[str, int] = {}
        self._by_title: dict[str, int] = {}
        self.names: list[tuple[str, str]] = []  # (paper_id, title) of each paper, first seen

    def key(self, paper_id: str, title: str) -> int:
        folded_title = fold(title)
        found = self._by_id.get(paper_id) if paper_id else None
        if found is None and folded_title:
            found = self._by_title.get(folded_title)
        if found is None:
            found = len(self.names)
            self.names.append((paper_id, title))
        if paper_id:
            self._by_id.setdefault(paper_id, found)
        if folded_title:
            self._by_title.setdefault(folded_title, found)
        return found


def _claims(table: pd.DataFrame, papers: _Papers, which: str) -> list[_Claim]:
    if "kind" not in table.columns or "value" not in table.columns or not (
            {"paper_id", "title"} & set(table.columns)):
        raise ValueError(f"the {which} table needs the columns kind, value and paper_id or title;"
                         f" it has {list(table.columns)}")
    keep = [c for c in (*COLUMNS, *EXTRA_COLUMNS) if c in table.columns]
    claims = []
    for position, record in enumerate(table[keep].to_dict("records")):
        if _text(record["kind"]) not in KINDS:
            continue
        row = _clean_row(record, f"{which} table, row {position + 1}")
        paper = papers.key(row.get("paper_id", ""), row.get("title", ""))
        claims.append(_Claim(position, paper, row["kind"], row["value"], row.get("char_start"),
                             row))
    return claims


# --- matching ---------------------------------------------------------------------------------

def _offset_order(claim: _Claim) -> tuple[bool, int, int]:
    return (claim.char_start is None, claim.char_start or 0, claim.order)


def _match_paper(golden: list[_Claim], extracted: list[_Claim]) -> list[tuple[_Claim, _Claim]]:
    """The greedy pass of the module docstring; returns (golden, extracted) pairs."""
    candidates = sorted(golden, key=_offset_order)
    rank = {id(g): i for i, g in enumerate(candidates)}
    taken: set[int] = set()
    pairs = []
    for e in sorted(extracted, key=_offset_order):
        def preference(g: _Claim) -> tuple[float, bool, int]:
            if g.char_start is None or e.char_start is None:
                distance = math.inf
            else:
                distance = abs(g.char_start - e.char_start)
            return (distance, g.kind != e.kind, rank[id(g)])

        fitting = [g for g in candidates if id(g) not in taken
                   and FAMILIES[g.kind] == FAMILIES[e.kind] and same_value(g.value, e.value)]
        if fitting:
            best = min(fitting, key=preference)
            taken.add(id(best))
            pairs.append((best, e))
    return pairs


def _leaderboard_match(g: Row, e: Row) -> bool:
    """Spec 5.4: kind equal, benchmark equal where the golden row has one, metric equal (score
    and delta) where the golden row has one."""
    if g["kind"] != e["kind"]:
        return False
    if fold(g.get("benchmark", "")) and fold(g["benchmark"]) != fold(e.get("benchmark", "")):
        return False
    if g["kind"] in _METRIC_KINDS and fold(g.get("metric", "")) and (
            fold(g["metric"]) != fold(e.get("metric", ""))):
        return False
    return True


def _sign(value: float | None) -> int:
    return 0 if value is None else (value > 0) - (value < 0)


def _differing_fields(g: Row, e: Row) -> tuple[str, ...]:
    differing = []
    for name in DIFF_FIELDS:
        gv, ev = g.get(name, ""), e.get(name, "")
        if name == "sign":
            same = _sign(g["value"]) == _sign(e["value"])
        elif name == "subject":
            same = same_subject(gv, ev)
        elif name in _FOLDED_FIELDS:
            same = fold(gv) == fold(ev)
        else:
            same = gv == ev
        if not same:
            differing.append(name)
    return tuple(differing)


def score(extracted: pd.DataFrame, golden: pd.DataFrame) -> Score:
    """Score `extracted` against `golden` (spec section 5); both are claims tables.

    Columns follow `schema.COLUMNS`; the golden table may carry a `note` column. Rows of kinds
    outside the seven (such as a golden file's `none` rows) are ignored. A value that is not a
    number raises ValueError naming the row.
    """
    papers = _Papers()
    golden_claims = _claims(golden, papers, "golden")
    extracted_claims = _claims(extracted, papers, "extracted")

    by_paper: dict[int, tuple[list[_Claim], list[_Claim]]] = {
        key: ([], []) for key in range(len(papers.names))}
    for claim in golden_claims:
        by_paper[claim.paper][0].append(claim)
    for claim in extracted_claims:
        by_paper[claim.paper][1].append(claim)

    agreements = dict.fromkeys(_PAIR_AGREEMENTS, 0)
    diffs = []
    for key, (paper_golden, paper_extracted) in by_paper.items():
        pairs = _match_paper(paper_golden, paper_extracted)
        for figure, agree in _PAIR_AGREEMENTS.items():
            agreements[figure] += sum(agree(g, e) for g, e in pairs)
        diff = _paper_diff(papers.names[key], paper_golden, paper_extracted, pairs)
        if diff is not None:
            diffs.append(diff)

    return Score(golden_rows=len(golden_claims), extracted_rows=len(extracted_claims),
                 **agreements, papers=tuple(diffs))


def _same_folded(column: str) -> Callable[[_Claim, _Claim], bool]:
    return lambda g, e: fold(g.row.get(column, "")) == fold(e.row.get(column, ""))


#: The counts of `Score` over matched pairs: whether a (golden, extracted) pair counts for each.
_PAIR_AGREEMENTS: dict[str, Callable[[_Claim, _Claim], bool]] = {
    "matched": lambda g, e: True,
    "leaderboard_matched": lambda g, e: _leaderboard_match(g.row, e.row),
    "subject_right": lambda g, e: same_subject(g.row.get("subject", ""), e.row.get("subject", "")),
    "hardware_right": _same_folded("hardware"),
    "sign_right": lambda g, e: _sign(g.value) == _sign(e.value),
    "benchmark_right": _same_folded("benchmark"),
    "metric_right": _same_folded("metric"),
}


def _paper_diff(names: tuple[str, str], golden: list[_Claim], extracted: list[_Claim],
                pairs: list[tuple[_Claim, _Claim]]) -> PaperDiff | None:
    """What went wrong in one paper (None when nothing did): golden rows no extracted row
    matched, extracted rows that matched none, matched pairs whose fields differ."""
    differing = [RowDiff(g.row, e.row, fields) for g, e in pairs
                 if (fields := _differing_fields(g.row, e.row))]
    taken_golden = {id(g) for g, _ in pairs}
    taken_extracted = {id(e) for _, e in pairs}
    missed = [g.row for g in sorted(golden, key=_offset_order) if id(g) not in taken_golden]
    extra = [e.row for e in sorted(extracted, key=_offset_order) if id(e) not in taken_extracted]
    if not (missed or extra or differing):
        return None
    paper_id, title = names
    return PaperDiff(paper_id, title, tuple(missed), tuple(extra), tuple(differing))
