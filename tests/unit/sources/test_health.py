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


def test_a_blocked_source_is_blocked_with_its_reason_date_and_next_poll_not_failing_or_stale():
    now = dt.datetime(2026, 1, 31, 12, tzinfo=dt.UTC)
    source = Source(id="state-press", kind="feed", url="https://www.state.gov/rss-feed/press-releases/feed/")
    state = SourceState(failures=5, last_error="blocked: block page (HTTP 403 from https://www.state.gov/x)",
                        last_error_at=now - dt.timedelta(hours=30), last_checked=now - dt.timedelta(hours=30),
                        blocked_since=dt.datetime(2026, 1, 29, 8, tzinfo=dt.UTC),
                        blocked_reason="block page (HTTP 403 from https://www.state.gov/x)", blocked_polls=5,
                        next_poll_after=now + dt.timedelta(hours=2))
    [row] = source_health([source], {"state-press": state}, now=now)
    assert row.status == "blocked" and row.flags == (
        "blocked since 2026-01-29 08:00 UTC: block page (HTTP 403 from https://www.state.gov/x); "
        "next poll after 2026-01-31 14:00 UTC",)  # neither "failed 5 runs" nor "not polled for 30 hours"
    assert row.as_dict()["blocked_since"] == "2026-01-29T08:00:00+00:00" and row.as_dict()["next_poll_after"]
    table = format_table([row])
    assert "blocked" in table and "! blocked since 2026-01-29 08:00 UTC" in table
