"""Per-agreement timelines of findings, built from knowledge records (pure, no I/O).

An agreement is identified by its receiving country (the US ACA with Guatemala is `GT`). Its
timeline lists the knowledge records (`<prefix>-events`: one per action, receiving,
population) in the order they were reported — signature, entry into force, each population
made amenable, suspension — each with its evidence and supporting sources. `build_timeline()`
takes the records as plain dicts (as the repository returns them), so a knowledge-level
provider can replace the source of records without touching the page or the API.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, Field


class TimelineSource(BaseModel):
    document_id: str | None = None
    url: str = ""
    evidence: str = ""
    seen: str | None = None


class TimelineEntry(BaseModel):
    """One knowledge record on an agreement's timeline."""

    id: str
    date: str | None = Field(default=None, description="publication date of the first report, else first seen")
    action: str
    receiving: str
    population: str | None = None
    evidence: str = ""
    title: str = ""
    url: str = ""
    first_seen: str | None = None
    sources: list[TimelineSource] = Field(default_factory=list)


class AgreementTimeline(BaseModel):
    receiving: str
    entries: list[TimelineEntry]


def timeline_entry(record: Mapping[str, Any]) -> TimelineEntry:
    population = record.get("population")
    return TimelineEntry(
        id=str(record.get("id") or f"{record['action']}:{record['receiving']}:{population or '-'}"),
        date=(record.get("published") or record.get("first_seen") or None),
        action=record["action"], receiving=record["receiving"], population=population,
        evidence=record.get("evidence") or "", title=record.get("title") or "", url=record.get("url") or "",
        first_seen=record.get("first_seen"),
        sources=[TimelineSource(**{k: s.get(k) for k in ("document_id", "url", "evidence", "seen") if s.get(k)})
                 for s in record.get("sources") or []],
    )


def build_timeline(records: Iterable[Mapping[str, Any]]) -> list[AgreementTimeline]:
    """Group knowledge records by receiving country, each group in report order.

    Agreements are ordered by country code; entries by date (undated last), then action.
    """
    groups: dict[str, list[TimelineEntry]] = {}
    for record in records:
        if record.get("action") and record.get("receiving"):
            entry = timeline_entry(record)
            groups.setdefault(entry.receiving, []).append(entry)
    return [
        AgreementTimeline(
            receiving=code,
            entries=sorted(entries, key=lambda e: (e.date is None, (e.date or "")[:10], e.action, e.population or "")),
        )
        for code, entries in sorted(groups.items())
    ]
