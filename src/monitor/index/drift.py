"""Mapping drift: whether the live indices still carry the mapping the code writes.

`mapping_drift()` compares one live mapping with the code's (pure); `check_templates()` does
it for every alias and also wants each index template (the daily maintenance job fails on any
problem). Drift is what `ensure()` cannot repair in place — a missing nested field, a type
(`events` an `object` where it must be `nested`), an analyzer, index options — and what
`monitor index migrate` repairs by copying into a new version with the current mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from elasticsearch import Elasticsearch

from monitor.index import mappings
from monitor.index.client import translated
from monitor.index.mappings import IndexNames


@dataclass(frozen=True)
class TemplateCheck:
    """What `check_templates()` found: aliases checked, drift (problems), missing templates,
    and the names of the indices with drift (`monitor index migrate NAME...` repairs them)."""

    checked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)


#: Field settings compared by `mapping_drift` where the code sets them, with the cluster's defaults.
_DEFAULTS = {"analyzer": "default", "index_options": "positions", "include_in_root": False}


def mapping_drift(expected: dict[str, Any], live: dict[str, Any], *, path: str = "") -> list[str]:
    """Fields the code writes that the live mapping lacks, types differently (`events` an
    `object` where it must be `nested`), or analyses or indexes otherwise than the code says
    (its `analyzer`, `index_options`, `include_in_root`) (pure).

    Language subfields may differ by cluster and are not compared.
    """
    problems: list[str] = []
    live_props = live.get("properties", {})
    for name, spec in expected.get("properties", {}).items():
        where = f"{path}{name}"
        if name not in live_props:
            problems.append(f"field {where} is missing")
            continue
        want = spec.get("type", "object")
        have = live_props[name].get("type", "object")
        if want != have:
            problems.append(f"field {where} is {have}, expected {want}")
            continue
        for key, default in _DEFAULTS.items():
            if key in spec and live_props[name].get(key, default) != spec[key]:
                problems.append(f"field {where} has {key} {live_props[name].get(key, default)}, expected {spec[key]}")
        if "properties" in spec:
            problems += mapping_drift(spec, live_props[name], path=f"{where}.")
    return problems


def check_templates(client: Elasticsearch, names: IndexNames) -> TemplateCheck:
    """Each alias exists and its index carries the code's mapping; each has an index template."""
    result = TemplateCheck()
    for name, expected in mappings.MAPPINGS.items():
        alias = names.alias(name)
        with translated(f"check {alias}"):
            if not client.indices.exists_alias(name=alias):
                result.problems.append(f"index alias {alias} is missing")
                continue
            live = client.indices.get_mapping(index=alias)
            has_template = client.indices.exists_index_template(name=alias)
        for index, body in dict(live).items():
            found = mapping_drift(expected, body.get("mappings", {}))
            result.problems.extend(f"{index}: {p}" for p in found)
            if found and name not in result.stale:
                result.stale.append(name)
        if not has_template:
            result.warnings.append(f"no index template {alias} (new versions of the index would lack the mapping)")
        result.checked.append(alias)
    return result
