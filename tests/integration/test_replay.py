"""A chronological replay of the labeled corpus through the real `monitor ingest`: a loopback
feed grows batch by batch (oldest documents first), a catch-all subscriber receives every
finding exactly once (one email per knowledge record; the required `made_amenable` pairs of
the labels all among them; the few held for review are sent once when an operator approves them), no alert is false (the document that raised it labels the pair, as
news or as background) or a duplicate (a pair alerts again after its agreement ended only for a
document that reports it as news), and an idle rerun sends nothing and writes nothing."""

from __future__ import annotations

import datetime as dt
import email
import json
import subprocess
import sys
from email import policy
from email.utils import format_datetime
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from monitor.evaluation.labels import Label, label_files, load_label
from monitor.services.smtp import messages

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BATCHES = 5


def corpus_documents() -> list[tuple[dt.date, Path, Label]]:
    docs = []
    for path in label_files(CORPUS, recursive=True):
        label = load_label(path)
        docs.append((dt.date.fromisoformat(label.published or ""), path.with_name(label.file), label))
    return sorted(docs, key=lambda d: (d[0], d[1].name))


def monitor(env, *args):
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True,
                          timeout=600)


def test_chronological_replay_alerts_every_finding_exactly_once(monitor_env, site, tmp_path, mail_dir, es_url, prefix):
    docs = corpus_documents()
    assert len(docs) >= 60
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"sources:\n  - {{id: replay, kind: feed, url: '{site.base_url}/feed.xml'}}\n")
    assert monitor(monitor_env, "subscribe", "everything@example.org", "--confirmed").returncode == 0
    items: list[str] = []
    size = -(-len(docs) // BATCHES)
    for start in range(0, len(docs), size):
        for published, path, data in docs[start:start + size]:
            url_path = f"/docs/{path.name}"
            kind = "text/html; charset=utf-8" if path.suffix == ".html" else "text/plain; charset=utf-8"
            site.site.put(url_path, path.read_bytes(), kind)
            title = path.stem.replace("-", " ")
            when = format_datetime(dt.datetime.combine(published, dt.time(12), tzinfo=dt.UTC))
            items.append(f"<item><title>{title}</title><link>{site.base_url}{url_path}</link>"
                         f"<pubDate>{when}</pubDate></item>")
        site.site.put("/feed.xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>replay</title>"
                      + "".join(reversed(items)) + "</channel></rss>", "application/rss+xml")
        run = monitor(monitor_env, "ingest", "--sources", str(sources), "--json")
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    client = Elasticsearch(es_url)
    try:
        client.indices.refresh(index=f"{prefix}-events")
        hits = client.search(index=f"{prefix}-events", size=1000,
                             query={"term": {"action": "made_amenable"}})["hits"]["hits"]
        indexed = client.count(index=f"{prefix}-documents")["count"]
    finally:
        client.close()
    records = [h["_id"] for h in hits]
    assert indexed == len(docs)
    # Findings below the review threshold wait in the review queue; an operator approves them
    # (each approval sends its alerts once). Nothing else is held: the replay has no hold policy.
    queue = json.loads(monitor(monitor_env, "review", "list", "--json").stdout)
    held = [f["id"] for f in queue]
    assert all(f["status"] == "held" and "below the review threshold" in f["history"][-1]["reason"] for f in queue)
    assert len(held) < len(records) // 5, f"{len(held)} of {len(records)} held"
    before_review = len(messages(mail_dir))
    for finding_id in held:
        approved = monitor(monitor_env, "review", "approve", finding_id, "--by", "replay-operator")
        assert approved.returncode == 0, approved.stderr
    assert len(messages(mail_dir)) == before_review + len(held)
    headers, follow_ups = [], []
    for path in messages(mail_dir):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        # A follow-up ("Confirmed: …", threaded under the alert) says a reported finding is now confirmed.
        (follow_ups if message["In-Reply-To"] else headers).extend(message.get_all("X-Monitor-Finding"))
        assert message["X-Monitor-Status"] in ("reported", "confirmed")  # the corpus retracts nothing
    assert len(headers) == len(records), "one email per made_amenable knowledge record"
    assert len(follow_ups) <= len(records) and set(follow_ups) <= set(headers)
    record_keys = {"made_amenable " + " ".join(r.split("@")[0].split(":")[1:]) for r in records}
    assert set(headers) == record_keys

    # No false alert: the document that raised each alert labels its pair (as news or as background).
    # No duplicate: a pair alerts again (a new epoch after its agreement ended) only for a document
    # that reports it as news, never for a recap.
    labels = {f"{site.base_url}/docs/{path.name}": label for _, path, label in docs}
    false, duplicates = [], []
    for hit in hits:
        record, label = hit["_source"], labels[hit["_source"]["url"]]
        key = f"made_amenable {record['receiving']} {record['population']}"
        if key not in {e.key for e in label.events + label.background_events}:
            false.append(f"{key} from {label.file}: {record['evidence'][:160]}")
        earlier = [r for r in records if r.split("@")[0] == hit["_id"].split("@")[0] and r < hit["_id"]]
        if earlier and key not in {e.key for e in label.events}:
            duplicates.append(f"{hit['_id']} (after {', '.join(sorted(earlier))}) from {label.file}")
    assert not false, "false alerts:\n" + "\n".join(false)
    assert not duplicates, "alerted again for a recap:\n" + "\n".join(duplicates)
    # Recall: every pair the labels require reaches the subscriber.
    expected = {e.key for _, _, label in docs for e in label.events if e.action == "made_amenable"}
    assert expected <= set(headers), sorted(expected - set(headers))

    before = len(messages(mail_dir))
    idle = monitor(monitor_env, "ingest", "--sources", str(sources), "--json")
    summary = json.loads(idle.stdout)
    assert summary["alerts_sent"] == 0 and summary["new_findings"] == []
    assert len(messages(mail_dir)) == before
