"""Query builders: pure functions that return Elasticsearch request bodies as dicts."""

from __future__ import annotations

import datetime as dt
from typing import Any


def search_body(
    text: str,
    *,
    receiving: str | None = None,
    population: str | None = None,
    since: dt.date | None = None,
    size: int = 20,
) -> dict[str, Any]:
    """Full-text search over documents, safe for user input (`simple_query_string`)."""
    must: list[dict[str, Any]] = []
    if text.strip():
        must.append(
            {
                "simple_query_string": {
                    "query": text,
                    "fields": ["title^3", "text", "events.evidence^2"],
                    "default_operator": "and",
                    "flags": "AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE",
                }
            }
        )
    filters: list[dict[str, Any]] = []
    if receiving:
        filters.append({"term": {"events.receiving": receiving.upper()}})
    if population:
        filters.append({"term": {"events.population": population.upper()}})
    if since:
        filters.append({"range": {"published": {"gte": since.isoformat()}}})
    return {
        "query": {"bool": {"must": must or [{"match_all": {}}], "filter": filters}},
        "size": max(1, min(size, 100)),
        "_source": ["title", "url", "published", "source_id", "lang", "events"],
        "highlight": {
            "fields": {"text": {"fragment_size": 160, "number_of_fragments": 2}},
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
        },
    }


def unreconciled_body(size: int = 500) -> dict[str, Any]:
    """Documents whose events have not yet been merged into the knowledge index."""
    return {
        "query": {"bool": {"filter": [{"term": {"reconciled": False}}]}},
        "size": size,
        "sort": [{"fetched": "asc"}],
        "_source": ["url", "title", "published", "events", "affected_count"],
    }


def status_body(status: str, size: int = 500) -> dict[str, Any]:
    """Alert ledger entries in one delivery status, oldest first."""
    return {"query": {"term": {"status": status}}, "size": size, "sort": [{"created": "asc"}]}


def unplanned_findings_body(size: int = 500) -> dict[str, Any]:
    """Findings whose alert ledger entries have not all been created yet."""
    return {"query": {"term": {"alerts_planned": False}}, "size": size, "sort": [{"first_seen": "asc"}]}
