"""`claimboard check`'s report of one golden file: a text summary with a per-paper diff, or the
same as JSON (`check(output_format="json")`)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

import regex

from ..wording import plural
from .scoring import PaperDiff, Row, fold

if TYPE_CHECKING:  # golden imports this module at load time
    from .golden import CheckResult


def write_json_report(results: list[CheckResult], errors: list[str], exit_code: int,
                      out: TextIO) -> None:
    """Every result, the errors and the exit code as one JSON document."""
    document = {"results": [result_json(r) for r in results], "errors": errors,
                "exit_code": exit_code}
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


#: Figures in the summary table: (name in Score.figures(), label).
_SUMMARY = (("precision", "claim precision"), ("recall", "claim recall"), ("claim_f1", "claim F1"),
            ("leaderboard_precision", "leaderboard precision"),
            ("leaderboard_recall", "leaderboard recall"), ("leaderboard_f1", "leaderboard F1"),
            ("subject", "subject right"), ("benchmark", "benchmark right"),
            ("metric", "metric right"), ("hardware", "hardware right"), ("sign", "sign right"))

_EXCERPT_CONTEXT = 40
_SPACES = regex.compile(r"\s+")


def _number(value: float | None) -> str:
    return "?" if value is None else f"{value:.10g}"


def _excerpt(row: Row, abstracts: dict[str, str]) -> str:
    """A short piece of the abstract around the row's number, the number in [brackets]."""
    abstract = abstracts.get(row.get("paper_id", "")) or abstracts.get(fold(row.get("title", "")))
    start, end = row.get("char_start"), row.get("char_end")
    if abstract and start is not None and end is not None and 0 <= start <= end <= len(abstract):
        before = abstract[max(0, start - _EXCERPT_CONTEXT):start]
        after = abstract[end:end + _EXCERPT_CONTEXT]
        text = (("…" if start > _EXCERPT_CONTEXT else "") + before + "[" + abstract[start:end]
                + "]" + after + ("…" if end + _EXCERPT_CONTEXT < len(abstract) else ""))
    else:
        sentence = row.get("sentence", "")
        text = sentence if len(sentence) <= 2 * _EXCERPT_CONTEXT else (
            sentence[:2 * _EXCERPT_CONTEXT] + "…")
    return _SPACES.sub(" ", text).strip()


def describe_row(row: Row, abstracts: dict[str, str] | None = None) -> str:
    """One row compactly: kind, value, unit, benchmark/metric, subject, then an excerpt.

    >>> describe_row({"kind": "score", "value": 73.5, "unit": "%", "benchmark": "MathVista",
    ...               "metric": "accuracy", "subject": "Vision-R1", "sentence": "It gets 73.5%."})
    'score 73.5 % MathVista/accuracy (Vision-R1) "It gets 73.5%."'
    """
    parts = [row.get("kind", ""), _number(row.get("value"))]
    if row.get("unit"):
        parts.append(row["unit"])
    where = "/".join(filter(None, (row.get("benchmark"), row.get("metric"))))
    if where:
        parts.append(where)
    if row.get("subject"):
        parts.append(f"({row['subject']})")
    parts.append(f'"{_excerpt(row, abstracts or {})}"')
    if row.get("line"):
        parts.append(f"[golden line {row['line']}]")
    elif row.get("rule"):
        parts.append(f"[rule {row['rule']}]")
    return " ".join(parts)


def _field_changes(golden: Row, extracted: Row, fields: Iterable[str]) -> str:
    """What the extractor wrote against what the golden row says, field by field."""
    def shown(row: Row, name: str) -> str:
        return _number(row.get("value")) if name == "sign" else repr(row.get(name, ""))
    return ", ".join(f"{name} {shown(extracted, name)} (golden {shown(golden, name)})"
                     for name in fields)


