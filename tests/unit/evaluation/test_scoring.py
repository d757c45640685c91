"""Scoring (src/monitor/evaluation/scoring.py): counts per action and per document, misses with the
evidence quoted, on tiny corpora written into tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.evaluation import evaluate
from tests.unit.evaluation.labeled import POSITIVE, UNRELATED, event, write


def test_scoring_counts_true_false_neutral_and_missed(corpus: Path) -> None:
    report = evaluate(corpus)
    amenable = report.action("made_amenable")
    assert (amenable.tp, amenable.fp, amenable.fn, amenable.neutral) == (2, 3, 0, 1)
    assert amenable.precision == pytest.approx(2 / 5)
    assert amenable.recall == 1.0
    signed = report.action("agreement_signed")
    assert (signed.tp, signed.fp, signed.fn) == (0, 0, 1)
    assert signed.precision is None and signed.recall == 0.0 and signed.f1 is None
    assert report.total.tp == 2 and report.total.fn == 1


def test_relevance_and_documents(corpus: Path) -> None:
    report = evaluate(corpus)
    assert [d.file for d in report.documents] == ["labeled-negative.txt", "positive.txt", "unrelated.txt"]
    assert report.relevance_accuracy == pytest.approx(2 / 3)
    assert report.language_accuracy == 1.0
    assert report.count_accuracy == 1.0
    assert [d.exact for d in report.documents] == [False, False, True]


def test_every_miss_is_listed_with_evidence(corpus: Path) -> None:
    misses = evaluate(corpus).misses
    kinds = sorted((m.file, m.kind) for m in misses)
    assert kinds == [
        ("labeled-negative.txt", "false_alarm"),
        ("labeled-negative.txt", "false_alarm"),
        ("labeled-negative.txt", "false_alarm"),
        ("labeled-negative.txt", "relevance"),
        ("positive.txt", "missed"),
    ]
    false_alarm = next(m for m in misses if m.kind == "false_alarm")
    assert false_alarm.evidence == POSITIVE.strip()
    missed = next(m for m in misses if m.kind == "missed")
    assert missed.expected == "agreement_signed PY -" and missed.got == "nothing"


def test_as_dict_is_json(corpus: Path) -> None:
    data = json.loads(json.dumps(evaluate(corpus).as_dict()))
    assert data["documents"] == 3
    assert data["actions"]["made_amenable"]["tp"] == 2
    assert data["actions"]["agreement_suspended"]["precision"] is None
    assert data["relevance_accuracy"] == pytest.approx(2 / 3)
    assert len(data["misses"]) == 5


def test_subfolders_only_when_recursive(corpus: Path) -> None:
    write(corpus / "heldout", "extra.txt", UNRELATED, relevant=False)
    assert len(evaluate(corpus).documents) == 3
    report = evaluate(corpus, recursive=True)
    assert "heldout/extra.txt" in [d.file for d in report.documents]


def test_affected_count_compared_per_document(tmp_path: Path) -> None:
    text = POSITIVE + "The measure could affect around 900 asylum applicants.\n"
    write(tmp_path, "count.txt", text, affected_count=901,
          events=[event("made_amenable", "GT", code) for code in ("SV", "HN", "NI")])
    report = evaluate(tmp_path)
    assert report.count_accuracy == 0.0
    assert report.stated_count_recall == 0.0
    miss = next(m for m in report.misses if m.kind == "count")
    assert (miss.expected, miss.got) == ("901", "900")


def test_unreadable_document_is_an_error_and_its_events_are_missed(tmp_path: Path) -> None:
    write(tmp_path, "gone.txt", UNRELATED, events=[event("agreement_signed", "PY")])
    (tmp_path / "gone.txt").unlink()
    report = evaluate(tmp_path)
    assert report.errors == 1
    assert report.action("agreement_signed").fn == 1
    assert {m.kind for m in report.misses} >= {"error"}
