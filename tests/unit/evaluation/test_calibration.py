"""Calibration: a logistic fit that separates right from wrong claims, and an honest table."""

from monitor.evaluation.calibration import Example, calibration_table, cross_validated, fit


def data() -> list[Example]:
    right = [Example(f"d{i}", frozenset({"official", "receiving:sentence"}), True, 0.0) for i in range(30)]
    wrong = [Example(f"w{i}", frozenset({"receiving:document", "soft_modality"}), False, 0.0) for i in range(10)]
    mixed = [Example(f"m{i}", frozenset({"official", "soft_modality"}), i % 2 == 0, 0.0) for i in range(10)]
    return right + wrong + mixed


def test_fit_learns_which_signals_go_with_right_claims():
    bias, weights = fit(data())
    assert weights["official"] > 0 and weights["receiving:document"] < 0


def test_the_table_bins_cross_validated_confidence_against_the_share_right():
    rows = calibration_table(cross_validated(data(), folds=5))
    assert sum(count for _, count, _, _ in rows) == 50
    high = [right for name, count, mean, right in rows if count and mean is not None and mean >= 0.8]
    low = [right for name, count, mean, right in rows if count and mean is not None and mean < 0.3]
    assert high and low and min(high) > max(low)
