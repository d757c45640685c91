"""Modality family: speculation, proposals, plans, conditions and calls for action are not events."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.detect.conftest import CONTEXT, keys


@pytest.mark.parametrize(
    "text",
    [
        "Haitians could be sent to Honduras under the asylum agreement if talks succeed.",
        "U.S. officials are weighing whether to add Brazilians to the agreement with Paraguay.",
        "A draft of the agreement would make Colombians eligible for transfer to Ecuador.",
        "Under the proposal, Cubans might be transferred to Costa Rica under a safe third country agreement.",
        "Los venezolanos podrían ser trasladados a Panamá si prospera la negociación del acuerdo de asilo.",
        "El Gobierno analiza una propuesta para que los haitianos sean enviados a Honduras bajo el acuerdo.",
        'Gobierno analiza pedido de EE. UU. para incluir a ecuatorianos en acuerdo de asilo con Guatemala; '
        '"no hay nada decidido", dice Minex',
        "Guatemala is reviewing a U.S. request to add Ecuadorians to the asylum cooperative agreement.",
    ],
)
def test_speculation_and_proposals_are_not_made_amenable(run, text: str) -> None:
    assert keys(run(text)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The asylum agreement with Ecuador may enter into force next month.",
        "The safe third country agreement with Costa Rica is expected to take effect in May.",
        "The two governments plan to sign the asylum cooperative agreement with Panama in December.",
        "El acuerdo de tercer país seguro con Paraguay entrará en vigor una vez que lo apruebe el Congreso.",
        "The agreement with Uganda will enter into force once both parties complete their procedures.",
        "Human rights groups said the Asylum Cooperative Agreement with Guatemala should be terminated.",
        "To the Government of Honduras: withdraw from the asylum cooperative agreement.",
        "Advocates urged Washington to suspend transfers under the agreement with Paraguay.",
    ],
)
def test_plans_conditions_and_recommendations_are_not_lifecycle_events(run, text: str) -> None:
    assert keys(run(text)) == set()


def test_may_now_be_eligible_is_a_decision(run) -> None:
    detection = run("Some Nicaraguans may now be eligible to be transferred to Guatemala under the ACA, DHS said.")
    assert keys(detection) == {"made_amenable GT NI"}


def test_modality_in_another_clause_does_not_block_a_lifecycle_fact(run) -> None:
    detection = run("Uganda has concluded an agreement with the United States to accept asylum seekers who may not "
                    "get protection there, its foreign ministry said, adding that it would prefer Africans.")
    assert keys(detection) == {"agreement_signed UG -"}


def test_modality_lowers_confidence_of_a_kept_event(run) -> None:
    plain = run(CONTEXT + " Eritreans are now subject to transfer to Uganda under the agreement.")
    hedged = run(CONTEXT + " Eritreans are now subject to transfer to Uganda under the agreement, "
                 "which would reportedly cover thousands.")
    assert plain.events[0].confidence > hedged.events[0].confidence


def test_critics_speculation_is_not_an_event(run) -> None:
    detection = run(CONTEXT + " Critics warned that Venezuelans will be sent to Paraguay next.")
    assert keys(detection) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The United States and Costa Rica will sign a safe third country agreement next week, officials said.",
        "Costa Rica y Estados Unidos firmarán el acuerdo de tercer país seguro la próxima semana.",
        "Is the asylum agreement with Guatemala suspended? Officials would not say.",
        "The opposition asked the court to suspend the asylum agreement with Panama.",
        "Honduran lawmakers are debating a safe third country agreement with the United States.",
    ],
)
def test_future_signings_questions_and_requests_are_not_events(run, text: str) -> None:
    assert keys(run(text)) == set()


def test_hypothetical_would_is_not_a_decision_but_reported_would_is(run) -> None:
    hypothesis = run(CONTEXT + " The agreement would let Washington send Cubans and Venezuelans to Honduras.")
    reported = run(CONTEXT + " The guidance said Cubans would be included in the populations amenable to the "
                   "agreement with Honduras.")
    assert keys(hypothesis) == set()
    assert keys(reported) == {"made_amenable HN CU"}


def test_a_guess_about_the_next_group_is_not_inherited_from_a_transfer(run) -> None:
    detection = run("The first flight under the safe third country agreement landed in Asunción on Monday with 30 "
                    "people. They said Venezuelans would be next, according to a ministry official.")
    assert keys(detection) == {"agreement_in_force PY -"}


def test_a_report_that_analyses_is_not_deliberation(run) -> None:
    detection = run("El presente informe analiza la aplicación del acuerdo de asilo con Guatemala, que entró en vigor "
                    "el lunes.", published=dt.date(2019, 11, 20))
    assert "agreement_in_force GT -" in {e.key for e in detection.events}


def test_abstaining_from_signing_is_not_signing(run) -> None:
    detection = run("Al Estado de Guatemala: abstenerse de suscribir nuevos acuerdos de tercer país seguro.")
    assert not any(e.action == "agreement_signed" for e in detection.events)
