"""Calibrating the detector's confidence on a labeled corpus.

Every `made_amenable` claim the detector would report (whatever its confidence) is an example:
right when its pair is among the document's labeled events or background events, wrong
otherwise. `fit()` fits an L2-regularised logistic regression over the claims' signals
(detect/confidence.py), Newton's method, a few dozen lines of numpy; `calibration_table()`
bins the confidence the detector gives against the share of claims that were right, with
the figures measured by cross-validation over documents (each document's claims scored by a
model fitted without it), so the table says how the model does on documents it did not see.

    python -m monitor.evaluation.calibration fit tests/corpus     # print WEIGHTS and BIAS
    python -m monitor.evaluation.calibration table tests/corpus   # the calibration table
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from monitor.analysis import analyse_file
from monitor.evaluation.labels import label_files, load_label

__all__ = ["Example", "calibration_table", "examples", "fit"]

BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.01)
FOLDS = 5
L2 = 1.0


@dataclass(frozen=True)
class Example:
    document: str
    signals: frozenset[str]
    right: bool
    confidence: float


def examples(directory: Path, *, recursive: bool = True) -> list[Example]:
    """Every event claim the detector makes on the corpus, with whether its pair is labeled."""
    found = []
    for path in label_files(Path(directory), recursive=recursive):
        label = load_label(path)
        pairs = {(e.receiving, e.population) for e in (*label.events, *label.background_events)
                 if e.action == "made_amenable"}
        document = path.parent / label.file
        record = analyse_file(document, label=label.file, explain=True)
        for claim in record.get("claims", []):
            if claim["event"]:
                found.append(Example(str(document), frozenset(claim["signals"]) | (
                    {"recap"} if claim["time"] == "recap" else set()),
                    (claim["receiving"], claim["population"]) in pairs, claim["confidence"]))
    return found


def _matrix(data: Sequence[Example], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[1.0, *(1.0 if n in e.signals else 0.0 for n in names)] for e in data])
    y = np.array([1.0 if e.right else 0.0 for e in data])
    return x, y


def fit(data: Sequence[Example], *, l2: float = L2) -> tuple[float, dict[str, float]]:
    """(bias, weights) of a logistic regression over the examples' signals (Newton's method)."""
    names = sorted({n for e in data for n in e.signals})
    x, y = _matrix(data, names)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-3  # the bias is barely shrunk: enough to keep Newton's step defined when the data separate
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), {n: round(float(v), 3) for n, v in zip(names, w[1:]) if abs(v) >= 0.005}


def _predict(bias: float, weights: dict[str, float], e: Example) -> float:
    z = bias + sum(weights.get(n, 0.0) for n in e.signals)
    return 1.0 / (1.0 + math.exp(-z))


def cross_validated(data: Sequence[Example], *, folds: int = FOLDS) -> list[tuple[Example, float]]:
    """Each example with the confidence a model fitted on the other documents gives it."""
    documents = sorted({e.document for e in data})
    scored = []
    for fold in range(folds):
        held = set(documents[fold::folds])
        bias, weights = fit([e for e in data if e.document not in held])
        scored += [(e, _predict(bias, weights, e)) for e in data if e.document in held]
    return scored


def calibration_table(scored: Sequence[tuple[Example, float]]) -> list[tuple[str, int, float | None, float | None]]:
    """(bin, claims, mean confidence, share right) per confidence bin."""
    rows = []
    for low, high in zip(BINS, BINS[1:]):
        members = [(e, p) for e, p in scored if low <= p < high]
        mean = sum(p for _, p in members) / len(members) if members else None
        right = sum(e.right for e, _ in members) / len(members) if members else None
        rows.append((f"[{low:.1f}, {min(high, 1.0):.1f})", len(members), mean, right))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.evaluation.calibration")
    parser.add_argument("action", choices=["fit", "table"])
    parser.add_argument("directory")
    args = parser.parse_args(argv)
    data = examples(Path(args.directory))
    if args.action == "fit":
        bias, weights = fit(data)
        print(f"# {len(data)} event claims, {sum(e.right for e in data)} right")
        print(f"BIAS = {bias:.3f}")
        print("WEIGHTS: dict[str, float] = {")
        for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
            print(f"    {name!r}: {value},")
        print("}")
        return 0
    print(f"{len(data)} event claims, {sum(e.right for e in data)} right; confidence by {FOLDS}-fold cross-validation")
    print(f"{'confidence':<12}{'claims':>8}{'mean':>8}{'right':>8}")
    for name, count, mean, right in calibration_table(cross_validated(data)):
        print(f"{name:<12}{count:>8}{'' if mean is None else f'{mean:.2f}':>8}{'' if right is None else f'{right:.2f}':>8}")
    current = [(e, confidence_of(e)) for e in data]
    print("\nwith the model in detect/confidence.py (fitted on all of it):")
    for name, count, mean, right in calibration_table(current):
        print(f"{name:<12}{count:>8}{'' if mean is None else f'{mean:.2f}':>8}{'' if right is None else f'{right:.2f}':>8}")
    return 0


def confidence_of(e: Example) -> float:
    return e.confidence


if __name__ == "__main__":
    sys.exit(main())
