"""`monitor sources check ID [--url URL] [--json]` (issue 15): poll one source once, the way a
run would (the URL guard, robots.txt, politeness, the source's own adapter and selectors),
and show what the adapter extracts: the items found, the next page, and for the first item
its article as the monitor would index it (title, date, language, the first lines of its
text, what the detector found), or why it is not one ("not an article: block page", a
Google News link read as a brief). Nothing is written to Elasticsearch: an operator who adds
a source, or sees "selector 'item' matched nothing", can verify it in a minute, the way
juriscraper's example files let Free Law Project's maintainers check a scraper.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from monitor.errors import FetchError, HTTPStatusError, NotAnArticle, ParseError
from monitor.fetch import Fetcher
from monitor.ingest.document import read_entry, refusal_reason
from monitor.models import Entry, Source
from monitor.sources.gnews import GoogleNewsLinks
from monitor.sources.listing import parse_page

#: Items listed in the report.
SHOWN_ITEMS = 10
#: Lines of the first article's text shown, and their total length.
SHOWN_LINES, SHOWN_CHARS = 6, 600


@dataclass
class ArticleCheck:
    url: str
    resolved_url: str = ""
    title: str = ""
    published: str | None = None
    lang: str = ""
    words: int = 0
    lines: list[str] = field(default_factory=list)
    relevant: bool | None = None
    events: list[str] = field(default_factory=list)
    brief: str = ""  # why the item could only be read as a brief
    not_an_article: str = ""  # the kind of page, when the page is not an article
    error: str = ""


@dataclass
class CheckReport:
    source_id: str
    kind: str
    url: str
    ok: bool = True
    status: int | None = None
    content_type: str = ""
    blocked: str = ""
    error: str = ""
    items: int = 0
    shown: list[dict[str, Any]] = field(default_factory=list)
    next_page: str | None = None
    article: ArticleCheck | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_source(source: Source, *, fetcher: Fetcher, url: str | None = None) -> CheckReport:
    """Read `source` (or `url` with the source's adapter) once; never raises for the source."""
    started = time.perf_counter()
    listing_url = url or str(source.url)
    report = CheckReport(source_id=source.id, kind=source.kind, url=listing_url)
    try:
        _check(source, listing_url, fetcher, report)
    finally:
        report.seconds = round(time.perf_counter() - started, 2)
    return report


def _check(source: Source, listing_url: str, fetcher: Fetcher, report: CheckReport) -> None:
    try:
        page = fetcher.get(listing_url)
        report.status, report.content_type = page.status, page.content_type
        entries, report.next_page = parse_page(source, page)
    except HTTPStatusError as exc:
        report.ok, report.status, report.error = False, exc.status, str(exc)
        report.blocked = refusal_reason(exc) or ""
        return
    except (FetchError, ParseError) as exc:
        report.ok, report.error = False, str(exc)
        return
    report.items = len(entries)
    report.shown = [{"title": e.title, "url": e.url, "published": e.published.isoformat() if e.published else None,
                     **({"publisher": e.origin_name} if e.origin_name else {})} for e in entries[:SHOWN_ITEMS]]
    if not entries:
        report.ok, report.error = False, "the listing has no items"
        return
    report.article = _article(source, entries[0], listing_url, fetcher)
    report.ok = not (report.article.error or report.article.not_an_article)


def _article(source: Source, entry: Entry, listing_url: str, fetcher: Fetcher) -> ArticleCheck:
    check = ArticleCheck(url=entry.url)
    try:
        doc = read_entry(entry, source=source, fetcher=fetcher, links=GoogleNewsLinks(fetcher), feed_url=listing_url)
    except NotAnArticle as exc:  # a refusal's page too: the fetch named it (ingest/document.py)
        check.not_an_article = exc.reason
        return check
    except (FetchError, ParseError) as exc:
        check.error = str(exc)
        return check
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    shown: list[str] = []
    for line in lines[:SHOWN_LINES]:
        if sum(map(len, shown)) + len(line) > SHOWN_CHARS:
            shown.append(line[: max(0, SHOWN_CHARS - sum(map(len, shown)))].rstrip() + "…")
            break
        shown.append(line)
    check.resolved_url, check.title, check.lang = doc.resolved_url, doc.title, doc.lang
    check.published = doc.published.isoformat() if doc.published else None
    check.words, check.lines = len(doc.text.split()), shown
    check.relevant = doc.detection.relevant
    check.events = [e.key for e in doc.detection.events]
    check.brief = doc.brief_reason if doc.brief else ""
    return check


def format_report(report: CheckReport) -> str:
    """The report for a terminal."""
    out = [f"source:    {report.source_id} ({report.kind})", f"listing:   {report.url}"]
    if report.status is not None:
        out.append(f"answer:    HTTP {report.status}{f' {report.content_type}' if report.content_type else ''}"
                   f" in {report.seconds:.1f} s")
    if report.blocked:
        out.append(f"BLOCKED:   {report.blocked}")
    elif report.error and not report.items:
        out.append(f"ERROR:     {report.error}")
    if report.items:
        out.append(f"items:     {report.items}" + (f" (first {len(report.shown)})" if report.items > len(report.shown) else ""))
        for number, item in enumerate(report.shown, start=1):
            day = (item["published"] or "no date")[:10]
            publisher = f"  [{item['publisher']}]" if item.get("publisher") else ""
            out += [f"  {number:>2}. {day}  {item['title'] or '(no title)'}{publisher}", f"      {item['url']}"]
        out.append(f"next page: {report.next_page or '-'}")
    if (article := report.article) is not None:
        out.append(f"first item's article: {article.url}")
        if article.not_an_article:
            out.append(f"  not an article: {article.not_an_article}")
        elif article.error:
            out.append(f"  ERROR: {article.error}")
        else:
            if article.resolved_url:
                out.append(f"  resolved to: {article.resolved_url}")
            if article.brief:
                out.append(f"  BRIEF (the feed item's own title and summary): {article.brief}")
            out += [f"  title:     {article.title}", f"  date:      {article.published or '-'}",
                    f"  language:  {article.lang}", f"  words:     {article.words}",
                    f"  detector:  {'relevant' if article.relevant else 'not relevant'}"
                    + (f"; events: {', '.join(article.events)}" if article.events else "")]
            out.append("  text:")
            out += [f"    {line}" for line in article.lines]
    out.append("verdict:   " + ("ok" if report.ok else "PROBLEM"))
    return "\n".join(out)
