"""
### monitor_maintenance

Daily upkeep, three independent tasks:

- `source_health` — every source's state (ok, failing, stale, never polled) and alerts stuck
  in `sending`, emailed to `MONITOR_OPERATOR_EMAILS` (only logged when that is empty).
- `check_templates` — every index alias exists, its live mapping has every field the code
  writes, and its index template exists; fails on drift.
- `retention` — deletes document versions superseded more than `version_retention_days`
  (default 365) days ago.
"""

from __future__ import annotations

from airflow.sdk import CronTriggerTimetable, Param, dag, task

from monitor.airflow import orchestration as jobs


@dag(
    dag_id="monitor_maintenance",
    schedule=CronTriggerTimetable("30 2 * * *", timezone="UTC"),
    start_date=jobs.START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=[*jobs.TAGS, "maintenance"],
    default_args=jobs.default_args(),
    params={"version_retention_days": Param(jobs.VERSION_RETENTION_DAYS, type="integer", minimum=1)},
    doc_md=__doc__,
)
def monitor_maintenance() -> None:
    @task(multiple_outputs=False)
    def source_health() -> dict:
        return jobs.source_health_task()

    @task(multiple_outputs=False)
    def check_templates() -> dict:
        return jobs.check_templates_task()

    @task
    def retention(params: dict | None = None) -> int:
        return jobs.retention_task(params["version_retention_days"])

    source_health()
    check_templates()
    retention()


monitor_maintenance()
