"""The one module that owns the Elasticsearch client: every read and write goes through here.

Writes are idempotent (stable ids, `op_type=create` where exactly-once matters, optimistic
concurrency with `if_seq_no`/`if_primary_term` for state changes). Client errors are
translated into `monitor.errors.IndexError_` at this boundary.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from elasticsearch import ApiError, ConflictError, Elasticsearch, NotFoundError, TransportError, helpers

from monitor.errors import IndexError_
from monitor.index import mappings, queries
from monitor.index.mappings import IndexNames

logger = logging.getLogger(__name__)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@contextlib.contextmanager
def _translated(action: str) -> Iterator[None]:
    try:
        yield
    except (ApiError, TransportError) as exc:
        raise IndexError_(f"Elasticsearch failed to {action}: {exc}") from exc


class Repository:
    """Reads and writes the monitor's indices for one index prefix."""

    def __init__(self, url: str, *, prefix: str, client: Elasticsearch | None = None) -> None:
        self.url = url
        self.names = IndexNames(prefix)
        self.client = client or Elasticsearch(url, request_timeout=30, max_retries=2, retry_on_timeout=True)

    def close(self) -> None:
        self.client.close()

    # -- setup -------------------------------------------------------------------------------
    def ensure_indices(self) -> None:
        """Create every versioned index with its alias when missing (safe to call each run)."""
        for name, mapping in mappings.MAPPINGS.items():
            alias = self.names.alias(name)
            with _translated(f"check index {alias}"):
                if self.client.indices.exists_alias(name=alias):
                    continue
            try:
                self.client.indices.create(
                    index=self.names.concrete(name),
                    mappings=mapping,
                    settings=mappings.SETTINGS,
                    aliases={alias: {"is_write_index": True}},
                )
            except ApiError as exc:
                if exc.status_code == 400 and "resource_already_exists" in str(exc):
                    continue  # another run created it first
                raise IndexError_(f"Elasticsearch failed to create index {alias}: {exc}") from exc
            except TransportError as exc:
                raise IndexError_(f"Elasticsearch failed to create index {alias}: {exc}") from exc

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

    def index_documents(self, docs: list[tuple[str, dict[str, Any]]], previous: dict[str, dict[str, Any]]) -> int:
        """Bulk-upsert documents by id; a changed document's previous text goes to versions."""
        actions: list[dict[str, Any]] = []
        now = utcnow().isoformat()
        for doc_id, body in docs:
            old = previous.get(doc_id)
            if old is not None:
                version_id = f"{doc_id}:{old['content_hash']}"
                actions.append(
                    {"_op_type": "index", "_index": self.names.versions, "_id": version_id,
                     "_source": {**old, "document_id": doc_id, "superseded": now}}
                )
            actions.append({"_op_type": "index", "_index": self.names.documents, "_id": doc_id, "_source": body})
        if not actions:
            return 0
        with _translated("index documents"):
            ok, errors = helpers.bulk(self.client, actions, raise_on_error=False, refresh=True)
        if errors:
            raise IndexError_(f"Elasticsearch rejected {len(errors)} documents: {errors[:3]}")
        return len(docs)

    def unreconciled_documents(self) -> list[dict[str, Any]]:
        with _translated("search unreconciled documents"):
            result = self.client.search(index=self.names.documents, body=queries.unreconciled_body())
        return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]

    def mark_reconciled(self, ids: list[str]) -> None:
        if not ids:
            return
        actions = [
            {"_op_type": "update", "_index": self.names.documents, "_id": i, "doc": {"reconciled": True}}
            for i in ids
        ]
        with _translated("mark documents reconciled"):
            helpers.bulk(self.client, actions, refresh=True)

    def search_documents(self, body: dict[str, Any]) -> dict[str, Any]:
        with _translated("search documents"):
            return dict(self.client.search(index=self.names.documents, body=body))

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
            self.client.index(index=self.names.sources_state, id=source_id, document=state, refresh=True)
