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


def test_a_source_that_answers_with_a_block_page_is_blocked_backs_off_and_recovers(repo):
    import datetime as dt

    from monitor.sources.health import collect_health, format_table

    akamai = (FIXTURES / "notarticle" / "akamai-access-denied.html").read_bytes()
    with fs.FaultServer() as srv:
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
        srv.routes["/rss-feed/press-releases/feed/"] = lambda h: fs.send(h, 403, akamai, "text/html", {})
        [source] = parse_sources(f"sources:\n  - {{id: state-press, kind: feed, "
                                 f"url: '{srv.base_url}/rss-feed/press-releases/feed/'}}\n")
        settings = Settings(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=2_000_000)
        with Fetcher(settings, deadline=6.0) as fetcher:
            first = ingest_source(source, repo=repo, fetcher=fetcher)
            asked = srv.hits["/rss-feed/press-releases/feed/"]
            second = ingest_source(source, repo=repo, fetcher=fetcher)  # within the back-off: not polled
            assert srv.hits["/rss-feed/press-releases/feed/"] == asked
            state = repo.sources.get("state-press")
            [row] = collect_health(repo, [source])
            # The back-off has passed and the site lets the monitor in again.
            repo.sources.save("state-press", state.model_copy(
                update={"next_poll_after": state.next_poll_after - dt.timedelta(hours=7)}))
            srv.routes["/rss-feed/press-releases/feed/"] = fs.page(
                rss_feed(srv.base_url, [("Press release", "/news/real-story")]), "application/rss+xml")
            srv.routes["/news/real-story"] = fs.page(
                "<html><body><article><h1>Press release</h1>" + "<p>The Secretary met the ministers today.</p>" * 40
                + "</article></body></html>")
            third = ingest_source(source, repo=repo, fetcher=fetcher)
    reason = f"block page (HTTP 403 from {srv.base_url}/rss-feed/press-releases/feed/)"
    assert not first.ok and first.blocked == reason and first.error == f"blocked: {reason}"
    assert second.skipped and second.ok and second.blocked == reason
    assert state.blocked_reason == reason and state.blocked_polls == 1
    assert dt.timedelta(hours=5, minutes=59) < state.next_poll_after - state.blocked_since <= dt.timedelta(hours=6)
    assert row.status == "blocked" and row.flags[0].startswith("blocked since ") and reason in row.flags[0]
    assert "state-press  feed  blocked" in format_table([row])
    assert third.ok and third.new == 1
    [recovered] = collect_health(repo, [source])
    assert recovered.status == "ok" and recovered.blocked_since is None


def test_a_feed_whose_every_article_is_refused_by_its_site_is_blocked(repo):
    akamai = (FIXTURES / "notarticle" / "akamai-access-denied.html").read_bytes()
    challenge = (FIXTURES / "notarticle" / "cloudflare-challenge.html").read_bytes()
    with fs.FaultServer() as srv:
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
        srv.routes["/feed.xml"] = fs.page(rss_feed(srv.base_url, [("One", "/news/1"), ("Two", "/news/2")]),
                                          "application/rss+xml")
        srv.routes["/news/1"] = lambda h: fs.send(h, 403, akamai, "text/html", {})
        srv.routes["/news/2"] = lambda h: fs.send(h, 503, challenge, "text/html", {})
        [source] = parse_sources(f"sources:\n  - {{id: walled, kind: feed, url: '{srv.base_url}/feed.xml'}}\n")
        settings = Settings(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=2_000_000)
        with Fetcher(settings, deadline=6.0) as fetcher:
            result = ingest_source(source, repo=repo, fetcher=fetcher)
    assert result.blocked == "every article answered with a refusal (1 block page, 1 challenge page)"
    state = repo.sources.get("walled")
    assert state.blocked_since is not None and state.next_poll_after is not None and state.body_hash is None
