"""Airflow runs the real DAGs against the real services: `dag.test()` (what `airflow dags test`
calls) in a child process with its own AIRFLOW_HOME under tmp_path and SQLite metadata DB,
talking to the test Elasticsearch, a loopback SMTP sink and a loopback news site.

The tasks are configured through Airflow connections and variables (AIRFLOW_CONN_MONITOR_ES,
AIRFLOW_CONN_MONITOR_SMTP, AIRFLOW_VAR_MONITOR_*) while the MONITOR_* fallbacks point nowhere,
so a run that delivers mail proves the connections were used.
"""

from __future__ import annotations

import datetime as dt
import email
import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest

from monitor.services.httpsite import fill_demo_site
from monitor.services.local_airflow import airflow_environment, ensure_pool
from monitor.services.smtp import messages
from monitor.settings import Settings
from tests.support import rss_feed

REPO = Path(__file__).resolve().parents[2]
FINDING = "made_amenable:GT:MX"

pytestmark = [pytest.mark.airflow, pytest.mark.integration]

# A long-lived child process that runs DAGs with dag.test(), one per JSON line on stdin, and
# prints what the metadata DB then holds about the run. One process for the module: starting
# Airflow's in-process execution API costs seconds, once.
DRIVER = r"""
import json, os, sys, traceback
from airflow.dag_processing.dagbag import DagBag
from airflow.models.asset import AssetDagRunQueue, AssetEvent
from airflow.models.xcom import XComModel
from airflow.utils.session import create_session

PREFIXES = ("MONITOR_", "AIRFLOW_CONN_", "AIRFLOW_VAR_")
for line in sys.stdin:
    command = json.loads(line)
    try:
        for name in [n for n in os.environ if n.startswith(PREFIXES)]:
            del os.environ[name]
        os.environ.update({k: v for k, v in command["env"].items() if k.startswith(PREFIXES)})
        dag_id = command["dag_id"]
        run = DagBag(dag_folder=command["folder"]).get_dag(dag_id).test(run_conf=command["conf"] or None)
        with create_session() as session:
            tis = [
                {"task_id": ti.task_id, "map_index": ti.map_index, "label": ti.rendered_map_index,
                 "state": str(ti.state)}
                for ti in run.get_task_instances(session=session)
            ]
            xcoms = [
                {"task_id": x.task_id, "map_index": x.map_index, "value": XComModel.deserialize_value(x)}
                for x in session.query(XComModel).filter(XComModel.run_id == run.run_id, XComModel.dag_id == dag_id)
            ]
            events = [
                {"task_id": e.source_task_id, "extra": e.extra}
                for e in session.query(AssetEvent).filter(AssetEvent.source_run_id == run.run_id)
            ]
            queued = sorted(q.target_dag_id for q in session.query(AssetDagRunQueue))
        result = {"state": str(run.state), "tis": tis, "xcoms": xcoms, "events": events, "queued": queued}
        print("@@RESULT@@" + json.dumps(result, default=str), flush=True)
    except Exception:
        print("@@ERROR@@" + json.dumps(traceback.format_exc()), flush=True)
"""


class Run:
    """What one dag.test() run left in the metadata DB."""

    def __init__(self, data: dict, output: str) -> None:
        self.state: str = data["state"]
        self.tis: list[dict] = data["tis"]
        self.xcoms: list[dict] = data["xcoms"]
        self.events: list[dict] = data["events"]
        self.queued: list[str] = data["queued"]
        self.output = output

    def states(self) -> dict[str, str]:
        """task_id (or task_id[label] for mapped tasks) → state."""
        return {
            (f"{t['task_id']}[{t['label']}]" if t["map_index"] >= 0 else t["task_id"]): t["state"] for t in self.tis
        }

    def xcom(self, task_id: str, map_index: int = -1):
        return next(x["value"] for x in self.xcoms if x["task_id"] == task_id and x["map_index"] == map_index)


