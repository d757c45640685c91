"""Every source kind end to end against real loopback servers and the real Elasticsearch:
feeds (RSS 2.0, Atom), html_list with bounded pagination and a linked PDF, the Federal
Register API with paging and the abstract fallback; identity, versions, clusters, health,
and zero writes on a second poll of unchanged sources."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from monitor.fetch import Fetcher
from monitor.ingest import ingest_source
from monitor.settings import Settings
from monitor.sources import parse_sources
from monitor.sources.health import collect_health, format_table
from tests.fixtures.sources import faultserver as fs
from tests.fixtures.sources.corpus.measure import render
from tests.fixtures.sources.corpus.variants import load_stories, variants
from tests.fixtures.sources.gnews import GoogleNews, new_id
from tests.support import index_ops

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
TEMPLATES = FIXTURES / "corpus" / "templates"
STORIES = {s.id: s for s in load_stories()}
PUBDATE = "Mon, 06 Jan 2020 23:15:00 +0000"


def serve(srv: fs.FaultServer, path: str, body: str | bytes, content_type: str) -> None:
    data = body.encode() if isinstance(body, str) else body
    srv.routes[path] = fs.conditional(data, content_type, etag='"' + hashlib.sha1(data).hexdigest()[:12] + '"')


def fixture(name: str, base: str, **values: str) -> str:
    text = (FIXTURES / name).read_text(encoding="utf-8").replace("{BASE}", base)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def article(srv: fs.FaultServer, path: str, template: str, story, index: int = 0) -> str:
    _url, html = render((TEMPLATES / template).read_text(encoding="utf-8"), story, index=index, base=srv.base_url)
    html = html.replace(f"{srv.base_url}/{story.lang}/{story.id}", srv.url(path))  # the page's own URL
    serve(srv, path, html, "text/html; charset=utf-8")
    return html


def dhs_feed(srv: fs.FaultServer, *, pubdate: str = PUBDATE, build: str = "Tue, 07 Jan 2020 00:00:00 +0000") -> None:
    serve(srv, "/dhs/rss.xml", fixture("dhs-news-releases.rss", srv.base_url, PUBDATE=pubdate, BUILD=build),
          "application/rss+xml; charset=utf-8")


@pytest.fixture
def web():
    with fs.FaultServer() as srv:
        base = srv.base_url
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nDisallow: /private/\n", "text/plain")
        dhs_feed(srv)
        article(srv, "/dhs/news/2020/01/06/dhs-guatemala-aca", "gov-drupal.html", STORIES["dhs-mexicans-guatemala"])
        article(srv, "/dhs/news/2019/09/20/el-salvador", "gov-drupal.html", STORIES["el-salvador-aca"], 2)
        # one story, syndicated three times: a news portal, a wire reprint, the ministry's own post
        story = STORIES["guatemala-recibe-hondurenos"]
        wire, local = variants(story, 5)[0], variants(story, 5)[1]
        serve(srv, "/gnews.rss", fixture("gnews-search-es.rss", base), "application/rss+xml; charset=UTF-8")
        # its items link to Google News (2024+ ids): Google's protocol answers the publishers' URLs
        GoogleNews(srv, {new_id("istmo-guatemala-recibe"): f"{base}/istmo/guatemala-recibe",
                         new_id("courier-guatemala-hondureno"): f"{base}/courier/guatemala-hondureno"})
        article(srv, "/istmo/guatemala-recibe", "news-es-portal.html", story, 5)
        article(srv, "/courier/guatemala-hondureno", "wire-syndication.html", wire, 5)
        serve(srv, "/igm/feed/atom/", fixture("igm-noticias.atom", base), "application/atom+xml; charset=UTF-8")
        article(srv, "/igm/2019/11/21/primer-solicitante/", "ministry-wordpress.html", local, 5)
        # html_list with two pages (the third is never asked for) and a PDF
        serve(srv, "/uscis/news", fixture("uscis-news.html", base), "text/html; charset=utf-8")
        srv.routes["/uscis/news?page=1"] = fs.page(fixture("uscis-news-page2.html", base))
        srv.routes["/uscis/news?page=2"] = fs.status(500)
        article(srv, "/uscis/newsroom/news-releases/aca-guidance", "news-semantic.html", STORIES["acas-suspended"], 3)
        serve(srv, "/uscis/newsroom/news-releases/aca-pdf.pdf", (FIXTURES / "release.pdf").read_bytes(),
              "application/pdf")
        article(srv, "/uscis/newsroom/news-releases/honduras-agreement", "news-divsoup.html",
                STORIES["honduras-aca-signed"], 1)
        serve(srv, "/sre/archivo/prensa", fixture("sre-prensa.html", base), "text/html; charset=utf-8")
        article(srv, "/sre/prensa/mexico-desacuerdo-guatemala", "news-es-portal.html", STORIES["sre-rechaza-traslado"], 6)
        serve(srv, "/sre/prensa/red-consular", "<html lang='es'><body><main><h1>La red consular brinda asistencia"
              "</h1><p>La red consular de México brinda asistencia y protección a las personas mexicanas en el "
              "exterior, informó la cancillería en un comunicado.</p></main></body></html>", "text/html")
        # Federal Register API, two pages
        serve(srv, "/fr/api/v1/documents.json", fixture("federalregister-page1.json", base), "application/json")
        srv.routes["/fr/api/v1/documents.json?conditions%5Bterm%5D=%22asylum+cooperative+agreement%22&page=2&per_page=2"] = \
            fs.page(fixture("federalregister-page2.json", base), "application/json")
        article(srv, "/fr/documents/full_text/html/2019/11/19/2019-25137.html", "gov-drupal.html",
                STORIES["honduras-aca-signed"], 1)
        serve(srv, "/fr/documents/full_text/text/2023/03/24/2023-06081.txt",
              "\n\n".join(STORIES["stca-expansion"].paragraphs), "text/plain; charset=utf-8")
        yield srv


def sources_for(base: str):
    return parse_sources(f"""
