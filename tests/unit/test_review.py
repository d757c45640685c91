"""The life of a finding (pure part): held or not, auto-release, re-review after rejection,
reported → confirmed, each change logged."""

from __future__ import annotations

from monitor.provenance import describe
from monitor.review import ReviewPolicy, after_denial, after_source, after_withdrawal, initial_state

NOW = "2026-01-23T10:00:00+00:00"


def src(doc, *, confidence=0.99, authority="news", cluster=None, background=False, quotes=False):
    return {"document_id": doc, "publisher": doc, "confidence": confidence, "authority": authority,
            "cluster_id": cluster or f"c-{doc}", "background": background, "quotes_official": quotes,
            "published": "2026-01-20", "evidence": f"evidence of {doc}"}


def test_a_confident_news_report_is_reported_and_due():
    state = initial_state([src("a")], ReviewPolicy(threshold=0.9), now=NOW)
    assert state["status"] == "reported" and state["review"] == "auto"
    assert state["alerts_planned"] is False
    assert state["history"] == [{"at": NOW, "by": "monitor", "from": None, "to": "reported", "reason": "new finding"}]


def test_low_confidence_is_held_with_its_reason_and_plans_nothing():
    state = initial_state([src("a", confidence=0.72)], ReviewPolicy(threshold=0.9), now=NOW)
    assert state["status"] == "held" and state["alerts_planned"] is True
    assert "0.72 below the review threshold 0.90" in state["history"][0]["reason"]


def test_operators_may_hold_everything_only_reported():
    policy = ReviewPolicy(threshold=0.5, hold_reported=True)
    assert initial_state([src("a")], policy, now=NOW)["status"] == "held"
    official = initial_state([src("dhs", authority="official")], policy, now=NOW)
    assert official["status"] == "confirmed" and official["confirmed_by"]["document_id"] == "dhs"


def record_from(state, *sources):
    return {"id": "made_amenable:GT:MX", "sources": list(sources), **state}


def test_a_held_finding_is_released_by_a_second_independent_story():
    held = record_from(initial_state([src("a", confidence=0.6)], ReviewPolicy(), now=NOW), src("a", confidence=0.6))
    same_story = after_source(held, src("a-copy", cluster="c-a"), now=NOW)
    assert "status" not in same_story and len(same_story["sources"]) == 2
    other_story = after_source(held, src("b"), now=NOW)
    assert other_story["status"] == "reported" and other_story["review"] == "released"
    assert other_story["alerts_planned"] is False
    assert other_story["history"][-1]["from"] == "held" and "second independent story" in other_story["history"][-1]["reason"]


def test_a_held_finding_is_released_and_confirmed_by_an_official_document():
    held = record_from(initial_state([src("a", confidence=0.6)], ReviewPolicy(), now=NOW), src("a", confidence=0.6))
    changes = after_source(held, src("dhs", authority="official", cluster="c-a"), now=NOW)
    assert changes["status"] == "confirmed" and changes["review"] == "released"


def test_a_recap_releases_nothing():
    held = record_from(initial_state([src("a", confidence=0.6)], ReviewPolicy(), now=NOW), src("a", confidence=0.6))
    assert "status" not in after_source(held, src("dhs", authority="official", background=True), now=NOW)


def test_a_rejected_pair_needs_a_new_review_for_new_independent_support_only():
    rejected = {"id": "f", "status": "rejected", "review": "rejected", "sources": [src("a")],
                "history": [{"to": "rejected"}]}
    copy = after_source(rejected, src("a2", cluster="c-a"), now=NOW)
    assert copy.get("status", "rejected") == "rejected" and "history" not in copy
    fresh = after_source(rejected, src("b"), now=NOW)
    assert fresh["status"] == "held" and fresh["history"][-1]["from"] == "rejected"
    assert "alerts_planned" not in fresh  # back in the queue, never straight to inboxes


def test_reported_becomes_confirmed_once_and_asks_for_follow_ups():
    reported = record_from(initial_state([src("a")], ReviewPolicy(), now=NOW), src("a"))
    changes = after_source(reported, src("wire", quotes=True), now=NOW)
    assert changes["status"] == "confirmed" and changes["alerts_planned"] is False
    assert changes["history"][-1]["to"] == "confirmed" and "quoted official" in changes["history"][-1]["reason"]
    confirmed = {**reported, **changes}
    again = after_source(confirmed, src("dhs", authority="official"), now=NOW)
    assert "alerts_planned" not in again and "history" not in again
    assert again["provenance"] == "confirmed"


def test_lifecycle_records_only_gain_sources():
    assert after_source({"id": "agreement_signed:GT:-", "sources": []}, src("a"), now=NOW) == {"sources": [src("a")]}


def test_the_last_support_withdrawn_retracts_a_sent_finding():
    record = {"id": "f", "status": "reported", "history": [{"to": "reported"}],
              "sources": [src("a"), src("old", background=True)]}
    changes = after_withdrawal(record, document_id="a", evidence="Correction: an earlier version …",
                               reason="corrected", publisher="Wire", now=NOW)
    assert changes["status"] == "retracted" and changes["alerts_planned"] is False
    assert changes["retraction"] == {"at": NOW, "reason": "corrected", "evidence": "Correction: an earlier version …",
                                     "document_id": "a", "publisher": "Wire"}
    assert changes["sources"][0]["withdrawn"] is True
    assert (changes["history"][-1]["from"], changes["history"][-1]["to"]) == ("reported", "retracted")
    assert describe({**record, **changes}) == "Retracted on 2026-01-23: its source published a correction"
    assert describe({**record, **changes}, "es") == "Retirado el 2026-01-23: su fuente publicó una corrección"


def test_a_withdrawn_source_among_others_only_loses_its_weight():
    record = {"id": "f", "status": "confirmed", "sources": [src("dhs", authority="official"), src("b")]}
    changes = after_withdrawal(record, document_id="dhs", evidence="…", reason="no_longer_stated", now=NOW)
    assert "status" not in changes and changes["provenance"] == "reported"
    assert after_withdrawal(record, document_id="zzz", evidence="…", reason="corrected", now=NOW) == {}


def test_an_official_denial_retracts_whatever_else_supports_it():
    record = {"id": "f", "status": "confirmed", "sources": [src("a"), src("b")], "history": []}
    changes = after_denial(record, document_id="dhs-2", evidence="Mexicans are not covered", publisher="DHS", now=NOW)
    assert changes["status"] == "retracted" and changes["retraction"]["reason"] == "denied"
    assert "denied by DHS" in changes["history"][-1]["reason"]
    assert after_denial({**record, "status": "rejected"}, document_id="x", evidence="e", now=NOW) == {}
    assert after_denial({"id": "agreement_signed:GT:-"}, document_id="x", evidence="e", now=NOW) == {}


def test_a_retracted_finding_with_new_independent_support_goes_back_to_review():
    record = {"id": "f", "status": "retracted", "sources": [src("a")], "history": [{"to": "retracted"}]}
    changes = after_source(record, src("b"), now=NOW)
    assert changes["status"] == "held" and "after retraction" in changes["history"][-1]["reason"]
