"""The feed adapter (src/monitor/sources/feed.py): RSS (0.91, 1.0, 2.0) and Atom into entries;
anything else is a ParseError naming the source."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.errors import ParseError
from monitor.models import Source
from monitor.sources import parse_feed

SOURCE = Source(id="t", kind="feed", url="https://news.example/feed")
BASE = "https://test.example"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FEED_BITS = st.sampled_from([
    b"<?xml version='1.0'?>", b"<rss version='2.0'>", b"<channel>", b"<item>", b"<title>", b"</title>",
    b"<link>https://news.example/a</link>", b"</item>", b"</channel></rss>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
    b"<entry>", b"</entry>", b"<![CDATA[", b"]]>", b"&amp;", b"&#0;", b"\xff\xfe", b"\x00", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
])

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://news.example/a</link><pubDate>Mon, 06 Jan 2020 23:15:00 GMT</pubDate>
<description>first</description></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Dos</title><link href="https://noticias.example/b"/><id>urn:x</id>
<updated>2020-01-07T10:00:00Z</updated><summary>resumen</summary></entry></feed>"""


def test_rss_items_become_entries_and_linkless_items_are_skipped():
    [entry] = parse_feed(RSS, source=SOURCE, base_url="https://news.example/feed")
    assert entry.url == "https://news.example/a" and entry.title == "One" and entry.summary == "first"
    assert entry.published == dt.datetime(2020, 1, 6, 23, 15, tzinfo=dt.UTC)


def test_atom_entries_parse():
    [entry] = parse_feed(ATOM, source=SOURCE, base_url="https://noticias.example/feed")
    assert entry.url == "https://noticias.example/b" and entry.updated == "2020-01-07T10:00:00Z"


@pytest.mark.parametrize("body", [b"", b"\x00\x01\x02 garbage", b"<html><body>not a feed</body></html>"])
def test_garbage_is_a_parse_error(body):
    with pytest.raises(ParseError, match="source t"):
        parse_feed(body, source=SOURCE, base_url="https://news.example/feed")


def test_rss_091_and_rss_10_rdf_parse():
    src = Source(id="t", kind="feed", url="https://x.example/feed")
    rss091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>T</title><link>https://x.example/</link>
<description>d</description><item><title>A</title><link>https://x.example/a</link></item></channel></rss>"""
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://x.example/"><title>T</title></channel>
<item rdf:about="https://x.example/b"><title>B</title><link>https://x.example/b</link></item></rdf:RDF>"""
    assert [e.url for e in parse_feed(rss091, source=src, base_url=BASE)] == ["https://x.example/a"]
    assert [e.url for e in parse_feed(rdf, source=src, base_url=BASE)] == ["https://x.example/b"]


def test_a_feed_declared_utf8_but_latin1_still_parses():
    src = Source(id="t", kind="feed", url="https://x.example/feed")
    body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><item>'
            '<title>Migración</title><link>https://x.example/m</link></item></channel></rss>').encode("iso-8859-1")
    [entry] = parse_feed(body, source=src, base_url=BASE, content_type="application/rss+xml; charset=utf-8")
    assert entry.title == "Migración"


def test_html_served_as_a_feed_is_named():
    src = Source(id="t", kind="feed", url="https://x.example/feed")
    with pytest.raises(ParseError, match="not RSS or Atom .it is HTML"):
        parse_feed(b"<!doctype html><html><body><p>news</p></body></html>", source=src, base_url=BASE)


# Hostile input (property tests with hypothesis, bounded example counts so CI time stays bounded):
# arbitrary bytes and feed-shaped fragments give entries with http(s) URLs, or a ParseError.
@FAST
@given(st.one_of(st.binary(max_size=4000), st.lists(FEED_BITS, max_size=60).map(b"".join)))
def test_feed_parsing_returns_entries_or_a_parse_error(body):
    try:
        entries = parse_feed(body, source=SOURCE, base_url="https://news.example/feed")
    except ParseError:
        return
    assert all(e.url.startswith(("http://", "https://")) for e in entries)
