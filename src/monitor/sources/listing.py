"""One source's listing, fetched and parsed by its kind's adapter (steps 2–3 of docs/ARCHITECTURE.md).

The first page is fetched with a conditional GET from the source's cursor (ETag,
Last-Modified); a 304, or a first page whose parsed entries hash to the cursor's
`body_hash`, means the source is unchanged and nothing else is fetched. Hashing the parsed
entries rather than the raw bytes ignores what changes on every request (a feed's
`lastBuildDate`, a page's CSRF token or "time now" banner). Further pages (html_list `next`,
json_api `next_page_url`) are followed up to the source's `max_pages`; a later page that
fails is reported in `errors` and the entries read so far are kept.

Settings read: none (the fetcher carries them).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from monitor.errors import FetchError, ParseError
from monitor.fetch import Fetcher, Response
from monitor.models import Entry, Source, SourceState
from monitor.sources.feed import parse_feed
from monitor.sources.html_list import parse_listing
from monitor.sources.json_api import parse_documents_api

logger = logging.getLogger(__name__)

Page = tuple[list[Entry], str | None]


@dataclass
class Listing:
    """What one poll of a source found; `etag`/`last_modified`/`body_hash` are the new cursor."""

    not_modified: bool = False
    entries: list[Entry] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str = ""
    pages: int = 0
    errors: list[str] = field(default_factory=list)


def parse_page(source: Source, response: Response) -> Page:
    """Parse one fetched page with the adapter of the source's kind."""
    if source.kind == "feed":
        return parse_feed(response.body, source=source, base_url=response.url,
                          content_type=response.content_type), None
    if source.kind == "html_list":
        return parse_listing(response.body, source=source, base_url=response.url, content_type=response.content_type)
    if source.kind == "json_api":
        return parse_documents_api(response.body, source=source)
    raise ParseError(f"source {source.id}: unknown kind {source.kind!r}")


def entries_hash(entries: list[Entry]) -> str:
    """Hash of what matters in a listing: each entry's URL, title and update mark, in order."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"{entry.url}\x1f{entry.title}\x1f{entry.updated}\x1e".encode())
    return digest.hexdigest()


def fetch_listing(
    source: Source, *, fetcher: Fetcher, cursor: SourceState,
    parse: Callable[[Source, Response], Page] = parse_page,
) -> Listing:
    """Poll one source; raises `FetchError`/`ParseError` only when the first page fails."""
    first = fetcher.get(str(source.url), etag=cursor.etag, last_modified=cursor.last_modified)
    if first.not_modified:
        return Listing(not_modified=True, etag=first.etag or cursor.etag, pages=1)
    entries, next_url = parse(source, first)
    listing = Listing(entries=list(entries), etag=first.etag, last_modified=first.last_modified,
                      body_hash=entries_hash(entries), pages=1)
    if listing.body_hash == cursor.body_hash:
        listing.not_modified = True
        return listing
    seen_pages = {first.url, str(source.url)}
    while next_url and listing.pages < source.max_pages and next_url not in seen_pages:
        seen_pages.add(next_url)
        try:
            page = fetcher.get(next_url)
            more, next_url = parse(source, page)
        except (FetchError, ParseError) as exc:
            logger.warning("listing page failed: %s", exc, extra={"source": source.id, "url": next_url})
            listing.errors.append(f"page {listing.pages + 1}: {exc}")
            break
        listing.pages += 1
        listing.entries.extend(more)
    unique: dict[str, Entry] = {}
    for entry in listing.entries:
        unique.setdefault(entry.url, entry)
    listing.entries = list(unique.values())
    return listing
