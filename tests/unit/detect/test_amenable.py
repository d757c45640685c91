"""Claims of one sentence: the sentence-level fields, then one claim per population (pure)."""

import pytest

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
