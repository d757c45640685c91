"""A source's cursor and health after each kind of poll (pure)."""

import datetime as dt

from monitor.dates import parse_datetime
from monitor.ingest.state import after_failure, after_poll, after_unchanged
from monitor.models import SourceState
from monitor.sources.health import HEARTBEAT
from monitor.sources.listing import Listing

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
OLD = SourceState(etag='"v1"', body_hash="h1", last_checked=NOW - dt.timedelta(hours=1),
                  last_ok=NOW - dt.timedelta(hours=1), failures=0)


def test_a_clean_changed_poll_advances_the_cursor():
    listing = Listing(entries=[], etag='"v2"', last_modified="Sun, 01 Mar 2026 11:00:00 GMT", body_hash="h2")
    new = after_poll(OLD, listing, changed=True, problems=[], now=NOW)
    assert (new.etag, new.body_hash, new.last_ok, new.last_new_item, new.failures) == ('"v2"', "h2", NOW, NOW, 0)


def test_a_poll_with_problems_keeps_the_cursor_and_counts_a_failure():
    listing = Listing(entries=[], etag='"v2"', body_hash="h2")
    new = after_poll(OLD, listing, changed=False, problems=["2 article(s) could not be fetched"], now=NOW)
    assert (new.etag, new.body_hash) == ('"v1"', "h1")  # the next poll lists the source again
    assert new.failures == 1 and new.last_error == "2 article(s) could not be fetched" and new.last_error_at == NOW
    assert new.last_new_item is None and new.last_checked == NOW


def test_an_unchanged_poll_writes_nothing_unless_recovering_or_stale():
    assert after_unchanged(OLD, now=NOW) is None
    recovering = after_unchanged(OLD.model_copy(update={"failures": 2}), now=NOW)
    assert recovering.failures == 0 and recovering.last_ok == NOW
    stale = OLD.model_copy(update={"last_checked": NOW - HEARTBEAT - dt.timedelta(minutes=1)})
    assert after_unchanged(stale, now=NOW).last_checked == NOW


def test_a_failed_listing_counts_and_keeps_the_cursor():
    new = after_failure(OLD, "HTTP 503", now=NOW)
    assert (new.failures, new.last_error, new.etag, new.last_ok) == (1, "HTTP 503", '"v1"', OLD.last_ok)


def test_state_round_trips_through_its_stored_form():
    stored = after_failure(OLD, "boom", now=NOW).document()
    assert parse_datetime(stored["last_error_at"]) == NOW and "last_modified" not in stored  # no nulls stored
    assert SourceState.model_validate(stored) == after_failure(OLD, "boom", now=NOW)


def test_a_blocked_poll_backs_off_for_hours_doubling_and_any_other_outcome_ends_the_block():
    from monitor.ingest.state import BLOCKED_BACKOFF_MAX, after_blocked

    first = after_blocked(OLD, "block page (HTTP 403 from https://www.state.gov/feed/)", now=NOW)
    assert first.blocked_since == NOW and first.blocked_polls == 1 and first.next_poll_after == NOW + dt.timedelta(hours=6)
    assert first.last_error == "blocked: block page (HTTP 403 from https://www.state.gov/feed/)"
    assert (first.etag, first.body_hash, first.failures) == ('"v1"', "h1", 1)  # the cursor stays
    later = NOW + dt.timedelta(hours=7)
    second = after_blocked(first, "challenge page (HTTP 503 from https://www.state.gov/feed/)", now=later)
    assert second.blocked_since == NOW and second.next_poll_after == later + dt.timedelta(hours=12)
    assert second.blocked_reason.startswith("challenge page")
    many = second
    for _ in range(5):
        many = after_blocked(many, "block page", now=later)
    assert many.next_poll_after - later == BLOCKED_BACKOFF_MAX
    stored = many.document()
    assert stored["blocked_polls"] == 7 and SourceState.model_validate(stored) == many
    # Read again, the source is not blocked any more, whatever else happened.
    listing = Listing(entries=[], etag='"v2"', body_hash="h2")
    for ended in (after_poll(many, listing, changed=True, problems=[], now=later),
                  after_poll(many, listing, changed=False, problems=["1 article(s) could not be fetched"], now=later),
                  after_unchanged(many, now=later), after_failure(many, "HTTP 500", now=later)):
        assert (ended.blocked_since, ended.blocked_reason, ended.blocked_polls, ended.next_poll_after) == (None, None, 0, None)
        assert "blocked_polls" not in ended.document() and "blocked_since" not in ended.document()


def test_briefs_pending_keep_the_cursor_without_counting_a_failure():
    listing = Listing(entries=[], etag='"v2"', body_hash="h2")
    new = after_poll(OLD, listing, changed=True, problems=[], now=NOW, pending=True)
    assert (new.etag, new.body_hash, new.failures, new.last_ok) == ('"v1"', "h1", 0, NOW)
