"""One entry → one analysed `models.Document` (src/monitor/ingest/document.py).

`build_document` is pure: title and date fall back to the entry's, identity is the page's
(same-site) canonical URL for web pages but the entry's URL for API records, the language is
read from the text before any declaration, and the detector's verdict is stored. `fetch_article`
is exercised with a stand-in fetcher (a function of the URL): which URLs it tries, in which
order, and when an API record falls back to its abstract. Real fetching: tests/integration."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.errors import FetchError, ParseError
from monitor.extract.page import extract_page
from monitor.fetch import Response
from monitor.ingest.document import build_document, fetch_article
from monitor.ingest.identify import content_hash, document_id
from monitor.models import Entry, Extracted, Source

ES_TEXT = ("Los mexicanos que soliciten asilo en Estados Unidos podrán ser trasladados a Guatemala en virtud del "
           "Acuerdo de Cooperación en materia de Asilo, informó el Departamento de Seguridad Nacional el lunes.")
EN_TEXT = ("Certain Mexicans seeking humanitarian protections in the United States may now be eligible to be "
           "transferred to Guatemala under the Asylum Cooperative Agreement, the Department of Homeland Security said.")
JAN6 = dt.datetime(2020, 1, 6, tzinfo=dt.UTC)
FEED = Source(id="dhs", kind="feed", url="https://www.dhs.gov/news.xml", language="en", tags=("us", "gov"))
API = Source(id="fr", kind="json_api", url="https://www.federalregister.gov/api/v1/documents.json")


def entry(**changes) -> Entry:
    base = dict(source_id="dhs", url="https://www.dhs.gov/news/2020/01/06/guatemala?utm_source=rss",
                title="Entry title", published=JAN6, updated="2020-01-07T10:00:00Z")
    return Entry(**{**base, **changes})


def page(html_head: str = "", body: str = EN_TEXT, url: str = "https://www.dhs.gov/news/2020/01/06/guatemala?utm_source=rss") -> Extracted:
    html = f"<html><head>{html_head}</head><body><article><h1>DHS statement</h1><p>{body}</p></article></body></html>"
    return extract_page(html.encode(), content_type="text/html", url=url)


def test_the_pages_title_and_date_win_and_the_entrys_fill_in():
    dated = page('<meta property="article:published_time" content="2020-01-07T09:00:00Z">')
    doc = build_document(dated, entry=entry(), source=FEED)
    assert doc.title == "DHS statement" and doc.published == dt.datetime(2020, 1, 7, 9, tzinfo=dt.UTC)
    bare = Extracted(title="", text=EN_TEXT)
    doc = build_document(bare, entry=entry(), source=FEED)
    assert doc.title == "Entry title" and doc.published == JAN6
    assert doc.content_hash == content_hash("Entry title", EN_TEXT)  # the title counts as content


def test_a_web_pages_same_site_canonical_is_its_identity():
    doc = build_document(page('<link rel="canonical" href="https://www.dhs.gov/news/guatemala-aca">'),
                         entry=entry(), source=FEED)
    assert doc.canonical_url == "https://www.dhs.gov/news/guatemala-aca"
    assert doc.id == document_id("https://www.dhs.gov/news/guatemala-aca")
    assert doc.url == entry().url  # where it was listed is kept too


def test_a_canonical_on_another_site_is_ignored_and_tracking_is_stripped():
    doc = build_document(page('<link rel="canonical" href="https://evil.example/guatemala">'),
                         entry=entry(), source=FEED)
    assert doc.canonical_url == "https://www.dhs.gov/news/2020/01/06/guatemala"
    assert doc.id == document_id(entry().url)


def test_an_api_record_keeps_the_entrys_url_as_identity():
    record = entry(source_id="fr", url="https://www.federalregister.gov/documents/2019/11/19/2019-25137/aca",
                   text_urls=("https://www.federalregister.gov/documents/full_text/html/2019/11/19/2019-25137.html",))
    text_page = page('<link rel="canonical" href="https://www.federalregister.gov/full_text/2019-25137">',
                     url=record.text_urls[0])
    doc = build_document(text_page, entry=record, source=API)
    assert doc.canonical_url == record.url and doc.id == document_id(record.url)
    assert doc.source_kind == "json_api" and doc.tags == ()


def test_the_language_is_read_from_the_text_first():
    # The page declares English and the source is an English one, but the text is Spanish.
    doc = build_document(Extracted(title="", text=ES_TEXT, lang="en"), entry=entry(title=""), source=FEED)
    assert doc.lang == "es" == doc.detection.lang


@pytest.mark.parametrize(("declared", "source_language", "expected"), [
    ("pt", "es", "pt"), (None, "es", "es"), (None, None, "und"),
])
def test_without_readable_words_the_declared_language_then_the_sources_apply(declared, source_language, expected):
    source = FEED.model_copy(update={"language": source_language})
    doc = build_document(Extracted(title="", text="12345 678", lang=declared), entry=entry(title=""), source=source)
    assert doc.lang == expected


def test_the_detectors_verdict_and_the_bookkeeping_fields_are_stored():
    doc = build_document(page('<meta name="author" content="Press Office">'), entry=entry(), source=FEED)
    assert doc.authors == ("Press Office",)
    assert doc.detection.relevant and {e.key for e in doc.detection.events} == {"made_amenable GT MX"}
    assert (doc.source_id, doc.source_kind, doc.tags, doc.entry_updated) == (
        "dhs", "feed", ("us", "gov"), "2020-01-07T10:00:00Z")
    body = doc.body()
    assert body["relevant"] is True and body["reconciled"] is False and body["events"][0]["receiving"] == "GT"
    quiet = build_document(Extracted(title="Budget", text="The council approved the road budget."), entry=entry(),
                           source=FEED)
    assert not quiet.detection.relevant and quiet.body()["reconciled"] is True


class Pages:
    """Stands in for `Fetcher`: answers each URL from a dict (bytes, or an error to raise)."""

    def __init__(self, answers: dict[str, bytes | Exception]) -> None:
        self.answers, self.asked = answers, []

    def get(self, url: str) -> Response:
        self.asked.append(url)
        answer = self.answers[url]
        if isinstance(answer, Exception):
            raise answer
        return Response(url=url, status=200, body=answer, content_type="text/html", etag=None, last_modified=None)


def html(text: str) -> bytes:
    return f"<html><body><article><h1>Notice</h1><p>{text}</p></article></body></html>".encode()


def test_an_api_records_text_urls_are_tried_before_its_page():
    record = entry(url="https://fr.example/d/1", text_urls=("https://fr.example/full/1.html", "https://fr.example/1.pdf"))
    pages = Pages({"https://fr.example/full/1.html": FetchError("HTTP 404"), "https://fr.example/1.pdf": html(EN_TEXT),
                   "https://fr.example/d/1": html("the landing page")})
    assert EN_TEXT in fetch_article(record, fetcher=pages).text
    assert pages.asked == ["https://fr.example/full/1.html", "https://fr.example/1.pdf"]


def test_an_api_record_whose_pages_all_fail_falls_back_to_its_abstract():
    record = entry(url="https://fr.example/d/1", text_urls=("https://fr.example/full/1.html",), summary="The abstract.")
    pages = Pages({"https://fr.example/full/1.html": FetchError("HTTP 503"), "https://fr.example/d/1": b"   "})
    article = fetch_article(record, fetcher=pages)
    assert (article.title, article.text, article.published) == ("Entry title", "The abstract.", JAN6)


def test_a_web_page_that_fails_raises_its_error():
    pages = Pages({entry().url: FetchError("HTTP 500", url=entry().url)})
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_article(entry(summary="a feed summary is no substitute for the article"), fetcher=pages)
    with pytest.raises(ParseError):
        fetch_article(entry(), fetcher=Pages({entry().url: b"<html><body></body></html>"}))


def test_a_refusal_whose_page_is_a_block_page_or_a_challenge_is_named_else_it_stays_a_fetch_error():
    from pathlib import Path

    from monitor.errors import HTTPStatusError
    from monitor.ingest.document import refusal

    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "notarticle"
    url = "https://www.state.gov/releases/"
    blocked = refusal(HTTPStatusError("HTTP 403", url=url, status=403,
                                       body=(fixtures / "akamai-access-denied.html").read_bytes()))
    assert blocked is not None and blocked.reason == "block page" and blocked.url == url
    challenge = refusal(HTTPStatusError("HTTP 503", url=url, status=503,
                                         body=(fixtures / "cloudflare-challenge.html").read_bytes()))
    assert challenge is not None and challenge.reason == "challenge page"
    assert refusal(HTTPStatusError("HTTP 403", url=url, status=403)) is None  # no page kept
    assert refusal(HTTPStatusError("HTTP 403", url=url, status=403, body=b"status 403")) is None
    # a soft-404-looking page behind an error status is not a refusal
    assert refusal(HTTPStatusError("HTTP 403", url=url, status=403,
                                    body=(fixtures / "soft-404-en.html").read_bytes())) is None
