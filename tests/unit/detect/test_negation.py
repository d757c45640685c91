"""Negation family: denials, exclusions and negated verbs take a population or an action out."""

from __future__ import annotations

import pytest

from tests.unit.detect.conftest import CONTEXT, keys


@pytest.mark.parametrize(
    "text",
    [
        "Haitians are not eligible for transfer to Honduras under the asylum agreement, DHS said.",
        "The agreement with Paraguay does not apply to Brazilians, the foreign ministry said.",
        "Venezuelans will not be sent to Ecuador under the safe third country agreement.",
        "Los nicaragüenses no serán trasladados a Costa Rica en virtud del acuerdo, aclaró la Cancillería.",
        "El acuerdo de tercer país seguro no incluye a los ecuatorianos, precisó el canciller.",
        "DHS denied reports that Cubans would be transferred to Guatemala under the agreement.",
        "The ministry rejected reports that Haitians were about to be transferred to Paraguay under the deal.",
        "There has been no change to the populations amenable to the agreement with Honduras, and Haitian "
        "nationals are not among them, a spokesperson said.",
    ],
)
def test_denied_populations_are_not_events(run, text: str) -> None:
    assert keys(run(text)) == set()


def test_negated_member_of_a_list_is_dropped(run) -> None:
    detection = run("The agreement covers Cubans and Venezuelans but not Haitians, DHS said of the deal with Paraguay.")
    assert keys(detection) == {"made_amenable PY CU", "made_amenable PY VE"}


def test_population_denied_after_it_is_named(run) -> None:
    detection = run(CONTEXT + " Colombians will now be sent to Ecuador under the agreement; "
                    "Peruvians are not covered for now.")
    assert keys(detection) == {"made_amenable EC CO"}


def test_spanish_population_excluded_after_it_is_named(run) -> None:
    detection = run("La Cancillería informó que los venezolanos podrán ser trasladados a Costa Rica bajo el "
                    "acuerdo. Los nicaragüenses no forman parte del acuerdo.", lang="es")
    assert keys(detection) == {"made_amenable CR VE"}


def test_negation_inside_a_relative_clause_does_not_negate_the_population(run) -> None:
    detection = run("Nationals of Cuba and Haiti who are not admissible are now amenable to transfer to Honduras "
                    "under the agreement.")
    assert keys(detection) == {"made_amenable HN CU", "made_amenable HN HT"}


def test_exclusion_in_its_own_clause(run) -> None:
    detection = run("While Brazilians are exempt, Ecuadorians will be transferred to Panama under the asylum deal.")
    assert keys(detection) == {"made_amenable PA EC"}


@pytest.mark.parametrize(
    "text",
    [
        "Honduras has not signed a safe third country agreement with the United States, the minister said.",
        "The asylum agreement with El Salvador never entered into force.",
        "El acuerdo de cooperación en materia de asilo nunca entró en vigor, recordó la Cancillería.",
        "Guatemala no ha suscrito ningún acuerdo de tercer país seguro, afirmó el canciller.",
    ],
)
def test_negated_lifecycle_is_not_an_event(run, text: str) -> None:
    assert keys(run(text)) == set()


def test_a_transfer_negated_after_its_noun_is_denied(run) -> None:
    detection = run(
        "Bajo el mecanismo con Belice, las personas de nacionalidad venezolana cuyo traslado no se haya realizado "
        "continuarán su procedimiento en México."
    )
    assert "made_amenable BZ VE" not in keys(detection)


def test_receiving_asylum_is_not_receiving_people(run) -> None:
    detection = run(
        "Bajo el mecanismo con Belice, toda persona puede solicitar y recibir asilo, según la Constitución Política "
        "de los Estados Unidos Mexicanos."
    )
    assert not keys(detection)
