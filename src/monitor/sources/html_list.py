"""The `html_list` adapter (pure): a press-release listing page → entries, with CSS selectors
from the source entry, and the next page's URL for bounded pagination.

Selectors (`selectors:` in the sources file): `item` (required: one element per release),
`link` (default: the first `a[href]` in the item, or the item itself when it is a link),
`title` (default: the link's text), `date` (optional: text, or a `datetime`/`content`
attribute), `next` (optional: the "next page" link). How many pages are followed is the
source's `max_pages`.
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


def _date_of(item: Tag, selector: str | None, language: str | None) -> tuple[dt.datetime | None, str]:
    if not selector:
        return None, ""
    tag = item.select_one(selector)
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
    items = soup.select(sel["item"])
    if not items:
        raise ParseError(f"source {source.id}: selector 'item' ({sel['item']}) matched nothing on {base_url}; "
                         "has the page layout changed?")
    entries: list[Entry] = []
    for item in items[:MAX_ITEMS]:
        link = item if item.name == "a" and not sel.get("link") else item.select_one(sel.get("link") or "a[href]")
        href = str(link.get("href") or "").strip() if isinstance(link, Tag) else ""
        url = urljoin(base_url, href) if href else ""
        if not url.startswith(("http://", "https://")):
            logger.warning("skipping listing item without a usable link", extra={"source": source.id})
            continue
        title_tag = item.select_one(sel["title"]) if sel.get("title") else link
        title = title_tag.get_text(" ", strip=True) if isinstance(title_tag, Tag) else ""
        published, raw_date = _date_of(item, sel.get("date"), source.language)
        entries.append(Entry(source_id=source.id, url=url, title=title, published=published, updated=raw_date))
    next_url = None
    if sel.get("next") and isinstance(nxt := soup.select_one(sel["next"]), Tag) and nxt.get("href"):
        next_url = urljoin(base_url, str(nxt["href"]).strip())
    return entries, next_url
