"""What the whole document says of its claims (src/monitor/detect/settle.py)."""

from __future__ import annotations

from monitor.detect.claims import Claim
from monitor.detect.settle import history_after_termination, settle
from monitor.models import Event


def claim(population: str, receiving: str, **fields: object) -> Claim:
    base = {"evidence": f"{population} to {receiving}", "start": 0, "signals": frozenset({"receiving:sentence"})}
    return Claim(population=population, receiving=receiving, **{**base, **fields})  # type: ignore[arg-type]


def test_a_pair_the_document_denies_is_no_event_anywhere_in_it() -> None:
    rumour = claim("HT", "GT", source="title")
    denial = claim("HT", "GT", polarity="denied")
    settled = settle([rumour, denial])
    assert settled[0].polarity == "contradicted" and not settled[0].is_event


def test_a_claim_only_called_for_or_hypothetical_contradicts_nothing() -> None:
    # "Critics demand that Mexicans not be sent": a call, not the document denying the pair.
    for modality in ("recommended", "hypothetical"):
        settled = settle([claim("MX", "GT"), claim("MX", "GT", polarity="denied", modality=modality)])
        assert settled[0].is_event


def test_a_correction_withdraws_the_population_everywhere() -> None:
    settled = settle([claim("SO", "RW"), claim("SO", "RW", polarity="withdrawn")])
    assert all(not c.is_event for c in settled)


def test_a_guessed_receiver_yields_to_a_named_one() -> None:
    headline = claim("EC", "PA", source="title", signals=frozenset({"receiving:document"}))
    body = claim("EC", "CR", signals=frozenset({"receiving:here"}))
    assert [c.receiving for c in settle([headline, body])] == ["CR", "CR"]


def test_past_transfers_after_a_reported_termination_are_history() -> None:
    past = claim("HN", "GT", evidence="945 personas fueron trasladadas a Guatemala: 636 hondureñas.")
    present = claim("HN", "GT", evidence="Hondurans may be transferred to Guatemala from Monday.")
    ended = [(Event("agreement_terminated", "GT", None, "terminated", 0.7, True), False, 0)]
    found = history_after_termination([past, present], ended)
    assert [c.time for c in found] == ["recap", "current"]
    assert history_after_termination([past], []) == [past]