class DagTester:
    """Drives the DRIVER process; `run()` returns a `Run` or fails the test with the log."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", DRIVER], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def run(self, env: dict[str, str], dag_id: str, conf: dict | None = None, *, timeout: float = 300) -> Run:
        assert self.process.stdin is not None
        command = {"dag_id": dag_id, "folder": str(REPO / "dags"), "conf": conf or {}, "env": env}
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        log: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"dag.test({dag_id}) took over {timeout} s:\n" + _digest(log))
            if line is None:
                pytest.fail("the dag.test driver exited:\n" + _digest(log))
            if line.startswith("@@ERROR@@"):
                pytest.fail(f"dag.test({dag_id}) raised:\n{json.loads(line[9:])}\n" + _digest(log))
            if line.startswith("@@RESULT@@"):
                return Run(json.loads(line.removeprefix("@@RESULT@@")), _digest(log))
            log.append(line)

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _digest(log: list[str]) -> str:
    """The log's end and every line that names a problem (for assertion messages)."""
    problems = [line[:600] for line in log if any(w in line for w in ("source ", "rror", "failed", "Traceback"))]
    return "\n".join(log[-40:]) + "\n--- problems ---\n" + "\n".join(problems[-80:])


@pytest.fixture(scope="module")
def airflow_home(tmp_path_factory) -> Path:
    """One migrated SQLite metadata DB for the module (migrating takes a few seconds)."""
    home = tmp_path_factory.mktemp("airflow-state")
    env = _base_env(Settings(state_dir=home), es_url="http://127.0.0.1:9", sources=None)
    migrated = subprocess.run([_airflow(), "db", "migrate"], env=env, capture_output=True, text=True, timeout=600)
    assert migrated.returncode == 0, migrated.stdout[-3000:] + migrated.stderr[-3000:]
    return home


@pytest.fixture(scope="module")
def tester(airflow_home) -> Iterator[DagTester]:
    driver = DagTester(_base_env(Settings(state_dir=airflow_home), es_url="http://127.0.0.1:9", sources=None))
    yield driver
    driver.close()


def _airflow() -> str:
    return str(Path(sys.executable).parent / "airflow")


def _base_env(settings: Settings, *, es_url: str, sources: Path | None) -> dict[str, str]:
    env = airflow_environment(
        settings, es_url=es_url, dags_folder=REPO / "dags", plugins_folder=REPO / "plugins", port=18080,
        sources=sources, allow_loopback=True,
    )
    env = {k: v for k, v in env.items() if not k.startswith(("AIRFLOW_CONN_", "AIRFLOW_VAR_"))}
    # Paused DAGs get no asset-triggered runs queued; the test checks that queue.
    env["AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION"] = "False"
    env["MONITOR_HOST_DELAY"] = "0"
    return env


@pytest.fixture
def env(airflow_home, es_url, prefix, smtp, tmp_path) -> dict[str, str]:
    """Settings through Airflow; the MONITOR_* fallbacks deliberately point nowhere."""
    settings = Settings(state_dir=airflow_home, index_prefix="unused-fallback", smtp_port=9)
    env = _base_env(settings, es_url="http://127.0.0.1:9", sources=tmp_path / "sources.yaml")
    env["AIRFLOW_CONN_MONITOR_ES"] = es_url
    env["AIRFLOW_CONN_MONITOR_SMTP"] = json.dumps(
        {"conn_type": "smtp", "host": "127.0.0.1", "port": smtp.port, "extra": {"security": "none"}}
    )
    env["AIRFLOW_VAR_MONITOR_INDEX_PREFIX"] = prefix
    return env


def _sources(path: Path, base_url: str) -> None:
    path.write_text(
        "sources:\n"
        f"  - {{id: demo-news, kind: feed, url: '{base_url}/feed.xml', language: en}}\n"
        f"  - {{id: port-news, kind: feed, url: '{base_url}/port.xml', language: en}}\n"
        f"  - {{id: broken, kind: feed, url: '{base_url}/gone.xml', language: en}}\n"
    )


