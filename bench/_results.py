"""The one way benchmarks record figures: merged under their own key into the results file
(`make bench` runs them one after another into bench/results.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def merge_figures(path: Path, key: str, figures: Any) -> None:
    """Write `figures` under `key` in the JSON file at `path`, keeping the other keys."""
    existing = json.loads(path.read_text()) if path.exists() else {}
    existing[key] = figures
    path.write_text(json.dumps(existing, indent=2))
