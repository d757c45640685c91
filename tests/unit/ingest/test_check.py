"""`monitor sources check` (monitor/ingest/check.py) against loopback servers: a feed and its
first article, an html_list whose selector matches nothing, a listing behind a CDN block
page, an article that is a consent wall, a Google News item read through Google's protocol
or as a brief, `--url`, `--json`, and the command's exit codes. Nothing needs Elasticsearch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from monitor.fetch import Fetcher
from monitor.ingest.check import check_source, format_report
from monitor.settings import Settings
from monitor.sources import parse_sources
from tests.fixtures.sources import faultserver as fs
from tests.fixtures.sources.corpus.measure import render
from tests.fixtures.sources.corpus.variants import load_stories
from tests.fixtures.sources.gnews import GoogleNews, new_id
from tests.support import rss_feed

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SETTINGS = Settings(allow_loopback=True, host_delay=0, http_timeout=2.0, max_bytes=2_000_000)
STORY = next(s for s in load_stories() if s.id == "dhs-mexicans-guatemala")


def _site(srv: fs.FaultServer) -> None:
    srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
    template = (FIXTURES / "sources" / "corpus" / "templates" / "gov-drupal.html").read_text(encoding="utf-8")
    srv.routes["/news/dhs-guatemala"] = fs.page(render(template, STORY, index=0, base=srv.base_url)[1])
    srv.routes["/news/consent"] = fs.page((FIXTURES / "notarticle" / "cookie-wall-es.html").read_bytes())
    srv.routes["/feed.xml"] = fs.page(rss_feed(srv.base_url, [("DHS on Guatemala", "/news/dhs-guatemala"),
                                                              ("Otra", "/news/consent")]), "application/rss+xml")
    srv.routes["/consent-first.xml"] = fs.page(rss_feed(srv.base_url, [("Otra", "/news/consent")]),
                                               "application/rss+xml")
    srv.routes["/listing"] = fs.page("<html><body><div class='row'><a href='/news/dhs-guatemala'>DHS</a></div>"
                                     "</body></html>")
    akamai = (FIXTURES / "notarticle" / "akamai-access-denied.html").read_bytes()
    srv.routes["/blocked.xml"] = lambda h: fs.send(h, 403, akamai, "text/html", {})


def _sources(base: str):
    return {s.id: s for s in parse_sources(f"""
sources:
  - {{id: dhs, kind: feed, url: '{base}/feed.xml', language: en}}
  - {{id: walled, kind: feed, url: '{base}/blocked.xml'}}
  - id: uscis
    kind: html_list
    url: '{base}/listing'
    selectors: {{item: .views-row, link: a}}
  - {{id: gnews, kind: feed, url: '{base}/rss/search?q=x&hl=en-US&gl=US&ceid=US:en', language: en}}
""")}


def test_a_feed_shows_its_items_and_its_first_article_as_it_would_be_indexed():
    with fs.FaultServer() as srv:
        _site(srv)
        with Fetcher(SETTINGS, deadline=6.0) as fetcher:
            report = check_source(_sources(srv.base_url)["dhs"], fetcher=fetcher)
    assert report.ok and report.status == 200 and report.items == 2
    assert [item["title"] for item in report.shown] == ["DHS on Guatemala", "Otra"]
    article = report.article
    assert article.title == STORY.title and article.lang == "en" and article.words > 150
    assert article.published and article.published.startswith("2020-01-0")
    assert article.relevant is True and "made_amenable GT MX" in article.events
    assert article.lines and sum(map(len, article.lines)) <= 601
    text = format_report(report)
    assert "items:     2" in text and f"title:     {STORY.title}" in text and "verdict:   ok" in text
    assert "events: made_amenable GT MX" in text
    assert all(path != "/news/consent" for path, _ in srv.requests)  # only the first item's article is read


def test_problems_are_named_a_selector_that_matches_nothing_a_block_page_a_consent_wall():
    with fs.FaultServer() as srv:
        _site(srv)
        sources = _sources(srv.base_url)
        with Fetcher(SETTINGS, deadline=6.0) as fetcher:
            selector = check_source(sources["uscis"], fetcher=fetcher)
            blocked = check_source(sources["walled"], fetcher=fetcher)
            consent = check_source(sources["dhs"], fetcher=fetcher, url=f"{srv.base_url}/consent-first.xml")
    assert not selector.ok and "matched nothing" in selector.error and "ERROR:" in format_report(selector)
    assert not blocked.ok and blocked.blocked == f"block page (HTTP 403 from {srv.base_url}/blocked.xml)"
    assert "BLOCKED:   block page" in format_report(blocked)
    assert consent.url.endswith("/consent-first.xml") and consent.items == 1
    assert not consent.ok and consent.article.not_an_article == "consent wall"
    assert "not an article: consent wall" in format_report(consent)


def test_a_google_news_item_is_resolved_or_shown_as_a_brief():
    with fs.FaultServer() as srv:
        _site(srv)
        good, refused = new_id("check-good"), new_id("check-refused")
        GoogleNews(srv, {good: f"{srv.base_url}/news/dhs-guatemala", refused: f"{srv.base_url}/news/x"},
                   unsigned={refused})
        for name, art_id in (("good", good), ("refused", refused)):
            srv.routes[f"/{name}.xml"] = fs.page(
                rss_feed(srv.base_url, [("DHS: Mexicans may go to Guatemala", f"/rss/articles/{art_id}?oc=5")]),
                "application/rss+xml")
        source = _sources(srv.base_url)["gnews"]
        with Fetcher(SETTINGS, deadline=6.0) as fetcher:
            resolved = check_source(source, fetcher=fetcher, url=f"{srv.base_url}/good.xml")
            brief = check_source(source, fetcher=fetcher, url=f"{srv.base_url}/refused.xml")
    assert resolved.ok and resolved.article.resolved_url == f"{srv.base_url}/news/dhs-guatemala"
    assert resolved.article.title == STORY.title and not resolved.article.brief
    assert brief.ok and "no signature" in brief.article.brief and brief.article.lines == ["DHS: Mexicans may go to Guatemala"]
    assert "BRIEF (the feed item's own title and summary)" in format_report(brief)


def test_the_command_prints_the_report_or_json_and_exits_by_the_verdict(tmp_path):
    with fs.FaultServer() as srv:
        _site(srv)
        sources_file = tmp_path / "sources.yaml"
        sources_file.write_text(f"sources:\n  - {{id: dhs, kind: feed, url: '{srv.base_url}/feed.xml'}}\n"
                                f"  - {{id: walled, kind: feed, url: '{srv.base_url}/blocked.xml'}}\n")
        env = {**os.environ, "MONITOR_SOURCES": str(sources_file), "MONITOR_ALLOW_LOOPBACK": "true",
               "MONITOR_HOST_DELAY": "0", "MONITOR_ES_URL": "http://127.0.0.1:9"}  # no Elasticsearch needed

        def monitor(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([sys.executable, "-m", "monitor.cli", "sources", "check", *args], env=env,
                                  capture_output=True, text=True, timeout=120)

        text, as_json, walled, unknown = monitor("dhs"), monitor("dhs", "--json"), monitor("walled"), monitor("nope")
    assert text.returncode == 0 and "first item's article:" in text.stdout and "verdict:   ok" in text.stdout
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["article"]["lang"] == "en"
    assert walled.returncode == 1 and "BLOCKED" in walled.stdout
    assert unknown.returncode == 2 and "no source 'nope'" in unknown.stderr
