"""The founding example end to end, through the real `monitor` command: a loopback feed serves
the seed article, `monitor ingest` runs twice, and the real ES and SMTP servers are checked."""

from __future__ import annotations

import email
import json
import subprocess
import sys
from email import policy
from importlib import resources
from pathlib import Path

import pytest

from monitor.services.httpsite import fill_demo_site
from monitor.services.smtp import messages
from tests.support import free_port, index_ops

pytestmark = pytest.mark.integration


def monitor(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True, timeout=300
    )


def write_sources(tmp_path: Path, feed_url: str, *extra: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        f"  - {{id: demo-news, kind: feed, url: '{feed_url}', language: en, tags: [news]}}\n" + "".join(extra)
    )
    return path


def test_seed_article_yields_one_alert_and_a_rerun_changes_nothing(monitor_env, site, es_url, prefix, mail_dir, tmp_path):
    fill_demo_site(site.site, site.base_url)
    sources = write_sources(tmp_path, f"{site.base_url}/feed.xml")

    subscribed = monitor(monitor_env, "subscribe", "advocate@example.org", "--confirmed")
    assert subscribed.returncode == 0, subscribed.stderr

    first = monitor(monitor_env, "ingest", "--sources", str(sources), "--json")
    assert first.returncode == 0, first.stdout + first.stderr
    summary = json.loads(first.stdout)
    assert summary["new_findings"] == ["made_amenable:GT:MX"]
    assert summary["alerts_sent"] == 1
    assert summary["sources"][0]["new"] == 2

    found = monitor(monitor_env, "search", "Mexicans transferred to Guatemala", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["hits"]
    assert hits and hits[0]["url"] == f"{site.base_url}/articles/mexicans-guatemala.html"

    mails = messages(mail_dir)
    assert len(mails) == 1
    message = email.message_from_bytes(mails[0].read_bytes(), policy=policy.default)
    assert message.get_all("X-Monitor-Finding") == ["made_amenable GT MX"]
    assert message["To"] == "advocate@example.org"
    assert "Mexican nationals made amenable to transfer to Guatemala" in message["Subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "may now be eligible to be transferred to Guatemala" in text

    before = index_ops(es_url, prefix)
    feed_hits = site.site.hits.get("/feed.xml", 0)
    second = monitor(monitor_env, "ingest", "--sources", str(sources), "--json")
    assert second.returncode == 0, second.stdout + second.stderr
    again = json.loads(second.stdout)
    assert again["new_findings"] == [] and again["alerts_sent"] == 0
    assert again["sources"][0]["not_modified"] is True
    assert site.site.hits["/feed.xml"] == feed_hits + 1  # asked again, answered 304
    assert index_ops(es_url, prefix) == before, "the second run wrote to Elasticsearch"
    assert len(messages(mail_dir)) == 1


def test_a_broken_source_is_reported_and_the_others_still_run(monitor_env, site, tmp_path, mail_dir):
    fill_demo_site(site.site, site.base_url)
    site.site.put("/garbage.xml", b"\x00\x01 this is not a feed <<<", "application/rss+xml")
    sources = write_sources(
        tmp_path, f"{site.base_url}/feed.xml",
        f"  - {{id: broken, kind: feed, url: '{site.base_url}/garbage.xml'}}\n",
        f"  - {{id: missing, kind: feed, url: '{site.base_url}/nope.xml'}}\n",
    )
    monitor(monitor_env, "subscribe", "advocate@example.org", "--confirmed")
    run = monitor(monitor_env, "ingest", "--sources", str(sources), "--json")
    assert run.returncode == 1, run.stdout + run.stderr
    summary = json.loads(run.stdout)
    by_id = {r["source_id"]: r for r in summary["sources"]}
    assert by_id["demo-news"]["ok"] and by_id["demo-news"]["new"] == 2
    assert not by_id["broken"]["ok"] and "not" in by_id["broken"]["error"]
    assert not by_id["missing"]["ok"] and "404" in by_id["missing"]["error"]
    assert summary["alerts_sent"] == 1
    assert len(messages(mail_dir)) == 1


def test_bad_sources_file_is_a_usage_error_naming_source_and_field(monitor_env, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {id: dhs, kind: rss, url: 'https://example.org/feed'}\n")
    run = monitor(monitor_env, "ingest", "--sources", str(bad))
    assert run.returncode == 2
    assert "dhs" in run.stderr and "kind" in run.stderr


def test_loopback_sources_are_refused_without_the_allowance(monitor_env, site, tmp_path):
    fill_demo_site(site.site, site.base_url)
    env = {**monitor_env, "MONITOR_ALLOW_LOOPBACK": "0"}
    run = monitor(env, "ingest", "--sources", str(write_sources(tmp_path, f"{site.base_url}/feed.xml")), "--json")
    assert run.returncode == 1
    result = json.loads(run.stdout)["sources"][0]
    assert not result["ok"] and "refused address 127.0.0.1" in result["error"]
    assert site.site.hits.get("/feed.xml", 0) == 0


def test_packaged_demo_site_is_shipped():
    root = resources.files("monitor.services") / "demo_site"
    assert (root / "feed.xml").is_file()


def test_smtp_down_leaves_the_alert_pending_and_the_next_run_sends_it_once(monitor_env, site, tmp_path, mail_dir, smtp):

    fill_demo_site(site.site, site.base_url)
    sources = write_sources(tmp_path, f"{site.base_url}/feed.xml")
    monitor(monitor_env, "subscribe", "advocate@example.org", "--confirmed")
    down = {**monitor_env, "MONITOR_SMTP_PORT": str(free_port())}  # nothing listens there
    first = monitor(down, "ingest", "--sources", str(sources), "--json")
    assert first.returncode == 1
    summary = json.loads(first.stdout)
    assert summary["new_findings"] == ["made_amenable:GT:MX"] and summary["alerts_failed"] == 1
    assert messages(mail_dir) == []

    second = monitor(monitor_env, "ingest", "--sources", str(sources), "--json")
    assert second.returncode == 0, second.stdout + second.stderr
    assert json.loads(second.stdout)["alerts_sent"] == 1
    third = monitor(monitor_env, "ingest", "--sources", str(sources), "--json")
    assert json.loads(third.stdout)["alerts_sent"] == 0
    mails = messages(mail_dir)
    assert len(mails) == 1


def test_elasticsearch_unreachable_is_a_clear_failure(monitor_env, site, tmp_path):

    fill_demo_site(site.site, site.base_url)
    env = {**monitor_env, "MONITOR_ES_URL": f"http://127.0.0.1:{free_port()}"}
    run = monitor(env, "ingest", "--sources", str(write_sources(tmp_path, f"{site.base_url}/feed.xml")))
    assert run.returncode == 1
    assert "Elasticsearch" in run.stderr
    search = monitor(env, "search", "asylum")
    assert search.returncode == 1 and "monitor es up" in search.stderr
