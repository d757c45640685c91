"""Tiny labeled corpora for the evaluation tests, written into a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

POSITIVE = (
    "DHS announced that Salvadorans, Hondurans and Nicaraguans are now subject to transfer to "
    "Guatemala under the Asylum Cooperative Agreement.\n"
)
UNRELATED = "The city council approved a new budget for road repairs on Tuesday.\n"


def event(action: str, receiving: str, population: str | None = None) -> dict:
    return {"action": action, "receiving": receiving, "population": population}


def write(directory: Path, name: str, text: str, **label: object) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    record = {"file": name, "lang": "en", "published": "2020-01-06", "source_kind": "news",
              "relevant": True, "events": [], "background_events": [], "affected_count": None, "notes": ""}
    record.update(label)
    stem = name.rsplit(".", 1)[0]
    (directory / f"{stem}.expected.json").write_text(json.dumps(record), encoding="utf-8")
