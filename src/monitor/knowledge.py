"""The knowledge index: what the monitor has learned, one record per (action, receiving,
population), merged from documents' events (DESIGN.md step 8).

Reconciliation reads documents not yet reconciled, creates each event's record with
`op_type=create` (so of two concurrent runs exactly one creates it) or adds the document as
a further source, and only then marks the document reconciled; a crash in between is repaired
by the next run. A `made_amenable` pair created here is a *new finding*: it alerts.
"""

from __future__ import annotations

import logging

from monitor.index.repository import Repository, utcnow
from monitor.timeline import as_date, epoch_for, termination_dates

logger = logging.getLogger(__name__)


def finding_id(action: str, receiving: str, population: str | None) -> str:
    """The knowledge record id of an event, e.g. `made_amenable:GT:MX`."""
    return f"{action}:{receiving}:{population or '-'}"


def reconcile(repo: Repository) -> list[str]:
    """Merge unreconciled documents' events into the knowledge index; return new finding ids.

    Documents are taken oldest publication first, and within a document lifecycle events
    before `made_amenable`, so that a termination is known before a later re-admission is
    dated against it. Only `made_amenable` records alert; lifecycle records are knowledge.
    """
    new: list[str] = []
    while docs := repo.unreconciled_documents():
        docs.sort(key=lambda d: (d.get("published") or "", d.get("fetched") or ""))
        for doc in docs:
            events = sorted(doc.get("events") or [], key=lambda e: e["action"] == "made_amenable")
            for event in events:
                record_id = merge_event(repo, doc, event)
                if record_id:
                    new.append(record_id)
        # Marked after every event of the page is merged: a crash before this line re-merges
        # them next run, harmlessly (creates conflict, sources are de-duplicated by document).
        repo.mark_reconciled([doc["id"] for doc in docs])
    return new


def merge_event(repo: Repository, doc: dict, event: dict) -> str | None:
    """Record one event of one document; the new finding's id when it alerts, else None.

    A `made_amenable` pair gets a new epoch (and so a new record and a new alert) when the
    partner's agreement was terminated before this document's date.
    """
    action, receiving, population = event["action"], event["receiving"], event.get("population")
    record_id = finding_id(action, receiving, population)
    published = doc.get("published")
    epoch = ""
    if action == "made_amenable":
        terminations = termination_dates(repo.knowledge_records(receiving=receiving), receiving)
        epoch = epoch_for(terminations, as_date(published))
        if epoch:
            record_id = f"{record_id}@{epoch}"
    source = {
        "document_id": doc["id"], "url": doc["url"], "evidence": event["evidence"], "seen": utcnow().isoformat(),
        "published": published, "background": bool(event.get("background")),
    }
    body = {
        "action": action, "receiving": receiving, "population": population, "evidence": event["evidence"],
        "first_seen": utcnow().isoformat(), "document_id": doc["id"], "url": doc["url"],
        "title": doc.get("title", ""), "published": published, "affected_count": doc.get("affected_count"),
        "alerts_planned": action != "made_amenable", "sources": [source], "epoch": epoch,
    }
    if repo.create_finding(record_id, body):
        return record_id if action == "made_amenable" else None
    repo.add_finding_source(record_id, source)
    return None
