"""Signed tokens for links in emails and secret feed URLs (itsdangerous, HMAC-SHA256).

Each purpose has its own salt, so a token made for one cannot be replayed for another:
`confirm` tokens expire (double opt-in), `unsubscribe` and `feed` tokens do not (an
unsubscribe link in an old email must keep working). Settings read: secret_key.
"""

from __future__ import annotations

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from monitor.errors import InvalidToken

__all__ = ["CONFIRM_MAX_AGE", "PURPOSES", "InvalidToken", "make_token", "read_token"]

CONFIRM_MAX_AGE = 7 * 24 * 3600
PURPOSES = ("confirm", "unsubscribe", "feed")


def _serializer(key: str, purpose: str) -> URLSafeTimedSerializer:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return URLSafeTimedSerializer(key, salt=f"asylum-monitor-{purpose}")


def make_token(key: str, purpose: str, payload: object) -> str:
    """Sign a JSON-able payload (a subscription id, or a whole requested subscription)."""
    return _serializer(key, purpose).dumps(payload)


def read_token(key: str, purpose: str, token: str) -> object:
    """The payload inside a valid token; `InvalidToken` otherwise."""
    serializer = _serializer(key, purpose)
    try:
        if purpose == "confirm":
            return serializer.loads(token, max_age=CONFIRM_MAX_AGE)
        return serializer.loads(token)
    except SignatureExpired as exc:
        raise InvalidToken("this link has expired; subscribe again to get a new one") from exc
    except BadSignature as exc:
        raise InvalidToken("this link is not valid") from exc
