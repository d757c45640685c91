"""The evaluation tests' corpus: three documents written into tmp_path (see labeled.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.evaluation.labeled import POSITIVE, UNRELATED, event, write


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    # Required GT SV and GT HN (TP), GT NI acceptable (neutral), PY signing required but absent (FN).
    write(tmp_path, "positive.txt", POSITIVE,
          events=[event("made_amenable", "GT", "SV"), event("made_amenable", "GT", "HN"),
                  event("agreement_signed", "PY")],
          background_events=[event("made_amenable", "GT", "NI")])
    # Labeled as a negative: every event the detector reports here is a false positive.
    write(tmp_path, "labeled-negative.txt", POSITIVE, relevant=False)
    write(tmp_path, "unrelated.txt", UNRELATED, relevant=False)
    return tmp_path
