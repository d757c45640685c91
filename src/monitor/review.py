"""The life of a finding: its status, the review queue, and every transition logged.

A `made_amenable` knowledge record carries a `status`:

    held ──approve──▶ reported ──official / quoted official──▶ confirmed
      │  ╲──auto-release (official document, or a second independent story)──▶ reported|confirmed
      └──reject──▶ rejected ──new independent support──▶ held (a new review)
    reported|confirmed ──its last support withdrawn, or a government denial──▶ retracted

- A new finding is `held` when its confidence is below `MONITOR_REVIEW_THRESHOLD` (or, when
  `MONITOR_REVIEW_HOLD_REPORTED` is on, when no government source confirms it); otherwise it
  is `reported` or `confirmed` (monitor.provenance). Nothing is sent for `held` or `rejected`.
- Approve and auto-release make it `reported`/`confirmed` and due for alerting; reject records
  who, when and why. A rejected pair stays rejected when copies of the same story arrive; a
  new independent story or an official document puts it back in the queue, never straight
  into inboxes.
- Every change of status appends `{at, by, from, to, reason}` to the record's `history`.

`initial_state()` and `after_source()` are pure (the record in, the changes out);
`approve()` / `reject()` apply an operator's decision by compare-and-set, so a decision and a
concurrent merge cannot overwrite each other. Any transition that changes what subscribers
should receive sets `alerts_planned` false in the same write; the planner (alerts/delivery.py)
then creates the ledger records, idempotently, so a crash between the transition and its
emails loses nothing and sends nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from monitor.dates import parse_datetime, utcnow
from monitor.errors import ConfigError, MonitorError
from monitor.index import Repository
from monitor.provenance import provenance
from monitor.settings import Settings

logger = logging.getLogger(__name__)

__all__ = ["ReviewError", "ReviewPolicy", "after_denial", "after_source", "after_withdrawal", "approve", "explanation", "finding_view", "held",
           "initial_state", "reject"]

SYSTEM = "monitor"


class ReviewError(MonitorError):
    """An operator's decision that cannot apply (unknown finding, not in the queue)."""


@dataclass(frozen=True)
class ReviewPolicy:
    """When a new finding is held for review (from settings)."""

    threshold: float = 0.9
    hold_reported: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> ReviewPolicy:
        return cls(threshold=settings.review_threshold, hold_reported=settings.review_hold_reported)


def _entry(now: str, by: str, before: str | None, after: str, reason: str) -> dict[str, Any]:
    return {"at": now, "by": by, "from": before, "to": after, "reason": reason}


def _story(source: Mapping[str, Any]) -> str:
    return source.get("cluster_id") or source["document_id"]


def _supports(source: Mapping[str, Any]) -> bool:
    return not source.get("background") and not source.get("withdrawn")


def confidence_of(sources: list[Mapping[str, Any]]) -> float:
    """The finding's confidence: the best of its current (not recap) supporting claims."""
    values = [float(s.get("confidence") or 0.0) for s in sources if _supports(s)]
    values = values or [float(s.get("confidence") or 0.0) for s in sources]
    return max(values, default=0.0)


def _provenance_fields(sources: list[Mapping[str, Any]]) -> dict[str, Any]:
    state, confirmation = provenance(sources)
    return {"provenance": state, "confirmed_by": confirmation.as_dict() if confirmation else None}


def initial_state(sources: list[Mapping[str, Any]], policy: ReviewPolicy, *, now: str | None = None) -> dict[str, Any]:
    """Status fields of a finding learned from `sources`: held, reported or confirmed."""
    now = now or utcnow().isoformat()
    fields = _provenance_fields(sources)
    confidence = confidence_of(sources)
    reason = ""
    if confidence < policy.threshold:
        reason = f"confidence {confidence:.2f} below the review threshold {policy.threshold:.2f}"
    elif policy.hold_reported and fields["provenance"] == "reported":
        reason = "only reported: operators hold findings no government source confirms"
    status = "held" if reason else fields["provenance"]
    return {**fields, "confidence": round(confidence, 4), "status": status, "review": "held" if reason else "auto",
            "alerts_planned": bool(reason),  # a held finding has nothing to plan until it is released
            "history": [_entry(now, SYSTEM, None, status, reason or "new finding")]}


