"""The `claimboard` command line, end to end through main(argv), and once as a real process."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import extract.cli as cli
import extract.evaluation.golden
from extract import __version__
from extract.cli import dashboard_argv, main, parse_args
from extract.output.leaderboard import LEADERBOARD_COLUMNS
from extract.pipeline import extract_files
from extract.output.schema import COLUMNS
from extract.output.tables import read_table, write_table

SAMPLE = Path(cli.__file__).parent / "data" / "sample" / "hf-daily-papers.txt"
CONSOLE_SCRIPT = Path(sys.executable).parent / "claimboard"

BROKEN_JSONL = "\n".join([
    json.dumps({"id": "2501.00001", "title": "Alpha", "abstract": "Alpha reaches 91.5% accuracy."}),
    '{"id": "2501.00002", "title": "Broken JSON", ',
    json.dumps({"id": "2501.00003", "title": "Beta", "abstract": "Beta gets 12% accuracy."}),
]) + "\n"

# A claims table with known score rows, so that leaderboard tests do not depend on extraction.
BOARD_CLAIMS = [
    {"paper_id": "p1", "title": "Alpha paper", "kind": "score", "subject": "Alpha",
     "benchmark": "MathVista", "metric": "accuracy", "value": 70.0, "unit": "%", "char_start": 5},
    {"paper_id": "p2", "title": "Beta paper", "kind": "score", "subject": "Beta",
     "benchmark": "MathVista", "metric": "accuracy", "value": 75.0, "unit": "%", "char_start": 9},
    {"paper_id": "p2", "title": "Beta paper", "kind": "score", "subject": "Beta",
     "benchmark": "ImageNet", "metric": "FID", "value": 2.1, "char_start": 30},
]


@pytest.fixture
def broken_jsonl(tmp_path) -> Path:
    path = tmp_path / "papers.jsonl"
    path.write_text(BROKEN_JSONL, encoding="utf-8")
    return path


@pytest.fixture
def claims_csv(tmp_path) -> Path:
    path = tmp_path / "claims.csv"
    write_table(BOARD_CLAIMS, path)
    return path


def run(capsys, *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- extract ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_csv() -> str:
    """The claims of the sample corpus as CSV, made by the library (once for this module)."""
    expected = io.StringIO()
    write_table(extract_files([SAMPLE]), expected)
    return expected.getvalue()


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """Three papers as JSON Lines: enough to test output formats quickly."""
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(paper) + "\n" for paper in [
        {"id": "2501.00001", "title": "Alpha", "abstract": "Alpha reaches 91.5% on MMLU."},
        {"id": "2501.00002", "title": "Beta", "abstract": "Beta is 2.5x faster on H800 GPUs."},
        {"id": "2501.00003", "title": "Gamma", "abstract": "No numbers here."},
    ]), encoding="utf-8")
    return path


def read_table_from_text(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_extract_writes_csv_to_stdout(capsys, sample_csv):
    code, out, err = run(capsys, "extract", SAMPLE, "--jobs", "1")
    assert code == 0
    assert out == sample_csv
    assert out.startswith(",".join(COLUMNS) + "\n")
    rows = len(read_table_from_text(out))
    assert err == f"claimboard: 103 papers, {rows} claims, 0 records skipped\n"


def test_extract_output_is_deterministic(capsys, sample_csv):
    # (jobs=1 against a process pool is tested on a larger corpus in test_pipeline.py)
    code, out, err = run(capsys, "extract", SAMPLE, "-q", "--jobs", "2")
    assert (code, out, err) == (0, sample_csv, "")  # --quiet: no summary line


@pytest.mark.parametrize("name, first_bytes", [
    ("claims.csv", b"paper_id,title,"), ("claims.parquet", b"PAR1"),
    ("claims.jsonl", b'{"paper_id": '), ("claims.csv.gz", b"\x1f\x8b"),
    ("claims.jsonl.gz", b"\x1f\x8b"),
])
def test_extract_to_a_file_chooses_format_by_name(capsys, tmp_path, small_corpus, name,
                                                   first_bytes):
    path = tmp_path / name
    code, out, err = run(capsys, "extract", small_corpus, "-o", path)
    assert (code, out) == (0, "")
    assert err.splitlines()[-1].startswith("claimboard: 3 papers, ")
    assert path.read_bytes().startswith(first_bytes)
    # The file holds the same table as CSV on stdout.
    again = io.StringIO()
    write_table(read_table(path), again)
    assert again.getvalue() == run(capsys, "extract", small_corpus, "-q")[1]


def test_skipped_records_are_warned_and_counted(capsys, broken_jsonl):
    code, out, err = run(capsys, "extract", broken_jsonl)
    lines = err.splitlines()
    assert code == 0
    assert lines[0].startswith(f"{broken_jsonl}:2: invalid JSON")
    assert lines[-1].startswith("claimboard: 2 papers, ") and lines[-1].endswith(
        " claims, 1 record skipped")
    assert out.startswith("paper_id,")


def test_strict_exits_2_on_a_skipped_record(capsys, broken_jsonl):
    code, out, err = run(capsys, "extract", broken_jsonl, "--strict")
    assert code == 2
    assert err.splitlines()[-1] == "claimboard: error: 1 record skipped (--strict)"


@pytest.mark.parametrize("argv, message", [
    (["extract", "{tmp}/absent.jsonl"], "claimboard: error: {tmp}/absent.jsonl: "),
    (["extract", str(SAMPLE), "-o", "{tmp}/claims.xlsx"],
     "claimboard: error: {tmp}/claims.xlsx: unknown table format"),
    (["extract", str(SAMPLE), "-o", "{tmp}/no/such/dir/claims.csv"],
     "claimboard: error: {tmp}/no/such/dir/claims.csv: no such directory"),
    (["leaderboard", "{tmp}/absent.csv", "--list"], "claimboard: error: {tmp}/absent.csv: "),
])
def test_input_and_output_errors_are_one_line(capsys, tmp_path, argv, message):
    code, out, err = run(capsys, *[arg.format(tmp=tmp_path) for arg in argv])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(message.format(tmp=tmp_path))
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["extract"],                                   # no input
    ["extract", str(SAMPLE), "--jobs", "0"],       # not a number of processes
    ["extract", str(SAMPLE), "--format", "xml"],   # not an input format
    ["extract", str(SAMPLE), "--server.port", "8600"],  # Streamlit options only for dashboard
    ["frobnicate"],                                # no such command
])
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert "usage: claimboard" in err


def test_version(capsys):
    assert run(capsys, "--version") == (0, f"claimboard {__version__}\n", "")


# What `claimboard extract` does (reading, extracting, writing, no progress bar) imports neither
# pandas nor tqdm, which would add their import time to every run and every worker.
EXTRACT_AND_LIST_IMPORTS = """
import sys
from extract.cli import main
code = main(sys.argv[1:])
imported = [name for name in ("pandas", "tqdm") if name in sys.modules]
sys.exit(f"imported {imported}" if imported else code)
"""


@pytest.mark.parametrize("name", ["claims.csv", "claims.jsonl.gz"])
def test_extract_imports_neither_pandas_nor_tqdm(tmp_path, small_corpus, name):
    done = subprocess.run([sys.executable, "-c", EXTRACT_AND_LIST_IMPORTS, "extract", small_corpus,
                           "-o", tmp_path / name], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1].startswith("claimboard: 3 papers, "), done.stderr


# --- leaderboard -----------------------------------------------------------------------------

def test_leaderboard_csv(capsys, claims_csv):
    code, out, err = run(capsys, "leaderboard", claims_csv, "--benchmark", "mathvista")
    board = read_table_from_text(out)
    assert code == 0
    assert list(board.columns) == list(LEADERBOARD_COLUMNS)
    assert list(zip(board["rank"], board["subject"], board["value"])) == [
        ("1", "Beta", "75"), ("2", "Alpha", "70")]
    assert err == "claimboard: MathVista, accuracy (default) (higher is better): 2 systems\n"


def test_leaderboard_to_parquet(capsys, tmp_path, claims_csv):
    path = tmp_path / "board.parquet"
    code, out, _ = run(capsys, "leaderboard", claims_csv, "-b", "ImageNet", "-m", "FID", "-o",
                       path, "-q")
    assert (code, out) == (0, "")
    board = pd.read_parquet(path)
    assert list(board["subject"]) == ["Beta"] and list(board["rank"]) == [1]


def test_leaderboard_list(capsys, claims_csv):
    code, out, _ = run(capsys, "leaderboard", claims_csv, "--list")
    assert code == 0
    assert out == ("benchmark,metric,default,claims,subjects\nMathVista,accuracy,yes,2,2\n"
                   "ImageNet,FID,yes,1,1\n")


def test_leaderboard_of_an_input_corpus(capsys, small_corpus):
    code, out, _ = run(capsys, "leaderboard", small_corpus, "--list", "-q")
    assert code == 0 and out.startswith("benchmark,metric,default,claims,subjects\n")


@pytest.mark.parametrize("argv, code, message", [
    (["--benchmark", "MathVist"], 1,
     "claimboard: error: no score claims on benchmark 'MathVist'; closest: MathVista "
     "(see `claimboard leaderboard --list`)\n"),
    (["--benchmark", "MathVista", "--metric", "F1"], 1,
     "claimboard: error: no 'F1' score claims on benchmark 'MathVista' "
     "(see `claimboard leaderboard --list`)\n"),
    ([], 2, "claimboard: error: leaderboard needs --benchmark NAME (or --list)\n"),
    (["--benchmark", "MathVista", "--hide", "extra data"], 2,
     "claimboard: error: unknown flag 'extra data' for --hide (flags: extra training data, "
     "pruned or quantised, test-time compute, tools or retrieval, zero-shot, few-shot)\n"),
])
def test_leaderboard_errors(capsys, claims_csv, argv, code, message):
    assert run(capsys, "leaderboard", claims_csv, *argv) == (code, "", message)


# --- check -----------------------------------------------------------------------------------

@pytest.fixture
def tiny_golden(tmp_path) -> Path:
    """A golden directory whose only paper has no claim, with floors at 0: passes whatever the
    extractor finds, so it tests the wiring, not the rules."""
    directory = tmp_path / "golden"
    directory.mkdir()
    (directory / "corpus.jsonl").write_text(json.dumps(
        {"id": "2501.00001", "title": "A Survey", "abstract": "We survey papers."}) + "\n",
        encoding="utf-8")
    golden_row = dict.fromkeys(extract.evaluation.golden.GOLDEN_COLUMNS, "")
    golden_row.update(paper_id="2501.00001", title="A Survey", kind="none", rule="golden",
                      sentence="We survey papers.", note="no claim")
    pd.DataFrame([golden_row]).to_csv(directory / "tiny.csv", index=False)
    (directory / "manifest.toml").write_text(
        '[tiny]\ngolden = "tiny.csv"\ninput = "corpus.jsonl"\n', encoding="utf-8")
    (directory / "thresholds.toml").write_text(
        "[tiny]\nclaim_f1 = 0.0\nleaderboard_f1 = 0.0\n", encoding="utf-8")
    return directory


def test_check_runs_the_golden_check(capsys, tiny_golden):
    code, out, _ = run(capsys, "check", tiny_golden, "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["exit_code"] == 0 and report["errors"] == []


def test_check_reports_an_unusable_target(capsys, tmp_path):
    code, _, err = run(capsys, "check", tmp_path / "absent")
    assert code == 2 and "absent: no such golden directory or file" in err


@pytest.mark.parametrize("argv, expected", [
    (["check"], ((None,), {"output_format": "text", "ratchet": False})),
    (["check", "g1", "g2.csv", "--format", "json", "--ratchet"],
     ((["g1", "g2.csv"],), {"output_format": "json", "ratchet": True})),
])
def test_check_passes_its_arguments_on(monkeypatch, argv, expected):
    calls = []
    monkeypatch.setattr(extract.evaluation.golden, "check", lambda *a, **k: calls.append((a, k)) or 7)
    assert main(argv) == 7
    assert calls == [expected]


# --- dashboard -------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, inputs, options", [
    (["dashboard"], [], []),
    (["dashboard", "claims.csv", "more.parquet"], ["claims.csv", "more.parquet"], []),
    (["dashboard", "claims.csv", "--server.port", "8600", "--server.headless", "true"],
     ["claims.csv"], ["--server.port=8600", "--server.headless=true"]),
    (["dashboard", "--theme.base=dark", "claims.csv", "--browser.gatherUsageStats", "false"],
     ["claims.csv"], ["--theme.base=dark", "--browser.gatherUsageStats=false"]),
])
def test_dashboard_arguments(argv, inputs, options):
    args = parse_args(argv)
    assert (args.inputs, args.streamlit_options) == (inputs, options)


@pytest.mark.parametrize("inputs, options, expected_tail", [
    ([], [], []),
    (["claims.csv"], [], ["--", "claims.csv"]),
    (["a.csv", "b.txt"], ["--server.port=8600"], ["--server.port=8600", "--", "a.csv", "b.txt"]),
])
def test_dashboard_argv(inputs, options, expected_tail):
    argv = dashboard_argv(inputs, options, app=Path("/pkg/dashboard/app.py"), python="python3")
    assert argv == ["python3", "-m", "streamlit", "run", "/pkg/dashboard/app.py",
                    "--browser.gatherUsageStats=false", "--server.address=127.0.0.1",
                    "--client.toolbarMode=viewer",
                    *expected_tail]


def test_dashboard_argv_keeps_the_users_usage_statistics_choice():
    argv = dashboard_argv([], ["--browser.gatherUsageStats=true"], app=Path("app.py"), python="py")
    assert argv == ["py", "-m", "streamlit", "run", "app.py", "--server.address=127.0.0.1",
                    "--client.toolbarMode=viewer",
                    "--browser.gatherUsageStats=true"]


def test_dashboard_app_is_in_the_dashboard_package():
    import dashboard

    assert cli.dashboard_app() == Path(dashboard.__file__).parent / "app.py"


def test_dashboard_runs_streamlit_and_returns_its_status(monkeypatch, tmp_path):
    app = tmp_path / "app.py"
    app.write_text("", encoding="utf-8")
    launched = []
    monkeypatch.setattr(cli, "dashboard_app", lambda: app)
    monkeypatch.setattr(cli, "run_streamlit", lambda argv: launched.append(argv) or 3)
    assert main(["dashboard", "claims.csv", "--server.port", "8600"]) == 3
    assert launched == [[sys.executable, "-m", "streamlit", "run", str(app),
                         "--browser.gatherUsageStats=false", "--server.address=127.0.0.1",
                         "--client.toolbarMode=viewer",
                         "--server.port=8600", "--", "claims.csv"]]


def test_run_streamlit_returns_the_childs_status():
    assert cli.run_streamlit([sys.executable, "-c", "raise SystemExit(4)"]) == 4


# --- the installed console script ------------------------------------------------------------

@pytest.fixture
def console_script() -> Path:
    if not CONSOLE_SCRIPT.exists():
        pytest.skip(f"the claimboard console script is not installed next to {sys.executable}")
    return CONSOLE_SCRIPT


def test_console_script_extracts(console_script, sample_csv):
    done = subprocess.run([console_script, "extract", SAMPLE], capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 0
    assert done.stdout == sample_csv
    assert done.stderr.splitlines()[-1].startswith("claimboard: 103 papers, ")


def test_console_script_error_is_one_line(console_script, tmp_path):
    done = subprocess.run([console_script, "extract", tmp_path / "absent.jsonl"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"claimboard: error: {tmp_path / 'absent.jsonl'}: ")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_python_dash_m_extract():
    done = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True,
                          text=True)
    assert (done.returncode, done.stdout) == (0, f"claimboard {__version__}\n")


@pytest.mark.parametrize("options, warned", [
    pytest.param([], False, id="issue14-default-is-this-machine-only"),
    pytest.param(["--server.address", "127.0.0.1"], False, id="loopback-given"),
    pytest.param(["--server.address", "0.0.0.0"], True, id="issue14-network-is-explicit"),
    pytest.param(["--server.address=192.168.1.5"], True, id="an-interface"),
])
def test_dashboard_serves_to_a_network_only_when_asked_and_warns(monkeypatch, tmp_path, capsys,
                                                                  options, warned):
    app = tmp_path / "app.py"
    app.write_text("", encoding="utf-8")
    launched = []
    monkeypatch.setattr(cli, "dashboard_app", lambda: app)
    monkeypatch.setattr(cli, "run_streamlit", lambda argv: launched.append(argv) or 0)
    assert main(["dashboard", *options]) == 0
    addresses = [o for o in launched[0] if o.startswith("--server.address")]
    assert addresses[-1] != "--server.address=127.0.0.1" or not warned
    assert ("warning: serving the dashboard on" in capsys.readouterr().err) == warned


# --- counts in messages: singular for one (issue 13: "1 papers") ------------------------------

ONE_PAPER = json.dumps({"id": "2501.00001", "title": "Alpha",
                        "abstract": "Alpha reaches 91.5% accuracy on MMLU."}) + "\n"

#: (command after the input file, input text, what the last stderr line says)
ONE_OF_EACH = {
    "issue13: extract of one paper": (
        ["extract"], ONE_PAPER, "claimboard: 1 paper, 1 claim, 0 records skipped"),
    "issue13: extract of one paper and one broken record": (
        ["extract"], ONE_PAPER + '{"id": "2501.00002", ', "claimboard: 1 paper, 1 claim, "
                                                        "1 record skipped"),
    "issue13: leaderboard of one system": (
        ["leaderboard", "--benchmark", "MMLU"], ONE_PAPER,
        "claimboard: MMLU, accuracy (default) (higher is better): 1 system"),
    "issue13: names of one paper": (
        ["names"], ONE_PAPER, "claimboard: 1 paper, 0 unknown names, 0 written"),
}


@pytest.mark.parametrize("command, text, message", ONE_OF_EACH.values(), ids=ONE_OF_EACH.keys())
def test_counts_of_one_are_singular(capsys, tmp_path, command, text, message):
    corpus = tmp_path / "papers.jsonl"
    corpus.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, command[0], corpus, *command[1:], "-o", tmp_path / "out.csv")
    assert code == 0, err
    assert err.splitlines()[-1] == message