sources:
  - {{id: dhs, kind: feed, url: '{base}/dhs/rss.xml', language: en, tags: [government]}}
  - {{id: gnews-es, kind: feed, url: '{base}/gnews.rss', language: es, tags: [news]}}
  - {{id: igm, kind: feed, url: '{base}/igm/feed/atom/', language: es}}
  - id: uscis
    kind: html_list
    url: '{base}/uscis/news'
    max_pages: 2
    selectors: {{item: .views-row, link: a, date: time, next: li.pager__item--next a}}
  - id: sre
    kind: html_list
    url: '{base}/sre/archivo/prensa'
    language: es
    max_pages: 1
    selectors: {{item: 'section#prensa article', link: h2 a, title: h2, date: time, next: 'a[rel=next]'}}
  - {{id: fr, kind: json_api, url: '{base}/fr/api/v1/documents.json?conditions%5Bterm%5D=%22asylum+cooperative+agreement%22&per_page=2', max_pages: 5}}
""")


def settings() -> Settings:
    return Settings(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=2_000_000)


def poll(repo, sources):
    with Fetcher(settings(), deadline=6.0) as fetcher:
        return {s.id: ingest_source(s, repo=repo, fetcher=fetcher) for s in sources}


def all_documents(repo) -> dict[str, dict]:
    result = repo.client.search(index=repo.names.documents, size=100, query={"match_all": {}})
    # by the URL read: a Google News item's is the publisher's it resolved to
    return {hit["_source"].get("resolved_url") or hit["_source"]["url"]: {"id": hit["_id"], **hit["_source"]}
            for hit in result["hits"]["hits"]}


def test_every_source_kind_is_ingested_with_identity_dates_language_and_clusters(repo, web):
    base = web.base_url
    results = poll(repo, sources_for(base))
    assert all(r.ok for r in results.values()), {k: r.error for k, r in results.items() if not r.ok}
    assert {k: r.new for k, r in results.items()} == {"dhs": 2, "gnews-es": 2, "igm": 1, "uscis": 3, "sre": 2, "fr": 3}
    docs = all_documents(repo)

    dhs = docs[f"{base}/dhs/news/2020/01/06/dhs-guatemala-aca?utm_source=rss&utm_medium=feed"]
    assert dhs["canonical_url"] == f"{base}/dhs/news/2020/01/06/dhs-guatemala-aca"  # tracking stripped
    assert dhs["source_kind"] == "feed" and dhs["version"] == 1 and dhs["lang"] == "en"
    assert STORIES["dhs-mexicans-guatemala"].paragraphs[1] in dhs["text"]
    for noise in ("Skip to main content", "An official website", "Topics:", "Last Updated", "###"):
        assert noise not in dhs["text"], noise
    assert dhs["published"].startswith("2020-01-06")

    # syndicated copies of one story share a cluster; other stories have their own
    istmo, courier = docs[f"{base}/istmo/guatemala-recibe"], docs[f"{base}/courier/guatemala-hondureno"]
    igm = docs[f"{base}/igm/2019/11/21/primer-solicitante/"]
    assert istmo["cluster_id"] == courier["cluster_id"] == igm["cluster_id"] == istmo["id"]
    assert len({d["cluster_id"] for d in docs.values()}) == len(docs) - 3  # and the Honduras story, twice below
    assert istmo["lang"] == "es" and istmo["authors"] == ["Redacción Diario del Istmo"]
    assert istmo["url"].startswith(f"{base}/rss/articles/CBMi") and istmo["publisher"] == "Diario del Istmo"
    assert courier["published"].startswith("2019-11-21")

    # html_list: two pages read (the third never asked for), the PDF as text, listing dates used
    assert "/uscis/news?page=1" in [path for path, _ in web.requests]
    assert "/uscis/news?page=2" not in [path for path, _ in web.requests]
    pdf = docs[f"{base}/uscis/newsroom/news-releases/aca-pdf.pdf"]
    assert "transferred to Guatemala under the Asylum Cooperative Agreement" in pdf["text"]
    assert pdf["title"] == "Fact Sheet: Implementation of the Guatemala Agreement (PDF)"
    assert docs[f"{base}/uscis/newsroom/news-releases/honduras-agreement"]["authors"] == ["Luis Méndez", "Kate Brown"]
    red = docs[f"{base}/sre/prensa/red-consular"]
    assert red["published"].startswith("2020-01-07") and red["lang"] == "es"  # "7 de enero de 2020" from the listing

    # json_api: body_html_url, raw_text_url, and the abstract when no text URL answers
    rule = docs[f"{base}/fr/documents/2019/11/19/2019-25137/implementing-acas"]
    assert rule["source_kind"] == "json_api" and STORIES["honduras-aca-signed"].paragraphs[0] in rule["text"]
    assert rule["cluster_id"] == docs[f"{base}/uscis/newsroom/news-releases/honduras-agreement"]["cluster_id"]
    assert (rule["effective_on"], rule["comments_close_on"]) == ("2019-11-19", "2019-12-19")  # the API's own dates
    deadlines = {d["id"]: d for d in repo.documents.with_deadlines()}
    assert set(deadlines) == {rule["id"]}
    notice = docs[f"{base}/fr/documents/2020/01/07/2020-00120/notice-mexican-nationals"]
    assert notice["text"].startswith("The Department announces that certain Mexican nationals")
    stca = docs[f"{base}/fr/documents/2023/03/24/2023-06081/stca-protocol"]
    assert STORIES["stca-expansion"].paragraphs[-1] in stca["text"] and stca["published"].startswith("2023-03-24")


def test_a_second_poll_of_unchanged_sources_makes_zero_elasticsearch_writes(repo, web, es_url, prefix):
    sources = sources_for(web.base_url)
    assert all(r.ok for r in poll(repo, sources).values())
    before = index_ops(es_url, prefix)
    dhs_feed(web, build="Wed, 08 Jan 2020 00:00:00 +0000")  # new bytes and ETag, same entries
    second = poll(repo, sources)
    assert all(r.ok and r.not_modified for r in second.values()), second
    assert index_ops(es_url, prefix) == before, "the second poll wrote to Elasticsearch"
    conditional = [h for path, h in web.requests if path == "/gnews.rss"]
    assert conditional[-1].get("If-None-Match")  # asked conditionally, answered 304


def test_a_changed_article_becomes_a_new_version_with_a_diff_summary(repo, web):
    sources = [s for s in sources_for(web.base_url) if s.id == "dhs"]
    poll(repo, sources)
    story = STORIES["dhs-mexicans-guatemala"]
    changed = type(story)(story.id, story.group, story.lang, story.title,
                          (*story.paragraphs[:2], "Transfers of Mexican nationals will begin on January 21.",
                           *story.paragraphs[2:]))
    article(web, "/dhs/news/2020/01/06/dhs-guatemala-aca", "gov-drupal.html", changed)
    dhs_feed(web, pubdate="Tue, 07 Jan 2020 10:00:00 +0000")
    [result] = poll(repo, sources).values()
    assert result.ok and result.updated == 1 and result.unchanged == 1
    doc = all_documents(repo)[f"{web.base_url}/dhs/news/2020/01/06/dhs-guatemala-aca?utm_source=rss&utm_medium=feed"]
    assert doc["version"] == 2 and "January 21" in doc["text"] and doc["reconciled"] is False
    [old] = repo.versions.of(doc["id"])
    assert old["version"] == 1 and "January 21" not in old["text"]
    assert old["diff_summary"].startswith("1 paragraph added; first change: added \"Transfers of Mexican")
    assert doc["cluster_id"] == old["cluster_id"]  # a new version stays in its cluster


def test_health_flags_a_source_failing_three_runs_in_a_row(repo, web):
    sources = parse_sources(f"""
sources:
  - {{id: good, kind: feed, url: '{web.base_url}/dhs/rss.xml'}}
  - {{id: gone, kind: feed, url: '{web.base_url}/removed.xml'}}
""")
    for _ in range(3):
        poll(repo, sources)
    health = {h.id: h for h in collect_health(repo, sources)}
    assert health["good"].status == "ok" and not health["good"].flagged and health["good"].failures == 0
    assert health["good"].last_new_item and health["good"].items_seen == 2
    gone = health["gone"]
    assert gone.status == "failing" and gone.failures == 3 and "404" in gone.last_error
    assert gone.flags == ("failed 3 runs in a row",)
    table = format_table(list(health.values()))
    assert "gone" in table and "! failed 3 runs in a row" in table and "1 flagged" in table
    # and it recovers: one good poll resets the count (the only write an unchanged poll makes)
    web.routes["/removed.xml"] = web.routes["/dhs/rss.xml"]
    poll(repo, sources)
    assert {h.id: h.failures for h in collect_health(repo, sources)} == {"good": 0, "gone": 0}
    later = collect_health(repo, sources, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=30))
    assert all(h.status == "silent" for h in later)
