"""Which state sends, and where a report is written (pure)."""

import pytest

from monitor.detect.parties import DEFAULT_SENDER, parties


@pytest.mark.parametrize(("text", "sender"), [
    ("The Arrangement applies to people who have claimed asylum in the United Kingdom and are relocated to Ghana.",
     "GB"),
    ("Las personas que ingresen al país y soliciten refugio en Chile podrán ser trasladadas a la República del Perú.",
     "CL"),
    ("Asylum seekers will be transferred from Denmark to Rwanda under the exchange of notes.", "DK"),
    ("Austria enviará a Uganda a los solicitantes somalíes.", "AT"),
    ("Italy and Montenegro signed a memorandum on the examination of protection claims.", "IT"),
    ("Nicaraguans may now be transferred to Honduras under the agreement with the United States.", "US"),
    ("Hondurans will be sent to Guatemala.", DEFAULT_SENDER),
    ("La ministra confirmó la llegada del primer grupo de solicitantes de refugio derivados por Chile.", "CL"),
])
def test_the_sending_state(text, sender):
    assert parties(text).sender == sender


def test_a_destination_is_never_the_sender_even_when_people_ask_for_asylum_there():
    text = ("The group was transferred to Uganda on Sunday. They may apply for refugee status, "
            '"like any other person who seeks asylum in Uganda," the commissioner said.')
    assert parties(text).sender == DEFAULT_SENDER


def test_the_dateline_places_the_report():
    found = parties("KAMPALA, Uganda, May 12, 2026 (Great Lakes Wire) — The first group landed here on Tuesday.")
    assert found.dateline == "UG" and found.dateline_cue.startswith("KAMPALA, Uganda")
    assert parties("The first group landed on Tuesday, officials said.").dateline is None


def test_an_application_lodged_in_a_country_names_the_sender() -> None:
    found = parties("Las personas que hayan presentado su solicitud de reconocimiento de la condición de refugiado "
                    "en México podrán ser canalizadas a Belice.")
    assert found.sender == "MX"


@pytest.mark.parametrize(("text", "speaker"), [
    ("CIUDAD DE PANAMÁ, 20 may - El viceministro costarricense de Gobernación anunció que su país recibirá "
     "a solicitantes de asilo.", "CR"),
    ("The Guatemalan foreign minister said his country would take in asylum seekers.", "GT"),
    ("Ecuador's vice minister said on Tuesday that the first group had arrived.", "EC"),
    ("Officials in Washington said the first group had arrived.", None),
])
def test_the_state_whose_official_speaks(text: str, speaker: str | None) -> None:
    assert parties(text).speaker == speaker
