"""Identity and change of documents (pure): content hash, the next version of a changed
document with its diff summary, and the syndication cluster a new text belongs to."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from monitor.extract.diff import diff_summary
from monitor.extract.fingerprint import THRESHOLD, similarity


def content_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def superseded_version(doc_id: str, old: dict[str, Any], new: dict[str, Any], *,
                       now: dt.datetime) -> tuple[str, dict[str, Any]]:
    """The versions-index record (id, body) for `old`, which `new` replaces."""
    version = int(old.get("version") or 1)
    body = {k: v for k, v in old.items() if k != "id"}
    body.update(
        document_id=doc_id, version=version, superseded=now.isoformat(),
        diff_summary=diff_summary(old.get("title", ""), old.get("text", ""), new.get("title", ""), new.get("text", "")),
    )
    return f"{doc_id}:v{version}", body


def choose_cluster(text: str, candidates: list[dict[str, Any]], *, threshold: float = THRESHOLD) -> str | None:
    """The cluster of the most similar candidate at or above `threshold` (its `cluster_id`, or
    its `id` when it has none), or None when the text starts a cluster of its own."""
    best, best_score = None, threshold
    for candidate in candidates:
        score = similarity(text, candidate.get("text") or "")
        if score >= best_score:
            best, best_score = candidate, score
    if best is None:
        return None
    return best.get("cluster_id") or best["id"]
