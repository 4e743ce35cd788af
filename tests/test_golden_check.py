"""Tests of extract.evaluation.golden (`claimboard check`) on small golden directories made in tmp_path.

The extractor is injected (`check(extractor=...)`), so these tests do not depend on the quality
of extract.engine.claims; a separate test runs the real check on the project's golden file.
"""
from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from extract.evaluation import golden
from extract.evaluation.golden import GOLDEN_COLUMNS, check, read_manifest, read_thresholds
from extract.output.schema import COLUMNS, Paper

# A two-paper corpus modelled on the sample's abstracts: one with three claims, one with none.
VISION = Paper("2503.06749", "Vision-R1: Incentivizing Reasoning in MLLMs",
               "Vision-R1-7B achieves 73.5% accuracy on MathVista, only 0.4% lower than OpenAI "
               "o1. It runs 1.75x faster on H800 GPUs.")
SURVEY = Paper("2501.00001", "A Survey of Reasoning", "We survey 100 papers on reasoning.")
CORPUS = (VISION, SURVEY)


def row(paper: Paper, kind: str, value: float | None, number: str = "", **fields) -> dict:
    """A claims row of `paper`; `number` is the numeral's text, located in the abstract."""
    start = paper.abstract.find(number) if number else None
    record = dict.fromkeys(GOLDEN_COLUMNS, "")
    record.update(paper_id=paper.paper_id, title=paper.title, kind=kind, value=value,
                  sentence=paper.abstract, rule="golden",
                  char_start=start, char_end=None if start is None else start + len(number))
    record.update(fields)
    return record


GOLDEN_ROWS = [
    row(VISION, "score", 73.5, "73.5", subject="Vision-R1-7B", benchmark="MathVista",
        metric="accuracy", unit="%"),
    row(VISION, "delta", -0.4, "0.4", subject="Vision-R1-7B", benchmark="MathVista",
        metric="accuracy", unit="%", baseline="OpenAI o1"),
    row(VISION, "speedup", 1.75, "1.75", subject="Vision-R1-7B", unit="x", hardware="H800"),
    row(SURVEY, "none", None, note="no claim"),
]


def fake_extractor(rows: list[dict]):
    """An extractor that returns `rows` for the papers it is given."""
    def extract(papers):
        ids = {paper.paper_id for paper in papers}
        return pd.DataFrame([r for r in rows if r["paper_id"] in ids], columns=list(COLUMNS))
    return extract


PERFECT = fake_extractor(GOLDEN_ROWS)
MISSES_THE_SPEEDUP = fake_extractor(GOLDEN_ROWS[:2])  # claim F1 0.8


def write_golden(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=GOLDEN_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)


THRESHOLDS_TEXT = "[tiny]\nclaim_f1 = 0.95\nleaderboard_f1 = 0.9\n"


@pytest.fixture
def golden_dir(tmp_path: Path) -> Path:
    """tmp_path/golden: a JSON Lines corpus, its golden file, a manifest and floors."""
    directory = tmp_path / "golden"
    directory.mkdir()
    with (directory / "corpus.jsonl").open("w", encoding="utf-8") as f:
        for paper in CORPUS:
            f.write(json.dumps({"id": paper.paper_id, "title": paper.title,
                                "abstract": paper.abstract}) + "\n")
    write_golden(directory / "tiny.csv", GOLDEN_ROWS)
    (directory / "manifest.toml").write_text(
        '[tiny]\ngolden = "tiny.csv"\ninput = "corpus.jsonl"\n', encoding="utf-8")
    (directory / "thresholds.toml").write_text(THRESHOLDS_TEXT, encoding="utf-8")
    return directory


def run(*targets, **options) -> tuple[int, str, str]:
    """check() with captured output: (exit code, out, err)."""
    out, err = io.StringIO(), io.StringIO()
    options.setdefault("extractor", PERFECT)
    code = check(list(targets) or None, out=out, err=err, **options)
    return code, out.getvalue(), err.getvalue()


def test_text_output_of_a_passing_check(golden_dir):
    code, out, err = run(golden_dir)
    assert (code, err) == (0, "")
    assert "tiny: " in out and "(2 papers, 0 skipped)" in out
    assert "  claim F1                  1.000   0.950\n" in out
    assert "rows: golden 3, extracted 3, matched 3 (leaderboard 3)" in out
    assert out.endswith("tiny: ok\n")


