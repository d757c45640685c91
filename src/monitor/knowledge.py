"""Reconcile (step 8 of docs/ARCHITECTURE.md): merge documents' events into the knowledge
index, one record per (action, receiving, population); a `made_amenable` record created here
is a *new finding*: it alerts.

Reconciliation reads documents not yet reconciled, creates each event's record with
`op_type=create` (so of two concurrent runs exactly one creates it) or adds the document as
a further source, and only then marks the documents reconciled; a crash in between is
repaired by the next run. The agreements' terminations, which date a `made_amenable` pair
into an epoch, are read once per run and kept up to date in memory as the run merges new
ones — not queried again for every event.
"""

from __future__ import annotations

import logging
from typing import Any

from monitor.dates import parse_date, utcnow
from monitor.detect.effective import effective_date
from monitor.index import Repository
from monitor.provenance import quotes_official
from monitor.review import ReviewPolicy, after_denial, after_source, after_withdrawal, initial_state
from monitor.timeline import epoch_for, termination_dates

logger = logging.getLogger(__name__)

TERMINATED = "agreement_terminated"


def finding_id(action: str, receiving: str, population: str | None) -> str:
    """The knowledge record id of an event, e.g. `made_amenable:GT:MX`."""
    return f"{action}:{receiving}:{population or '-'}"


class Terminations:
    """The agreements' termination records of one run, by record id (read once)."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = {r["id"]: r for r in records}

    def epoch(self, receiving: str, published: Any) -> str:
        """The epoch of a `made_amenable` event of `receiving` on the date `published`."""
        return epoch_for(termination_dates(self.records.values(), receiving), parse_date(published))

    def learn(self, record_id: str, body: dict[str, Any], source: dict[str, Any]) -> None:
        """Remember a termination merged by this run (a new record, or a further source)."""
        known = self.records.setdefault(record_id, {**body, "id": record_id, "sources": []})
        if all(s.get("document_id") != source["document_id"] for s in known["sources"]):
            known["sources"].append(source)


class _Merges:
    """The records one batch of documents adds to, in the order first met: for each record,
    the body it is created with (its first event) and every (source, body) of the batch that
    supports it. Written at once by `flush` (FindingStore.merge_many): one multi-get, one write
    per record, one refresh — instead of a read, a write and a refresh per event."""

    def __init__(self) -> None:
        self.pending: dict[str, tuple[str, dict[str, Any], list[tuple[dict[str, Any], dict[str, Any]]]]] = {}

    def add(self, record_id: str, action: str, body: dict[str, Any], source: dict[str, Any]) -> None:
        if record_id in self.pending:
            self.pending[record_id][2].append((source, body))
        else:
            self.pending[record_id] = (action, body, [(source, body)])

    def __contains__(self, record_id: str) -> bool:
        return record_id in self.pending

    def flush(self, repo: Repository) -> list[str]:
        """Write the pending records; the ids of the new findings (created `made_amenable` records)."""
        pending, self.pending = self.pending, {}
        updates = {}
        for record_id, (action, body, supports) in pending.items():
            rest = supports[1:]
            created = _apply(action, body, rest) if rest else body
            updates[record_id] = (created, lambda current, a=action, s=supports: _changes(a, current, s))
        created_ids = repo.findings.merge_many(updates)
        return [r for r in pending if r in created_ids and pending[r][0] == "made_amenable"]


def _support(action: str, current: dict[str, Any], source: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """What one supporting document changes in a record (nothing when it is listed already)."""
    if any(s.get("document_id") == source["document_id"] for s in current.get("sources") or []):
        return {}
    changes = (after_source(current, source) if action == "made_amenable"
               else {"sources": [*current.get("sources", []), source]})
    return {**changes, **_dates(current, body)}


def _changes(action: str, current: dict[str, Any], supports: list[tuple[dict[str, Any], dict[str, Any]]]
             ) -> dict[str, Any]:
    """The update of an existing record by the batch's supports, applied in order."""
    record, changed = dict(current), {}
    for source, body in supports:
        update = _support(action, record, source, body)
        record.update(update)
        changed.update(update)
    return changed


