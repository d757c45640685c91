"""Index management: probe the cluster's analyzers, apply templates, create and migrate indices.

`ensure()` makes every alias exist (template + versioned index `<alias>-v1`, created only when
missing, so it is safe on every run). `migrate()` moves one or more aliases to a new version
with the current mapping: it blocks writes on the old index, creates `<alias>-v<N+1>`, copies
the documents with a point in time + `search_after` and bulk requests (the core-only
distribution has no `_reindex`; documents and versions get their folded twins recomputed,
`analysis.with_search_fields`), then swaps the alias in a single `update_aliases` call. The
old index is kept, read-only, for rollback; writes arriving during the copy fail (the
pipeline's next run repeats them) instead of being lost. The Elasticsearch client is lent by
`index.repository`, which owns it; errors come out as `monitor.errors.IndexError_`.
What cannot change in place — `events` from `object` to `nested`, a field's analyzer or index
options — needs `migrate()`: `ensure()` logs it for every stale index instead of carrying on
silently, and `drift.check_templates()` reports it (`monitor index ensure`, the daily check).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from elasticsearch import ApiError, BadRequestError, Elasticsearch, TransportError, helpers

from monitor.errors import IndexError_
from monitor.index import mappings
from monitor.index.analysis import with_search_fields
from monitor.index.client import iter_hits, translated
from monitor.index.drift import mapping_drift
from monitor.index.mappings import Analyzers, IndexNames

logger = logging.getLogger(__name__)

_PAGE = 1000
_KEEP_ALIVE = "5m"


@dataclass(frozen=True)
class Migration:
    """What `migrate()` did to one alias."""

    alias: str
    source: str
    target: str
    copied: int


def probe_analyzers(client: Elasticsearch) -> Analyzers:
    """Ask the cluster whether it has the `english` and `spanish` analyzers.

    The core-only distribution answers 400 ("failed to find global analyzer") for both.
    """
    found: dict[str, bool] = {}
    for analyzer in mappings.LANGUAGE_ANALYZERS.values():
        try:
            client.indices.analyze(analyzer=analyzer, text="probe")
            found[analyzer] = True
        except BadRequestError:
            found[analyzer] = False
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to probe analyzer {analyzer}: {exc}") from exc
    analyzers = Analyzers(english=found["english"], spanish=found["spanish"])
    logger.info("language analyzers: english=%s spanish=%s", analyzers.english, analyzers.spanish)
    return analyzers


def put_template(client: Elasticsearch, names: IndexNames, name: str, mapping: dict[str, Any]) -> None:
    """Create or replace the index template of one index (idempotent)."""
    with translated(f"put index template {names.alias(name)}"):
        client.indices.put_index_template(**mappings.template_for(names, name, mapping))


def ensure(client: Elasticsearch, names: IndexNames, *, analyzers: Analyzers | None = None) -> list[str]:
    """Create every missing alias with its template and first index; return the aliases created.

    Existing indices gain the top-level fields added to the mappings since they were created
    (an additive change needs no new version); anything else changes through `migrate()`.
    The analyzers are probed only when something has to be created.
    """
    created: list[str] = []
    existing: list[str] = []
    current: dict[str, dict[str, Any]] | None = None
    for name in mappings.MAPPINGS:
        alias = names.alias(name)
        with translated(f"check index {alias}"):
            if client.indices.exists_alias(name=alias):
                existing.append(name)
                continue
        if current is None:
            current = mappings.mappings_for(analyzers or probe_analyzers(client))
        put_template(client, names, name, current[name])
        try:
            client.indices.create(
                index=names.concrete(name, 1), mappings=current[name], settings=mappings.SETTINGS,
                aliases={alias: {"is_write_index": True}},
            )
        except BadRequestError as exc:
            if "resource_already_exists" in str(exc):
                continue  # another run created it first
            raise IndexError_(f"Elasticsearch failed to create index {alias}: {exc}") from exc
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to create index {alias}: {exc}") from exc
        created.append(alias)
        logger.info("created index %s", alias)
    if existing:
        add_missing_fields(client, names, existing)
    return created


def missing_fields(wanted: dict[str, Any], live: dict[str, Any]) -> dict[str, Any]:
    """The part of the `wanted` properties the `live` ones lack (pure): whole fields, and new
    subfields of existing object (or nested) fields, which Elasticsearch merges in place — e.g.
    `sources.authority` added to the knowledge records' `sources` objects."""
    missing: dict[str, Any] = {}
    for name, spec in wanted.items():
        if name not in live:
            missing[name] = spec
        elif "properties" in spec and "properties" in live[name]:
            inner = missing_fields(spec["properties"], live[name]["properties"])
            if inner:
                missing[name] = {**({"type": spec["type"]} if "type" in spec else {}), "properties": inner}
    return missing


def _merged(live: dict[str, Any], missing: dict[str, Any]) -> dict[str, Any]:
    merged = dict(live)
    for name, spec in missing.items():
        if name in merged and "properties" in spec:
            merged[name] = {**merged[name], "properties": _merged(merged[name].get("properties", {}),
                                                                  spec["properties"])}
        else:
            merged[name] = spec
    return merged


