"""Hostile abstracts: the extractor must finish on each and return a list of well-placed rows.

A regex that backtracks, or a rule that rescans the text for every number, turns these inputs
into hangs. Each case runs in a child process that is killed after `BOUND_SECONDS`: a hang guard,
far above the expected time, not a speed test (speed is measured by benchmarks/throughput.py).
The child builds its text from the expression in the table, so the table says exactly what was
fed in, and the test process never holds the megabytes. Children are forked from a process that
has already loaded the rules, so each case costs only its own extraction.
"""
from __future__ import annotations

import multiprocessing
import traceback

import pytest

from extract.engine.claims import extract_paper
from extract.output.schema import Paper

BOUND_SECONDS = 60

# name, Python expression for the abstract. Sizes: the cases the issue names at the sizes it
# names; the number-dense extras at about 100 kB (some 50,000 numbers, enough to expose any
# cost quadratic in the numbers of a sentence without making a linear extractor slow).
CASES = [
    # 5 MB on one line without a single space: sentence splitting and word boundaries find
    # nothing to hold on to, and every rule scans one enormous token with a claim now and then.
    ("5 MB one line, no spaces",
     "(('abcdefghijklmnopqrstuvwxyz' * 38) + 'Ours-7Bachieves73.5%accuracyonMathVista,2.5xfaster'"
     " ) * 5_000"),
    # numbers far beyond float range and Python's int-to-str digit limit
    ("100,000-digit number", "'We reach ' + '9' * 100_000 + '% accuracy.'"),
    ("100,000-digit decimal", "'Speedup of 1.' + '5' * 100_000 + 'x over the baseline.'"),
    # markup nesting
    ("10,000 nested $...$", "'$' * 10_000 + '2.5\\\\times' + '$' * 10_000 + ' faster'"),
    ("10,000 nested braces", "'{' * 10_000 + '97.2\\\\%' + '}' * 10_000 + ' accuracy'"),
    ("10,000 nested $...$ and braces",
     "'${' * 10_000 + '3.67\\\\times' + '}$' * 10_000 + ' speedup'"),
    # separators and dots without end
    ("1.1.1.1... for 1 MB", "'1.' * 500_000"),
    ("digits and commas for 1 MB", "'123,' * 250_000 + '456 tokens/s'"),
    ("single digits and commas, 100 kB", "'1,' * 50_000 + ' GB'"),
    ("digits and spaces, 100 kB", "'1 ' * 50_000 + 'GB'"),
    ("ranges chained, 100 kB", "'1-' * 50_000 + '2x faster'"),
    # one character repeated
    ("x * 1e6", "'x' * 1_000_000"),
    ("% * 1e6", "'%' * 1_000_000"),
    ("% after 1e6 digits", "'1' * 1_000_000 + '%'"),
    ("5,000 percentages in one sentence", "'accuracy of 50% and ' * 5_000"),
    ("5,000 percentages in 5,000 sentences", "'We reach 50% accuracy on MMLU. ' * 5_000"),
    # qualifier words and paired lists without end
    ("up to up to up to ...", "'up to ' * 50_000 + '3.5x faster'"),
    ("a paired list of 5,000 items",
     "', '.join(f'B{i}' for i in range(5_000)) + ' scores of ' "
     "+ ', '.join(f'{i % 90}.5%' for i in range(5_000)) + ' respectively.'"),
    ("5,000 slashes", "'53.1% / ' * 5_000 + '54.3% AP on COCO'"),
    ("LaTeX soup", "'\\\\sim $\\\\times$ \\\\pm ** -- \\\\% 3' * 10_000"),
]


def _extract_in_child(expression: str, results) -> None:
    """Build the text, extract, check every row points inside it; send back counts or the error."""
    try:
        abstract = eval(expression)  # the expressions are the literal table above
        rows = extract_paper(Paper("pathological", "Pathological input", abstract))
        assert isinstance(rows, list), f"extract_paper returned {type(rows).__name__}"
        for row in rows:
            start, end = row["char_start"], row["char_end"]
            assert 0 <= start < end <= len(abstract), (start, end, len(abstract))
        results.send({"rows": len(rows), "chars": len(abstract)})
    except BaseException:
        results.send({"error": traceback.format_exc()})


@pytest.fixture(scope="module")
def context():
    """A fork context where available, after loading the rules once (spawn elsewhere)."""
    extract_paper(Paper("warm-up", "Warm-up", "We reach 73.5% accuracy on MMLU, 2x faster."))
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@pytest.mark.parametrize("expression", [pytest.param(expr, id=name) for name, expr in CASES])
def test_hostile_abstract_finishes_with_a_list_of_rows(context, expression: str) -> None:
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_extract_in_child, args=(expression, sender), daemon=True)
    child.start()
    sender.close()
    finished = receiver.poll(BOUND_SECONDS)
    report = receiver.recv() if finished else None
    child.join(timeout=5)
    if child.is_alive():
        child.kill()
        child.join()
    if report is None:
        pytest.fail(f"extract_paper did not finish within {BOUND_SECONDS} s "
                    "(a hang, or cost growing faster than the text)")
    assert "error" not in report, report.get("error")
    assert report["chars"] > 0 and report["rows"] >= 0
