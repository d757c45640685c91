"""Source health from saved state (pure): failures, silence, staleness, never run."""

import datetime as dt

from monitor.models import Source, SourceState
from monitor.sources.health import format_table, source_health


def test_health_flags_failures_silence_and_staleness():
    now = dt.datetime(2026, 1, 31, tzinfo=dt.UTC)
    sources = [Source(id=i, kind="feed", url="https://x.org/", expected_period_hours=48) for i in "abcd"]
    states = {
        "a": {"last_ok": "2026-01-30T23:00:00+00:00", "last_checked": "2026-01-30T23:00:00+00:00",
              "last_new_item": "2026-01-30T00:00:00+00:00", "failures": 0},
        "b": {"failures": 4, "last_error": "HTTP 500", "last_error_at": "2026-01-30T23:00:00+00:00"},
        "c": {"last_ok": "2026-01-30T23:00:00+00:00", "last_checked": "2026-01-30T23:00:00+00:00",
              "last_new_item": "2026-01-20T00:00:00+00:00", "failures": 0},
    }
    health = {h.id: h for h in source_health(sources, {k: SourceState.model_validate(v) for k, v in states.items()},
                                             now=now)}
    assert health["a"].status == "ok" and not health["a"].flags
    assert health["b"].status == "failing" and health["b"].flags == ("failed 4 runs in a row",)
    assert health["c"].status == "silent" and "no new item for 11.0 days" in health["c"].flags[0]
    assert health["d"].status == "never run"
    assert "3 flagged" not in format_table(list(health.values())) and "2 flagged" in format_table(list(health.values()))