def _apply(action: str, body: dict[str, Any], supports: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """A new record's body with the batch's further supports applied in order."""
    return {**body, **_changes(action, body, supports)}


def _recap_epoch(repo: Repository, record_id: str, receiving: str, epoch: str, terminations: Terminations,
                 merges: _Merges) -> str:
    """The epoch a background `made_amenable` fact belongs to. Reported after a termination, a recap
    ("Mexicans were sent to Guatemala in 2020") most likely predates it: when the pair is known from
    an earlier epoch, the fact joins that record and opens no new epoch, so it does not alert again.
    Only a current decision after the termination makes the pair new."""
    earlier = ["", *(d.isoformat() for d in termination_dates(terminations.records.values(), receiving))]
    for candidate in reversed([e for e in earlier if e < epoch]):
        key = f"{record_id}@{candidate}" if candidate else record_id
        if key in merges or repo.findings.get(key) is not None:
            return candidate
    return epoch


def reconcile(repo: Repository, *, policy: ReviewPolicy | None = None) -> list[str]:
    """Merge unreconciled documents' events into the knowledge index; return new finding ids.

    Documents are taken oldest publication first, and within a document lifecycle events
    before `made_amenable`, so that a termination is known before a later re-admission is
    dated against it. Only `made_amenable` records alert; lifecycle records are knowledge.
    A new finding may be held for review (`policy`, monitor/review.py): it is still returned
    as new (it is news to the knowledge index), but nothing is sent until it is released.

    The events of a batch of documents are gathered, then written at once (`_Merges`); a
    document that takes something back (a new version, a denial) first has everything before
    it written, so it sees the same knowledge as when every event was written on its own.
    """
    policy = policy or ReviewPolicy()
    new: list[str] = []
    terminations: Terminations | None = None
    merges = _Merges()
    while docs := repo.documents.unreconciled():
        if terminations is None:
            terminations = Terminations(repo.findings.records(action=TERMINATED))
        docs.sort(key=lambda d: (d.get("published") or "", d.get("fetched") or ""))
        for doc in docs:
            events = sorted(doc.get("events") or [], key=lambda e: e["action"] == "made_amenable")
            for event in events:
                merge_event(repo, doc, event, terminations=terminations, policy=policy, merges=merges)
            if _takes_back(doc):
                new += merges.flush(repo)
                take_back(repo, doc, terminations=terminations)
        new += merges.flush(repo)
        # Marked after every event of the page is merged: a crash before this line re-merges
        # them next run, harmlessly (creates conflict, sources are de-duplicated by document).
        repo.documents.mark_reconciled([doc["id"] for doc in docs])
    return new


def _dates(current: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """Dates a further source adds to a record that had none (the first one stated stays)."""
    return {k: body[k] for k in ("effective", "comments_close") if body.get(k) and not current.get(k)}


def _denials(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's denials that retract: a government's (official source, or an official
    quoted on the record)."""
    return [w for w in doc.get("withdrawals") or [] if w["kind"] == "denied"
            and (doc.get("authority") == "official" or quotes_official(w["evidence"]))]


def _takes_back(doc: dict[str, Any]) -> bool:
    """Whether `take_back` has anything to look at for this document."""
    return int(doc.get("version") or 1) > 1 or bool(_denials(doc))


def take_back(repo: Repository, doc: dict[str, Any], *, terminations: Terminations) -> None:
    """Retract what a document takes back (monitor/review.py): a new version that no longer
    states a pair it supported, or states a correction of it, withdraws its support (and
    retracts the finding when it was the last); a government's denial of a pair (from an
    official source, or an official quoted on the record) retracts the pair's current finding."""
    withdrawals = doc.get("withdrawals") or []
    publisher = doc.get("publisher") or doc.get("source_id") or ""
    if int(doc.get("version") or 1) > 1:
        stated = {(e["receiving"], e.get("population")) for e in doc.get("events") or []
                  if e["action"] == "made_amenable"}
        corrections = {(w["receiving"], w["population"]): w["evidence"] for w in withdrawals if w["kind"] == "withdrawn"}
        for record in repo.findings.supported_by(doc["id"]):
            pair = (record.get("receiving"), record.get("population"))
            if record.get("action") != "made_amenable" or pair in stated:
                continue
            old = next((s.get("evidence", "") for s in record.get("sources") or [] if s.get("document_id") == doc["id"]), "")
            reason, evidence = ("corrected", corrections[pair]) if pair in corrections else (
                "no_longer_stated", f"The document no longer says: “{old}”")
            repo.findings.change(record["id"], lambda current, r=reason, ev=evidence: after_withdrawal(
                current, document_id=doc["id"], evidence=ev, reason=r, publisher=publisher))
    for w in _denials(doc):
        epoch = terminations.epoch(w["receiving"], doc.get("published"))
        record_id = finding_id("made_amenable", w["receiving"], w["population"]) + (f"@{epoch}" if epoch else "")
        repo.findings.change(record_id, lambda current, ev=w["evidence"]: after_denial(
            current, document_id=doc["id"], evidence=ev, publisher=publisher))


def merge_event(repo: Repository, doc: dict[str, Any], event: dict[str, Any], *,
                terminations: Terminations, policy: ReviewPolicy | None, merges: _Merges) -> None:
    """Record one event of one document in `merges` (written by its flush).

    A `made_amenable` pair gets a new epoch (and so a new record and a new alert) when the
    partner's agreement was terminated before this document's date.
    """
    action, receiving, population = event["action"], event["receiving"], event.get("population")
    record_id = finding_id(action, receiving, population)
    published = doc.get("published")
    epoch = terminations.epoch(receiving, published) if action == "made_amenable" else ""
    if epoch and event.get("background"):
        epoch = _recap_epoch(repo, record_id, receiving, epoch, terminations, merges)
    if epoch:
        record_id = f"{record_id}@{epoch}"
    now = utcnow().isoformat()
    source = {
        "document_id": doc["id"], "url": doc["url"], "evidence": event["evidence"], "seen": now,
        "published": published, "background": bool(event.get("background")),
        "source_id": doc.get("source_id"), "publisher": doc.get("publisher") or doc.get("source_id"),
        "authority": doc.get("authority") or "news", "quotes_official": quotes_official(event["evidence"]),
        "confidence": event.get("confidence"), "cluster_id": doc.get("cluster_id"),
        "title": doc.get("title", ""), "lang": doc.get("lang"), "brief": bool(doc.get("brief")),
    }
    body = {
        "action": action, "receiving": receiving, "population": population, "evidence": event["evidence"],
        "first_seen": now, "document_id": doc["id"], "url": doc["url"],
        "title": doc.get("title", ""), "published": published, "affected_count": doc.get("affected_count"),
        "alerts_planned": action != "made_amenable", "sources": [source], "epoch": epoch,
        "brief": bool(doc.get("brief")),  # the evidence is quoted from a feed item's summary (issue 15)
    }
    # When it takes effect: the date the source gives as data (the Federal Register's
    # `effective_on`), else the one the evidence states ("from June 1", "a partir del 15 de octubre").
    effective = parse_date(doc.get("effective_on")) or effective_date(event["evidence"], parse_date(published))
    if effective:
        source["effective"] = body["effective"] = effective.isoformat()
    if doc.get("comments_close_on"):
        body["comments_close"] = doc["comments_close_on"]
    if action == "made_amenable":
        body.update(initial_state([source], policy or ReviewPolicy(), now=now))
    merges.add(record_id, action, body, source)
    if action == TERMINATED:
        terminations.learn(record_id, body, source)
