"""Query builders: pure functions that return Elasticsearch request bodies as dicts.

The document search (`search_request`) takes a `SearchParams`: user text becomes a
`simple_query_string` whose words are folded and stemmed (`queries/text.py`), filters are
`term(s)`/`range` clauses — the event filters (receiving, population, action) in one `nested`
query, so they match within one event — facets are terms aggregations counting documents
(those on events read the event fields copied flat onto each document) plus a date histogram,
highlights use the `html` encoder on the original text, and syndicated copies are collapsed on `cluster_id` (every document must carry one: a story's own id when it
has no copies). Collapse works with `from`/`size` paging only, so deep pagination (point in
time + `search_after`) walks every document uncollapsed. `nested_events=False` builds the same
search for a documents index from before events were nested (until `monitor index migrate`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any, Literal

from monitor.index.mappings import TWINS
from monitor.index.queries.text import LANGUAGES, text_query

#: Filter / facet name → document field (keyword).
FACET_FIELDS: dict[str, str] = {
    "receiving": "events.receiving",
    "population": "events.population",
    "action": "events.action",
    "source": "source_id",
    "kind": "source_kind",
    "lang": "lang",
}
#: The facets whose field is in a nested event; their filters share one nested query.
EVENT_FACETS = ("receiving", "population", "action")
EVENTS_PATH = "events"
INTERVALS = ("auto", "year", "quarter", "month", "week", "day")
MAX_WINDOW = 10_000  # index.max_result_window: from + size beyond it needs the cursor
MAX_SIZE = 100
PIT_KEEP_ALIVE = "2m"
UNCLUSTERED = "unclustered"
SOURCE_FIELDS = [
    "title", "url", "published", "source_id", "source_kind", "lang", "relevant",
    "events.action", "events.receiving", "events.population", "cluster_id", "brief",
]
HIGHLIGHT_FIELDS = ["text", *(f"text.{lang}" for lang in LANGUAGES)]


@dataclass(frozen=True)
class SearchParams:
    """One document search as the user asked for it (validated by the caller)."""

    text: str = ""
    receiving: tuple[str, ...] = ()
    population: tuple[str, ...] = ()
    action: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    lang: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    relevant: bool = False
    cluster: str | None = None
    sort: Literal["relevance", "date"] = "relevance"
    size: int = 20
    page: int = 1
    collapse: bool = True
    facets: bool = True
    interval: str = "auto"

    def __post_init__(self) -> None:
        size = max(1, min(self.size, MAX_SIZE))
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "page", max(1, min(self.page, MAX_WINDOW // size)))
        for name in ("receiving", "population"):
            object.__setattr__(self, name, tuple(v.upper() for v in getattr(self, name)))
        if self.interval not in INTERVALS:
            object.__setattr__(self, "interval", "auto")

    @property
    def histogram_interval(self) -> str:
        """The date histogram's interval: as asked, or by the date range (years unless narrowed)."""
        if self.interval != "auto":
            return self.interval
        if self.since and self.until:
            days = (self.until - self.since).days
            return "day" if days <= 62 else "month" if days <= 3 * 366 else "year"
        return "year"

    def filters(self) -> dict[str, tuple[str, ...]]:
        """The active keyword filters, by facet name."""
        return {name: getattr(self, name) for name in FACET_FIELDS if getattr(self, name)}

    def with_(self, **changes: Any) -> SearchParams:
        return replace(self, **changes)


def _terms(field: str, values: tuple[str, ...]) -> dict[str, Any]:
    return {"term": {field: values[0]}} if len(values) == 1 else {"terms": {field: list(values)}}


def filter_clauses(params: SearchParams, *, nested_events: bool = True) -> list[dict[str, Any]]:
    """Filters (no scoring): keyword facets, date range (whole days, inclusive), relevance.

    The event filters go into one nested query: "receiving GT and population MX" means one
    event with both, not a GT event and an MX event of the same document.
    """
    clauses: list[dict[str, Any]] = []
    on_events: list[dict[str, Any]] = []
    for name, values in params.filters().items():
        clause = _terms(FACET_FIELDS[name], values)
        (on_events if name in EVENT_FACETS and nested_events else clauses).append(clause)
    if on_events:
        clauses.append({"nested": {"path": EVENTS_PATH, "query": {"bool": {"filter": on_events}}}})
    if params.since or params.until:
        bounds: dict[str, str] = {}
        if params.since:
            bounds["gte"] = f"{params.since.isoformat()}||/d"
        if params.until:
            bounds["lte"] = f"{params.until.isoformat()}||/d"
        clauses.append({"range": {"published": bounds}})
    if params.relevant:
        clauses.append({"term": {"relevant": True}})
    if params.cluster:
        clauses.append({"term": {"cluster_id": params.cluster}})
    return clauses


