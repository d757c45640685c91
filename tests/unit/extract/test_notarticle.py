"""Pages that are not articles are recognised by kind (extract/notarticle.py), through
`extract_page` as the ingest calls it, on fixtures in the form the services really send
(tests/fixtures/notarticle/); and no page of the labeled corpus or of the extraction set is
taken for one (a real article must never be dropped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import NotAnArticle, ParseError
from monitor.extract.notarticle import REASONS, not_an_article
from monitor.extract.page import extract_page
from tests.fixtures.sources.corpus.measure import HELD_OUT, TEMPLATES, load_stories, render

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "notarticle"

CASES = [
    ("akamai-access-denied.html", "https://www.state.gov/releases/office-of-the-spokesperson/", "block page"),
    ("cloudfront-403.html", "https://www.example.gov/news/release-1", "block page"),
    ("cloudflare-blocked.html", "https://www.example-news.com/world/americas/deal", "block page"),
    ("cloudflare-challenge.html", "https://www.example-news.com/world/americas/deal", "challenge page"),
    ("google-consent.html", "https://consent.google.com/ml?continue=https://news.google.com/rss/articles/CBMi", "consent wall"),
    ("cookie-wall-es.html", "https://www.lafrontera.example/nacional/acuerdo-asilo", "consent wall"),
    ("react-shell.html", "https://www.mfa.example/news/2025/11/statement", "app shell"),
    ("soft-404-en.html", "https://www.dhs.gov/news/2025/11/14/old-release", "soft 404"),
    ("soft-404-es.html", "https://www.cancilleria.example/prensa/comunicado-123", "soft 404"),
    ("login-wall.html", "https://www.borderledger.example/2025/11/transfers", "login wall"),
    ("gnews-interstitial.html", "https://news.google.com/rss/articles/CBMiX2h0dHBzOi8vd3d3?oc=5", "redirect interstitial"),
]


@pytest.mark.parametrize(("name", "url", "reason"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_non_article_is_named_and_refused(name, url, reason):
    body = (FIXTURES / name).read_bytes()
    with pytest.raises(NotAnArticle) as raised:
        extract_page(body, content_type="text/html; charset=utf-8", url=url)
    assert raised.value.reason == reason
    assert isinstance(raised.value, ParseError)  # the ingest counts it as an article that failed
    assert reason in str(raised.value) and url in str(raised.value)


def test_every_kind_has_a_fixture():
    assert {reason for _, _, reason in CASES} == set(REASONS)


def test_the_interstitial_is_recognised_by_its_text_on_another_host_too():
    html = (FIXTURES / "gnews-interstitial.html").read_text()
    text = "Opening https://www.example-news.com/world/americas/us-guatemala-asylum-2025-11-14/"
    assert not_an_article(html, text, "https://redirect.example/r/123") == "redirect interstitial"


def test_a_short_news_brief_with_trigger_words_is_still_an_article():
    # Words a block page or soft 404 would use, in a real (short) story: no markup cue, no verdict.
    html = ("<html><head><title>Court: transfers to Guatemala forbidden until hearing</title></head><body>"
            "<article><h1>Court: transfers to Guatemala forbidden until hearing</h1><p>A federal judge said "
            "on Monday that access was denied to lawyers and the records were not found, so transfers are "
            "forbidden until a hearing; please accept all filings by Friday, the order says.</p></article>"
            "<form><input type='password' name='p'></form></body></html>")
    page = extract_page(html.encode(), content_type="text/html", url="https://news.example/court")
    assert "federal judge" in page.text


@pytest.mark.parametrize("title", ["Council note 404", "Flight 404 lands with 30 deportees", "Resolución 404/2025"])
def test_a_number_404_in_a_short_story_title_is_not_a_soft_404(title):
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            "<p>The council met on Monday and approved the harbour budget.</p></article></body></html>")
    assert not_an_article(html, "The council met on Monday and approved the harbour budget.", "https://x.example/") is None


def _corpus_pages() -> list[Path]:
    return sorted(p for p in (REPO / "tests" / "corpus").rglob("*.html"))


def test_no_page_of_the_labeled_corpus_is_taken_for_a_non_article():
    pages = _corpus_pages()
    assert len(pages) > 100
    flagged = []
    for path in pages:
        try:
            extract_page(path.read_bytes(), content_type="text/html", url=f"https://example.org/{path.name}")
        except NotAnArticle as exc:
            flagged.append(f"{path.relative_to(REPO)}: {exc.reason}")
        except ParseError:
            pass  # no text at all: not this check's business
    assert flagged == []


def test_no_page_of_the_extraction_set_is_taken_for_a_non_article():
    stories = load_stories()
    templates = [p for folder in (TEMPLATES, HELD_OUT) for p in sorted(folder.glob("*.html"))]
    flagged = []
    for path in templates:
        for index, story in enumerate(stories):
            url, html = render(path.read_text(encoding="utf-8"), story, index=index)
            try:
                extract_page(html.encode(), content_type="text/html", url=url)
            except NotAnArticle as exc:
                flagged.append(f"{path.name} × {story.id}: {exc.reason}")
    assert flagged == []
