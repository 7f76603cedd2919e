"""The direction of imports between the project's apps (README, "Layout"), read from the
source: every `import` statement counts, including those inside functions."""

import ast
from pathlib import Path

from django.conf import settings

from core.plugins import project_apps

ROOT = Path(settings.BASE_DIR)
# Bottom to top. An app may import the apps of lower layers, never a sibling of its own
# layer nor anything above it.
LAYERS = [
    {"core"},
    {"safety", "search"},
    {"accounts"},
    {"moderation"},
    {"articles"},
    {"forums", "blogs", "videos", "heroes", "messaging"},
    {"portal", "bench"},
]
RANK = {app: rank for rank, layer in enumerate(LAYERS) for app in layer}


def project_modules() -> dict[str, Path]:
    modules = {}
    for app in RANK:
        for path in (ROOT / app).rglob("*.py") if (ROOT / app).is_dir() else ():
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def imported_names(path: Path, module: str) -> set[str]:
    """Every module this file imports (resolved relative imports included)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {
        name: {
            imported
            for imported in imported_names(path, name)
            if imported in modules and imported != name
        }
        for name, path in modules.items()
    }


def app_of(module: str) -> str:
    return module.split(".")[0]


def test_every_project_app_has_a_layer():
    ours = {config.name.split(".")[0] for config in project_apps()}
    assert ours <= RANK.keys(), f"Give these apps a layer in LAYERS: {ours - RANK.keys()}"
    assert {"core", "forums", "portal"} <= ours  # the walk sees the project's apps


def test_apps_import_only_lower_layers():
    graph = import_graph()
    wrong = sorted(
        f"{module} imports {imported}"
        for module, imports in graph.items()
        for imported in imports
        if app_of(imported) != app_of(module) and RANK[app_of(imported)] >= RANK[app_of(module)]
    )
    assert any(app_of(imported) == "core" for imports in graph.values() for imported in imports)
    assert wrong == [], "Imports against the layer order (README, Layout):\n" + "\n".join(wrong)


def test_the_walk_sees_imports_inside_functions(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text("def f():\n    from forums.models import Post\n")

    assert "forums.models" in imported_names(source, "blogs.sample")


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle between modules (a package and its own submodules excepted)."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target.startswith(node + ".") or node.startswith(target + "."):
                continue
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_no_import_cycles():
    graph = import_graph()

    assert sum(map(len, graph.values())) > 100  # the walk read the project's imports
    assert find_cycle(graph) == []


def test_find_cycle_finds_one():
    assert find_cycle({"a.x": {"a.y"}, "a.y": {"a.x"}}) == ["a.x", "a.y", "a.x"]
