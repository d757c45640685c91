"""The house rules for every DAG file (no import errors, doc, tags, owner, retries ≥ 2, no
catchup, one run at a time) and the wiring the issue asks for: mapping in a pool, a
reconciliation that runs after failures, an asset event only when there is something new,
alerts scheduled on that asset, daily digest and maintenance."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DAG_IDS = {"monitor_ingest", "monitor_alerts", "monitor_digest", "monitor_maintenance"}


@pytest.fixture(scope="module")
def bag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"))


def test_every_dag_file_imports_and_follows_the_house_rules(bag):
    assert bag.import_errors == {}
    assert set(bag.dag_ids) == DAG_IDS
    for dag_id, dag in bag.dags.items():
        assert dag.doc_md and dag.doc_md.strip().startswith(f"### {dag_id}"), dag_id
        assert "asylum-monitor" in dag.tags, dag_id
        assert dag.catchup is False and dag.max_active_runs == 1, dag_id
        for task in dag.tasks:
            assert task.owner == "asylum-monitor", f"{dag_id}.{task.task_id}"
            assert task.retries >= 2, f"{dag_id}.{task.task_id} retries {task.retries}"


def test_ingest_maps_one_task_per_source_in_the_fetch_pool(bag):
    from airflow.sdk import TriggerRule
    from airflow.sdk.definitions.mappedoperator import MappedOperator

    dag = bag.dags["monitor_ingest"]
    assert dag.schedule == dt.timedelta(minutes=15)
    ingest = dag.task_dict["ingest"]
    assert ingest.pool == "monitor_fetch"
    assert isinstance(ingest, MappedOperator)
    assert ingest.map_index_template == "{{ source_id }}"
    assert dag.task_dict["load_sources"].downstream_task_ids == {"ingest"}
    reconcile = dag.task_dict["reconcile"]
    assert reconcile.trigger_rule == TriggerRule.ALL_DONE
    assert reconcile.upstream_task_ids == {"ingest"}
    publish = dag.task_dict["publish_findings"]
    assert publish.upstream_task_ids == {"reconcile"}
    assert [o.uri for o in publish.outlets] == ["monitor://findings/"]  # as Airflow normalises it
    check = dag.task_dict["check_sources"]
    assert check.trigger_rule == TriggerRule.ONE_FAILED
    assert check.upstream_task_ids == {"ingest", "reconcile"}


def test_only_publish_findings_emits_the_asset(bag):
    emitters = {
        (dag_id, task.task_id) for dag_id, dag in bag.dags.items() for task in dag.tasks if task.outlets
    }
    assert emitters == {("monitor_ingest", "publish_findings")}


def test_alerts_run_on_the_findings_asset_and_on_a_clock_for_retries(bag):
    from airflow.sdk import AssetOrTimeSchedule

    dag = bag.dags["monitor_alerts"]
    assert isinstance(dag.timetable, AssetOrTimeSchedule)
    assert [a.uri for a in dag.timetable.asset_condition.objects] == ["monitor://findings/"]
    assert dag.timetable.timetable.expression == "*/30 * * * *"
    assert dag.task_dict["plan"].downstream_task_ids == {"deliver"}


def test_digest_and_maintenance_run_daily(bag):
    digest, maintenance = bag.dags["monitor_digest"], bag.dags["monitor_maintenance"]
    assert digest.timetable.expression == "0 0 * * *"
    assert maintenance.timetable.expression == "30 2 * * *"
    assert set(maintenance.task_dict) == {"source_health", "check_templates", "retention"}
    assert digest.params["day"] is None
    assert maintenance.params["version_retention_days"] == 365


def test_the_ingest_interval_comes_from_the_environment(tmp_path):
    code = (
        "from airflow.dag_processing.dagbag import DagBag;"
        f"bag = DagBag(dag_folder={str(REPO / 'dags' / 'monitor_ingest.py')!r});"
        "print(bag.dags['monitor_ingest'].schedule)"
    )
    env = {**os.environ, "AIRFLOW_HOME": str(tmp_path / "airflow"), "AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES": "5"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "0:05:00"
