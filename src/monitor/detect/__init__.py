"""Detection of asylum transfer agreement events in plain text (the contract: docs/DETECTION.md).

`detect(text, title=..., published=..., lang=...)` returns a `monitor.models.Detection`:
whether the text reports agreement news, its language, the events it reports (one per
action, receiving country and population, with the sentence that supports it), and the
number of people affected when the text states it. Pure: no I/O, no network.
"""

from monitor.detect.engine import detect

__all__ = ["detect"]
