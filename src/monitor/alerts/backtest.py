"""What a subscription would have received (pure): `monitor backtest` and the subscribe page's
preview replay the knowledge index through the same rules as the planner (alerts/delivery.py)
without sending or storing anything.

A finding counts when the planner would alert it — a `made_amenable` record, not held or
rejected, matching the filters (and, for a saved query, its documents matching it) — and it
was first reported in [since, until]: the date of its first current supporting document, else
its record's publication date, else when the monitor learned it. Follow-ups are counted too:
a confirmation after a first report (for `when=first_report`), a retraction of what was sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from monitor.alerts.delivery import finding_from_record
from monitor.alerts.matching import matches
from monitor.alerts.render import headline
from monitor.dates import parse_date
from monitor.models import Subscription
from monitor.provenance import QUIET, describe

__all__ = ["WouldSend", "backtest", "reported_on"]


@dataclass(frozen=True)
class WouldSend:
    """One alert the subscription would have received, and its follow-ups."""

    finding_id: str
    day: dt.date | None
    headline: str
    status: str
    status_text: str
    evidence: str
    follow_ups: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"finding_id": self.finding_id, "day": self.day.isoformat() if self.day else None,
                "headline": self.headline, "status": self.status, "status_text": self.status_text,
                "evidence": self.evidence, "follow_ups": list(self.follow_ups)}


def reported_on(record: Mapping[str, Any]) -> dt.date | None:
    """When a finding was first reported (see the module docstring)."""
    days = [d for s in record.get("sources") or [] if not s.get("background") and not s.get("withdrawn")
            if (d := parse_date(s.get("published")))]
    return min(days) if days else parse_date(record.get("published")) or parse_date(record.get("first_seen"))


def backtest(records: Iterable[Mapping[str, Any]], sub: Subscription, *, since: dt.date, until: dt.date | None = None,
             query_matches: Callable[[Mapping[str, Any]], bool] | None = None) -> list[WouldSend]:
    """The alerts `sub` would have received for findings first reported in [since, until],
    oldest first. `query_matches(record)` checks a saved query against the record's documents."""
    found = []
    for record in records:
        if record.get("action") != "made_amenable" or record.get("status") in QUIET:
            continue
        day = reported_on(record)
        if day is None or day < since or (until is not None and day > until):
            continue
        finding = finding_from_record(dict(record))
        if not matches(finding, sub):
            continue
        status = record.get("status") or "reported"
        if sub.when == "confirmed" and status != "confirmed" and not (
                status == "retracted" and (record.get("confirmed_by") or record.get("provenance") == "confirmed")):
            continue
        if sub.query and query_matches is not None and not query_matches(record):
            continue
        follow_ups = []
        history = [h.get("to") for h in record.get("history") or []]
        if sub.when == "first_report" and "reported" in history and "confirmed" in history:
            follow_ups.append("confirmed")
        if status == "retracted":
            follow_ups.append("retracted")
        found.append(WouldSend(finding_id=record["id"], day=day, headline=headline(finding, sub.language),
                               status=status, status_text=describe(record, sub.language),
                               evidence=record.get("evidence", ""), follow_ups=tuple(follow_ups)))
    return sorted(found, key=lambda w: (w.day or dt.date.min, w.finding_id))
