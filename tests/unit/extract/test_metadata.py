"""Page metadata from the markup (src/monitor/extract/metadata.py): each field from its best
source first — `<meta>` tags, then JSON-LD, then the page's own elements."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup

from monitor.extract.metadata import read_metadata


def metadata(head: str = "", body: str = "", lang: str | None = None):
    html_tag = f'<html lang="{lang}">' if lang else "<html>"
    return read_metadata(BeautifulSoup(f"{html_tag}<head>{head}</head><body>{body}</body></html>", "lxml"))


def ld(**item) -> str:
    return f'<script type="application/ld+json">{json.dumps(item)}</script>'


def test_the_publication_date_comes_from_meta_then_json_ld_then_a_time_element():
    meta = '<meta property="article:published_time" content="2020-01-07T10:00:00-05:00">'
    json_ld = ld(**{"@type": "NewsArticle", "datePublished": "2019-12-31"})
    time_tag = '<time datetime="2018-06-01">1 June</time>'
    assert metadata(meta + json_ld, time_tag).published == dt.datetime(2020, 1, 7, 15, tzinfo=dt.UTC)
    assert metadata(json_ld, time_tag).published == dt.datetime(2019, 12, 31, tzinfo=dt.UTC)
    assert metadata(body=time_tag).published == dt.datetime(2018, 6, 1, tzinfo=dt.UTC)
    assert metadata('<meta name="date" content="not a date">', time_tag).published.year == 2018  # unreadable: next
    assert metadata().published is None


def test_the_update_date_comes_from_meta_or_json_ld():
    assert metadata('<meta property="article:modified_time" content="2020-01-08T00:00:00Z">').updated == \
        dt.datetime(2020, 1, 8, tzinfo=dt.UTC)
    assert metadata(ld(**{"@type": "NewsArticle", "dateModified": "2020-01-09"})).updated.date() == dt.date(2020, 1, 9)


def test_authors_are_names_from_json_ld_and_meta_without_profile_urls_or_repeats():
    json_ld = ld(**{"@graph": [{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ana Pérez"},
                                                                 "Luis Gómez"]}]})
    meta = ('<meta name="author" content="Ana Pérez"><meta property="article:author" '
            'content="https://facebook.com/someone"><meta name="byl" content="  Press Office ">')
    assert metadata(json_ld + meta).authors == ("Ana Pérez", "Luis Gómez", "Press Office")
    many = "".join(f'<meta name="author" content="Author {n}">' for n in range(15))
    assert len(metadata(many).authors) == 10


@pytest.mark.parametrize(("head", "body", "title"), [
    ('<meta property="og:title" content="OG title"><title>Site | Story</title>' + ld(headline="LD"), "<h1>H1</h1>",
     "OG title"),
    ('<title>Site | Story</title>' + ld(**{"@type": "NewsArticle", "headline": "LD headline"}), "<h1>H1</h1>",
     "LD headline"),
    ("<title>Site | Story</title>", "<h1> The  <em>H1</em> </h1>", "The H1"),
    ("<title> Site | Story </title>", "<p>no heading</p>", "Site | Story"),
])
def test_the_title_comes_from_the_best_source(head, body, title):
    assert metadata(head, body).title == title


def test_the_canonical_url_is_the_declared_one_or_open_graphs():
    assert metadata('<link rel="canonical" href=" https://news.example/a "><meta property="og:url" '
                    'content="https://news.example/og">').canonical == "https://news.example/a"
    assert metadata('<meta property="og:url" content="https://news.example/og">').canonical == "https://news.example/og"
    assert metadata().canonical is None


@pytest.mark.parametrize(("lang", "expected"), [("es-MX", "es"), ("EN", "en"), ("", None), (None, None)])
def test_the_declared_language_is_the_primary_subtag(lang, expected):
    assert metadata(lang=lang).lang == expected


def test_broken_json_ld_is_ignored():
    head = ('<script type="application/ld+json">{ not json </script>'
            + ld(**{"@type": "NewsArticle", "headline": "Still read"}))
    assert metadata(head).title == "Still read"
