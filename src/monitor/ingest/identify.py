"""Identify (step 5 of docs/ARCHITECTURE.md): which stored document an entry or page is, whether
its text changed, and which syndication cluster a new text joins. Pure, but for the
candidates' lookup that `assign_clusters` is given.

- Identity: a document is its canonical URL (`extract.urls.canonical_url`, trusted from the
  page only on the same site); its id is the hash of that URL (`document_id`).
- Change: the hash of title and text (`content_hash`); a changed known document keeps its id
  and gains a version number, and its old text goes to the versions index
  (`superseded_version`, with a diff summary).
- Syndication: MinHash band keys (`extract.fingerprint.dedup_keys`) find candidates sharing
  a band; a candidate whose word-shingle Jaccard reaches the threshold gives its cluster
  (`choose_cluster`), else the text starts a cluster of its own (its id).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from monitor.extract.diff import diff_summary
from monitor.extract.fingerprint import THRESHOLD, similarity
from monitor.extract.urls import canonical_url
from monitor.index.client import MAX_CLAUSES
from monitor.models import Entry

#: Candidates verified on their text per new document: text on one subject (or a
#: boilerplate-heavy page) can share a band with everything, and verifying all of them
#: would make a big poll quadratic.
MAX_CLUSTER_CANDIDATES = 12
#: Documents remembered per band key when ranking candidates: beyond this many, the band is
#: shared so widely that more members add nothing but time.
MAX_POSTING = 64
#: Candidates one lookup returns for a group of new documents.
CANDIDATES_PER_LOOKUP = 200

#: (band keys, ids to exclude) -> indexed candidates with id, text, cluster_id, dedup_bands.
CandidateLookup = Callable[[list[str], list[str]], list[dict[str, Any]]]


def document_id(url: str) -> str:
    """Stable document id: the hash of the canonical URL."""
    return hashlib.sha256(canonical_url(url).encode()).hexdigest()[:32]


def content_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def entry_lookup_keys(entries: Sequence[Entry]) -> tuple[list[str], list[str]]:
    """The ids and URLs (as listed and canonical) under which a listing's entries may be stored."""
    ids = [document_id(e.url) for e in entries]
    urls = [u for e in entries for u in (e.url, canonical_url(e.url))]
    return ids, urls


class KnownDocuments:
    """The stored documents a listing's entries may be (`DocumentStore.known`), indexed once by id,
    listed URL and canonical URL, so that each entry is found in constant time: a 5,000-entry
    listing is no longer matched entry by document. Of several matches the first in `known` wins."""

    def __init__(self, known: Sequence[dict[str, Any]]) -> None:
        self.known = known
        self._first: dict[tuple[str, str], int] = {}
        for position, doc in enumerate(known):
            for field in ("id", "url", "canonical_url"):
                if (value := doc.get(field)) is not None:
                    self._first.setdefault((field, value), position)

    def find(self, entry: Entry) -> dict[str, Any] | None:
        """The stored document an entry is (by id, listed URL or canonical URL), or None."""
        keys = (("id", document_id(entry.url)), ("url", entry.url), ("canonical_url", canonical_url(entry.url)))
        positions = [p for key in keys if (p := self._first.get(key)) is not None]
        return self.known[min(positions)] if positions else None



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


def lookup_groups(docs: Sequence[tuple[str, Sequence[str]]], *, budget: int = MAX_CLAUSES) -> list[list[str]]:
    """Ids of new documents grouped so that each group's band keys fit one lookup."""
    groups: list[list[str]] = []
    size = budget + 1
    for doc_id, keys in docs:
        if size + len(keys) > budget:
            groups.append([])
            size = 0
        groups[-1].append(doc_id)
        size += len(keys)
    return groups


def assign_clusters(bodies: dict[str, dict[str, Any]], unclustered: Sequence[str], lookup: CandidateLookup) -> None:
    """Give each unclustered document of a batch (`bodies[id]` with `text` and `dedup_bands`)
    its `cluster_id`: one candidates lookup per group of documents (not one per document),
    then the choice per document among the indexed candidates and the batch's earlier ones,
    ranked by shared bands through an inverted index (band → candidates) whose postings are
    capped, so a batch of thousands of near-identical notes stays linear."""
    pool: list[dict[str, Any]] = []
    postings: dict[str, list[int]] = {}
    seen: set[str] = set()

    def add(candidate: dict[str, Any], keys: Iterable[str]) -> None:
        pool.append(candidate)
        for key in keys:
            members = postings.setdefault(key, [])
            if len(members) < MAX_POSTING:
                members.append(len(pool) - 1)

    for group in lookup_groups([(i, bodies[i]["dedup_bands"]) for i in unclustered]):
        keys = sorted({k for i in group for k in bodies[i]["dedup_bands"]})
        for candidate in lookup(keys, list(unclustered)):
            if candidate["id"] not in seen:
                seen.add(candidate["id"])
                add(candidate, candidate.get("dedup_bands") or ())
    for doc_id in unclustered:
        body = bodies[doc_id]
        shared: Counter[int] = Counter(n for key in set(body["dedup_bands"]) for n in postings.get(key, ()))
        candidates = [pool[n] for n, _count in shared.most_common(MAX_CLUSTER_CANDIDATES)]
        body["cluster_id"] = choose_cluster(body["text"], candidates) or doc_id
        add({"id": doc_id, **body}, body["dedup_bands"])  # later documents of the batch may join it
