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
    return _imported_modules(path.read_text(encoding="utf-8"), package)


def _imported_modules(source: str, package: str) -> set[str]:
    """The modules of extract/ that a module of `package` imports when it runs, wherever the
    import statement stands (a function's lazy import is an edge like any other)."""
    found = set()
    for node in _run_time_nodes(ast.parse(source)):
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


def _with_parent_packages(modules: set[str]) -> set[str]:
    """`modules` and the packages above them: importing extract.reading.errors runs
    extract/reading/__init__.py first, so it depends on everything that __init__ imports."""
    return modules | {".".join(module.split(".")[:end]) for module in modules
                      for end in range(1, module.count(".") + 1)}


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        # "from . import cues" names a module; "from .kinds import Group" names one through its parent
        graph[name] = {module for module in _with_parent_packages(_imports(path))
                       if module in modules and module != name}
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


def test_no_import_cycle():
    graph = _graph()
    # a package's __init__ that re-exports its modules is imported by them as their parent:
    # the edge from a module to its own package is no dependency on its siblings
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    assert _cycle(graph) == []


def test_no_import_hides_from_the_graph():
    # the graph is read from import statements: a module named by a string at run time would
    # be an edge it cannot see
    hidden = [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
              for path in PACKAGE.rglob("*.py")
              for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(node, ast.Call) and _called_name(node.func) in ("import_module", "__import__")]
    assert hidden == []


def _called_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


@pytest.mark.parametrize("source, package, imported", [
    ("from .fetch import read_url", "extract", {"extract.fetch", "extract.fetch.read_url"}),
    # a lazy import, inside a function, is an edge like a top-level one
    ("def f():\n    from ..fetch import read_url\n", "extract.reading",
     {"extract.fetch", "extract.fetch.read_url"}),
    ("import extract.output.schema", "extract.engine", {"extract.output.schema"}),
    # imports for type checkers only are no edge
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .tables import RowEncoder\n",
     "extract.output", set()),
    ("import os\nfrom regex import compile", "extract", set()),
])
def test_imports_are_read_wherever_they_stand(source, package, imported):
    assert _imported_modules(source, package) == imported


def test_a_module_depends_on_the_packages_above_what_it_imports():
    assert _with_parent_packages({"extract.reading.errors"}) == {
        "extract", "extract.reading", "extract.reading.errors"}


def test_a_cycle_is_found():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
