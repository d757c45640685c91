"""How likely an event claim is right: a logistic model over named signals, fitted on the labeled
corpus so that the number means what it says (a claim at 0.8 is right about 8 times in 10).

The signals are what the text offers as evidence (detect/amenable.py `_signals`): the trigger's
strength ("eligible", "subject to" vs a bare transfer verb vs "include"), whether the agreement
is named, how the receiving state was found (in the sentence, just before, from "here" in a
dated report, or only from the document as a whole), whether an official speaks or confirms,
soft modality, a deportation or a court in the same sentence, where the claim stands (a
headline, a list or table, a continuation) and whether it is a recap. `WEIGHTS` and `BIAS`
are written by `python -m monitor.evaluation.calibration fit tests/corpus` (docs/DETECTION-QUALITY.md
has the calibration table: confidence bins against the share of claims that were right). Pure.
"""

from __future__ import annotations

import math

from monitor.detect.claims import Claim

__all__ = ["BIAS", "MIN_CONFIDENCE", "WEIGHTS", "confidence", "signals"]

# Fitted on 216 labeled documents (tests/corpus, recursive) on 2026-12-01; see the module docstring.
BIAS = 4.804
WEIGHTS: dict[str, float] = {
    'future': -1.69,
    'soft_modality': -1.459,
    'receiving:sentence': 1.301,
    'official': 1.191,
    'receiving:document': -1.016,
    'now': 0.842,
    'receiving:here': -0.754,
    'trigger:transfer': -0.669,
    'trigger:strong': 0.542,
    'receiving:context': 0.47,
    'source:sentence': -0.462,
    'agreement:named': 0.389,
    'source:table': 0.332,
    'recap': 0.307,
    'confirmed': 0.224,
    'agreement:noun': 0.165,
    'trigger:weak': 0.127,
    'source:title': 0.12,
    'title': 0.12,
    'source:continuation': 0.082,
    'source:list': -0.073,
    'court_word': 0.071,
}
#: Event claims below this are not reported (they are rarely right; see docs/DETECTION-QUALITY.md).
MIN_CONFIDENCE = 0.5


def signals(claim: Claim) -> frozenset[str]:
    """The claim's signals, with its time."""
    return claim.signals | ({"recap"} if claim.time == "recap" else set())


def confidence(claim: Claim) -> float:
    """The probability that an event claim is right, from its signals."""
    z = BIAS + sum(WEIGHTS.get(name, 0.0) for name in signals(claim))
    return round(1.0 / (1.0 + math.exp(-z)), 4)
