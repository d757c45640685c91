"""Issue 15's "done when", through the `monitor` command as an operator runs it: one `monitor
ingest` over a loopback mix of what the real web answers — a news feed whose items lead to a
real article, a consent wall, a JavaScript app shell and a soft 404; a Google News search feed
in its 2024+ form (JavaScript-only links: one Google resolves, one it will not); and a
government feed behind a CDN that answers 403 with its block page. Only the real article and
the publisher's article are indexed in full, the unresolved item only as a labelled brief,
none of the junk; `monitor sources` shows the blocked source as blocked, and `monitor sources
check` names the same problems."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.sources import faultserver as fs
from tests.fixtures.sources.corpus.measure import render
from tests.fixtures.sources.corpus.variants import load_stories
from tests.fixtures.sources.gnews import GoogleNews, new_id
from tests.support import rss_feed

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STORIES = {s.id: s for s in load_stories()}
JUNK = {"/news/consent": "cookie-wall-es.html", "/news/app": "react-shell.html", "/news/old": "soft-404-en.html"}


def monitor(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_one_ingest_over_the_real_webs_answers(es_url, prefix, tmp_path):
    resolved, refused = new_id("mix-resolved"), new_id("mix-refused")
    with fs.FaultServer() as srv:
        base = srv.base_url
        srv.routes["/robots.txt"] = fs.page("User-agent: *\nAllow: /\n", "text/plain")
        template = (FIXTURES / "sources" / "corpus" / "templates" / "gov-drupal.html").read_text(encoding="utf-8")
        srv.routes["/news/real"] = fs.page(render(template, STORIES["dhs-mexicans-guatemala"], index=0, base=base)[1])
        srv.routes["/publisher/el-salvador"] = fs.page(render(template, STORIES["el-salvador-aca"], index=2, base=base)[1])
        for path, name in JUNK.items():
            srv.routes[path] = fs.page((FIXTURES / "notarticle" / name).read_bytes())
        srv.routes["/news/feed.xml"] = fs.page(
            rss_feed(base, [("Real", "/news/real"), ("Consent", "/news/consent"), ("App", "/news/app"),
                            ("Old", "/news/old")]), "application/rss+xml")
        srv.routes["/rss/search"] = fs.page(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>"asylum" - Google News</title>'
            f'<item><title>El Salvador signs asylum agreement with US - AP News</title>'
            f'<link>{base}/rss/articles/{resolved}?oc=5</link><pubDate>Fri, 20 Sep 2019 21:05:00 GMT</pubDate>'
            f'<source url="https://apnews.com">AP News</source></item>'
            f'<item><title>Honduran asylum seekers may now be sent to Guatemala under asylum cooperative agreement'
            f' - Valley Times</title>'
            f'<link>{base}/rss/articles/{refused}?oc=5</link><pubDate>Thu, 21 Nov 2019 18:00:00 GMT</pubDate>'
            f'<source url="https://valleytimes.example">Valley Times</source></item></channel></rss>',
            "application/xml; charset=utf-8")
        GoogleNews(srv, {resolved: f"{base}/publisher/el-salvador", refused: f"{base}/publisher/x"}, unsigned={refused})
        akamai = (FIXTURES / "notarticle" / "akamai-access-denied.html").read_bytes()
        srv.routes["/gov/feed/"] = lambda h: fs.send(h, 403, akamai, "text/html", {})
        sources = tmp_path / "sources.yaml"
        sources.write_text(f"""sources:
  - {{id: news-mix, kind: feed, url: '{base}/news/feed.xml', language: en}}
  - {{id: gnews-aca-en, kind: feed, url: '{base}/rss/search?q=asylum&hl=en-US&gl=US&ceid=US:en', language: en}}
  - {{id: state-press, kind: feed, url: '{base}/gov/feed/', authority: official}}
""")
        env = {**os.environ, "MONITOR_ES_URL": es_url, "MONITOR_INDEX_PREFIX": prefix, "MONITOR_SOURCES": str(sources),
               "MONITOR_ALLOW_LOOPBACK": "true", "MONITOR_HOST_DELAY": "0", "MONITOR_HTTP_TIMEOUT": "2",
               "MONITOR_ANALYSIS_WORKERS": "0"}
        ingest = monitor(env, "ingest", "--json")
        check = monitor(env, "sources", "check", "gnews-aca-en")
        check_blocked = monitor(env, "sources", "check", "state-press")
        again = monitor(env, "ingest")
        health = monitor(env, "sources", "--json")

    summary = json.loads(ingest.stdout)
    results = {r["source_id"]: r for r in summary["sources"]}
    assert results["news-mix"]["new"] == 1
    assert results["news-mix"]["error"] == "not an article: 1 app shell, 1 consent wall, 1 soft 404"
    assert results["gnews-aca-en"]["ok"] and results["gnews-aca-en"]["new"] == 2 and results["gnews-aca-en"]["briefs"] == 1
    assert results["state-press"]["blocked"] == f"block page (HTTP 403 from {base}/gov/feed/)"

    from elasticsearch import Elasticsearch

    client = Elasticsearch(es_url)
    client.indices.refresh(index=f"{prefix}-documents")
    hits = client.search(index=f"{prefix}-documents", size=20, query={"match_all": {}})["hits"]["hits"]
    docs = {h["_source"].get("resolved_url") or h["_source"]["url"]: h["_source"] for h in hits}
    assert set(docs) == {f"{base}/news/real", f"{base}/publisher/el-salvador", f"{base}/rss/articles/{refused}?oc=5"}
    assert not docs[f"{base}/news/real"]["brief"] and not docs[f"{base}/publisher/el-salvador"]["brief"]
    brief = docs[f"{base}/rss/articles/{refused}?oc=5"]
    assert brief["brief"] and brief["title"] == ("Honduran asylum seekers may now be sent to Guatemala under asylum "
                                                "cooperative agreement")
    assert brief["publisher"] == "Valley Times" and "no signature" in brief["brief_reason"]
    assert all("Opening" not in d["text"] and "cookies" not in d["text"].lower() for d in docs.values())
    # The brief's headline is evidence too; its knowledge record says where the quote comes from.
    client.indices.refresh(index=f"{prefix}-events")
    records = [h["_source"] for h in client.search(index=f"{prefix}-events", size=50)["hits"]["hits"]]
    pairs = {(r["action"], r["receiving"], r.get("population")): r for r in records}
    assert pairs["made_amenable", "GT", "HN"]["brief"] is True and pairs["made_amenable", "GT", "HN"]["sources"][0]["brief"]
    assert pairs["made_amenable", "GT", "MX"]["brief"] is False

    assert "skipped, blocked: block page" in again.stdout  # within the back-off: not polled
    rows = {r["id"]: r for r in json.loads(health.stdout)}
    assert rows["state-press"]["status"] == "blocked" and rows["state-press"]["blocked_reason"].startswith("block page")
    assert rows["state-press"]["next_poll_after"] > rows["state-press"]["blocked_since"]
    assert rows["gnews-aca-en"]["status"] == "ok" and health.returncode == 1  # a blocked source is flagged
    # The check reads one source as a poll would and says what it found.
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"resolved to: {base}/publisher/el-salvador" in check.stdout and "verdict:   ok" in check.stdout
    assert check_blocked.returncode == 1 and "BLOCKED:   block page (HTTP 403" in check_blocked.stdout
