"""The delivery ledger: plan one record per (subscription, finding) and channel, then send
each exactly once.

Planning creates each ledger record with `op_type=create` under a deterministic id, then marks
the finding planned; a crash in between re-plans harmlessly (the create conflicts).
Delivery claims a due pending record (pending → sending, compare-and-set on seq_no, so two
runs cannot both send it), re-reads the subscription (an unsubscribed one cancels the record),
sends, and marks it sent with the SMTP Message-ID. A failed send goes back to pending with one
more attempt and a `next_try` that backs off exponentially; the next run retries.

A record left in `sending` by a crash during the SMTP transaction is never resent
automatically — the mail server may or may not have accepted it, and a second email is worse
than a late one — it is listed by `stuck_alerts()` (and `monitor alerts`) for an
operator, who can re-queue it. Guarantee: never two emails for one record; exactly one
whenever the process survives the send; failures are retried until MAX_ATTEMPTS.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import quote

from monitor.alerts import channels
from monitor.alerts.mailer import build_message, send
from monitor.alerts.matching import matches
from monitor.alerts.render import Links, RenderedEmail, SourceLink, render_alert, render_digest
from monitor.alerts.subscriptions import mail_domain, unsubscribe_link
from monitor.dates import parse_datetime, utcnow
from monitor.errors import MailError
from monitor.index import Repository
from monitor.models import Finding, Subscription
from monitor.provenance import QUIET, describe
from monitor.settings import Settings

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
MAX_BACKOFF = dt.timedelta(hours=6)


@dataclass(frozen=True)
class DeliveryReport:
    planned: int = 0
    sent: int = 0
    failed: int = 0
    cancelled: int = 0


def alert_id(subscription_id: str, finding_id: str, channel: str = "email") -> str:
    suffix = "" if channel == "email" else f"|{channel}"
    return hashlib.sha256(f"{subscription_id}|{finding_id}{suffix}".encode()).hexdigest()[:40]


def finding_from_record(record: dict) -> Finding:
    return Finding(
        id=record["id"], action=record["action"], receiving=record["receiving"],
        population=record.get("population"), evidence=record.get("evidence", ""),
        document_id=record.get("document_id", ""), url=record.get("url", ""), title=record.get("title", ""),
        published=parse_datetime(record.get("published")), affected_count=record.get("affected_count"),
        evidence_brief=bool(record.get("brief")),
    )


def subscriptions(repo: Repository, *, digest: bool | None = None) -> list[Subscription]:
    subs = [Subscription.model_validate(s) for s in repo.subscriptions.all()]
    return [s for s in subs if s.confirmed and (digest is None or s.digest == digest)]


def wants(repo: Repository, finding: Finding, record: dict, sub: Subscription) -> bool:
    """Filters (pure) and, for a saved query, a search restricted to the finding's documents."""
    if not matches(finding, sub):
        return False
    if sub.query:
        ids = sorted({s["document_id"] for s in record.get("sources") or []} | {finding.document_id})
        return bool(repo.documents.matching(sub.query, ids))
    return True


def _channels(sub: Subscription) -> tuple[str, ...]:
    return ("email", *(f"apprise:{i}" for i in range(len(sub.apprise_urls))))


def _ledger_body(sub: Subscription, finding_id: str, snapshot: dict, *, kind: str, channel: str,
                 replies_to: str | None = None) -> dict:
    body = {
        "subscription_id": sub.id, "email": sub.email, "finding_id": finding_id, "kind": kind,
        "channel": channel, "finding": snapshot, "status": "pending", "attempts": 0,
        "created": utcnow().isoformat(), "next_try": utcnow().isoformat(),
    }
    if replies_to:
        body["replies_to"] = replies_to
    return body


def _plan_one(repo: Repository, sub: Subscription, finding_id: str, snapshot: dict, channel: str) -> int:
    """The record a subscriber is due for this finding now: the alert itself, or (a finding that
    became confirmed after the alert was planned as reported) one short confirmed follow-up."""
    first = alert_id(sub.id, finding_id, channel)
    if repo.ledger.create(first, _ledger_body(sub, finding_id, snapshot, kind="finding", channel=channel)):
        return 1
    if snapshot.get("status") != "confirmed":
        return 0
    earlier = repo.ledger.get(first)
    if earlier is None or (earlier.get("finding") or {}).get("status") == "confirmed":
        return 0  # the subscriber's alert already said "confirmed"
    follow_up = alert_id(sub.id, f"{finding_id}#confirmed", channel)
    return int(repo.ledger.create(follow_up, _ledger_body(sub, finding_id, snapshot, kind="confirmed",
                                                          channel=channel, replies_to=first)))


