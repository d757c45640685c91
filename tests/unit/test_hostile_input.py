"""Hostile input: feed parsing, extraction and detection never crash on arbitrary bytes and
finish on pathological pages (deeply nested HTML, 5 MB on one line). Property tests with
hypothesis (bounded example counts, so CI time stays bounded); the time bound is a hang guard
(pytest-timeout), not a speed target — speed is measured in bench/."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.detect import detect
from monitor.errors import ParseError
from monitor.extract.page import extract_page
from monitor.models import Source
from monitor.sources import parse_feed

SOURCE = Source(id="fuzz", kind="feed", url="https://news.example/feed")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FEED_BITS = st.sampled_from([
    b"<?xml version='1.0'?>", b"<rss version='2.0'>", b"<channel>", b"<item>", b"<title>", b"</title>",
    b"<link>https://news.example/a</link>", b"</item>", b"</channel></rss>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
    b"<entry>", b"</entry>", b"<![CDATA[", b"]]>", b"&amp;", b"&#0;", b"\xff\xfe", b"\x00", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
])
HTML_BITS = st.sampled_from([
    "<html>", "<body>", "<article>", "<p>", "</p>", "<div class='share'>", "</div>", "<script>", "</script>",
    "<h1>", "</h1>", "<meta property='og:title' content='x'>", "<link rel='canonical' href='javascript:alert(1)'>",
    "&nbsp;", "<time datetime='not-a-date'>", "<!--", "-->", "<table><tr><td>", "Asylum Cooperative Agreement",
])


@FAST
@given(st.one_of(st.binary(max_size=4000), st.lists(FEED_BITS, max_size=60).map(b"".join)))
def test_feed_parsing_returns_entries_or_a_parse_error(body):
    try:
        entries = parse_feed(body, source=SOURCE, base_url="https://news.example/feed")
    except ParseError:
        return
    assert all(e.url.startswith(("http://", "https://")) for e in entries)


@FAST
@given(st.one_of(st.binary(max_size=4000), st.lists(HTML_BITS, max_size=80).map(lambda p: "".join(p).encode())))
def test_extraction_never_crashes(body):
    try:
        page = extract_page(body, content_type="text/html", url="https://news.example/a", title="t")
    except ParseError:
        return
    assert isinstance(page.text, str)


@FAST
@given(st.text(max_size=3000), st.text(max_size=200))
def test_detection_never_crashes(text, title):
    result = detect(text, title=title)
    assert all(0.0 <= e.confidence <= 1.0 for e in result.events)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("html", [
    "<html><body>" + "<div>" * 20000 + "asylum" + "</div>" * 20000 + "</body></html>",
    "<html><body><p>" + ("transfer to Guatemala under the Asylum Cooperative Agreement " * 80000) + "</p></body></html>",
    "<p>" + "a" * 5_000_000 + "</p>",
])
def test_pathological_pages_finish(html):
    try:
        page = extract_page(html.encode(), content_type="text/html", url="https://news.example/a", title="t")
    except ParseError:
        return
    detect(page.text[:200_000], title=page.title)
