"""Query bodies of the bookkeeping reads (pure): documents the pipeline already knows, their
near-duplicates and versions, knowledge records, the alert ledger, retention.

Each builder returns the `query` (and where it matters `sort`/`_source`) of one request; the
stores in `monitor.index` send them. Lists given to a builder must already be cut to the
cluster's limits (`monitor.index.client.chunks`): a builder never truncates silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from monitor.index.mappings import TWINS
from monitor.index.queries.search import MAX_WINDOW
from monitor.index.queries.text import full_text

#: Fields a near-duplicate candidate carries back (enough to verify it on its text).
NEAR_DUPLICATE_FIELDS = ["title", "text", "cluster_id", "dedup_bands"]
#: Fields of a document shown as one source of a finding.
SOURCE_LINK_FIELDS = ["title", "url", "published", "source_id", "cluster_id", "lang", "authority", "publisher",
                      "source_kind", "brief"]


def known_documents(ids: Sequence[str], urls: Sequence[str]) -> dict[str, Any] | None:
    """Documents with one of `ids`, or whose `url` or `canonical_url` is one of `urls`
    (None when both are empty): how a listing's entries find what is already stored. Without
    the folded twins, which every write computes again."""
    should: list[dict[str, Any]] = []
    if ids:
        should.append({"ids": {"values": list(ids)}})
    if urls:
        should += [{"terms": {"url": list(urls)}}, {"terms": {"canonical_url": list(urls)}}]
    if not should:
        return None
    return {"query": {"bool": {"should": should, "minimum_should_match": 1}},
            "size": min(MAX_WINDOW, 2 * (len(ids) + len(urls))), "_source": {"excludes": list(TWINS)}}


def near_duplicates(keys: Sequence[str], *, exclude: Sequence[str], size: int) -> dict[str, Any]:
    """Documents sharing the most band keys with `keys` (one constant-score clause per key, so
    the score counts shared bands), other than `exclude`."""
    return {
        "query": {"bool": {
            "should": [{"constant_score": {"filter": {"term": {"dedup_bands": key}}}} for key in keys],
            "minimum_should_match": 1,
            "must_not": [{"ids": {"values": list(exclude)}}],
        }},
        "size": size,
        "_source": NEAR_DUPLICATE_FIELDS,
    }


def versions_of(doc_id: str, *, size: int = 100) -> dict[str, Any]:
    """Superseded versions of one document, oldest first."""
    return {"query": {"term": {"document_id": doc_id}}, "size": size, "sort": [{"version": "asc"}]}


def unreconciled(size: int = 500) -> dict[str, Any]:
    """Documents whose events have not yet been merged into the knowledge index."""
    return {
        "query": {"bool": {"filter": [{"term": {"reconciled": False}}]}},
        "size": size,
        "sort": [{"fetched": "asc"}],
        "_source": ["url", "title", "published", "events", "affected_count", "source_id", "cluster_id", "authority",
                    "publisher", "lang", "withdrawals", "version", "effective_on", "comments_close_on", "brief"],
    }


def saved_query(query: str, ids: Sequence[str]) -> dict[str, Any]:
    """Which of `ids` match a subscriber's saved full-text query (no percolator in the core
    distribution, so the finding's documents are searched with it), matched as the search
    matches text (`queries/text.py`: folded, stemmed in each document's language)."""
    return {
        "query": {"bool": {"filter": [{"ids": {"values": list(ids)}}], "must": [full_text(query)]}},
        "size": len(ids), "_source": False,
    }


def cluster_members(clusters: Sequence[str], *, size: int) -> dict[str, Any]:
    """Documents of the given syndication clusters, oldest publication first."""
    return {"query": {"terms": {"cluster_id": list(clusters)}}, "size": size, "_source": SOURCE_LINK_FIELDS,
            "sort": [{"published": {"order": "asc", "missing": "_last"}}]}


def fetched_between(start: str, end: str, *, relevant_only: bool, size: int) -> dict[str, Any]:
    """Documents fetched in [start, end), oldest first (the digest's "new documents")."""
    filters: list[dict[str, Any]] = [{"range": {"fetched": {"gte": start, "lt": end}}}]
    if relevant_only:
        filters.append({"term": {"relevant": True}})
    return {"query": {"bool": {"filter": filters}}, "size": size,
            "_source": ["title", "url", "published", "source_id", "publisher", "brief"], "sort": [{"fetched": "asc"}]}


#: Knowledge records in the order they were reported: the document's date, then when the monitor learned them.
REPORTED_ORDER: list[Any] = [{"published": {"order": "asc", "missing": "_last"}}, {"first_seen": "asc"}]


def knowledge(
    *, receiving: Sequence[str] = (), population: Sequence[str] = (), action: Sequence[str] = (),
    size: int = 500,
) -> dict[str, Any]:
    """One page of knowledge records (events index) matching the filters, oldest report first."""
    return {
        "query": records_of(receiving=receiving, population=population, action=action),
        "size": max(1, min(size, MAX_WINDOW)),
        "sort": REPORTED_ORDER,
    }


def records_of(*, receiving: str | Sequence[str] | None = None, population: str | Sequence[str] | None = None,
               action: str | Sequence[str] | None = None) -> dict[str, Any]:
    """The query for the knowledge records of some partners, populations and/or actions (all when none)."""
    filters = []
    for field, values in (("receiving", receiving), ("population", population), ("action", action)):
        chosen = [values] if isinstance(values, str) else list(values or ())
        if chosen:
            filters.append({"terms": {field: [v if field == "action" else v.upper() for v in chosen]}})
    return {"bool": {"filter": filters}} if filters else {"match_all": {}}


def with_deadlines(size: int = 500) -> dict[str, Any]:
    """Documents that state a comment deadline or an effective date as data, latest first."""
    return {"query": {"bool": {"should": [{"exists": {"field": "comments_close_on"}}, {"exists": {"field": "effective_on"}}],
                               "minimum_should_match": 1}},
            "size": size, "_source": ["title", "url", "comments_close_on", "effective_on", "events"],
            "sort": [{"published": {"order": "desc", "missing": "_last"}}]}


def supported_by(document_id: str) -> dict[str, Any]:
    """The query for knowledge records that list a document among their sources."""
    return {"term": {"sources.document_id": document_id}}


def latest_findings(size: int = 100) -> dict[str, Any]:
    """The most recently learned knowledge records."""
    return {"query": {"match_all": {}}, "size": size, "sort": [{"first_seen": "desc"}]}


def unplanned_findings(size: int = 500) -> dict[str, Any]:
    """Findings whose alert ledger entries have not all been created yet."""
    return {"query": {"term": {"alerts_planned": False}}, "size": size, "sort": [{"first_seen": "asc"}]}


def first_seen_between(start: str, end: str, *, size: int = 1000) -> dict[str, Any]:
    """Knowledge records first learned in [start, end), or that changed status then (a held
    finding approved that day, a reported one confirmed): a day's digest."""
    return {"query": {"bool": {"should": [{"range": {"first_seen": {"gte": start, "lt": end}}},
                                          {"range": {"history.at": {"gte": start, "lt": end}}}],
                               "minimum_should_match": 1}},
            "size": size, "sort": [{"first_seen": "asc"}]}


def in_status(status: str) -> dict[str, Any]:
    """The query for alert ledger entries in one delivery status."""
    return {"term": {"status": status}}


def superseded_before(cutoff: str) -> dict[str, Any]:
    """The query for document versions superseded before `cutoff` (retention)."""
    return {"range": {"superseded": {"lt": cutoff}}}
