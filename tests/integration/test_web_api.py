"""The JSON API and the search page against the real Elasticsearch and a real HTTP server,
with the fixture corpus of `web_support` (English and Spanish, a syndicated story in three
copies, a document whose title holds `<script>`)."""

from __future__ import annotations

import uuid

import pytest
import requests

from monitor.index.queries import SearchParams
from monitor.settings import Settings
from monitor.web import create_app
from tests.integration import web_support
from tests.support import free_port

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def base(es_url: str):
    prefix = f"test-web-{uuid.uuid4().hex[:8]}"
    with web_support.corpus_index(es_url, prefix):
        app = create_app(Settings(es_url=es_url, index_prefix=prefix), routers=())
        with web_support.live_server(app) as url:
            yield url


def search(base: str, **params) -> dict:
    response = requests.get(f"{base}/api/search", params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def ids(result: dict) -> set[str]:
    return {hit["id"] for hit in result["hits"]}


def test_search_contract_from_the_design(base):
    result = search(base, q="Guatemala", receiving="GT", population="MX", since="2020-01-01", until="2020-01-31",
                    lang="es", size=20)
    assert result["total"] == 1
    [hit] = result["hits"]
    assert hit["id"] == "prensa-mexicanos"
    assert {"id", "title", "url", "published", "source", "snippet", "highlights"} <= set(hit)
    assert hit["url"] == "https://news.example.org/prensa-mexicanos" and hit["source"] == "prensa-gt"
    assert "<mark>Guatemala</mark>" in hit["snippet"]
    assert result["facets"]["receiving"] == [{"value": "GT", "count": 1}]
    assert result["facets"]["published"] == [{"value": "2020-01-08", "count": 1}]  # a month: by day


def test_finds_english_and_spanish_documents(base):
    assert {"prensa-mexicanos", "honduras-firma", "venezolanos-cr"} <= ids(search(base, q="asilo OR trasladados"))
    english = search(base, q="asylum", collapse="false", size=50)
    assert {"dhs-mexicans-gt", "wire-0", "biden-ends", "script-title"} <= ids(english)
    assert "prensa-mexicanos" not in ids(english)


def test_phrases_boolean_operators_and_broken_syntax_are_safe(base):
    assert ids(search(base, q='"safe third country"', collapse="false")) == {"guatemala-signs", "wire-0", "wire-1",
                                                                              "wire-2"}
    assert "port-cargo" not in ids(search(base, q="transfer -cargo", size=50))
    assert ids(search(base, q="cargo | coronavirus")) == {"port-cargo", "gt-paused"}
    for weird in ('"unclosed (((', "/.*/", "a~5 b^99 OR OR -", "\\", "*", "<script>"):
        search(base, q=weird)  # 200, never a 500


def test_filters_by_kind_source_action_relevance_and_dates(base):
    assert ids(search(base, kind="html_list")) == {"prensa-mexicanos", "honduras-firma", "venezolanos-cr"}
    assert ids(search(base, source="dhs-news")) == {"dhs-mexicans-gt"}
    assert ids(search(base, action="agreement_signed")) == {"guatemala-signs", "honduras-firma"}
    assert "port-cargo" in ids(search(base, size=50))
    assert "port-cargo" not in ids(search(base, relevant="true", size=50))
    in_2019 = search(base, since="2019-01-01", until="2019-12-31")
    assert ids(in_2019) == {"guatemala-signs", "honduras-firma"}
    assert ids(search(base, until="2019-07-26")) == {"guatemala-signs"}  # until is inclusive, whole day
    assert ids(search(base, receiving=["HN", "CR"], collapse="false", size=50)) == {
        "honduras-firma", "biden-ends", "venezolanos-cr"}


def test_facets_count_documents_by_country_nationality_kind_and_month(base):
    facets = search(base, interval="year")["facets"]
    receiving = {b["value"]: b["count"] for b in facets["receiving"]}
    assert receiving == {"GT": 8, "HN": 2, "CR": 1}
    assert {b["value"]: b["count"] for b in facets["population"]} == {"MX": 5, "VE": 1}
    assert {b["value"] for b in facets["kind"]} == {"feed", "html_list", "json_api"}
    assert {b["value"]: b["count"] for b in facets["lang"]} == {"en": 9, "es": 3}
    assert [b["value"] for b in facets["published"]] == ["2019-01-01", "2020-01-01", "2021-01-01", "2026-01-01"]


def test_syndicated_copies_are_collapsed_with_a_similar_count(base):
    collapsed = search(base, q="Mexicans sent Guatemala")
    [wire] = [h for h in collapsed["hits"] if h["cluster_id"] == "cluster-wire-mx"]
    assert wire["similar"] == 2
    assert len(search(base, q="Mexicans sent Guatemala", collapse="false")["hits"]) == 3
    cluster = search(base, cluster="cluster-wire-mx", sort="date")
    assert [h["id"] for h in cluster["hits"]] == ["wire-2", "wire-1", "wire-0"]


def test_sort_by_date_and_page_through_results(base):
    by_date = search(base, sort="date", collapse="false", size=50)["hits"]
    published = [h["published"] for h in by_date]
    assert published == sorted(published, reverse=True) and len(by_date) == 12
    first, second = search(base, sort="date", size=5), search(base, sort="date", size=5, page=2)
    assert first["next_page"] == 2 and not ids(first) & ids(second)


def test_deep_pagination_walks_every_document_once_with_a_cursor(base):
    seen: list[str] = []
    page = search(base, deep="true", size=5, sort="date")
    while True:
        seen += [h["id"] for h in page["hits"]]
        if not page["next_cursor"]:
            break
        page = search(base, sort="date", size=5, cursor=page["next_cursor"])
    assert len(seen) == len(set(seen)) == len(web_support.DOCUMENTS)
    bad = requests.get(f"{base}/api/search", params={"cursor": "garbage!"}, timeout=10)
    assert bad.status_code == 400
    forged = requests.get(f"{base}/api/search", params={"cursor": "eyJwaXQiOiJub3BlIiwiYWZ0ZXIiOlsxXX0"}, timeout=10)
    assert forged.status_code == 410 and "start the search again" in forged.json()["detail"]


def test_invalid_parameters_are_rejected_with_422(base):
    for params in ({"since": "yesterday"}, {"size": 0}, {"sort": "random"}, {"receiving": "G T"},
                   {"since": "2021-01-01", "until": "2020-01-01"}):
        assert requests.get(f"{base}/api/search", params=params, timeout=10).status_code == 422, params


def test_document_events_and_timeline_endpoints(base):
    doc = requests.get(f"{base}/api/documents/dhs-mexicans-gt", timeout=10).json()
    assert doc["title"].startswith("DHS confirms") and doc["source_kind"] == "json_api"
    assert doc["events"][0]["evidence"].startswith("Certain Mexican nationals")
    assert requests.get(f"{base}/api/documents/nope", timeout=10).status_code == 404
    events = requests.get(f"{base}/api/events", params={"receiving": "gt"}, timeout=10).json()
    assert events["total"] == 4 and {e["action"] for e in events["events"]} >= {"made_amenable", "agreement_signed"}
    amenable = requests.get(f"{base}/api/events", params={"action": "made_amenable"}, timeout=10).json()
    assert {(e["receiving"], e["population"]) for e in amenable["events"]} == {("GT", "MX"), ("CR", "VE")}
    timeline = requests.get(f"{base}/api/timeline", params={"receiving": "GT"}, timeout=10).json()
    [gt] = timeline["agreements"]
    assert [e["action"] for e in gt["entries"]] == [
        "agreement_signed", "made_amenable", "agreement_suspended", "agreement_terminated"]
    assert len(gt["entries"][1]["sources"]) == 3


def test_openapi_schema_describes_the_api(base):
    schema = requests.get(f"{base}/api/openapi.json", timeout=10).json()
    assert {"/api/search", "/api/documents/{doc_id}", "/api/events", "/api/timeline"} <= set(schema["paths"])
    result = schema["components"]["schemas"]["SearchResult"]
    assert {"total", "hits", "facets"} <= set(result["properties"])
    names = {p["name"] for p in schema["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "receiving", "population", "since", "until", "lang", "size", "cursor"} <= names


def test_script_in_a_title_is_escaped_in_the_api(base):
    response = requests.get(f"{base}/api/search", params={"q": "Honduras resume"}, timeout=10)
    assert "<script" not in response.text and "\\u003cscript\\u003e" in response.text
    hit = next(h for h in response.json()["hits"] if h["id"] == "script-title")
    assert hit["title"] == web_support.SCRIPT_TITLE  # the data itself is intact
    assert "&lt;script&gt;" in hit["snippet"] and "<b>" not in hit["snippet"]
    document = requests.get(f"{base}/api/documents/script-title", timeout=10)
    assert "<script" not in document.text and document.json()["title"] == web_support.SCRIPT_TITLE


def test_search_page_renders_results_facets_highlights_and_the_timeline(base):
    page = requests.get(f"{base}/", params={"q": "Mexican", "receiving": "GT"}, timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none': no script at all
    html = page.text
    assert "<script" not in html
    assert "<mark>Mexican</mark> nationals" in html  # snippet of the text
    # Stemmed in Python on the core distribution too: the title's plural is found and marked, whole.
    assert ">DHS confirms <mark>Mexicans</mark> seeking asylum" in html
    titled = requests.get(f"{base}/", params={"q": "Mexicans"}, timeout=30).text
    assert ">DHS confirms <mark>Mexicans</mark> seeking asylum may be transferred to Guatemala</a>" in titled
    assert 'href="https://news.example.org/dhs-mexicans-gt" rel="noopener noreferrer"' in html
    assert "Guatemala (GT)</a>" in html and 'class="count">' in html
    assert "Timeline of findings" in html and "Transfers to Guatemala (GT)" in html
    assert "2 similar copies of this story" in html


def test_script_in_a_title_is_escaped_on_the_pages(base):
    html = requests.get(f"{base}/", params={"q": "Honduras resume"}, timeout=30).text
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt; Asylum transfers to <mark>Honduras</mark>" in html
    assert "<script" not in html
    document = requests.get(f"{base}/documents/script-title", timeout=30).text
    assert "<script" not in document and "&lt;script&gt;document.write" in document


def test_pages_answer_errors_in_html(base):
    bad = requests.get(f"{base}/", params={"since": "soon"}, timeout=10)
    assert bad.status_code == 422 and "<h1>Cannot search with these filters</h1>" in bad.text
    missing = requests.get(f"{base}/documents/nope", timeout=10)
    assert missing.status_code == 404 and "<h1>" in missing.text
    timeline = requests.get(f"{base}/timeline", timeout=10)
    assert timeline.status_code == 200 and "Transfers to Costa Rica (CR)" in timeline.text


def test_elasticsearch_down_is_a_503_not_a_crash():
    app = create_app(Settings(es_url=f"http://127.0.0.1:{free_port()}", index_prefix="unreachable"), routers=())
    with web_support.live_server(app) as url:
        api = requests.get(f"{url}/api/search", params={"q": "x"}, timeout=60)
        assert api.status_code == 503 and "unavailable" in api.json()["detail"]
        page = requests.get(f"{url}/", timeout=60)
        assert page.status_code == 503 and "Search is unavailable" in page.text


def test_documents_without_cluster_ids_are_never_merged_into_one_story(es_url):
    prefix = f"test-web-{uuid.uuid4().hex[:8]}"
    with web_support.corpus_index(es_url, prefix) as repo:
        bare = [(f"bare-{i}", {k: v for k, v in dict(web_support.DOCUMENTS)["port-cargo"].items() if k != "cluster_id"})
                for i in range(3)]
        repo.documents.load(bare)
        result = repo.search(SearchParams(text="cargo"))
        assert {h.id for h in result.hits} == {"port-cargo", "bare-0", "bare-1", "bare-2"}


def test_timelines_hold_every_record_of_an_agreement_not_a_first_page(es_url):
    # 620 knowledge records for one partner: the timeline pages through all of them (it stopped at 500).
    from elasticsearch import helpers

    prefix = f"test-web-many-{uuid.uuid4().hex[:8]}"
    with web_support.corpus_index(es_url, prefix) as repo:
        actions = [{"_index": repo.findings.index, "_id": f"made_amenable:GT:X{i:03d}", "_source": {
            "action": "made_amenable", "receiving": "GT", "population": f"X{i:03d}"[:2], "evidence": f"record {i}",
            "first_seen": "2026-11-21T10:00:00+00:00", "published": f"2026-{1 + i // 60:02d}-{1 + i % 28:02d}",
            "document_id": "guatemala-signs", "url": "https://example.org", "title": "t", "affected_count": None,
            "alerts_planned": True, "sources": []}} for i in range(620)]
        helpers.bulk(repo.client, actions, refresh=True)
        app = create_app(Settings(es_url=es_url, index_prefix=prefix), routers=())
        with web_support.live_server(app) as url:
            timeline = requests.get(f"{url}/api/timeline", params={"receiving": "GT"}, timeout=60).json()
            [gt] = timeline["agreements"]
            assert len(gt["entries"]) == 620 + 4  # and the four records of the fixture corpus
            published = [e["published"] for e in gt["entries"] if e.get("published")]
            assert published == sorted(published)
            page = requests.get(f"{url}/timeline", params={"receiving": "GT"}, timeout=60)
            assert page.status_code == 200 and "record 619" in page.text
