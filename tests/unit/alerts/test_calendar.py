"""The iCalendar feed, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from monitor.alerts.calendar import document_deadlines, finding_deadlines, render_calendar

RECORD = {"id": "made_amenable:GT:MX", "action": "made_amenable", "receiving": "GT", "population": "MX",
          "evidence": "From June 1, Mexicans may be sent to Guatemala <b>now</b>.", "effective": "2027-06-01"}
DOC = {"id": "fr-2019-25137", "title": "Implementing Bilateral and Multilateral Asylum Cooperative Agreements",
       "url": "https://www.federalregister.gov/d/2019-25137", "comments_close_on": "2019-12-19",
       "effective_on": "2019-11-19"}


def parsed(items):
    return Calendar.from_ical(render_calendar(items, name="Deadlines", now=dt.datetime(2026, 12, 2, tzinfo=dt.UTC)))


def test_effective_dates_and_comment_deadlines_parse_back():
    items = finding_deadlines([RECORD, {**RECORD, "id": "agreement_signed:GT:-", "action": "agreement_signed",
                                        "population": None, "effective": None}], base_url="https://m.example/")
    items += document_deadlines([DOC], base_url="https://m.example")
    calendar = parsed(items)
    events = list(calendar.walk("VEVENT"))
    assert [(str(e["summary"]), e["dtstart"].dt) for e in events] == [
        ("Takes effect: Implementing Bilateral and Multilateral Asylum Cooperative Agreements", dt.date(2019, 11, 19)),
        ("Comments close: Implementing Bilateral and Multilateral Asylum Cooperative Agreements", dt.date(2019, 12, 19)),
        ("Takes effect: Mexican nationals made amenable to transfer to Guatemala", dt.date(2027, 6, 1)),
    ]
    assert str(calendar["x-wr-calname"]) == "Deadlines"
    assert str(events[2]["url"]) == "https://m.example/findings/made_amenable%3AGT%3AMX"
    assert "<b>now</b>" in str(events[2]["description"])  # text, not markup: a calendar renders nothing
    assert len({str(e["uid"]) for e in events}) == 3


def test_spanish_words_and_one_event_per_uid():
    items = finding_deadlines([RECORD, RECORD], base_url="https://m.example", language="es")
    [event] = parsed(items).walk("VEVENT")
    assert str(event["summary"]) == "Entra en vigor: Nacionales de México pueden ser trasladados a Guatemala"
