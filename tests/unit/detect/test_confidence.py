"""The confidence model: signals in, a probability out; stronger evidence, higher confidence."""

from monitor.detect.claims import Claim
from monitor.detect.confidence import BIAS, MIN_CONFIDENCE, WEIGHTS, confidence, signals


def claim(*names: str, time: str = "current") -> Claim:
    return Claim(population="MX", receiving="GT", evidence="", start=0, time=time, signals=frozenset(names))


def test_confidence_is_the_logistic_of_the_weighted_signals():
    assert 0 < confidence(claim()) < 1
    assert abs(confidence(claim()) - 1 / (1 + 2.718281828 ** -BIAS)) < 1e-3
    assert signals(claim(time="recap")) == {"recap"}


def test_the_fitted_model_ranks_evidence_the_way_a_reader_would():
    strong = claim("trigger:strong", "receiving:sentence", "official", "agreement:named", "now")
    weak = claim("trigger:weak", "receiving:document", "soft_modality", "future")
    assert confidence(strong) > confidence(weak)
    assert WEIGHTS["receiving:sentence"] > WEIGHTS["receiving:document"]
    assert WEIGHTS["soft_modality"] < 0 and WEIGHTS["official"] > 0
    assert 0 < MIN_CONFIDENCE < 1
