"""Page metadata from the markup (pure): title, publication and update dates, authors,
declared canonical URL and language — from `<meta>` tags (Open Graph, Dublin Core, parsely),
JSON-LD `NewsArticle` blocks and `<time>` elements.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Tag

from monitor.dates import parse_datetime

logger = logging.getLogger(__name__)

_PUBLISHED = ("article:published_time", "og:article:published_time", "datepublished", "dc.date.issued",
              "dcterms.issued", "dc.date", "date", "pubdate", "publishdate", "parsely-pub-date",
              "sailthru.date", "citation_publication_date")
_UPDATED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
            "lastmod")
_AUTHORS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    authors: tuple[str, ...] = ()
    canonical: str | None = None
    lang: str | None = None


def _metas(soup: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if key and value:
            found.setdefault(str(key).strip().lower(), []).append(str(value).strip())
    return found


def _json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                items.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
                items.append(item)
    return [i for i in items if "Article" in str(i.get("@type", "")) or "datePublished" in i]


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _first_date(candidates: list[str]) -> dt.datetime | None:
    for value in candidates:
        if parsed := parse_datetime(value):
            return parsed
    return None


def read_metadata(soup: BeautifulSoup) -> Metadata:
    """Everything the markup says about the page, best source first."""
    metas, ld = _metas(soup), _json_ld(soup)
    published = _first_date([*(v for k in _PUBLISHED for v in metas.get(k, [])),
                              *(str(i["datePublished"]) for i in ld if i.get("datePublished"))])
    if published is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        published = parse_datetime(str(time_tag["datetime"])) if isinstance(time_tag, Tag) else None
    updated = _first_date([*(v for k in _UPDATED for v in metas.get(k, [])),
                           *(str(i["dateModified"]) for i in ld if i.get("dateModified"))])
    authors = [*(n for i in ld for n in _names(i.get("author"))),
               *(v for k in _AUTHORS for v in metas.get(k, []) if not v.startswith(("http://", "https://")))]
    title = next(iter(metas.get("og:title", [])), "") or next((str(i["headline"]) for i in ld if i.get("headline")), "")
    if not title:
        h1 = soup.find("h1")
        title = h1.get_text(" ", strip=True) if isinstance(h1, Tag) else ""
    if not title and soup.title:
        title = soup.title.get_text(" ", strip=True)
    link = soup.find("link", rel="canonical")
    canonical = str(link["href"]).strip() if isinstance(link, Tag) and link.get("href") else None
    canonical = canonical or next(iter(metas.get("og:url", [])), None)
    html_tag = soup.find("html")
    lang = str(html_tag.get("lang", "")).split("-")[0].lower() if isinstance(html_tag, Tag) else ""
    clean_authors = tuple(dict.fromkeys(a.strip() for a in authors if a.strip()))
    return Metadata(title=title.strip(), published=published, updated=updated, authors=clean_authors[:10],
                    canonical=canonical, lang=lang or None)
