"""
### monitor_ingest

One polling run of the Asylum Policy Monitor (DESIGN.md steps 1–9): one mapped task per
enabled source (fetch → extract → detect → index, returning only counts), then
reconciliation of the findings and delivery of alerts, which runs even when some sources
failed. Configuration comes from the `MONITOR_*` environment (see the README).
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import dag, task

from monitor.settings import get_settings


@dag(
    dag_id="monitor_ingest",
    schedule=dt.timedelta(minutes=get_settings().ingest_interval_minutes),
    start_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    catchup=False,
    max_active_runs=1,
    tags=["asylum-monitor", "ingest"],
    default_args={"owner": "asylum-monitor", "retries": 2, "retry_delay": dt.timedelta(seconds=30)},
    doc_md=__doc__,
)
def monitor_ingest() -> None:
    @task
    def load_sources() -> list[dict]:
        from monitor.pipeline import load_source_records

        return load_source_records(get_settings())

    @task(max_active_tis_per_dagrun=4)
    def ingest(source: dict) -> dict:
        from monitor.pipeline import ingest_source_record

        result = ingest_source_record(get_settings(), source)
        if not result["ok"]:
            raise RuntimeError(f"source {result['source_id']} failed: {result['error']}")
        return result

    @task(trigger_rule="all_done")
    def reconcile_and_alert() -> dict:
        from monitor.pipeline import reconcile_and_alert as run_reconcile

        return run_reconcile(get_settings())

    ingest.expand(source=load_sources()) >> reconcile_and_alert()


monitor_ingest()
