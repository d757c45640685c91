"""Subscriptions (src/monitor/alerts/subscriptions.py): what an operator or advocate types is
validated (addresses, country codes), and a subscription's id is stable per address."""

import datetime as dt

import pytest

from monitor.alerts import new_subscription
from monitor.errors import ConfigError


@pytest.mark.parametrize("address", [
    "no-at-sign", "a@b", "a@example.org\r\nBcc: victim@example.org", "a@example.org, b@example.org",
    "<a@example.org>", "a b@example.org", "",
])
def test_invalid_addresses_and_header_injection_are_refused(address):
    with pytest.raises(ConfigError, match="not a valid email"):
        new_subscription(address)


def test_country_codes_are_validated():
    with pytest.raises(ConfigError, match="--receiving"):
        new_subscription("a@example.org", receiving=["Guatemala"])


def test_subscription_ids_are_stable_and_case_insensitive():
    a = new_subscription("Advocate@Example.org", now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    b = new_subscription("advocate@example.org")
    assert a.id == b.id and a.email == "advocate@example.org"
