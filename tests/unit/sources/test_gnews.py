"""Google News links (monitor/sources/gnews.py) and briefs (ingest/document.py) on the feed's
2024+ form (tests/fixtures/sources/gnews-search-en.rss), parsed as news.google.com serves it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from monitor.fetch import Fetcher, Response
from monitor.ingest.document import brief_document, brief_text
from monitor.settings import Settings
from monitor.sources import parse_sources
from monitor.sources.gnews import GoogleNewsLinks, LinkNotResolved, article_id, offline_url
from monitor.sources.listing import parse_page
from tests.fixtures.sources import faultserver as fs
from tests.fixtures.sources.gnews import GoogleNews, new_id, old_id

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "sources" / "gnews-search-en.rss"
FEED = "https://news.google.com/rss/search?q=%22asylum+cooperative+agreement%22&hl=en-US&gl=US&ceid=US:en"
AP = "https://apnews.com/article/guatemala-asylum-agreement-el-salvador-4b1d"


def _entries():
    [source] = parse_sources(f"sources:\n  - {{id: gnews-aca-en, kind: feed, url: '{FEED}', language: en}}\n")
    body = FIXTURE.read_text(encoding="utf-8").replace("{BASE}", "https://news.google.com").encode()
    entries, _next = parse_page(source, Response(url=FEED, status=200, body=body, content_type="application/xml; charset=utf-8",
                                                 etag=None, last_modified=None))
    return source, entries


def test_the_feed_gives_each_item_its_publisher_and_a_title_without_the_publishers_suffix():
    _source, entries = _entries()
    assert [(e.title, e.origin_name, e.origin_url) for e in entries] == [
        ("U.S. says some Mexican asylum seekers may be sent to Guatemala", "Reuters", "https://www.reuters.com"),
        ("Honduran asylum seekers can now be transferred to Guatemala, officials say", "Valley Times",
         "https://www.valleytimes.example"),
        ("El Salvador signs asylum agreement with US", "AP News", "https://apnews.com"),
        ("Trump administration's asylum deals with Central America, explained", "The Washington Post",
         "https://www.washingtonpost.com"),
    ]
    assert all(e.url.startswith("https://news.google.com/rss/articles/CBMi") and e.url.endswith("?oc=5") for e in entries)
    assert entries[0].published == dt.datetime(2020, 1, 6, 23, 40, tzinfo=dt.UTC)


@pytest.mark.parametrize(("link", "expected"), [
    ("https://news.google.com/rss/articles/CBMiabc?oc=5", "CBMiabc"),
    ("https://news.google.com/articles/CBMiabc", "CBMiabc"),
    ("https://news.google.com/read/CBMiabc?hl=en", "CBMiabc"),
    ("https://news.google.com/rss/search?q=x", None),
    ("https://www.reuters.com/articles/us-mexicans-guatemala", None),  # a publisher's own /articles/ path
    ("https://example.org/rss/articles/CBMihgFBVV95cUxVOXNEeDhR", None),  # another host than the feed's
])
def test_article_ids_are_recognised_only_on_google_news_links(link, expected):
    assert article_id(link, FEED) == expected


def test_on_the_feeds_own_host_only_a_google_news_shaped_id_counts():
    feed = "http://127.0.0.1:8000/rss/search?q=x"
    assert article_id("http://127.0.0.1:8000/rss/articles/CBMihgFBVV95cUxVOXNEeDhR", feed) == "CBMihgFBVV95cUxVOXNEeDhR"
    assert article_id("http://127.0.0.1:8000/news/articles/my-story", feed) is None


def test_ids_made_before_2024_are_read_offline_and_newer_ones_need_google():
    _source, entries = _entries()
    ids = [article_id(e.url, FEED) for e in entries]
    assert [offline_url(i) for i in ids] == [None, None, AP, None]
    assert offline_url(old_id("https://elpais.com/internacional/2020-01-07/eeuu.html")) == \
        "https://elpais.com/internacional/2020-01-07/eeuu.html"
    assert offline_url("not-base64!") is None and offline_url("CBMi") is None


def test_a_briefs_text_is_the_title_and_what_the_description_adds():
    source, entries = _entries()
    reuters, _valley, _ap, cluster = entries
    assert brief_text(reuters) == reuters.title  # the description only repeats the title and names Reuters
    assert brief_text(cluster).split("\n") == [
        "Trump administration's asylum deals with Central America, explained",
        "What the 'safe third country' agreements mean for migrants",
        "Guatemala asylum agreement faces legal challenge",
    ]
    doc = brief_document(reuters, source=source, reason="Google News link not resolved: HTTP 429")
    assert doc.brief and doc.brief_reason.endswith("HTTP 429") and doc.publisher == "Reuters"
    assert doc.body()["brief"] is True and doc.url == reuters.url
    assert doc.published == reuters.published and doc.lang == "en"


def test_links_are_resolved_through_the_fetcher_once_each_with_the_feeds_locale():
    with fs.FaultServer() as srv:
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
        ok, refused = new_id("a"), new_id("b")
        google = GoogleNews(srv, {ok: "https://publisher.example/a", refused: "https://publisher.example/b"},
                            unsigned={refused})
        feed = f"{srv.base_url}/rss/search?q=x&hl=es-419&gl=MX&ceid=MX:es-419"
        settings = Settings(allow_loopback=True, host_delay=0, http_timeout=2.0)
        with Fetcher(settings, deadline=6.0) as fetcher:
            links = GoogleNewsLinks(fetcher)
            link = f"{srv.base_url}/rss/articles/{ok}?oc=5"
            assert links.resolve(link, feed_url=feed) == "https://publisher.example/a"
            assert links.resolve(link, feed_url=feed) == "https://publisher.example/a"
            with pytest.raises(LinkNotResolved, match="no signature"):
                links.resolve(f"{srv.base_url}/rss/articles/{refused}", feed_url=feed)
            assert links.resolve(f"{srv.base_url}/rss/articles/{old_id('https://x.example/y')}", feed_url=feed) == \
                "https://x.example/y"
    assert google.pages == [ok, refused] and google.posts == [ok] and links.requests == 3
    assert google.locales[0] == {"hl": ["es-419"], "gl": ["MX"], "ceid": ["MX:es-419"]}
    # Every request went to the loopback server with the monitor's own User-Agent.
    assert {headers["User-Agent"] for _path, headers in srv.requests} == {settings.user_agent}


def test_the_guard_applies_to_google_news_requests_too():
    settings = Settings(host_delay=0, http_timeout=1.0)  # loopback not allowed
    feed = "http://127.0.0.1:9/rss/search?q=x"
    with Fetcher(settings, deadline=2.0) as fetcher:
        with pytest.raises(LinkNotResolved, match="127.0.0.1"):
            GoogleNewsLinks(fetcher).resolve(f"http://127.0.0.1:9/rss/articles/{new_id('c')}", feed_url=feed)