def test_json_output_of_a_passing_check(golden_dir):
    code, out, _ = run(golden_dir, output_format="json")
    document = json.loads(out)
    assert code == document["exit_code"] == 0
    [result] = document["results"]
    assert result["figures"]["claim_f1"] == result["figures"]["leaderboard_f1"] == 1.0
    assert result["counts"]["golden_rows"] == 3
    assert result["floors"] == {"claim_f1": 0.95, "leaderboard_f1": 0.9}
    assert result["diff"] == [] and document["errors"] == []


def test_records_the_reader_skips_are_reported(golden_dir):
    with (golden_dir / "corpus.jsonl").open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    code, out, _ = run(golden_dir)
    assert code == 0
    assert "(2 papers, 1 skipped)" in out
    assert f"  skipped {golden_dir / 'corpus.jsonl'}:3: " in out


def test_below_floor_exits_1_and_prints_the_diff(golden_dir):
    code, out, _ = run(golden_dir, extractor=MISSES_THE_SPEEDUP)
    assert code == 1
    assert "claim F1                  0.800   0.950  BELOW FLOOR" in out
    assert f"  {VISION.paper_id}  {VISION.title}\n" in out
    assert ('    missed   speedup 1.75 x (Vision-R1-7B) "…only 0.4% lower than OpenAI o1. It '
            'runs [1.75]x faster on H800 GPUs." [golden line 4]\n') in out
    assert "tiny: FAILED: claim_f1 0.800 < floor 0.950" in out


def test_json_diff_lists_missed_extra_and_differing_rows(golden_dir):
    wrong_sign_and_extra = fake_extractor([
        GOLDEN_ROWS[0], {**GOLDEN_ROWS[1], "value": 0.4, "unit": "pp"},
        row(SURVEY, "score", 100.0, "100")])
    code, out, _ = run(golden_dir, output_format="json", extractor=wrong_sign_and_extra)
    [result] = json.loads(out)["results"]
    assert code == 1
    vision, survey = result["diff"]
    assert [r["kind"] for r in vision["missed"]] == ["speedup"]
    assert vision["differing"][0]["fields"] == ["unit", "sign"]
    assert result["figures"]["sign"] == 0.5
    assert survey["extra"][0]["excerpt"] == "We survey [100] papers on reasoning."


RATCHET_CASES = {
    # (floors before, extractor, floors after, exit code)
    "raises both floors to today": ("claim_f1 = 0.5\nleaderboard_f1 = 0.5\n", PERFECT,
                                    {"claim_f1": 1.0, "leaderboard_f1": 1.0}, 0),
    "never lowers a floor": ("claim_f1 = 0.95\nleaderboard_f1 = 0.9\n", MISSES_THE_SPEEDUP,
                             {"claim_f1": 0.95, "leaderboard_f1": 0.9}, 1),
    "raises an optional floor kept in the file": (
        "claim_f1 = 0.5\nleaderboard_f1 = 0.5\nrecall = 0.1\n", MISSES_THE_SPEEDUP,
        {"claim_f1": 0.8, "leaderboard_f1": 0.8, "recall": 0.666}, 0),
    "adds the required floors when absent": ("", MISSES_THE_SPEEDUP,
                                             {"claim_f1": 0.8, "leaderboard_f1": 0.8}, 0),
}


@pytest.mark.parametrize("before, extractor, after, exit_code", RATCHET_CASES.values(),
                         ids=RATCHET_CASES.keys())
def test_ratchet_raises_and_never_lowers(golden_dir, before, extractor, after, exit_code):
    thresholds = golden_dir / "thresholds.toml"
    thresholds.write_text("[tiny]\n" + before, encoding="utf-8")
    code, out, _ = run(golden_dir, ratchet=True, extractor=extractor)
    assert code == exit_code
    assert read_thresholds(thresholds) == {"tiny": after}


def test_ratchet_keeps_floors_of_golden_files_not_checked(golden_dir):
    thresholds = golden_dir / "thresholds.toml"
    thresholds.write_text(THRESHOLDS_TEXT.replace("0.95", "0.5")
                          + '\n["other file"]\nclaim_f1 = 0.7\nleaderboard_f1 = 0.6\n')
    code, out, _ = run(golden_dir / "tiny.csv", ratchet=True)
    assert code == 0 and "ratchet: claim_f1 floor 0.500 -> 1.000" in out
    assert thresholds.read_text().startswith("# Floors for `claimboard check`")
    assert read_thresholds(thresholds) == {
        "tiny": {"claim_f1": 1.0, "leaderboard_f1": 1.0},
        "other file": {"claim_f1": 0.7, "leaderboard_f1": 0.6}}


