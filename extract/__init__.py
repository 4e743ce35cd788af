"""claimboard: rule-based extraction of numeric claims from ML paper titles and abstracts."""
from .output.schema import COLUMNS, KINDS, Paper

__all__ = ["COLUMNS", "KINDS", "Paper", "extract_claims", "extract_paper", "read_papers"]
from .version import __version__


def __getattr__(name):
    # Imported lazily so that `import extract` stays cheap for the CLI and the worker processes.
    if name in ("extract_claims", "extract_paper"):
        from .engine import claims
        return getattr(claims, name)
    if name == "read_papers":
        from .inputs import read_papers  # a file or a URL
        return read_papers
    raise AttributeError(name)