def _plan_retraction(repo: Repository, finding_id: str, snapshot: dict) -> tuple[int, bool]:
    """A retracted finding: one follow-up to every subscriber whose alert was sent, threaded to
    it; an alert (or confirmed follow-up) not yet sent is cancelled instead. Returns (records
    created, settled): not settled while a record is being sent, so the next run looks again."""
    created, settled = 0, True
    for record in repo.ledger.for_finding(finding_id):
        kind = record.get("kind") or "finding"
        if kind == "retracted":
            continue
        if record["status"] == "pending":
            if repo.ledger.transition(record, {"status": "cancelled", "last_error": "finding retracted before it "
                                                                                   "was sent"}) is None:
                settled = False
        elif record["status"] == "sending":
            settled = False
        elif record["status"] == "sent" and kind == "finding":
            body = {**{k: v for k, v in record.items() if not k.startswith("_") and k != "id"},
                    "kind": "retracted", "finding": snapshot, "status": "pending", "attempts": 0,
                    "created": utcnow().isoformat(), "next_try": utcnow().isoformat(), "replies_to": record["id"]}
            for key in ("sent_at", "message_id", "last_error", "updated"):
                body.pop(key, None)
            sub_id, channel = record["subscription_id"], record.get("channel") or "email"
            created += int(repo.ledger.create(alert_id(sub_id, f"{finding_id}#retracted", channel), body))
    return created, settled


def plan_alerts(repo: Repository) -> int:
    """Create ledger records for every finding not yet planned in its current status; returns
    how many were created. Held and rejected findings plan nothing (monitor/review.py); a
    subscriber who chose `confirmed` gets nothing until a government source confirms it."""
    instant = subscriptions(repo, digest=False)
    created = 0
    unplanned = repo.findings.unplanned()
    for record in unplanned:
        status = record.get("status") or "reported"
        snapshot = {k: v for k, v in record.items() if not k.startswith("_") and k != "id"}
        snapshot["status"] = status
        if status == "retracted":
            done, settled = _plan_retraction(repo, record["id"], snapshot)
            created += done
            if settled:
                repo.findings.mark_planned(record, refresh=False)
            continue
        if status not in QUIET:
            finding = finding_from_record(record)
            for sub in instant:
                if sub.when == "confirmed" and status != "confirmed":
                    continue
                if not wants(repo, finding, record, sub):
                    continue
                for channel in _channels(sub):
                    created += _plan_one(repo, sub, finding.id, snapshot, channel)
        # Compare-and-set: a decision or a source merged since this read is planned next run.
        repo.findings.mark_planned(record, refresh=False)
    if unplanned:
        repo.findings.refresh()  # once for all the marks: the next run's search sees them
    return created


def finding_url(base: str, finding_id: str) -> str:
    """The finding's own page (`/findings/{id}`), linked from every email."""
    return f"{base.rstrip('/')}/findings/{quote(finding_id, safe='')}"


def _unsubscribe(settings: Settings, sub: Subscription) -> str:
    return unsubscribe_link(settings.public_url.rstrip("/"), settings.signing_key(), sub.id)


def _links(settings: Settings, sub: Subscription, finding: Finding | None, *, unsubscribe: str) -> Links:
    base = settings.public_url.rstrip("/")
    return Links(
        unsubscribe=unsubscribe,
        timeline=f"{base}/timeline?receiving={finding.receiving}" if finding else f"{base}/timeline",
        finding=finding_url(base, finding.id) if finding else "",
    )


def _source_links(repo: Repository, record: dict, finding: Finding) -> list[SourceLink]:
    ids = [s["document_id"] for s in record.get("sources") or []] or [finding.document_id]
    links = [
        SourceLink(title=d.get("title") or d.get("url", ""), url=d.get("url", ""), published=parse_datetime(d.get("published")),
                   source_id=d.get("source_id", ""), id=d.get("id", ""), publisher=d.get("publisher") or "",
                   brief=bool(d.get("brief")))
        for d in repo.documents.with_clusters(ids)
    ]
    return links or [SourceLink(title=finding.title, url=finding.url, published=finding.published)]


def compose(repo: Repository, settings: Settings, alert: dict, sub: Subscription, *,
            unsubscribe: str | None = None) -> RenderedEmail:
    """Render the email (or notification text) of one ledger record. `unsubscribe` is the
    signed link the List-Unsubscribe header carries too (a signed link is timestamped: made
    twice, a second apart, the body's and the header's would differ)."""
    unsubscribe = unsubscribe or _unsubscribe(settings, sub)
    links = _links(settings, sub, None, unsubscribe=unsubscribe)
    if alert.get("kind") == "digest":
        payload = alert["finding"]
        findings = [finding_from_record(r) for r in payload.get("findings", [])]
        documents = [SourceLink(title=d.get("title", ""), url=d.get("url", ""), published=parse_datetime(d.get("published")),
                                publisher=d.get("publisher") or "", brief=bool(d.get("brief")))
                     for d in payload.get("documents", [])]
        return render_digest(language=sub.language, day=dt.date.fromisoformat(payload["day"]), findings=findings,
                             documents=documents, links=links)
    record = {"id": alert["finding_id"], **alert["finding"]}
    finding = finding_from_record(record)
    kind = alert.get("kind") or "finding"
    status = kind if kind in ("confirmed", "retracted") else (record.get("status") or "reported")
    quoted = {"confirmed": _confirming_evidence(record),
              "retracted": (record.get("retraction") or {}).get("evidence", "")}.get(kind, "")
    return render_alert(finding, language=sub.language, sources=_source_links(repo, record, finding),
                        links=_links(settings, sub, finding, unsubscribe=unsubscribe), status=status,
                        status_text=describe({**record, "status": status}, sub.language), kind=kind,
                        confirming=quoted, effective=record.get("effective"), comments_close=record.get("comments_close"))


