"""The package's modules import each other without a circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "policytext"
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__main__")


def _imports(module: str) -> set[str]:
    """The policytext modules ``module`` imports, at its top or inside a function (imports
    under ``if TYPE_CHECKING:`` are for annotations and never run)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("policytext."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(
                a.name.split(".")[1] for a in node.names if a.name.startswith("policytext.")
            )
    return found & set(MODULES)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle_among_the_modules():
    graph = {module: _imports(module) - {module} for module in MODULES if module != "__init__"}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])
    assert _cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]  # the check can fail
    assert "document" not in graph["frames"] | graph["html"]  # views receive a document


def test_the_readme_lists_every_module_in_pipeline_order():
    """README's "Code layout" names each module once; none imports a later one (but the
    document's lazy import of its views)."""
    import re

    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Code layout", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    order = [name for row in rows for name in re.findall(r"`(\w+)\.py`", row.split(" | ")[0])]
    order.remove("__main__")  # runs the command line; imports nothing but cli
    assert sorted(order) == sorted(m for m in MODULES if m != "__init__")
    later = {
        (module, imported)
        for module in order
        for imported in _imports(module)
        if order.index(imported) > order.index(module)
    }
    assert later == {("document", "frames"), ("document", "html")}
