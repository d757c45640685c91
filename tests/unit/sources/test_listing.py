"""One source's listing (src/monitor/sources/listing.py): the entries hash that decides whether a
source changed, the dispatch to each kind's adapter, and the poll itself — conditional GET,
unchanged listings, bounded pagination, a failing later page — with a stand-in fetcher (a
function of the URL) and the real adapters. Real HTTP: tests/integration (see tests/README.md)."""

from __future__ import annotations

import json

import pytest

from monitor.errors import FetchError, ParseError
from monitor.fetch import Response
from monitor.models import Entry, Source, SourceState
from monitor.sources.listing import entries_hash, fetch_listing, parse_page

FEED = Source(id="news", kind="feed", url="https://news.example/feed.xml")
API = Source(id="fr", kind="json_api", url="https://api.example/documents.json", max_pages=3)
LIST = Source(id="gov", kind="html_list", url="https://gov.example/news", selectors={"item": "li", "link": "a"})


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>{link}</title><link>{link}</link></item>" for link in links)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode()


def api_page(*urls: str, next_url: str | None = None) -> bytes:
    results = [{"title": u.rsplit("/", 1)[1], "html_url": u, "publication_date": "2020-01-06"} for u in urls]
    return json.dumps({"count": len(urls), "results": results, "next_page_url": next_url}).encode()


class Site:
    """Stands in for `Fetcher`: answers from a dict (a Response, bytes, or an error to raise)."""

    def __init__(self, pages: dict[str, bytes | Response | Exception]) -> None:
        self.pages, self.asked = pages, []

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        self.asked.append((url, etag, last_modified))
        page = self.pages[url]
        if isinstance(page, Exception):
            raise page
        if isinstance(page, Response):
            return page
        return Response(url=url, status=200, body=page, content_type="", etag='"v2"',
                        last_modified="Sun, 01 Mar 2026 11:00:00 GMT")


def entry(url: str, **changes) -> Entry:
    return Entry(**{"source_id": "news", "url": url, "title": "T", "updated": "u1", **changes})


def test_the_hash_ignores_what_changes_on_every_request():
    base = [entry("https://a.example/1"), entry("https://a.example/2")]
    noisy = [entry("https://a.example/1", summary="Updated 3 minutes ago", published=None, text_urls=("x",),
                   source_id="other"), entry("https://a.example/2", summary="csrf=81f2")]
    assert entries_hash(noisy) == entries_hash(base)


@pytest.mark.parametrize("changed", [
    [entry("https://a.example/1"), entry("https://a.example/3")],  # a new item
    [entry("https://a.example/1", title="T, corrected"), entry("https://a.example/2")],
    [entry("https://a.example/1", updated="u2"), entry("https://a.example/2")],
    [entry("https://a.example/2"), entry("https://a.example/1")],  # the order
    [entry("https://a.example/1")],
])
def test_the_hash_changes_with_what_matters(changed):
    assert entries_hash(changed) != entries_hash([entry("https://a.example/1"), entry("https://a.example/2")])


def test_field_boundaries_are_part_of_the_hash():
    assert entries_hash([entry("https://a.example/ab", title="c")]) != entries_hash([entry("https://a.example/a", title="bc")])
    assert entries_hash([]) == entries_hash([]) != entries_hash([entry("https://a.example/1")])


def test_each_kind_is_parsed_by_its_own_adapter():
    def response(body: bytes) -> Response:
        return Response(url="https://x.example/p", status=200, body=body, content_type="", etag=None, last_modified=None)

    entries, next_url = parse_page(FEED, response(rss("https://news.example/a")))
    assert [e.url for e in entries] == ["https://news.example/a"] and next_url is None  # feeds have no next page
    entries, next_url = parse_page(API, response(api_page("https://fr.example/d/1", next_url="https://api.example/p2")))
    assert [e.url for e in entries] == ["https://fr.example/d/1"] and next_url == "https://api.example/p2"
    entries, _ = parse_page(LIST, response(b"<ul><li><a href='/news/1'>One</a></li></ul>"))
    assert [e.url for e in entries] == ["https://x.example/news/1"]


