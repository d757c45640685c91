"""Real failures, real processes: Elasticsearch killed in the middle of a run, `monitor ingest`
killed with SIGKILL mid-run, and two ingests at once. Each must end with every document indexed
once and the founding example's alert sent exactly once.

These tests run their own Elasticsearch (a second local cluster on free ports), so killing it
never disturbs the shared test cluster."""

from __future__ import annotations

import email
import json
import os
import signal
import subprocess
import sys
import time
from email import policy
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from monitor.services.elasticsearch import LocalElasticsearch
from monitor.services.httpsite import fill_demo_site
from monitor.services.smtp import messages
from monitor.settings import Settings
from tests.support import free_port_pair

pytestmark = [pytest.mark.integration, pytest.mark.faults]

ARTICLES = 120
#: Articles of the run whose cluster is killed: more than one batch write (FLUSH_EVERY = 500) away.
LONG_RUN = 600


@pytest.fixture(scope="module")
def own_es(tmp_path_factory):
    state = tmp_path_factory.mktemp("fault-es")
    local = LocalElasticsearch(Settings(state_dir=state, es_port=free_port_pair(), es_heap="512m"))
    local.up()
    yield local
    local.down()


def big_site(site, articles: int = ARTICLES) -> None:
    """The demo feed plus `articles` unrelated articles, so a run takes long enough to interrupt."""
    fill_demo_site(site.site, site.base_url)
    items = []
    for i in range(articles):
        path = f"/articles/filler-{i}.html"
        site.site.put(path, f"<html><body><article><h1>City council note {i}</h1><p>The council met on "
                            f"Tuesday to discuss road repairs number {i} and park maintenance.</p></article></body></html>")
        items.append(f"<item><title>City council note {i}</title><link>{site.base_url}{path}</link></item>")
    feed = site.site.get("/feed.xml")[0].decode()
    site.site.put("/feed.xml", feed.replace("</channel>", "".join(items) + "</channel>"), "application/rss+xml")


def sources_file(tmp_path: Path, site) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - {{id: demo, kind: feed, url: '{site.base_url}/feed.xml'}}\n")
    return path


def env_for(monitor_env, es: LocalElasticsearch) -> dict[str, str]:
    return {**monitor_env, "MONITOR_ES_URL": es.url}


def monitor(env, *args, timeout=600):
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def article_hits(site) -> int:
    return sum(n for path, n in site.site.hits.items() if path.startswith("/articles/"))


def wait_for(predicate, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def counts(es: LocalElasticsearch, prefix: str) -> tuple[int, list[str]]:
    client = Elasticsearch(es.url)
    try:
        client.indices.refresh(index=f"{prefix}-documents,{prefix}-events")
        docs = client.count(index=f"{prefix}-documents")["count"]
        findings = [h["_id"] for h in client.search(index=f"{prefix}-events", size=100,
                                                    query={"term": {"action": "made_amenable"}})["hits"]["hits"]]
        return docs, findings
    finally:
        client.close()


def alert_mails(mail_dir: Path) -> list[str]:
    found = []
    for path in messages(mail_dir):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        found += message.get_all("X-Monitor-Finding") or []
    return found


def prepare(env, prefix, es) -> None:
    assert monitor(env, "subscribe", "advocate@example.org", "--confirmed").returncode == 0


def test_elasticsearch_killed_mid_run_fails_clearly_and_the_next_run_completes(
    own_es, monitor_env, prefix, site, tmp_path, mail_dir
):
    big_site(site, articles=LONG_RUN)
    env = env_for(monitor_env, own_es)
    prepare(env, prefix, own_es)
    # 20 articles a second: without the circuit breaker the run fetches on until its first
    # batch write (FLUSH_EVERY documents) fails, ~480 articles after the kill.
    slow = {**env, "MONITOR_HOST_DELAY": "0.05"}
    run = subprocess.Popen([sys.executable, "-m", "monitor.cli", "ingest", "--sources", str(sources_file(tmp_path, site)),
                            "--json"], env=slow, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: article_hits(site) >= 20), "the run never started fetching articles"
    os.kill(own_es.status().pid, signal.SIGKILL)
    at_kill = article_hits(site)
    out, err = run.communicate(timeout=600)
    assert run.returncode == 1, out + err
    after = article_hits(site) - at_kill
    assert after < 200, f"{after} articles fetched after the cluster died: the run did not stop fetching"
    summary = json.loads(out)
    assert not summary["ok"] and ("Elasticsearch" in summary["error"] or
                                  any("Elasticsearch" in s["error"] for s in summary["sources"]))
    assert "unreachable" in summary["sources"][0]["error"]
    own_es.up()
    again = monitor(env, "ingest", "--sources", str(sources_file(tmp_path, site)), "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert not json.loads(again.stdout)["sources"][0]["not_modified"]  # the cursor had not advanced
    docs, findings = counts(own_es, prefix)
    assert docs == LONG_RUN + 2 and findings == ["made_amenable:GT:MX"]
    assert alert_mails(mail_dir) == ["made_amenable GT MX"]
    idle = json.loads(monitor(env, "ingest", "--sources", str(sources_file(tmp_path, site)), "--json").stdout)
    assert idle["alerts_sent"] == 0 and idle["sources"][0]["not_modified"]


def test_sigkill_of_ingest_mid_run_loses_and_duplicates_nothing(own_es, monitor_env, prefix, site, tmp_path, mail_dir):
    big_site(site)
    env = env_for(monitor_env, own_es)
    prepare(env, prefix, own_es)
    sources = sources_file(tmp_path, site)
    run = subprocess.Popen([sys.executable, "-m", "monitor.cli", "ingest", "--sources", str(sources)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(lambda: article_hits(site) >= 40)
    run.kill()
    run.wait(timeout=30)
    second = monitor(env, "ingest", "--sources", str(sources), "--json")
    assert second.returncode == 0, second.stdout + second.stderr
    docs, findings = counts(own_es, prefix)
    assert docs == ARTICLES + 2 and findings == ["made_amenable:GT:MX"]
    assert alert_mails(mail_dir) == ["made_amenable GT MX"]


def test_two_ingests_at_once_index_and_alert_once(own_es, monitor_env, prefix, site, tmp_path, mail_dir):
    big_site(site)
    env = env_for(monitor_env, own_es)
    prepare(env, prefix, own_es)
    sources = sources_file(tmp_path, site)
    runs = [subprocess.Popen([sys.executable, "-m", "monitor.cli", "ingest", "--sources", str(sources), "--json"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=600) for r in runs]
    assert all(r.returncode in (0, 1) for r in runs), outputs
    docs, findings = counts(own_es, prefix)
    assert docs == ARTICLES + 2 and findings == ["made_amenable:GT:MX"]
    assert alert_mails(mail_dir) == ["made_amenable GT MX"]
    assert all(out for out, _ in outputs), [err[-3000:] for _, err in outputs]
    sent = sum(json.loads(out)["alerts_sent"] for out, _ in outputs)
    assert sent == 1