BROKEN_GOLDEN = {
    # (edit of the golden rows, the line named, the message)
    "unknown kind": (lambda rows: rows[1].update(kind="improvement"), 3,
                     "unknown kind 'improvement'"),
    "value not a number": (lambda rows: rows[2].update(value="1.75x"), 4,
                           "value '1.75x' is not a number"),
    "claim without value": (lambda rows: rows[0].update(value=None), 2,
                            "a score row needs a value"),
    "offset not a whole number": (lambda rows: rows[0].update(char_start="twelve"), 2,
                                  "char_start 'twelve' is not a whole number"),
    "unknown qualifier": (lambda rows: rows[2].update(qualifier="up to"), 4,
                          "unknown qualifier 'up to'"),
    "empty paper id": (lambda rows: rows[3].update(paper_id=""), 5, "paper_id is empty"),
}


@pytest.mark.parametrize("edit, line, message", BROKEN_GOLDEN.values(), ids=BROKEN_GOLDEN.keys())
def test_broken_golden_row_exits_2_naming_file_and_line(golden_dir, edit, line, message):
    rows = [dict(r) for r in GOLDEN_ROWS]
    edit(rows)
    write_golden(golden_dir / "tiny.csv", rows)
    code, out, err = run(golden_dir)
    assert code == 2 and out == ""
    assert f"{golden_dir / 'tiny.csv'}:{line}: {message}" in err


BROKEN_LAYOUT = {
    "missing column": (lambda text: text.replace(",hardware,", ",", 1), 1,
                       "missing column(s): hardware"),
    "short row": (lambda text: text + "2503.06749,too short\n", 6, f"2 fields, the header has {len(GOLDEN_COLUMNS)}"),
}


@pytest.mark.parametrize("edit, line, message", BROKEN_LAYOUT.values(), ids=BROKEN_LAYOUT.keys())
def test_broken_golden_layout_exits_2(golden_dir, edit, line, message):
    path = golden_dir / "tiny.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, _, err = run(golden_dir)
    assert code == 2
    assert f"{path}:{line}: {message}" in err


def test_a_broken_golden_file_does_not_stop_the_others(golden_dir):
    write_golden(golden_dir / "broken.csv", [{**GOLDEN_ROWS[0], "kind": "bogus"}])
    with (golden_dir / "manifest.toml").open("a") as f:
        f.write('\n[broken]\ngolden = "broken.csv"\ninput = "corpus.jsonl"\n')
    code, out, err = run(golden_dir, output_format="json")
    assert code == 2
    assert [r["name"] for r in json.loads(out)["results"]] == ["tiny"]
    assert "broken.csv:2: unknown kind 'bogus'" in err


UNUSABLE_SETUPS = {
    # (what to break, the message)
    "golden file not written yet": (lambda d: (d / "tiny.csv").unlink(),
                                    "tiny.csv: missing golden file"),
    "corpus missing": (lambda d: (d / "corpus.jsonl").unlink(), "missing corpus"),
    "no floors for the file": (lambda d: (d / "thresholds.toml").write_text("[other]\n"),
                               "[tiny] needs claim_f1, leaderboard_f1"),
    "unknown figure in thresholds": (
        lambda d: (d / "thresholds.toml").write_text(THRESHOLDS_TEXT + "clam_f1 = 0.5\n"),
        "unknown figure 'clam_f1'"),
    "floor above 1": (lambda d: (d / "thresholds.toml").write_text("[tiny]\nclaim_f1 = 95\n"),
                      "claim_f1 = 95 is not a number between 0 and 1"),
    "manifest not TOML": (lambda d: (d / "manifest.toml").write_text("[tiny\n"),
                          "manifest.toml: not valid TOML"),
    "manifest without input": (lambda d: (d / "manifest.toml").write_text(
        '[tiny]\ngolden = "tiny.csv"\n'), "[tiny] needs `input`"),
    # issue 14 item 14: tracebacks before, each now one message naming the file
    "issue14-manifest-not-utf8": (
        lambda d: (d / "manifest.toml").write_bytes(b'# \xff\xfe\n[tiny]\ngolden = "tiny.csv"\n'),
        "manifest.toml: not UTF-8 text"),
    "issue14-thresholds-not-utf8": (
        lambda d: (d / "thresholds.toml").write_bytes(b"# \xc3\n" + THRESHOLDS_TEXT.encode()),
        "thresholds.toml: not UTF-8 text"),
    "issue14-golden-not-utf8": (
        lambda d: (d / "tiny.csv").write_bytes((d / "tiny.csv").read_bytes() + b"\xff\xfe\n"),
        "tiny.csv: not UTF-8 text"),
    "issue14-golden-field-over-the-csv-limit": (
        lambda d: (d / "tiny.csv").write_text((d / "tiny.csv").read_text()
                                              + '"' + "x" * 131_073 + '"\n'),
        "field larger than field limit"),
    "issue14-empty-manifest": (lambda d: (d / "manifest.toml").write_text("# nothing\n"),
                               "manifest.toml: lists no golden files"),
}


