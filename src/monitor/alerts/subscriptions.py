"""Subscriptions: validation of what an operator or advocate types, stable ids, and the
double opt-in flow (request → confirmation email with a signed, expiring link → confirmed;
one-click unsubscribe through a signed link)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import urlsplit

from monitor.alerts.tokens import make_token, read_token
from monitor.errors import ConfigError, InvalidToken
from monitor.models import ACTIONS, Subscription

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_CODE = re.compile(r"^[A-Z]{2}$")
_APPRISE_SCHEMES = re.compile(r"^[a-z][a-z0-9+.-]{1,20}://", re.I)
MAX_QUERY = 500


def normalize_email(email: str) -> str:
    """Validate an address (no header injection, one address) and return it lower-cased."""
    value = email.strip()
    if any(c in value for c in "\r\n,;<> \t\"") or len(value) > 254 or not _EMAIL.match(value):
        raise ConfigError(f"not a valid email address: {email!r}")
    return value.lower()


def subscription_id(email: str) -> str:
    return hashlib.sha256(normalize_email(email).encode()).hexdigest()[:32]


def _codes(field: str, values: list[str] | tuple[str, ...] | None) -> list[str]:
    codes = [c.strip().upper() for c in values or [] if c.strip()]
    for code in codes:
        if not _CODE.match(code):
            raise ConfigError(f"--{field}: {code!r} is not an ISO 3166-1 alpha-2 code (e.g. GT, MX)")
    return codes


def new_subscription(
    email: str, *, receiving: list[str] | None = None, population: list[str] | None = None,
    actions: list[str] | None = None, query: str | None = None, digest: bool = False, language: str = "en",
    confirmed: bool = True, apprise_urls: list[str] | None = None, now: dt.datetime | None = None,
    when: str = "first_report",
) -> Subscription:
    """Build a validated subscription; country codes are ISO 3166-1 alpha-2."""
    address = normalize_email(email)
    chosen_actions = [a.strip() for a in actions or [] if a.strip()] or ["made_amenable"]
    for action in chosen_actions:
        if action not in ACTIONS:
            raise ConfigError(f"--action: {action!r} is not one of {', '.join(ACTIONS)}")
    if query is not None:
        query = query.strip() or None
        if query and (len(query) > MAX_QUERY or any(c in query for c in "\r\n\x00")):
            raise ConfigError(f"the saved query must be one line of at most {MAX_QUERY} characters")
    if language not in ("en", "es"):
        raise ConfigError(f"language must be 'en' or 'es', not {language!r}")
    urls = [u.strip() for u in apprise_urls or [] if u.strip()]
    for url in urls:
        if not _APPRISE_SCHEMES.match(url) or any(c in url for c in "\r\n "):
            raise ConfigError(f"not an Apprise URL: {url!r}")
    if when not in ("first_report", "confirmed"):
        raise ConfigError(f"alert on 'first_report' or only when 'confirmed', not {when!r}")
    moment = now or dt.datetime.now(dt.UTC)
    return Subscription(
        id=subscription_id(address), email=address, receiving=tuple(_codes("receiving", receiving)),
        population=tuple(_codes("population", population)), actions=tuple(chosen_actions), query=query,
        digest=digest, language=language, confirmed=confirmed, created=moment,
        confirmed_at=moment if confirmed else None, apprise_urls=tuple(urls), when=when,  # type: ignore[arg-type]
    )


def stored(sub: Subscription) -> dict:
    """The subscription's ES document (the id is the document id)."""
    return sub.model_dump(mode="json", exclude={"id"})


def confirmation_link(public_url: str, key: str, sub: Subscription) -> str:
    """The double opt-in link: the token carries the whole requested subscription, so nothing
    is stored (and no existing subscription changes) until the address owner confirms."""
    return f"{public_url.rstrip('/')}/confirm?token={make_token(key, 'confirm', stored(sub))}"


def unsubscribe_link(public_url: str, key: str, subscription_id_: str) -> str:
    return f"{public_url.rstrip('/')}/unsubscribe?token={make_token(key, 'unsubscribe', subscription_id_)}"


def feed_link(public_url: str, key: str, subscription_id_: str) -> str:
    return f"{public_url.rstrip('/')}/feeds/subscription/{make_token(key, 'feed', subscription_id_)}.atom"


def confirmed_copy(sub: Subscription, *, now: dt.datetime | None = None) -> Subscription:
    return sub.model_copy(update={"confirmed": True, "confirmed_at": now or dt.datetime.now(dt.UTC)})


def subscription_from_token(key: str, token: str) -> Subscription:
    """The subscription a confirmation link asks for (raises `InvalidToken`)."""
    payload = read_token(key, "confirm", token)
    if not isinstance(payload, dict) or "email" not in payload:
        raise InvalidToken("this link is not valid")
    return Subscription.model_validate({**payload, "id": subscription_id(payload["email"])})


def unsubscribe_id(key: str, token: str) -> str:
    """The subscription id an unsubscribe link is for (raises `InvalidToken`)."""
    return str(read_token(key, "unsubscribe", token))


def describe_filters(sub: Subscription) -> str:
    parts = [
        f"receiving={','.join(sub.receiving) or 'any'}", f"population={','.join(sub.population) or 'any'}",
        f"actions={','.join(sub.actions)}", f"delivery={'daily digest' if sub.digest else 'instant'}",
        f"language={sub.language}", f"when={'confirmed only' if sub.when == 'confirmed' else 'first report'}",
    ]
    if sub.query:
        parts.append(f"query={sub.query!r}")
    return " ".join(parts)


def mail_domain(address: str) -> str:
    """The domain part of an address or of a `Name <address>` string."""
    match = re.search(r"@([A-Za-z0-9.-]+)", address)
    return match.group(1) if match else (urlsplit(address).hostname or "asylum-monitor.invalid")
