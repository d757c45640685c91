"""
### monitor_alerts

Alert delivery (step 9 of docs/ARCHITECTURE.md).

1. `plan` matches every finding not yet planned against the confirmed instant subscriptions
   and creates one ledger entry per (subscription, finding, channel), exactly once.
2. `deliver` sends every due pending entry — the new ones and those whose earlier send
   failed — and fails when a send fails (the entry stays pending with a back-off).

Schedule: on the `monitor://findings` asset (updated by `monitor_ingest` when there are new
findings; the ids are in the event's extra and in the log), and every 30 minutes so that
failed deliveries are retried even when nothing new is found. One run at a time.
"""

from __future__ import annotations

from airflow.sdk import AssetOrTimeSchedule, CronTriggerTimetable, dag, task

from monitor.airflow import orchestration as jobs


@dag(
    dag_id="monitor_alerts",
    schedule=AssetOrTimeSchedule(
        timetable=CronTriggerTimetable("*/30 * * * *", timezone="UTC"), assets=[jobs.FINDINGS]
    ),
    start_date=jobs.START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=[*jobs.TAGS, "alerts"],
    default_args=jobs.default_args(),
    doc_md=__doc__,
)
def monitor_alerts() -> None:
    @task
    def plan() -> int:
        return jobs.plan_alerts_task()

    @task(multiple_outputs=False)
    def deliver() -> dict:
        return jobs.deliver_task()

    plan() >> deliver()


monitor_alerts()
