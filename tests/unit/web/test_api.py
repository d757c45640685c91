"""The pure parts of the JSON API (src/monitor/web/api.py): responses escape `<`, `>` and `&`
yet parse back to the same JSON, and a stored document is shown without its bookkeeping
fields. The routes against Elasticsearch: tests/integration/test_web_api.py (tests/README.md)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from monitor.models import Detection, Document, Event
from monitor.web.api import DocumentDetail, SafeJSONResponse, document_detail

HOSTILE = {"title": "<script>alert('x')</script> & <b>México</b>", "tags": ["a&b", "<i>"], "n": 3, "ok": True,
           "nested": {"<key>": "</script><!--"}}


def test_html_significant_characters_never_appear_raw_and_the_json_is_unchanged():
    body = SafeJSONResponse(HOSTILE).body
    assert not {b"<", b">", b"&"} & {bytes([c]) for c in body}
    assert json.loads(body) == HOSTILE
    assert "México".encode() in body  # UTF-8 as it is, not \\u-escaped
    assert SafeJSONResponse(HOSTILE).headers["content-type"] == "application/json"


def test_a_pydantic_answer_is_escaped_the_same_way():
    detail = DocumentDetail(id="d1", title=HOSTILE["title"], text="<p>body</p> & more", tags=["<i>"])
    body = SafeJSONResponse(detail).body
    assert b"<" not in body and b">" not in body and b"&" not in body
    assert json.loads(body) == detail.model_dump(mode="json")


def test_values_json_cannot_carry_are_refused():
    with pytest.raises(ValueError):
        SafeJSONResponse({"score": float("nan")})


def test_a_stored_document_is_shown_without_its_bookkeeping():
    event = Event(action="made_amenable", receiving="GT", population="MX", evidence="Mexicans may be sent",
                  confidence=0.9)
    doc = Document(id="d1", url="https://news.example/a", canonical_url="https://news.example/a", source_id="dhs",
                   source_kind="feed", title="T", text="Body", content_hash="h", lang="en",
                   detection=Detection(relevant=True, lang="en", events=(event,), affected_count=900),
                   published=dt.datetime(2020, 1, 6, tzinfo=dt.UTC), authors=("A",), tags=("us",),
                   fetched=dt.datetime(2020, 1, 7, tzinfo=dt.UTC), entry_updated="u", cluster_id="c1",
                   dedup_bands=("0:abc",))
    shown = document_detail({"id": doc.id, **doc.body()}).model_dump()
    assert not {"dedup_bands", "content_hash", "reconciled", "entry_updated", "source_id"} & set(shown)
    assert (shown["source"], shown["published"], shown["cluster_id"], shown["version"]) == (
        "dhs", "2020-01-06T00:00:00+00:00", "c1", 1)
    assert shown["events"] == [{"action": "made_amenable", "receiving": "GT", "population": "MX",
                                "evidence": "Mexicans may be sent", "confidence": 0.9, "background": False}]
    assert (shown["authors"], shown["tags"], shown["affected_count"], shown["text"]) == (["A"], ["us"], 900, "Body")


def test_old_or_partial_records_are_shown_with_defaults():
    shown = document_detail({"id": "d2", "title": None, "text": None, "authors": "One Author", "tags": None,
                             "events": [{"action": "made_amenable"}, {"receiving": "GT"},
                                        {"action": "agreement_signed", "receiving": "HN"}]})
    assert (shown.title, shown.text, shown.url, shown.authors, shown.tags) == ("", "", "", ["One Author"], [])
    assert [(e.action, e.receiving, e.population) for e in shown.events] == [("agreement_signed", "HN", None)]
