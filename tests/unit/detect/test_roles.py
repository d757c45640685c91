"""Roles of country mentions: destination, partner, population, border, and their cues."""

from __future__ import annotations

from monitor.detect import detect
from monitor.detect.roles import sentence_roles


def roles(sentence: str) -> list[tuple[str, str]]:
    return [(r.mention.code, r.role) for r in sentence_roles(sentence)]


def test_destination_after_a_transfer_verb() -> None:
    assert ("PY", "destination") in roles("Cubans will be transferred to Paraguay under the deal.")


def test_arrival_is_a_destination_only_when_people_are_moved() -> None:
    assert ("PY", "destination") in roles("Asylum seekers transferred by the U.S. landed in Paraguay on Monday.")
    assert ("PY", "other") in roles("The minister landed in Paraguay on Monday.")


def test_state_title_is_read_through() -> None:
    assert ("PA", "partner") in roles("El acuerdo suscrito entre la República de Panamá y los Estados Unidos.")


def test_state_titles_with_qualifiers_are_read_through_and_keep_a_list_together() -> None:
    found = roles("Podrán ser trasladados a El Salvador nacionales de la República de Nicaragua y de la "
                  "República Bolivariana de Venezuela.")
    assert ("NI", "population") in found and ("VE", "population") in found
    assert ("ET", "population") in roles("Nationals of the Federal Democratic Republic of Ethiopia may be sent "
                                         "to Uganda.")


def test_country_coordinated_with_the_sending_state_is_the_partner() -> None:
    assert ("CA", "partner") in roles("Canada and the United States agreed to expand the asylum agreement.")
    assert ("MX", "border") in roles("Migrants reached the U.S.-Mexico border under the agreement.")


def test_population_markers() -> None:
    assert ("HT", "population") in roles("Nationals of Haiti will be sent to Honduras.")
    assert ("EC", "population") in roles("Personas de nacionalidad ecuatoriana serán trasladadas a Panamá.")
    assert ("GT", "state") in roles("The Guatemalan government signed the deal.")


def test_plural_demonyms_are_people_singular_adjectives_are_not() -> None:
    assert ("HN", "population") in roles("Hondurans were sent to Guatemala.")
    assert ("SV", "other") in roles("Ninguna persona fue trasladada a territorio salvadoreño.")


def test_a_dateline_is_not_a_party_of_the_sentence() -> None:
    roles = sentence_roles("CIUDAD DE PANAMÁ, 20 may (SIR) - El viceministro dijo que su país recibirá a hondureños.")
    assert {r.mention.code for r in roles} == {"HN"}


def test_two_nationalities_split_by_a_semicolon_are_two_clauses() -> None:
    detection = detect("Chile podrá enviar al Perú a solicitantes ecuatorianos; bolivianos quedan excluidos del convenio "
                       "de asilo.")
    assert {e.key for e in detection.events} == {"made_amenable PE EC"}


def test_asylum_seekers_from_a_host_state_name_where_they_asked() -> None:
    detection = detect("Rwanda agreed to receive asylum seekers from the United Kingdom under a partnership.")
    assert "made_amenable RW GB" not in {e.key for e in detection.events}


def test_kosovo_has_its_user_assigned_code() -> None:
    detection = detect("Under the asylum transfer agreement, nationals of Afghanistan may be transferred to Kosovo.")
    assert {e.key for e in detection.events} == {"made_amenable XK AF"}
