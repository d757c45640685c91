"""Affected-count family: numbers of people affected by the reported change, not historical tallies."""

from __future__ import annotations

import pytest

from monitor.detect.figures import affected_count
from tests.unit.detect.conftest import CONTEXT

NEWS = CONTEXT + " Haitians are now eligible to be transferred to Honduras under the agreement, DHS said. "


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("DHS estimates that about 4,500 pending cases could be affected.", 4500),
        ("La medida podría afectar a unos 3.200 solicitantes de asilo.", 3200),
        ("The change could affect 1.2 million people.", 1_200_000),
        ("Officials said as many as 700 Haitians would be eligible.", 700),
    ],
)
def test_stated_affected_counts(run, sentence: str, count: int) -> None:
    assert run(NEWS + sentence).affected_count == count


def test_number_words_in_the_evidence(run) -> None:
    detection = run("Twelve Eritrean asylum seekers transferred from the United States arrived in Kampala on "
                    "Sunday, the first under the asylum cooperative agreement with Uganda.")
    assert detection.affected_count == 12


def test_historical_tallies_are_not_affected_counts(run) -> None:
    detection = run(NEWS + "Since 2019, 945 Hondurans and Salvadorans had been flown to Guatemala under an "
                    "earlier agreement.")
    assert detection.affected_count is None


def test_figures_that_are_not_people_are_ignored(run) -> None:
    detection = run(NEWS + "The U.S. will pay $6 million and fund 40 new caseworkers under Title 42 rules.")
    assert detection.affected_count is None


def test_without_current_events_a_transfer_tally_is_read() -> None:
    sentences = ["Between November and March, the United States sent 939 asylum seekers to Guatemala.",
                 "Researchers interviewed 30 people."]
    assert affected_count(sentences, set(), background=set(sentences)) == 939


def test_irrelevant_document_has_no_count(run) -> None:
    assert run("The city hired 300 people to repair roads after the storm.").affected_count is None


def test_day_of_the_month_is_not_a_count(run) -> None:
    detection = run("A partir del 20 de agosto las personas de nacionalidad cubana podrán ser trasladadas a "
                    "Paraguay en virtud del acuerdo de asilo, informó la Cancillería.", lang="es")
    assert detection.affected_count is None
    detection = run(NEWS + "The rule applies from March 3 to people who cross the border.")
    assert detection.affected_count is None
