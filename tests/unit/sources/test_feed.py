import datetime as dt

import pytest

from monitor.errors import ParseError
from monitor.models import Source
from monitor.sources import parse_feed

SOURCE = Source(id="t", kind="feed", url="https://news.example/feed")

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
