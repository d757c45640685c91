"""An ingest over a loopback mix of what the real web answers (issue 15, item 2): a feed whose
items lead to a real article, a consent wall, a JavaScript app shell, a soft 404, a Google-News-
style redirect interstitial, a CDN block page (403) and a bot challenge (503). Only the article
is indexed; each non-article is named, by kind, in the source's recorded problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.fetch import Fetcher
from monitor.ingest import ingest_source
from monitor.settings import Settings
from monitor.sources import parse_sources
from tests.fixtures.sources import faultserver as fs
from tests.fixtures.sources.corpus.measure import render
from tests.fixtures.sources.corpus.variants import load_stories
from tests.support import rss_feed

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = {
    "/news/real-story": None,  # the one article
    "/news/consent": "cookie-wall-es.html",
    "/news/app": "react-shell.html",
    "/news/old-release": "soft-404-en.html",
    "/rss/articles/CBMiX2h0dHBzOi8v": "gnews-interstitial.html",
    "/news/blocked": "akamai-access-denied.html",
    "/news/challenge": "cloudflare-challenge.html",
}


def test_only_the_real_article_is_indexed_and_each_non_article_is_named(repo):
    story = next(s for s in load_stories() if s.id == "dhs-mexicans-guatemala")
    with fs.FaultServer() as srv:
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
        srv.routes["/feed.xml"] = fs.page(rss_feed(srv.base_url, [(f"Item {i}", path) for i, path in enumerate(PAGES)]), "application/rss+xml")
        template = (FIXTURES / "sources" / "corpus" / "templates" / "gov-drupal.html").read_text(encoding="utf-8")
        srv.routes["/news/real-story"] = fs.page(render(template, story, index=0, base=srv.base_url)[1])
        for path, name in PAGES.items():
            if name:
                body = (FIXTURES / "notarticle" / name).read_bytes()
                code = {"akamai-access-denied.html": 403, "cloudflare-challenge.html": 503}.get(name, 200)
                srv.routes[path] = (lambda data, code: lambda h: fs.send(h, code, data, "text/html; charset=utf-8", {}))(
                    body, code)
        [source] = parse_sources(f"sources:\n  - {{id: mix, kind: feed, url: '{srv.base_url}/feed.xml'}}\n")
        settings = Settings(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=2_000_000)
        with Fetcher(settings, deadline=6.0) as fetcher:
            result = ingest_source(source, repo=repo, fetcher=fetcher)

    repo.client.indices.refresh(index=repo.names.documents)
    hits = repo.client.search(index=repo.names.documents, size=50, query={"match_all": {}})["hits"]["hits"]
    assert [hit["_source"]["url"] for hit in hits] == [f"{srv.base_url}/news/real-story"]
    assert result.new == 1 and result.article_errors == 6 and not result.ok
    state = repo.sources.get("mix")
    # The 403 and the 503 are named by what their pages say, not counted as plain fetch errors.
    assert state.last_error == ("not an article: 1 app shell, 1 block page, 1 challenge page, 1 consent wall, "
                                "1 redirect interstitial, 1 soft 404")


def test_an_error_status_whose_page_is_not_a_block_page_stays_a_fetch_error(repo):
    with fs.FaultServer() as srv:
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
        srv.routes["/feed.xml"] = fs.page(rss_feed(srv.base_url, [(f"Item {i}", path) for i, path in enumerate(PAGES)]), "application/rss+xml")
        for path in PAGES:
            srv.routes[path] = fs.status(403)  # "status 403", no block page's signature
        [source] = parse_sources(f"sources:\n  - {{id: plain, kind: feed, url: '{srv.base_url}/feed.xml'}}\n")
        settings = Settings(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=2_000_000)
        with Fetcher(settings, deadline=6.0) as fetcher:
            result = ingest_source(source, repo=repo, fetcher=fetcher)
    assert result.article_errors == len(PAGES)
    assert repo.sources.get("plain").last_error == f"{len(PAGES)} article(s) could not be fetched"
