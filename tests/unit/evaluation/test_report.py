"""The text report of an evaluation (src/monitor/evaluation/report.py)."""

from __future__ import annotations

from pathlib import Path

from monitor.evaluation import evaluate, format_report


def test_format_report_has_table_accuracies_and_misses(corpus: Path) -> None:
    text = format_report(evaluate(corpus))
    assert "made_amenable" in text and "precision" in text and "recall" in text and "F1" in text
    assert "relevance accuracy       0.667 (2/3)" in text
    assert "MISSED    positive.txt" in text
    assert "expected: agreement_signed PY -" in text
    assert text.count("FALSE     labeled-negative.txt") == 3
