"""The dashboard's views, in the order the sidebar lists them; each renders one `Corpus`."""
from __future__ import annotations

from collections.abc import Callable

from dashboard.data import Corpus
from dashboard.views import (all_claims, efficiency, golden_check, leaderboards, matrix, papers,
                             quality_efficiency, unknown_names)

#: View name -> function that renders it.
VIEWS: dict[str, Callable[[Corpus], None]] = {
    "Leaderboards": leaderboards.render,
    "Efficiency": efficiency.render,
    "Systems x benchmarks": matrix.render,
    "Quality vs efficiency": quality_efficiency.render,
    "Papers": papers.render,
    "All claims": all_claims.render,
    "Unknown names": unknown_names.render,
    "Golden check": golden_check.render,
}
