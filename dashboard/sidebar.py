"""The sidebar: which data the dashboard shows, and what went wrong reading it."""
from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.display import plural
from dashboard.safe_text import code_span, markdown_text

SOURCE_COMMAND_LINE = "Files from the command line"
SOURCE_SAMPLE = "Built-in sample"
SOURCE_UPLOADS = "Uploaded files"

#: Most skipped records listed by name; the rest are only counted.
MAX_SKIPPED_SHOWN = 50


def choose_corpus() -> data.Corpus:
    """Show the data-source widgets in the sidebar and return the chosen corpus, loaded.

    The command-line files come first (and are the default) when there are any; otherwise the
    app opens on the built-in sample.
    """
    inputs = data.command_line_inputs()
    options = ([SOURCE_COMMAND_LINE] if inputs else []) + [SOURCE_SAMPLE, SOURCE_UPLOADS]
    source = st.sidebar.radio("Data source", options, key="source")

    if source == SOURCE_COMMAND_LINE:
        st.sidebar.caption("\n".join(f"- {code_span(path)}" for path in inputs))
        corpus = data.load_paths(inputs)
    elif source == SOURCE_UPLOADS:
        uploads = st.sidebar.file_uploader(
            "Input corpora or claims tables", accept_multiple_files=True, key="uploads",
            help="A pasted Daily Papers page (.txt), arXiv JSON Lines, JSON, Atom XML or CSV of "
                 "titles and abstracts (gzip welcome), or a claims table (.csv, .parquet, "
                 ".jsonl) written by `claimboard extract`.")
        corpus = data.load_uploads([(f.name, f.getvalue()) for f in uploads or []])
        if not uploads:
            st.info("Upload one or more files in the sidebar to see their claims.")
    else:
        st.sidebar.caption(f"`{data.SAMPLE_CORPUS.name}`: Hugging Face Daily Papers, "
                           "extracted on the fly")
        corpus = data.load_paths([str(data.SAMPLE_CORPUS)])

    st.sidebar.caption(f"{plural(corpus.paper_count, 'paper')}, "
                       f"{plural(len(corpus.claims), 'claim')}")
    _report_problems(corpus)
    return corpus


def _report_problems(corpus: data.Corpus) -> None:
    """An error per unreadable file and a warning for skipped records, above every view."""
    for name, reason in corpus.errors:
        st.error(f"Could not read {code_span(name)}: {markdown_text(reason)}", icon="🚫")
    for loaded in corpus.files:
        if loaded.error is None and loaded.claims.empty and loaded.papers.empty:
            st.warning(f"{code_span(loaded.name)} holds no papers and no claims (an empty file?)",
                       icon="⚠️")
    skipped, count = corpus.skipped, corpus.skipped_count
    if count:
        with st.expander(f"⚠️ {plural(count, 'record')} skipped while reading"):
            shown = skipped[:MAX_SKIPPED_SHOWN]
            st.code("\n".join(shown) + (f"\n… and {count - len(shown):,} more"
                                        if count > len(shown) else ""), language=None)
