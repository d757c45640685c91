"""The production topology, for real, without Docker (issue 14, `make topology-test`).

PostgreSQL 15 and Redis 7 from Debian's packages, Airflow 3 with the CeleryExecutor
(api-server, scheduler, dag-processor, triggerer, two Celery workers) and a three-node
Elasticsearch cluster, configured by docker-compose.yml + deploy/celery.env (harness.py). Over
50 loopback sources, three `monitor_ingest` runs:

1. the first (scheduled) run: its mapped tasks run on both workers, the founding example
   alerts once;
2. a triggered run during which the Elasticsearch node holding the documents' primary shard
   is SIGKILLed: the run completes (or its retries do), every document and finding is there,
   none twice, and the new findings alert once;
3. a triggered run during which the Celery worker running one source's task is SIGKILLed
   (with everything it started): the task's retry runs on the other worker, the run
   completes, and no alert is sent twice.

What differs from the containers, and why (everything else is the compose file's):
`LOCAL_CHANGES` below.
"""

from __future__ import annotations

import datetime as dt
import email
import json
import secrets
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from email import policy
from pathlib import Path

import psutil
import pytest
import requests

from monitor.services.httpsite import Site, SiteServer
from monitor.services.smtp import SmtpSink, messages
from tests.support import free_port, rss_feed
from tests.topology.harness import (
    REPO, VENV_BIN, EsCluster, Postgres, Process, Redis, airflow, celery_variables, compose_environment,
    scratch_dir, wait_for,
)

pytestmark = [pytest.mark.topology, pytest.mark.timeout(2400)]

SOURCES = 50
CORPUS = REPO / "tests" / "corpus"
AIRFLOW_SERVICES = ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer",
                    "airflow-worker")
#: Why the local processes differ from docker-compose.yml's containers, setting by setting.
LOCAL_CHANGES = {
    "AIRFLOW_HOME": "the image's /opt/airflow: a directory of the test",
    "AIRFLOW__CORE__DAGS_FOLDER": "baked into the image at /opt/airflow/dags: the checkout's dags/",
    "AIRFLOW__CORE__PLUGINS_FOLDER": "baked into the image at /opt/airflow/plugins: the checkout's plugins/",
    "MONITOR_STATE_DIR": "a named volume in compose: a directory of the test",
    "MONITOR_ALLOW_LOOPBACK": "compose forbids fetching loopback addresses; the 50 sources are loopback sites",
    "AIRFLOW__API__PORT": "each container has its own port 8080; here one free port",
    "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT": "8974 per container; here one free port",
    "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": "8793 per worker container; here one free port per worker",
    "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": "8794 per container; here one free port",
    "AIRFLOW__CORE__HOSTNAME_CALLABLE": "containers have their own hostnames; two workers on one machine are "
                                        "named by TOPOLOGY_WORKER (tests/topology/worker_hostname.py)",
    "PYTHONPATH": "so that the workers import that callable",
    "PATH": "the venv's bin (the image's airflow is on its PATH)",
}


