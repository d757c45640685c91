import datetime as dt
from pathlib import Path

import pytest

from monitor.errors import ParseError, SourceConfigError
from monitor.models import Source
from monitor.sources import parse_feed, parse_sources
from monitor.sources.html_list import parse_listing
from monitor.sources.json_api import parse_documents_api

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
BASE = "https://test.example"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{BASE}", BASE).encode()


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


def test_html_list_items_dates_and_next_page():
    src = Source(id="sre", kind="html_list", url=f"{BASE}/sre/archivo/prensa", language="es",
                 selectors={"item": "section#prensa article", "link": "h2 a", "title": "h2", "date": "time",
                            "next": "a[rel=next]"})
    entries, next_url = parse_listing(fixture("sre-prensa.html"), source=src, base_url=f"{BASE}/sre/archivo/prensa")
    assert [e.url for e in entries] == [f"{BASE}/sre/prensa/mexico-desacuerdo-guatemala?idiom=es",
                                        f"{BASE}/sre/prensa/red-consular"]
    assert entries[0].published.date() == dt.date(2020, 1, 6) and entries[0].title.startswith("México manifiesta")
    assert next_url == f"{BASE}/sre/archivo/prensa?page=2"


def test_html_list_whose_layout_changed_is_a_parse_error():
    src = Source(id="x", kind="html_list", url=f"{BASE}/", selectors={"item": ".views-row"})
    with pytest.raises(ParseError, match="matched nothing"):
        parse_listing(b"<html><body><div class='new-layout'></div></body></html>", source=src, base_url=BASE)


def test_federal_register_results_and_next_page():
    src = Source(id="fr", kind="json_api", url=f"{BASE}/fr/api/v1/documents.json")
    entries, next_url = parse_documents_api(fixture("federalregister-page1.json"), source=src)
    assert [e.title[:24] for e in entries] == ["Implementing Bilateral a", "Notice Designating Mexic"]
    assert entries[0].text_urls == (f"{BASE}/fr/documents/full_text/html/2019/11/19/2019-25137.html",
                                    f"{BASE}/fr/pdf/2019-25137.pdf")
    assert entries[1].summary.startswith("The Department announces") and entries[0].published.year == 2019
    assert "page=2" in next_url
    assert parse_documents_api(b'{"count": 0, "description": "none"}', source=src) == ([], None)
    with pytest.raises(ParseError, match="not JSON"):
        parse_documents_api(b"<html>maintenance</html>", source=src)


@pytest.mark.parametrize(("yaml_text", "expected"), [
    ("- {id: u, kind: html_list, url: 'https://x.org/'}", "source u: field 'selectors.item'"),
    ("- {id: u, kind: html_list, url: 'https://x.org/', selectors: {item: 'div[', link: a}}", "selectors.item': invalid"),
    ("- {id: u, kind: html_list, url: 'https://x.org/', selectors: {item: li, colour: red}}", "selectors.colour"),
    ("- {id: f, kind: feed, url: 'https://x.org/', selectors: {item: li}}", "source f: field 'selectors'"),
    ("- {id: j, kind: json_api, url: 'https://x.org/', max_pages: 0}", "source j: field 'max_pages'"),
])
def test_kind_specific_validation_names_source_and_field(yaml_text, expected):
    with pytest.raises(SourceConfigError, match=expected.replace("'", ".").replace("[", ".")):
        parse_sources("sources:\n  " + yaml_text + "\n")
