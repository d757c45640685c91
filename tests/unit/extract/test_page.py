"""Any fetched body becomes an `Extracted`, or a clear ParseError; extraction quality on the
written pages (boilerplate removed, article lines kept)."""

from pathlib import Path

import pytest

from monitor.errors import ParseError
from monitor.extract.page import extract_page
from tests.fixtures.sources.corpus.measure import extraction_quality


def test_empty_bodies_are_parse_errors():
    with pytest.raises(ParseError, match="empty"):
        extract_page(b"  ", url="https://x.example/")


def test_extraction_quality_on_the_written_pages():
    tuned = extraction_quality()
    held_out = extraction_quality(Path(__file__).resolve().parents[2] / "fixtures/sources/corpus/templates/heldout")
    assert tuned.pages == 60 and held_out.pages == 20
    assert tuned.kept_share >= 0.99 and held_out.kept_share >= 0.99
    assert tuned.removed_share >= 0.98 and held_out.removed_share >= 0.95
