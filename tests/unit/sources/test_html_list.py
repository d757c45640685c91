"""The html_list adapter (src/monitor/sources/html_list.py): a listing page read with CSS
selectors into entries, dates and the next page; a changed layout is a parse error."""

import datetime as dt
from pathlib import Path

import pytest

from monitor.errors import ParseError
from monitor.models import Source
from monitor.sources.html_list import MAX_ITEMS, parse_listing, parse_listing_date

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
BASE = "https://test.example"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{BASE}", BASE).encode()


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


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("2020-01-06", None, dt.date(2020, 1, 6)),
    ("2020-01-06T23:15:00Z", "es", dt.date(2020, 1, 6)),
    ("January 6, 2020", "en", dt.date(2020, 1, 6)),
    ("6 de enero de 2020", "es", dt.date(2020, 1, 6)),
    ("  06 de  enero\nde 2020 ", None, dt.date(2020, 1, 6)),  # no language: English or Spanish
    ("06/01/2020", "es", dt.date(2020, 1, 6)),  # day first in Spanish
    ("01/06/2020", "en", dt.date(2020, 1, 6)),  # month first in English
])
def test_listing_dates_in_english_and_spanish(text, language, expected):
    parsed = parse_listing_date(text, language=language)
    assert parsed.date() == expected and parsed.tzinfo is not None


def test_no_date_text_is_no_date():
    assert parse_listing_date("   ") is None


def test_items_links_titles_and_dates_follow_the_selectors_and_defaults():
    src = Source(id="gov", kind="html_list", url=f"{BASE}/news", language="es",
                 selectors={"item": "li", "date": "time"})
    body = (b"<ul><li><a href='/news/1'> Uno </a><time datetime='2020-01-06'>6 ene</time></li>"
            b"<li><a href='javascript:void(0)'>menu</a></li>"  # no usable link: skipped
            b"<li><a href='mailto:prensa@gov.example'>contact</a></li>"
            b"<li><span>no link at all</span></li>"
            b"<li><a href='https://other.example/2'>Dos</a><time>7 de enero de 2020</time></li></ul>")
    entries, next_url = parse_listing(body, source=src, base_url=f"{BASE}/news?page=1")
    assert [(e.url, e.title) for e in entries] == [(f"{BASE}/news/1", "Uno"), ("https://other.example/2", "Dos")]
    assert [e.published.date() for e in entries] == [dt.date(2020, 1, 6), dt.date(2020, 1, 7)]
    assert entries[1].updated == "7 de enero de 2020" and next_url is None  # the raw date marks updates
    links = Source(id="gov", kind="html_list", url=f"{BASE}/news", selectors={"item": "a.release"})
    [entry], _ = parse_listing(b"<a class='release' href='/r/1'>Release</a>", source=links, base_url=BASE)
    assert (entry.url, entry.title) == (f"{BASE}/r/1", "Release")  # the item itself is the link


def test_a_huge_listing_is_capped():
    src = Source(id="gov", kind="html_list", url=f"{BASE}/news", selectors={"item": "li"})
    body = ("<ul>" + "".join(f"<li><a href='/n/{n}'>{n}</a></li>" for n in range(MAX_ITEMS + 50)) + "</ul>").encode()
    entries, _ = parse_listing(body, source=src, base_url=BASE)
    assert len(entries) == MAX_ITEMS and entries[-1].url == f"{BASE}/n/{MAX_ITEMS - 1}"


def test_an_empty_listing_page_is_a_parse_error():
    src = Source(id="gov", kind="html_list", url=f"{BASE}/news", selectors={"item": "li"})
    with pytest.raises(ParseError, match="source gov: empty listing page"):
        parse_listing(b" \n ", source=src, base_url=BASE)


def test_a_selector_list_is_a_list_of_preferences_in_the_order_written():
    from monitor.sources.html_list import alternatives

    page = b"""<html><body>
      <div class="views-row"><article><a href="/img/1.jpg"><img src="/img/1.jpg"></a>
        <h3><a href="/noticias/uno">Uno</a></h3><time datetime="2019-09-25T12:00:00Z">25 sep</time></article></div>
      <div class="views-row"><article><a href="/img/2.jpg"><img src="/img/2.jpg"></a>
        <h2><a href="/noticias/dos">Dos</a></h2><time datetime="2019-09-24T12:00:00Z">24 sep</time></article></div>
      <a href="/x" class="pager">more</a><a rel="next" href="?page=1">next</a></body></html>"""
    src = Source(id="sreci", kind="html_list", url=f"{BASE}/noticias", language="es",
                 selectors={"item": "article, .views-row", "link": "h2 a, h3 a, a", "title": "h2, h3",
                            "date": "time", "next": "a[rel=next], a.pager"})
    entries, next_url = parse_listing(page, source=src, base_url=f"{BASE}/noticias")
    # Each row once (not the row and its article), the headline's link (not the image's before it).
    assert [(e.url, e.title) for e in entries] == [(f"{BASE}/noticias/uno", "Uno"), (f"{BASE}/noticias/dos", "Dos")]
    assert next_url == f"{BASE}/noticias?page=1"
    assert alternatives("h2 a, a[title='a, b'], :is(h3, h4) a") == ["h2 a", "a[title='a, b']", ":is(h3, h4) a"]
