"""The package's modules import each other without a circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "policytext"
#: the modules, and the subpackages (``parallels/``) as one module each
MODULES = sorted(
    [path.stem for path in PACKAGE.glob("*.py") if path.stem != "__main__"]
    + [path.parent.name for path in PACKAGE.glob("*/__init__.py") if path.parent.name != "data"]
)


def _imports(module: str) -> set[str]:
    """The policytext modules ``module`` imports, at its top or inside a function (imports
    under ``if TYPE_CHECKING:`` are for annotations and never run); a subpackage imports
    what its files import from outside it."""
    if (PACKAGE / module).is_dir():
        found: set[str] = set()
        for path in sorted((PACKAGE / module).glob("*.py")):
            found |= _file_imports(path, level=2)
        return found & set(MODULES)
    return _file_imports(PACKAGE / f"{module}.py", level=1) & set(MODULES)


def _file_imports(path: Path, level: int) -> set[str]:
    """The policytext modules one file imports (``level``: the dots that reach the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
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
        if isinstance(node, ast.ImportFrom) and node.level == level:
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
    return found


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
    first = [row.split(" | ")[0] for row in rows]
    names = [name for cell in first for name in re.findall(r"`(\w+)(?:\.py|/)`", cell)]
    order = [name for name in names if name != "data"]  # the tables, not code
    order.remove("__main__")  # runs the command line; imports nothing but cli
    assert sorted(order) == sorted(m for m in MODULES if m != "__init__")
    later = {
        (module, imported)
        for module in order
        for imported in _imports(module)
        if order.index(imported) > order.index(module)
    }
    assert later == {("document", "frames"), ("document", "html")}
