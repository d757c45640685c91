"""The advocates' document search: one page by number (collapsed syndication clusters,
facets) or a cursor walk through every match (a point in time + `search_after`).

Request bodies come from `queries.search`, answers are read by `results`; this module only
sends them and keeps the point in time's life cycle: opened by the first cursor page, closed
after the last, and an expired or foreign cursor answered with `ExpiredCursor`. A documents
index from before events were nested refuses nested queries: the search is then sent the old
way (event filters matching across events) and logged as an error until the index is migrated
(`monitor index migrate documents`; `monitor index ensure` and the daily template check say so).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

from elasticsearch import ApiError, BadRequestError, Elasticsearch, NotFoundError, TransportError

from monitor.errors import ExpiredCursor
from monitor.index import client as es
from monitor.index import results
from monitor.index.mappings import IndexNames
from monitor.index.queries import search as queries

logger = logging.getLogger(__name__)


def search(client: Elasticsearch, names: IndexNames, params: queries.SearchParams, *, cursor: str | None = None,
           deep: bool = False) -> results.SearchResult:
    """One page of documents: by page number (`from`/`size`, collapsed when asked) or by cursor.

    `deep=True` starts a cursor walk (uncollapsed) and a `cursor` continues one; the result
    carries `next_cursor` until the last page, where the point in time is closed.
    """
    if cursor is None and not deep:
        return _page(client, names, params)
    params = params.with_(collapse=False, page=1)
    if cursor is None:
        with es.translated("open a point in time"):
            pit = client.open_point_in_time(index=names.documents, keep_alive=queries.PIT_KEEP_ALIVE)["id"]
        after = None
    else:
        pit, after = queries.decode_cursor(cursor)
    with es.translated("search documents"):
        try:
            response = _send(client, None, params, pit=pit, search_after=after)
        except NotFoundError as exc:
            raise ExpiredCursor("the search cursor has expired; start the search again") from exc
        except ApiError as exc:
            if exc.status_code == 400 and cursor is not None:
                raise ExpiredCursor("the search cursor is not valid; start the search again") from exc
            raise
    hits = response["hits"]["hits"]
    pit = response.get("pit_id", pit)
    next_cursor = None
    if len(hits) == params.size:
        next_cursor = queries.encode_cursor(pit, hits[-1]["sort"])
    else:
        with contextlib.suppress(ApiError, TransportError):
            client.close_point_in_time(id=pit)
    return results.parse_search(response, params, next_cursor=next_cursor)


def _page(client: Elasticsearch, names: IndexNames, params: queries.SearchParams) -> results.SearchResult:
    with es.translated("search documents"):
        response = _send_page(client, names.documents, params)
        unclustered = response.get("aggregations", {}).get(queries.UNCLUSTERED, {}).get("doc_count", 0)
        if unclustered > 1:  # they would show as one story: search again uncollapsed
            logger.warning("%d matching documents have no cluster_id; not collapsing", unclustered)
            response = _send_page(client, names.documents, params.with_(collapse=False))
    return results.parse_search(response, params)


_NOT_NESTED = "failed to find nested object under path [events]"


def _send_page(client: Elasticsearch, index: str, params: queries.SearchParams) -> dict[str, Any]:
    """One page: the hits and the counts (`queries.page_requests`) in one multi-search, answered
    as one search response would be (the counts' total and aggregations, the page's hits)."""
    return _nested_or_old(lambda nested: _multi(client, index, *queries.page_requests(params, nested_events=nested)))


def _multi(client: Elasticsearch, index: str, page: dict[str, Any], counts: dict[str, Any]) -> dict[str, Any]:
    answer = client.msearch(searches=[{"index": index}, page, {"index": index, "request_cache": True}, counts])
    hits, counted = answer["responses"]
    for part in (hits, counted):
        if "error" in part:  # a failed part is an answer, not an exception, in a multi-search
            raise BadRequestError(message=json.dumps(part["error"])[:2000], meta=answer.meta, body=part)
    response = dict(hits)
    response["hits"] = {**hits["hits"], "total": counted["hits"]["total"]}
    response["took"] = max(hits.get("took", 0), counted.get("took", 0))
    if "aggregations" in counted:
        response["aggregations"] = counted["aggregations"]
    return response


def _send(client: Elasticsearch, index: str | None, params: queries.SearchParams, **cursor: Any) -> dict[str, Any]:
    """One search request; on an index whose events are not nested yet, the same search the old way."""
    return _nested_or_old(lambda nested: dict(
        client.search(index=index, body=queries.search_request(params, nested_events=nested, **cursor))))


def _nested_or_old(send: Callable[[bool], dict[str, Any]]) -> dict[str, Any]:
    """`send(True)`; on a documents index from before events were nested, `send(False)` (logged)."""
    try:
        return send(True)
    except BadRequestError as exc:
        if _NOT_NESTED not in str(exc):
            raise
    logger.error("the documents index predates nested events: event filters match across events until "
                 "`monitor index migrate documents` is run")
    return send(False)
