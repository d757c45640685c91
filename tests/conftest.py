"""Shared fixtures: the real local services (Elasticsearch, SMTP sink, loopback HTTP site).

Elasticsearch: a session-wide cluster — MONITOR_ES_URL when set, else the project's launcher
(started if needed, stopped at the end only if this session started it). Every test gets its
own index prefix, deleted afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import free_port

REPO = Path(__file__).resolve().parents[1]
STATE = Path(os.environ.get("MONITOR_STATE_DIR", REPO / ".state")).resolve()

# Airflow reads its home at import time: keep it inside the state dir, never ~/airflow.
os.environ.setdefault("AIRFLOW_HOME", str(STATE / "airflow-test"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(REPO / "dags"))


@pytest.fixture(scope="session")
def es_url() -> Iterator[str]:
    from monitor.services.elasticsearch import LocalElasticsearch
    from monitor.settings import Settings

    if os.environ.get("MONITOR_ES_URL"):
        yield os.environ["MONITOR_ES_URL"]
        return
    local = LocalElasticsearch(Settings(state_dir=STATE))
    started = not local.status().running
    status = local.up()
    yield status.url
    if started:
        local.down()


@pytest.fixture
def prefix(es_url: str) -> Iterator[str]:
    from elasticsearch import Elasticsearch

    name = f"test-{uuid.uuid4().hex[:10]}"
    yield name
    client = Elasticsearch(es_url)
    # Wildcard deletes are refused (action.destructive_requires_name): name each index.
    indices = list(client.indices.get(index=f"{name}-*", allow_no_indices=True, ignore_unavailable=True))
    if indices:
        client.indices.delete(index=",".join(indices))
    # ensure_indices() also puts one index template per index (<prefix>-<name>): remove them too.
    client.options(ignore_status=404).indices.delete_index_template(name=f"{name}-*")
    client.close()


@pytest.fixture
def repo(es_url: str, prefix: str):
    from monitor.index import Repository

    repository = Repository(es_url, prefix=prefix)
    repository.ensure_indices()
    yield repository
    repository.close()


@pytest.fixture
def mail_dir(tmp_path: Path) -> Path:
    return tmp_path / "mail"


@pytest.fixture
def smtp(mail_dir: Path):
    from monitor.services.smtp import SmtpSink

    with SmtpSink(mail_dir, port=free_port()) as sink:
        yield sink


@pytest.fixture
def site():
    from monitor.services.httpsite import Site, SiteServer

    server = SiteServer(Site())
    server.site.put("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    with server:
        yield server


@pytest.fixture
def monitor_env(es_url: str, prefix: str, smtp, tmp_path: Path) -> dict[str, str]:
    """Environment for running the real `monitor` command against the test services."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(
        MONITOR_ES_URL=es_url,
        MONITOR_INDEX_PREFIX=prefix,
        MONITOR_SMTP_HOST="127.0.0.1",
        MONITOR_SMTP_PORT=str(smtp.port),
        MONITOR_STATE_DIR=str(tmp_path / "state"),
        MONITOR_ALLOW_LOOPBACK="1",
        MONITOR_HOST_DELAY="0",
    )
    return env


@pytest.fixture
def corpus() -> Path:
    return REPO / "tests" / "corpus"
