"""Text from input, made safe for the places Streamlit reads as Markdown, and for file names.

`st.error`, `st.warning`, `st.caption`, `st.spinner`, `st.info` and widget labels render
Markdown: a benchmark named ``![x](http://attacker/)`` in an uploaded table would make every
browser that shows it load that URL. Every string that comes from input (file names, header
names, paper ids, benchmark and metric names, reasons quoting them) goes through `markdown_text`
(or `code_span`) before it reaches one of them; HTML is escaped separately (`display.highlight`).
"""
from __future__ import annotations

import re
import string
from pathlib import PurePosixPath

#: CommonMark lets a backslash escape any ASCII punctuation character, and reads the character
#: as itself; Streamlit's additions ($ for LaTeX, :colour[...] and :icon: directives) start with
#: punctuation too.
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_LINE_BREAKS = re.compile(r"[\r\n]+")


def markdown_text(text: str) -> str:
    """`text` as Markdown that shows exactly `text`: every ASCII punctuation character escaped,
    line breaks as spaces (a blank line would start a new block).

    >>> markdown_text("![x](http://a.b/c.png) *bold* $x$ :red[y]")
    '\\\\!\\\\[x\\\\]\\\\(http\\\\:\\\\/\\\\/a\\\\.b\\\\/c\\\\.png\\\\) \\\\*bold\\\\* \\\\$x\\\\$ \\\\:red\\\\[y\\\\]'
    >>> markdown_text("GPT-4o, 2.5x")
    'GPT\\\\-4o\\\\, 2\\\\.5x'
    """
    return _PUNCTUATION.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(text)))


def code_span(text: str) -> str:
    """`text` as a Markdown code span, shown as written: fenced by more backticks than any run
    of them inside it, padded with spaces so that a backtick at either end stays text.

    >>> code_span("claims.csv"), code_span("a`b"), code_span("``")
    ('` claims.csv `', '`` a`b ``', '``` `` ```')
    """
    text = _LINE_BREAKS.sub(" ", str(text))
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


#: Characters kept in an upload's file name on disk; the others become "_".
_UNSAFE_NAME_CHARACTERS = re.compile(r"[^\w.\-+ ]")
MAX_NAME_CHARS = 120


def upload_file_name(name: str, default: str = "upload") -> str:
    """A file name for an upload's temporary copy: the last component of `name` (either slash),
    without control or path characters, never ``.`` or ``..``, at most MAX_NAME_CHARS long with
    its endings kept (the readers look at them). The name shown to the user stays as given.

    >>> upload_file_name("../../etc/passwd"), upload_file_name(".."), upload_file_name("a\\\\b.csv")
    ('passwd', 'upload', 'b.csv')
    >>> upload_file_name("x" * 300 + ".jsonl.gz")[-12:], len(upload_file_name("x" * 300 + ".csv"))
    ('xxx.jsonl.gz', 120)
    """
    last = re.split(r"[\\/]", name)[-1]
    cleaned = _UNSAFE_NAME_CHARACTERS.sub("_", last).strip()
    if cleaned.strip(".") == "":
        return default
    if len(cleaned) > MAX_NAME_CHARS:
        endings = "".join(PurePosixPath(cleaned).suffixes[-2:])[-20:]
        cleaned = cleaned[:MAX_NAME_CHARS - len(endings)] + endings
    return cleaned
