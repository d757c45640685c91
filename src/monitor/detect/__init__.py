"""Detection of asylum transfer agreement events in plain text (the contract: docs/DETECTION.md).

`detect(text, title=..., published=..., lang=...)` returns a `monitor.models.Detection`:
whether the text reports agreement news, its language, the events it reports (one per
action, receiving country and population, with the sentence that supports it), and the
number of people affected when the text states it. Pure: no I/O, no network.
"""

from __future__ import annotations

from typing import Any

__all__ = ["detect"]


def __getattr__(name: str) -> Any:
    # Loaded on first use (PEP 562): importing a light module of the package (effective dates,
    # the gazetteer's names) does not compile the rule set, so a `monitor ingest` whose
    # analysis runs in worker processes keeps it out of its own memory.
    if name == "detect":
        from monitor.detect.engine import detect

        return detect
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
