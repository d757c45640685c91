import datetime as dt

from monitor.fetch.retry import RetryPolicy, parse_retry_after, retry_delay

POLICY = RetryPolicy(attempts=3, backoff=0.5, max_wait=30)


def test_retry_after_in_seconds_and_as_http_date():
    now = dt.datetime(2020, 1, 6, 12, 0, tzinfo=dt.UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Mon, 06 Jan 2020 12:00:10 GMT", now=now) == 10.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_backoff_doubles_and_stops_after_the_attempts():
    assert [retry_delay(n, policy=POLICY, status=503) for n in (1, 2, 3)] == [0.5, 1.0, None]


def test_retry_after_replaces_the_backoff_on_429_and_503_only():
    assert retry_delay(1, policy=POLICY, status=429, retry_after="5") == 5.0
    assert retry_delay(1, policy=POLICY, status=500, retry_after="5") == 0.5


def test_waits_beyond_the_limit_or_the_deadline_give_up():
    assert retry_delay(1, policy=POLICY, status=429, retry_after="3600") is None
    assert retry_delay(1, policy=POLICY, status=503, retry_after="5", remaining=4.0) is None


def test_client_errors_are_never_retried_but_connection_errors_are():
    assert retry_delay(1, policy=POLICY, status=404) is None
    assert retry_delay(1, policy=POLICY, status=None) == 0.5
