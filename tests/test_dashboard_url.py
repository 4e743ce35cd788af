"""The dashboard opened on a URL of a paper API (`claimboard dashboard URL`), against the local
stand-in server of tests/api_server.py: the papers load, and an unreachable server is an error
shown for that input while the others still load."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dashboard.safe_text import markdown_text
from streamlit.testing.v1 import AppTest

from api_server import ApiServer, closed_port_url, fixture_reply
from extract.fetch import CACHE_DIR_VARIABLE

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
DAY = "/api/daily_papers?date=2025-03-10"


@pytest.fixture
def run_app(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))

    def run(*inputs: str) -> AppTest:
        monkeypatch.setattr(sys, "argv", [str(APP), *inputs])
        return AppTest.from_file(str(APP), default_timeout=180).run()
    return run


def test_the_dashboard_opens_a_daily_papers_url(run_app):
    with ApiServer({DAY: [fixture_reply("hf-daily-2025-03-10.json")]}) as server:
        at = run_app(server.url(DAY))
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert server.requests[DAY] == 1
    assert any(caption.value.startswith("2 papers, ") for caption in at.sidebar.caption)


def test_an_unreachable_url_is_an_error_for_that_input(run_app, tmp_path):
    url = closed_port_url()
    at = run_app(url)
    assert not at.exception, [e.message for e in at.exception]
    [error] = [e.value for e in at.error]
    # the reason is shown as text: Markdown-escaped (dashboard.safe_text), the URL in a code span
    assert url in error and markdown_text("cannot reach 127.0.0.1") in error
