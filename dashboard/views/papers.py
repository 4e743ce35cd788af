"""Papers: one paper at a time, its abstract with every extracted claim highlighted, and its claims.

The abstract is HTML-escaped before the ``<mark>`` tags go in (`display.highlight`), and shown
with ``st.html``, which renders HTML as is (no Markdown or LaTeX reading of ``**`` or ``$``): what
the abstract says is shown as text, markup included, and never runs.
"""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard.data import Corpus
from dashboard.display import Span, claim_label, highlight, plural, qualifier_label
from dashboard.safe_text import code_span
from extract.output.papers import paper_links

#: Columns of a paper's claims table, in order.
CLAIM_COLUMNS = ("kind", "subject", "benchmark", "metric", "claim", "value", "unit", "qualifier",
                 "baseline", "hardware", "hardware_count", "condition", "char_start", "char_end",
                 "rule")

_ABSTRACT_STYLE = ("white-space: pre-wrap; line-height: 1.7; font-size: 1rem; "
                   "padding: 0.75rem 1rem; border-left: 3px solid #ddd")


@st.cache_data(show_spinner=False, max_entries=8)
def paper_list(key: tuple, _papers: pd.DataFrame, _claims: pd.DataFrame) -> pd.DataFrame:
    """paper_id, title and abstract of each paper once, in input order. Without abstracts (a
    claims table) the papers are those of the claims, with an empty abstract."""
    if not _papers.empty:
        papers = _papers[["paper_id", "title", "abstract"]]
    else:
        papers = _claims[["paper_id", "title"]].assign(abstract="")
    return papers.drop_duplicates("paper_id").reset_index(drop=True)


def render(corpus: Corpus) -> None:
    st.header("Papers")
    papers = paper_list(corpus.key, corpus.papers, corpus.claims)
    if papers.empty:
        st.info("No papers in this data.")
        return
    titles = dict(zip(papers["paper_id"], papers["title"]))
    claim_counts = corpus.claims["paper_id"].value_counts()
    paper_id = st.selectbox(
        "Paper", list(titles), key="paper",
        format_func=lambda pid: f"{titles[pid]}  ·  {plural(claim_counts.get(pid, 0), 'claim')}",
        help="Type to search the titles.")
    paper = papers[papers["paper_id"] == paper_id].iloc[0]
    claims = corpus.claims[corpus.claims["paper_id"] == paper_id]

    links = paper_links(paper_id, paper["title"], corpus.arxiv_ids)
    # The title through st.html too: escaped, so "$" or "<" in it show as written.
    st.html(f'<h3 class="claimboard-title">{html.escape(paper["title"])}</h3>')
    where = (f"arXiv:{html.escape(links.arxiv_id)}" if not links.is_search
             else f"id {html.escape(paper_id)}: no arXiv id known")
    st.html(f'<p class="claimboard-links">{where} · '
            f'<a href="{html.escape(links.arxiv)}" target="_blank">'
            f'{"arXiv" if not links.is_search else "search arXiv"}</a> · '
            f'<a href="{html.escape(links.huggingface)}" target="_blank">'
            f'{"Hugging Face" if not links.is_search else "search Hugging Face"}</a></p>')
    if paper["abstract"]:
        st.html(f'<div class="claimboard-abstract" style="{_ABSTRACT_STYLE}">'
                f'{highlight(paper["abstract"], claim_spans(claims))}</div>')
    else:
        _sentences(claims)

    st.markdown(f"**{plural(len(claims), 'claim')}**")
    st.dataframe(claims_table(claims), key="paper_claims", hide_index=True)


def claim_spans(claims: pd.DataFrame) -> list[Span]:
    """The character span of each claim with an offset, its description as the tooltip."""
    spans = []
    for row in claims.itertuples(index=False):
        if pd.isna(row.char_start) or pd.isna(row.char_end):
            continue
        what = " ".join(part for part in (row.kind, claim_label(row.value, row.unit, row.qualifier),
                                          row.benchmark, row.metric) if part)
        spans.append(Span(int(row.char_start), int(row.char_end),
                          f"{what} ({row.subject})" if row.subject else what))
    return spans


def _sentences(claims: pd.DataFrame) -> None:
    """Without the abstract (a claims table carries none), the claims' sentences, escaped."""
    st.caption("This data is a claims table, which does not carry abstracts: the sentences the "
               "claims stand in are shown instead.")
    sentences = list(dict.fromkeys(s for s in claims["sentence"] if s))
    items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in sentences)
    st.html(f'<ul class="claimboard-sentences" style="line-height: 1.7">{items}</ul>')


def claims_table(claims: pd.DataFrame) -> pd.DataFrame:
    """A paper's claims as shown below its abstract."""
    shown = claims.assign(
        claim=[claim_label(v, u, q) for v, u, q in
               zip(claims["value"], claims["unit"], claims["qualifier"])],
        qualifier=claims["qualifier"].map(qualifier_label))
    return shown[list(CLAIM_COLUMNS)].reset_index(drop=True)
