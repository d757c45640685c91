"""One polling run without Airflow (`monitor ingest`): every source polled in a thread pool,
then the knowledge reconciled, alerts planned and pending alerts delivered — the whole data
flow of docs/ARCHITECTURE.md in one call. Under Airflow the same steps are separate tasks
(monitor/airflow/orchestration.py).
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from monitor.alerts.delivery import DeliveryReport, deliver_pending, plan_alerts
from monitor.errors import MonitorError
from monitor.fetch import Fetcher
from monitor.index import Repository
from monitor.ingest.analyse import Analyser
from monitor.ingest.poll import Budget, SourceResult, ingest_source
from monitor.knowledge import reconcile
from monitor.models import Source
from monitor.review import ReviewPolicy
from monitor.settings import Settings

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    sources: list[SourceResult] = field(default_factory=list)
    new_findings: list[str] = field(default_factory=list)
    alerts_planned: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error and all(r.ok for r in self.sources) and not self.alerts_failed

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


def poll_sources(settings: Settings, sources: list[Source], *, repo: Repository) -> list[SourceResult]:
    """Poll every source once, in parallel; one result per source, in order."""
    # Sources wait mostly on the network; the Fetcher's per-host limits keep many sources on
    # one host polite, so the thread pool can be wide. What they fetch is analysed in worker
    # processes (MONITOR_ANALYSIS_WORKERS; the CPU-bound part).
    workers = max(1, min(settings.max_parallel_sources, len(sources)))
    with Fetcher(settings) as fetcher, Analyser(settings.workers_for_analysis) as analyser, \
            ThreadPoolExecutor(max_workers=workers) as pool:
        budget = Budget()
        return list(pool.map(lambda s: ingest_source(s, repo=repo, fetcher=fetcher, analyser=analyser, budget=budget),
                             sources))


def run(settings: Settings, sources: list[Source], *, repo: Repository) -> RunSummary:
    """One polling run over `sources`; returns a summary (never raises for a single bad source)."""
    summary = RunSummary()
    started = time.perf_counter()
    try:
        repo.ensure_indices()
        summary.sources = poll_sources(settings, sources, repo=repo)
        summary.new_findings = reconcile(repo, policy=ReviewPolicy.from_settings(settings))
        summary.alerts_planned = plan_alerts(repo)
        report: DeliveryReport = deliver_pending(repo, settings)
        summary.alerts_sent, summary.alerts_failed = report.sent, report.failed
    except MonitorError as exc:
        summary.error = str(exc)
        logger.error("run failed: %s", exc)
    finally:
        summary.seconds = round(time.perf_counter() - started, 3)
    return summary
