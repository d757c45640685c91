"""Daily digests: one email per digest subscriber per day, grouping the day's matching findings
and the day's new relevant documents. Each digest is one ledger record (`op_type=create`,
id from subscription and day), delivered like any alert, so a rerun never sends it twice."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from monitor.alerts.delivery import day_bounds, deliver_pending, finding_from_record, subscriptions, wants
from monitor.dates import utcnow
from monitor.index import Repository
from monitor.models import Subscription
from monitor.provenance import is_public
from monitor.settings import Settings


logger = logging.getLogger(__name__)


def digest_id(subscription_id: str, day: dt.date) -> str:
    return hashlib.sha256(f"{subscription_id}|digest|{day.isoformat()}".encode()).hexdigest()[:40]


def sendable_since(record: dict, sub: Subscription) -> str | None:
    """When a record became sendable to `sub` (ISO time), or None if it never did."""
    wanted = ("confirmed",) if sub.when == "confirmed" else ("reported", "confirmed")
    history = record.get("history") or []
    if not history:  # lifecycle facts, and findings from before statuses
        return record.get("first_seen") if sub.when != "confirmed" else None
    return next((h["at"] for h in history if h.get("to") in wanted), None)


def plan_digests(repo: Repository, *, day: dt.date) -> int:
    """Create the day's digest records (none for subscribers with nothing new)."""
    start, end = day_bounds(day)
    records = repo.findings.first_seen_between(start, end)
    documents = repo.documents.fetched_between(start, end)
    created = 0
    for sub in subscriptions(repo, digest=True):
        # Held and rejected findings are never sent; a finding enters the digest of the day it
        # became sendable (learned, or approved/released later; confirmed, for a subscriber who
        # waits for confirmation).
        chosen = [r for r in records if is_public(r) and start <= (sendable_since(r, sub) or "") < end
                  and wants(repo, finding_from_record(r), r, sub)]
        if not chosen and not documents:
            continue
        body = {
            "subscription_id": sub.id, "email": sub.email, "finding_id": f"digest:{day.isoformat()}",
            "kind": "digest", "channel": "email", "status": "pending", "attempts": 0,
            "finding": {"day": day.isoformat(), "findings": chosen, "documents": documents},
            "created": utcnow().isoformat(), "next_try": utcnow().isoformat(),
        }
        if repo.ledger.create(digest_id(sub.id, day), body):
            created += 1
    return created


def send_digests(repo: Repository, settings: Settings, *, day: dt.date) -> int:
    """Plan and deliver the digests of `day`; returns how many digest records were created."""
    created = plan_digests(repo, day=day)
    report = deliver_pending(repo, settings)
    logger.info("digests for %s: %d planned, %d sent, %d failed", day, created, report.sent, report.failed)
    return created
