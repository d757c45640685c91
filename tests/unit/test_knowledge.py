"""The pure parts of reconciliation (src/monitor/knowledge.py): knowledge record ids, and the
run's memory of terminations that dates a `made_amenable` pair into an epoch — read once per
run, then kept up to date as the run merges new terminations. Reconciliation against
Elasticsearch (exactly-once findings, concurrent runs): tests/integration/test_knowledge.py."""

from __future__ import annotations

import datetime as dt

from monitor.knowledge import TERMINATED, Terminations, finding_id


def termination(receiving: str, *published: str, background: bool = False) -> dict:
    return {"id": finding_id(TERMINATED, receiving, None), "action": TERMINATED, "receiving": receiving,
            "published": published[0], "population": None,
            "sources": [{"document_id": f"doc-{p}", "published": p, "background": background} for p in published]}


def test_record_ids_name_action_partner_and_population():
    assert finding_id("made_amenable", "GT", "MX") == "made_amenable:GT:MX"
    assert finding_id("agreement_terminated", "GT", None) == "agreement_terminated:GT:-"


def test_the_epoch_is_empty_before_a_termination_and_its_date_after():
    known = Terminations([termination("GT", "2021-05-06")])
    assert known.epoch("GT", "2020-01-06") == ""  # the first epoch
    assert known.epoch("GT", "2021-05-06T12:00:00Z") == ""  # the same day is not after it
    assert known.epoch("GT", "2025-07-02") == "2021-05-06"  # a re-admission: a new epoch, a new alert
    assert known.epoch("GT", dt.datetime(2025, 7, 2, tzinfo=dt.UTC)) == "2021-05-06"
    assert known.epoch("HN", "2025-07-02") == ""  # another partner's agreement is not affected


def test_an_undated_event_falls_in_the_latest_epoch():
    known = Terminations([termination("GT", "2021-05-06"), termination("GT", "2024-01-10") | {"id": "t2"}])
    assert known.epoch("GT", None) == "2024-01-10"
    assert known.epoch("GT", "2022-03-01") == "2021-05-06"


def test_a_termination_merged_in_this_run_dates_the_events_after_it():
    known = Terminations([])
    assert known.epoch("GT", "2025-07-02") == ""
    body = {"action": TERMINATED, "receiving": "GT", "population": None, "published": "2021-05-06"}
    known.learn("agreement_terminated:GT:-", body, {"document_id": "d1", "published": "2021-05-06", "background": False})
    assert known.epoch("GT", "2025-07-02") == "2021-05-06"  # no second query to the knowledge index needed


def test_a_further_source_of_a_known_termination_adds_its_date_once():
    known = Terminations([termination("GT", "2021-05-06")])
    later = {"document_id": "d-2022", "published": "2022-02-01", "background": False}
    known.learn("agreement_terminated:GT:-", {}, later)
    known.learn("agreement_terminated:GT:-", {}, later)  # the same document merged twice (a re-run)
    assert [s["document_id"] for s in known.records["agreement_terminated:GT:-"]["sources"]] == [
        "doc-2021-05-06", "d-2022"]
    assert known.epoch("GT", "2023-01-01") == "2022-02-01"


def test_a_termination_reported_only_as_background_is_dated_by_its_record():
    # Background mentions do not date an event; the record's own date still does.
    known = Terminations([termination("GT", "2021-05-06", background=True)])
    assert known.epoch("GT", "2025-07-02") == "2021-05-06"
