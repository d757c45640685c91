"""
### monitor_ingest

One polling run of the Asylum Policy Monitor (steps 1–8 of docs/ARCHITECTURE.md).

1. `load_sources` reads the sources file (`MONITOR_SOURCES`, default the packaged one).
2. `ingest` is mapped, one task per enabled source (named by the source id), in the
   `monitor_fetch` pool: fetch → extract → detect → index. It returns counts only. A source
   that cannot be fetched fails its own task and no other.
3. `reconcile` runs even when some sources failed: it merges the new documents' events into
   the knowledge index and returns the new finding ids.
4. `publish_findings` emits the `monitor://findings` asset event, with the new ids in its
   extra, only when there are new findings (else it is skipped); `monitor_alerts` runs on it.
5. `check_sources` runs only when something failed, and fails the run so that it shows.

Schedule: every `AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES` / `MONITOR_INGEST_INTERVAL_MINUTES`
minutes (default 15); one run at a time. Settings: Airflow connections `monitor_es`,
`monitor_smtp` and variables `monitor_*`, with `MONITOR_*` as fallback (docs/DEPLOY.md).
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import TriggerRule, dag, task

from monitor.airflow import orchestration as jobs
from monitor.airflow.config import ingest_interval_minutes


@dag(
    dag_id="monitor_ingest",
    schedule=dt.timedelta(minutes=ingest_interval_minutes()),
    start_date=jobs.START_DATE,
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=dt.timedelta(hours=1),
    tags=[*jobs.TAGS, "ingest"],
    default_args=jobs.default_args(),
    doc_md=__doc__,
)
def monitor_ingest() -> None:
    @task
    def load_sources() -> list[dict]:
        return jobs.load_sources_task()

    @task(
        pool=jobs.FETCH_POOL, map_index_template="{{ source_id }}", multiple_outputs=False,
        execution_timeout=dt.timedelta(minutes=30),
    )
    def ingest(source: dict) -> dict:
        return jobs.ingest_task(source)

    @task(trigger_rule=TriggerRule.ALL_DONE)
    def reconcile() -> list[str]:
        return jobs.reconcile_task()

    @task(outlets=[jobs.FINDINGS])
    def publish_findings(finding_ids: list[str]) -> int:
        return jobs.publish_findings_task(finding_ids)

    @task(trigger_rule=TriggerRule.ONE_FAILED)
    def check_sources() -> None:
        jobs.check_sources_task()

    ingested = ingest.expand(source=load_sources())
    finding_ids = reconcile()
    ingested >> finding_ids
    publish_findings(finding_ids)
    [ingested, finding_ids] >> check_sources()


monitor_ingest()
