"""Golden check: the scores and per-paper diff `claimboard check` gives for one golden file.

The check is `extract.evaluation.golden.check` itself, asked for its JSON report. A project golden file is
checked where it lies (its manifest, corpus and floors in golden/). An uploaded golden file and
its corpus are checked from a temporary golden directory holding the two files, a manifest naming
them and floors of zero (an uploaded file has no floors of its own).
"""
from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.data import MAX_UPLOAD_BYTES, Corpus, path_key
from dashboard.display import plural
from dashboard.safe_text import markdown_text, upload_file_name
from extract.evaluation.golden import (GOLDEN_DIR, MANIFEST, REQUIRED_FLOORS, THRESHOLDS, check,
                            format_thresholds, resolve_targets)
from extract.reading import InputError
from extract.reading.source import check_content_size

PROJECT = "A golden file of the project"
UPLOADED = "Upload a golden file and its corpus"
UPLOADED_NAME = "uploaded"

#: Figures as `claimboard check` labels them, in its order.
FIGURES = (("precision", "claim precision"), ("recall", "claim recall"), ("claim_f1", "claim F1"),
           ("leaderboard_precision", "leaderboard precision"),
           ("leaderboard_recall", "leaderboard recall"), ("leaderboard_f1", "leaderboard F1"),
           ("subject", "subject right"), ("hardware", "hardware right"), ("sign", "sign right"))

#: Row fields shown in the diff table, in order.
DIFF_FIELDS = ("kind", "value", "unit", "benchmark", "metric", "subject", "hardware", "qualifier",
               "baseline", "char_start", "char_end", "rule", "line", "note")


def _run_check(target: Path, hide: str = "") -> dict[str, Any]:
    """`check([target])`'s JSON report, with its error lines; `hide` (a temporary directory) is
    cut out of every path in it."""
    out, err = io.StringIO(), io.StringIO()
    check([target], output_format="json", out=out, err=err)
    text = out.getvalue()
    if hide:
        text = text.replace(json.dumps(hide + "/")[1:-1], "").replace(json.dumps(hide)[1:-1], "")
    return json.loads(text)


@st.cache_data(show_spinner=False, max_entries=8)
def project_report(golden: str, stamps: tuple) -> dict[str, Any]:
    """The report for a project golden file; `stamps` (modification times of the golden file,
    its corpus and the floors) only key the cache."""
    return _run_check(Path(golden))


