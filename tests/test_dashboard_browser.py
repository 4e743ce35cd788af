"""The dashboard end to end: `claimboard dashboard` serving a real headless Chromium (Playwright).

Playwright cannot download its own browser here, so the tests drive Debian's Chromium at
/usr/bin/chromium (`scripts/install-chromium.sh` installs it; CI runs that first). Without it the
tests are skipped. Screenshots of the views (a board of each of AIME24, MATH500, COCO and
ImageNet, the efficiency boards, the matrix, quality against efficiency, papers, all claims) are
saved to test-artifacts/ (git-ignored; CI keeps it).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SAMPLE = REPO / "extract" / "data" / "sample" / "hf-daily-papers.txt"
ARTIFACTS = REPO / "test-artifacts"
#: The wide arXiv corpus of the project's shared folder, beside the repository (CI lays a copy
#: there) or beside the folder of work trees; the view test runs on the sample alone without it.
WIDE_CORPUS = next((path for path in (REPO.parent / "shared" / "corpus" / "arxiv-2025.jsonl",
                                      REPO.parent.parent / "shared" / "corpus" / "arxiv-2025.jsonl")
                    if path.exists()), None)
#: Seconds for the server to come up, and for a page to show what it should (the first page on
#: the sample extracts it).
STARTUP_SECONDS = 90
RENDER_MS = 90_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's Chromium at /usr/bin/chromium: run scripts/install-chromium.sh")


def claimboard_command() -> list[str]:
    """The installed `claimboard` console script next to this Python, else `python -m extract`."""
    script = Path(sys.executable).with_name("claimboard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "extract"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def dashboard(*inputs: Path, log: Path) -> Iterator[str]:
    """`claimboard dashboard INPUTS` on a free port; yields its URL once it answers."""
    port = free_port()
    command = [*claimboard_command(), "dashboard", *map(str, inputs),
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with log.open("wb") as output:
        # A session of its own: `claimboard dashboard` starts Streamlit as a child process, and
        # the whole group is stopped at the end.
        server = subprocess.Popen(command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, server, log)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _wait_until_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the dashboard exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the dashboard did not answer in {STARTUP_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(RENDER_MS)
    yield page
    context.close()


@contextmanager
def screenshot_at_the_end(page, name: str) -> Iterator[None]:
    """Save test-artifacts/NAME.png when the block ends, passed or failed (CI keeps it)."""
    try:
        yield
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        # Streamlit scrolls its main block, not the page: a full-page shot stops at the window.
        # The window is made as tall as the view for the shot, then put back.
        viewport = page.viewport_size
        height = page.evaluate(
            "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
            ".map(element => element.scrollHeight), 0)")
        if viewport and height > viewport["height"]:
            page.set_viewport_size({"width": viewport["width"], "height": height + 40})
            page.wait_for_timeout(800)  # the charts draw again at the new size
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        if viewport:
            page.set_viewport_size(viewport)


def cli_leaderboard(*args: str) -> bytes:
    """What `claimboard leaderboard ARGS` writes to stdout."""
    result = subprocess.run([*claimboard_command(), "leaderboard", *args, "--quiet"], cwd=REPO,
                            capture_output=True, check=True)
    return result.stdout


def grid_rows(page) -> list[list[str]]:
    """The cells of the data rows of the page's (only) table, as its accessible grid has them."""
    rows = page.get_by_test_id("stDataFrame").locator('[role="row"]:has([role="gridcell"])')
    return [row.locator('[role="gridcell"]').all_inner_texts() for row in rows.all()]


def choose(page, label: str, option: re.Pattern) -> None:
    """Pick `option` in the selectbox labelled `label`."""
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option).click()


def test_math500_leaderboard_rows_and_download_match_the_cli(page, tmp_path):
    from playwright.sync_api import expect

    expected = cli_leaderboard(str(SAMPLE), "--benchmark", "MATH500")
    expected_rows = list(csv.DictReader(io.StringIO(expected.decode("utf-8"))))
    assert expected_rows, "the extractor finds no MATH500 claim in the sample"

    with dashboard(log=tmp_path / "server.log") as url, screenshot_at_the_end(page, "dashboard"):
        page.goto(url)
        expect(page.get_by_text("Leaderboards", exact=True).first).to_be_visible()
        choose(page, "Benchmark", re.compile(r"^MATH500\b"))
        expect(page.get_by_test_id("stCaptionContainer").filter(
            has_text=re.compile(r"^MATH500, "))).to_be_visible()
        expect(page.get_by_test_id("stDataFrame").locator(
            '[role="row"]:has([role="gridcell"])')).to_have_count(len(expected_rows))

        rows = grid_rows(page)
        assert [row[0] for row in rows] == [r["rank"] for r in expected_rows]
        assert [row[1] for row in rows] == [r["subject"] for r in expected_rows]

        with page.expect_download() as download_info:
            page.get_by_test_id("stDownloadButton").get_by_role("button").click()
        assert Path(download_info.value.path()).read_bytes() == expected


