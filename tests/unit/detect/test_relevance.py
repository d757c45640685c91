"""Relevance: current agreement news, or a headline about the agreement; never opinion or neighbours."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.detect.conftest import current, keys


def test_current_event_makes_a_document_relevant(run) -> None:
    assert run("Paraguay signed a safe third country agreement with the United States on Monday.").relevant


def test_headline_about_the_agreement_without_events(run) -> None:
    detection = run("Court upholds the Safe Third Country Agreement\n\nThe Supreme Court found the agreement "
                    "constitutional on Friday.")
    assert detection.relevant is True


@pytest.mark.parametrize(
    "text",
    [
        "Opinion: The asylum cooperative agreements are a moral failure\n\nSince November, Hondurans have been "
        "transferred to Guatemala under the ACA.",
        "DHS: Cubans will not be sent to Guatemala under asylum agreement\n\nA spokesperson said no decision "
        "had been made.",
        "Mexico is not a safe third country, minister says\n\nThe minister spoke on Monday.",
        "Trade deal signed\n\nGuatemala, which accepted an asylum agreement with the United States last year, "
        "signed a trade agreement on Tuesday.",
        # a hearing is procedure; no decision yet
        "Supreme Court hears challenge to the Safe Third Country Agreement\n\nLawyers for the refugees argued "
        "that the agreement exposes claimants to detention. The court reserved its decision.",
        # a security memorandum is not an asylum agreement
        "Ecuador y Estados Unidos firman memorando de entendimiento para fortalecer la cooperación en seguridad\n\n"
        "El memorando fue suscrito hoy en Quito. El acuerdo de cooperación en materia de asilo firmado en diciembre "
        "de 2025 no se modifica.",
        # "ya aceptan": a standing practice reported beside a proposal
        "Guatemala estudia incluir a ecuatorianos en el acuerdo de asilo\n\nAnalistas señalaron que Honduras y "
        "Panamá ya aceptan a ecuatorianos bajo sus acuerdos de asilo con Estados Unidos.",
    ],
)
def test_not_relevant(run, text: str) -> None:
    detection = run(text)
    assert detection.relevant is False
    assert all(e.background for e in detection.events) or keys(detection) == set()


def test_a_trade_story_that_mentions_the_asylum_agreement_is_not_relevant(run) -> None:
    detection = run("Paraguay beef exports soar\n\nParaguay shipped record beef volumes to the United States in May. "
                    "The trade agreement signed in March entered into force in May. Paraguay also hosts asylum "
                    "seekers sent under a separate safe third country agreement.")
    assert detection.relevant is False
    assert keys(detection) == set()


def test_an_anniversary_is_background_not_news(run) -> None:
    detection = run("Guatemala marks anniversary\n\nFive years ago, the United States and Guatemala signed the "
                    "Asylum Cooperative Agreement. Today Guatemala is a main partner on migration, officials said.")
    assert detection.relevant is False
    assert all(e.background for e in detection.events)


def test_a_document_about_an_agreement_that_ended_is_history(run) -> None:
    detection = run(
        "Who was sent to Guatemala? Transfers under the 2019 Asylum Cooperative Agreement\n\n"
        "This note compiles figures on transfers from the United States to Guatemala under the Asylum Cooperative "
        "Agreement. The agreement was suspended and then terminated by the United States in 2021."
    )
    assert not detection.relevant


def test_one_person_being_considered_is_not_news(run) -> None:
    detection = run(
        "Cuban mother in Texas detention told she is being considered for transfer to Paraguay under the asylum "
        "agreement."
    )
    assert not current(detection)
    assert not detection.relevant


def test_one_expulsion_further_down_does_not_make_the_document_about_title_42(run) -> None:
    detection = run(
        "Panamá recibirá a solicitantes de asilo enviados desde EE.UU.\n\n"
        "La resolución establece que, a partir del 1 de junio, los nacionales de la República de Colombia que "
        "soliciten protección internacional en Estados Unidos podrán ser trasladados a Panamá bajo el Mecanismo de "
        "Cooperación en Materia de Asilo. El canciller habló con la prensa. La oficina de refugiados abrirá un centro. "
        "El centro estará en Albrook.\n\nEn 2025 Panamá recibió a deportados con órdenes de expulsión definitivas.",
        published=dt.date(2027, 5, 18),
    )
    assert "made_amenable PA CO" in current(detection)


def test_a_nationality_taken_out_of_coverage_is_news_but_no_event(run) -> None:
    detection = run(
        "ASUNCIÓN, 7 may 2027 — Paraguay dejará de recibir a solicitantes de asilo cubanos enviados desde Estados "
        "Unidos bajo el acuerdo de cooperación en asilo a partir del 1 de junio, anunció la Cancillería.",
        published=dt.date(2027, 5, 7),
    )
    assert "made_amenable PY CU" not in {e.key for e in detection.events}
    assert detection.relevant


def test_stop_you_from_sending_is_not_a_removal(run) -> None:
    detection = run(
        '"Is there anything in the asylum cooperative agreement that would stop you from sending a Venezuelan family '
        'to Guatemala?" she asked.'
    )
    assert not detection.relevant
