"""The one clock and the one date parser (src/monitor/dates.py): every reader (CLI, web, emails,
reconciliation) reads a stored or typed date through these, so their rules are pinned here."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.dates import age, parse_date, parse_datetime, utcnow

UTC = dt.UTC


def test_utcnow_is_aware_utc_and_now():
    before = dt.datetime.now(UTC)
    now = utcnow()
    assert now.tzinfo is not None and now.utcoffset() == dt.timedelta(0)
    assert before <= now <= dt.datetime.now(UTC)


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-01-06", dt.datetime(2020, 1, 6, tzinfo=UTC)),  # a date is midnight UTC
    ("2020-01-06T23:15:00Z", dt.datetime(2020, 1, 6, 23, 15, tzinfo=UTC)),
    ("2020-01-06T10:00:00", dt.datetime(2020, 1, 6, 10, tzinfo=UTC)),  # naive is UTC
    ("  2020-01-06T10:00:00  ", dt.datetime(2020, 1, 6, 10, tzinfo=UTC)),
    ("2020-01-06Tnot-a-time", dt.datetime(2020, 1, 6, tzinfo=UTC)),  # a readable day survives a bad time
    (dt.date(2020, 1, 6), dt.datetime(2020, 1, 6, tzinfo=UTC)),
    (dt.datetime(2020, 1, 6, 10), dt.datetime(2020, 1, 6, 10, tzinfo=UTC)),
])
def test_parse_datetime_reads_every_stored_and_typed_form_as_aware(value, expected):
    parsed = parse_datetime(value)
    assert parsed == expected and parsed.tzinfo is not None


def test_parse_datetime_keeps_an_offset_rather_than_shifting_the_wall_clock():
    parsed = parse_datetime("2020-01-06T23:30:00-05:00")
    assert parsed.utcoffset() == dt.timedelta(hours=-5)
    assert parsed == dt.datetime(2020, 1, 7, 4, 30, tzinfo=UTC)  # the same instant
    aware = dt.datetime(2020, 1, 6, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert parse_datetime(aware) is aware


@pytest.mark.parametrize("value", [None, "", 0, "garbage", "06/01/2020", "2020-02-30", "   "])
def test_empty_and_unreadable_values_are_none_not_errors(value):
    assert parse_datetime(value) is None
    assert parse_date(value) is None


def test_parse_date_is_the_day_as_written_without_a_time_zone_shift():
    # 23:30 in New York is already the next day in UTC; the day written is the one reported.
    assert parse_date("2020-01-06T23:30:00-05:00") == dt.date(2020, 1, 6)
    assert parse_date(dt.datetime(2020, 1, 6, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))) == dt.date(2020, 1, 6)
    assert parse_date("2020-01-06") == dt.date(2020, 1, 6)
    assert parse_date(dt.date(2020, 1, 6)) == dt.date(2020, 1, 6)


@pytest.mark.parametrize(("delta", "text"), [
    (dt.timedelta(minutes=20), "0 h"),
    (dt.timedelta(hours=5), "5 h"),
    (dt.timedelta(hours=47), "47 h"),  # hours up to two days
    (dt.timedelta(hours=48), "2.0 days"),
    (dt.timedelta(days=3, hours=12), "3.5 days"),
])
def test_age_reads_in_hours_then_days(delta, text):
    assert age(delta) == text
