"""Claims of one sentence: the sentence-level fields, then one claim per population (pure)."""

import datetime as dt

import pytest

from monitor.detect import detect
from monitor.detect.amenable import amenable, statement
from monitor.detect.events import Doc, make_sentence

DOC = Doc(topic=True, context=True, partner="GT", dominant="GT", published=None)


def claims(text: str, doc: Doc = DOC):
    return {c.population: c for c in amenable(make_sentence(text, 0, is_title=False, background=False), doc)}


def test_a_decision_gives_one_event_claim_per_population():
    found = claims("DHS said Salvadorans and Hondurans are now subject to transfer to Guatemala under the agreement.")
    assert set(found) == {"SV", "HN"} and all(c.is_event and c.receiving == "GT" for c in found.values())
    assert any(cue.field == "receiving" and "Guatemala" in cue.text for cue in found["SV"].cues)


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Officials are weighing whether Cubans could be sent to Guatemala under the agreement.", "modality", "speculated"),
    ("Will Haitians be sent to Guatemala under the agreement?", "modality", "question"),
    ("The ministry denied that Haitians will be sent to Guatemala under the agreement.", "polarity", "denied"),
    ("Cubans are not covered by the agreement and will not be sent to Guatemala.", "polarity", "denied"),
    ("Critics warn that Cubans will be sent to Guatemala under the agreement.", "attribution", "critic"),
    ("Venezuelans with criminal records were flown to a prison in Guatemala.", "predicate", "prison"),
    ("Lawmakers said Cubans should be sent to Guatemala under the agreement.", "modality", "recommended"),
])
def test_what_keeps_a_claim_from_being_an_event_is_a_field_with_its_cue(text, field, value):
    [claim] = claims(text).values()
    assert getattr(claim, field) == value and not claim.is_event
    assert any(cue.field == field for cue in claim.cues)


def test_one_population_denied_in_its_own_clause_and_another_affirmed():
    found = claims("Hondurans will be sent to Guatemala under the agreement, but Cubans are not among them.")
    assert found["HN"].is_event and found["CU"].polarity == "denied"


def test_a_sentence_without_a_trigger_makes_no_statement():
    assert statement(make_sentence("Cubans and Haitians live in Guatemala.", 0, is_title=False, background=False),
                     DOC) is None


def test_our_country_is_the_speaking_officials_state_not_the_dateline() -> None:
    detection = detect(
        "Viceministro: ecuatorianos y guatemaltecos podrán ser trasladados desde el 15 de junio\n\n"
        "CIUDAD DE PANAMÁ, 20 may (SIR) - El viceministro costarricense de Gobernación anunció que el protocolo del "
        "acuerdo de asilo está vigente. \"Desde el 15 de junio, las personas ecuatorianas y guatemaltecas que pidan "
        "asilo en la frontera estadounidense podrán ser enviadas a nuestro país\", declaró.",
        published=dt.date(2027, 5, 20),
    )
    assert {e.key for e in detection.events if e.action == "made_amenable"} == {"made_amenable CR EC",
                                                                             "made_amenable CR GT"}
