"""Label files of a labeled corpus (`NAME.expected.json` beside each document; the fields are
described in tests/corpus/README.md): read from outside, so validated, and a bad one is a
configuration error naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from monitor.errors import ConfigError

LABEL_SUFFIX = ".expected.json"


class LabeledEvent(BaseModel):
    """One event of a label file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Literal["made_amenable", "agreement_signed", "agreement_in_force", "agreement_suspended",
                    "agreement_terminated"]
    receiving: str
    population: str | None = None

    @property
    def key(self) -> str:
        return f"{self.action} {self.receiving} {self.population or '-'}"


class Label(BaseModel):
    """The contents of a `NAME.expected.json` file (read from outside, so validated)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    lang: str
    published: str | None = None
    source_kind: Literal["news", "government", "court", "ngo"]
    relevant: bool
    events: tuple[LabeledEvent, ...] = ()
    background_events: tuple[LabeledEvent, ...] = ()
    affected_count: int | None = None
    notes: str = ""


def load_label(path: Path) -> Label:
    """Read and validate one label file; a bad label is a configuration error naming the file."""
    try:
        return Label.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise ConfigError(f"bad label file {path}: {exc}") from exc


def label_files(directory: Path, *, recursive: bool = False) -> list[Path]:
    """The label files of a corpus directory, in a stable order."""
    pattern = f"*{LABEL_SUFFIX}"
    found = directory.rglob(pattern) if recursive else directory.glob(pattern)
    return sorted(found)
