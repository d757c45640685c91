"""List family: one event per member of a list of nationalities, whatever the list's shape."""

from __future__ import annotations

import pytest

from tests.unit.detect.conftest import keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guatemalans, Salvadorans and Nicaraguans are now eligible for transfer to Honduras under the ACA.",
         {"made_amenable HN GT", "made_amenable HN SV", "made_amenable HN NI"}),
        ("Citizens of Cuba, Haiti or Venezuela may now be transferred to Paraguay under the agreement.",
         {"made_amenable PY CU", "made_amenable PY HT", "made_amenable PY VE"}),
        ("Cuban, Haitian and Venezuelan migrants are subject to the asylum agreement with Guatemala.",
         {"made_amenable GT CU", "made_amenable GT HT", "made_amenable GT VE"}),
        ("Colombians as well as Peruvians will be covered by the agreement with Ecuador, officials said.",
         {"made_amenable EC CO", "made_amenable EC PE"}),
        ("Las personas de nacionalidad china e india podrán ser trasladadas a Panamá bajo el acuerdo de asilo.",
         {"made_amenable PA CN", "made_amenable PA IN"}),
        ("Los cubanos, nicaragüenses y venezolanos podrán ser enviados a Honduras en el marco del acuerdo.",
         {"made_amenable HN CU", "made_amenable HN NI", "made_amenable HN VE"}),
    ],
)
def test_lists(run, text: str, expected: set[str]) -> None:
    assert keys(run(text)) == expected


def test_list_member_that_is_the_receiving_country_is_dropped(run) -> None:
    detection = run("Hondurans, Cubans and Nicaraguans are now amenable to transfer to Honduras under the agreement.")
    assert keys(detection) == {"made_amenable HN CU", "made_amenable HN NI"}


def test_sending_state_in_a_list_is_never_a_population(run) -> None:
    detection = run("Asylum seekers from the United States and Cuba may be transferred to Paraguay under the ACA.")
    assert keys(detection) == {"made_amenable PY CU"}


def test_repeated_of_in_a_list_of_countries(run) -> None:
    detection = run("DHS designated nationals of Cuba and of the Dominican Republic as eligible for transfer to "
                    "Honduras under the asylum cooperative agreement.")
    assert keys(detection) == {"made_amenable HN CU", "made_amenable HN DO"}
    spanish = run("Las personas originarias de Haití y de la República Dominicana podrán ser trasladadas a "
                  "Guatemala bajo el acuerdo de asilo.", lang="es")
    assert keys(spanish) == {"made_amenable GT HT", "made_amenable GT DO"}