def after_source(record: Mapping[str, Any], source: Mapping[str, Any], *, now: str | None = None) -> dict[str, Any]:
    """The changes to a known record when `source` supports it (the source is appended here)."""
    now = now or utcnow().isoformat()
    sources = [*(record.get("sources") or []), dict(source)]
    changes: dict[str, Any] = {"sources": sources}
    status = record.get("status")
    if status is None:  # a lifecycle fact, or a finding from before statuses: sources only
        return changes
    fields = _provenance_fields(sources)
    changes["confidence"] = round(confidence_of(sources), 4)
    independent = _supports(source) and _story(source) not in {_story(s) for s in record.get("sources") or []}
    official = _supports(source) and source.get("authority") == "official"
    history = list(record.get("history") or [])
    if status == "held" and (official or independent):
        why = "an official document supports it" if official else "a second independent story supports it"
        changes.update(fields, status=fields["provenance"], review="released", alerts_planned=False)
        history.append(_entry(now, SYSTEM, "held", fields["provenance"], f"released: {why} ({source['document_id']})"))
    elif status in ("rejected", "retracted") and (official or independent):
        changes.update(fields, review="held", status="held")
        history.append(_entry(now, SYSTEM, status, "held",
                              f"new independent support after {'rejection' if status == 'rejected' else 'retraction'} "
                              f"({source['document_id']}): review again"))
    elif status == "reported" and fields["provenance"] == "confirmed":
        changes.update(fields, status="confirmed", alerts_planned=False)  # confirmed follow-ups are due
        by = fields["confirmed_by"]
        history.append(_entry(now, SYSTEM, "reported", "confirmed",
                              f"{by['how'].replace('_', ' ')}: {by['publisher']} ({by['document_id']})"))
    else:
        changes.update(fields)  # sources only grow: a confirmed finding stays confirmed
    if len(history) != len(record.get("history") or []):
        changes["history"] = history
        logger.info("finding %s: %s → %s", record.get("id"), history[-1]["from"], history[-1]["to"])
    return changes


def _retraction(now: str, reason: str, evidence: str, document_id: str, publisher: str) -> dict[str, Any]:
    return {"at": now, "reason": reason, "evidence": evidence, "document_id": document_id, "publisher": publisher}


def after_withdrawal(record: Mapping[str, Any], *, document_id: str, evidence: str, reason: str,
                     publisher: str = "", now: str | None = None) -> dict[str, Any]:
    """The changes when a supporting document takes its statement back (`reason`: a new version
    `no_longer_stated`, or it `corrected` it): the source is marked withdrawn, and when it was the
    finding's last current support the finding is retracted (its subscribers are told once)."""
    now = now or utcnow().isoformat()
    sources = [dict(s) for s in record.get("sources") or []]
    mine = [s for s in sources if s.get("document_id") == document_id and not s.get("withdrawn")]
    if not mine:
        return {}
    for source in mine:
        source.update(withdrawn=True, withdrawn_evidence=evidence)
    changes: dict[str, Any] = {"sources": sources}
    status = record.get("status")
    if status is None or status in ("rejected", "retracted") or any(_supports(s) for s in sources):
        if status not in (None, "rejected", "retracted"):
            changes.update(_provenance_fields(sources), confidence=round(confidence_of(sources), 4))
        return changes
    changes.update(status="retracted", alerts_planned=False,
                   retraction=_retraction(now, reason, evidence, document_id, publisher),
                   history=[*(record.get("history") or []),
                            _entry(now, SYSTEM, status, "retracted", f"{reason.replace('_', ' ')} ({document_id})")])
    return changes


def after_denial(record: Mapping[str, Any], *, document_id: str, evidence: str, publisher: str = "",
                 now: str | None = None) -> dict[str, Any]:
    """The changes when a government (an official source, or an official quoted on the record)
    denies the pair: the finding is retracted whatever else supports it."""
    status = record.get("status")
    if status is None or status in ("rejected", "retracted"):
        return {}
    now = now or utcnow().isoformat()
    return {"status": "retracted", "alerts_planned": False,
            "retraction": _retraction(now, "denied", evidence, document_id, publisher),
            "history": [*(record.get("history") or []),
                        _entry(now, SYSTEM, status, "retracted", f"denied by {publisher or 'a government'} "
                                                                 f"({document_id})")]}


