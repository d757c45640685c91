"""The iCalendar feed of dates advocates act on (pure): when findings and agreement events take
effect, and when comment periods on Federal Register documents close. Built with `icalendar`
(a maintained RFC 5545 library: folding, escaping and the required properties are its job);
each date is an all-day event with a stable UID, so a calendar client updates it in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from icalendar import Calendar, Event

from monitor.alerts.delivery import finding_from_record
from monitor.alerts.render import headline
from monitor.dates import parse_date

__all__ = ["Deadline", "document_deadlines", "finding_deadlines", "render_calendar"]

PRODID = "-//Asylum Policy Monitor//deadlines//EN"
_WORDS = {
    "en": {"effective": "Takes effect: {what}", "comments_close": "Comments close: {what}"},
    "es": {"effective": "Entra en vigor: {what}", "comments_close": "Cierre de comentarios: {what}"},
}


@dataclass(frozen=True)
class Deadline:
    uid: str
    day: dt.date
    summary: str
    description: str
    url: str


def finding_deadlines(records: Iterable[Mapping[str, Any]], *, base_url: str, language: str = "en") -> list[Deadline]:
    """The effective dates and comment deadlines of knowledge records (findings and agreement events)."""
    words = _WORDS.get(language, _WORDS["en"])
    items = []
    for record in records:
        finding = finding_from_record(dict(record))
        page = f"{base_url.rstrip('/')}/findings/{quote(record['id'], safe='')}"
        for kind in ("effective", "comments_close"):
            if day := parse_date(record.get(kind)):
                items.append(Deadline(uid=f"{kind}-{record['id']}@asylum-monitor", day=day,
                                      summary=words[kind].format(what=headline(finding, language)),
                                      description=record.get("evidence", ""), url=page))
    return items


def document_deadlines(docs: Iterable[Mapping[str, Any]], *, base_url: str, language: str = "en") -> list[Deadline]:
    """Comment deadlines and effective dates that documents state as data (Federal Register)."""
    words = _WORDS.get(language, _WORDS["en"])
    items = []
    for doc in docs:
        page = f"{base_url.rstrip('/')}/documents/{quote(doc['id'], safe='')}"
        for field, kind in (("comments_close_on", "comments_close"), ("effective_on", "effective")):
            if day := parse_date(doc.get(field)):
                items.append(Deadline(uid=f"{kind}-doc-{doc['id']}@asylum-monitor", day=day,
                                      summary=words[kind].format(what=doc.get("title") or doc.get("url", "")),
                                      description=doc.get("url", ""), url=page))
    return items


def render_calendar(items: Iterable[Deadline], *, name: str, now: dt.datetime | None = None) -> bytes:
    """An iCalendar document of all-day events, earliest first."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = now or dt.datetime.now(dt.UTC)
    for item in sorted({i.uid: i for i in items}.values(), key=lambda i: (i.day, i.uid)):
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", f"{item.description}\n{item.url}".strip())
        event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()
