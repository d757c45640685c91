"""Bytes → text for pages served with a wrong or missing charset (pure).

Order of evidence: a byte-order mark, then the charset the server or the page declares, but
only if the bytes really decode with it (a page "declared as UTF-8" that is really
ISO-8859-1 or Windows-1252 fails strict UTF-8 decoding and falls through); then
charset-normalizer's guess; Windows-1252 last, which decodes any byte. ISO-8859-1 is read
as Windows-1252, as browsers do (WHATWG Encoding), so curly quotes survive.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_HEADER_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]+encoding=[\"']([\w.:-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "iso8859-1": "cp1252"}


def _normalise(name: str) -> str | None:
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charsets(body: bytes, content_type: str = "") -> list[str]:
    """Charsets the response declares, header first, in the order they should be tried."""
    found: list[str] = []
    if match := _HEADER_CHARSET.search(content_type or ""):
        found.append(match.group(1))
    head = body[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        if match := pattern.search(head):
            found.append(match.group(1).decode("ascii", "ignore"))
    names = [n for n in (_normalise(f) for f in found) if n]
    return list(dict.fromkeys(names))


def decode_body(body: bytes, content_type: str = "") -> str:
    """Decode a response body to text, trusting declarations only when the bytes agree."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, "replace")
    declared = declared_charsets(body, content_type)
    for name in declared:
        try:
            return body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    # A declaration the bytes contradict is nearly always Windows-1252/ISO-8859-1 labelled
    # UTF-8 (old CMS templates): try that before guessing.
    for name in ("utf-8", "cp1252") if declared else ("utf-8",):
        try:
            return body.decode(name)
        except UnicodeDecodeError:
            pass
    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        name = _normalise(best.encoding) or "cp1252"
        return body.decode(name, "replace")
    return body.decode("cp1252", "replace")
