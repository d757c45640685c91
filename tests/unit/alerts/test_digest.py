"""Digests (the pure part): the day a finding enters a subscriber's digest."""

from __future__ import annotations

from monitor.alerts.digest import sendable_since
from monitor.alerts.subscriptions import new_subscription


def test_a_finding_enters_the_digest_of_the_day_it_became_sendable():
    first_report, confirmed_only = new_subscription("a@example.org"), new_subscription("b@example.org", when="confirmed")
    held_then_approved = {"first_seen": "2026-01-01T10:00:00+00:00", "history": [
        {"at": "2026-01-01T10:00:00+00:00", "to": "held"}, {"at": "2026-01-03T09:00:00+00:00", "to": "reported"},
        {"at": "2026-01-05T09:00:00+00:00", "to": "confirmed"}]}
    assert sendable_since(held_then_approved, first_report) == "2026-01-03T09:00:00+00:00"
    assert sendable_since(held_then_approved, confirmed_only) == "2026-01-05T09:00:00+00:00"
    still_held = {"first_seen": "2026-01-01T10:00:00+00:00", "history": [{"at": "2026-01-01T10:00:00+00:00",
                                                                         "to": "held"}]}
    assert sendable_since(still_held, first_report) is None
    lifecycle = {"first_seen": "2026-01-02T00:00:00+00:00"}
    assert sendable_since(lifecycle, first_report) == "2026-01-02T00:00:00+00:00"
    assert sendable_since(lifecycle, confirmed_only) is None
