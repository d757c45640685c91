"""Google News items end to end (issue 15, item 1), against a loopback server that serves the
feed in its 2024+ form (tests/fixtures/sources/gnews-search-en.rss), Google's link protocol
(tests/fixtures/sources/gnews.py) and the publishers' pages, and the real Elasticsearch.

A link Google resolves is indexed as the publisher's article; a link resolved offline (an id
made before mid-2024) costs no request; a link Google will not resolve is indexed as a brief
(title, description, publisher, date), labelled and with its reason, and becomes the article's
document on a later poll once Google answers; no interstitial is ever indexed; a resolved link
is never resolved again; a poll stops asking Google after three failures in a row."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.fetch import Fetcher
from monitor.ingest import ingest_source
from monitor.settings import Settings
from monitor.sources import parse_sources
from monitor.sources.gnews import MAX_FAILURES_IN_A_ROW
from tests.fixtures.sources import faultserver as fs
from tests.fixtures.sources.corpus.measure import render
from tests.fixtures.sources.corpus.variants import load_stories
from tests.fixtures.sources.gnews import GoogleNews, new_id, old_id
from tests.support import rss_feed

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
TEMPLATES = FIXTURES / "corpus" / "templates"
STORIES = {s.id: s for s in load_stories()}
IDS = {
    "reuters": new_id("reuters-dhs-mexicans-guatemala"),
    "valley": new_id("valley-times-honduran-guatemala"),
    "cluster": new_id("wapo-asylum-cooperative-agreements-cluster"),
}
AP_IN_FIXTURE = old_id("https://apnews.com/article/guatemala-asylum-agreement-el-salvador-4b1d")
PUBLISHERS = {  # publisher path → (story, template)
    "reuters": ("/reuters/world/americas/us-mexicans-guatemala-idUSKBN1Z600X", "dhs-mexicans-guatemala", "news-semantic.html"),
    "valley": ("/valley/news/honduran-asylum-seekers-guatemala", "honduras-aca-signed", "news-divsoup.html"),
    "ap": ("/ap/article/guatemala-asylum-agreement-el-salvador-4b1d", "el-salvador-aca", "wire-syndication.html"),
    "cluster": ("/wapo/politics/2020/01/15/asylum-deals-explained/", "acas-suspended", "news-semantic.html"),
}
SETTINGS = Settings(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=2_000_000)


def _site(srv: fs.FaultServer, *, refuse: set[str]) -> GoogleNews:
    base = srv.base_url
    srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
    feed = (FIXTURES / "gnews-search-en.rss").read_text(encoding="utf-8").replace("{BASE}", base)
    feed = feed.replace(AP_IN_FIXTURE, old_id(base + PUBLISHERS["ap"][0]))  # an old id naming the loopback page
    srv.routes["/rss/search"] = fs.page(feed, "application/xml; charset=utf-8")
    for path, story, template in PUBLISHERS.values():
        html = render((TEMPLATES / template).read_text(encoding="utf-8"), STORIES[story], index=1, base=base)[1]
        srv.routes[path] = fs.page(html.replace(f"{base}/{STORIES[story].lang}/{story}", base + path))
    return GoogleNews(srv, {IDS[k]: base + PUBLISHERS[k][0] for k in IDS}, unsigned={IDS[k] for k in refuse})


def _source(srv: fs.FaultServer):
    [source] = parse_sources(
        f"sources:\n  - {{id: gnews-aca-en, kind: feed, language: en, authority: news,"
        f" url: '{srv.base_url}/rss/search?q=%22asylum+cooperative+agreement%22&hl=en-US&gl=US&ceid=US:en'}}\n")
    return source


def _poll(repo, source):
    with Fetcher(SETTINGS, deadline=6.0) as fetcher:
        return ingest_source(source, repo=repo, fetcher=fetcher)


def _documents(repo) -> dict[str, dict]:
    repo.client.indices.refresh(index=repo.names.documents)
    hits = repo.client.search(index=repo.names.documents, size=50, query={"match_all": {}})["hits"]["hits"]
    return {hit["_source"]["url"].split("/articles/")[1][:40]: {"id": hit["_id"], **hit["_source"]} for hit in hits}


def test_items_become_the_publishers_articles_or_labelled_briefs_that_later_polls_complete(repo):
    with fs.FaultServer() as srv:
        google = _site(srv, refuse={"valley"})
        source = _source(srv)
        first = _poll(repo, source)
        docs = _documents(repo)
        assert first.ok and first.new == 4 and first.briefs == 1, first
        by_key = {k: docs[(IDS.get(k) or old_id(srv.base_url + PUBLISHERS["ap"][0]))[:40]] for k in PUBLISHERS}

        # Resolved: the publisher's article, under the publisher's name, never the interstitial.
        reuters = by_key["reuters"]
        assert reuters["brief"] is False and reuters["resolved_url"] == srv.base_url + PUBLISHERS["reuters"][0]
        assert reuters["canonical_url"] == reuters["resolved_url"] and reuters["publisher"] == "Reuters"
        assert "Opening" not in reuters["text"] and len(reuters["text"].split()) > 150
        assert reuters["title"] == STORIES["dhs-mexicans-guatemala"].title
        # The old id was read offline: no request to Google for it.
        assert by_key["ap"]["resolved_url"] == srv.base_url + PUBLISHERS["ap"][0] and by_key["ap"]["brief"] is False
        assert sorted(google.pages) == sorted([IDS["reuters"], IDS["valley"], IDS["cluster"]])
        assert google.posts == [i for i in google.pages if i != IDS["valley"]]  # no signature, no POST
        assert {q["hl"][0] for q in google.locales} == {"en-US"}  # the feed's locale
        # Refused: a brief of the item itself, labelled, with the reason.
        valley = by_key["valley"]
        assert valley["brief"] is True and "no signature" in valley["brief_reason"]
        assert valley["title"] == "Honduran asylum seekers can now be transferred to Guatemala, officials say"
        assert valley["text"] == valley["title"] and valley["publisher"] == "Valley Times"
        assert valley["published"].startswith("2019-11-21")
        # A story cluster's brief keeps the other outlets' headlines (its article was read here).
        assert by_key["cluster"]["brief"] is False
        state = repo.sources.get("gnews-aca-en")
        assert state.failures == 0 and state.body_hash is None  # healthy, but the cursor waits for the brief

        # Next poll, Google answers: the brief becomes its article (the same document, version 2),
        # and nothing already resolved is asked for again.
        google.unsigned.clear()
        asked = len(google.pages)
        second = _poll(repo, source)
        assert second.ok and second.updated == 1 and second.briefs == 0 and second.new == 0, second
        assert google.pages[asked:] == [IDS["valley"]]
        valley2 = _documents(repo)[IDS["valley"][:40]]
        assert valley2["id"] == valley["id"] and valley2["version"] == 2 and valley2["brief"] is False
        assert valley2["resolved_url"] == srv.base_url + PUBLISHERS["valley"][0]
        assert repo.sources.get("gnews-aca-en").body_hash  # nothing pending: the cursor moves

        third = _poll(repo, source)
        assert third.not_modified and len(google.pages) == asked + 1


def test_a_poll_stops_asking_google_after_repeated_failures_and_indexes_briefs(repo, monkeypatch):
    monkeypatch.setattr("monitor.sources.gnews.MAX_FAILURES_IN_A_ROW", 2)
    with fs.FaultServer() as srv:
        google = _site(srv, refuse={"valley", "cluster"})
        srv.routes[f"/rss/articles/{IDS['reuters']}"] = fs.status(404)  # gone, then no signature: two failures
        result = _poll(repo, _source(srv))
    docs = _documents(repo)
    assert result.ok and result.new == 4 and result.briefs == 3, result
    assert srv.hits[f"/rss/articles/{IDS['reuters']}"] == 1 and google.pages == [IDS["valley"]]  # cluster: not asked
    reasons = sorted(d["brief_reason"] for d in docs.values() if d["brief"])
    assert len(reasons) == 3 and any("HTTP 404" in r for r in reasons)
    assert any("not asked: 2 resolutions failed in a row" in r for r in reasons)
    assert all("Opening" not in d["text"] for d in docs.values())


def test_a_brief_is_labelled_on_the_search_page_the_document_page_and_in_the_api(repo, es_url, prefix):
    import requests

    from monitor.web import create_app
    from tests.integration import web_support

    with fs.FaultServer() as srv:
        _site(srv, refuse={"valley"})
        _poll(repo, _source(srv))
        valley = _documents(repo)[IDS["valley"][:40]]
    app = create_app(Settings(es_url=es_url, index_prefix=prefix), routers=())
    with web_support.live_server(app) as base:
        api = requests.get(f"{base}/api/documents/{valley['id']}", timeout=30).json()
        page = requests.get(f"{base}/documents/{valley['id']}", timeout=30).text
        search = requests.get(f"{base}/", params={"q": "Honduran asylum seekers"}, timeout=30).text
        spanish = requests.get(f"{base}/documents/{valley['id']}", params={"hl": "es"}, timeout=30).text
    assert api["brief"] is True and "no signature" in api["brief_reason"] and api["publisher"] == "Valley Times"
    assert "Brief: the article itself could not be read" in page and "no signature" in page
    assert '<span class="brief"' in search
    assert "Resumen: no se pudo leer el artículo" in spanish


def test_a_brief_never_replaces_an_article_and_joins_its_story_when_read(repo):
    """The publisher's own feed already holds two of the stories. A Google News item whose
    publisher page fails this time must not replace the stored article with a brief (its
    findings would be taken back); a brief whose article is read later is clustered with the
    publisher's own copy, not left in a story of its own."""
    with fs.FaultServer() as srv:
        google = _site(srv, refuse={"valley"})
        base = srv.base_url
        srv.routes["/own/feed.xml"] = fs.page(rss_feed(base, [("Reuters", PUBLISHERS["reuters"][0]),
                                                              ("Valley", PUBLISHERS["valley"][0])]),
                                              "application/rss+xml")
        [own] = parse_sources(f"sources:\n  - {{id: own, kind: feed, url: '{base}/own/feed.xml', language: en}}\n")
        assert _poll(repo, own).new == 2
        stored = {d["url"]: d for d in _documents_by_url(repo)}
        reuters_article = stored[base + PUBLISHERS["reuters"][0]]
        valley_article = stored[base + PUBLISHERS["valley"][0]]
        srv.routes[PUBLISHERS["reuters"][0]] = fs.status(500)  # the publisher's page fails this time
        first = _poll(repo, _source(srv))
        assert first.briefs == 1 and first.unchanged >= 1, first  # valley: a brief; reuters: the article stands
        after = {d["id"]: d for d in _documents_by_url(repo)}
        assert after[reuters_article["id"]]["brief"] is False and after[reuters_article["id"]]["version"] == 1
        [brief] = [d for d in after.values() if d["brief"]]
        assert brief["cluster_id"] != valley_article["cluster_id"]
        google.unsigned.clear()
        second = _poll(repo, _source(srv))
        assert second.updated == 1, second
        article = {d["id"]: d for d in _documents_by_url(repo)}[brief["id"]]
        assert article["brief"] is False and article["version"] == 2
        assert article["cluster_id"] == valley_article["cluster_id"]  # one story with the publisher's copy