def _decide(repo: Repository, finding_id: str, decide: Any) -> dict[str, Any]:
    record = repo.findings.change(finding_id, decide)  # `decide` raises or returns changes: None is "no such finding"
    if record is None:
        raise ReviewError(f"no finding {finding_id!r} (see `monitor review list`)")
    entry = record["history"][-1]
    logger.info("finding %s: %s → %s by %s (%s)", finding_id, entry["from"], entry["to"], entry["by"], entry["reason"])
    return record


def approve(repo: Repository, finding_id: str, *, by: str, note: str = "") -> dict[str, Any]:
    """Release a held finding: it becomes reported/confirmed and its alerts are planned (once)."""
    if not by.strip():
        raise ConfigError("approve: say who decides (--by)")

    def decide(current: dict[str, Any]) -> dict[str, Any]:
        if current.get("status") != "held":
            raise ReviewError(f"finding {finding_id} is {current.get('status') or 'not reviewable'}, not held")
        status = current.get("provenance") or "reported"
        history = [*(current.get("history") or []), _entry(utcnow().isoformat(), by, "held", status,
                                                            note or "approved")]
        return {"status": status, "review": "approved", "alerts_planned": False, "history": history}

    return _decide(repo, finding_id, decide)


def reject(repo: Repository, finding_id: str, *, by: str, reason: str) -> dict[str, Any]:
    """Reject a held finding with a reason; nothing is sent, and copies of the same story keep it rejected."""
    if not reason.strip():
        raise ConfigError("reject: give a reason (--reason)")
    if not by.strip():
        raise ConfigError("reject: say who decides (--by)")

    def decide(current: dict[str, Any]) -> dict[str, Any]:
        if current.get("status") != "held":
            raise ReviewError(f"finding {finding_id} is {current.get('status') or 'not reviewable'}, not held")
        history = [*(current.get("history") or []), _entry(utcnow().isoformat(), by, "held", "rejected", reason)]
        return {"status": "rejected", "review": "rejected", "alerts_planned": True, "history": history}

    return _decide(repo, finding_id, decide)


def held(repo: Repository) -> list[dict[str, Any]]:
    """The review queue: held findings, oldest first."""
    return repo.findings.in_status("held")


def explanation(repo: Repository, record: Mapping[str, Any]) -> list[str]:
    """Why the detector made the claim: its claims for this pair in the first supporting
    document, as `monitor detect --explain` prints them (the text is read back from the index)."""
    from monitor.detect import detect
    from monitor.detect.claims import explain

    doc = repo.documents.get(record.get("document_id", "")) if record.get("document_id") else None
    if not doc or not doc.get("text"):
        return []
    detection = detect(doc["text"], title=doc.get("title") or "", published=parse_datetime(doc.get("published")),
                       lang=doc.get("lang"))
    pair = (record.get("receiving"), record.get("population"))
    return [explain(c) for c in detection.claims if (c.receiving, c.population) == pair and c.is_event]


def finding_view(repo: Repository, record: Mapping[str, Any], *, explain: bool = True) -> dict[str, Any]:
    """A finding for people (review queue, its page, `/api/findings/{id}`): the record, its
    status in words, its documents grouped by story, and the claim explanation."""
    from monitor.provenance import describe

    view = {k: v for k, v in record.items() if not k.startswith("_")}
    view["status"] = record.get("status") or ("reported" if record.get("action") == "made_amenable" else "known")
    view["status_text"] = {"en": describe(view, "en"), "es": describe(view, "es")}
    supports = {s["document_id"]: s for s in record.get("sources") or []}
    stories: dict[str, list[dict[str, Any]]] = {}
    for doc in repo.documents.with_clusters(list(supports) or [record.get("document_id", "")], limit=200):
        support = supports.get(doc["id"], {})
        stories.setdefault(doc.get("cluster_id") or doc["id"], []).append({
            **doc, "evidence": support.get("evidence"), "supports": bool(support),
            "authority": doc.get("authority") or support.get("authority") or "news",
            "quotes_official": bool(support.get("quotes_official")), "background": bool(support.get("background")),
        })
    view["stories"] = [{"cluster_id": key, "documents": sorted(docs, key=lambda d: d.get("published") or "")}
                       for key, docs in sorted(stories.items(), key=lambda kv: min(d.get("published") or "~"
                                                                                  for d in kv[1]))]
    view["explanation"] = explanation(repo, record) if explain else []
    return view
