"""HTML page → main text and metadata with beautifulsoup4.

Boilerplate removal is structural (navigation, headers, footers, forms, scripts, captions)
and by class/id names common to banners, share bars and related-story lists; the main
container is `<article>` or `<main>` when present. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Tag

from monitor.dates import parse_datetime
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
    r"^(IE ?\d+ is not supported|(this |your )?browser is (not|no longer) supported|your browser is out of date|"
    r"please (upgrade|update) your browser|su navegador no es compatible|actualice su navegador|"
    r"we use cookies|this (web)?site uses cookies|accept (all )?cookies|utilizamos cookies|este sitio (web )?utiliza cookies|"
    r"aceptar (todas las )?cookies|skip to (main )?content|ir al contenido|download the .{1,40} app|"
    r"sign up for|subscribe to|suscr[ií]bete|follow us|s[ií]guenos|share (this|on)\b|compartir( en)?\b|"
    r"read more:?|lee (tambi[eé]n|m[aá]s)|te puede interesar|noticias relacionadas|related (stories|articles|coverage)|"
    r"more from|most (read|popular)|lo m[aá]s (le[ií]do|visto)|listen to this article|escucha esta nota|"
    r"advertisement|publicidad|(photo|image|foto|imagen)( credit)?:|\((AP|Reuters|AFP|EFE) Photo|"
    r"(#\s*){3}$|-30-$|(copyright|\(c\)|©)\s*\d{4}\b.*(all rights reserved|todos los derechos))(?=\W|$)",
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


def drop_boilerplate_lines(lines: Iterable[str]) -> list[str]:
    """Lines minus those that are boilerplate on any site (browser and cookie notices, share prompts…)."""
    return [line for line in lines if line and not _BOILERPLATE_LINES.match(line.strip())]


def _is_boilerplate(tag: Tag) -> bool:
    attrs = tag.attrs or {}
    names = " ".join([*attrs.get("class", []), attrs.get("id", ""), attrs.get("role", "")])
    return bool(names) and bool(_BOILERPLATE_NAMES.search(names)) and tag.name not in ("body", "html", "article", "main")


def page_title(soup: BeautifulSoup) -> str:
    """The page's headline: og:title, else the first h1, else <title>."""
    return _title(soup)


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
        if tag and (parsed := parse_datetime(str(tag.get("content", "")))):
            return parsed
    time_tag = soup.find("time", attrs={"datetime": True})
    return parse_datetime(str(time_tag["datetime"])) if time_tag else None


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
        # Not `tag.decomposed`: bs4 answers it through Tag.__getattr__ -> find("_decomposed"),
        # a scan of the tag's whole subtree, which made deeply nested pages quadratic
        # (20,000 nested divs: 81 s).
        if not tag.__dict__.get("_decomposed") and _is_boilerplate(tag):
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
    return "\n\n".join(drop_boilerplate_lines(re.sub(r"\s+", " ", line) for line in lines if line))


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
