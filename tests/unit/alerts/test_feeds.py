"""Atom feeds of findings (src/monitor/alerts/feeds.py): what is rendered parses back — with
feedparser, as feed readers do, and as strict XML — to the same values, newest first, with
everything that came from the web escaped."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import feedparser

from monitor.alerts.feeds import render_atom
from monitor.models import Finding

ATOM = "{http://www.w3.org/2005/Atom}"
OLD, NEW = dt.datetime(2020, 1, 6, tzinfo=dt.UTC), dt.datetime(2021, 5, 6, 12, 30, tzinfo=dt.UTC)


def finding(**changes) -> Finding:
    base = dict(id="made_amenable:GT:MX", action="made_amenable", receiving="GT", population="MX",
                evidence="Certain Mexicans may now be eligible to be transferred to Guatemala",
                document_id="d", url="https://news.example/a", title="t", published=None)
    base.update(changes)
    return Finding(**base)


def render(pairs, **kwargs) -> str:
    kwargs = {"title": "Asylum Policy Monitor findings", "feed_url": "https://m.example/feeds/findings.atom",
              "site_url": "https://m.example/", **kwargs}
    return render_atom(pairs, **kwargs)


def test_the_feed_parses_back_with_every_finding_newest_first():
    ended = finding(id="agreement_terminated:GT:-", action="agreement_terminated", population=None,
                    evidence="The agreement with Guatemala was terminated.", url="https://news.example/b")
    parsed = feedparser.parse(render([(finding(), OLD), (ended, NEW)]))
    assert parsed.bozo == 0 and parsed.version == "atom10"
    assert parsed.feed.title == "Asylum Policy Monitor findings" and parsed.feed.id == "https://m.example/feeds/findings.atom"
    assert parsed.feed.updated == NEW.isoformat()  # the newest finding dates the feed
    assert [e.id for e in parsed.entries] == ["urn:asylum-monitor:finding:agreement_terminated:GT:-",
                                              "urn:asylum-monitor:finding:made_amenable:GT:MX"]
    first, second = parsed.entries
    assert first.title == "Asylum transfer agreement with Guatemala terminated"
    assert second.title == "Mexican nationals made amenable to transfer to Guatemala"
    assert (second.link, second.updated, second.summary) == (
        "https://news.example/a", OLD.isoformat(), "Certain Mexicans may now be eligible to be transferred to Guatemala")
    assert [t.term for t in second.tags] == ["made_amenable"]


def test_web_text_is_escaped_and_reads_back_unchanged():
    evidence = 'Mexicans <script>alert(1)</script> "may" be sent & <b>more</b>'
    url = "https://news.example/a?x=1&y=<2>"
    xml = render([(finding(evidence=evidence, url=url), OLD)], title="Findings <GT> & more",
                 feed_url="https://m.example/feeds/subscription/a.b&c.atom")
    assert "<script>" not in xml and "<b>" not in xml and "&y=" not in xml
    root = ET.fromstring(xml.encode())  # well-formed XML
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}summary").text == evidence
    assert entry.find(f"{ATOM}link").get("href") == url
    assert root.find(f"{ATOM}title").text == "Findings <GT> & more"
    assert root.find(f"{ATOM}id").text == "https://m.example/feeds/subscription/a.b&c.atom"
    parsed = feedparser.parse(xml)
    assert parsed.entries[0].summary == evidence and parsed.entries[0].link == url


def test_an_empty_feed_is_still_a_valid_feed():
    parsed = feedparser.parse(render([]))
    assert parsed.bozo == 0 and parsed.entries == [] and parsed.feed.updated.startswith("2019-01-01")


def test_a_spanish_subscribers_feed_has_spanish_headlines():
    parsed = feedparser.parse(render([(finding(), OLD)], language="es"))
    assert parsed.entries[0].title == "Nacionales de México pueden ser trasladados a Guatemala"


def test_control_characters_in_evidence_do_not_break_the_feed():
    xml = render([(finding(evidence="Mexicans may now be\x0btransferred to Guatemala."), OLD)])
    ET.fromstring(xml.encode())
    assert feedparser.parse(xml).bozo == 0
