"""Signed tokens for links in emails and secret feed URLs (src/monitor/alerts/tokens.py): a token
reads back only with its key and its purpose, confirmation tokens expire after a week (checked
with a frozen clock, through itsdangerous' own `get_timestamp` hook), the others never do."""

from __future__ import annotations

import itertools

import pytest
from itsdangerous import TimestampSigner

from monitor.alerts.tokens import CONFIRM_MAX_AGE, PURPOSES, make_token, read_token
from monitor.errors import InvalidToken

KEY = "test-signing-key"
T0 = 1_700_000_000  # seconds since the epoch, when the token is signed


@pytest.fixture
def clock(monkeypatch):
    """A frozen clock for the signer: set `clock.now` to move it."""

    class Clock:
        now = T0

    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: Clock.now)
    return Clock


@pytest.mark.parametrize("purpose", PURPOSES)
def test_a_token_reads_back_its_payload(purpose):
    payload = {"email": "a@example.org", "receiving": ["GT"], "digest": False}
    assert read_token(KEY, purpose, make_token(KEY, purpose, payload)) == payload
    assert read_token(KEY, purpose, make_token(KEY, purpose, "sub-id")) == "sub-id"


@pytest.mark.parametrize(("made_for", "used_for"), list(itertools.permutations(PURPOSES, 2)))
def test_a_token_made_for_one_purpose_is_refused_for_another(made_for, used_for):
    # e.g. the feed token in a subscriber's feed URL must not unsubscribe them
    token = make_token(KEY, made_for, "sub-id")
    with pytest.raises(InvalidToken, match="not valid"):
        read_token(KEY, used_for, token)


def test_a_token_signed_with_another_key_is_refused():
    with pytest.raises(InvalidToken, match="not valid"):
        read_token(KEY, "unsubscribe", make_token("another-key", "unsubscribe", "sub-id"))


def test_a_tampered_token_is_refused():
    token = make_token(KEY, "unsubscribe", "sub-id")
    _, rest = token.split(".", 1)
    forged = make_token(KEY, "unsubscribe", "other-id").split(".", 1)[0] + "." + rest  # another payload, same signature
    for bad in (forged, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"), "", "not-a-token"):
        with pytest.raises(InvalidToken):
            read_token(KEY, "unsubscribe", bad)


def test_a_confirmation_link_works_for_a_week_then_expires(clock):
    token = make_token(KEY, "confirm", {"email": "a@example.org"})
    clock.now = T0 + CONFIRM_MAX_AGE
    assert read_token(KEY, "confirm", token) == {"email": "a@example.org"}
    clock.now = T0 + CONFIRM_MAX_AGE + 1
    with pytest.raises(InvalidToken, match="expired"):
        read_token(KEY, "confirm", token)
    assert CONFIRM_MAX_AGE == 7 * 24 * 3600  # the confirmation email promises 7 days


@pytest.mark.parametrize("purpose", ["unsubscribe", "feed"])
def test_unsubscribe_and_feed_links_never_expire(clock, purpose):
    token = make_token(KEY, purpose, "sub-id")
    clock.now = T0 + 10 * 365 * 24 * 3600  # an unsubscribe link in a ten-year-old email still works
    assert read_token(KEY, purpose, token) == "sub-id"


def test_an_unknown_purpose_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown token purpose"):
        make_token(KEY, "reset-password", "x")
    with pytest.raises(ValueError, match="unknown token purpose"):
        read_token(KEY, "reset-password", "x")
