"""HTML article page → main text and metadata (src/monitor/extract/article.py): trafilatura's
text with the bs4 extractor as fallback, boilerplate lines and the repeated headline dropped,
metadata from the markup, and a declared canonical URL trusted only on the page's own site."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import trafilatura

from monitor.extract.article import extract_article

STORY = ("Some Mexicans seeking asylum in the United States will be sent to Guatemala as part of a bilateral "
         "agreement, the Department of Homeland Security confirmed on Monday in a notice to be published. ")


def demo_page() -> str:
    root = resources.files("monitor.services") / "demo_site" / "articles"
    return (root / "mexicans-guatemala.html").read_text().replace("{BASE}", "https://news.example")


def page(head: str = "", article: str = f"<p>{STORY * 3}</p>", lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body><article>{article}</article></body></html>'


def test_the_demo_article_keeps_the_story_and_drops_the_boilerplate():
    article = extract_article(demo_page(), url="https://news.example/articles/mexicans-guatemala.html?utm_source=rss")
    assert article.title == "U.S. to send some Mexican asylum seekers to Guatemala"
    assert "may now be eligible to be transferred to Guatemala" in article.text
    for noise in ("IE 11 is not supported", "Share on Facebook", "All rights reserved", "Joe Raedle"):
        assert noise not in article.text, noise
    assert article.published == dt.datetime(2020, 1, 6, 23, 15, tzinfo=dt.UTC) and article.lang == "en"
    assert article.canonical_url == "https://news.example/articles/mexicans-guatemala.html"


def test_boilerplate_lines_and_the_repeated_headline_are_dropped():
    article = extract_article(page(article=f"<h1>Guatemala to receive Mexicans</h1><p>Share on Facebook</p>"
                                           f"<p>{STORY * 3}</p><p>Read more:</p><p>Advertisement</p>"))
    assert article.title == "Guatemala to receive Mexicans"
    assert article.text.startswith("Some Mexicans seeking asylum")  # not the headline again
    assert "Share on" not in article.text and "Read more" not in article.text and "Advertisement" not in article.text


def test_metadata_comes_from_the_markup():
    head = ('<meta property="og:title" content="Guatemala recibirá a mexicanos">'
            '<meta property="article:published_time" content="2020-01-07T10:00:00-05:00">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2020-01-08T00:00:00Z",'
            ' "author": [{"name": "Ana Pérez"}, "Luis Gómez"]}</script>')
    article = extract_article(page(head, lang="es-MX"))
    assert article.title == "Guatemala recibirá a mexicanos" and article.lang == "es"
    assert article.published == dt.datetime(2020, 1, 7, 15, tzinfo=dt.UTC)
    assert article.updated == dt.datetime(2020, 1, 8, tzinfo=dt.UTC)
    assert article.authors == ("Ana Pérez", "Luis Gómez")


def test_a_declared_canonical_is_trusted_only_on_the_pages_own_site():
    same_site = page('<link rel="canonical" href="/news/guatemala-aca">')
    assert extract_article(same_site, url="https://www.dhs.gov/news/1?utm_source=rss").canonical_url == \
        "https://www.dhs.gov/news/guatemala-aca"
    other_site = page('<link rel="canonical" href="https://evil.example/x">')
    assert extract_article(other_site, url="https://www.dhs.gov/news/1?utm_source=rss").canonical_url == \
        "https://www.dhs.gov/news/1"
    assert extract_article(other_site).canonical_url == "https://evil.example/x"  # no page URL: as declared


@pytest.mark.parametrize("trafilatura_says", ["nothing", "an error"])
def test_when_trafilatura_gives_nothing_the_fallback_extractor_is_used(monkeypatch, caplog, trafilatura_says):
    def bare_extraction(*args, **kwargs):
        if trafilatura_says == "an error":
            raise RecursionError("maximum recursion depth exceeded")  # as on some hostile pages
        return None

    monkeypatch.setattr(trafilatura, "bare_extraction", bare_extraction)
    article = extract_article(page('<meta property="article:published_time" content="2020-01-07">',
                                   article=f"<h1>Guatemala to receive Mexicans</h1><p>{STORY}</p><p>Read more:</p>"))
    assert article.title == "Guatemala to receive Mexicans" and article.text == STORY.strip()
    assert article.published == dt.datetime(2020, 1, 7, tzinfo=dt.UTC)
    assert ("trafilatura failed" in caplog.text) == (trafilatura_says == "an error")
