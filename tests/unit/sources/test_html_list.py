"""The html_list adapter (src/monitor/sources/html_list.py): a listing page read with CSS
selectors into entries, dates and the next page; a changed layout is a parse error."""

import datetime as dt
from pathlib import Path

import pytest

from monitor.errors import ParseError
from monitor.models import Source
from monitor.sources.html_list import parse_listing

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
