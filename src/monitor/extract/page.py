"""A fetched body → `Extracted`, whatever it is (pure): PDF through pypdf, HTML through the
article extractor, plain text as it is. Charset problems are solved before parsing. An HTML
page that is not an article (a block page, consent wall, soft 404…: `notarticle.py`) raises
`NotAnArticle` naming the kind, so it is never indexed."""

from __future__ import annotations

from monitor.errors import NotAnArticle, ParseError
from monitor.extract.article import extract_article
from monitor.extract.charset import decode_body
from monitor.extract.html import looks_like_html
from monitor.extract.notarticle import not_an_article
from monitor.extract.pdf import extract_pdf, is_pdf
from monitor.extract.urls import canonical_url
from monitor.models import Extracted


def extract_page(body: bytes, *, content_type: str = "", url: str | None = None, title: str = "") -> Extracted:
    """Extract any fetched page; `title` is used when the page has none (plain text, PDF)."""
    if not body.strip():
        raise ParseError(f"empty body from {url or 'page'}")
    if is_pdf(body, content_type):
        page = extract_pdf(body)
        return Extracted(title=title or page.title, text=page.text, published=page.published,
                         canonical_url=canonical_url(url) if url else None)
    text = decode_body(body, content_type)
    if "html" in content_type.lower() or looks_like_html(text):
        page = extract_article(text, url=url)
        if reason := not_an_article(text, page.text, url):
            raise NotAnArticle(reason, url or "")
        return page if page.title or not title else Extracted(**{**page.__dict__, "title": title})
    return Extracted(title=title, text=text.strip(), canonical_url=canonical_url(url) if url else None)