@st.cache_data(show_spinner=False, max_entries=8)
def uploaded_report(golden_name: str, golden: bytes, corpus_name: str, corpus: bytes
                    ) -> dict[str, Any]:
    """The report for an uploaded golden file and corpus, checked from a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="claimboard-golden-") as directory:
        root = Path(directory)
        golden_path = root / upload_file_name(golden_name, default="golden.csv")
        corpus_path = root / "corpus" / upload_file_name(corpus_name, default="corpus")
        corpus_path.parent.mkdir()
        golden_path.write_bytes(golden)
        corpus_path.write_bytes(corpus)
        for name, path in ((golden_name, golden_path), (corpus_name, corpus_path)):
            try:  # the same limit as the sidebar's uploads
                check_content_size(path, MAX_UPLOAD_BYTES)
            except InputError as error:
                return {"results": [], "errors": [f"{name}: {error.reason}"], "exit_code": 2}
        (root / MANIFEST).write_text(
            f"[{UPLOADED_NAME}]\ngolden = {json.dumps(golden_path.name)}\n"
            f"input = {json.dumps('corpus/' + corpus_path.name)}\n", encoding="utf-8")
        (root / THRESHOLDS).write_text(
            format_thresholds({UPLOADED_NAME: dict.fromkeys(REQUIRED_FLOORS, 0.0)}),
            encoding="utf-8")
        return _run_check(golden_path, hide=str(root))


def render(corpus: Corpus) -> None:
    # The check reads each golden file's own corpus, not the data chosen in the sidebar.
    st.header("Golden check")
    st.caption("Runs the extractor on a golden file's corpus and scores it against the golden "
               "file, as `claimboard check` does (spec section 5).")
    mode = st.radio("Check", (PROJECT, UPLOADED), key="golden_source", horizontal=True)
    report = _project() if mode == PROJECT else _uploaded()
    if report is not None:
        show_report(report)


def _project() -> dict[str, Any] | None:
    errors: list[str] = []
    entries = {entry.name: entry for entry in resolve_targets([GOLDEN_DIR], errors)}
    for message in errors:
        st.error(markdown_text(message))
    if not entries:
        st.info(f"No golden files listed in {GOLDEN_DIR / MANIFEST}.")
        return None
    name = st.selectbox(
        "Golden file", list(entries), key="golden_file",
        format_func=lambda n: f"{entries[n].golden.name}  ·  corpus {entries[n].input_spec}")
    entry = entries[name]
    stamps = tuple(path_key(str(p)) for p in (entry.golden, entry.input,
                                              entry.directory / THRESHOLDS))
    with st.spinner(f"Extracting {markdown_text(entry.input.name)} and scoring it against "
                    f"{markdown_text(entry.golden.name)}…"):
        return project_report(str(entry.golden), stamps)


def _uploaded() -> dict[str, Any] | None:
    left, right = st.columns(2)
    golden = left.file_uploader("Golden file (CSV)", type=["csv"], key="golden_upload",
                                help="Columns of a claims table plus `note` (golden/README.md).")
    corpus = right.file_uploader("Its corpus", key="golden_corpus_upload",
                                 help="The input the golden file annotates, in any input format.")
    if golden is None or corpus is None:
        st.info("Upload a golden file and the corpus it annotates.")
        return None
    with st.spinner(f"Extracting {markdown_text(corpus.name)} and scoring it against "
                    f"{markdown_text(golden.name)}…"):
        return uploaded_report(golden.name, golden.getvalue(), corpus.name, corpus.getvalue())


def show_report(report: dict[str, Any]) -> None:
    """Verdict, figures against floors, coverage and the per-paper diff of a JSON report."""
    for message in report.get("errors", []):
        st.error(markdown_text(message))
    for result in report.get("results", []):
        _show_result(result)
    st.download_button("Download report (JSON)",
                       json.dumps(report, indent=2, ensure_ascii=False).encode("utf-8"),
                       file_name="check-report.json", mime="application/json",
                       key="golden_download")


def _show_result(result: dict[str, Any]) -> None:
    below = result.get("below_floor", {})
    skipped = result.get("skipped_records", [])
    summary = (f"**{markdown_text(result['name'])}**: {markdown_text(result['golden'])} against "
               f"{markdown_text(result['input'])} "
               f"({plural(result['papers'], 'paper')}, {plural(len(skipped), 'record')} skipped)")
    if below:
        st.error(summary + " — FAILED: " + "; ".join(
            f"{name} {v['today']:.3f} < floor {v['floor']:.3f}" for name, v in below.items()))
    else:
        st.success(summary + " — ok")

    figures, floors = result["figures"], result.get("floors", {})
    columns = st.columns(3)
    for position, (name, label) in enumerate(FIGURES):
        floor = floors.get(name)
        columns[position % 3].metric(
            label, f"{figures[name]:.3f}",
            delta=None if floor is None else f"{figures[name] - floor:+.3f} vs floor {floor:.3f}",
            delta_color="normal")
    if skipped:
        with st.expander(f"{plural(len(skipped), 'record')} of the corpus skipped"):
            st.code("\n".join(map(str, skipped)), language=None)
    counts = result["counts"]
    st.caption(f"rows: golden {counts['golden_rows']}, extracted {counts['extracted_rows']}, "
               f"matched {counts['matched']} (leaderboard {counts['leaderboard_matched']})")
    if result.get("golden_papers_not_in_corpus"):
        st.warning("Golden papers not in the corpus: "
                   + markdown_text(", ".join(result["golden_papers_not_in_corpus"])))
    if result.get("corpus_papers_without_golden_rows"):
        st.warning("Corpus papers without golden rows: "
                   + markdown_text(", ".join(result["corpus_papers_without_golden_rows"])))

    diff = diff_table(result.get("diff", []))
    st.subheader(f"Diff: {plural(diff['paper_id'].nunique() if len(diff) else 0, 'paper')}",
                 anchor=False)
    if diff.empty:
        st.caption("The extraction agrees with the golden file.")
        return
    statuses = st.multiselect("Show", ("missed", "extra", "differs"),
                              default=("missed", "extra", "differs"),
                              key=f"golden_diff_status::{result['name']}")
    st.dataframe(diff[diff["status"].isin(statuses)], key=f"golden_diff::{result['name']}",
                 hide_index=True, column_config={
                     "title": st.column_config.TextColumn("title", width="medium"),
                     "excerpt": st.column_config.TextColumn("excerpt", width="large")})


def diff_table(papers: list[dict[str, Any]]) -> pd.DataFrame:
    """The report's per-paper diff as one table: a row per missed, extra or differing claim
    (a differing claim shows the golden row and which fields the extraction has otherwise)."""
    rows = []
    for paper in papers:
        where = {"paper_id": paper["paper_id"], "title": paper["title"]}
        for status in ("missed", "extra"):
            rows += [{**where, "status": status, **row, "changes": ""} for row in paper[status]]
        for differing in paper["differing"]:
            changes = ", ".join(
                f"{name} {differing['extracted'].get(name, '')!r} "
                f"(golden {differing['golden'].get(name, '')!r})"
                for name in differing["fields"])
            rows.append({**where, "status": "differs", **differing["golden"], "changes": changes})
    columns = ["status", "title", *DIFF_FIELDS, "changes", "excerpt", "paper_id"]
    return pd.DataFrame(rows, columns=columns).astype({"value": "float64"})