def facet_aggs(params: SearchParams, *, size: int = 30) -> dict[str, Any]:
    """Terms facets for every filter plus a date histogram. The event facets read the event
    fields copied flat onto each document (`include_in_root`), so they count documents (a
    document with two GT events counts once) without a nested aggregation's cost."""
    aggs: dict[str, Any] = {name: {"terms": {"field": field, "size": size}} for name, field in FACET_FIELDS.items()}
    aggs["published"] = {
        "date_histogram": {"field": "published", "calendar_interval": params.histogram_interval,
                           "min_doc_count": 1, "format": "yyyy-MM-dd"}
    }
    return aggs


def _matched(field: str) -> list[str]:
    return [field, *(name for name in TWINS if name.startswith(f"search_{field}_"))]


def highlight_spec() -> dict[str, Any]:
    """Snippets: HTML-encoded text with `<mark>` around hits (the only markup they carry).

    Title and text are highlighted with the matches of their folded twins as well
    (`matched_fields`: the twins are offset-aligned, see `index/analysis.py`), so the query
    "Mexico" marks the original word "México". (The highlighter marks every term of the query
    that a field holds, whatever clause it came from: each language's stems are therefore only
    ever looked for in that language's twins, which other documents leave empty.)
    """
    return {
        "encoder": "html",
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "fields": {
            "title": {"number_of_fragments": 0, "matched_fields": _matched("title")},
            "text": {"fragment_size": 180, "number_of_fragments": 2, "no_match_size": 180,
                     "matched_fields": _matched("text")},
            **{f: {"fragment_size": 180, "number_of_fragments": 2} for f in HIGHLIGHT_FIELDS[1:]},
        },
    }


def sort_spec(sort: str) -> list[Any]:
    by_date = {"published": {"order": "desc", "missing": "_last", "unmapped_type": "date"}}
    return ["_score", by_date] if sort == "relevance" else [by_date, "_score"]


def search_request(
    params: SearchParams, *, pit: str | None = None, search_after: list[Any] | None = None,
    nested_events: bool = True,
) -> dict[str, Any]:
    """The search body for one page of documents.

    Without `pit`: page `params.page` by `from`/`size`, syndicated copies collapsed (when
    `params.collapse`), facets included. With `pit`: the next `size` documents after
    `search_after` in the point in time, uncollapsed (Elasticsearch cannot combine collapse
    with `search_after` on other sorts); facets only on the first cursor page.
    """
    text = params.text.strip()
    body: dict[str, Any] = {
        "query": {
            "bool": {
                "must": [text_query(text, lang=params.lang, nested_events=nested_events)] if text
                else [{"match_all": {}}],
                "filter": filter_clauses(params, nested_events=nested_events),
            }
        },
        "size": params.size,
        "sort": sort_spec(params.sort),
        "track_total_hits": True,
        "_source": SOURCE_FIELDS,
        "highlight": highlight_spec(),
    }
    if params.facets and search_after is None:
        body["aggs"] = facet_aggs(params)
    if pit is not None:
        body["pit"] = {"id": pit, "keep_alive": PIT_KEEP_ALIVE}
        if search_after is not None:
            body["search_after"] = search_after
        return body
    body["from"] = (params.page - 1) * params.size
    if params.collapse and not params.cluster:
        body["collapse"] = {"field": "cluster_id", "inner_hits": {"name": "similar", "size": 0}}
        # Documents without a cluster id would collapse into one group: count them to notice.
        missing = {"bool": {"must_not": [{"exists": {"field": "cluster_id"}}]}}
        body.setdefault("aggs", {})[UNCLUSTERED] = {"filter": missing}
    return body


def page_requests(params: SearchParams, *, nested_events: bool = True) -> tuple[dict[str, Any], dict[str, Any]]:
    """Page mode as two bodies for one multi-search: the page, and what is counted over every match.

    - The page: `search_request`'s hits, highlights and collapse, without aggregations and
      without an exact total, so Elasticsearch may skip documents that cannot make the page.
    - The counts: the exact total, the facets and the unclustered check, `size: 0`. Elasticsearch's
      shard request cache keeps such an answer until the index next changes, so the facets of
      a search many people run (the newest documents, a common word) are counted once per
      refresh, not once per request. At 1,000,000 documents the facets were two thirds of a
      broad search's time (docs/BENCHMARKS.md, "Search at a million documents").
    """
    body = search_request(params, nested_events=nested_events)
    aggs = body.pop("aggs", None)
    body["track_total_hits"] = False
    counts: dict[str, Any] = {"size": 0, "query": body["query"], "track_total_hits": True}
    if aggs:
        counts["aggs"] = aggs
    return body, counts


def encode_cursor(pit: str, after: list[Any]) -> str:
    """An opaque cursor for the next page: the point in time and the last hit's sort values."""
    raw = json.dumps({"pit": pit, "after": after}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, list[Any]]:
    """Inverse of `encode_cursor`; ValueError for anything that is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise ValueError("not a search cursor") from exc
    pit, after = (data.get("pit"), data.get("after")) if isinstance(data, dict) else (None, None)
    if not isinstance(pit, str) or not 0 < len(pit) <= 4096 or not isinstance(after, list) or len(after) > 4:
        raise ValueError("not a search cursor")
    if not all(v is None or isinstance(v, (int, float, str)) for v in after):
        raise ValueError("not a search cursor")
    return pit, after
