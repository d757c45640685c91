"""The Elasticsearch client and the one place its errors become `IndexError_`.

Every store of the index package talks to the cluster through these helpers: `translated()`
wraps any call, and the three calls whose "error" is an answer — a document that is not
there (`get_source`, `delete`), an id that already exists (`create_once`), a document changed
by someone else since it was read (`update_if_unchanged`) — return that answer instead of
raising. `chunks()` cuts any list of unbounded length before it goes into a request: a
listing of thousands of entries must never become one query with more clauses or terms than
the cluster accepts (`indices.query.bool.max_clause_count`, `index.max_terms_count`) or more
hits than one page may hold (`index.max_result_window`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from elasticsearch import ApiError, ConflictError, Elasticsearch, NotFoundError, TransportError

from monitor.errors import IndexError_

T = TypeVar("T")

#: Values per terms/ids clause and ids per mget: far below `index.max_terms_count` (65,536)
#: and `index.max_result_window` (10,000), so one chunk's hits always fit one page.
MAX_TERMS = 1000
#: Bytes per bulk request: long documents make fewer actions per request, not bigger requests.
BULK_BYTES = 10 * 1024 * 1024
#: Bool clauses per query: a quarter of the smallest `max_clause_count` Elasticsearch 9 picks.
MAX_CLAUSES = 4096


#: Connections kept per node. The client's default (10) made threads queue for a connection:
#: `monitor ingest` polls with up to 128 threads, the web app answers with up to 40 (a profile
#: under 32 concurrent clients showed 17 % of the samples waiting in the pool's queue).
CONNECTIONS_PER_NODE = 32


def node_urls(url: str) -> list[str]:
    """The node URLs in `url`: one URL, or several separated by commas (the nodes of one cluster)."""
    return [part.strip() for part in url.split(",") if part.strip()]


def connect(url: str) -> Elasticsearch:
    """A client for `url` (thread-safe; one per process is enough).

    `url` may name several nodes of one cluster, separated by commas: requests are spread over
    them, and a node that stops answering is set aside while its retries go to the others (the
    client's dead-node pool), so a cluster that loses one node keeps serving the run.
    """
    return Elasticsearch(node_urls(url), request_timeout=30, max_retries=2, retry_on_timeout=True,
                         connections_per_node=CONNECTIONS_PER_NODE)


@contextlib.contextmanager
def translated(action: str) -> Iterator[None]:
    """Turn client errors into `IndexError_` naming what failed."""
    try:
        yield
    except (ApiError, TransportError) as exc:
        raise IndexError_(f"Elasticsearch failed to {action}: {exc}") from exc


def chunks(items: Sequence[T], size: int = MAX_TERMS) -> Iterator[Sequence[T]]:
    """`items` in slices of at most `size` (nothing for an empty list)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))


def hits(response: Any) -> list[dict[str, Any]]:
    """The hits of a search answer as dicts: `id` plus the source fields."""
    return [{"id": hit["_id"], **hit.get("_source", {})} for hit in response["hits"]["hits"]]


def get_source(client: Elasticsearch, index: str, doc_id: str, *, what: str) -> dict[str, Any] | None:
    """One document (`id` plus source), or None when it does not exist."""
    try:
        found = client.get(index=index, id=doc_id)
    except NotFoundError:
        return None
    except (ApiError, TransportError) as exc:
        raise IndexError_(f"Elasticsearch failed to read {what}: {exc}") from exc
    return {"id": found["_id"], **found["_source"]}


def get_versioned(client: Elasticsearch, index: str, doc_id: str, *, what: str,
                  missing_ok: bool = False) -> dict[str, Any] | None:
    """One existing document with the `_seq_no`/`_primary_term` a compare-and-set needs
    (with `missing_ok`, None when it does not exist; else that is an `IndexError_`)."""
    try:
        with translated(f"read {what}"):
            found = client.get(index=index, id=doc_id)
    except IndexError_ as exc:
        if missing_ok and isinstance(exc.__cause__, NotFoundError):
            return None
        raise
    return {"id": found["_id"], "_seq_no": found["_seq_no"], "_primary_term": found["_primary_term"],
            **found["_source"]}


