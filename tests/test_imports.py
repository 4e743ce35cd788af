"""The modules of extract/ import one another without a cycle: each stage builds on the ones
before it (reading, the rule engine, output, evaluation)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extract"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _run_time_nodes(tree: ast.AST):
    """The nodes of a module, but those under `if TYPE_CHECKING:` (imports for type checkers only)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            yield from (n for child in node.orelse for n in [child, *_run_time_nodes(child)])
            continue
        yield node
        yield from _run_time_nodes(node)


def _imports(path: Path) -> set[str]:
    """The modules of the package that `path` imports when it runs, at its top level or in its
    functions."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {module for module in found if module.split(".")[0] == "extract"}


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        # "from . import cues" names a module; "from .kinds import Group" names one through its parent
        graph[name] = {module for module in _imports(path) if module in modules and module != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of imports, if there is one (depth-first search)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_package_has_modules():
    assert {"extract.engine.rules", "extract.engine.cue_compiler", "extract.reading.sentences"} <= set(_graph())


@pytest.mark.xfail(strict=True, reason="known: extract.reading <-> extract.fetch (read_papers of a URL "
                   "goes through fetch, which reads the fetched copy with the readers; both imports "
                   "are lazy, inside functions); to be split, see the closing note of 2026-12-05")
def test_no_import_cycle():
    graph = _graph()
    # a package's __init__ that re-exports its modules is imported by them as their parent:
    # the edge from a module to its own package is no dependency on its siblings
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    assert _cycle(graph) == []


def test_a_cycle_is_found():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