def _documents_by_url(repo) -> list[dict]:
    repo.client.indices.refresh(index=repo.names.documents)
    hits = repo.client.search(index=repo.names.documents, size=50, query={"match_all": {}})["hits"]["hits"]
    return [{"id": hit["_id"], **hit["_source"]} for hit in hits]


def test_a_brief_whose_link_resolves_while_its_page_still_fails_keeps_the_url_learned(repo, monkeypatch):
    monkeypatch.setattr("monitor.sources.gnews.MAX_FAILURES_IN_A_ROW", 1)
    with fs.FaultServer() as srv:
        google = _site(srv, refuse={"reuters"})  # the first link fails: the others are not asked
        source = _source(srv)
        first = _poll(repo, source)
        assert first.briefs == 3, first
        valley_brief = _documents(repo)[IDS["valley"][:40]]
        google.unsigned.clear()
        srv.routes[PUBLISHERS["valley"][0]] = fs.status(500)  # resolved now, but the publisher's page fails
        second = _poll(repo, source)
        after = _documents(repo)
        assert len(after) == 4 and second.new == 0, second  # still one document per item
        kept = after[IDS["valley"][:40]]
        assert kept["id"] == valley_brief["id"] and kept["brief"] is True
        assert kept["resolved_url"] == srv.base_url + PUBLISHERS["valley"][0]  # learned: not asked again
        asked = google.pages.count(IDS["valley"])
        _poll(repo, source)
        assert google.pages.count(IDS["valley"]) == asked
