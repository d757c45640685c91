import datetime as dt

import pytest

from monitor.alerts import matches, new_subscription
from monitor.errors import ConfigError
from monitor.models import Finding

FINDING = Finding(id="made_amenable:GT:MX", action="made_amenable", receiving="GT", population="MX",
                  evidence="e", document_id="d", url="https://x.org/a", title="t", published=None)


@pytest.mark.parametrize(("receiving", "population", "expected"), [
    ([], [], True), (["GT"], [], True), (["HN"], [], False), ([], ["mx"], True), ([], ["CU"], False),
    (["GT", "HN"], ["MX", "CU"], True), (["GT"], ["CU"], False),
])
def test_filters_match_per_field(receiving, population, expected):
    sub = new_subscription("a@example.org", receiving=receiving, population=population)
    assert matches(FINDING, sub) is expected


def test_unconfirmed_subscriptions_never_match():
    assert not matches(FINDING, new_subscription("a@example.org", confirmed=False))


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
