"""`monitor detect` for one file (src/monitor/analysis.py): HTML is reduced to its article
before detection, text is read as it is; the record has the docs/DETECTION.md shape; a file
that cannot be read becomes an `error` record, never an exception."""

from __future__ import annotations

import json
from importlib import resources

from monitor.analysis import analyse_file, analyse_text
from monitor.detect import detect

SENTENCE = ("Los mexicanos que soliciten asilo en Estados Unidos podrán ser trasladados a Guatemala en virtud del "
            "“Acuerdo de Cooperación en materia de Asilo”, informó el Departamento de Seguridad Nacional el lunes.")
# The navigation and the script name other nationalities; only the article says who is transferable.
PAGE = f"""<html lang="es"><head><title>Guatemala recibirá a mexicanos</title></head><body>
<nav>Los cubanos podrán ser trasladados a Honduras en virtud del Acuerdo de Cooperación en materia de Asilo.</nav>
<article><h1>Guatemala recibirá a mexicanos</h1><p>{SENTENCE}</p></article>
<script>var teaser = "Hondurans may now be transferred to Guatemala";</script></body></html>"""
EVENT_FIELDS = {"action", "receiving", "population", "evidence", "confidence", "background"}


def keys(record: dict) -> set[str]:
    return {f"{e['action']} {e['receiving']} {e['population'] or '-'}" for e in record["events"]}


def test_html_is_reduced_to_its_article_before_detection():
    assert {e.key for e in detect(PAGE).events} > {"made_amenable GT MX"}  # the raw markup says more
    record = analyse_text(PAGE)
    assert keys(record) == {"made_amenable GT MX"}
    assert record["events"][0]["evidence"] == SENTENCE  # quoted from the text, no markup
    assert record["lang"] == "es" and record["relevant"] is True


def test_text_is_detected_as_it_is_and_the_record_has_the_documented_shape():
    record = analyse_text(SENTENCE)
    assert set(record) == {"relevant", "lang", "events", "affected_count"}
    assert keys(record) == {"made_amenable GT MX"} and set(record["events"][0]) == EVENT_FIELDS
    assert json.loads(json.dumps(record)) == record  # printable as a JSON line as it is


def test_the_demo_article_page_gives_the_founding_finding_and_its_count():
    html = (resources.files("monitor.services") / "demo_site" / "articles" / "mexicans-guatemala.html").read_text()
    record = analyse_text(html)
    current = {f"{e['action']} {e['receiving']} {e['population']}" for e in record["events"] if not e["background"]}
    assert current == {"made_amenable GT MX"} and record["affected_count"] == 900 and record["lang"] == "en"


def test_a_file_record_carries_its_label(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    record = analyse_file(path, label="as/given.txt")
    assert record["file"] == "as/given.txt" and keys(record) == {"made_amenable GT MX"}


def test_unreadable_paths_are_error_records(tmp_path):
    assert analyse_file(tmp_path / "missing.txt", label="missing.txt") == {
        "file": "missing.txt", "error": "cannot read: No such file or directory"}
    assert analyse_file(tmp_path, label="a-folder") == {"file": "a-folder", "error": "cannot read: Is a directory"}


def test_binary_files_are_refused_by_a_nul_byte_near_the_start(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert analyse_file(tmp_path / "image.png", label="image.png") == {
        "file": "image.png", "error": "binary file, not text or HTML"}
    (tmp_path / "late.txt").write_bytes(SENTENCE.encode() + b" " * 5000 + b"\x00")  # past the sniffed 4 KiB
    assert "error" not in analyse_file(tmp_path / "late.txt", label="late.txt")


def test_a_file_that_is_not_utf8_is_read_as_windows_1252(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes(SENTENCE.encode("cp1252"))  # curly quotes are 0x93/0x94 there
    record = analyse_file(tmp_path / "cp1252.txt", label="cp1252.txt")
    assert record["events"][0]["evidence"] == SENTENCE
    (tmp_path / "broken.txt").write_bytes(SENTENCE.encode("cp1252") + b" \x81")  # 0x81: not even cp1252
    assert keys(analyse_file(tmp_path / "broken.txt", label="broken.txt")) == {"made_amenable GT MX"}
