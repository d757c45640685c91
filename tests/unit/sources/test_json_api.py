"""The json_api adapter (src/monitor/sources/json_api.py): Federal Register API results and next page."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from monitor.errors import ParseError
from monitor.models import Source
from monitor.sources.json_api import parse_documents_api

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
BASE = "https://test.example"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{BASE}", BASE).encode()


def test_federal_register_results_and_next_page():
    src = Source(id="fr", kind="json_api", url=f"{BASE}/fr/api/v1/documents.json")
    entries, next_url = parse_documents_api(fixture("federalregister-page1.json"), source=src)
    assert [e.title[:24] for e in entries] == ["Implementing Bilateral a", "Notice Designating Mexic"]
    assert entries[0].text_urls == (f"{BASE}/fr/documents/full_text/html/2019/11/19/2019-25137.html",
                                    f"{BASE}/fr/pdf/2019-25137.pdf")
    assert entries[1].summary.startswith("The Department announces") and entries[0].published.year == 2019
    assert (entries[0].effective_on, entries[0].comments_close_on) == (dt.date(2019, 11, 19), dt.date(2019, 12, 19))
    assert entries[1].effective_on is None and entries[1].comments_close_on is None
    assert "page=2" in next_url
    assert parse_documents_api(b'{"count": 0, "description": "none"}', source=src) == ([], None)
    with pytest.raises(ParseError, match="not JSON"):
        parse_documents_api(b"<html>maintenance</html>", source=src)


def api(*results, **extra) -> bytes:
    return json.dumps({"count": len(results), "results": list(results), **extra}).encode()


def test_records_become_entries_with_their_text_urls_summary_and_update_mark():
    src = Source(id="fr", kind="json_api", url=f"{BASE}/fr/api/v1/documents.json")
    record = {"title": "  Implementing   Bilateral  Agreements ", "html_url": "https://fr.example/d/2019-25137",
              "publication_date": "2019-11-19", "document_number": "2019-25137", "type": "Rule",
              "agencies": [{"name": "Homeland Security Department"}, {"name": "Justice Department"}],
              "body_html_url": "https://fr.example/full/2019-25137.html", "raw_text_url": "ftp://fr.example/x.txt",
              "pdf_url": "https://fr.example/2019-25137.pdf"}
    [entry], next_url = parse_documents_api(api(record, {"title": "no public page"}, "not a record"), source=src)
    assert (entry.url, entry.title, entry.published.date().isoformat()) == (
        "https://fr.example/d/2019-25137", "Implementing Bilateral Agreements", "2019-11-19")
    assert entry.text_urls == ("https://fr.example/full/2019-25137.html", "https://fr.example/2019-25137.pdf")
    assert entry.summary == "Rule by Homeland Security Department, Justice Department"  # no abstract
    assert entry.updated == "2019-25137@2019-11-19" and next_url is None  # a corrected date is a change


@pytest.mark.parametrize(("body", "message"), [
    (b"  ", "empty API answer"),
    (b'{"count": 3, "description": "no results key"}', "no 'results' list"),
    (b'{"results": {"not": "a list"}}', "no 'results' list"),
    (b'["a", "list"]', "no 'results' list"),
])
def test_answers_that_are_not_a_documents_page_are_parse_errors(body, message):
    src = Source(id="fr", kind="json_api", url=f"{BASE}/fr/api/v1/documents.json")
    with pytest.raises(ParseError, match=f"source fr: .*{re.escape(message)}"):
        parse_documents_api(body, source=src)
