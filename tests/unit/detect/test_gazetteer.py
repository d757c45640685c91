"""Unit tests of the country and nationality gazetteer (src/monitor/detect/gazetteer.py)."""

from __future__ import annotations

import pytest

from monitor.detect.gazetteer import code_for, find_mentions


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Mexican", "MX"), ("Mexicans", "MX"), ("mexicano", "MX"), ("mexicana", "MX"),
        ("mexicanos", "MX"), ("mexicanas", "MX"), ("Salvadorans", "SV"), ("salvadoreñas", "SV"),
        ("nicaragüenses", "NI"), ("nicaraguenses", "NI"), ("Haitians", "HT"), ("venezolanos", "VE"),
        ("Ecuadorians", "EC"), ("brasileños", "BR"), ("Afghans", "AF"), ("Indians", "IN"),
        ("Chinese", "CN"), ("Russians", "RU"), ("cubanas", "CU"), ("Guatemalans", "GT"),
    ],
)
def test_demonyms_in_every_gender_and_number(form: str, code: str) -> None:
    assert code_for(form) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the United States", "US"), ("United States", "US"), ("U.S.", "US"), ("EE.UU.", "US"),
        ("Estados Unidos", "US"), ("México", "MX"), ("Haití", "HT"), ("Brasil", "BR"), ("Perú", "PE"),
        ("Venezuela", "VE"), ("Russia", "RU"), ("El Salvador", "SV"), ("Afganistán", "AF"), ("India", "IN"),
    ],
)
def test_country_names_and_aliases(name: str, code: str) -> None:
    assert code_for(name) == code


def test_find_mentions_gives_offsets_kinds_and_plurals() -> None:
    sentence = "Some Mexicans seeking asylum in the United States will be sent to Guatemala."
    mentions = find_mentions(sentence)
    assert [(m.code, m.kind, m.plural) for m in mentions] == [
        ("MX", "demonym", True), ("US", "country", False), ("GT", "country", False),
    ]
    assert all(sentence[m.start : m.end] == m.text for m in mentions)


def test_spanish_list_and_acronym() -> None:
    mentions = find_mentions(
        "Los salvadoreños, hondureños y nicaragüenses podrán ser trasladados a Guatemala desde EE.UU."
    )
    assert [m.code for m in mentions] == ["SV", "HN", "NI", "GT", "US"]


def test_longest_name_wins_and_country_beats_demonym() -> None:
    mentions = find_mentions("Dominican Republic and China, but not the Democratic Republic of the Congo.")
    assert [(m.text, m.kind) for m in mentions] == [
        ("Dominican Republic", "country"), ("China", "country"), ("Democratic Republic of the Congo", "country"),
    ]


def test_regions_and_us_states_are_not_countries() -> None:
    assert find_mentions("Central American countries and Latin American migrants") == []
    assert [m.code for m in find_mentions("New Mexico borders Mexico")] == ["MX"]
    assert find_mentions("Georgia and Jordan met Chad") == []


def test_non_prefix_is_not_a_nationality() -> None:
    assert find_mentions("non-Guatemalan asylum seekers") == []


def test_unknown_words_have_no_code() -> None:
    assert code_for("Atlantis") is None
    assert code_for("") is None


def test_country_names_in_capitals_are_found_but_not_short_words() -> None:
    found = {m.code for m in find_mentions("MEMORANDO ENTRE EL REINO DE ESPAÑA Y LA REPÚBLICA ISLÁMICA DE MAURITANIA")}
    assert {"ES", "MR"} <= found
    assert not find_mentions("CHAD SAID OMAN")
