"""The bodies of the Airflow tasks; the files in `dags/` only wire them (steps 1–9 of docs/ARCHITECTURE.md).

Every task builds its settings with `config.task_settings()` (Airflow connections and
variables, `MONITOR_*` as fallback), opens one repository, does one step and returns small
JSON for XCom — counts and ids, never documents. Everything it writes is idempotent, so
Airflow retries and reruns are safe. Heavy imports happen inside the functions: importing
this module (which the DAG files do) costs only the Asset and a few constants.

    monitor_ingest       load_sources → ingest[source] (pool monitor_fetch) → reconcile
                         → publish_findings (emits FINDINGS with the new ids, skipped if none)
    monitor_alerts       FINDINGS event or every 30 min: plan → deliver (pending retried)
    monitor_digest       daily: the previous day's digests
    monitor_maintenance  daily: source-health report, index template check, version retention
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from airflow.sdk import Asset

from monitor.airflow.config import FETCH_POOL, FETCH_POOL_DESCRIPTION, FETCH_POOL_SLOTS

__all__ = [
    "FETCH_POOL", "FETCH_POOL_DESCRIPTION", "FETCH_POOL_SLOTS", "FINDINGS", "OWNER", "START_DATE", "TAGS",
    "VERSION_RETENTION_DAYS", "check_sources_task", "check_templates_task", "default_args", "deliver_task",
    "digest_day", "digest_task", "ingest_task", "load_sources_task", "plan_alerts_task", "publish_findings_task",
    "reconcile_task", "retention_task", "source_health_task", "triggering_finding_ids",
]

logger = logging.getLogger(__name__)

OWNER = "asylum-monitor"
TAGS = ["asylum-monitor"]
START_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
VERSION_RETENTION_DAYS = 365

#: Updated by monitor_ingest when reconciliation found new findings; its event's extra is
#: {"finding_ids": [...]}. monitor_alerts is scheduled on it.
FINDINGS = Asset(name="monitor_findings", uri="monitor://findings", group="asylum-monitor")


def default_args(**overrides: Any) -> dict[str, Any]:
    """The house defaults for every task: owner, two retries a minute apart."""
    return {"owner": OWNER, "retries": 2, "retry_delay": dt.timedelta(minutes=1), **overrides}


def _repository(settings: Any) -> Any:
    from monitor.services.cluster import open_repository

    return open_repository(settings)


def _settings() -> Any:
    from monitor.airflow.config import task_settings

    return task_settings()


# -- monitor_ingest ------------------------------------------------------------------------------
def load_sources_task() -> list[dict[str, Any]]:
    """The enabled sources (small JSON: id, url, kind, options), one mapped task each."""
    from monitor.sources import load_sources

    records = [s.model_dump(mode="json") for s in load_sources(_settings().sources)]
    logger.info("%d enabled sources: %s", len(records), ", ".join(r["id"] for r in records))
    return records


def ingest_task(source: dict[str, Any]) -> dict[str, Any]:
    """Fetch, extract, detect and index one source; returns its counts.

    A failure the pipeline reports (the source was unreachable or unparsable after the fetch
    layer's own retries with backoff) fails the task without Airflow retries: the next
    scheduled run polls the source again. Errors the pipeline does not expect (Elasticsearch
    unreachable while preparing) propagate and get Airflow's retries.
    """
    from dataclasses import asdict

    from airflow.sdk import get_current_context
    from airflow.sdk.exceptions import AirflowFailException

    from monitor.fetch import Fetcher
    from monitor.ingest import ingest_source
    from monitor.models import Source

    get_current_context()["source_id"] = source.get("id", "?")  # names the mapped task in the UI
    settings = _settings()
    with _repository(settings) as repo, Fetcher(settings) as fetcher:
        result = asdict(ingest_source(Source.model_validate(source), repo=repo, fetcher=fetcher))
    logger.info("source %s: %s", result["source_id"], {k: v for k, v in result.items() if k != "source_id"})
    if not result["ok"]:
        raise AirflowFailException(f"source {result['source_id']} failed: {result['error']}")
    return result


def reconcile_task() -> list[str]:
    """Merge the new documents' events into the knowledge index; returns the ids of the findings
    whose alerts are due: the new ones, and known ones whose status just changed (confirmed,
    released, retracted: their follow-ups are due), so the FINDINGS event wakes monitor_alerts."""
    from monitor.knowledge import reconcile
    from monitor.review import ReviewPolicy

    settings = _settings()
    with _repository(settings) as repo:
        new = reconcile(repo, policy=ReviewPolicy.from_settings(settings))
        changed = [r["id"] for r in repo.findings.unplanned() if r["id"] not in new]
    logger.info("%d new findings: %s; %d with follow-ups due: %s", len(new), ", ".join(new) or "-", len(changed),
                ", ".join(changed) or "-")
    return [*new, *changed]


def publish_findings_task(finding_ids: list[str]) -> int:
    """Emit a FINDINGS asset event carrying the new ids; skipped (no event) when there are none."""
    from airflow.sdk import get_current_context
    from airflow.sdk.exceptions import AirflowSkipException

    if not finding_ids:
        raise AirflowSkipException("no new findings: no asset event")
    get_current_context()["outlet_events"][FINDINGS].extra = {"finding_ids": list(finding_ids)}
    return len(finding_ids)


def check_sources_task() -> None:
    """Runs only when a source's task (or reconciliation) failed: fails the run so it shows."""
    from airflow.sdk.exceptions import AirflowFailException

    raise AirflowFailException("a source or reconciliation failed in this run; see the failed tasks")


# -- monitor_alerts ------------------------------------------------------------------------------
def triggering_finding_ids(context: Mapping[str, Any]) -> list[str]:
    """The finding ids carried by the FINDINGS events that triggered this run (may be none)."""
    events = context.get("triggering_asset_events") or {}
    try:
        found = events[FINDINGS]
    except KeyError:
        return []
    ids: list[str] = []
    for event in found:
        ids += [i for i in (event.extra or {}).get("finding_ids", []) if i not in ids]
    return ids


def plan_alerts_task() -> int:
    """Match every finding not yet planned against the subscriptions; returns ledger entries created.

    Planning reads the findings' `alerts_planned` flag, not the event, so a run triggered by
    the clock (or one whose event was lost) plans exactly the same entries.
    """
    from airflow.sdk import get_current_context

    from monitor.alerts.delivery import plan_alerts

    triggered = triggering_finding_ids(get_current_context())
    if triggered:
        logger.info("triggered by new findings: %s", ", ".join(triggered))
    with _repository(_settings()) as repo:
        planned = plan_alerts(repo)
    logger.info("%d alerts planned", planned)
    return planned


def deliver_task() -> dict[str, int]:
    """Send every due pending alert (new ones and earlier failures); fail if any send failed.

    Failed sends stay pending with a later `next_try`, so Airflow's retry of this task and the
    next scheduled run resend only those.
    """
    from monitor.alerts.delivery import deliver_pending, stuck_alerts
    from monitor.errors import MailError

    settings = _settings()
    with _repository(settings) as repo:
        report = deliver_pending(repo, settings)
        stuck = stuck_alerts(repo)
    counts = {"sent": report.sent, "failed": report.failed, "stuck": len(stuck)}
    logger.info("delivery: %s", counts)
    for alert in stuck:
        logger.warning("alert %s stuck in 'sending' since %s (not resent automatically)", alert["id"],
                       alert.get("updated"))
    if report.failed:
        raise MailError(f"{report.failed} alert(s) could not be sent; they stay pending and are retried")
    return counts


# -- monitor_digest ------------------------------------------------------------------------------
def digest_day(context: Mapping[str, Any]) -> dt.date:
    """The day a digest run covers: `params.day` when given, else the run's data interval start,
    else the day before the run."""
    params = context.get("params") or {}
    if params.get("day"):
        return dt.date.fromisoformat(str(params["day"]))
    start = context.get("data_interval_start")
    if start is not None:
        return start.date()
    return (context["dag_run"].run_after - dt.timedelta(days=1)).date()


def digest_task(day: dt.date | None = None) -> int:
    """Plan and send the digests of `day` (default: from the run); returns digests created."""
    from monitor.alerts.digest import send_digests

    if day is None:
        from airflow.sdk import get_current_context

        day = digest_day(get_current_context())
    settings = _settings()
    with _repository(settings) as repo:
        created = send_digests(repo, settings, day=day)
    logger.info("%d digests for %s", created, day)
    return created


# -- monitor_maintenance -------------------------------------------------------------------------
def source_health_task() -> dict[str, Any]:
    """Assess every source and email the report to MONITOR_OPERATOR_EMAILS (logged if none)."""
    from monitor.dates import utcnow
    from monitor.maintenance import mail_report, needs_attention, operator_report
    from monitor.sources import load_sources

    settings = _settings()
    now = utcnow()
    with _repository(settings) as repo:
        rows, stuck, report = operator_report(repo, load_sources(settings.sources, enabled_only=False), now=now)
    logger.info("%s", report.text)
    mailed = mail_report(report, settings, now=now) if settings.operators else 0
    if not settings.operators:
        logger.warning("MONITOR_OPERATOR_EMAILS is empty: the source-health report was only logged")
    statuses: dict[str, int] = {}
    for row in rows:
        statuses[row.status] = statuses.get(row.status, 0) + 1
    return {"sources": len(rows), **statuses, "attention": sum(map(needs_attention, rows)),
            "stuck_alerts": len(stuck), "mailed": mailed}


def check_templates_task() -> dict[str, Any]:
    """Fail when a live index lacks the mapping the code writes (writes would be rejected)."""
    from monitor.errors import IndexError_

    with _repository(_settings()) as repo:
        result = repo.check_templates()
    for warning in result.warnings:
        logger.warning("%s", warning)
    if result.problems:
        raise IndexError_("index mapping drift: " + "; ".join(result.problems)
                          + (f" (run `monitor index migrate {' '.join(result.stale)}`)" if result.stale else ""))
    return {"checked": len(result.checked), "warnings": len(result.warnings)}


def retention_task(days: int = VERSION_RETENTION_DAYS) -> int:
    """Delete document versions superseded more than `days` ago; returns how many."""
    from monitor.dates import utcnow

    with _repository(_settings()) as repo:
        return repo.versions.prune(older_than=dt.timedelta(days=int(days)), now=utcnow())
