"""Index management against the real cluster: analyzer probe, templates, ensure, migrate."""

from __future__ import annotations

import pytest
from elasticsearch import Elasticsearch

from monitor.errors import IndexError_
from monitor.index import Repository, management
from monitor.index.mappings import Analyzers, IndexNames
from monitor.index.queries import SearchParams
from tests.integration import web_support

pytestmark = pytest.mark.integration


@pytest.fixture
def client(es_url: str, prefix: str):
    client = Elasticsearch(es_url)
    yield client
    client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")
    client.close()


def test_the_core_only_cluster_has_no_language_analyzers(client):
    assert management.probe_analyzers(client) == Analyzers(english=False, spanish=False)


def test_ensure_creates_templates_versioned_indices_and_aliases_once(client, prefix):
    names = IndexNames(prefix)
    created = management.ensure(client, names)
    assert sorted(created) == sorted(names.alias(n) for n in
                                     ("documents", "document-versions", "events", "subscriptions", "alerts",
                                      "sources-state"))
    assert management.ensure(client, names) == []
    assert list(client.indices.get_alias(name=names.documents)) == [f"{prefix}-documents-v1"]
    [template] = client.indices.get_index_template(name=names.documents)["index_templates"]
    assert template["index_template"]["index_patterns"] == [f"{prefix}-documents-v*"]
    text = client.indices.get_mapping(index=names.documents)[f"{prefix}-documents-v1"]["mappings"]["properties"]["text"]
    # Standard analyzer only on the core distribution; offsets for the highlighter (folded twins).
    assert text == {"type": "text", "index_options": "offsets"}


def test_migrate_copies_everything_and_swaps_the_alias_in_one_step(client, es_url, prefix):
    repo = Repository(es_url, prefix=prefix, client=client)
    repo.ensure_indices()
    web_support.load(repo)
    before = repo.search(SearchParams(text="Guatemala", collapse=False)).total

    [migration] = repo.migrate(["documents"])

    names = IndexNames(prefix)
    assert (migration.source, migration.target) == (f"{prefix}-documents-v1", f"{prefix}-documents-v2")
    assert migration.copied == len(web_support.DOCUMENTS)
    assert list(client.indices.get_alias(name=names.documents)) == [f"{prefix}-documents-v2"]
    assert repo.search(SearchParams(text="Guatemala", collapse=False)).total == before
    assert repo.documents.get("script-title")["title"] == web_support.SCRIPT_TITLE
    # The old version stays, read-only, for rollback; writes go through the alias to the new one.
    settings = client.indices.get_settings(index=f"{prefix}-documents-v1")[f"{prefix}-documents-v1"]["settings"]
    assert settings["index"]["blocks"]["write"] == "true"
    repo.documents.load([("late", {**dict(web_support.DOCUMENTS)["port-cargo"], "title": "late arrival"})])
    assert client.count(index=f"{prefix}-documents-v2")["count"] == migration.copied + 1
    # The other indices were not touched; migrating them all moves each to its next version.
    assert list(client.indices.get_alias(name=names.events)) == [f"{prefix}-events-v1"]
    moved = {m.alias: m.target for m in repo.migrate()}
    assert moved[names.documents] == f"{prefix}-documents-v3"
    assert moved[names.events] == f"{prefix}-events-v2"
    assert client.count(index=names.events)["count"] == len(web_support.KNOWLEDGE)


def test_migrate_replaces_a_half_built_target_and_rejects_unknown_names(client, es_url, prefix):
    repo = Repository(es_url, prefix=prefix, client=client)
    repo.ensure_indices()
    client.indices.create(index=f"{prefix}-alerts-v2")  # left by a migration that died before the swap
    [migration] = repo.migrate(["alerts"])
    assert migration.target == f"{prefix}-alerts-v2"
    assert "status" in client.indices.get_mapping(index=f"{prefix}-alerts-v2")[f"{prefix}-alerts-v2"]["mappings"][
        "properties"]
    with pytest.raises(IndexError_, match="unknown index"):
        repo.migrate(["nope"])


def test_ensure_adds_fields_that_older_indices_lack(client, prefix):
    names = IndexNames(prefix)
    old_mapping = {"dynamic": "strict", "properties": {"url": {"type": "keyword"}, "title": {"type": "text"}}}
    client.indices.create(index=f"{prefix}-documents-v1", mappings=old_mapping,
                          aliases={names.documents: {"is_write_index": True}})
    management.ensure(client, names)
    properties = client.indices.get_mapping(index=names.documents)[f"{prefix}-documents-v1"]["mappings"]["properties"]
    assert properties["cluster_id"] == {"type": "keyword"} and properties["title"] == {"type": "text"}
    assert management.add_missing_fields(client, names, ["documents"]) == {}


def test_ensure_adds_new_subfields_of_existing_objects(client, prefix):
    """A knowledge index from before issue 13: its `sources` objects lack `authority` and the
    other provenance fields; strict mapping would refuse every new source until they are added."""
    names = IndexNames(prefix)
    old_sources = {"type": "object", "properties": {"document_id": {"type": "keyword"}, "url": {"type": "keyword"}}}
    client.indices.create(index=f"{prefix}-events-v1", aliases={names.events: {"is_write_index": True}},
                          mappings={"dynamic": "strict", "properties": {"action": {"type": "keyword"},
                                                                        "sources": old_sources}})
    management.ensure(client, names)
    live = client.indices.get_mapping(index=names.events)[f"{prefix}-events-v1"]["mappings"]["properties"]
    assert live["sources"]["properties"]["authority"] == {"type": "keyword"}
    assert live["status"] == {"type": "keyword"}
    client.index(index=names.events, id="made_amenable:GT:MX", refresh=True, document={
        "action": "made_amenable", "status": "reported",
        "sources": [{"document_id": "d", "url": "u", "authority": "official", "quotes_official": True}]})
    assert management.add_missing_fields(client, names, ["events"]) == {}
