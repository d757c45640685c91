"""The delivery ledger: plan one alert per (subscription, finding), then send each exactly once.

Planning creates each ledger entry with `op_type=create` under a deterministic id, then marks
the finding planned; a crash in between re-plans harmlessly (the create conflicts).
Delivery claims a pending entry (pending → sending, compare-and-set, so two runs cannot both
send it), sends, and marks it sent with its Message-ID. A failed send puts it back to pending
with one more attempt; the next run retries. An entry left in `sending` by a crash during the
SMTP transaction is not resent (a second email is worse than a late one): it is reported by
`stuck_alerts()` for an operator to check. Guarantee: at most one email per entry, and
exactly one whenever the process survives the send.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from monitor.alerts.mailer import build_message, send
from monitor.alerts.matching import matches
from monitor.alerts.render import render_alert
from monitor.errors import MailError
from monitor.index.repository import Repository, utcnow
from monitor.models import Finding, Subscription
from monitor.settings import Settings

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 20


@dataclass(frozen=True)
class DeliveryReport:
    planned: int = 0
    sent: int = 0
    failed: int = 0


def alert_id(subscription_id: str, finding_id: str) -> str:
    return hashlib.sha256(f"{subscription_id}|{finding_id}".encode()).hexdigest()[:40]


def finding_from_record(record: dict) -> Finding:
    published = record.get("published")
    return Finding(
        id=record["id"], action=record["action"], receiving=record["receiving"],
        population=record.get("population"), evidence=record.get("evidence", ""),
        document_id=record.get("document_id", ""), url=record.get("url", ""), title=record.get("title", ""),
        published=dt.datetime.fromisoformat(published) if published else None,
        affected_count=record.get("affected_count"),
    )


def plan_alerts(repo: Repository) -> int:
    """Create ledger entries for every finding not yet planned; returns how many were created."""
    subscriptions = [Subscription.model_validate(s) for s in repo.subscriptions()]
    created = 0
    for record in repo.unplanned_findings():
        finding = finding_from_record(record)
        for sub in subscriptions:
            if sub.digest or not matches(finding, sub):
                continue  # digests are assembled separately, once a day
            body = {
                "subscription_id": sub.id, "email": sub.email, "finding_id": finding.id,
                "finding": {**record, "published": record.get("published")},
                "status": "pending", "attempts": 0, "created": utcnow().isoformat(),
            }
            if repo.create_alert(alert_id(sub.id, finding.id), body):
                created += 1
        repo.mark_finding_planned(finding.id)
    return created


def deliver_pending(repo: Repository, settings: Settings) -> DeliveryReport:
    """Send every pending alert once; failures stay pending for the next run."""
    sent = failed = 0
    for alert in repo.alerts_in_status("pending"):
        if alert.get("attempts", 0) >= MAX_ATTEMPTS:
            continue
        claimed = repo.transition_alert(alert, {"status": "sending"})
        if claimed is None:
            continue  # another run is delivering it
        finding = finding_from_record({"id": alert["finding_id"], **alert["finding"]})
        domain = settings.smtp_from.rsplit("@", 1)[-1].strip(">") or "asylum-monitor.invalid"
        message_id = f"<{alert['id']}@{domain}>"
        message = build_message(
            render_alert(finding), sender=settings.smtp_from, recipient=alert["email"],
            message_id=message_id, finding_headers=[finding.header],
        )
        try:
            send(message, host=settings.smtp_host, port=settings.smtp_port)
        except MailError as exc:
            logger.warning("alert %s not sent: %s", alert["id"], exc)
            repo.transition_alert(
                claimed, {"status": "pending", "attempts": alert.get("attempts", 0) + 1, "last_error": str(exc)}
            )
            failed += 1
            continue
        repo.transition_alert(
            claimed, {"status": "sent", "attempts": alert.get("attempts", 0) + 1,
                      "sent_at": utcnow().isoformat(), "message_id": message_id},
        )
        sent += 1
    return DeliveryReport(sent=sent, failed=failed)


def stuck_alerts(repo: Repository, *, older_than: dt.timedelta = dt.timedelta(minutes=10)) -> list[dict]:
    """Entries left in `sending` by a crash mid-send, for an operator to check."""
    cutoff = utcnow() - older_than
    return [a for a in repo.alerts_in_status("sending") if dt.datetime.fromisoformat(a["updated"]) < cutoff]
