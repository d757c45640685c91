"""Airflow: the DAG files import cleanly under the house rules, and a real `airflow dags test
monitor_ingest` run (SQLite metadata DB) ingests the loopback feed into the real ES and mails
the founding example's alert through the real SMTP sink."""

from __future__ import annotations

import email
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from monitor.services.httpsite import fill_demo_site
from monitor.services.smtp import messages
from monitor.services.stack import airflow_environment, write_demo_sources
from monitor.settings import Settings

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.airflow


def test_dagbag_imports_without_errors_and_follows_house_rules():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO / "dags"))
    assert bag.import_errors == {}
    assert "monitor_ingest" in bag.dag_ids
    for dag_id in bag.dag_ids:
        dag = bag.dags[dag_id]
        assert dag.tags, f"{dag_id} has no tags"
        assert dag.doc_md, f"{dag_id} has no doc_md"
        for task in dag.tasks:
            assert task.retries >= 2, f"{dag_id}.{task.task_id} retries {task.retries}"
            assert task.owner == "asylum-monitor"
    ingest = bag.dags["monitor_ingest"]
    assert ingest.max_active_runs == 1 and ingest.catchup is False


def _airflow(env: dict[str, str], *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    airflow = str(Path(sys.executable).parent / "airflow")
    return subprocess.run([airflow, *args], env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.integration
def test_airflow_dags_test_runs_the_pipeline_against_the_real_services(
    es_url, prefix, smtp, site, mail_dir, tmp_path
):
    from monitor.alerts import new_subscription
    from monitor.index import Repository

    fill_demo_site(site.site, site.base_url)
    sources = write_demo_sources(tmp_path / "sources.yaml", site.base_url)
    settings = Settings(state_dir=tmp_path / "state", index_prefix=prefix, smtp_port=smtp.port)
    env = airflow_environment(
        settings, es_url=es_url, dags_folder=REPO / "dags", plugins_folder=REPO / "plugins", port=18080,
        sources=sources, allow_loopback=True,
    )
    env["MONITOR_HOST_DELAY"] = "0"
    repo = Repository(es_url, prefix=prefix)
    repo.ensure_indices()
    sub = new_subscription("advocate@example.org")
    repo.save_subscription(sub.id, sub.model_dump(mode="json", exclude={"id"}))

    migrated = _airflow(env, "db", "migrate")
    assert migrated.returncode == 0, migrated.stdout[-3000:] + migrated.stderr[-3000:]
    run = _airflow(env, "dags", "test", "monitor_ingest")
    output = run.stdout[-6000:] + run.stderr[-6000:]
    assert run.returncode == 0, output
    assert "success" in output.lower()

    findings = {f["id"] for f in repo.findings()}
    assert {f for f in findings if f.startswith("made_amenable")} == {"made_amenable:GT:MX"}
    assert {"agreement_signed:GT:-", "agreement_signed:HN:-", "agreement_signed:SV:-"} <= findings
    mails = messages(mail_dir)
    assert len(mails) == 1, output
    message = email.message_from_bytes(mails[0].read_bytes(), policy=policy.default)
    assert message.get_all("X-Monitor-Finding") == ["made_amenable GT MX"]
    repo.close()
