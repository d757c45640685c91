"""Charset: declared encodings used, wrong declarations and missing ones survived."""

import pytest

from monitor.extract.charset import decode_body


@pytest.mark.parametrize("encoding", ["iso-8859-1", "cp1252"])
def test_bodies_declared_utf8_but_really_latin_are_read_right(encoding):
    body = "<meta charset='utf-8'><p>Migración “tercer país”</p>".encode(encoding, "replace")
    assert "Migración" in decode_body(body, "text/html; charset=utf-8")


def test_declared_charsets_are_used_and_missing_ones_guessed():
    assert decode_body("año".encode("utf-8"), "") == "año"
    assert decode_body("<?xml version='1.0' encoding='windows-1252'?>“x”".encode("cp1252")).endswith("“x”")
