"""Which subscriptions want which finding (src/monitor/alerts/matching.py, pure)."""

import pytest

from monitor.alerts import matches, new_subscription
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
