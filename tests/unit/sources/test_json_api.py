"""The json_api adapter (src/monitor/sources/json_api.py): Federal Register API results and next page."""

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
    assert "page=2" in next_url
    assert parse_documents_api(b'{"count": 0, "description": "none"}', source=src) == ([], None)
    with pytest.raises(ParseError, match="not JSON"):
        parse_documents_api(b"<html>maintenance</html>", source=src)