def write_text_report(result: CheckResult, out: TextIO) -> None:
    """One golden file's summary table, coverage, per-paper diff, ratchet and verdict, as text."""
    entry, s = result.entry, result.score
    out.write(f"{entry.name}: {entry.golden} against {entry.input_spec} "
              f"({plural(result.papers, 'paper')}, {len(result.skipped):,} skipped)\n")
    for record in result.skipped:
        out.write(f"  skipped {record}\n")
    out.write(f"  {'figure':<24}{'today':>7}{'floor':>8}\n")
    figures = s.figures()
    for name, label in _SUMMARY:
        floor = result.floors.get(name)
        mark = "  BELOW FLOOR" if name in result.below else ""
        floor_text = "" if floor is None else f"{floor:.3f}"
        out.write(f"  {label:<24}{figures[name]:>7.3f}{floor_text:>8}{mark}".rstrip() + "\n")
    out.write(f"  rows: golden {s.golden_rows}, extracted {s.extracted_rows}, matched {s.matched}"
              f" (leaderboard {s.leaderboard_matched})\n")
    if result.unread:
        out.write(f"  golden papers not in the corpus: {', '.join(result.unread)}\n")
    if result.unannotated:
        out.write(f"  corpus papers without golden rows: {', '.join(result.unannotated)}\n")
    if s.papers:
        out.write(f"  diff ({plural(len(s.papers), 'paper')}):\n")
    for paper in s.papers:
        _write_paper_diff(paper, result.abstracts, out)
    for name, (old, new) in result.raised.items():
        out.write(f"  ratchet: {name} floor {old:.3f} -> {new:.3f}\n")
    verdict = "; ".join(f"{name} {today:.3f} < floor {floor:.3f}"
                        for name, (today, floor) in result.below.items())
    out.write(f"{entry.name}: {'FAILED: ' + verdict if verdict else 'ok'}\n")


def _write_paper_diff(paper: PaperDiff, abstracts: dict[str, str], out: TextIO) -> None:
    out.write(f"  {paper.paper_id}  {paper.title}\n")
    for row in paper.missed:
        out.write(f"    missed   {describe_row(row, abstracts)}\n")
    for row in paper.extra:
        out.write(f"    extra    {describe_row(row, abstracts)}\n")
    for diff in paper.differing:
        out.write(f"    differs  {describe_row(diff.golden, abstracts)} "
                  f"[rule {diff.extracted.get('rule') or '?'}]\n"
                  f"             {_field_changes(diff.golden, diff.extracted, diff.fields)}\n")


#: Row fields shown in the JSON diff.
_JSON_ROW_FIELDS = ("kind", "value", "unit", "benchmark", "metric", "subject", "hardware",
                    "qualifier", "baseline", "char_start", "char_end", "rule", "note", "line")


def _row_json(row: Row, abstracts: dict[str, str]) -> dict[str, Any]:
    shown = {name: row[name] for name in _JSON_ROW_FIELDS if row.get(name) not in (None, "")}
    shown["excerpt"] = _excerpt(row, abstracts)
    return shown


def result_json(result: CheckResult) -> dict[str, Any]:
    """One golden file's figures, floors, coverage and per-paper diff, as JSON-ready data."""
    entry, s, abstracts = result.entry, result.score, result.abstracts
    return {
        "name": entry.name, "golden": str(entry.golden), "input": entry.input_spec,
        "papers": result.papers, "skipped_records": result.skipped,
        "figures": s.figures(), "counts": s.counts(), "floors": result.floors,
        "below_floor": {name: {"today": today, "floor": floor}
                        for name, (today, floor) in result.below.items()},
        "ratcheted": {name: {"old": old, "new": new}
                      for name, (old, new) in result.raised.items()},
        "golden_papers_not_in_corpus": result.unread,
        "corpus_papers_without_golden_rows": result.unannotated,
        "diff": [{
            "paper_id": paper.paper_id, "title": paper.title,
            "missed": [_row_json(row, abstracts) for row in paper.missed],
            "extra": [_row_json(row, abstracts) for row in paper.extra],
            "differing": [{"fields": list(d.fields), "golden": _row_json(d.golden, abstracts),
                           "extracted": _row_json(d.extracted, abstracts)}
                          for d in paper.differing],
        } for paper in s.papers],
    }
