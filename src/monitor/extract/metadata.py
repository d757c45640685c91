"""Page metadata from the markup (pure): title, publication and update dates, authors,
declared canonical URL and language — from `<meta>` tags (Open Graph, Dublin Core, parsely),
JSON-LD `NewsArticle` blocks and `<time>` elements.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Tag

from monitor.dates import MONTHS, date_from_match, parse_datetime

logger = logging.getLogger(__name__)

_PUBLISHED = ("article:published_time", "og:article:published_time", "datepublished", "dc.date.issued",
              "dcterms.issued", "dc.date", "date", "pubdate", "publishdate", "parsely-pub-date",
              "sailthru.date", "citation_publication_date", "govuk:first-published-at", "dcterms.date",
              "dcterms.created", "article.published", "publication_date", "fecha", "fecha_publicacion")
_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# "7 April 2027", "April 7, 2027", "20 de febrero de 2026", "2026-02-20", "20/02/2026".
_VISIBLE_DATE = re.compile(
    r"\b(?P<d1>\d{1,2})\s+(?:de\s+)?(?P<m1>" + _NAMES + r")\.?,?\s+(?:de\s+|del\s+)?(?P<y1>(?:19|20)\d\d)\b"
    r"|\b(?P<m2>" + _NAMES + r")\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)\b", re.IGNORECASE)
# Where a page shows its own date: a byline, a "meta" line, "Published 7 April 2027", "Fecha: …".
_DATE_PLACE = re.compile(r"date|time|meta|byline|published|posted|fecha|dateline|timestamp|pubdate", re.I)
_DATE_LABEL = re.compile(r"^\s*(?:published|posted|publicado|publicada|fecha|date|issued|emitido|updated|actualizado|"
                         r"actualizada|[uú]ltima\s+actualizaci[oó]n)\b", re.I)
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
    section: str | None = None


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


def _visible_date(text: str) -> dt.datetime | None:
    match = _VISIBLE_DATE.search(text)
    day = date_from_match(match) if match else None
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) if day else None


def shown_date(soup: BeautifulSoup) -> dt.datetime | None:
    """The date a page shows for itself: in an element whose class or id says it is a date or a
    byline, or after a "Published"/"Fecha" label — never a date from the article's prose."""
    for tag in soup.find_all(["p", "span", "div", "dd", "li", "small", "time"], limit=400):
        if not isinstance(tag, Tag):
            continue
        marks = " ".join([*tag.get("class", []), str(tag.get("id", ""))])
        label = tag.find_previous_sibling("dt") if tag.name == "dd" else None
        text = tag.get_text(" ", strip=True)
        if len(text) > 200:
            continue
        if _DATE_PLACE.search(marks) or (label is not None and _DATE_LABEL.match(label.get_text(" ", strip=True))) \
                or _DATE_LABEL.match(text):
            if found := _visible_date(text):
                return found
    return None


_SECTION_KEYS = ("article:section", "og:article:section", "parsely-section", "section", "sailthru.tags")
_GENRE = re.compile(r"\b(?:opinion|op-ed|editorial|column|commentary|viewpoint|analysis|opini[oó]n|columna|tribuna|"
                    r"an[aá]lisis|punto\s+de\s+vista|carta\s+al\s+director|letters?)\b", re.I)


def _section(soup: BeautifulSoup, metas: dict[str, list[str]]) -> str | None:
    """What kind of page the site says this is: a declared section, or an opinion label in the
    browser title or the breadcrumb that the headline itself leaves out."""
    for key in _SECTION_KEYS:
        if metas.get(key):
            return metas[key][0]
    if soup.title and (match := _GENRE.match(soup.title.get_text(" ", strip=True))):
        return match.group()
    crumbs = soup.find(["nav", "ol", "ul", "div"], attrs={"class": re.compile(r"breadcrumb", re.I)})
    if isinstance(crumbs, Tag) and (match := _GENRE.search(crumbs.get_text(" ", strip=True))):
        return match.group()
    return None


def read_metadata(soup: BeautifulSoup) -> Metadata:
    """Everything the markup says about the page, best source first."""
    metas, ld = _metas(soup), _json_ld(soup)
    published = _first_date([*(v for k in _PUBLISHED for v in metas.get(k, [])),
                              *(str(i["datePublished"]) for i in ld if i.get("datePublished"))])
    if published is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        published = parse_datetime(str(time_tag["datetime"])) if isinstance(time_tag, Tag) else None
    if published is None:
        published = shown_date(soup)
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
                    canonical=canonical, lang=lang or None, section=_section(soup, metas))