def mget_versioned(client: Elasticsearch, index: str, ids: Iterable[str], *, what: str) -> dict[str, dict[str, Any]]:
    """Existing documents among `ids` (real-time), each as `get_versioned` gives it."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(unique(ids)):
        with translated(f"read {what}"):
            result = client.mget(index=index, ids=list(chunk))
        found.update({d["_id"]: {"id": d["_id"], "_seq_no": d["_seq_no"], "_primary_term": d["_primary_term"],
                                 **d["_source"]} for d in result["docs"] if d.get("found")})
    return found


def mget_sources(client: Elasticsearch, index: str, ids: Iterable[str], *, what: str,
                 fields: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Existing documents among `ids`, by id (in chunks of `MAX_TERMS`)."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(unique(ids)):
        with translated(f"read {what}"):
            result = client.mget(index=index, ids=list(chunk), source_includes=fields)
        found.update({d["_id"]: d["_source"] for d in result["docs"] if d.get("found")})
    return found


def create_once(client: Elasticsearch, index: str, doc_id: str, body: dict[str, Any], *, what: str,
                refresh: bool = True) -> bool:
    """Create a document with `op_type=create`: True for the first caller, False when it exists.
    `refresh=False` leaves searches blind to it until the caller refreshes the index (once for
    many writes: a refresh per write makes a segment per write)."""
    try:
        client.create(index=index, id=doc_id, document=body, refresh=refresh)
    except ConflictError:
        return False
    except (ApiError, TransportError) as exc:
        raise IndexError_(f"Elasticsearch failed to create {what}: {exc}") from exc
    return True


def update_if_unchanged(client: Elasticsearch, index: str, current: dict[str, Any], changes: dict[str, Any],
                        *, what: str, refresh: bool = True) -> dict[str, Any] | None:
    """Compare-and-set: apply `changes` to `current` (read with its `_seq_no`/`_primary_term`)
    unless someone changed it since; the new state, or None after a conflict."""
    try:
        result = client.update(index=index, id=current["id"], doc=changes, if_seq_no=current["_seq_no"],
                               if_primary_term=current["_primary_term"], refresh=refresh)
    except ConflictError:
        return None
    except (ApiError, TransportError) as exc:
        raise IndexError_(f"Elasticsearch failed to update {what}: {exc}") from exc
    return {**current, **changes, "_seq_no": result["_seq_no"], "_primary_term": result["_primary_term"]}


def delete(client: Elasticsearch, index: str, doc_id: str, *, what: str) -> bool:
    """Delete one document: True when it existed."""
    try:
        client.delete(index=index, id=doc_id, refresh=True)
    except NotFoundError:
        return False
    except (ApiError, TransportError) as exc:
        raise IndexError_(f"Elasticsearch failed to delete {what}: {exc}") from exc
    return True


def bulk(client: Elasticsearch, actions: Iterable[dict[str, Any]], *, what: str, refresh: bool = True) -> int:
    """Send bulk actions (the helper cuts them into requests); IndexError_ if any is refused."""
    from elasticsearch import helpers

    with translated(what):
        ok, errors = helpers.bulk(client, actions, refresh=refresh, raise_on_error=False,
                                  max_chunk_bytes=BULK_BYTES)
    if errors:
        raise IndexError_(f"Elasticsearch refused to {what} for {len(errors)} item(s): {errors[:3]}")
    return ok


def iter_hits(client: Elasticsearch, index: str, query: dict[str, Any], *, sort: list[Any], page: int = 1000,
              keep_alive: str = "1m", source: list[str] | bool | None = None, seq_no: bool = False,
              what: str | None = None) -> Iterator[dict[str, Any]]:
    """Every raw hit of `query` in `sort` order, page after page, in one point in time (whose
    implicit `_shard_doc` tiebreak makes `search_after` exact even when sort values tie).
    With `what`, client errors become `IndexError_` naming it; without, the caller translates."""
    guard = (lambda: translated(what)) if what else contextlib.nullcontext
    with guard():
        pit = client.open_point_in_time(index=index, keep_alive=keep_alive)["id"]
    try:
        after: list[Any] | None = None
        while True:
            with guard():
                response = client.search(pit={"id": pit, "keep_alive": keep_alive}, size=page, query=query,
                                         sort=sort, search_after=after, source=source,
                                         seq_no_primary_term=seq_no or None)
            pit = response.get("pit_id", pit)
            batch = response["hits"]["hits"]
            yield from batch
            if len(batch) < page:
                return
            after = batch[-1]["sort"]
    finally:
        with contextlib.suppress(ApiError, TransportError):
            client.close_point_in_time(id=pit)


def search_all(client: Elasticsearch, index: str, query: dict[str, Any], *, what: str,
               sort: list[Any], page: int = 1000, source: list[str] | bool | None = None,
               seq_no: bool = False) -> list[dict[str, Any]]:
    """Every hit of `query` in `sort` order (`iter_hits`), as `id` plus source fields."""
    results: list[dict[str, Any]] = []
    for hit in iter_hits(client, index, query, sort=sort, page=page, source=source, seq_no=seq_no, what=what):
        row = {"id": hit["_id"], **hit.get("_source", {})}
        if seq_no:
            row.update(_seq_no=hit["_seq_no"], _primary_term=hit["_primary_term"])
        results.append(row)
    return results
