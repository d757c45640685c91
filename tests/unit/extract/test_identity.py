from pathlib import Path

import pytest

from monitor.errors import ParseError
from monitor.extract.charset import decode_body
from monitor.extract.diff import diff_summary
from monitor.extract.fingerprint import THRESHOLD, dedup_keys, similarity
from monitor.extract.identity import choose_cluster
from monitor.extract.page import extract_page
from monitor.extract.pdf import extract_pdf
from monitor.extract.urls import canonical_url, choose_canonical, document_id
from tests.fixtures.sources.corpus.measure import dedup_separation, extraction_quality

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"


@pytest.mark.parametrize("encoding", ["iso-8859-1", "cp1252"])
def test_bodies_declared_utf8_but_really_latin_are_read_right(encoding):
    body = "<meta charset='utf-8'><p>Migración “tercer país”</p>".encode(encoding, "replace")
    assert "Migración" in decode_body(body, "text/html; charset=utf-8")


def test_declared_charsets_are_used_and_missing_ones_guessed():
    assert decode_body("año".encode("utf-8"), "") == "año"
    assert decode_body("<?xml version='1.0' encoding='windows-1252'?>“x”".encode("cp1252")).endswith("“x”")


def test_canonical_urls_strip_tracking_and_default_ports():
    assert canonical_url("HTTPS://Gob.MX:443/sre/prensa/x?utm_source=t&idiom=es&fbclid=1#a") == \
        "https://gob.mx/sre/prensa/x?idiom=es"
    assert document_id("https://a.example/x?utm_medium=rss") == document_id("https://a.example/x")


def test_a_declared_canonical_is_trusted_only_on_the_same_site():
    assert choose_canonical("https://www.dhs.gov/news/1?x=1", "/news/1") == "https://www.dhs.gov/news/1"
    assert choose_canonical("https://dhs.gov/a", "https://www.dhs.gov/b?utm_source=x") == "https://www.dhs.gov/b"
    assert choose_canonical("https://evil.example/a", "https://www.dhs.gov/b") == "https://evil.example/a"


def test_diff_summary_names_title_and_paragraph_changes():
    summary = diff_summary("Old", "one\ntwo", "New", "one\ntwo changed\nthree")
    assert summary.startswith('title changed: "Old" → "New"; 1 paragraph added, 1 paragraph changed')
    assert diff_summary("T", "a", "T", "a") == "no visible change (markup only)"


def test_pdf_text_and_metadata():
    page = extract_pdf((FIXTURES / "release.pdf").read_bytes())
    assert page.title == "Fact Sheet: Guatemala Asylum Cooperative Agreement"
    assert "transferred to Guatemala" in page.text and page.published.date().isoformat() == "2020-01-06"
    with pytest.raises(ParseError):
        extract_pdf(b"%PDF-1.4 broken")


def test_empty_bodies_are_parse_errors():
    with pytest.raises(ParseError, match="empty"):
        extract_page(b"  ", url="https://x.example/")


def test_near_duplicates_cluster_and_different_stories_do_not():
    sep = dedup_separation()
    low, high = sep.gap
    assert low < THRESHOLD < high  # the threshold sits in the measured gap
    a = "The agreement allows officials to send migrants who ask for asylum at the border to Guatemala instead."
    b = "WASHINGTON (Reuters) - " + a + " Critics objected."
    assert similarity(a, b) >= THRESHOLD and set(dedup_keys(a)) & set(dedup_keys(b))
    assert choose_cluster(b, [{"id": "x", "text": a, "cluster_id": "c1"}, {"id": "y", "text": "cargo port fees"}]) == "c1"
    assert choose_cluster("unrelated words about football", [{"id": "x", "text": a}]) is None


def test_extraction_quality_on_the_written_pages():
    tuned = extraction_quality()
    held_out = extraction_quality(Path(__file__).resolve().parents[2] / "fixtures/sources/corpus/templates/heldout")
    assert tuned.pages == 60 and held_out.pages == 20
    assert tuned.kept_share >= 0.99 and held_out.kept_share >= 0.99
    assert tuned.removed_share >= 0.98 and held_out.removed_share >= 0.95