def add_missing_fields(client: Elasticsearch, names: IndexNames, indices: list[str]) -> dict[str, list[str]]:
    """Add fields the current mappings have and the live indices lack (top-level fields, and new
    subfields of existing objects); return them by index.

    Any other difference (`drift.mapping_drift`: a type, an analyzer, index options) cannot be
    made in place: it is logged as a warning naming the `monitor index migrate` to run.
    """
    wanted = mappings.mappings_for(None)
    with translated("read mappings"):
        live = client.indices.get_mapping(index=",".join(names.alias(n) for n in indices))
    added: dict[str, list[str]] = {}
    for index, body in live.items():
        name = next((n for n in indices if names.version_of(n, index) is not None), None)
        if name is None:
            continue
        have = body["mappings"].get("properties", {})
        missing = missing_fields(wanted[name]["properties"], have)
        if missing:
            with translated(f"add fields to {index}"):
                client.indices.put_mapping(index=index, properties=missing)
            added[index] = sorted(missing)
            logger.info("added fields %s to %s", sorted(missing), index)
        now = {"properties": _merged(have, missing)}
        for problem in mapping_drift(wanted[name], now):
            logger.warning("%s: %s; run `monitor index migrate %s` to rebuild it with the current mapping",
                           index, problem, name)
    return added


def current_index(client: Elasticsearch, names: IndexNames, name: str) -> str:
    """The concrete index the alias of `name` points to."""
    alias = names.alias(name)
    with translated(f"read alias {alias}"):
        found = list(client.indices.get_alias(name=alias))
    if len(found) != 1:
        raise IndexError_(f"alias {alias} points to {len(found)} indices: {found}")
    return found[0]


def _copy(client: Elasticsearch, source: str, target: str,
          transform: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> int:
    actions = (
        {"_op_type": "index", "_index": target, "_id": hit["_id"],
         "_source": transform(hit["_source"]) if transform else hit["_source"]}
        for hit in iter_hits(client, source, {"match_all": {}}, sort=["_shard_doc"], page=_PAGE,
                             keep_alive=_KEEP_ALIVE)
    )
    copied = 0
    for ok, item in helpers.streaming_bulk(client, actions, chunk_size=_PAGE, raise_on_error=False):
        if not ok:
            raise IndexError_(f"Elasticsearch rejected a document while copying {source}: {item}")
        copied += 1
    client.indices.refresh(index=target)
    return copied


def migrate_one(client: Elasticsearch, names: IndexNames, name: str, *, analyzers: Analyzers) -> Migration:
    """Move the alias of `name` to a new version with the current mapping (see module doc)."""
    alias = names.alias(name)
    source = current_index(client, names, name)
    version = names.version_of(name, source)
    if version is None:
        raise IndexError_(f"alias {alias} points to {source}, which is not a versioned index of it")
    target = names.concrete(name, version + 1)
    mapping = mappings.mappings_for(analyzers)[name]
    put_template(client, names, name, mapping)
    with translated(f"prepare {target}"):
        if client.indices.exists(index=target):
            # Left by a migration that failed before the swap: the alias never pointed to it.
            client.indices.delete(index=target)
        client.indices.create(index=target, mappings=mapping, settings=mappings.SETTINGS)
        client.indices.add_block(index=source, block="write")
    try:
        with translated(f"copy {source} to {target}"):
            transform = with_search_fields if name in mappings.TEXT_INDICES else None
            copied = _copy(client, source, target, transform)
            expected = client.count(index=source)["count"]
        if copied != expected:
            raise IndexError_(f"copied {copied} of {expected} documents from {source} to {target}")
        with translated(f"swap alias {alias} to {target}"):
            client.indices.update_aliases(actions=[
                {"remove": {"index": source, "alias": alias}},
                {"add": {"index": target, "alias": alias, "is_write_index": True}},
            ])
    except IndexError_:
        _roll_back(client, source, target)
        raise
    logger.info("migrated %s: %s -> %s (%d documents)", alias, source, target, copied)
    return Migration(alias=alias, source=source, target=target, copied=copied)


def _roll_back(client: Elasticsearch, source: str, target: str) -> None:
    with contextlib.suppress(ApiError, TransportError):
        client.indices.put_settings(index=source, settings={"index.blocks.write": False})
    with contextlib.suppress(ApiError, TransportError):
        client.indices.delete(index=target)


def migrate(
    client: Elasticsearch, names: IndexNames, indices: Iterable[str] | None = None,
    *, analyzers: Analyzers | None = None,
) -> list[Migration]:
    """Migrate the given indices (names like `documents`; default: all) to a new version each."""
    chosen = list(indices) if indices is not None else list(mappings.MAPPINGS)
    unknown = [n for n in chosen if n not in mappings.MAPPINGS]
    if unknown:
        raise IndexError_(f"unknown index name(s) {unknown}; known: {list(mappings.MAPPINGS)}")
    ensure(client, names, analyzers=analyzers)
    analyzers = analyzers or probe_analyzers(client)
    return [migrate_one(client, names, name, analyzers=analyzers) for name in chosen]