def _confirming_evidence(record: dict) -> str:
    """The evidence of the document that confirmed a finding (quoted in the follow-up)."""
    by = (record.get("confirmed_by") or {}).get("document_id")
    return next((s.get("evidence", "") for s in record.get("sources") or [] if s.get("document_id") == by), "")


def _deliver_one(repo: Repository, settings: Settings, alert: dict, sub: Subscription) -> str:
    """Send one claimed record; returns the Message-ID (or channel receipt)."""
    unsubscribe = _unsubscribe(settings, sub)
    rendered = compose(repo, settings, alert, sub, unsubscribe=unsubscribe)
    channel = alert.get("channel") or "email"
    if channel.startswith("apprise:"):
        index = int(channel.split(":", 1)[1])
        channels.notify(sub.apprise_urls[index], title=rendered.subject, body=rendered.text)
        return f"apprise:{index}"
    domain = mail_domain(settings.smtp_from)
    message_id = f"<{alert['id']}@{domain}>"
    # A follow-up threads to the subscriber's alert: its Message-ID is deterministic.
    replies_to = f"<{alert['replies_to']}@{domain}>" if alert.get("replies_to") else None
    message = build_message(
        rendered, sender=settings.smtp_from, recipient=sub.email, message_id=message_id,
        unsubscribe_url=unsubscribe, in_reply_to=replies_to,
    )
    send(message, settings)
    return message_id


def deliver_pending(repo: Repository, settings: Settings) -> DeliveryReport:
    """Send every due pending record once; failures stay pending for a later run."""
    sent = failed = cancelled = 0
    now = utcnow()
    for alert in repo.ledger.in_status("pending"):
        attempts = int(alert.get("attempts") or 0)
        next_try = parse_datetime(alert.get("next_try"))
        if attempts >= MAX_ATTEMPTS or (next_try and next_try > now):
            continue
        claimed = repo.ledger.transition(alert, {"status": "sending"})
        if claimed is None:
            continue  # another run is delivering it
        stored = repo.subscriptions.get(alert["subscription_id"])
        sub = Subscription.model_validate(stored) if stored else None
        if sub is None or not sub.confirmed:
            repo.ledger.transition(claimed, {"status": "cancelled", "last_error": "unsubscribed"})
            cancelled += 1
            continue
        try:
            receipt = _deliver_one(repo, settings, alert, sub)
        except MailError as exc:
            # The first retry is due at the next run; then 1, 2, 4… minutes, at most 6 hours.
            backoff = min(dt.timedelta(minutes=2 ** (attempts - 1)) if attempts else dt.timedelta(0), MAX_BACKOFF)
            logger.warning("alert %s not sent (attempt %d): %s", alert["id"], attempts + 1, exc)
            repo.ledger.transition(claimed, {
                "status": "pending", "attempts": attempts + 1, "last_error": str(exc),
                "next_try": (utcnow() + backoff).isoformat(),
            })
            failed += 1
            continue
        repo.ledger.transition(claimed, {"status": "sent", "attempts": attempts + 1,
                                        "sent_at": utcnow().isoformat(), "message_id": receipt})
        sent += 1
    return DeliveryReport(sent=sent, failed=failed, cancelled=cancelled)


def retry_now(repo: Repository) -> int:
    """Make every pending record due at once (operator action after an outage is fixed)."""
    count = 0
    for alert in repo.ledger.in_status("pending"):
        if repo.ledger.transition(alert, {"next_try": utcnow().isoformat()}) is not None:
            count += 1
    return count


#: The states of a ledger record, in the order operators read them.
STATUSES = ("pending", "sending", "sent", "cancelled")


def ledger_counts(repo: Repository) -> dict[str, int]:
    """How many ledger records are in each state (`monitor alerts`, the operator page)."""
    return {status: repo.ledger.count(status) for status in STATUSES}


def stuck_alerts(repo: Repository, *, older_than: dt.timedelta = dt.timedelta(minutes=10)) -> list[dict]:
    """Records left in `sending` by a crash mid-send, for an operator to check."""
    cutoff = utcnow() - older_than
    return [a for a in repo.ledger.in_status("sending") if (parse_datetime(a.get("updated")) or cutoff) < cutoff]


def requeue(repo: Repository, alert_id_: str) -> bool:
    """Operator action: put a stuck record back to pending (it may then be sent a second time)."""
    for alert in repo.ledger.in_status("sending"):
        if alert["id"] == alert_id_:
            return repo.ledger.transition(alert, {"status": "pending", "next_try": utcnow().isoformat()}) is not None
    return False


def day_bounds(day: dt.date) -> tuple[str, str]:
    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    return start.isoformat(), (start + dt.timedelta(days=1)).isoformat()
