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

logger = logging.getLogger(__name__)


def finding_id(action: str, receiving: str, population: str | None) -> str:
    """The knowledge record id of an event, e.g. `made_amenable:GT:MX`."""
    return f"{action}:{receiving}:{population or '-'}"


def reconcile(repo: Repository) -> list[str]:
    """Merge unreconciled documents' events into the knowledge index; return new finding ids.

    Only `made_amenable` pairs are findings that alert; lifecycle events are recorded as
    knowledge with alerts already planned (none).
    """
    new: list[str] = []
    for doc in repo.unreconciled_documents():
        for event in doc.get("events") or []:
            record_id = finding_id(event["action"], event["receiving"], event.get("population"))
            source = {"document_id": doc["id"], "url": doc["url"], "evidence": event["evidence"],
                      "seen": utcnow().isoformat()}
            body = {
                "action": event["action"], "receiving": event["receiving"], "population": event.get("population"),
                "evidence": event["evidence"], "first_seen": utcnow().isoformat(), "document_id": doc["id"],
                "url": doc["url"], "title": doc.get("title", ""), "published": doc.get("published"),
                "affected_count": doc.get("affected_count"),
                "alerts_planned": event["action"] != "made_amenable", "sources": [source],
            }
            if repo.create_finding(record_id, body):
                if event["action"] == "made_amenable":
                    new.append(record_id)
            else:
                repo.add_finding_source(record_id, source)
        repo.mark_reconciled([doc["id"]])
    return new
