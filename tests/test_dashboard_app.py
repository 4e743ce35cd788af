"""The Streamlit dashboard (dashboard/app.py), driven by streamlit.testing.v1.AppTest.

Inputs reach the app as they do from `claimboard dashboard FILE...`: in ``sys.argv`` after the
script name. The `app` fixture patches ``sys.argv`` and runs the app; with no inputs it opens on
the built-in sample. Downloads are read back by recording what the app hands to Streamlit's media
file manager (`downloads` fixture).
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard.display import Span, highlight
from dashboard.export import csv_bytes
from extract.cli import main
from dashboard.views import VIEWS
from extract.output.leaderboard import LEADERBOARD_COLUMNS, leaderboard
from extract.output.schema import COLUMNS
from extract.output.tables import read_table, write_table
from extract.engine.units import convert

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "app.py"
#: Seconds a run may take: the first run on the sample extracts it (later runs hit the cache).
TIMEOUT = 180


def claim(paper_id: str, kind: str, subject: str, value: float, unit: str = "", **fields) -> dict:
    """A claims-table row; the sentence says what the row says."""
    row = dict.fromkeys(COLUMNS)
    sentence = f"{subject} reaches {value}{unit} on {fields.get('benchmark') or 'the task'}."
    row.update(paper_id=paper_id, title=f"Paper {paper_id}", kind=kind, subject=subject,
               value=value, unit=unit, sentence=sentence, char_start=0, char_end=4,
               rule="hand-made", **fields)
    return row


#: A hand-made claims table: lower-is-better FID, higher-is-better accuracy, a benchmark whose
#: two metrics are one board (MATH500: accuracy = pass@1), one with two boards (ImageNet), one
#: claim of each efficiency kind, and two systems with a score and an efficiency claim.
HAND_MADE_CLAIMS = [
    claim("2501.00001", "score", "GenA", 3.2, benchmark="CIFAR-10", metric="FID"),
    claim("2501.00002", "score", "GenB", 2.1, benchmark="CIFAR-10", metric="FID"),
    claim("2501.00003", "score", "GenC", 5.0, benchmark="CIFAR-10", metric="FID"),
    claim("2501.00004", "score", "ViT-X", 84.1, "%", benchmark="ImageNet",
          metric="top-1 accuracy"),
    claim("2501.00005", "score", "ResNet-Y", 79.3, "%", benchmark="ImageNet",
          metric="top-1 accuracy", qualifier="up_to"),
    claim("2501.00006", "score", "ConvZ", 88.0, "%", benchmark="ImageNet",
          metric="top-1 accuracy"),
    claim("2501.00007", "score", "PreMoe", 97.2, "%", benchmark="MATH500", metric="accuracy"),
    claim("2501.00008", "score", "Other", 90.0, "%", benchmark="MATH500", metric="accuracy"),
    claim("2501.00009", "score", "ModelQ", 60.0, "%", benchmark="MATH500", metric="pass@1"),
    claim("2501.00009", "score", "ModelR", 70.0, "%", benchmark="MATH500", metric="pass@1"),
    claim("a-paper-without-arxiv-id", "score", "ModelS", 50.0, "%", benchmark="MATH500",
          metric="pass@1"),
    claim("2501.00010", "throughput", "FastLM", 1500.0, "token/s", metric="throughput",
          hardware="A100"),
    claim("2501.00010", "memory", "FastLM", 18.0, "GB", metric="memory", hardware="RTX 4090"),
    claim("2501.00011", "latency", "QuickNet", 250.0, "ms", metric="latency", hardware="H100"),
    claim("2501.00011", "speedup", "QuickNet", 2.5, "x", metric="speed", hardware="H800",
          baseline="FlashAttention"),
    claim("2501.00014", "speedup", "SlowSpeed", 1.5, "x", metric="speed", hardware="A100"),
    claim("2501.00012", "score", "TokA", 0.5, benchmark="ImageNet", metric="rFID"),
    claim("2501.00013", "score", "TokB", 0.3, benchmark="ImageNet", metric="rFID"),
    claim("2501.00010", "score", "FastLM", 64.0, "%", benchmark="MMLU", metric="accuracy"),
    claim("2501.00011", "score", "QuickNet", 70.0, "%", benchmark="MMLU", metric="accuracy"),
]


@pytest.fixture
def claims_table(tmp_path: Path) -> Path:
    path = tmp_path / "claims.csv"
    write_table(HAND_MADE_CLAIMS, path)
    return path


@pytest.fixture
def app(monkeypatch) -> Callable[..., AppTest]:
    """Run the app on `inputs` (sys.argv, as `claimboard dashboard` passes them) and, when
    given, switch to `view`."""
    def run(*inputs: Path | str, view: str | None = None) -> AppTest:
        monkeypatch.setattr(sys, "argv", [str(APP), *map(str, inputs)])
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
        if view is not None:
            at.sidebar.radio(key="view").set_value(view).run()
        return at
    return run


class Downloads:
    """What the app hands to st.download_button, by file name, latest last (deferred data
    functions are called when read)."""

    def __init__(self) -> None:
        self.handed: dict[str, object] = {}

    def record(self, file_name: str | None, data: object) -> None:
        self.handed.pop(file_name, None)
        self.handed[file_name] = data

    def latest(self, prefix: str) -> bytes:
        """The bytes of the download handed last whose file name starts with `prefix`."""
        name = [name for name in self.handed if name and name.startswith(prefix)][-1]
        data = self.handed[name]
        data = data() if callable(data) else data
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)


@pytest.fixture
def downloads(monkeypatch) -> Downloads:
    recorder = Downloads()
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record(self, data, mimetype, coordinates, file_name=None, **kwargs):
        recorder.record(file_name, data)
        return add(self, data, mimetype, coordinates, file_name, **kwargs)

    def record_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        recorder.record(file_name, data_callable)
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", record)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    return recorder


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def shown_table(at: AppTest, index: int = 0) -> pd.DataFrame:
    return at.dataframe[index].value


def chart_specs(at: AppTest) -> list[dict]:
    """The Vega-Lite specs of the Altair charts shown (AppTest has no chart element of its own)."""
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def chart_titles(at: AppTest) -> list[str]:
    titles = []
    for spec in chart_specs(at):
        title = spec.get("title", "")
        titles.append(title.get("text", "") if isinstance(title, dict) else title)
    return titles


# --- every view -------------------------------------------------------------------------------

@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_on_the_builtin_sample(app, view):
    at = app(view=view)
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert at.sidebar.radio(key="source").value == "Built-in sample"
    assert any("claims" in caption.value for caption in at.sidebar.caption)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_on_a_claims_table(app, claims_table, view):
    at = app(claims_table, view=view)
    no_exception(at)
    assert at.sidebar.radio(key="source").value == "Files from the command line"


# --- leaderboards -----------------------------------------------------------------------------

LEADERBOARD_CASES = [
    # (benchmark, metric chosen in the UI or None for the default, expected systems in order)
    pytest.param("CIFAR-10", None, ["GenB", "GenA", "GenC"], id="spec4-FID-lower-is-better"),
    pytest.param("ImageNet", None, ["ConvZ", "ViT-X", "ResNet-Y"],
                 id="issue13-ImageNet-opens-on-top-1-accuracy"),
    pytest.param("MATH500", None, ["PreMoe", "Other", "ModelR", "ModelQ", "ModelS"],
                 id="issue13-accuracy-and-pass@1-are-one-board"),
    pytest.param("ImageNet", "rFID", ["TokB", "TokA"], id="metric-chosen-in-the-ui"),
]


def open_board(at: AppTest, benchmark: str, metric: str | None) -> AppTest:
    at.selectbox(key="leaderboard_benchmark").set_value(benchmark).run()
    if metric is not None:
        at.selectbox(key=f"leaderboard_metric::{benchmark}").set_value(metric).run()
    return at


@pytest.mark.parametrize("benchmark, metric, subjects", LEADERBOARD_CASES)
def test_leaderboard_ranks_by_the_metric_direction(app, claims_table, benchmark, metric,
                                                   subjects):
    at = open_board(app(claims_table), benchmark, metric)
    no_exception(at)
    board = shown_table(at)
    assert list(board["system"]) == subjects
    assert list(board["rank"]) == list(range(1, len(subjects) + 1))


def test_leaderboard_marks_qualified_claims_and_links_papers(app, claims_table):
    at = open_board(app(claims_table), "ImageNet", None)
    board = shown_table(at).set_index("system")
    assert (board.loc["ResNet-Y", "value"], board.loc["ResNet-Y", "unit"]) == (79.3, "%")
    assert board.loc["ResNet-Y", "qualifier"].endswith("up to")
    assert board.loc["ConvZ", "qualifier"] == ""
    assert board.loc["ConvZ", "arXiv"] == "https://arxiv.org/abs/2501.00006"
    assert board.loc["ConvZ", "HF"] == "https://huggingface.co/papers/2501.00006"
    math = shown_table(open_board(at, "MATH500", None)).set_index("system")
    # a slug is not an arXiv id: the links search for the title
    assert math.loc["ModelS", "arXiv"].startswith("https://arxiv.org/search/?query=")
    assert math.loc["ModelS", "HF"] == \
        "https://huggingface.co/papers?q=Paper+a-paper-without-arxiv-id#search"


def test_leaderboard_shows_the_top_rows_evidence_as_clean_text(app, tmp_path):
    row = claim("2501.00050", "score", "SIFT", 85.67, "%", benchmark="AIME24", metric="pass@1",
                condition="with 8/128 pruning")
    row["sentence"] = r"SIFT improves pass@1 on AIME24 to **85.67**\% with 8/128 pruning."
    table = tmp_path / "claims.jsonl"
    write_table([row], table)
    at = app(table)
    no_exception(at)
    evidence = "".join(element.value for element in at.html)
    assert "to 85.67% with 8/128 pruning." in evidence and "**" not in evidence
    assert shown_table(at).loc[0, "settings"] == "pruned or quantised"


def test_leaderboard_leaves_out_claims_with_a_chosen_setting(app, tmp_path):
    table = tmp_path / "claims.csv"
    write_table([claim("rt-detr", "score", "RT-DETR-R50", 53.1, "%", benchmark="COCO", metric="AP"),
                 claim("rt-detr", "score", "RT-DETR-R50", 55.3, "%", benchmark="COCO", metric="AP",
                       condition="After pre-training with Objects365"),
                 claim("deim", "score", "DEIM", 54.7, "%", benchmark="COCO", metric="AP")], table)
    at = app(table)
    assert list(zip(shown_table(at)["system"], shown_table(at)["value"])) == [
        ("RT-DETR-R50", 55.3), ("DEIM", 54.7)]
    at.multiselect(key="leaderboard_hide").set_value(["extra training data"]).run()
    no_exception(at)
    assert list(zip(shown_table(at)["system"], shown_table(at)["value"])) == [
        ("DEIM", 54.7), ("RT-DETR-R50", 53.1)]


def test_leaderboard_charts_the_best_so_far_when_claims_are_dated(app, tmp_path):
    table = tmp_path / "claims.csv"
    write_table([claim("2401.00001", "score", "A", 50.0, "%", benchmark="COCO", metric="AP",
                       date="2024-01-10"),
                 claim("2403.00001", "score", "B", 53.1, "%", benchmark="COCO", metric="AP",
                       date="2024-03")], table)
    at = app(table)
    no_exception(at)
    [history] = [spec for spec in chart_specs(at) if "step-after" in json.dumps(spec)]
    assert history["title"].startswith("Best AP claimed so far")


def test_the_benchmark_picker_orders_by_systems(app, claims_table):
    at = app(claims_table)
    assert at.selectbox(key="leaderboard_benchmark").options[:2] == [
        "MATH500  ·  5 systems", "ImageNet  ·  3 systems"]  # then most claims: 5 to 3


@pytest.mark.parametrize("benchmark, metric, subjects", LEADERBOARD_CASES)
def test_leaderboard_download_is_what_the_cli_writes(app, claims_table, downloads, benchmark,
                                                     metric, subjects):
    open_board(app(claims_table), benchmark, metric)
    downloaded = downloads.latest("leaderboard-")
    assert downloaded == csv_bytes(leaderboard(read_table(claims_table), benchmark, metric),
                                   LEADERBOARD_COLUMNS)
    command = [sys.executable, "-m", "extract", "leaderboard", str(claims_table), "--quiet",
               "--benchmark", benchmark] + (["--metric", metric] if metric else [])
    assert downloaded == subprocess.run(command, capture_output=True, check=True).stdout
    assert len(downloaded.decode("utf-8").splitlines()) == 1 + len(subjects)


# --- efficiency -------------------------------------------------------------------------------

@pytest.mark.parametrize("quantity, target, written", [
    pytest.param("memory [GB]", "GiB", (18.0, "GB"), id="issue-GB-to-GiB"),
    pytest.param("memory [GB]", "MB", (18.0, "GB"), id="issue-GB-to-MB"),
    pytest.param("throughput [token/s]", "ktoken/s", (1500.0, "token/s"),
                 id="issue-token-per-s-to-ktoken-per-s"),
    pytest.param("latency [ms]", "s", (250.0, "ms"), id="issue-ms-to-s"),
])
def test_efficiency_converts_units_through_the_library_unrounded(app, claims_table, quantity,
                                                                 target, written):
    at = app(claims_table, view="Efficiency")
    at.selectbox(key="efficiency_quantity").set_value(quantity).run()
    at.selectbox(key=f"efficiency_unit::{quantity}").set_value(target).run()
    no_exception(at)
    row = shown_table(at).iloc[0]
    assert row["unit"] == target
    assert row["value"] == convert(*written, target)  # exactly: nothing rounded away
    assert row["as written"] == f"{written[0]:g} {written[1]}"


def test_efficiency_boards_label_each_system_and_filter_by_hardware(app, claims_table):
    at = app(claims_table, view="Efficiency")
    at.selectbox(key="efficiency_quantity").set_value("speedup: speed").run()
    no_exception(at)
    table = shown_table(at)
    assert list(zip(table["system"], table["hardware"], table["baseline"])) == [
        ("QuickNet", "H800", "FlashAttention"), ("SlowSpeed", "A100", "")]
    assert chart_titles(at) == ["speedup: speed (higher is better)"]
    at.multiselect(key="efficiency_hardware").set_value(["A100"]).run()
    no_exception(at)
    assert list(shown_table(at)["system"]) == ["SlowSpeed"]


# --- matrix and quality against efficiency ----------------------------------------------------

def test_matrix_has_a_row_per_system_and_a_column_per_benchmark(app, claims_table):
    at = app(claims_table, view="Systems x benchmarks")
    at.slider(key="matrix_min_systems").set_value(1).run()
    no_exception(at)
    matrix = shown_table(at).set_index("system")
    assert matrix.loc["PreMoe", "MATH500 (accuracy)"] == 97.2
    assert matrix.loc["FastLM", "benchmarks"] == 1
    # an empty cell is a missing number (the column sorts as numbers), shown as a dash
    assert pd.isna(matrix.loc["PreMoe", "ImageNet (top-1 accuracy)"])
    assert at.dataframe[0].proto.placeholder == "–"
    at.slider(key="matrix_min_benchmarks").set_value(2).run()
    no_exception(at)
    # no hand-made system has scores on two benchmarks
    assert [info.value for info in at.info] == [
        "No system has a claim on that many of these benchmarks."]


def test_quality_against_efficiency_sets_scores_against_speed(app, claims_table):
    at = app(claims_table, view="Quality vs efficiency")
    no_exception(at)
    table = shown_table(at)
    assert len(table) == 1 and table.loc[0, "system"] in ("FastLM", "QuickNet")
    row = dict(table.loc[0, ["system", "score", "efficiency", "paper"]])
    assert row in ({"system": "FastLM", "score": "64 %", "efficiency": "1500 token/s",
                    "paper": "Paper 2501.00010"},
                   {"system": "QuickNet", "score": "70 %", "efficiency": "250 ms",
                    "paper": "Paper 2501.00011"})
    assert len(chart_specs(at)) == 1


# --- all claims -------------------------------------------------------------------------------

ALL_CLAIMS_FILTERS = [
    # (widget key, value, which hand-made rows pass)
    pytest.param("claims_kind", ["throughput", "latency"],
                 lambda c: c["kind"].isin(["throughput", "latency"]), id="kind"),
    pytest.param("claims_benchmark", ["ImageNet"], lambda c: c["benchmark"] == "ImageNet",
                 id="benchmark"),
    pytest.param("claims_metric", ["pass@1"], lambda c: c["metric"] == "pass@1", id="metric"),
    pytest.param("claims_hardware", ["A100", "H100"], lambda c: c["hardware"].isin(["A100", "H100"]),
                 id="hardware"),
    pytest.param("claims_search", "premoe", lambda c: c["subject"] == "PreMoe",
                 id="free-text-ignores-case"),
    pytest.param("claims_search", "flashattention", lambda c: c["baseline"] == "FlashAttention",
                 id="free-text-searches-the-baseline"),
]


@pytest.mark.parametrize("key, value, passes", ALL_CLAIMS_FILTERS)
def test_all_claims_filters_and_downloads_the_filtered_rows(app, claims_table, downloads,
                                                             tmp_path, key, value, passes):
    at = app(claims_table, view="All claims")
    widget = at.text_input(key=key) if key == "claims_search" else at.multiselect(key=key)
    widget.set_value(value).run()
    no_exception(at)
    claims = read_table(claims_table)
    expected = claims[passes(claims)]
    shown = shown_table(at)
    assert list(shown["subject"]) == list(expected["subject"])
    assert downloads.latest("claims.csv") == csv_bytes(expected)
    parquet = tmp_path / "downloaded.parquet"
    parquet.write_bytes(downloads.latest("claims.parquet"))
    pd.testing.assert_frame_equal(read_table(parquet), expected.reset_index(drop=True))


# --- unreadable input -------------------------------------------------------------------------

BROKEN_FILES = [
    # (file name, content or None for a path that does not exist, words of the reason)
    pytest.param("missing.jsonl", None, "no such file", id="readers-missing-file"),
    pytest.param("binary.txt", bytes(range(256)) * 4, "binary", id="readers-binary-content"),
    pytest.param("page.html", b"<html><body>not a corpus</body></html>\n", "HTML",
                 id="readers-html-page"),
    pytest.param("claims-bad.csv", ",".join(COLUMNS).encode() + b"\n" + b"x," * 6 + b"abc"
                 + b"," * (len(COLUMNS) - 7) + b"\n", "value", id="tables-value-not-a-number"),
]


@pytest.mark.parametrize("name, content, reason", BROKEN_FILES)
def test_an_unreadable_input_file_shows_an_error_and_the_rest_still_works(
        app, claims_table, tmp_path, name, content, reason):
    broken = tmp_path / name
    if content is not None:
        broken.write_bytes(content)
    at = app(broken, claims_table)
    no_exception(at)
    [error] = [e.value for e in at.error]
    assert name in error and reason.lower() in error.lower()
    assert list(shown_table(at)["system"])  # the good table's leaderboard is there


@pytest.mark.parametrize("name, content, reason", [p for p in BROKEN_FILES if p.values[1]])
def test_a_broken_upload_shows_an_error_and_the_other_uploads_load(app, claims_table, name,
                                                                   content, reason):
    at = app()
    at.sidebar.radio(key="source").set_value("Uploaded files").run()
    at.sidebar.file_uploader(key="uploads").set_value([
        (name, content, "application/octet-stream"),
        ("claims.csv", claims_table.read_bytes(), "text/csv"),
    ]).run()
    no_exception(at)
    [error] = [e.value for e in at.error]
    assert name in error and reason.lower() in error.lower()
    assert "/tmp" not in error  # the temporary copy's path is not shown
    assert len(shown_table(at)) > 0  # the good upload's leaderboard is there


def test_a_skipped_record_is_counted_and_the_file_still_loads(app, tmp_path):
    corpus = tmp_path / "papers.jsonl"
    corpus.write_text('{"id": "2501.00001", "title": "Good", "abstract": "It reaches 97.2% '
                      'accuracy on MATH500."}\n{not json\n', encoding="utf-8")
    at = app(corpus, view="Papers")
    no_exception(at)
    assert not at.error
    assert any("1 record skipped" in expander.label for expander in at.expander)


# --- papers -----------------------------------------------------------------------------------

SCRIPT = "<script>window.pwned = 1</script>"


@pytest.mark.parametrize("text, spans, html", [
    pytest.param("<script>x</script> 97.2%", [Span(19, 23)],
                 "&lt;script&gt;x&lt;/script&gt; <mark>97.2</mark>%", id="issue-script-as-text"),
    pytest.param("a & b 12", [Span(6, 8, 'score "12" <b>')],
                 'a &amp; b <mark title="score &quot;12&quot; &lt;b&gt;">12</mark>',
                 id="tooltip-escaped"),
    pytest.param("1.5x and 2x", [Span(0, 3), Span(1, 4), Span(9, 10)],
                 "<mark>1.5</mark>x and <mark>2</mark>x", id="overlapping-span-left-out"),
    pytest.param("short", [Span(3, 40), Span(2, 2), Span(-1, 1)], "short",
                 id="claims-table-spans-that-do-not-fit"),
])
def test_highlight_escapes_the_text_and_marks_the_spans(text, spans, html):
    assert highlight(text, spans) == html


def test_an_abstract_is_escaped_and_its_claims_highlighted(app, tmp_path):
    corpus = tmp_path / "papers.jsonl"
    abstract = f"We print {SCRIPT} and <b>bold</b> as text. PreMoe reaches 97.2% on MATH500."
    corpus.write_text(pd.DataFrame([{"id": "2501.00042", "title": "Escaping <i>test</i>",
                                     "abstract": abstract}]).to_json(orient="records",
                                                                     lines=True),
                      encoding="utf-8")
    at = app(corpus, view="Papers")
    no_exception(at)
    shown = "".join(element.value for element in at.html)
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in shown
    assert "&lt;b&gt;bold&lt;/b&gt;" in shown and "Escaping &lt;i&gt;test&lt;/i&gt;" in shown
    assert "<script" not in shown and "<b>" not in shown and "<i>" not in shown
    assert ">97.2</mark>" in shown


def test_a_claims_table_sentence_is_escaped(app, tmp_path):
    table = tmp_path / "claims.jsonl"
    row = claim("2501.00043", "score", "Evil", 97.2, "%", benchmark="MATH500")
    row["sentence"] = f"Evil {SCRIPT} reaches 97.2% on MATH500."
    write_table([row], table)
    at = app(table, view="Papers")
    no_exception(at)
    shown = "".join(element.value for element in at.html)
    assert "&lt;script&gt;" in shown and "<script" not in shown


def test_papers_view_shows_the_chosen_papers_claims(app, claims_table):
    at = app(claims_table, view="Papers")
    at.selectbox(key="paper").set_value("2501.00010").run()
    no_exception(at)
    assert list(shown_table(at)["kind"]) == ["throughput", "memory", "score"]


# --- unknown names ----------------------------------------------------------------------------

LINK = "see [here](javascript:alert(1))"
#: Abstracts with names no vocabulary knows next to numbers; one carries Markdown and HTML.
NAMES_CORPUS = [
    {"id": "2501.00051", "title": "Alpha", "abstract": "Alpha reaches 71.2 ZetaTrackScore on the Lyft L5 "
                                                       "dataset with 8 Kunlun P800 chips."},
    {"id": "2501.00052", "title": "Beta", "abstract": "Beta gets 70.1 ZetaTrackScore and 12.5 HitRate@10."},
    {"id": "2501.00053", "title": "Gamma", "abstract": f"Gamma {SCRIPT} reaches 69.0 ZetaTrackScore and "
                                                       f"0.91 on the Zeta-QA benchmark, {LINK}."},
]


@pytest.fixture
def names_corpus(tmp_path) -> Path:
    path = tmp_path / "papers.jsonl"
    path.write_text(pd.DataFrame(NAMES_CORPUS).to_json(orient="records", lines=True),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("kind, min_papers, argv", [
    pytest.param("all kinds", 1, [], id="cli-names-default"),
    pytest.param("metric", 2, ["--kind", "metric", "--min-count", "2"], id="cli-names-options"),
])
def test_unknown_names_shows_and_downloads_what_the_cli_writes(app, names_corpus, downloads,
                                                                capsys, kind, min_papers, argv):
    at = app(names_corpus, view="Unknown names")
    at.selectbox(key="names_kind").set_value(kind).run()
    at.number_input(key="names_min_papers").set_value(min_papers).run()
    no_exception(at)
    assert main(["names", str(names_corpus), "-q", *argv]) == 0
    written = capsys.readouterr().out
    assert downloads.latest("unknown-names-") == written.encode("utf-8")
    shown = shown_table(at)
    assert list(shown["name"]) == list(pd.read_csv(io.StringIO(written))["name"])
    assert "ZetaTrackScore" in list(shown["name"])


def test_unknown_names_shows_input_strings_as_text(app, names_corpus):
    at = app(names_corpus, view="Unknown names")
    no_exception(at)
    shown = shown_table(at)
    sentence = shown.set_index("name").loc["Zeta-QA", "example_sentence"]
    assert SCRIPT in sentence and LINK in sentence  # as written, in a table cell
    rendered = [*(m.value for m in at.markdown), *(c.value for c in at.caption)]
    assert not any("Zeta" in text or "<script" in text for text in rendered)


def test_unknown_names_of_a_claims_table_reads_its_sentences(app, tmp_path):
    table = tmp_path / "claims.csv"
    row = claim("2501.00054", "score", "Delta", 71.2)
    row["sentence"] = "Delta reaches 71.2 ZetaTrackScore on the Lyft L5 dataset."
    write_table([row], table)
    at = app(table, view="Unknown names")
    no_exception(at)
    assert list(shown_table(at)["name"]) == ["Lyft L5", "ZetaTrackScore"]  # one paper each: kind order


# --- golden check -----------------------------------------------------------------------------

def test_golden_check_of_an_upload_scores_like_the_project_file(app):
    golden_dir = REPO / "golden"
    at = app(view="Golden check")
    project = [m.value for m in at.metric]
    at.radio(key="golden_source").set_value("Upload a golden file and its corpus").run()
    at.file_uploader(key="golden_upload").set_value(
        ("hf-daily-papers.csv", (golden_dir / "hf-daily-papers.csv").read_bytes(), "text/csv"))
    from dashboard.data import SAMPLE_CORPUS
    at.file_uploader(key="golden_corpus_upload").set_value(
        (SAMPLE_CORPUS.name, SAMPLE_CORPUS.read_bytes(), "text/plain")).run()
    no_exception(at)
    assert not at.error
    assert [m.value for m in at.metric] == project and len(project) == 9


# --- hostile uploads (issue 14) ---------------------------------------------------------------

#: Markdown that would make the browser load a URL (an image) or show a link, if rendered.
ATTACK = "![x](http://attacker.invalid/pixel.png) [y](http://attacker.invalid/)"


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.sidebar.radio(key="source").set_value("Uploaded files").run()
    at.sidebar.file_uploader(key="uploads").set_value(
        [(name, data, "application/octet-stream") for name, data in files]).run()
    return at


def markdown_shown(at: AppTest) -> list[str]:
    """The Markdown bodies of every element that renders Markdown on the page, without their
    code spans (shown as written, never rendered)."""
    import re

    elements = [*at.error, *at.warning, *at.caption, *at.info, *at.sidebar.caption]
    return [re.sub(r"(`+) .*? \1", "", element.value) for element in elements]


def test_markdown_from_uploads_is_shown_as_text(app, tmp_path):
    from dashboard.safe_text import markdown_text

    table = tmp_path / "claims.csv"
    write_table([claim("not-an-arxiv-id " + ATTACK, "score", "S", 50.0, "%",
                       benchmark="Bench " + ATTACK, metric="metric " + ATTACK)], table)
    header = f"id,title,{ATTACK}\n1,A title,An abstract reaching 5%.\n".encode()
    at = upload(app(), ("claims.csv", table.read_bytes()), (f"corpus {ATTACK}.csv", header))
    no_exception(at)
    shown = markdown_shown(at)
    assert any("Could not read" in body for body in shown)  # the CSV without an abstract column
    for body in shown:
        assert "](http" not in body, body
    assert any(markdown_text("Bench " + ATTACK) in body for body in shown)
    at.sidebar.radio(key="view").set_value("Papers").run()
    assert all("](http" not in body for body in markdown_shown(at))


@pytest.mark.parametrize("name", ["..", ".", "../../x.jsonl", "a/", "\x00.jsonl", "x" * 400])
def test_upload_names_cannot_break_out(app, name):
    corpus = b'{"id": "2501.00001", "title": "T", "abstract": "It reaches 91.5% on MMLU."}\n'
    at = upload(app(), (name, corpus))
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert all("/tmp" not in body for body in markdown_shown(at))


def test_an_upload_is_limited_by_its_decompressed_size(app, monkeypatch):
    import gzip

    import dashboard.data

    monkeypatch.setattr(dashboard.data, "MAX_UPLOAD_BYTES", 1_000_000)
    bomb = gzip.compress(b"[" + b" " * 2_000_000 + b"]")  # 2 kB sent, 2 MB once decompressed
    at = upload(app(), ("bomb.json.gz", bomb))
    no_exception(at)
    from dashboard.safe_text import markdown_text

    [error] = [e.value for e in at.error]
    assert markdown_text("more than 1,000,000 bytes once decompressed") in error


def test_a_lone_surrogate_in_an_upload_loses_only_that_character(app):
    corpus = (b'{"id": "2501.00001", "title": "Lone \\ud800", "abstract": "It reaches 91.5% on '
              b'MMLU."}\n')
    at = upload(app(), ("s.jsonl", corpus))
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert len(shown_table(at)) == 1  # the paper's claim is on the board


def test_downloads_neutralise_formula_cells():
    frame = pd.DataFrame({"subject": ["=HYPERLINK(\"http://x\")", "@SUM(1)", "plain"],
                          "value": [-1.5, 2.0, 3.0]})
    assert csv_bytes(frame, {"subject": "str", "value": "float"}).decode().splitlines() == [
        "subject,value", "\"'=HYPERLINK(\"\"http://x\"\")\",-1.5", "'@SUM(1),2", "plain,3"]


# --- sidebar ------------------------------------------------------------------------------------

def test_a_corpus_and_its_claims_table_loaded_together_count_once(app, tmp_path):
    corpus = tmp_path / "papers.jsonl"
    corpus.write_text('{"id": "2501.00001", "title": "Good", "abstract": "It reaches 97.2% '
                      'accuracy on MATH500."}\n', encoding="utf-8")
    table = tmp_path / "claims.csv"
    assert subprocess.run([sys.executable, "-m", "extract", "extract", str(corpus), "-o",
                           str(table), "-q"]).returncode == 0
    at = app(corpus, table, view="All claims")
    no_exception(at)
    assert "1 paper, 1 claim" in [caption.value for caption in at.sidebar.caption]
    assert len(shown_table(at)) == 1


def test_an_empty_upload_says_so(app):
    at = app()
    at.sidebar.radio(key="source").set_value("Uploaded files").run()
    at.sidebar.file_uploader(key="uploads").set_value(
        [("empty.jsonl", b"", "application/octet-stream")]).run()
    no_exception(at)
    assert any("empty.jsonl" in warning.value and "no papers" in warning.value
               for warning in at.warning)


# --- evidence as clean text ---------------------------------------------------------------------

@pytest.mark.parametrize("written, shown", [
    pytest.param(r"DeepSeek-R1 671B maintains 97.2\% accuracy on MATH500",
                 "DeepSeek-R1 671B maintains 97.2% accuracy on MATH500", id="sample-premoe-latex-percent"),
    pytest.param("SIFT improves the pass@1 accuracy from 78.33% to **85.67**%",
                 "SIFT improves the pass@1 accuracy from 78.33% to 85.67%", id="sample-sift-markdown-bold"),
    pytest.param(r"a $\times$3 speedup and $\sim$6\% gain", "a ×3 speedup and ~6% gain",
                 id="spec3-latex-math"),
    pytest.param(r"reaches \textbf{56.2} AP \cite{detr}", "reaches 56.2 AP", id="latex-commands"),
    pytest.param("is 3.67times faster and *robust*", "is 3.67 × faster and robust",
                 id="spec3-bare-times-and-markdown-emphasis"),
    pytest.param("line one\nline two", "line one line two", id="wide-hard-line-breaks"),
])
def test_evidence_reads_latex_and_markdown(written, shown):
    from dashboard.display import readable

    assert readable(written) == shown