def test_an_unknown_kind_is_a_parse_error_naming_the_source():
    odd = Source.model_construct(id="odd", kind="sitemap", url="https://x.example/")  # past validation
    with pytest.raises(ParseError, match="source odd: unknown kind 'sitemap'"):
        parse_page(odd, Response(url="u", status=200, body=b"<urlset/>", content_type="", etag=None,
                                 last_modified=None))


def test_a_304_is_unchanged_and_keeps_the_cursor():
    not_modified = Response(url=str(FEED.url), status=304, body=b"", content_type="", etag=None, last_modified=None)
    site = Site({str(FEED.url): not_modified})
    listing = fetch_listing(FEED, fetcher=site, cursor=SourceState(etag='"v1"', last_modified="Sat, 29 Feb 2026"))
    assert listing.not_modified and listing.entries == [] and listing.etag == '"v1"' and listing.pages == 1
    assert site.asked == [(str(FEED.url), '"v1"', "Sat, 29 Feb 2026")]  # a conditional GET


def test_a_listing_whose_entries_hash_to_the_cursor_is_unchanged_and_not_followed():
    pages = {str(API.url): api_page("https://fr.example/d/1", next_url="https://api.example/p2"),
             "https://api.example/p2": api_page("https://fr.example/d/2")}
    first_poll = fetch_listing(API, fetcher=Site(pages), cursor=SourceState())
    assert not first_poll.not_modified and first_poll.pages == 2
    site = Site(pages)  # the same answers again (an API without ETags)
    listing = fetch_listing(API, fetcher=site, cursor=SourceState(body_hash=first_poll.body_hash))
    assert listing.not_modified and [url for url, *_ in site.asked] == [str(API.url)]


def test_pages_are_followed_up_to_max_pages_and_duplicates_dropped():
    site = Site({
        str(API.url): api_page("https://fr.example/d/1", "https://fr.example/d/2", next_url="https://api.example/p2"),
        "https://api.example/p2": api_page("https://fr.example/d/2", "https://fr.example/d/3", next_url="https://api.example/p3"),
        "https://api.example/p3": api_page("https://fr.example/d/4", next_url="https://api.example/p4"),
        "https://api.example/p4": api_page("https://fr.example/d/5"),
    })
    listing = fetch_listing(API, fetcher=site, cursor=SourceState())
    assert listing.pages == 3 and "https://api.example/p4" not in [url for url, *_ in site.asked]
    assert [e.url for e in listing.entries] == [f"https://fr.example/d/{n}" for n in (1, 2, 3, 4)]
    assert (listing.etag, listing.last_modified, listing.errors) == ('"v2"', "Sun, 01 Mar 2026 11:00:00 GMT", [])
    assert listing.body_hash  # the first page's hash is the new cursor


def test_a_next_link_back_to_a_page_already_read_ends_the_walk():
    site = Site({str(API.url): api_page("https://fr.example/d/1", next_url="https://api.example/p2"),
                 "https://api.example/p2": api_page("https://fr.example/d/2", next_url=str(API.url))})
    listing = fetch_listing(API, fetcher=site, cursor=SourceState())
    assert listing.pages == 2 and [url for url, *_ in site.asked] == [str(API.url), "https://api.example/p2"]


@pytest.mark.parametrize("failure", [FetchError("HTTP 503"), b"<html>maintenance</html>"])
def test_a_later_page_that_fails_is_reported_and_the_entries_read_so_far_kept(failure):
    site = Site({str(API.url): api_page("https://fr.example/d/1", next_url="https://api.example/p2"),
                 "https://api.example/p2": failure})
    listing = fetch_listing(API, fetcher=site, cursor=SourceState())
    assert [e.url for e in listing.entries] == ["https://fr.example/d/1"] and listing.pages == 1
    assert len(listing.errors) == 1 and listing.errors[0].startswith("page 2: ")


def test_a_first_page_that_fails_raises():
    with pytest.raises(FetchError):
        fetch_listing(FEED, fetcher=Site({str(FEED.url): FetchError("HTTP 404")}), cursor=SourceState())
    with pytest.raises(ParseError):
        fetch_listing(FEED, fetcher=Site({str(FEED.url): b"not a feed at all"}), cursor=SourceState())
