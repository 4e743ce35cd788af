"""claimboard dashboard: leaderboards, efficiency claims, papers, all claims, unknown names,
golden check.

Start it with either of::

    claimboard dashboard [INPUT_OR_CLAIMS...] [--server.port 8501 --server.headless true]
    streamlit run dashboard/app.py [-- INPUT_OR_CLAIMS...]

The inputs (input corpora in any format `extract.reading` reads, or claims tables) arrive in
``sys.argv[1:]``; with none, the app opens on the built-in sample corpus, extracted on the fly.
Tests and benchmarks give inputs the same way: they set ``sys.argv = ["dashboard/app.py", *inputs]``
before ``AppTest.from_file("dashboard/app.py").run()``.

Every decision about claims is the `extract` library's; the pages only call it and show the
results (see dashboard/views/).
"""
from __future__ import annotations

import streamlit as st

from dashboard.sidebar import choose_corpus
from dashboard.views import VIEWS



def main() -> None:
    """One run of the page: navigation and data source in the sidebar, then the chosen view."""
    st.set_page_config(page_title="claimboard", page_icon="📊", layout="wide")
    st.sidebar.title("claimboard")
    st.sidebar.caption("Numeric claims from ML paper abstracts")
    view = st.sidebar.radio("View", list(VIEWS), key="view")
    corpus = choose_corpus()
    VIEWS[view](corpus)


# Streamlit runs this file as __main__; importing it (pytest --doctest-modules) runs nothing.
if __name__ == "__main__":
    main()