def test_ingest_then_alerts_with_a_feed_that_gains_a_document(tester, env, repo, site, mail_dir, tmp_path):
    from monitor.alerts import new_subscription

    fill_demo_site(site.site, site.base_url)  # the articles; the feeds are replaced below
    port_story = ("Port authority approves cargo transfer agreement", "/articles/port-authority-transfer.html")
    founding = ("U.S. to send some Mexican asylum seekers to Guatemala", "/articles/mexicans-guatemala.html")
    harbour = ("Harbour opens a new terminal", "/articles/harbour.html")
    site.site.put(harbour[1], "<html><head><title>Harbour opens a new terminal</title></head><body><article>"
                  "<p>The harbour opened a new container terminal on Monday, the port authority said.</p>"
                  "</article></body></html>")
    site.site.put("/feed.xml", rss_feed(site.base_url, [port_story]), "application/rss+xml")
    site.site.put("/port.xml", rss_feed(site.base_url, [harbour]), "application/rss+xml")
    _sources(tmp_path / "sources.yaml", site.base_url)
    sub = new_subscription("advocate@example.org")
    repo.subscriptions.save(sub.id, sub.model_dump(mode="json", exclude={"id"}))

    # Run 1: nothing alerting yet; the broken source fails alone, reconciliation still runs.
    first = tester.run(env, "monitor_ingest")
    assert first.states() == {
        "load_sources": "success", "ingest[demo-news]": "success", "ingest[port-news]": "success",
        "ingest[broken]": "failed", "reconcile": "success", "publish_findings": "skipped",
        "check_sources": "failed",
    }, first.output
    assert first.state == "failed"  # check_sources makes a failed source visible on the run
    assert first.xcom("reconcile") == []
    assert first.events == [] and "monitor_alerts" not in first.queued
    counts = first.xcom("ingest", 0)
    assert set(counts) == {"source_id", "ok", "error", "not_modified", "entries", "new", "updated", "unchanged",
                           "article_errors", "briefs", "blocked", "skipped"}  # counts only, never documents
    assert (counts["source_id"], counts["new"]) == ("demo-news", 1)

    alerts = tester.run(env, "monitor_alerts")
    assert alerts.states() == {"plan": "success", "deliver": "success"}, alerts.output
    assert messages(mail_dir) == []

    # The feed gains the founding example between the runs.
    site.site.put("/feed.xml", rss_feed(site.base_url, [founding, port_story]), "application/rss+xml")
    second = tester.run(env, "monitor_ingest")
    states = second.states()
    assert states["ingest[demo-news]"] == "success" and states["ingest[port-news]"] == "success"
    assert states["ingest[broken]"] == "failed" and states["reconcile"] == "success"
    assert states["publish_findings"] == "success", second.output
    assert second.xcom("reconcile") == [FINDING]
    assert second.events == [{"task_id": "publish_findings", "extra": {"finding_ids": [FINDING]}}]
    assert "monitor_alerts" in second.queued  # the asset schedules the alerts DAG
    assert second.xcom("ingest", 0)["new"] == 1 and second.xcom("ingest", 0)["unchanged"] == 1
    assert messages(mail_dir) == []  # ingest alone never mails

    alerts = tester.run(env, "monitor_alerts")
    assert alerts.states() == {"plan": "success", "deliver": "success"}, alerts.output
    assert alerts.xcom("plan") == 1
    assert alerts.xcom("deliver")["sent"] == 1
    mails = messages(mail_dir)
    assert len(mails) == 1, alerts.output
    message = email.message_from_bytes(mails[0].read_bytes(), policy=policy.default)
    assert message["To"] == "advocate@example.org"
    assert message.get_all("X-Monitor-Finding") == ["made_amenable GT MX"]


