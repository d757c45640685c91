"""The one module that owns the Elasticsearch client: every read and write goes through here.

Writes are idempotent (stable ids, `op_type=create` where exactly-once matters, optimistic
concurrency with `if_seq_no`/`if_primary_term` for state changes). Client errors are
translated into `monitor.errors.IndexError_` at this boundary.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from elasticsearch import ApiError, ConflictError, Elasticsearch, NotFoundError, TransportError, helpers

from monitor.errors import IndexError_
from monitor.index import management, mappings, queries, results
from monitor.index.management import translated as _translated
from monitor.index.mappings import IndexNames
from monitor.settings import Settings

logger = logging.getLogger(__name__)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Repository:
    """Reads and writes the monitor's indices for one index prefix."""

    def __init__(self, url: str, *, prefix: str, client: Elasticsearch | None = None) -> None:
        self.url = url
        self.names = IndexNames(prefix)
        self.client = client or Elasticsearch(url, request_timeout=30, max_retries=2, retry_on_timeout=True)

    @classmethod
    def from_settings(cls, settings: Settings) -> Repository:
        """The repository for `settings`: MONITOR_ES_URL, else the local launcher's cluster."""
        url = settings.es_url
        if not url:
            from monitor.services.elasticsearch import LocalElasticsearch

            url = LocalElasticsearch(settings).url
        return cls(url, prefix=settings.index_prefix)

    def close(self) -> None:
        self.client.close()

    # -- setup -------------------------------------------------------------------------------
    def ensure_indices(self) -> None:
        """Create every versioned index with its template and alias when missing (safe each run)."""
        management.ensure(self.client, self.names)

    def ping(self) -> bool:
        """Whether the cluster answers (cluster health: the core-only distribution has no `GET /`)."""
        try:
            return self.client.options(request_timeout=5).cluster.health()["status"] in ("green", "yellow")
        except (ApiError, TransportError):
            return False

    # -- documents ---------------------------------------------------------------------------
    def known_documents(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Stored documents by id (full source), for the given ids that exist."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        with _translated("read documents"):
            result = self.client.mget(index=self.names.documents, ids=ids)
        return {d["_id"]: d["_source"] for d in result["docs"] if d.get("found")}

    def refresh_documents(self) -> None:
        """Make every indexed document searchable now (one refresh, not one per write)."""
        with _translated("refresh documents"):
            self.client.indices.refresh(index=self.names.documents)

    def unreconciled_documents(self) -> list[dict[str, Any]]:
        self.refresh_documents()
        with _translated("search unreconciled documents"):
            result = self.client.search(index=self.names.documents, body=queries.unreconciled_body())
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def mark_reconciled(self, ids: list[str]) -> None:
        if not ids:
            return
        actions = [
            {"_op_type": "update", "_index": self.names.documents, "_id": i, "doc": {"reconciled": True},
             "retry_on_conflict": 3}
            for i in ids
        ]
        with _translated("mark documents reconciled"):
            _ok, errors = helpers.bulk(self.client, actions, refresh=True, raise_on_error=False)
        if errors:
            raise IndexError_(f"Elasticsearch refused to mark {len(errors)} document(s) reconciled: {errors[:3]}")

    def documents_for(self, *, ids: Iterable[str] = (), urls: Iterable[str] = ()) -> list[dict[str, Any]]:
        """Stored documents (full source plus `id`) with one of `ids`, or whose `url` or
        `canonical_url` is one of `urls`: how a listing's entries find what is already known."""
        ids, urls = list(dict.fromkeys(ids)), list(dict.fromkeys(urls))
        should: list[dict[str, Any]] = []
        if ids:
            should.append({"ids": {"values": ids}})
        if urls:
            should += [{"terms": {"url": urls}}, {"terms": {"canonical_url": urls}}]
        if not should:
            return []
        body = {"query": {"bool": {"should": should, "minimum_should_match": 1}},
                "size": min(10_000, 2 * (len(ids) + len(urls)))}
        with _translated("look up known documents"):
            result = self.client.search(index=self.names.documents, body=body)
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def near_duplicate_candidates(
        self, keys: list[str], *, exclude: str | list[str], size: int = 20
    ) -> list[dict[str, Any]]:
        """Documents sharing the most near-duplicate band keys with `keys` (id, title, text,
        cluster_id, dedup_bands)."""
        if not keys:
            return []
        excluded = [exclude] if isinstance(exclude, str) else list(exclude)
        body = {
            "query": {"bool": {
                "should": [{"constant_score": {"filter": {"term": {"dedup_bands": key}}}} for key in keys],
                "minimum_should_match": 1,
                "must_not": [{"ids": {"values": excluded}}],
            }},
            "size": size,
            "_source": ["title", "text", "cluster_id", "dedup_bands"],
        }
        with _translated("search near-duplicates"):
            result = self.client.search(index=self.names.documents, body=body)
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def save_documents(
        self, docs: list[tuple[str, dict[str, Any]]], versions: list[tuple[str, dict[str, Any]]] = ()
    ) -> int:
        """Bulk-index documents by id and superseded versions by version id, in one request."""
        actions = [{"_op_type": "index", "_index": self.names.versions, "_id": i, "_source": b} for i, b in versions]
        actions += [{"_op_type": "index", "_index": self.names.documents, "_id": i, "_source": b} for i, b in docs]
        if not actions:
            return 0
        # One refresh per source poll that changed something, so the next poll (and other
        # sources' near-duplicate searches) see these documents at once.
        with _translated("index documents"):
            _ok, errors = helpers.bulk(self.client, actions, raise_on_error=False, refresh=True)
        if errors:
            raise IndexError_(f"Elasticsearch rejected {len(errors)} documents: {errors[:3]}")
        return len(docs)

    def document_versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Superseded versions of one document, oldest first."""
        body = {"query": {"term": {"document_id": doc_id}}, "size": 100, "sort": [{"version": "asc"}]}
        with _translated(f"read versions of {doc_id}"):
            result = self.client.search(index=self.names.versions, body=body)
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    # -- knowledge (events index) -------------------------------------------------------------
    def create_finding(self, finding_id: str, body: dict[str, Any]) -> bool:
        """Create a knowledge entry; True when it is new, False when it was already known."""
        try:
            self.client.create(index=self.names.events, id=finding_id, document=body, refresh=True)
        except ConflictError:
            return False
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to record finding {finding_id}: {exc}") from exc
        return True

    def add_finding_source(self, finding_id: str, source: dict[str, Any]) -> bool:
        """Add a supporting document to a known finding (compare-and-set; no scripts needed)."""
        for _attempt in range(5):
            with _translated(f"read finding {finding_id}"):
                current = self.client.get(index=self.names.events, id=finding_id)
            sources = current["_source"].get("sources", [])
            if any(s.get("document_id") == source["document_id"] for s in sources):
                return False
            try:
                self.client.update(
                    index=self.names.events, id=finding_id, doc={"sources": [*sources, source]},
                    if_seq_no=current["_seq_no"], if_primary_term=current["_primary_term"],
                    refresh=True,
                )
                return True
            except ConflictError:
                continue
            except (ApiError, TransportError) as exc:
                raise IndexError_(f"Elasticsearch failed to update finding {finding_id}: {exc}") from exc
        raise IndexError_(f"finding {finding_id} kept changing under concurrent updates")

    def unplanned_findings(self) -> list[dict[str, Any]]:
        with _translated("search unplanned findings"):
            result = self.client.search(index=self.names.events, body=queries.unplanned_findings_body())
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def mark_finding_planned(self, finding_id: str) -> None:
        with _translated(f"mark finding {finding_id} planned"):
            self.client.update(index=self.names.events, id=finding_id, doc={"alerts_planned": True}, refresh=True)

    def findings(self, size: int = 100) -> list[dict[str, Any]]:
        with _translated("list findings"):
            result = self.client.search(
                index=self.names.events, size=size, sort=[{"first_seen": "desc"}], query={"match_all": {}}
            )
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def knowledge_records(self, *, receiving: str | None = None) -> list[dict[str, Any]]:
        """Every knowledge record (optionally for one receiving country), all pages."""
        query: dict[str, Any] = {"term": {"receiving": receiving.upper()}} if receiving else {"match_all": {}}
        records: list[dict[str, Any]] = []
        search_after: list[Any] | None = None
        while True:
            with _translated("list knowledge records"):
                result = self.client.search(
                    index=self.names.events, size=1000, query=query, sort=[{"_doc": "asc"}],
                    search_after=search_after,
                )
            hits = result["hits"]["hits"]
            records += [{"id": hit["_id"], **hit["_source"]} for hit in hits]
            if len(hits) < 1000:
                return records
            search_after = hits[-1]["sort"]

    def get_finding(self, finding_id: str) -> dict[str, Any] | None:
        try:
            hit = self.client.get(index=self.names.events, id=finding_id)
        except NotFoundError:
            return None
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to read finding {finding_id}: {exc}") from exc
        return {"id": hit["_id"], **hit["_source"]}

    # -- subscriptions ------------------------------------------------------------------------
    def save_subscription(self, sub_id: str, body: dict[str, Any]) -> None:
        with _translated("save subscription"):
            self.client.index(index=self.names.subscriptions, id=sub_id, document=body, refresh=True)

    def subscriptions(self) -> list[dict[str, Any]]:
        with _translated("list subscriptions"):
            result = self.client.search(
                index=self.names.subscriptions, size=10_000, sort=[{"created": "asc"}], query={"match_all": {}}
            )
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def delete_subscription(self, sub_id: str) -> bool:
        try:
            self.client.delete(index=self.names.subscriptions, id=sub_id, refresh=True)
        except NotFoundError:
            return False
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to delete subscription: {exc}") from exc
        return True

    def get_subscription(self, sub_id: str) -> dict[str, Any] | None:
        try:
            hit = self.client.get(index=self.names.subscriptions, id=sub_id)
        except NotFoundError:
            return None
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to read subscription: {exc}") from exc
        return {"id": hit["_id"], **hit["_source"]}

    def documents_matching(self, query: str, ids: list[str]) -> set[str]:
        """Which of `ids` match a saved full-text query (the core distribution has no percolator)."""
        if not ids:
            return set()
        body = {
            "query": {"bool": {
                "filter": [{"ids": {"values": ids}}],
                "must": [{"simple_query_string": {
                    "query": query, "fields": ["title", "text"], "default_operator": "and",
                    "flags": "AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE",
                }}],
            }},
            "size": len(ids), "_source": False,
        }
        with _translated("match a saved query"):
            result = self.client.search(index=self.names.documents, body=body)
        return {hit["_id"] for hit in result["hits"]["hits"]}

    def source_links(self, ids: list[str], *, limit: int = 50) -> list[dict[str, Any]]:
        """The documents `ids` and every document in their syndication clusters (title, url, date)."""
        if not ids:
            return []
        fields = ["title", "url", "published", "source_id", "cluster_id"]
        with _translated("read source documents"):
            found = self.client.mget(index=self.names.documents, ids=ids, source_includes=fields)
            docs = {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}
            clusters = sorted({d["cluster_id"] for d in docs.values() if d.get("cluster_id")})
            if clusters:
                result = self.client.search(
                    index=self.names.documents, size=limit, source_includes=fields,
                    query={"terms": {"cluster_id": clusters}}, sort=[{"published": {"order": "asc", "missing": "_last"}}],
                )
                for hit in result["hits"]["hits"]:
                    docs.setdefault(hit["_id"], hit["_source"])
        return [{"id": i, **d} for i, d in docs.items()][:limit]

    def documents_fetched_between(self, start: str, end: str, *, relevant_only: bool = True,
                                  size: int = 200) -> list[dict[str, Any]]:
        filters: list[dict[str, Any]] = [{"range": {"fetched": {"gte": start, "lt": end}}}]
        if relevant_only:
            filters.append({"term": {"relevant": True}})
        with _translated("list new documents"):
            result = self.client.search(
                index=self.names.documents, size=size, query={"bool": {"filter": filters}},
                source_includes=["title", "url", "published", "source_id"], sort=[{"fetched": "asc"}],
            )
        return [{"id": h["_id"], **h["_source"]} for h in result["hits"]["hits"]]

    def findings_first_seen_between(self, start: str, end: str) -> list[dict[str, Any]]:
        with _translated("list findings of a day"):
            result = self.client.search(
                index=self.names.events, size=1000, query={"range": {"first_seen": {"gte": start, "lt": end}}},
                sort=[{"first_seen": "asc"}],
            )
        return [{"id": h["_id"], **h["_source"]} for h in result["hits"]["hits"]]

    # -- alert ledger -------------------------------------------------------------------------
    def create_alert(self, alert_id: str, body: dict[str, Any]) -> bool:
        """Create one ledger entry with `op_type=create`: True only for the first caller."""
        try:
            self.client.create(index=self.names.alerts, id=alert_id, document=body, refresh=True)
        except ConflictError:
            return False
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to create alert {alert_id}: {exc}") from exc
        return True

    def alerts_in_status(self, status: str) -> list[dict[str, Any]]:
        with _translated(f"list {status} alerts"):
            result = self.client.search(
                index=self.names.alerts, body={**queries.status_body(status), "seq_no_primary_term": True}
            )
        return [
            {"id": h["_id"], "_seq_no": h["_seq_no"], "_primary_term": h["_primary_term"], **h["_source"]}
            for h in result["hits"]["hits"]
        ]

    def transition_alert(self, alert: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any] | None:
        """Compare-and-set an alert's fields; None when another worker changed it first."""
        try:
            result = self.client.update(
                index=self.names.alerts, id=alert["id"], doc={**changes, "updated": utcnow().isoformat()},
                if_seq_no=alert["_seq_no"], if_primary_term=alert["_primary_term"], refresh=True,
            )
        except ConflictError:
            return None
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to update alert {alert['id']}: {exc}") from exc
        return {**alert, **changes, "_seq_no": result["_seq_no"], "_primary_term": result["_primary_term"]}

    # -- source state ---------------------------------------------------------------------------
    def source_state(self, source_id: str) -> dict[str, Any]:
        try:
            return dict(self.client.get(index=self.names.sources_state, id=source_id)["_source"])
        except NotFoundError:
            return {}
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to read state of {source_id}: {exc}") from exc

    def save_source_state(self, source_id: str, state: dict[str, Any]) -> None:
        with _translated(f"save state of {source_id}"):
            # Read back by GET, which is real-time: no refresh needed.
            self.client.index(index=self.names.sources_state, id=source_id, document=state)

    def source_states(self, source_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Saved state (cursor and health) of several sources; sources never run are absent."""
        ids = list(dict.fromkeys(source_ids))
        if not ids:
            return {}
        with _translated("read sources state"):
            result = self.client.mget(index=self.names.sources_state, ids=ids)
        return {d["_id"]: d["_source"] for d in result["docs"] if d.get("found")}

    # -- search and index management (search issue) ------------------------------------------
    def search(
        self, params: queries.SearchParams, *, cursor: str | None = None, deep: bool = False
    ) -> results.SearchResult:
        """One page of documents: by page number (`from`/`size`, collapsed when asked) or by cursor.

        `deep=True` starts a cursor walk (a point in time + `search_after`, uncollapsed) and a
        `cursor` continues one; the result carries `next_cursor` until the last page, where the
        point in time is closed.
        """
        if cursor is None and not deep:
            with _translated("search documents"):
                response = self.client.search(index=self.names.documents, body=queries.search_request(params))
                unclustered = response.get("aggregations", {}).get(queries.UNCLUSTERED, {}).get("doc_count", 0)
                if unclustered > 1:  # they would show as one story: search again uncollapsed
                    logger.warning("%d matching documents have no cluster_id; not collapsing", unclustered)
                    response = self.client.search(
                        index=self.names.documents, body=queries.search_request(params.with_(collapse=False)))
            return results.parse_search(dict(response), params)
        params = params.with_(collapse=False, page=1)
        if cursor is None:
            with _translated("open a point in time"):
                opened = self.client.open_point_in_time(index=self.names.documents, keep_alive=queries.PIT_KEEP_ALIVE)
            pit = opened["id"]
            after = None
        else:
            pit, after = queries.decode_cursor(cursor)
        try:
            response = dict(self.client.search(body=queries.search_request(params, pit=pit, search_after=after)))
        except NotFoundError as exc:
            raise results.ExpiredCursor("the search cursor has expired; start the search again") from exc
        except ApiError as exc:
            if exc.status_code == 400 and cursor is not None:
                raise results.ExpiredCursor("the search cursor is not valid; start the search again") from exc
            raise IndexError_(f"Elasticsearch failed to search documents: {exc}") from exc
        except TransportError as exc:
            raise IndexError_(f"Elasticsearch failed to search documents: {exc}") from exc
        hits = response["hits"]["hits"]
        next_cursor = None
        if len(hits) == params.size:
            next_cursor = queries.encode_cursor(response.get("pit_id", pit), hits[-1]["sort"])
        else:
            with contextlib.suppress(ApiError, TransportError):
                self.client.close_point_in_time(id=response.get("pit_id", pit))
        return results.parse_search(response, params, next_cursor=next_cursor)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document by id (full source plus `id`), or None."""
        try:
            found = self.client.get(index=self.names.documents, id=doc_id)
        except NotFoundError:
            return None
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to read document {doc_id}: {exc}") from exc
        return {"id": found["_id"], **found["_source"]}

    def knowledge(
        self, *, receiving: tuple[str, ...] = (), population: tuple[str, ...] = (), action: tuple[str, ...] = (),
        size: int = 500,
    ) -> list[dict[str, Any]]:
        """Knowledge records (the events index) matching the filters, oldest report first."""
        body = queries.knowledge_body(receiving=receiving, population=population, action=action, size=size)
        with _translated("search knowledge"):
            result = self.client.search(index=self.names.events, body=body)
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def load_documents(self, docs: Iterable[tuple[str, dict[str, Any]]], *, chunk_size: int = 2000) -> int:
        """Bulk-index many documents by id without versions bookkeeping (fixtures, benchmarks)."""
        actions = ({"_op_type": "index", "_index": self.names.documents, "_id": i, "_source": b} for i, b in docs)
        count = 0
        with _translated("load documents"):
            for ok, item in helpers.streaming_bulk(self.client, actions, chunk_size=chunk_size, raise_on_error=False):
                if not ok:
                    raise IndexError_(f"Elasticsearch rejected a document: {item}")
                count += 1
            self.client.indices.refresh(index=self.names.documents)
        return count

    def analyzers(self) -> mappings.Analyzers:
        """The language analyzers this cluster has (see `index.management.probe_analyzers`)."""
        return management.probe_analyzers(self.client)

    def migrate(self, indices: Iterable[str] | None = None) -> list[management.Migration]:
        """Move aliases to new index versions with the current mappings, one swap each."""
        return management.migrate(self.client, self.names, indices)