def test_an_abstract_with_markup_shows_it_as_text(page, tmp_path):
    from playwright.sync_api import expect

    script = "<script>window.claimboardPwned = 1</script>"
    image = '<img src="x" onerror="window.claimboardPwned = 2">'
    corpus = tmp_path / "markup.jsonl"
    corpus.write_text(json.dumps({
        "id": "2501.00042", "title": "Markup <b>in</b> an abstract",
        "abstract": f"We print {script} and {image} as text. PreMoe reaches 97.2% accuracy on "
                    f"MATH500."}) + "\n", encoding="utf-8")

    with dashboard(corpus, log=tmp_path / "server.log") as url, screenshot_at_the_end(
            page, "dashboard-papers"):
        page.goto(url)
        page.get_by_test_id("stSidebar").get_by_text("Papers", exact=True).click()
        abstract = page.locator(".claimboard-abstract")
        expect(abstract).to_contain_text(script)
        expect(abstract).to_contain_text(image)
        expect(abstract.locator("mark", has_text="97.2")).to_have_count(1)
        expect(page.locator(".claimboard-title")).to_have_text("Markup <b>in</b> an abstract")
        assert abstract.locator("script, img").count() == 0
        assert page.evaluate("window.claimboardPwned") is None


#: (view, benchmark to open or None, screenshot name): each view of the issue-13 boards.
def _has_dated_claims(claims: Path, benchmark: str) -> bool:
    """Whether a claim on the benchmark's default board carries a date: the over-time chart's data
    (the sample's Daily Papers page gives no year; the wide corpus's arXiv records do)."""
    from extract.output.leaderboard import Boards
    from extract.output.tables import read_table
    return not Boards(read_table(claims)).history(benchmark).empty


VIEW_SHOTS = [
    ("Leaderboards", "AIME24", "board-aime24"),
    ("Leaderboards", "MATH500", "board-math500"),
    ("Leaderboards", "COCO", "board-coco"),
    ("Leaderboards", "ImageNet", "board-imagenet"),
    ("Efficiency", None, "efficiency"),
    ("Systems x benchmarks", None, "matrix"),
    ("Quality vs efficiency", None, "quality-vs-efficiency"),
    ("Papers", None, "papers"),
    ("All claims", None, "all-claims"),
]
#: Each board's default metric (extract/data/default_metrics.txt).
DEFAULT_METRICS = {"AIME24": "accuracy", "MATH500": "accuracy", "COCO": "AP",
                   "ImageNet": "top-1 accuracy"}


def test_every_view_renders_on_the_sample_and_the_wide_corpus(page, tmp_path):
    """The issue's "done when": on the sample plus arxiv-2025.jsonl, the AIME24, MATH500, COCO
    and ImageNet boards open on their default metric with the rows the CLI ranks, and the
    over-time chart, efficiency boards, matrix and quality-vs-efficiency views render."""
    from playwright.sync_api import expect

    expect.set_options(timeout=RENDER_MS)  # the first view extracts the corpus
    inputs = [SAMPLE] + ([WIDE_CORPUS] if WIDE_CORPUS else [])
    claims = tmp_path / "claims.csv"
    subprocess.run([*claimboard_command(), "extract", *map(str, inputs), "-o", str(claims), "-q"],
                   cwd=REPO, check=True)
    with dashboard(*inputs, log=tmp_path / "server.log") as url:
        page.goto(url)
        expect(page.get_by_text("Leaderboards", exact=True).first).to_be_visible(timeout=180_000)
        for view, benchmark, shot in VIEW_SHOTS:
            with screenshot_at_the_end(page, shot):
                page.get_by_test_id("stSidebar").get_by_text(view, exact=True).click()
                expect(page.get_by_role("heading").filter(has_text=re.compile(
                    view.split()[0]))).to_be_visible()
                wait_until_idle(page)
                if benchmark:
                    choose(page, "Benchmark", re.compile(rf"^{benchmark}\b"))
                    expect(page.get_by_test_id("stCaptionContainer").filter(
                        has_text=f"{benchmark}, {DEFAULT_METRICS[benchmark]} (the default board)"
                    )).to_be_visible()
                    expected = list(csv.DictReader(io.StringIO(cli_leaderboard(
                        str(claims), "--benchmark", benchmark).decode("utf-8"))))
                    expect(page.get_by_test_id("stDataFrame").locator(
                        '[role="row"]:has([role="gridcell"])')).to_have_count(len(expected))
                    assert [row[0] for row in grid_rows(page)] == [r["rank"] for r in expected]
                    expect(page.locator(".claimboard-evidence")).to_be_visible()
                    # the ranking chart, and the over-time chart where a claim on the board is dated
                    charts = 2 if _has_dated_claims(claims, benchmark) else 1
                    expect(page.locator(".vega-embed")).to_have_count(charts)
                elif view != "Papers":
                    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
                if view in ("Efficiency", "Quality vs efficiency"):
                    expect(page.locator(".vega-embed").first).to_be_visible()
                wait_until_idle(page)


def wait_until_idle(page) -> None:
    """Until the script run ends (Streamlit shows a Stop button while it runs, and the elements
    of the view before until they are replaced) and the charts have drawn."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    page.wait_for_timeout(800)
