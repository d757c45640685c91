import re

from monitor.index.queries import SearchParams
from monitor.index.results import Bucket, EventRef, Hit, SearchResult
from monitor.timeline import agreements
from monitor.web.pages import Links
from monitor.web.templating import environment, facet_label, href, marked


def _path_for(name, **params):
    return {"search_page": "/", "timeline_page": "/timeline", "swagger_ui_html": "/api/docs",
            "static": "/static/app.css"}.get(name) or f"/documents/{params.get('doc_id')}"


def _page(result, params=None, timelines=()):
    params = params or SearchParams()
    return environment().get_template("search.html").render(
        request=None, path_for=_path_for, optional_path=lambda name: None, params=params, result=result,
        ui_lang="en", switch_to=lambda language: f"/?hl={language}",
        links=Links("/", params),
        timelines=list(timelines),
    )


def test_marked_allows_only_mark_tags():
    fragment = "<mark>a</mark> <img src=x onerror=alert(1)>"
    assert str(marked(fragment)) == "<mark>a</mark> &lt;img src=x onerror=alert(1)&gt;"


def test_only_http_urls_become_links():
    assert href("https://example.org/a") == "https://example.org/a"
    assert href(" HTTP://example.org ") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>", "//evil.test", "", None):
        assert href(bad) is None


def test_facet_labels_read_naturally():
    assert facet_label("receiving", "GT") == "Guatemala (GT)"
    assert facet_label("action", "made_amenable") == "Made amenable to transfer"
    assert facet_label("lang", "es") == "Spanish"


def test_search_page_escapes_document_data_and_links_only_safe_urls():
    result = SearchResult(total=2, took=1, hits=[
        Hit(id="a", title="<script>alert('x')</script> Asylum", url="https://x.test/a",
            snippet="&lt;script&gt; <mark>asylum</mark>", events=[EventRef(action="made_amenable", receiving="GT",
                                                                          population="MX")]),
        Hit(id="b", title="Bad link", url="javascript:alert(1)", cluster_id="c", similar=2),
    ], facets={"receiving": [Bucket(value="GT", count=2)]})
    html = _page(result, SearchParams(text='"<b>"', receiving=("GT",)))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Asylum" in html
    assert "<mark>asylum</mark>" in html
    assert "javascript:" not in html
    assert 'href="https://x.test/a" rel="noopener noreferrer"' in html
    assert "2 similar copies of this story" in html and "cluster=c" in html
    assert "&lt;b&gt;" in html and "<b>" not in html  # the query is echoed escaped
    assert 'aria-current="true"' in html  # active facet value


def test_search_page_structure_is_accessible_and_needs_no_javascript():
    html = _page(SearchResult(total=0, took=1, hits=[]))
    assert '<html lang="en">' in html and 'name="viewport"' in html
    assert 'role="search"' in html and '<label for="q">' in html
    for field in re.findall(r'<(?:input|select)[^>]*id="([^"]+)"', html):
        assert f'for="{field}"' in html, field
    assert "<script" not in html and not re.search(r"\son[a-z]+\s*=", html)  # no script, no inline handlers
    assert "Nothing found" in html


def test_timeline_section_lists_findings_in_order():
    timelines = agreements([
        {"action": "made_amenable", "receiving": "GT", "population": "MX", "published": "2020-01-07",
         "evidence": "Mexicans may be sent", "url": "https://x.test/1", "title": "T1"},
        {"action": "agreement_signed", "receiving": "GT", "published": "2019-07-26", "evidence": "signed",
         "url": "javascript:bad", "title": "T0"},
    ])
    html = _page(SearchResult(total=0, took=1, hits=[]), SearchParams(receiving=("GT",)), timelines)
    assert html.index("Agreement signed") < html.index("Made amenable to transfer</strong>")
    assert "<blockquote>Mexicans may be sent</blockquote>" in html
    assert "javascript:" not in html
