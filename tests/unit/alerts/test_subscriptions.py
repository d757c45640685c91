"""Subscriptions (src/monitor/alerts/subscriptions.py): what an operator or advocate types is
validated (addresses, country codes, actions, query, channels), a subscription's id is stable
per address, and the double opt-in and unsubscribe links carry what they must and nothing more."""

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from monitor.alerts import new_subscription
from monitor.alerts.subscriptions import (
    confirmation_link,
    confirmed_copy,
    describe_filters,
    feed_link,
    mail_domain,
    stored,
    subscription_from_token,
    unsubscribe_id,
    unsubscribe_link,
)
from monitor.alerts.tokens import make_token
from monitor.errors import ConfigError, InvalidToken
from monitor.models import Subscription


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


KEY = "test-signing-key"
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def test_what_else_is_typed_is_validated_and_normalised():
    sub = new_subscription(" A@Example.org ", receiving=["gt", " hn ", ""], population=["mx"], actions=[" ", "agreement_signed"],
                           query="  asilo -deportación  ", digest=True, language="es",
                           apprise_urls=["json://hooks.example/x", " "], now=NOW)
    assert (sub.email, sub.receiving, sub.population, sub.actions) == (
        "a@example.org", ("GT", "HN"), ("MX",), ("agreement_signed",))
    assert (sub.query, sub.digest, sub.language, sub.apprise_urls) == (
        "asilo -deportación", True, "es", ("json://hooks.example/x",))
    assert sub.confirmed and sub.confirmed_at == NOW and sub.created == NOW
    assert new_subscription("a@example.org", query="   ").query is None
    assert new_subscription("a@example.org").actions == ("made_amenable",)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"actions": ["made_eligible"]}, "--action: 'made_eligible'"),
    ({"population": ["MEX"]}, "--population: 'MEX'"),
    ({"query": "asilo\r\nBcc: x@example.org"}, "one line"),
    ({"query": "a" * 501}, "at most 500"),
    ({"language": "fr"}, "language must be 'en' or 'es'"),
    ({"apprise_urls": ["not a url"]}, "not an Apprise URL"),
    ({"apprise_urls": ["json://hooks.example/x\r\nHost: evil"]}, "not an Apprise URL"),
])
def test_invalid_filters_are_config_errors_naming_the_option(kwargs, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        new_subscription("a@example.org", **kwargs)


def test_an_unconfirmed_request_is_confirmed_by_its_link_unchanged():
    requested = new_subscription("a@example.org", receiving=["GT"], digest=True, language="es", confirmed=False, now=NOW)
    assert not requested.confirmed and requested.confirmed_at is None
    link = confirmation_link("https://m.example/monitor/", KEY, requested)
    assert link.startswith("https://m.example/monitor/confirm?token=")
    token = parse_qs(urlsplit(link).query)["token"][0]
    assert subscription_from_token(KEY, token) == requested  # nothing stored until the link is opened
    confirmed = confirmed_copy(requested, now=NOW + dt.timedelta(hours=1))
    assert confirmed.confirmed and confirmed.confirmed_at == NOW + dt.timedelta(hours=1)
    assert confirmed.receiving == ("GT",) and confirmed.id == requested.id


def test_unsubscribe_and_feed_links_carry_the_subscription_id_for_their_purpose_only():
    sub = new_subscription("a@example.org")
    unsubscribe = unsubscribe_link("https://m.example", KEY, sub.id)
    assert unsubscribe.startswith("https://m.example/unsubscribe?token=")
    token = parse_qs(urlsplit(unsubscribe).query)["token"][0]
    assert unsubscribe_id(KEY, token) == sub.id
    with pytest.raises(InvalidToken):
        subscription_from_token(KEY, token)  # an unsubscribe link confirms nothing
    feed = feed_link("https://m.example/", KEY, sub.id)
    assert re.fullmatch(r"https://m\.example/feeds/subscription/[\w.-]+\.atom", feed)
    with pytest.raises(InvalidToken):
        unsubscribe_id(KEY, feed.rsplit("/", 1)[1].removesuffix(".atom"))  # the feed URL unsubscribes nobody


def test_a_confirm_token_without_an_address_is_refused():
    with pytest.raises(InvalidToken, match="not valid"):
        subscription_from_token(KEY, make_token(KEY, "confirm", ["a@example.org"]))


def test_the_stored_form_leaves_out_the_id_and_reads_back():
    sub = new_subscription("a@example.org", receiving=["GT"], now=NOW)
    body = stored(sub)
    assert "id" not in body and body["created"] == "2026-03-01T12:00:00Z"
    assert Subscription.model_validate({**body, "id": sub.id}) == sub


def test_filters_are_described_for_people():
    sub = new_subscription("a@example.org", receiving=["GT", "HN"], digest=True, language="es", query="asilo")
    assert describe_filters(sub) == ("receiving=GT,HN population=any actions=made_amenable delivery=daily digest "
                                     "language=es when=first report query='asilo'")
    assert "delivery=instant" in describe_filters(new_subscription("a@example.org"))
    assert "when=confirmed only" in describe_filters(new_subscription("a@example.org", when="confirmed"))
    with pytest.raises(ConfigError, match="first_report"):
        new_subscription("a@example.org", when="sometimes")


@pytest.mark.parametrize(("address", "domain"), [
    ("Asylum Policy Monitor <alerts@asylum-monitor.invalid>", "asylum-monitor.invalid"),
    ("alerts@mail.example.org", "mail.example.org"),
    ("https://alerts.example.org/x", "alerts.example.org"),
    ("nobody", "asylum-monitor.invalid"),
])
def test_the_mail_domain_of_a_sender(address, domain):
    assert mail_domain(address) == domain
