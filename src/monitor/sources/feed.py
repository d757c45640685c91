"""The `feed` adapter (pure): RSS 0.9x/1.0/2.0 and Atom through feedparser → entries.

Expected format: any RSS or Atom document; items need a `link` (or an `id` that is a URL).
An item's `<source url="…">` (Google News names each story's publisher that way) is kept as
the entry's origin, and the " - Publisher" Google News appends to titles is taken off.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

import feedparser

from monitor.errors import ParseError
from monitor.models import Entry, Source

logger = logging.getLogger(__name__)


def _entry_time(item: feedparser.FeedParserDict, *keys: str) -> dt.datetime | None:
    for key in keys:
        value = item.get(key)
        if isinstance(value, time.struct_time):
            return dt.datetime(*value[:6], tzinfo=dt.UTC)
    return None


def _origin(item: feedparser.FeedParserDict) -> tuple[str, str]:
    """The publisher an aggregator's item names (RSS `<source url="…">name</source>`), if any."""
    origin = item.get("source")
    if not isinstance(origin, dict):
        return "", ""
    url = str(origin.get("href") or origin.get("url") or "")
    return " ".join(str(origin.get("title") or "").split()), url if url.startswith(("http://", "https://")) else ""


def _title(item: feedparser.FeedParserDict, origin_name: str) -> str:
    """The item's title, without the " - Publisher" an aggregator appends when it names the publisher."""
    title = (item.get("title") or "").strip()
    suffix = f" - {origin_name}"
    if origin_name and title.endswith(suffix) and len(title) > len(suffix):
        return title[: -len(suffix)].rstrip()
    return title


def parse_feed(body: bytes, *, source: Source, base_url: str, content_type: str = "") -> list[Entry]:
    """Parse a feed body into entries; raise `ParseError` when it is not a usable feed.

    feedparser copes with a wrong or missing charset itself: when the declared encoding does
    not decode the bytes it falls back (UTF-8, then Windows-1252) and only flags `bozo`.
    """
    if not body.strip():
        raise ParseError(f"source {source.id}: empty feed body")
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        hint = " (it is HTML)" if b"<html" in body[:2048].lower() else ""
        raise ParseError(f"source {source.id}: the body is not RSS or Atom{hint}")
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "unknown error")
        raise ParseError(f"source {source.id}: not a readable feed: {reason}")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or item.get("id") or ""
        if not link.startswith(("http://", "https://")):
            logger.warning("skipping feed item without a usable link", extra={"source": source.id})
            continue
        origin_name, origin_url = _origin(item)
        entries.append(
            Entry(
                source_id=source.id,
                url=link,
                title=_title(item, origin_name),
                published=_entry_time(item, "published_parsed", "updated_parsed"),
                updated=dict.get(item, "updated") or dict.get(item, "published") or "",
                summary=(item.get("summary") or "").strip(),
                origin_name=origin_name,
                origin_url=origin_url,
            )
        )
    if parsed.bozo and parsed.entries and not entries:
        # A truncated or broken document that yielded only link-less fragments.
        reason = getattr(parsed, "bozo_exception", "unknown error")
        raise ParseError(f"source {source.id}: not a readable feed: {reason}")
    return entries
