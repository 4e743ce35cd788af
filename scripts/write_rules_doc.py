"""Write docs/rules.md from the rule table (extract/engine/rules.py).

    python scripts/write_rules_doc.py

tests/test_rules.py fails when docs/rules.md is not what this writes: run it after changing a rule.
"""
from __future__ import annotations

from pathlib import Path

from extract.engine.rules import markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main() -> None:
    DOC.write_text(markdown(), encoding="utf-8")
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
