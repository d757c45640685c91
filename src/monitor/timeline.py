"""The agreements' timeline, from knowledge records (pure): what happened to each agreement and
when, and who was amenable to transfer to a country on a given day. The CLI (`monitor
timeline`), the web page (`/timeline`), the JSON API (`/api/timeline`, `/api/events`) and the
knowledge reconciliation all date events with the same rule, here.

Dates: an event's date is its stated effective date, else the publication date of the
earliest document that reported it as news (not as background), else the record's own
publication date (its first document's), else when it was first seen. When a document was
fetched is never taken for when it was published. A `made_amenable` pair is in force from its
date until the partner's agreement is suspended or terminated after it; a suspension ends
when the agreement is (again) in force; after a termination only a later decision makes the
pair amenable again (a new epoch, docs/DETECTION.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, Field

from monitor.dates import parse_date
from monitor.provenance import describe, is_public

__all__ = [
    "LIFECYCLE", "AgreementTimeline", "TimelineEntry", "TimelineSource", "agreement_status", "agreements",
    "amenable_on", "build_timeline", "epoch_for", "record_date", "source_dates", "termination_dates",
    "timeline_entry",
]

LIFECYCLE = ("agreement_signed", "agreement_in_force", "agreement_suspended", "agreement_terminated")
_ORDER = {a: i for i, a in enumerate((*LIFECYCLE, "made_amenable"))}


class TimelineSource(BaseModel):
    document_id: str | None = None
    url: str = ""
    evidence: str = ""
    seen: str | None = None


class TimelineEntry(BaseModel):
    """One knowledge record on an agreement's timeline."""

    id: str
    date: dt.date | None = Field(default=None, description="when it took effect (see the module docstring)")
    action: str
    receiving: str
    population: str | None = None
    evidence: str = ""
    title: str = ""
    url: str = ""
    first_seen: str | None = None
    sources: list[TimelineSource] = Field(default_factory=list)
    status: str | None = Field(default=None, description="a finding's status: reported, confirmed (monitor.review)")
    status_text: str = Field(default="", description="the status in words, e.g. 'Confirmed by DHS, 2020-01-08'")
    status_text_es: str = Field(default="", description="the same in Spanish")


class AgreementTimeline(BaseModel):
    receiving: str
    entries: list[TimelineEntry]


def source_dates(record: Mapping[str, Any]) -> list[dt.date]:
    """Dates of the documents that reported a record as news (background ones excluded)."""
    dates = [d for s in record.get("sources") or [] if not s.get("background") if (d := parse_date(s.get("published")))]
    return sorted(dates)


def record_date(record: Mapping[str, Any]) -> dt.date | None:
    """The date an event took effect (see the module docstring)."""
    if effective := parse_date(record.get("effective")):
        return effective
    news = source_dates(record)
    if news:
        return news[0]
    return parse_date(record.get("published")) or parse_date(record.get("first_seen"))


def termination_dates(records: Iterable[Mapping[str, Any]], receiving: str) -> list[dt.date]:
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


def timeline_entry(record: Mapping[str, Any]) -> TimelineEntry:
    """One knowledge record as a timeline entry."""
    population = record.get("population")
    return TimelineEntry(
        id=str(record.get("id") or f"{record['action']}:{record['receiving']}:{population or '-'}"),
        date=record_date(record), action=record["action"], receiving=record["receiving"], population=population,
        evidence=record.get("evidence") or "", title=record.get("title") or "", url=record.get("url") or "",
        first_seen=record.get("first_seen"),
        sources=[TimelineSource(**{k: s.get(k) for k in ("document_id", "url", "evidence", "seen") if s.get(k)})
                 for s in record.get("sources") or []],
        **({"status": record.get("status") or "reported", "status_text": describe(record),
            "status_text_es": describe(record, "es")}
           if record["action"] == "made_amenable" else {}),
    )


def _order(entry: TimelineEntry) -> tuple[Any, ...]:
    return (entry.date is None, entry.date or dt.date.min, entry.receiving, _ORDER.get(entry.action, 9),
            entry.population or "")


def build_timeline(records: Iterable[Mapping[str, Any]], *, receiving: str | None = None) -> list[TimelineEntry]:
    """Every event (lifecycle and made_amenable) of one partner or all, oldest first (undated last)."""
    code = receiving.upper() if receiving else None
    entries = [timeline_entry(r) for r in records if r.get("action") and r.get("receiving") and is_public(r)
               and (code is None or r.get("receiving") == code)]
    return sorted(entries, key=_order)


def agreements(records: Iterable[Mapping[str, Any]]) -> list[AgreementTimeline]:
    """One timeline per receiving country (the agreement), by country code."""
    groups: dict[str, list[TimelineEntry]] = {}
    for entry in build_timeline(records):
        groups.setdefault(entry.receiving, []).append(entry)
    return [AgreementTimeline(receiving=code, entries=entries) for code, entries in sorted(groups.items())]


def agreement_status(records: Iterable[Mapping[str, Any]], receiving: str, on: dt.date) -> str | None:
    """The last lifecycle action of the agreement with `receiving` on or before `on` (None if unknown)."""
    return _status(build_timeline(records, receiving=receiving), on)


def _status(entries: list[TimelineEntry], on: dt.date) -> str | None:
    steps = [e for e in entries if e.action in LIFECYCLE and e.date is not None and e.date <= on]
    return steps[-1].action if steps else None


def amenable_on(records: Iterable[Mapping[str, Any]], receiving: str, on: dt.date) -> list[str]:
    """Nationalities (ISO codes) amenable to transfer to `receiving` on day `on`."""
    entries = build_timeline(records, receiving=receiving)  # one build: the status reads the same entries
    populations: set[str] = set()
    for entry in entries:
        if entry.date is None or entry.date > on:
            break
        if entry.action == "made_amenable" and entry.population and entry.status != "retracted":
            populations.add(entry.population)
        elif entry.action == "agreement_terminated":
            populations.clear()
    if _status(entries, on) in ("agreement_suspended", "agreement_terminated"):
        return []
    return sorted(populations)
