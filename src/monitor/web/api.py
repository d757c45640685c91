"""The JSON API: `/api/search`, `/api/documents/{id}`, `/api/events`, `/api/timeline`.

Responses are the pydantic models of `index.results` / `monitor.timeline`, so the OpenAPI
schema (`/api/openapi.json`) describes them. JSON is written with `<`, `>` and `&` escaped as
`\\u003c`…, so a document title like `<script>` never appears raw in a response body even if
a client mislabels it as HTML; parsed, the values are unchanged.
"""

from __future__ import annotations

import json
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from monitor.index import Repository
from monitor.index.queries import SearchParams, decode_cursor
from monitor.index.results import SearchResult
from monitor.timeline import AgreementTimeline, TimelineEntry, agreements, timeline_entry
from monitor.web.params import search_params


def _escaped(text: str) -> bytes:
    # Chained replace runs in C; str.translate with a dict is ~50x slower on 30 KB answers.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").encode("utf-8")


class SafeJSONResponse(JSONResponse):
    """JSON with HTML-significant characters escaped (still the same JSON when parsed)."""

    def render(self, content: Any) -> bytes:
        if isinstance(content, BaseModel):  # pydantic's own (Rust) serializer: no second validation
            return _escaped(content.model_dump_json())
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return _escaped(text)


class EventDetail(BaseModel):
    action: str
    receiving: str
    population: str | None = None
    evidence: str = ""
    confidence: float | None = None
    background: bool | None = None


class DocumentDetail(BaseModel):
    """A stored document as the API shows it (internal bookkeeping fields left out)."""

    id: str
    title: str = ""
    url: str = ""
    canonical_url: str | None = None
    published: str | None = None
    updated: str | None = None
    fetched: str | None = None
    source: str | None = None
    source_kind: str | None = None
    lang: str | None = None
    authors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    relevant: bool | None = None
    events: list[EventDetail] = Field(default_factory=list)
    affected_count: int | None = None
    cluster_id: str | None = None
    version: int | None = None
    publisher: str | None = None
    brief: bool = Field(default=False, description="the feed item's own title and summary: its article could not be read")
    brief_reason: str | None = None
    resolved_url: str | None = Field(default=None, description="the publisher's URL an aggregator's link resolved to")
    text: str = ""


class EventsPage(BaseModel):
    total: int
    events: list[TimelineEntry]


class TimelinePage(BaseModel):
    agreements: list[AgreementTimeline]


def document_detail(doc: dict[str, Any]) -> DocumentDetail:
    def listed(value: Any) -> list[Any]:
        return value if isinstance(value, list) else [value] if value else []

    return DocumentDetail(
        **{k: doc.get(k) for k in ("id", "canonical_url", "published", "updated", "fetched", "source_kind", "lang",
                                   "relevant", "affected_count", "cluster_id", "version", "publisher",
                                   "brief_reason", "resolved_url")},
        brief=bool(doc.get("brief")),
        title=doc.get("title") or "", url=doc.get("url") or "", text=doc.get("text") or "",
        source=doc.get("source_id"), authors=listed(doc.get("authors")), tags=listed(doc.get("tags")),
        events=[EventDetail(**e) for e in listed(doc.get("events")) if e.get("action") and e.get("receiving")],
    )


async def repository(request: Request) -> Repository:
    """The app's repository (FastAPI dependency; resolved lazily by `web.app`).

    Once it is ready this costs nothing; the first call connects in a worker thread.
    """
    context = request.app.state.monitor
    return context.ready_repository() or await run_in_threadpool(context.repository)


Repo = Annotated[Repository, Depends(repository)]
Codes = Annotated[list[str], Query()]


def _upper(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in values if v.strip())


router = APIRouter(prefix="/api", tags=["api"], default_response_class=SafeJSONResponse)


@router.get("/search", response_model=SearchResult, summary="Search documents")
def api_search(  # returns the response itself: the model is built and checked once, in the repository
    repo: Repo, params: Annotated[SearchParams, Depends(search_params)],
    deep: Annotated[bool, Query(description="start a cursor walk over every matching document")] = False,
    cursor: Annotated[str, Query(max_length=8192, description="`next_cursor` of the previous page")] = "",
) -> SafeJSONResponse:
    """Full text + filters + facets. Page mode (default) pages with `page` (up to 10,000
    results) and collapses syndicated copies unless `collapse=false`. `deep=true` starts a walk
    over every matching document (point in time + search_after, uncollapsed): the answer
    carries `next_cursor`; pass it back as `cursor` with the same parameters."""
    if cursor:
        try:
            decode_cursor(cursor)
        except ValueError as exc:
            raise HTTPException(400, "invalid cursor") from exc
    started = time.perf_counter()
    result = repo.search(params, cursor=cursor or None, deep=deep)
    elapsed = (time.perf_counter() - started) * 1000
    # Where the time went, for operators and the benchmark: Elasticsearch's own time, then the
    # whole search call (HTTP to Elasticsearch, decoding, building the result).
    timing = f"es;dur={result.took};desc=\"Elasticsearch took\", search;dur={elapsed:.1f}"
    return SafeJSONResponse(result, headers={"Server-Timing": timing})


@router.get("/documents/{doc_id}", response_model=DocumentDetail, summary="One document")
def api_document(repo: Repo, doc_id: str) -> DocumentDetail:
    doc = repo.documents.get(doc_id) if len(doc_id) <= 128 else None
    if doc is None:
        raise HTTPException(404, "no such document")
    return document_detail(doc)


@router.get("/events", response_model=EventsPage, summary="Knowledge records (findings and agreement events)")
def api_events(
    repo: Repo, receiving: Codes = [], population: Codes = [], action: Codes = [],  # noqa: B006
    size: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> EventsPage:
    records = repo.findings.matching(receiving=_upper(receiving), population=_upper(population),
                                     action=tuple(a.strip() for a in action if a.strip()), size=size)
    return EventsPage(total=len(records), events=[timeline_entry(r) for r in records])


@router.get("/timeline", response_model=TimelinePage, summary="Per-agreement timelines of findings")
def api_timeline(repo: Repo, receiving: Codes = []) -> TimelinePage:  # noqa: B006
    """One timeline per receiving country (the agreement), in the order events were reported."""
    records = repo.findings.records(receiving=_upper(receiving), reported_order=True)
    return TimelinePage(agreements=agreements(records))
