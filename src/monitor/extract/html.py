"""HTML page → main text and metadata with beautifulsoup4.

Boilerplate removal is structural (navigation, headers, footers, forms, scripts, captions)
and by class/id names common to banners, share bars and related-story lists; the main
container is `<article>` or `<main>` when present. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup, Tag

from monitor.models import Extracted

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "svg", "figure", "figcaption", "select", "dialog",
)
_BOILERPLATE_NAMES = re.compile(
    r"cookie|consent|banner|share|social|related|recommend|newsletter|subscribe|promo|"
    r"advert|\bads?\b|breadcrumb|menu|sidebar|comment|caption|popup|modal|skip-link",
    re.I,
)
_BOILERPLATE_LINES = re.compile(
    r"^(IE ?\d+ is not supported|your browser is not supported|download the .{1,40} app|"
    r"sign up for|subscribe to|follow us|share this|read more:?|advertisement)\b",
    re.I,
)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td", "dd")
_DATE_META = (
    ("meta", {"property": "article:published_time"}),
    ("meta", {"name": "article:published_time"}),
    ("meta", {"name": "date"}),
    ("meta", {"name": "dc.date"}),
    ("meta", {"name": "DC.date.issued"}),
    ("meta", {"itemprop": "datePublished"}),
)


def looks_like_html(data: str) -> bool:
    """Whether a text is HTML markup rather than plain text."""
    head = data[:2048].lower()
    return "<html" in head or "<!doctype html" in head or bool(re.search(r"<(p|div|body|article)\b", head))


def parse_date(value: str | None) -> dt.datetime | None:
    """Parse an ISO-8601 date or datetime; naive values are taken as UTC."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = dt.datetime.combine(dt.date.fromisoformat(text[:10]), dt.time())
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _is_boilerplate(tag: Tag) -> bool:
    attrs = tag.attrs or {}
    names = " ".join([*attrs.get("class", []), attrs.get("id", ""), attrs.get("role", "")])
    return bool(names) and bool(_BOILERPLATE_NAMES.search(names)) and tag.name not in ("body", "html", "article", "main")


def _title(soup: BeautifulSoup) -> str:
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content"):
        return str(og["content"]).strip()
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    return soup.title.get_text(" ", strip=True) if soup.title else ""


def _published(soup: BeautifulSoup) -> dt.datetime | None:
    for name, attrs in _DATE_META:
        tag = soup.find(name, attrs=attrs)
        if tag and (parsed := parse_date(str(tag.get("content", "")))):
            return parsed
    time_tag = soup.find("time", attrs={"datetime": True})
    return parse_date(str(time_tag["datetime"])) if time_tag else None


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    if link and link.get("href"):
        return str(link["href"]).strip()
    og = soup.find("meta", attrs={"property": "og:url"})
    return str(og["content"]).strip() if og and og.get("content") else None


def _main_text(soup: BeautifulSoup) -> str:
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if not tag.decomposed and _is_boilerplate(tag):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    lines: list[str] = []
    blocks = root.find_all(_BLOCKS)
    if not blocks:
        lines = [line.strip() for line in root.get_text("\n").splitlines()]
    for block in blocks:
        if block.find_parent(_BLOCKS):
            continue  # nested block: its text is already in the parent's
        lines.append(block.get_text(" ", strip=True))
    kept = [re.sub(r"\s+", " ", line) for line in lines if line and not _BOILERPLATE_LINES.match(line)]
    return "\n\n".join(kept)


def extract_html(html: str | bytes) -> Extracted:
    """Reduce an HTML page to its title, main text, date, canonical URL and declared language."""
    soup = BeautifulSoup(html, "lxml")
    html_tag = soup.find("html")
    lang = str(html_tag.get("lang", "")).split("-")[0].lower() if isinstance(html_tag, Tag) else ""
    title = _title(soup)
    published = _published(soup)
    canonical = _canonical(soup)
    text = _main_text(soup)
    return Extracted(title=title, text=text, published=published, canonical_url=canonical, lang=lang or None)
