"""Source health is judged from saved state alone, the report names every unhealthy source,
and mapping drift lists what a live index lacks (all pure)."""

from __future__ import annotations

import datetime as dt

from monitor.maintenance import SourceHealth, assess, mapping_drift, render_health_report
from monitor.models import Source

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def source(**kw) -> Source:
    return Source.model_validate({"id": "gov", "kind": "feed", "url": "https://gov.example/feed.xml", **kw})


def test_assess_classifies_failing_never_stale_and_ok():
    assert assess(source(), {"failures": 2, "last_error": "HTTP 503"}, now=NOW).status == "failing"
    assert assess(source(), {}, now=NOW).status == "never"
    week_ago = (NOW - dt.timedelta(days=8)).isoformat()
    assert assess(source(), {"last_ok": week_ago, "failures": 0}, now=NOW).status == "stale"
    assert assess(source(expected_period_hours=24 * 30), {"last_ok": week_ago}, now=NOW).status == "ok"
    hour_ago = (NOW - dt.timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    row = assess(source(name="Gov"), {"last_ok": hour_ago, "failures": 0, "last_error": "old"}, now=NOW)
    assert (row.status, row.name, row.last_error) == ("ok", "Gov", None)  # a past error is not news


def test_report_counts_and_lists_unhealthy_sources_and_escapes_html():
    rows = [
        SourceHealth("bad", "Bad <source>", "failing", failures=3, last_error="HTTP 404 <gone>"),
        SourceHealth("good", "Good", "ok", last_ok="2026-03-01T11:00:00+00:00"),
    ]
    report = render_health_report(rows, now=NOW, problems=["alert a1 stuck in 'sending'"])
    assert report.subject == "[monitor] source health 2026-03-01: 1 of 2 sources need attention"
    assert "FAILING  bad" in report.text and "HTTP 404 <gone>" in report.text
    assert "PROBLEM  alert a1 stuck" in report.text
    assert "Bad &lt;source&gt;" in report.html and "<gone>" not in report.html
    healthy = render_health_report(rows[1:], now=NOW)
    assert healthy.subject.endswith("all 1 sources ok")


def test_mapping_drift_names_missing_and_retyped_fields_but_ignores_subfields():
    expected = {"properties": {
        "title": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
        "published": {"type": "date"},
        "events": {"type": "object", "properties": {"action": {"type": "keyword"}, "receiving": {"type": "keyword"}}},
    }}
    live = {"properties": {
        "title": {"type": "text", "fields": {"en": {"type": "text", "analyzer": "english"}}},
        "published": {"type": "keyword"},
        "events": {"properties": {"action": {"type": "keyword"}}},
    }}
    assert mapping_drift(expected, live) == ["field published is keyword, expected date",
                                             "field events.receiving is missing"]
    assert mapping_drift(expected, expected) == []
