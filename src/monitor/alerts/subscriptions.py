"""Subscription records: validation of what an operator or advocate types, and stable ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from monitor.errors import ConfigError
from monitor.models import Subscription

_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
_CODE = re.compile(r"^[A-Z]{2}$")


def normalize_email(email: str) -> str:
    """Validate an address (no header injection, one address) and return it lower-cased."""
    value = email.strip()
    if any(c in value for c in "\r\n,;<> ") or len(value) > 254 or not _EMAIL.match(value):
        raise ConfigError(f"not a valid email address: {email!r}")
    return value.lower()


def subscription_id(email: str) -> str:
    return hashlib.sha256(normalize_email(email).encode()).hexdigest()[:32]


def new_subscription(
    email: str, *, receiving: list[str] | None = None, population: list[str] | None = None,
    digest: bool = False, confirmed: bool = True, now: dt.datetime | None = None,
) -> Subscription:
    """Build a validated subscription; country codes are ISO 3166-1 alpha-2."""
    codes = {"receiving": [c.upper() for c in receiving or []], "population": [c.upper() for c in population or []]}
    for field, values in codes.items():
        for code in values:
            if not _CODE.match(code):
                raise ConfigError(f"--{field}: {code!r} is not an ISO 3166-1 alpha-2 code (e.g. GT, MX)")
    address = normalize_email(email)
    return Subscription(
        id=subscription_id(address), email=address, receiving=tuple(codes["receiving"]),
        population=tuple(codes["population"]), digest=digest, confirmed=confirmed,
        created=now or dt.datetime.now(dt.UTC),
    )