def test_maintenance_reports_source_health_checks_indices_and_prunes_old_versions(tester, env, repo, mail_dir, tmp_path):
    from monitor.dates import utcnow
    from monitor.models import SourceState

    site_url = "http://127.0.0.1:9"  # never fetched: maintenance reads saved state only
    _sources(tmp_path / "sources.yaml", site_url)
    now = utcnow()
    repo.sources.save("demo-news", SourceState(last_ok=now, last_checked=now))
    repo.sources.save("broken", SourceState(failures=3, last_error="HTTP 404 from gone.xml", last_error_at=now))
    old, recent = (now - dt.timedelta(days=800)).isoformat(), (now - dt.timedelta(days=2)).isoformat()
    for version_id, superseded in (("doc1:old", old), ("doc1:recent", recent)):
        repo.client.index(index=repo.names.versions, id=version_id, refresh=True,
                          document={"document_id": "doc1", "url": "https://news.example/a", "superseded": superseded})
    env = {**env, "AIRFLOW_VAR_MONITOR_OPERATOR_EMAILS": "ops@example.org"}

    run = tester.run(env, "monitor_maintenance")
    assert run.states() == {"source_health": "success", "check_templates": "success", "retention": "success"}, run.output
    assert run.xcom("retention") == 1
    ids = {h["_id"] for h in repo.client.search(index=repo.names.versions, query={"match_all": {}})["hits"]["hits"]}
    assert ids == {"doc1:recent"}
    health = run.xcom("source_health")
    assert (health["sources"], health["ok"], health["failing"], health["never run"], health["mailed"]) == (3, 1, 1, 1, 1)
    mails = messages(mail_dir)
    assert len(mails) == 1
    message = email.message_from_bytes(mails[0].read_bytes(), policy=policy.default)
    assert message["To"] == "ops@example.org"
    assert "2 of 3 sources need attention" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    assert "FAILING    broken" in text and "HTTP 404 from gone.xml" in text


def test_digest_dag_sends_the_days_digest(tester, env, repo, mail_dir, tmp_path):
    if not _has_digests():
        pytest.skip("monitor.alerts.digest.send_digests is not there yet: only the DAG wiring is tested")
    from monitor.alerts import new_subscription
    from monitor.dates import utcnow

    _sources(tmp_path / "sources.yaml", "http://127.0.0.1:9")
    sub = new_subscription("weekly-reader@example.org", digest=True)
    repo.subscriptions.save(sub.id, sub.model_dump(mode="json", exclude={"id"}))
    now = utcnow()
    repo.findings.create(FINDING, {
        "action": "made_amenable", "receiving": "GT", "population": "MX", "evidence": "Mexicans may be sent.",
        "first_seen": now.isoformat(), "document_id": "d1", "url": "https://news.example/a", "title": "t",
        "published": now.isoformat(), "alerts_planned": True, "sources": [], "epoch": "",
    })
    run = tester.run(env, "monitor_digest", {"day": now.date().isoformat()})
    assert run.states() == {"send_digests": "success"}, run.output
    assert run.xcom("send_digests") == 1
    mails = messages(mail_dir)
    assert len(mails) == 1, run.output
    assert email.message_from_bytes(mails[0].read_bytes(), policy=policy.default)["To"] == "weekly-reader@example.org"


def test_make_run_creates_the_fetch_pool(airflow_home):
    env = _base_env(Settings(state_dir=airflow_home), es_url="http://127.0.0.1:9", sources=None)
    ensure_pool(env)
    done = subprocess.run([_airflow(), "pools", "get", "monitor_fetch", "-o", "json"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    pool = json.loads(done.stdout)[0]
    assert pool["pool"] == "monitor_fetch" and int(pool["slots"]) == 4


def _has_digests() -> bool:
    try:
        from monitor.alerts.digest import send_digests  # noqa: F401
    except ImportError:
        return False
    return True

