"""The agreement timeline, from knowledge records: what happened to each agreement and when,
and who was amenable to transfer to a country on a given day. Pure functions.

Dates: an event's date is the publication date of the earliest document that reported it as
news (not as background), else of the earliest document at all, else when it was first seen.
A `made_amenable` pair is in force from its date until the partner's agreement is suspended
or terminated after it; a suspension ends when the agreement is (again) in force; after a
termination only a later decision makes the pair amenable again (a new epoch, DETECTION.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LIFECYCLE = ("agreement_signed", "agreement_in_force", "agreement_suspended", "agreement_terminated")


@dataclass(frozen=True)
class TimelineEntry:
    """One dated step of one agreement."""

    date: dt.date
    action: str
    receiving: str
    population: str | None
    evidence: str
    url: str
    record_id: str


def as_date(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None


def source_dates(record: dict[str, Any]) -> list[dt.date]:
    """Dates of the documents that reported a record as news (background ones excluded)."""
    dates = [
        d for s in record.get("sources") or [] if not s.get("background")
        if (d := as_date(s.get("published") or s.get("seen")))
    ]
    return sorted(dates)


def record_date(record: dict[str, Any]) -> dt.date | None:
    """The date an event took effect (see the module docstring)."""
    if effective := as_date(record.get("effective")):
        return effective
    news = source_dates(record)
    if news:
        return news[0]
    return as_date(record.get("published")) or as_date(record.get("first_seen"))


def termination_dates(records: Iterable[dict[str, Any]], receiving: str) -> list[dt.date]:
    """Every date on which the agreement with `receiving` was reported terminated (as news)."""
    dates: set[dt.date] = set()
    for record in records:
        if record.get("action") == "agreement_terminated" and record.get("receiving") == receiving:
            dates.update(source_dates(record) or ([d] if (d := record_date(record)) else []))
    return sorted(dates)


def epoch_for(terminations: list[dt.date], on: dt.date | None) -> str:
    """The epoch of an event on `on`: "" before any termination, else the last termination's date."""
    if on is None:
        return terminations[-1].isoformat() if terminations else ""
    before = [d for d in terminations if d < on]
    return before[-1].isoformat() if before else ""


def build_timeline(records: Iterable[dict[str, Any]], *, receiving: str | None = None) -> list[TimelineEntry]:
    """Every dated event (lifecycle and made_amenable), oldest first, for one partner or all."""
    entries = []
    for record in records:
        if receiving and record.get("receiving") != receiving.upper():
            continue
        date = record_date(record)
        if date is None:
            continue
        entries.append(TimelineEntry(
            date=date, action=record["action"], receiving=record["receiving"], population=record.get("population"),
            evidence=record.get("evidence", ""), url=record.get("url", ""), record_id=record.get("id", ""),
        ))
    order = {a: i for i, a in enumerate((*LIFECYCLE, "made_amenable"))}
    return sorted(entries, key=lambda e: (e.date, e.receiving, order.get(e.action, 9), e.population or ""))


def agreement_status(records: Iterable[dict[str, Any]], receiving: str, on: dt.date) -> str | None:
    """The last lifecycle action of the agreement with `receiving` on or before `on` (None if unknown)."""
    steps = [e for e in build_timeline(records, receiving=receiving) if e.action in LIFECYCLE and e.date <= on]
    return steps[-1].action if steps else None


def amenable_on(records: Iterable[dict[str, Any]], receiving: str, on: dt.date) -> list[str]:
    """Nationalities (ISO codes) amenable to transfer to `receiving` on day `on`."""
    records = list(records)
    receiving = receiving.upper()
    timeline = build_timeline(records, receiving=receiving)
    populations: set[str] = set()
    for entry in timeline:
        if entry.date > on:
            break
        if entry.action == "made_amenable" and entry.population:
            populations.add(entry.population)
        elif entry.action == "agreement_terminated":
            populations.clear()
    status = agreement_status(records, receiving, on)
    if status in ("agreement_suspended", "agreement_terminated"):
        return []
    return sorted(populations)
