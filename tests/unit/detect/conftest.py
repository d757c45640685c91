"""Helpers shared by the detector's unit tests: run `detect` with a fixed date and read event keys."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.detect import detect
from monitor.models import Detection

PUBLISHED = dt.date(2025, 11, 20)
# Gives a document the asylum-agreement topic without itself being an event.
CONTEXT = "The Asylum Cooperative Agreement is a policy of the United States."


def keys(detection: Detection) -> set[str]:
    return {event.key for event in detection.events}


def current(detection: Detection) -> set[str]:
    return {event.key for event in detection.events if not event.background}


@pytest.fixture
def run():
    def _run(text: str, **kwargs: object) -> Detection:
        kwargs.setdefault("published", PUBLISHED)
        return detect(text, **kwargs)  # type: ignore[arg-type]

    return _run
