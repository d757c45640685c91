"""The web pages' languages: the choice per request, and a Spanish text for every English one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.requests import Request

from monitor.web import i18n
from monitor.web.templating import ACTION_LABELS, FACET_LABELS, KIND_LABELS, LANGUAGE_LABELS

TEMPLATES = Path(i18n.__file__).parent / "templates"
ROUTES = Path(i18n.__file__).parent / "subscribe_routes.py"


def request(query: bytes = b"", headers: dict[str, str] | None = None) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return Request({"type": "http", "method": "GET", "path": "/", "query_string": query, "headers": raw})


@pytest.mark.parametrize(("query", "headers", "language"), [
    (b"", {}, "en"),
    (b"", {"Accept-Language": "es-MX,es;q=0.9,en;q=0.8"}, "es"),
    (b"", {"Accept-Language": "fr-FR, en;q=0.5, es;q=0.7"}, "es"),
    (b"", {"Accept-Language": "fr, de"}, "en"),
    (b"", {"Accept-Language": "es;q=0"}, "en"),
    (b"hl=en", {"Accept-Language": "es"}, "en"),
    (b"hl=xx", {"Accept-Language": "es"}, "es"),
    (b"", {"Accept-Language": "en", "Cookie": "monitor_hl=es"}, "es"),
    (b"hl=en", {"Cookie": "monitor_hl=es"}, "en"),
])
def test_the_language_is_the_switch_then_the_cookie_then_the_browser(query, headers, language):
    assert i18n.choose(request(query, headers)) == language


def test_gettext_follows_the_current_language():
    token = i18n.use("es")
    try:
        assert i18n.gettext("Search") == "Buscar" and i18n.gettext("not in the catalog") == "not in the catalog"
    finally:
        i18n.reset(token)
    assert i18n.gettext("Search") == "Search"


def test_every_english_text_of_the_pages_has_its_spanish():
    literals = set()
    for path in TEMPLATES.glob("*.html"):
        if path.name == "operator_review.html":
            continue  # operators' page: English only
        text = path.read_text()
        literals |= set(re.findall(r'_\("((?:[^"\\]|\\.)*)"\)', text)) | set(re.findall(r"_\('((?:[^'\\]|\\.)*)'\)", text))
        literals |= set(re.findall(r'"(?:official|court|ngo)": "([^"]+)"', text))
    routes = ROUTES.read_text()
    literals |= set(re.findall(r'_page\(request, "([^"]+)"', routes))
    labels = {*ACTION_LABELS.values(), *FACET_LABELS.values(), *KIND_LABELS.values(), *LANGUAGE_LABELS.values()}
    missing = sorted(t for t in literals | labels if t not in i18n.SPANISH)
    assert not missing, missing
    assert len(literals) > 100
