"""The dashboard's views, in the order the sidebar lists them; each renders one `Corpus`.

A view's module is imported when the view is first shown: some pull in large parts of the
library (the unknown-names view the extractor's cues, the efficiency view pint), and the first
render of the leaderboards should not pay for them."""
from __future__ import annotations

import importlib
from collections.abc import Callable

from dashboard.data import Corpus

#: View name -> module of dashboard.views whose `render` shows it.
VIEW_MODULES: dict[str, str] = {
    "Leaderboards": "leaderboards",
    "Efficiency": "efficiency",
    "Systems x benchmarks": "matrix",
    "Quality vs efficiency": "quality_efficiency",
    "Papers": "papers",
    "All claims": "all_claims",
    "Unknown names": "unknown_names",
    "Golden check": "golden_check",
}


def _lazy_render(module: str) -> Callable[[Corpus], None]:
    def render(corpus: Corpus) -> None:
        importlib.import_module(f"{__name__}.{module}").render(corpus)
    render.__name__ = f"render_{module}"
    return render


#: View name -> function that renders it.
VIEWS: dict[str, Callable[[Corpus], None]] = {
    name: _lazy_render(module) for name, module in VIEW_MODULES.items()}
