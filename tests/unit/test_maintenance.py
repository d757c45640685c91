"""The daily operator report lists the same health rows as `monitor sources`, unhealthy
first, and escapes what sources say (pure)."""

from __future__ import annotations

import datetime as dt

from monitor.maintenance import needs_attention, render_health_report
from monitor.models import Source, SourceState
from monitor.sources.health import assess

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def source(**kw) -> Source:
    return Source.model_validate({"id": "gov", "kind": "feed", "url": "https://gov.example/feed.xml", **kw})


def test_report_counts_and_lists_unhealthy_sources_first_and_escapes_html():
    bad = assess(source(id="bad", name="Bad <source>"),
                 SourceState(failures=3, last_error="HTTP 404 <gone>", last_error_at=NOW), now=NOW)
    good = assess(source(id="good", name="Good"), SourceState(last_ok=NOW, last_checked=NOW), now=NOW)
    report = render_health_report([good, bad], now=NOW, problems=["alert a1 stuck in 'sending'"])
    assert report.subject == "[monitor] source health 2026-03-01: 1 of 2 sources need attention"
    assert report.text.index("FAILING    bad") < report.text.index("OK         good")
    assert "HTTP 404 <gone>" in report.text and "! failed 3 runs in a row" in report.text
    assert "PROBLEM    alert a1 stuck" in report.text
    assert "Bad &lt;source&gt;" in report.html and "<gone>" not in report.html
    assert render_health_report([good], now=NOW).subject.endswith("all 1 sources ok")


def test_a_flagged_source_needs_attention_even_when_its_status_reads_well():
    never = assess(source(), None, now=NOW)
    silent = assess(source(expected_period_hours=24), SourceState(last_ok=NOW - dt.timedelta(days=3),
                                                                  last_checked=NOW), now=NOW)
    disabled = assess(source(enabled=False), None, now=NOW)
    assert never.status == "never run" and needs_attention(never)
    assert silent.status == "silent" and needs_attention(silent)
    assert disabled.status == "disabled" and not needs_attention(disabled)
