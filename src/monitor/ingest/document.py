"""Fetch, extract and detect one entry (steps 4 and 6 of docs/ARCHITECTURE.md): the entry's
page (or its API text URLs, or a PDF) reduced to main text and metadata, its language, the
detector's verdict, built into a typed `models.Document`.

Fetching is the only I/O here; `build_document` and `analyse_page` are pure, and
`fetch_document` runs the latter where its `Analyser` says (a worker process, or this thread).
The analysis code (extractors, language model, rule set) is imported where it runs: a process
whose pages are analysed by workers never loads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from monitor.errors import FetchError, HTTPStatusError, MonitorError, NotAnArticle, ParseError
from monitor.extract.urls import canonical_url
from monitor.fetch import Fetcher, Response
from monitor.ingest.analyse import IN_THREAD, Analyser
from monitor.ingest.identify import content_hash, document_id
from monitor.models import Document, Entry, Extracted, Source
from monitor.sources.gnews import GoogleNewsLinks, article_id

logger = logging.getLogger(__name__)


T = TypeVar("T")


def _first_with_text(entry: Entry, fetcher: Fetcher, read: Callable[[Response], T | None],
                     abstract: Callable[[Extracted], T]) -> T:
    """`read` of the first of the entry's text URLs (json_api) or page that has text (None:
    it has none); an API entry whose pages all fail falls back to its abstract."""
    error: MonitorError | None = None
    # A resolved aggregator link is read at the publisher only: its own URL is the interstitial.
    for url in (entry.resolved_url,) if entry.resolved_url else (*entry.text_urls, entry.url):
        try:
            found = read(fetcher.get(url))
        except HTTPStatusError as exc:
            error = refusal(exc) or exc
            continue
        except (FetchError, ParseError) as exc:
            error = exc
            continue
        if found is not None:
            return found
        error = ParseError(f"no text in {url}")
    if entry.text_urls and entry.summary:
        logger.info("using the abstract of %s: %s", entry.url, error)
        return abstract(Extracted(title=entry.title, text=entry.summary, published=entry.published))
    raise error or ParseError(f"no text for {entry.url}")


#: The kinds of page by which a site refuses the monitor (extract/notarticle.py names them; a
#: source refused with them is `blocked`, ingest/poll.py).
REFUSALS = ("block page", "challenge page", "login wall")


def refusal(error: HTTPStatusError) -> NotAnArticle | None:
    """A refusal's block page, bot challenge or login wall as `NotAnArticle` (its kind named),
    else None: an error status whose page is none of these stays a plain fetch error."""
    if not error.body:  # the fetcher keeps the page of a refusal status only (REFUSAL_STATUSES)
        return None
    from monitor.extract.notarticle import not_an_article

    reason = not_an_article(error.body.decode("utf-8", "replace"), "", error.url)
    if reason in REFUSALS:
        return NotAnArticle(reason, error.url)
    return None


def refusal_reason(error: HTTPStatusError) -> str | None:
    """Why a listing refused the monitor ("block page (HTTP 403 from URL)"), or None (`refusal`)."""
    refused = refusal(error)
    return f"{refused.reason} (HTTP {error.status} from {error.url})" if refused else None


def fetch_article(entry: Entry, *, fetcher: Fetcher) -> Extracted:
    """The entry's text: from its text URLs (json_api) or its page (HTML, PDF, plain text)."""
    def read(page: Response) -> Extracted | None:
        from monitor.extract.page import extract_page

        extracted = extract_page(page.body, content_type=page.content_type, url=page.url, title=entry.title)
        return extracted if extracted.text.strip() else None

    return _first_with_text(entry, fetcher, read, lambda abstract: abstract)


def read_entry(entry: Entry, *, source: Source, fetcher: Fetcher, links: GoogleNewsLinks,
               analyser: Analyser = IN_THREAD, resolved: str = "", feed_url: str = "") -> Document:
    """The entry's document: its article (`fetch_document`), or for a Google News item (its
    link resolved through `links`, or `resolved` already, from the stored document) the
    publisher's article, and when that cannot be read a brief of the item itself."""
    feed_url = feed_url or str(source.url)
    if source.kind != "feed" or article_id(entry.url, feed_url) is None:
        return fetch_document(entry, source=source, fetcher=fetcher, analyser=analyser)
    try:
        entry = replace(entry, resolved_url=resolved or links.resolve(entry.url, feed_url=feed_url))
    except FetchError as exc:
        return brief_document(entry, source=source, reason=f"Google News link not resolved: {exc}")
    try:
        return fetch_document(entry, source=source, fetcher=fetcher, analyser=analyser)
    except (FetchError, ParseError) as exc:
        return brief_document(entry, source=source, reason=f"the publisher's page could not be read: {exc}")


