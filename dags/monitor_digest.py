"""
### monitor_digest

Daily digests: at 00:00 UTC, one email per digest subscriber with the previous UTC day's
matching findings and new relevant documents (`monitor.alerts.digest.send_digests`). Each
digest is a ledger entry created exactly once, so a rerun never sends a day twice. Trigger
with `{"day": "YYYY-MM-DD"}` to (re)build a given day.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import CronTriggerTimetable, Param, dag, task

from monitor.airflow import orchestration as jobs


@dag(
    dag_id="monitor_digest",
    schedule=CronTriggerTimetable("0 0 * * *", timezone="UTC", interval=dt.timedelta(days=1)),
    start_date=jobs.START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=[*jobs.TAGS, "alerts", "digest"],
    default_args=jobs.default_args(),
    params={"day": Param(None, type=["null", "string"], format="date", description="UTC day to digest")},
    doc_md=__doc__,
)
def monitor_digest() -> None:
    @task
    def send_digests() -> int:
        return jobs.digest_task()

    send_digests()


monitor_digest()
