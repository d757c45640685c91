"""The pure parts of the delivery ledger (src/monitor/alerts/delivery.py): ledger record ids,
findings read back from knowledge records, a digest day's bounds. Planning and sending against
Elasticsearch and SMTP are covered by tests/integration/test_alerts.py (see tests/README.md)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from monitor.alerts.delivery import alert_id, day_bounds, finding_from_record
from monitor.dates import parse_datetime


def test_alert_ids_are_stable_and_one_per_subscription_finding_and_channel():
    first = alert_id("sub-a", "made_amenable:GT:MX")
    assert re.fullmatch(r"[0-9a-f]{40}", first)
    assert alert_id("sub-a", "made_amenable:GT:MX") == first == alert_id("sub-a", "made_amenable:GT:MX", "email")
    # Pinned: a changed id would plan a second email for every finding already in the ledger.
    assert first == "c6eb40eb5bf02fcd44a9c80475f523a555ab0580"
    others = {alert_id("sub-b", "made_amenable:GT:MX"), alert_id("sub-a", "made_amenable:GT:CU"),
              alert_id("sub-a", "made_amenable:GT:MX", "apprise:0"), alert_id("sub-a", "made_amenable:GT:MX", "apprise:1")}
    assert first not in others and len(others) == 4


def test_a_finding_is_read_back_from_its_knowledge_record():
    record = {"id": "made_amenable:GT:MX", "action": "made_amenable", "receiving": "GT", "population": "MX",
              "evidence": "Certain Mexicans may be transferred", "document_id": "d1", "url": "https://x.org/a",
              "title": "T", "published": "2020-01-06T23:15:00Z", "affected_count": 900,
              "sources": [{"document_id": "d1"}], "alerts_planned": True, "epoch": ""}
    finding = finding_from_record(record)
    assert (finding.id, finding.header, finding.evidence, finding.document_id, finding.url, finding.title) == (
        "made_amenable:GT:MX", "made_amenable GT MX", "Certain Mexicans may be transferred", "d1", "https://x.org/a", "T")
    assert finding.published == dt.datetime(2020, 1, 6, 23, 15, tzinfo=dt.UTC) and finding.affected_count == 900


def test_a_sparse_record_reads_with_defaults():
    finding = finding_from_record({"id": "agreement_signed:HN:-", "action": "agreement_signed", "receiving": "HN",
                                   "published": "2019-09-25"})
    assert (finding.population, finding.evidence, finding.url, finding.title, finding.affected_count) == (
        None, "", "", "", None)
    assert finding.published == dt.datetime(2019, 9, 25, tzinfo=dt.UTC)
    assert finding_from_record({"id": "x", "action": "a", "receiving": "GT", "published": "soon"}).published is None


@pytest.mark.parametrize(("day", "start", "end"), [
    (dt.date(2020, 1, 6), "2020-01-06T00:00:00+00:00", "2020-01-07T00:00:00+00:00"),
    (dt.date(2020, 2, 29), "2020-02-29T00:00:00+00:00", "2020-03-01T00:00:00+00:00"),
    (dt.date(2020, 12, 31), "2020-12-31T00:00:00+00:00", "2021-01-01T00:00:00+00:00"),
])
def test_a_digest_day_is_one_utc_day_from_midnight_to_midnight(day, start, end):
    assert day_bounds(day) == (start, end)
    low, high = (parse_datetime(v) for v in day_bounds(day))
    assert high - low == dt.timedelta(days=1)
