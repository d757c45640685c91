"""A claim is an event only when every field says so; the explanation names what stopped it."""

from monitor.detect.claims import Claim, explain


def claim(**fields) -> Claim:
    return Claim(population="MX", receiving="GT", evidence="Mexicans may now be sent to Guatemala.", start=0,
                 sending="US", **fields)


def test_only_an_affirmed_decided_asylum_transfer_with_a_receiving_state_is_an_event():
    assert claim().is_event and claim().why_not() == ""
    assert not claim(modality="speculated").is_event and claim(modality="speculated").why_not() == "modality is speculated"
    assert claim(polarity="denied").why_not() == "polarity is denied"
    assert claim(predicate="prison").why_not() == "predicate is prison"
    assert claim(attribution="critic").why_not() == "attribution is critic"
    assert Claim(population="MX", receiving=None, evidence="", start=0).why_not() == "no receiving state"
    assert Claim(population="GT", receiving="GT", evidence="", start=0).why_not() == "sent to its own country"
    assert claim(time="recap").is_event and claim(time="recap").background


def test_with_records_the_cue_behind_each_change_and_explain_prints_it():
    changed = claim().with_("are weighing", modality="speculated")
    assert [(c.field, c.value, c.text) for c in changed.cues] == [("modality", "speculated", "are weighing")]
    text = explain(changed)
    assert "not an event: modality is speculated" in text and "modality=speculated ← 'are weighing'" in text
    assert claim().with_(evidence="other").cues == ()  # evidence is not a field set by a cue
