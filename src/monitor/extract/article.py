"""HTML article page → main text and metadata (pure).

Main text comes from trafilatura (a maintained boilerplate remover, precision-oriented
settings), with the beautifulsoup4 extractor of `html.py` as the fallback when trafilatura
finds nothing or much less than the page's article container holds. Lines that are
boilerplate on any site (browser notices, share prompts, "read more") are dropped from either
result. Metadata comes from `metadata.py`, with trafilatura's date and author as fallbacks.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from functools import cache

import trafilatura
from bs4 import BeautifulSoup
from trafilatura.settings import use_config

from monitor.dates import parse_datetime
from monitor.extract.html import drop_boilerplate_lines, extract_html, page_title
from monitor.extract.metadata import read_metadata
from monitor.extract.urls import choose_canonical
from monitor.models import Extracted

logger = logging.getLogger(__name__)

MIN_TEXT = 200  # characters: below this trafilatura's answer is checked against the fallback
MAX_TREE = 50_000  # elements; larger pages are not worth parsing as articles
#: trafilatura without its fallback extractors (readability, jusText) whose answers it compares
#: with its own. On the 80-page extraction set (bench/bench_stages.py) fast mode removes the
#: same boilerplate (99.3 %) and keeps every article line, in 4.1 instead of 5.2 ms per page;
#: the labeled corpus's 138 pages extract to the same text either way. Our own fallback
#: (bs4, below MIN_TEXT characters) stays.
FAST = True


@cache
def _config() -> ConfigParser:
    config = use_config()
    config["DEFAULT"]["MAX_TREE_SIZE"] = str(MAX_TREE)
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"  # signal-based: only for trafilatura's CLI
    return config


def _trafilatura(html: str, url: str | None, fast: bool) -> tuple[str, str | None, str | None]:
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=True, deduplicate=False, config=_config(), fast=fast,
            # Dates from the markup only: a year in the prose ("signed in 2019") is not the page's date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser on hostile input: fall back
        logger.warning("trafilatura failed, using the fallback: %s", exc, extra={"url": url})
        return "", None, None
    if doc is None:
        return "", None, None
    return doc.text or "", doc.date, doc.author


def extract_article(html: str, *, url: str | None = None, fast: bool = FAST) -> Extracted:
    """Reduce an HTML page to title, main text, dates, authors, canonical URL and declared language."""
    soup = BeautifulSoup(html, "lxml")
    meta = read_metadata(soup)
    text, date, author = _trafilatura(html, url, fast)
    fallback = None
    if len(text) < MIN_TEXT:  # only then is the second parse worth its cost
        fallback = extract_html(html)
        if len(fallback.text) > len(text):
            text = fallback.text
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    lines = drop_boilerplate_lines(line for line in lines if line)
    title = meta.title or (fallback.title if fallback else page_title(soup))
    if lines and title and lines[0].strip().rstrip(".") == title.rstrip("."):
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    authors = meta.authors or tuple(a.strip() for a in (author or "").split(";") if a.strip())
    canonical = choose_canonical(url, meta.canonical) if url else meta.canonical
    return Extracted(
        title=title, text="\n\n".join(lines), published=meta.published or parse_datetime(date),
        canonical_url=canonical, lang=meta.lang, updated=meta.updated, authors=authors, section=meta.section,
    )