def fetch_document(entry: Entry, *, source: Source, fetcher: Fetcher, analyser: Analyser = IN_THREAD) -> Document:
    """The entry's analysed document (`fetch_article`, then `analysed`), the CPU-bound part run
    by `analyser`; only the fetched bytes go to a worker, and the document comes back."""
    def read(page: Response) -> Document | None:
        return analyser(analyse_page, page.body, page.content_type, page.url, entry, source)

    return _first_with_text(entry, fetcher, read, lambda abstract: analysed(abstract, entry=entry, source=source))


def analyse_page(body: bytes, content_type: str, url: str, entry: Entry, source: Source) -> Document | None:
    """One fetched page → its analysed document, None when it has no text (pure)."""
    from monitor.extract.page import extract_page

    extracted = extract_page(body, content_type=content_type, url=url, title=entry.title)
    return analysed(extracted, entry=entry, source=source) if extracted.text.strip() else None


def analysed(page: Extracted, *, entry: Entry, source: Source) -> Document:
    """`build_document` with the near-duplicate fingerprint (pure, CPU-bound)."""
    from monitor.extract.fingerprint import dedup_keys

    doc = build_document(page, entry=entry, source=source)
    return replace(doc, dedup_bands=tuple(dedup_keys(doc.text)))


def build_document(page: Extracted, *, entry: Entry, source: Source) -> Document:
    """The analysed document of one extracted page (identity from its canonical URL: the
    page's own for web pages, the entry's for API records)."""
    from monitor.detect import detect
    from monitor.extract.language import detect_language

    title = page.title or entry.title
    published = page.published or entry.published
    detected = detect_language(f"{title}\n{page.text}")
    lang = detected if detected != "und" else (page.lang or source.language or "und")
    detection = detect(page.text, title=title, published=published, lang=lang, section=page.section)
    canonical = (page.canonical_url if source.kind != "json_api" and page.canonical_url
                 else canonical_url(entry.resolved_url or entry.url))
    return Document(
        id=document_id(canonical), url=entry.url, canonical_url=canonical, source_id=source.id,
        source_kind=source.kind, title=title, text=page.text, content_hash=content_hash(title, page.text),
        lang=detection.lang or lang, detection=detection, published=published, updated=page.updated,
        authors=tuple(page.authors), tags=tuple(source.tags), entry_updated=entry.updated,
        authority=source.authority, publisher=entry.origin_name or source.publisher,
        effective_on=entry.effective_on, comments_close_on=entry.comments_close_on,
        resolved_url=entry.resolved_url,
    )


def brief_text(entry: Entry) -> str:
    """A brief's text: the item's title, then its description's lines (HTML read as text, the
    lines that only repeat the title or name the publisher left out)."""
    from bs4 import BeautifulSoup

    lines = [entry.title.strip()] if entry.title.strip() else []
    if entry.summary:
        soup = BeautifulSoup(entry.summary, "lxml")
        for block in soup.find_all("li") or [soup]:
            line = " ".join(block.get_text(" ").split())
            for name in {entry.origin_name, *(f.get_text(" ").strip() for f in block.find_all("font"))} - {""}:
                line = line.removesuffix(name).strip()
            if line and line.casefold() not in {seen.casefold() for seen in lines}:
                lines.append(line)
    return "\n".join(lines)


def brief_document(entry: Entry, *, source: Source, reason: str) -> Document:
    """The item itself as a document when its article cannot be read (issue 15): title,
    description, publisher and date, analysed like any text and marked `brief` with the reason.
    Its id is the link's (or the publisher's URL's, once known), so the article, read on a later
    poll, becomes the same document's next version."""
    extracted = Extracted(title=entry.title, text=brief_text(entry), published=entry.published)
    return replace(analysed(extracted, entry=entry, source=source), brief=True, brief_reason=reason)
