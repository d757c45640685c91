"""The knowledge index (`<prefix>-events`): one record per (action, receiving, population)
fact the monitor has learned, with its supporting documents; `made_amenable` records are the
findings that alert.

A record is created with `op_type=create`, so of two concurrent runs exactly one creates it;
a further supporting document is added by compare-and-set (the core distribution has no
painless scripts), retried when another writer changed the record in between.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from elasticsearch import Elasticsearch

from monitor.errors import IndexError_
from monitor.index import client as es
from monitor.index.mappings import IndexNames
from monitor.index.queries import records

_CAS_ATTEMPTS = 5


class FindingStore:
    """Reads and writes of the knowledge records."""

    def __init__(self, client: Elasticsearch, names: IndexNames) -> None:
        self.client = client
        self.index = names.events

    def create(self, finding_id: str, body: dict[str, Any]) -> bool:
        """Create a knowledge record; True when it is new, False when it was already known."""
        return es.create_once(self.client, self.index, finding_id, body, what=f"finding {finding_id}")

    def add_source(self, finding_id: str, source: dict[str, Any],
                   changes: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] | None = None) -> bool:
        """Add a supporting document to a known record; False when it already lists it.
        `changes(record, source)` gives the whole update (the appended source and any change of
        status, monitor.review.after_source); by default the source is only appended."""
        def update(current: dict[str, Any]) -> dict[str, Any]:
            sources = current.get("sources", [])
            if any(s.get("document_id") == source["document_id"] for s in sources):
                return {}
            return changes(current, source) if changes else {"sources": [*sources, source]}

        return self._compare_and_set(finding_id, update, must_exist=True) is not None

    def change(self, finding_id: str, changes: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any] | None:
        """Apply `changes(record)` by compare-and-set, again if another writer got there first;
        the new record, or None when the record does not exist or nothing changes."""
        return self._compare_and_set(finding_id, changes, must_exist=False)

    def _compare_and_set(self, finding_id: str, changes: Callable[[dict[str, Any]], dict[str, Any]], *,
                         must_exist: bool, current: dict[str, Any] | None = None,
                         refresh: bool = True) -> dict[str, Any] | None:
        """The loop of `change` and `add_source` (and `merge_many`, which passes the record it has
        already read as `current`): read, apply, write if unchanged, again on conflict."""
        for _attempt in range(_CAS_ATTEMPTS):
            if current is None:
                current = es.get_versioned(self.client, self.index, finding_id, what=f"finding {finding_id}",
                                           missing_ok=not must_exist)
                if current is None:
                    return None
            update = changes(current)
            if not update:
                return None
            if (done := self.update_if_unchanged(current, update, refresh=refresh)) is not None:
                return done
            current = None
        raise IndexError_(f"finding {finding_id} kept changing under concurrent updates")

    def update_if_unchanged(self, current: dict[str, Any], changes: dict[str, Any], *,
                            refresh: bool = True) -> dict[str, Any] | None:
        """Compare-and-set on a record read with `get_versioned` (None when it changed since)."""
        return es.update_if_unchanged(self.client, self.index, current, changes, what=f"finding {current['id']}",
                                      refresh=refresh)

    def merge_many(self, updates: dict[str, tuple[dict[str, Any] | None,
                                                  Callable[[dict[str, Any]], dict[str, Any]]]]) -> set[str]:
        """Write many records at once (reconciliation's batch): for each id, `(body, changes)`.
        A record that does not exist yet is created as `body` (None: it is not created);
        an existing one gets `changes(record)` by compare-and-set, again on conflict. The
        records are read in one real-time multi-get, written without a refresh each, and the
        index is refreshed once at the end (a refresh per write made a segment per write,
        and dominated the cost of reconciling on-topic documents). Returns the ids created."""
        created: set[str] = set()
        if not updates:
            return created
        current = es.mget_versioned(self.client, self.index, updates, what="findings")
        for finding_id, (body, changes) in updates.items():
            record = current.get(finding_id)
            if record is None:
                if body is None:
                    continue
                if es.create_once(self.client, self.index, finding_id, body, what=f"finding {finding_id}",
                                  refresh=False):
                    created.add(finding_id)
                    continue
                # created by another run since the multi-get: it is there to read
                record = es.get_versioned(self.client, self.index, finding_id, what=f"finding {finding_id}")
            self._compare_and_set(finding_id, changes, must_exist=False, current=record, refresh=False)
        self.refresh()
        return created

    def refresh(self) -> None:
        with es.translated("refresh findings"):
            self.client.indices.refresh(index=self.index)

    def supported_by(self, document_id: str) -> list[dict[str, Any]]:
        """Every record listing `document_id` among its sources (to withdraw what a new version
        of it no longer states)."""
        return es.search_all(self.client, self.index, records.supported_by(document_id), sort=[{"first_seen": "asc"}],
                             what=f"list findings of document {document_id}")

    def in_status(self, status: str) -> list[dict[str, Any]]:
        """Every finding in one status (the review queue is `held`), oldest first."""
        return es.search_all(self.client, self.index, {"term": {"status": status}}, sort=[{"first_seen": "asc"}],
                             what=f"list {status} findings")

    def get(self, finding_id: str) -> dict[str, Any] | None:
        return es.get_source(self.client, self.index, finding_id, what=f"finding {finding_id}")

    def unplanned(self, size: int = 500) -> list[dict[str, Any]]:
        """Findings whose alert ledger entries have not all been created yet, oldest first, each
        with the `_seq_no`/`_primary_term` that `mark_planned` compares."""
        with es.translated("search unplanned findings"):
            response = self.client.search(index=self.index,
                                          body={**records.unplanned_findings(size), "seq_no_primary_term": True})
        return [{"id": h["_id"], "_seq_no": h["_seq_no"], "_primary_term": h["_primary_term"], **h["_source"]}
                for h in response["hits"]["hits"]]

    def mark_planned(self, record: dict[str, Any], *, refresh: bool = True) -> bool:
        """Mark a finding read by `unplanned()` planned, unless it changed since (a decision or a
        new source made since must be planned again: False, and the next run does it). With
        `refresh=False` the caller refreshes once after marking many (`refresh()`)."""
        return self.update_if_unchanged(record, {"alerts_planned": True}, refresh=refresh) is not None

    def latest(self, size: int = 100) -> list[dict[str, Any]]:
        """The most recently learned records."""
        with es.translated("list findings"):
            return es.hits(self.client.search(index=self.index, body=records.latest_findings(size)))

    def records(self, *, receiving: str | Sequence[str] | None = None, action: str | Sequence[str] | None = None,
                reported_order: bool = False) -> list[dict[str, Any]]:
        """Every knowledge record (optionally of some partners and/or actions), all pages, in the order
        they were learned or (`reported_order`, for timelines) the order they were reported."""
        return es.search_all(self.client, self.index, records.records_of(receiving=receiving, action=action),
                             sort=records.REPORTED_ORDER if reported_order else [{"first_seen": "asc"}],
                             what="list knowledge records")

    def matching(self, *, receiving: tuple[str, ...] = (), population: tuple[str, ...] = (),
                 action: tuple[str, ...] = (), size: int = 500) -> list[dict[str, Any]]:
        """One page of records matching the filters, oldest report first (the API's events)."""
        body = records.knowledge(receiving=receiving, population=population, action=action, size=size)
        with es.translated("search knowledge"):
            return es.hits(self.client.search(index=self.index, body=body))

    def first_seen_between(self, start: str, end: str) -> list[dict[str, Any]]:
        with es.translated("list findings of a day"):
            return es.hits(self.client.search(index=self.index, body=records.first_seen_between(start, end)))
