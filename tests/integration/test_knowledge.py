"""Knowledge reconciliation against the real Elasticsearch: new findings exactly once, also
under concurrent runs, and a pair made amenable anew after its agreement was terminated."""

from __future__ import annotations

import threading

import pytest

from monitor.knowledge import reconcile

pytestmark = pytest.mark.integration


def event(action, receiving, population=None, background=False):
    return {"action": action, "receiving": receiving, "population": population, "evidence": f"{action} sentence",
            "confidence": 0.9, "background": background}


def put(repo, doc_id, published, *events):
    body = {"url": f"https://news.example/{doc_id}", "source_id": "t", "title": doc_id, "text": "text",
            "content_hash": doc_id, "fetched": f"{published}T12:00:00+00:00", "published": f"{published}T00:00:00+00:00",
            "lang": "en", "tags": [], "relevant": True, "events": list(events), "affected_count": None,
            "entry_updated": "", "reconciled": False}
    repo.documents.save([(doc_id, body)])


def test_new_pairs_are_new_once_and_a_second_source_is_recorded(repo):
    put(repo, "a", "2020-01-06", event("made_amenable", "GT", "MX"), event("agreement_signed", "HN", background=True))
    assert reconcile(repo) == ["made_amenable:GT:MX"]
    put(repo, "b", "2020-01-07", event("made_amenable", "GT", "MX"))
    assert reconcile(repo) == []
    assert reconcile(repo) == []
    record = repo.findings.get("made_amenable:GT:MX")
    assert [s["document_id"] for s in record["sources"]] == ["a", "b"]
    assert repo.findings.get("agreement_signed:HN:-")["alerts_planned"] is True


def test_concurrent_reconciliations_create_each_finding_once(repo):
    for i, population in enumerate(["MX", "CU", "VE", "NI", "HT", "EC"]):
        put(repo, f"d{i}", "2020-01-06", event("made_amenable", "GT", population))
    results: list[list[str]] = []
    threads = [threading.Thread(target=lambda: results.append(reconcile(repo))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    created = [finding for result in results for finding in result]
    assert sorted(created) == sorted(f"made_amenable:GT:{p}" for p in ["MX", "CU", "VE", "NI", "HT", "EC"])


def test_a_pair_made_amenable_again_after_termination_is_new_again(repo):
    put(repo, "first", "2020-01-06", event("made_amenable", "GT", "MX"))
    put(repo, "end", "2021-05-06", event("agreement_terminated", "GT"))
    put(repo, "again", "2025-07-02", event("made_amenable", "GT", "MX"))
    assert reconcile(repo) == ["made_amenable:GT:MX", "made_amenable:GT:MX@2021-05-06"]
    put(repo, "again-2", "2025-07-03", event("made_amenable", "GT", "MX"))
    assert reconcile(repo) == []


def test_timeline_command_answers_who_was_amenable(repo, es_url, prefix):
    import json
    import os
    import subprocess
    import sys

    put(repo, "first", "2020-01-06", event("made_amenable", "GT", "MX"), event("agreement_in_force", "GT"))
    put(repo, "end", "2021-05-06", event("agreement_terminated", "GT"))
    reconcile(repo)
    env = {**os.environ, "MONITOR_ES_URL": es_url, "MONITOR_INDEX_PREFIX": prefix}
    run = subprocess.run([sys.executable, "-m", "monitor.cli", "timeline", "--receiving", "GT", "--on", "2020-06-01",
                          "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["amenable"] == ["MX"]
    later = subprocess.run([sys.executable, "-m", "monitor.cli", "timeline", "--receiving", "GT", "--on", "2022-01-01",
                            "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert json.loads(later.stdout) == {"receiving": "GT", "on": "2022-01-01",
                                        "agreement_status": "agreement_terminated", "amenable": []}


def test_a_recap_after_termination_joins_the_old_record_and_does_not_alert(repo):
    put(repo, "first", "2020-01-06", event("made_amenable", "GT", "MX"))
    put(repo, "end", "2021-05-06", event("agreement_terminated", "GT"))
    put(repo, "recap", "2022-03-01", event("made_amenable", "GT", "MX", background=True))
    assert reconcile(repo) == ["made_amenable:GT:MX"]
    assert [s["document_id"] for s in repo.findings.get("made_amenable:GT:MX")["sources"]] == ["first", "recap"]
    assert repo.findings.get("made_amenable:GT:MX@2021-05-06") is None
    # a background fact nobody knew before is still a finding (docs/DETECTION.md), in its epoch
    put(repo, "unknown", "2022-04-01", event("made_amenable", "GT", "HN", background=True))
    assert reconcile(repo) == ["made_amenable:GT:HN@2021-05-06"]
    # and a current decision after the termination makes an old pair new again
    put(repo, "again", "2025-07-02", event("made_amenable", "GT", "MX"))
    assert reconcile(repo) == ["made_amenable:GT:MX@2021-05-06"]
