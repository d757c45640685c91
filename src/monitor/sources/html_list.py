"""The `html_list` adapter (pure): a press-release listing page → entries, with CSS selectors
from the source entry, and the next page's URL for bounded pagination.

Selectors (`selectors:` in the sources file): `item` (required: one element per release),
`link` (default: the first `a[href]` in the item, or the item itself when it is a link),
`title` (default: the link's text), `date` (optional: text, or a `datetime`/`content`
attribute), `next` (optional: the "next page" link). How many pages are followed is the
source's `max_pages`.

A selector list (`"h2 a, a"`, `"article, .views-row"`) is a list of preferences, tried in the
order written: the first alternative that matches wins (for `item`, on the page; for the
others, in the item). CSS alone would take whichever match comes first in the document, so an
image link before the headline would win over `h2 a`, and a Drupal row wrapping an `<article>`
would be listed twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag
from bs4.exceptions import ParserRejectedMarkup

from monitor.dates import parse_datetime
from monitor.errors import ParseError, SourceConfigError
from monitor.extract.charset import decode_body
from monitor.models import Entry, Source

logger = logging.getLogger(__name__)

SELECTOR_KEYS = frozenset({"item", "link", "title", "date", "next"})
MAX_ITEMS = 200


def check_selectors(source: Source) -> None:
    """Raise `SourceConfigError` naming the field when an html_list source's selectors are unusable."""
    unknown = set(source.selectors) - SELECTOR_KEYS
    if unknown:
        raise SourceConfigError(f"source {source.id}: field 'selectors.{sorted(unknown)[0]}': unknown selector "
                                f"(expected {', '.join(sorted(SELECTOR_KEYS))})")
    if not source.selectors.get("item"):
        raise SourceConfigError(f"source {source.id}: field 'selectors.item': required for kind html_list")
    probe = BeautifulSoup("<html></html>", "lxml")
    for key, selector in source.selectors.items():
        try:
            probe.select(selector)
        except Exception as exc:  # noqa: BLE001 - soupsieve raises several types for bad CSS
            raise SourceConfigError(f"source {source.id}: field 'selectors.{key}': invalid CSS selector "
                                    f"{selector!r}: {exc}") from exc


def parse_listing_date(text: str, *, language: str | None = None) -> dt.datetime | None:
    """A listing's date: ISO first, then natural language in English or Spanish
    ("January 6, 2020", "6 de enero de 2020", "06/01/2020" read day-first for Spanish)."""
    text = " ".join(text.split())
    if not text:
        return None
    if parsed := parse_datetime(text):
        return parsed
    import dateparser  # slow to import; only html_list sources need it

    languages = [language] if language in ("en", "es") else ["en", "es"]
    settings = {"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DAY_OF_MONTH": "first",
                "DATE_ORDER": "DMY" if language == "es" else "MDY"}
    return dateparser.parse(text, languages=languages, settings=settings)


def alternatives(selector: str) -> list[str]:
    """The alternatives of a selector list, in order (commas inside (), [] or quotes kept)."""
    parts, depth, quote, start = [], 0, "", 0
    for position, char in enumerate(selector):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selector[start:position].strip())
            start = position + 1
    parts.append(selector[start:].strip())
    return [part for part in parts if part]


def first_match(scope: Tag, selector: str) -> Tag | None:
    """The first element of `scope` matching the first alternative of `selector` that matches."""
    for alternative in alternatives(selector):
        if isinstance(found := scope.select_one(alternative), Tag):
            return found
    return None


def _items(soup: BeautifulSoup, selector: str) -> list[Tag]:
    for alternative in alternatives(selector):
        if found := soup.select(alternative):
            return found
    return []


def _date_of(item: Tag, selector: str | None, language: str | None) -> tuple[dt.datetime | None, str]:
    if not selector:
        return None, ""
    tag = first_match(item, selector)
    if tag is None:
        return None, ""
    raw = str(tag.get("datetime") or tag.get("content") or tag.get_text(" ", strip=True))
    return parse_listing_date(raw, language=language), raw


def parse_listing(body: bytes, *, source: Source, base_url: str, content_type: str = "") -> tuple[list[Entry], str | None]:
    """Entries of one listing page and the absolute URL of the next page (None on the last)."""
    text = decode_body(body, content_type)
    if not text.strip():
        raise ParseError(f"source {source.id}: empty listing page")
    try:
        soup = BeautifulSoup(text, "lxml")
    except ParserRejectedMarkup as exc:
        raise ParseError(f"source {source.id}: unreadable listing page: {exc}") from exc
    sel = source.selectors
    items = _items(soup, sel["item"])
    if not items:
        raise ParseError(f"source {source.id}: selector 'item' ({sel['item']}) matched nothing on {base_url}; "
                         "has the page layout changed?")
    entries: list[Entry] = []
    for item in items[:MAX_ITEMS]:
        link = item if item.name == "a" and not sel.get("link") else first_match(item, sel.get("link") or "a[href]")
        href = str(link.get("href") or "").strip() if isinstance(link, Tag) else ""
        url = urljoin(base_url, href) if href else ""
        if not url.startswith(("http://", "https://")):
            logger.warning("skipping listing item without a usable link", extra={"source": source.id})
            continue
        title_tag = first_match(item, sel["title"]) if sel.get("title") else link
        title = title_tag.get_text(" ", strip=True) if isinstance(title_tag, Tag) else ""
        published, raw_date = _date_of(item, sel.get("date"), source.language)
        entries.append(Entry(source_id=source.id, url=url, title=title, published=published, updated=raw_date))
    next_url = None
    if sel.get("next") and isinstance(nxt := first_match(soup, sel["next"]), Tag) and nxt.get("href"):
        next_url = urljoin(base_url, str(nxt["href"]).strip())
    return entries, next_url
