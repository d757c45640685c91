"""Provenance: who confirms a finding, and its status in words."""

from __future__ import annotations

import pytest

from monitor.provenance import describe, outlets, provenance, quotes_official


@pytest.mark.parametrize("sentence", [
    "DHS said Mexican asylum seekers may now be transferred to Guatemala.",
    "According to the Department of Homeland Security, Mexicans can be sent to Guatemala.",
    "The Foreign Minister confirmed that Hondurans will be covered from June.",
    "Mexicans will be eligible for transfer, a State Department spokesperson told reporters.",
    "El canciller confirmó que los mexicanos podrán ser trasladados a Guatemala.",
    "Según el Instituto Guatemalteco de Migración, los nicaragüenses serán recibidos.",
    "La portavoz del gobierno dijo que los venezolanos serán trasladados a Costa Rica.",
])
def test_an_official_on_the_record_is_recognised(sentence):
    assert quotes_official(sentence)


@pytest.mark.parametrize("sentence", [
    "Mexican asylum seekers may now be transferred to Guatemala, the newspaper reported.",
    "Lawyers said the government would send Mexicans to Guatemala.",
    "Advocates said the Department plans to send Hondurans to Guatemala.",
    "Los abogados dijeron que el gobierno enviará a mexicanos a Guatemala.",
    "Mexicans can be sent to Guatemala under the new rule.",
    "",
])
def test_no_official_no_quote(sentence):
    assert not quotes_official(sentence)


def _src(doc, **kw):
    return {"document_id": doc, "publisher": kw.pop("publisher", doc), "published": kw.pop("published", "2020-01-06"),
            **kw}


def test_an_official_source_confirms_before_a_quote():
    state, by = provenance([
        _src("news", authority="news", quotes_official=True, published="2020-01-05"),
        _src("dhs", authority="official", publisher="US Department of Homeland Security", published="2020-01-07"),
    ])
    assert state == "confirmed"
    assert (by.publisher, by.date, by.how) == ("US Department of Homeland Security", "2020-01-07", "official_source")


def test_news_alone_is_reported_and_a_recap_confirms_nothing():
    assert provenance([_src("a", authority="news"), _src("b", authority="ngo")]) == ("reported", None)
    assert provenance([_src("dhs", authority="official", background=True)]) == ("reported", None)


def test_a_quoted_official_confirms():
    state, by = provenance([_src("wire", authority="news", quotes_official=True, publisher="Reuters")])
    assert state == "confirmed" and by.how == "quoted_official" and by.publisher == "Reuters"


def test_status_in_words_in_both_languages():
    confirmed = {"status": "confirmed", "confirmed_by": {"how": "official_source", "publisher": "DHS",
                                                         "date": "2026-01-23"}}
    assert describe(confirmed) == "Confirmed by DHS, 2026-01-23"
    assert describe(confirmed, "es") == "Confirmado por DHS, 2026-01-23"
    reported = {"status": "reported", "sources": [_src("a", publisher="AP"), _src("b", publisher="EFE"),
                                                   _src("c", publisher="EFE"), _src("d", publisher="X", background=True)]}
    assert describe(reported) == "Reported by 2 outlets, not yet confirmed by a government source"
    assert describe({"status": "reported", "sources": [_src("a")]}) == (
        "Reported by 1 outlet, not yet confirmed by a government source")
    assert describe(reported, "es") == "Publicado por 2 medios, aún sin confirmación de una fuente gubernamental"
    assert describe({"status": "held"}).startswith("Held for review")
    assert outlets([]) == 1
