"""The documents index (`<prefix>-documents`): stored articles, how a poll finds the ones it
already knows, their near-duplicates, and the reads alerts make of them.

Writes are bulk `index` operations by stable document id (idempotent: a repeated poll writes
the same bodies); every body written — by a poll, a fixture or a benchmark — gains its folded
twins here (`analysis.with_search_fields`: accents folded, words stemmed). Every lookup built
from a list — a listing's entries, a batch's band keys, a finding's documents — is cut into
requests the cluster accepts (`client.chunks`), however long the list.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from elasticsearch import Elasticsearch, helpers

from monitor.errors import IndexError_
from monitor.index import client as es
from monitor.index.analysis import with_search_fields
from monitor.index.mappings import IndexNames
from monitor.index.queries import records

logger = logging.getLogger(__name__)


class DocumentStore:
    """Reads and writes of `<prefix>-documents` (and, in the same bulk, superseded versions)."""

    def __init__(self, client: Elasticsearch, names: IndexNames) -> None:
        self.client = client
        self.index = names.documents
        self.versions_index = names.versions

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document (full source plus `id`), or None."""
        return es.get_source(self.client, self.index, doc_id, what=f"document {doc_id}")

    def by_ids(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Stored documents by id (full source), for the given ids that exist."""
        return es.mget_sources(self.client, self.index, ids, what="documents")

    def known(self, *, ids: Iterable[str] = (), urls: Iterable[str] = ()) -> list[dict[str, Any]]:
        """Stored documents (full source plus `id`) with one of `ids`, or whose `url` or
        `canonical_url` is one of `urls`: how a listing's entries find what is already known."""
        ids, urls = es.unique(ids), es.unique(urls)
        found: dict[str, dict[str, Any]] = {}
        for id_chunk, url_chunk in _paired_chunks(ids, urls):
            body = records.known_documents(id_chunk, url_chunk)
            if body is None:
                continue
            with es.translated("look up known documents"):
                result = self.client.search(index=self.index, body=body)
            found.update((hit["id"], hit) for hit in es.hits(result))
        return list(found.values())

    def near_duplicates(self, keys: Iterable[str], *, exclude: Iterable[str], size: int = 20) -> list[dict[str, Any]]:
        """Documents sharing the most near-duplicate band keys with `keys` (id, title, text,
        cluster_id, dedup_bands), at most `size` per request of `MAX_CLAUSES` keys."""
        keys, excluded = es.unique(keys), set(exclude)
        # The query excludes up to MAX_TERMS ids itself; any further ones are dropped here.
        must_not = sorted(excluded)[:es.MAX_TERMS]
        found: dict[str, dict[str, Any]] = {}
        for key_chunk in es.chunks(keys, es.MAX_CLAUSES):
            body = records.near_duplicates(key_chunk, exclude=must_not, size=size)
            with es.translated("search near-duplicates"):
                result = self.client.search(index=self.index, body=body)
            found.update((hit["id"], hit) for hit in es.hits(result) if hit["id"] not in excluded)
        return list(found.values())

    def save(self, docs: list[tuple[str, dict[str, Any]]], versions: Iterable[tuple[str, dict[str, Any]]] = ()) -> int:
        """Bulk-index documents by id and superseded versions by version id (versions first,
        so a stored new text never lacks its predecessor); refreshed, so the next poll and
        other sources' near-duplicate searches see them at once."""
        actions = [{"_op_type": "index", "_index": self.versions_index, "_id": i, "_source": with_search_fields(b)}
                   for i, b in versions]
        actions += [{"_op_type": "index", "_index": self.index, "_id": i, "_source": with_search_fields(b)}
                    for i, b in docs]
        if not actions:
            return 0
        es.bulk(self.client, actions, what="index documents")
        return len(docs)

    def load(self, docs: Iterable[tuple[str, dict[str, Any]]], *, chunk_size: int = 2000) -> int:
        """Bulk-index many documents by id without versions bookkeeping (fixtures, benchmarks)."""
        actions = ({"_op_type": "index", "_index": self.index, "_id": i, "_source": with_search_fields(b)}
                   for i, b in docs)
        count = 0
        with es.translated("load documents"):
            for ok, item in helpers.streaming_bulk(self.client, actions, chunk_size=chunk_size, raise_on_error=False):
                if not ok:
                    raise IndexError_(f"Elasticsearch rejected a document: {item}")
                count += 1
            self.client.indices.refresh(index=self.index)
        return count

    def refresh(self) -> None:
        """Make every indexed document searchable now (one refresh, not one per write)."""
        with es.translated("refresh documents"):
            self.client.indices.refresh(index=self.index)

    def unreconciled(self, size: int = 500) -> list[dict[str, Any]]:
        """Up to `size` documents whose events are not yet in the knowledge index, oldest first."""
        self.refresh()
        with es.translated("search unreconciled documents"):
            result = self.client.search(index=self.index, body=records.unreconciled(size))
        return es.hits(result)

    def mark_reconciled(self, ids: list[str]) -> None:
        actions = [{"_op_type": "update", "_index": self.index, "_id": i, "doc": {"reconciled": True},
                    "retry_on_conflict": 3} for i in ids]
        if actions:
            es.bulk(self.client, actions, what="mark documents reconciled")

    def matching(self, query: str, ids: Iterable[str]) -> set[str]:
        """Which of `ids` match a saved full-text query."""
        matched: set[str] = set()
        for chunk in es.chunks(es.unique(ids)):
            with es.translated("match a saved query"):
                result = self.client.search(index=self.index, body=records.saved_query(query, chunk))
            matched.update(hit["_id"] for hit in result["hits"]["hits"])
        return matched

    def with_clusters(self, ids: Iterable[str], *, limit: int = 50) -> list[dict[str, Any]]:
        """The documents `ids` and every document in their syndication clusters (title, url,
        date, source, cluster), at most `limit`."""
        docs = es.mget_sources(self.client, self.index, ids, what="source documents",
                               fields=records.SOURCE_LINK_FIELDS)
        clusters = sorted({d["cluster_id"] for d in docs.values() if d.get("cluster_id")})
        for chunk in es.chunks(clusters):
            if len(docs) >= limit:
                break
            with es.translated("read source documents"):
                result = self.client.search(index=self.index, body=records.cluster_members(chunk, size=limit))
            for hit in es.hits(result):
                docs.setdefault(hit.pop("id"), hit)
        return [{"id": i, **d} for i, d in docs.items()][:limit]

    def with_deadlines(self, size: int = 500) -> list[dict[str, Any]]:
        """Documents that state a comment deadline or an effective date (the iCalendar feed)."""
        with es.translated("list documents with deadlines"):
            return es.hits(self.client.search(index=self.index, body=records.with_deadlines(size)))

    def fetched_between(self, start: str, end: str, *, relevant_only: bool = True,
                        size: int = 200) -> list[dict[str, Any]]:
        with es.translated("list new documents"):
            result = self.client.search(index=self.index, body=records.fetched_between(
                start, end, relevant_only=relevant_only, size=size))
        return es.hits(result)


def _paired_chunks(ids: list[str], urls: list[str]) -> list[tuple[list[str], list[str]]]:
    """Cut ids and urls into requests of at most `MAX_TERMS` values each."""
    id_chunks = [list(c) for c in es.chunks(ids)] or [[]]
    url_chunks = [list(c) for c in es.chunks(urls)] or [[]]
    count = max(len(id_chunks), len(url_chunks))
    return [(id_chunks[n] if n < len(id_chunks) else [], url_chunks[n] if n < len(url_chunks) else [])
            for n in range(count)]
