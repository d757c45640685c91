"""The typed records of the pipeline (src/monitor/models.py): what a `Document` stores, a
`SourceState`'s stored form, the `Subscription` validators and the finding header."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from monitor.index.mappings import DOCUMENTS, MAPPINGS
from monitor.models import Detection, Document, Event, Finding, SourceState, Subscription

T0 = dt.datetime(2020, 1, 6, 23, 15, tzinfo=dt.UTC)
EVENT = Event(action="made_amenable", receiving="GT", population="MX", evidence="Mexicans may be sent", confidence=0.9)


def document(events: tuple[Event, ...] = (), **changes) -> Document:
    base = dict(id="d1", url="https://news.example/a?utm_source=rss", canonical_url="https://news.example/a",
                source_id="dhs", source_kind="feed", title="T", text="Body", content_hash="h", lang="en",
                detection=Detection(relevant=bool(events), lang="en", events=events, affected_count=900),
                published=T0, authors=("A. Writer",), tags=("us",), fetched=T0 + dt.timedelta(hours=1),
                entry_updated="2020-01-07T10:00:00Z", dedup_bands=("0:abc",))
    base.update(changes)
    return Document(**base)


def test_a_document_body_holds_the_stored_fields_in_json_form():
    body = document((EVENT,)).body()
    assert body["published"] == "2020-01-06T23:15:00+00:00" and body["fetched"] == "2020-01-07T00:15:00+00:00"
    assert body["updated"] is None
    assert body["events"] == [{"action": "made_amenable", "receiving": "GT", "population": "MX",
                               "evidence": "Mexicans may be sent", "confidence": 0.9, "background": False}]
    assert (body["relevant"], body["affected_count"], body["lang"]) == (True, 900, "en")
    assert body["authors"] == ["A. Writer"] and body["tags"] == ["us"] and body["dedup_bands"] == ["0:abc"]
    assert (body["url"], body["canonical_url"], body["version"]) == (
        "https://news.example/a?utm_source=rss", "https://news.example/a", 1)
    assert "id" not in body  # the id is the Elasticsearch document id, not a field


def test_every_stored_field_is_in_the_strict_documents_mapping():
    mapped = MAPPINGS[DOCUMENTS]["properties"]
    body = document((EVENT,), cluster_id="c1").body()
    assert set(body) <= set(mapped), sorted(set(body) - set(mapped))
    assert set(body["events"][0]) <= set(mapped["events"]["properties"])


def test_a_document_without_events_is_born_reconciled_and_one_with_events_is_not():
    assert document().body()["reconciled"] is True  # nothing to merge into the knowledge index
    assert document((EVENT,)).body()["reconciled"] is False


def test_the_cluster_id_is_stored_only_once_decided():
    assert "cluster_id" not in document().body()
    assert document(cluster_id="c1").body()["cluster_id"] == "c1"


def test_source_state_is_stored_without_nulls_and_reads_back_equal():
    state = SourceState(etag='"v2"', body_hash="h2", last_checked=T0, last_ok=T0, failures=0, items_seen=12)
    stored = state.document()
    assert stored == {"etag": '"v2"', "body_hash": "h2", "last_checked": "2020-01-06T23:15:00Z",
                      "last_ok": "2020-01-06T23:15:00Z", "failures": 0, "items_seen": 12}
    assert SourceState.model_validate(stored) == state
    assert SourceState.model_validate({**stored, "retired_field": 1}) == state  # old records still load


def test_a_source_state_has_never_run_until_something_is_recorded():
    assert SourceState().never_run
    assert not SourceState(last_checked=T0).never_run
    assert not SourceState(last_error_at=T0, failures=1).never_run


def subscription(**fields) -> Subscription:
    return Subscription.model_validate({"id": "s1", "email": "a@example.org", "created": T0, **fields})


def test_subscription_country_codes_are_upper_cased():
    sub = subscription(receiving=["gt", "Hn"], population=("mx",))
    assert sub.receiving == ("GT", "HN") and sub.population == ("MX",)


def test_subscription_actions_must_be_known_and_default_to_made_amenable():
    assert subscription().actions == ("made_amenable",)
    assert subscription(actions=[]).actions == ("made_amenable",)
    assert subscription(actions=["agreement_terminated"]).actions == ("agreement_terminated",)
    with pytest.raises(ValidationError, match="unknown action.*made_eligible"):
        subscription(actions=["made_amenable", "made_eligible"])


def test_subscription_language_is_english_or_spanish_and_records_are_frozen():
    with pytest.raises(ValidationError):
        subscription(language="fr")
    with pytest.raises(ValidationError):
        subscription().email = "b@example.org"


def test_the_finding_header_and_event_key_name_action_partner_and_population():
    finding = Finding(id="made_amenable:GT:MX", action="made_amenable", receiving="GT", population="MX",
                      evidence="e", document_id="d", url="https://x.org/a", title="t", published=None)
    assert finding.header == "made_amenable GT MX"  # the X-Monitor-Finding value of docs/CLI.md
    lifecycle = Finding(id="agreement_terminated:GT:-", action="agreement_terminated", receiving="GT",
                        population=None, evidence="e", document_id="d", url="u", title="t", published=None)
    assert lifecycle.header == "agreement_terminated GT -"
    assert EVENT.key == "made_amenable GT MX"
