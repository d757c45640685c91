"""Time as the monitor stores it: aware UTC datetimes written as ISO 8601 strings.

`utcnow()` is the one clock; `parse_datetime()` and `parse_date()` are the one way to read a
stored or typed date back (ISO dates or datetimes, `Z` or an offset; naive values are UTC),
so the CLI, the web pages, the emails and the knowledge reconciliation read a date alike.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

#: Month names and abbreviations, English and Spanish, lowercased → month number.
MONTHS = {
    **{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"), 1)},
    **{m: i for i, m in enumerate(("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                   "septiembre", "octubre", "noviembre", "diciembre"), 1)},
    "setiembre": 9, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}


def date_from_match(match: re.Match[str]) -> dt.date | None:
    """The day a written-date pattern matched, read from its named groups — `y3`/`m3`/`d3` for
    "2026-02-20", else a month name in `m1`|`m2`, the year in `y1`|`y2`, the day in `d1`|`d2` ("April 7,
    2027", "20 de febrero de 2026") — or None when it is not a real day."""
    if match.group("y3"):
        year, month, day = int(match.group("y3")), int(match.group("m3")), int(match.group("d3"))
    else:
        name = (match.group("m1") or match.group("m2")).lower()
        year = int(match.group("y1") or match.group("y2"))
        month, day = MONTHS[name], int(match.group("d1") or match.group("d2"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


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
