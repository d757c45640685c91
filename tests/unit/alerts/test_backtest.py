"""Backtests: what a subscription would have received, through the planner's rules (pure)."""

from __future__ import annotations

import datetime as dt

from monitor.alerts.backtest import backtest, reported_on
from monitor.alerts.subscriptions import new_subscription


def record(population, *, status="reported", published="2026-03-01", history=("reported",), **extra):
    return {"id": f"made_amenable:GT:{population}", "action": "made_amenable", "receiving": "GT",
            "population": population, "evidence": f"{population} may be sent", "status": status,
            "sources": [{"document_id": "d", "published": published}, {"document_id": "old", "published": "2019-01-01",
                                                                        "background": True}],
            "history": [{"to": h} for h in history], **extra}


RECORDS = [
    record("MX", history=("reported", "confirmed"), status="confirmed", confirmed_by={"how": "official_source",
                                                                                      "publisher": "DHS",
                                                                                      "date": "2026-03-02"}),
    record("HN", status="held"),
    record("SV", status="rejected"),
    record("CU", published="2024-01-01"),
    record("NI", status="retracted", retraction={"at": "2026-04-01", "reason": "denied"}),
    {"id": "agreement_signed:GT:-", "action": "agreement_signed", "receiving": "GT", "sources": []},
]
SINCE = dt.date(2025, 12, 1)


def test_held_rejected_old_and_lifecycle_records_send_nothing():
    would = backtest(RECORDS, new_subscription("a@example.org"), since=SINCE)
    assert [(w.finding_id, w.follow_ups) for w in would] == [("made_amenable:GT:MX", ("confirmed",)),
                                                            ("made_amenable:GT:NI", ("retracted",))]
    assert would[0].status_text == "Confirmed by DHS, 2026-03-02" and would[0].day == dt.date(2026, 3, 1)


def test_filters_and_the_confirmed_only_choice():
    assert backtest(RECORDS, new_subscription("a@example.org", population=["CU"]), since=SINCE) == []
    assert len(backtest(RECORDS, new_subscription("a@example.org", population=["CU"]), since=dt.date(2023, 1, 1))) == 1
    confirmed_only = backtest(RECORDS, new_subscription("a@example.org", when="confirmed"), since=SINCE)
    assert [(w.finding_id, w.follow_ups) for w in confirmed_only] == [("made_amenable:GT:MX", ())]
    assert backtest(RECORDS, new_subscription("a@example.org"), since=SINCE, until=dt.date(2026, 2, 1)) == []


def test_a_saved_query_is_checked_and_the_first_report_dates_it():
    sub = new_subscription("a@example.org", query="Guatemala")
    assert backtest(RECORDS, sub, since=SINCE, query_matches=lambda r: r["population"] == "NI")[0].finding_id == (
        "made_amenable:GT:NI")
    assert reported_on({"sources": [], "first_seen": "2026-05-05T10:00:00+00:00"}) == dt.date(2026, 5, 5)
