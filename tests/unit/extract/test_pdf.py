"""PDF text and metadata through pypdf."""

from pathlib import Path

import pytest

from monitor.errors import ParseError
from monitor.extract.pdf import extract_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"


def test_pdf_text_and_metadata():
    page = extract_pdf((FIXTURES / "release.pdf").read_bytes())
    assert page.title == "Fact Sheet: Guatemala Asylum Cooperative Agreement"
    assert "transferred to Guatemala" in page.text and page.published.date().isoformat() == "2020-01-06"
    with pytest.raises(ParseError):
        extract_pdf(b"%PDF-1.4 broken")