def _html(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>")


def _corpus_article(name: str) -> tuple[str, str]:
    """(title, HTML) of a labeled corpus document (its first line is the title)."""
    path = CORPUS / name
    if path.suffix == ".html":
        text = path.read_text()
        return name, text
    lines = [line.strip() for line in path.read_text().splitlines() if line.strip()]
    return lines[0], _html(lines[0], lines[1:])


def _filler(source: int, item: int) -> tuple[str, str]:
    title = f"Harbour {source} report {item}: new container terminal opens"
    return title, _html(title, [
        (f"The harbour of district {source} opened container terminal number {item} on Monday, the port "
         "authority said, adding berths for larger ships and a rail link to the industrial park."),
        "Officials expect cargo volumes to grow by a tenth next year as the dredging work finishes.",
    ])


class SlowSite(Site):
    """A site whose listed paths answer `delay` seconds late, the first time they are asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.slow: dict[str, float] = {}
        self.started: set[str] = set()

    def get(self, path: str):
        delay = self.slow.pop(path, 0)
        self.started.add(path)
        if delay:
            time.sleep(delay)
        return super().get(path)


class News:
    """The 50 loopback sources: one feed each, articles added between runs."""

    def __init__(self, server: SiteServer) -> None:
        self.server = server
        self.site: SlowSite = server.site  # type: ignore[assignment]
        self.items: dict[int, list[tuple[str, str]]] = {i: [] for i in range(1, SOURCES + 1)}
        self.site.put("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")

    def add(self, source: int, path: str, title: str, html: str) -> str:
        self.site.put(path, html)
        self.items[source].insert(0, (title, path))
        return self.server.base_url + path

    def publish(self) -> None:
        for source, items in self.items.items():
            self.site.put(f"/feeds/{source:02d}.xml", rss_feed(self.server.base_url, items), "application/rss+xml")

    def urls(self) -> set[str]:
        return {self.server.base_url + path for items in self.items.values() for _, path in items}

    def sources_yaml(self, path: Path) -> None:
        path.write_text("sources:\n" + "".join(
            f"  - {{id: src-{i:02d}, kind: feed, url: '{self.server.base_url}/feeds/{i:02d}.xml', language: en}}\n"
            for i in self.items
        ))


class Stack:
    """The running topology and what the test asks of it."""

    def __init__(self, base: Path, pg: Postgres, es: EsCluster, env: dict[str, str], mail: Path,
                 prefix: str, news: News) -> None:
        self.base, self.pg, self.es, self.env, self.mail, self.prefix = base, pg, es, env, mail, prefix
        self.news = news
        self.processes: dict[str, Process] = {}

    def start(self, name: str, *args: str, extra: dict[str, str] | None = None) -> Process:
        self.processes[name] = Process(name, [str(VENV_BIN / "airflow"), *args], env={**self.env, **(extra or {})},
                                       log=self.base / f"{name}.log", cwd=self.base)
        return self.processes[name]

    def logs(self) -> str:
        parts = []
        for name, process in self.processes.items():
            problems = [line for line in process.tail(200_000).splitlines()
                        if any(word in line for word in ("ERROR", "Traceback", "rror:", "CRITICAL"))]
            parts.append(f"--- {name} (alive={process.alive()}) ---\n" + "\n".join(problems[-15:])
                         + "\n" + process.tail(1500))
        return "\n".join(parts)

    # -- the metadata database -----------------------------------------------------------------
    def runs(self, dag_id: str) -> list[tuple[str, str, str]]:
        return self.pg.query("SELECT run_id, run_type, state FROM dag_run WHERE dag_id = %s ORDER BY id", dag_id)

    def task_instances(self, run_id: str) -> list[dict]:
        rows = self.pg.query(
            "SELECT task_id, map_index, rendered_map_index, state, hostname, try_number FROM task_instance "
            "WHERE dag_id = 'monitor_ingest' AND run_id = %s", run_id)
        keys = ("task_id", "map_index", "label", "state", "hostname", "try_number")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def attempts(self, run_id: str) -> list[dict]:
        """Every finished try of the run's tasks (task_instance_history) and the current one."""
        rows = self.pg.query(
            "SELECT task_id, map_index, state, hostname, try_number FROM task_instance_history "
            "WHERE dag_id = 'monitor_ingest' AND run_id = %s", run_id)
        keys = ("task_id", "map_index", "state", "hostname", "try_number")
        return [dict(zip(keys, row, strict=True)) for row in rows] + self.task_instances(run_id)

    def wait_run(self, run_id: str, *, timeout: float) -> str:
        def finished() -> str | None:
            rows = [r for r in self.runs("monitor_ingest") if r[0] == run_id]
            return rows[0][2] if rows and rows[0][2] in ("success", "failed") else None

        return str(wait_for(f"monitor_ingest run {run_id}", finished, timeout=timeout, every=2,
                            explain=lambda: f"{self.task_instances(run_id)}\n{self.logs()}"))

    def trigger(self) -> str:
        run_id = f"topology__{uuid.uuid4().hex[:8]}"
        airflow("dags", "trigger", "monitor_ingest", "--run-id", run_id, env=self.env)
        return run_id

    def wait_alert_runs(self, count: int, *, timeout: float) -> None:
        """Until `count` runs of monitor_alerts were triggered by the findings asset, and every
        run of it (its half-hourly ones too) has finished."""
        def done() -> bool:
            runs = self.runs("monitor_alerts")
            triggered = [r for r in runs if r[1] == "asset_triggered"]
            return len(triggered) >= count and all(state in ("success", "failed") for _, _, state in runs)

        wait_for(f"{count} asset-triggered monitor_alerts run(s)", done, timeout=timeout, every=2,
                 explain=lambda: f"{self.runs('monitor_alerts')}\n{self.logs()}")
        assert all(state == "success" for _, _, state in self.runs("monitor_alerts")), self.runs("monitor_alerts")

    # -- what arrived ----------------------------------------------------------------------------
    def alerts(self) -> Counter:
        """(recipient, finding) → how many emails carried it."""
        sent: Counter = Counter()
        for path in messages(self.mail):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            for finding in message.get_all("X-Monitor-Finding") or []:
                sent[(str(message["To"]), str(finding))] += 1
        return sent

    def client(self):
        from elasticsearch import Elasticsearch

        alive = [node.url for node in self.es.nodes.values() if node._pid()]
        return Elasticsearch(alive, request_timeout=30)


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    base = scratch_dir("monitor-topology-")
    pg, redis, es = Postgres(base), Redis(base), EsCluster(base)
    es_errors: list[BaseException] = []

    def start_es() -> None:
        try:
            es.start()
        except BaseException as exc:  # noqa: BLE001 - reported below
            es_errors.append(exc)

    es_started = threading.Thread(target=start_es, daemon=True)
    es_started.start()
    stack_: Stack | None = None
    site = SiteServer(SlowSite()).start()
    mail = base / "mail"
    smtp = SmtpSink(mail, port=free_port()).start()
    try:
        pg.start()
        redis.start()
        news = News(site)
        prefix = f"topo-{uuid.uuid4().hex[:8]}"
        api_port = free_port()
        from cryptography.fernet import Fernet

        # The deployment's .env (the values .env.example asks for), then deploy/celery.env.
        variables = celery_variables(
            POSTGRES_PASSWORD=pg.password,
            AIRFLOW__CORE__FERNET_KEY=Fernet.generate_key().decode(),
            AIRFLOW__API_AUTH__JWT_SECRET=secrets.token_urlsafe(32),
            AIRFLOW__API__SECRET_KEY=secrets.token_urlsafe(32),
            MONITOR_SECRET_KEY=secrets.token_urlsafe(32),
            AIRFLOW_CONN_MONITOR_SMTP=f"smtp://127.0.0.1:{smtp.port}?security=none",
            MONITOR_SMTP_HOST="127.0.0.1", MONITOR_SMTP_PORT=str(smtp.port),
            MONITOR_INDEX_PREFIX=prefix,
            MONITOR_SOURCES=str(base / "sources.yaml"),
        )
        es_started.join(timeout=400)
        assert not es_errors and not es_started.is_alive(), f"Elasticsearch cluster did not start: {es_errors}"
        hosts = {
            "postgres:5432": f"127.0.0.1:{pg.port}",
            "redis:6379": f"127.0.0.1:{redis.port}",
            "airflow-apiserver:8080": f"127.0.0.1:{api_port}",
            **{f"{compose}:9200": url.split("//", 1)[1] for compose, url in
               zip(("elasticsearch", "elasticsearch-2", "elasticsearch-3"), es.urls, strict=True)},
        }
        envs = {service: compose_environment(service, variables, hosts) for service in AIRFLOW_SERVICES}
        worker_env = envs["airflow-worker"]
        for service, env in envs.items():  # one environment for every component, as x-airflow-common says
            assert {k: v for k, v in env.items() if k != "DUMB_INIT_SETSID"} == \
                {k: v for k, v in worker_env.items() if k != "DUMB_INIT_SETSID"}, service
        env = {k: v for k, v in worker_env.items() if k != "DUMB_INIT_SETSID"}
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert env["AIRFLOW__CELERY__BROKER_URL"] == f"redis://:@127.0.0.1:{redis.port}/0"
        conn = json.loads(env["AIRFLOW_CONN_MONITOR_ES"])  # every node of the connection is a local one
        assert f"http://{conn['host']}:{conn['port']}" == es.urls[0] and conn["extra"]["hosts"] == ",".join(es.urls[1:])
        assert env["MONITOR_ES_URL"] == ",".join(es.urls)
        local = {
            "AIRFLOW_HOME": str(base / "airflow"),
            "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
            "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO / "plugins"),
            "MONITOR_STATE_DIR": str(base / "monitor-state"),
            "MONITOR_ALLOW_LOOPBACK": "1",
            "AIRFLOW__API__PORT": str(api_port),
            "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT": str(free_port()),
            "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
            "PYTHONPATH": str(REPO),
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
        }
        assert set(local) | {"AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT", "AIRFLOW__CORE__HOSTNAME_CALLABLE"} \
            == set(LOCAL_CHANGES)
        env = {**env, **local, "HOME": str(base), "LANG": "C.UTF-8"}
        stack_ = Stack(base, pg, es, env, mail, prefix, news)

        # What airflow-init does: migrate the metadata DB, create the fetch pool.
        airflow("db", "migrate", env=env, timeout=900)
        airflow("pools", "set", "monitor_fetch", variables.get("MONITOR_FETCH_POOL_SLOTS", "4"),
                "Asylum Policy Monitor: sources fetched at the same time", env=env)

        # The first run's content, and a subscriber, before the scheduler starts the first run.
        for source in range(1, SOURCES + 1):
            for item in (1, 2):
                title, html = _filler(source, item)
                news.add(source, f"/a/{source:02d}-{item}.html", title, html)
        title, html = _corpus_article("aca-2020-01-mexicans-guatemala-rewrite.html")
        news.add(7, "/a/07-founding.html", "U.S. to send some Mexican asylum seekers to Guatemala", html)
        news.publish()
        news.sources_yaml(base / "sources.yaml")
        from monitor.alerts import new_subscription
        from monitor.index import Repository

        repo = Repository(",".join(es.urls), prefix=prefix)
        repo.ensure_indices()
        sub = new_subscription("advocate@example.org")
        repo.subscriptions.save(sub.id, sub.model_dump(mode="json", exclude={"id"}))
        repo.close()

        stack_.start("api-server", "api-server")
        wait_for("the API server", lambda: _ok(f"http://127.0.0.1:{api_port}/api/v2/monitor/health"), timeout=240,
                 explain=stack_.logs)
        for number in (1, 2):
            stack_.start(f"worker-{number}", "celery", "worker", "--celery-hostname", f"worker-{number}@%h", extra={
                "TOPOLOGY_WORKER": f"worker-{number}",
                "AIRFLOW__CORE__HOSTNAME_CALLABLE": "tests.topology.worker_hostname.name",
                "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
            })
        for component in ("dag-processor", "triggerer", "scheduler"):
            stack_.start(component, component)
        yield stack_
    finally:
        # Every process of the topology, with everything it started, then stopped: none may stay.
        services = [*(stack_.processes.values() if stack_ else []), *(p.process for p in (redis, pg) if p.process)]
        before = [proc for service in services for proc in service.tree()]
        before += [psutil.Process(pid) for pid in es.pids()]
        for service in services:
            service.stop()
        es.stop()
        smtp.stop()
        site.stop()
        left = [f"{proc.pid} {' '.join(proc.cmdline())[:100]}" for proc in before if _running(proc)]
        assert not left, f"processes left running: {left}"


def _running(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=3).ok
    except requests.RequestException:
        return False


def _documents(stack: Stack) -> Counter:
    """url → how many documents the index holds for it."""
    client = stack.client()
    try:
        client.indices.refresh(index=f"{stack.prefix}-documents")
        response = client.search(index=f"{stack.prefix}-documents", size=0, aggs={
            "urls": {"terms": {"field": "url", "size": 10_000}}})
    finally:
        client.close()
    return Counter({b["key"]: b["doc_count"] for b in response["aggregations"]["urls"]["buckets"]})


def _findings(stack: Stack) -> set[str]:
    client = stack.client()
    try:
        client.indices.refresh(index=f"{stack.prefix}-events")
        response = client.search(index=f"{stack.prefix}-events", size=1000, query={"match_all": {}})
    finally:
        client.close()
    return {hit["_id"] for hit in response["hits"]["hits"]}


def test_celery_topology_survives_a_dead_node_and_a_dead_worker(stack: Stack):
    news = stack.news
    started = time.monotonic()

    # -- run 1: the scheduled run, spread over both workers -------------------------------------
    first = wait_for("the first scheduled monitor_ingest run", lambda: stack.runs("monitor_ingest"), timeout=300,
                     every=2, explain=stack.logs)[0][0]
    assert stack.wait_run(first, timeout=900) == "success", stack.task_instances(first)
    tis = [ti for ti in stack.task_instances(first) if ti["task_id"] == "ingest"]
    assert len(tis) == SOURCES and {ti["state"] for ti in tis} == {"success"}, tis
    hosts = Counter(ti["hostname"] for ti in tis)
    assert set(hosts) == {"worker-1", "worker-2"}, hosts  # the mapped tasks ran on both workers
    stack.wait_alert_runs(1, timeout=300)
    sent = stack.alerts()
    # The founding example, once (its story also reports the Hondurans and Salvadorans sent before).
    assert sent[("advocate@example.org", "made_amenable GT MX")] == 1 and set(sent.values()) == {1}, sent
    documents = _documents(stack)
    assert set(documents) == news.urls() and set(documents.values()) == {1}
    print(f"run 1: {len(tis)} mapped tasks, by worker {dict(hosts)}, {len(documents)} documents, "
          f"{time.monotonic() - started:.0f} s")

    # -- run 2: SIGKILL the node with the documents' primary shard mid-run -----------------------
    for source in range(1, SOURCES + 1):
        title, html = _filler(source, 3)
        news.add(source, f"/a/{source:02d}-3.html", title, html)
    title, html = _corpus_article("gt-2025-11-nicaraguans-haitians-guatemala.txt")
    news.add(21, "/a/21-gt.html", title, html)
    news.publish()
    second = stack.trigger()
    wait_for("a third of run 2's sources ingested", lambda: sum(
        ti["task_id"] == "ingest" and ti["state"] == "success" for ti in stack.task_instances(second)) >= SOURCES // 3,
        timeout=600, every=1, explain=lambda: f"{stack.task_instances(second)}\n{stack.logs()}")
    client = stack.client()
    shards = client.cat.shards(index=f"{stack.prefix}-documents*", format="json")
    client.close()
    primary = next(s["node"] for s in shards if s["prirep"] == "p")
    stack.es.kill(primary)
    killed_at = time.monotonic()
    assert stack.wait_run(second, timeout=1200) == "success", stack.attempts(second)
    print(f"run 2: killed {primary} with the documents' primary; run done {time.monotonic() - killed_at:.0f} s later; "
          f"retried: {[(a['label'] if 'label' in a else a['map_index'], a['try_number']) for a in stack.attempts(second) if a['try_number'] > 1]}")
    documents = _documents(stack)
    assert set(documents) == news.urls(), set(news.urls()) - set(documents)  # nothing lost
    assert set(documents.values()) == {1}  # nothing twice
    findings = _findings(stack)
    assert {"made_amenable:GT:MX", "made_amenable:GT:NI", "made_amenable:GT:HT"} <= findings, findings
    stack.wait_alert_runs(2, timeout=600)
    sent = stack.alerts()
    assert set(sent.values()) == {1}, sent  # no alert twice
    assert {("advocate@example.org", "made_amenable GT NI"), ("advocate@example.org", "made_amenable GT HT")} <= set(sent)

    # -- run 3: SIGKILL the worker running one source's task --------------------------------------
    article = "/a/33-hn.html"
    title, html = _corpus_article("hn-2026-02-brazilians-added-honduras.txt")
    news.add(33, article, title, html)
    news.publish()
    news.site.slow[article] = 30.0  # the first fetch hangs: the task is surely running when its worker dies
    third = stack.trigger()
    wait_for("source 33's article to be requested", lambda: article in news.site.started, timeout=600, every=0.5,
             explain=lambda: f"{stack.task_instances(third)}\n{stack.logs()}")
    # The mapped task's label is rendered when it ends: find it by its index (the sources' order).
    running = wait_for("source 33's task to be running", lambda: next(
        (ti for ti in stack.task_instances(third) if ti["task_id"] == "ingest" and ti["map_index"] == 32
         and ti["state"] == "running" and ti["hostname"]), None), timeout=60, every=0.5,
        explain=lambda: str(stack.task_instances(third)))
    victim, survivor = running["hostname"], ({"worker-1", "worker-2"} - {running["hostname"]}).pop()
    stack.processes[victim].kill_tree()
    assert not stack.processes[victim].tree()
    killed_at = time.monotonic()
    assert stack.wait_run(third, timeout=1200) == "success", stack.attempts(third)
    tries = [a for a in stack.attempts(third) if a["task_id"] == "ingest" and a["map_index"] == running["map_index"]]
    final = max(tries, key=lambda a: a["try_number"])
    assert final["state"] == "success" and final["try_number"] >= 2 and final["hostname"] == survivor, tries
    assert next(ti["label"] for ti in stack.task_instances(third) if ti["map_index"] == 32) == "src-33"
    print(f"run 3: killed {victim} while it ran src-33; try {final['try_number']} succeeded on {survivor} "
          f"{time.monotonic() - killed_at:.0f} s later")
    documents = _documents(stack)
    assert set(documents) == news.urls() and set(documents.values()) == {1}
    stack.wait_alert_runs(3, timeout=600)
    sent = stack.alerts()
    assert set(sent.values()) == {1}, sent  # no alert twice, across all three runs
    assert ("advocate@example.org", "made_amenable HN BR") in sent, sent
    print(f"alerts: {sorted(f for _, f in sent)}; total {time.monotonic() - started:.0f} s; "
          f"at {dt.datetime.now(dt.UTC):%H:%M:%S}")
