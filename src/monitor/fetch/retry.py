"""When to retry a failed GET and how long to wait first (pure, like Scrapy's
`get_retry_request`): exponential backoff, `Retry-After` honoured on 429 and 503, and
every wait bounded so a hostile or overloaded server cannot park a run for hours.

Settings read: none (the fetcher passes its limits in).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_AFTER_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class RetryPolicy:
    """Limits of the retry loop; `attempts` counts the first try too."""

    attempts: int = 3
    backoff: float = 0.5
    max_wait: float = 30.0


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or HTTP-date); None if absent or bad."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def retry_delay(
    attempt: int, *, policy: RetryPolicy, status: int | None = None, retry_after: str | None = None,
    remaining: float | None = None, now: dt.datetime | None = None,
) -> float | None:
    """Seconds to sleep before retry number `attempt` (1 = first retry), or None to give up.

    `status` None means a connection error or timeout (retried with backoff). A `Retry-After`
    on 429/503 replaces the backoff when longer; a wait beyond `policy.max_wait` or beyond the
    request's `remaining` deadline means giving up now (the next run tries again).
    """
    if attempt >= policy.attempts:
        return None
    if status is not None and status not in RETRY_STATUSES:
        return None
    delay = policy.backoff * (2 ** (attempt - 1))
    if status in RETRY_AFTER_STATUSES:
        asked = parse_retry_after(retry_after, now=now)
        if asked is not None:
            delay = max(delay, asked)
    if delay > policy.max_wait:
        return None
    if remaining is not None and delay >= remaining:
        return None
    return delay
