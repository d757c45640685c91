"""Imports follow the layering in docs/ARCHITECTURE.md: the test reads the doc's table, so the
doc and the code cannot drift apart, and an upward import (e.g. `index` → `services`,
`detect` → `index`) fails here with the file and line that made it."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "monitor"
DOC = REPO / "docs" / "ARCHITECTURE.md"


def rules() -> dict[str, set[str] | None]:
    """package → the packages it may import (None: any), from the doc's table."""
    table: dict[str, set[str] | None] = {}
    for line in DOC.read_text().splitlines():
        match = re.match(r"^\| ([a-z_]+) \| (.+) \|$", line)
        if not match or match.group(1) == "package":
            continue
        allowed = match.group(2).strip()
        table[match.group(1)] = None if allowed == "every package" else (
            set() if allowed == "—" else {a.strip() for a in allowed.split(",")})
    return table


def package_of(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[0] if len(parts) > 1 or parts[0] != "__init__" else "monitor"


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, package) for every `monitor.*` import in a file, function-level ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] if node.module == "monitor" else [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "monitor":
                found.append((node.lineno, parts[1] if len(parts) > 1 else "monitor"))
    return found


def violations() -> list[str]:
    table = rules()
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        package = package_of(path)
        allowed = table.get(package, set())
        if package not in table and package != "monitor":
            problems.append(f"{path.relative_to(REPO)}: package {package!r} is not in docs/ARCHITECTURE.md")
            continue
        for line, target in imports(path):
            if target == "__version__":
                target = "monitor"
            if allowed is not None and target != package and target not in allowed:
                problems.append(f"{path.relative_to(REPO)}:{line}: {package} may not import {target}")
    return problems


def test_the_doc_has_a_rule_for_every_package():
    packages = {package_of(p) for p in SRC.rglob("*.py")} - {"monitor"}
    assert packages <= set(rules()), sorted(packages - set(rules()))


def test_no_import_goes_against_the_layering():
    assert violations() == []


@pytest.mark.parametrize("package, forbidden", [("index", "services"), ("detect", "index"), ("extract", "fetch"),
                                                ("fetch", "index"), ("index", "ingest"), ("detect", "fetch")])
def test_the_named_upward_imports_are_forbidden(package, forbidden):
    assert forbidden not in (rules()[package] or set())


def test_the_checker_catches_an_upward_import(tmp_path, monkeypatch):
    fake = tmp_path / "src" / "monitor"
    (fake / "index").mkdir(parents=True)
    (fake / "index" / "bad.py").write_text("def f():\n    from monitor.services.cluster import cluster_url\n")
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "SRC", fake)
    monkeypatch.setattr(module, "REPO", tmp_path)
    assert violations() == ["src/monitor/index/bad.py:2: index may not import services"]
