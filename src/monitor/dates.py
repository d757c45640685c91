"""Time as the monitor stores it: aware UTC datetimes written as ISO 8601 strings.

`utcnow()` is the one clock; `parse_datetime()` and `parse_date()` are the one way to read a
stored or typed date back (ISO dates or datetimes, `Z` or an offset; naive values are UTC),
so the CLI, the web pages, the emails and the knowledge reconciliation read a date alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def utcnow() -> dt.datetime:
    """Now, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def parse_datetime(value: Any) -> dt.datetime | None:
    """An aware datetime from a datetime, a date (midnight UTC) or an ISO string; None for
    empty or unreadable values."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        parsed = dt.datetime.combine(value, dt.time())
    else:
        text = str(value).strip().replace("Z", "+00:00")
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            try:
                parsed = dt.datetime.combine(dt.date.fromisoformat(text[:10]), dt.time())
            except ValueError:
                return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def parse_date(value: Any) -> dt.date | None:
    """The calendar day of `value` as written (no time-zone shift), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = parse_datetime(value)
    return parsed.date() if parsed else None


def age(delta: dt.timedelta) -> str:
    """A duration for people: hours up to two days, then days."""
    hours = delta.total_seconds() / 3600
    return f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.0f} h"
