"""Subscription flows shared by the CLI and the web app: request (double opt-in email),
confirm, unsubscribe, operator add/remove. I/O goes through the repository and the mailer."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Mapping
from typing import Any

from monitor.alerts.backtest import WouldSend, backtest
from monitor.alerts.mailer import build_message, send
from monitor.alerts.render import render_confirmation
from monitor.alerts.subscriptions import (
    confirmation_link,
    confirmed_copy,
    describe_filters,
    mail_domain,
    stored,
    subscription_from_token,
    subscription_id,
    unsubscribe_id,
)
from monitor.index import Repository
from monitor.models import Subscription
from monitor.settings import Settings

logger = logging.getLogger(__name__)


def request_subscription(settings: Settings, sub: Subscription) -> str:
    """Email the confirmation link for `sub` (nothing is stored yet); returns the link."""
    link = confirmation_link(settings.public_url, settings.signing_key(), sub)
    rendered = render_confirmation(language=sub.language, link=link, filters=describe_filters(sub))
    token_hash = hashlib.sha256(link.encode()).hexdigest()[:24]
    message = build_message(
        rendered, sender=settings.smtp_from, recipient=sub.email,
        message_id=f"<confirm-{token_hash}@{mail_domain(settings.smtp_from)}>",
    )
    send(message, settings)
    return link


def confirm_subscription(repo: Repository, settings: Settings, token: str) -> Subscription:
    """Store the subscription a valid confirmation link carries, confirmed (idempotent)."""
    sub = confirmed_copy(subscription_from_token(settings.signing_key(), token))
    existing = repo.subscriptions.get(sub.id)
    if existing and existing.get("confirmed") and Subscription.model_validate(existing).model_copy(
        update={"confirmed_at": sub.confirmed_at, "created": sub.created}
    ) == sub:
        return Subscription.model_validate(existing)  # the same link followed twice
    repo.subscriptions.save(sub.id, stored(sub))
    return sub


def save_confirmed(repo: Repository, sub: Subscription) -> Subscription:
    """Operator path: store a subscription confirmed at once."""
    sub = confirmed_copy(sub)
    repo.subscriptions.save(sub.id, stored(sub))
    return sub


def unsubscribe_with_token(repo: Repository, settings: Settings, token: str) -> bool:
    """One-click unsubscribe through a signed link; True when a subscription was removed."""
    return repo.subscriptions.delete(unsubscribe_id(settings.signing_key(), token))


def unsubscribe_email(repo: Repository, email: str) -> bool:
    return repo.subscriptions.delete(subscription_id(email))


#: The address a backtest's stand-in subscription carries (nothing is stored or sent).
PREVIEW_ADDRESS = "preview@asylum-monitor.invalid"


def backtest_subscription(repo: Repository, sub: Subscription, *, since: dt.date,
                          until: dt.date | None = None) -> list[WouldSend]:
    """What `sub` would have received from the knowledge already indexed (`monitor backtest`,
    the subscribe page's preview); reads only."""
    def query_matches(record: Mapping[str, Any]) -> bool:
        ids = sorted({s["document_id"] for s in record.get("sources") or []} | {record.get("document_id", "")} - {""})
        return bool(sub.query and repo.documents.matching(sub.query, ids))

    return backtest(repo.findings.records(action="made_amenable"), sub, since=since, until=until,
                    query_matches=query_matches)
