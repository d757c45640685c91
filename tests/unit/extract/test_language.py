"""Unit tests of language identification (src/monitor/extract/language.py)."""

from __future__ import annotations

import time

import pytest

from monitor.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Certain Mexicans seeking humanitarian protections in the United States may now be eligible "
         "to be transferred to Guatemala.", "en"),
        ("Los mexicanos que soliciten asilo en Estados Unidos podrán ser trasladados a Guatemala, "
         "informó el Departamento de Seguridad Nacional.", "es"),
        ("Le gouvernement a signé lundi un accord avec le Guatemala sur les demandeurs d'asile.", "fr"),
        ("O governo brasileiro assinou o acordo com os Estados Unidos na segunda-feira.", "pt"),
        ("Die Bundesregierung hat am Montag das Abkommen mit Guatemala unterzeichnet.", "de"),
    ],
)
def test_detects_the_language_of_a_sentence(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Asylum Cooperative Agreement", "en"), ("Acuerdo de Cooperación en materia de Asilo", "es")],
)
def test_short_headlines_are_biased_to_english_and_spanish(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "— ... —"])
def test_text_without_letters_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_long_text_is_fast() -> None:
    text = "The agreement allows the United States to send asylum seekers to Guatemala. " * 2000
    detect_language("warm up")
    start = time.perf_counter()
    assert detect_language(text) == "en"
    assert time.perf_counter() - start < 0.5