@pytest.mark.parametrize("breakage, message", UNUSABLE_SETUPS.values(),
                         ids=UNUSABLE_SETUPS.keys())
def test_unusable_setup_exits_2_with_a_clear_message(golden_dir, breakage, message):
    breakage(golden_dir)
    code, _, err = run(golden_dir)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_an_empty_manifest_fails_the_ratchet_too(golden_dir):
    (golden_dir / "manifest.toml").write_text("", encoding="utf-8")
    code, _, err = run(golden_dir, ratchet=True)
    assert code == 2 and "lists no golden files" in err


TARGETS = {
    # (target relative to the golden dir, exit code, message)
    "the directory": (".", 0, ""),
    "the golden CSV": ("tiny.csv", 0, ""),
    "a CSV the manifest does not list": ("other.csv", 2, "other.csv: not listed in"),
    "nothing there": ("nowhere", 2, "nowhere: no such golden directory or file"),
}


@pytest.mark.parametrize("target, exit_code, message", TARGETS.values(), ids=TARGETS.keys())
def test_targets(golden_dir, target, exit_code, message):
    code, _, err = run(golden_dir / target)
    assert code == exit_code
    assert message in err


COVERAGE_CASES = {
    # (golden rows, the line naming the papers)
    "a corpus paper without golden rows": (GOLDEN_ROWS[:3], "corpus papers without golden rows: "
                                           "2501.00001"),
    "a golden paper the corpus lacks": (
        [*GOLDEN_ROWS, {**GOLDEN_ROWS[3], "paper_id": "2404.00404", "title": "Gone"}],
        "golden papers not in the corpus: 2404.00404"),
}


@pytest.mark.parametrize("rows, message", COVERAGE_CASES.values(), ids=COVERAGE_CASES.keys())
def test_papers_only_one_side_has_are_reported(golden_dir, rows, message):
    write_golden(golden_dir / "tiny.csv", rows)
    code, out, _ = run(golden_dir)
    assert code == 0
    assert f"  {message}\n" in out


def test_a_single_target_may_be_given_as_a_string(golden_dir):
    assert check(str(golden_dir), out=io.StringIO(), extractor=PERFECT) == 0


def test_a_target_given_twice_is_checked_once(golden_dir):
    _, out, _ = run(golden_dir, golden_dir / "tiny.csv", output_format="json")
    assert len(json.loads(out)["results"]) == 1


def test_project_golden_dir_points_at_the_sample_and_keeps_the_issue_floors():
    [entry] = [e for e in read_manifest(golden.GOLDEN_DIR) if e.name == "hf-daily-papers"]
    assert entry.input == golden.SAMPLE_DIR / "hf-daily-papers.txt" and entry.input.is_file()
    assert entry.golden == golden.GOLDEN_DIR / "hf-daily-papers.csv"
    floors = read_thresholds(golden.GOLDEN_DIR / "thresholds.toml")["hf-daily-papers"]
    assert floors["claim_f1"] >= 0.95 and floors["leaderboard_f1"] >= 0.90


def test_thresholds_file_round_trips():
    floors = {"tiny": {"leaderboard_f1": 0.9, "claim_f1": 0.95, "sign": 1.0}}
    text = golden.format_thresholds(floors)
    assert tomllib.loads(text) == floors
    assert golden.format_thresholds(tomllib.loads(text)) == text
