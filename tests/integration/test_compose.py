"""docker-compose.yml is valid in both of its variants, as `docker compose config` would say.

There is no Docker engine here, so tests/compose/ holds `composecheck`, a small Go program on
compose-go (the library behind `docker compose config`): it loads the file with the given env
files (later ones override earlier ones, as with several `--env-file`), interpolates,
validates against the Compose schema, checks consistency (e.g. `depends_on` names a defined
service), reads each service's `env_file` into its environment, and prints the result as JSON.
It reads only the env files it is given, never the shell's environment or an implicit .env.

The program is built once per module with `go build` (the first build downloads compose-go
and its dependencies from the Go module proxy into the module cache, ~/go by default).
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest

# An integration test: it builds a Go program whose dependencies come from the Go module proxy.
pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
CELERY_ENV = REPO / "deploy" / "celery.env"
TOOL_SOURCE = REPO / "tests" / "compose"

DEFAULT_SERVICES = {"postgres", "elasticsearch", "mailpit", "airflow-apiserver", "airflow-scheduler",
                    "airflow-dag-processor", "airflow-triggerer", "airflow-init"}
CELERY_ONLY = {"redis", "airflow-worker", "elasticsearch-2", "elasticsearch-3"}
AIRFLOW_SERVICES = ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer",
                    "airflow-worker", "airflow-init")
ES_NODES = ("elasticsearch", "elasticsearch-2", "elasticsearch-3")


def go_binary() -> str:
    found = shutil.which("go") or next(
        (str(p) for p in (Path("/usr/local/go/bin/go"),) if p.exists()), None)
    if found is None:
        pytest.fail("`go` is not on PATH (nor /usr/local/go/bin/go): Go is part of this machine and "
                    "tests/integration/test_compose.py needs it to build tests/compose (compose-go)", pytrace=False)
    return found


@pytest.fixture(scope="module")
def composecheck(tmp_path_factory) -> Path:
    """tests/compose built into a temporary directory, once for the module."""
    go = go_binary()
    out = tmp_path_factory.mktemp("composecheck") / "composecheck"
    env = dict(os.environ)
    # go.sum is committed: read-only module mode, so a test never rewrites go.mod/go.sum. No VCS
    # stamping (tests/compose sits inside the git work tree); no toolchain download.
    env.update(GOFLAGS="-mod=readonly -buildvcs=false", GOTOOLCHAIN="local")
    if "GOPATH" not in env:  # Go's own default, spelled out for an environment without HOME
        env["GOPATH"] = str(Path.home() / "go")
    if "HOME" not in env:
        env["HOME"] = str(Path.home())
    built = subprocess.run([go, "build", "-o", str(out), "."], check=False, cwd=TOOL_SOURCE, env=env,
                           capture_output=True, text=True, timeout=600)
    if built.returncode != 0:
        pytest.fail(f"`go build` of tests/compose failed ({built.returncode}):\n{built.stderr}", pytrace=False)
    return out


def run(tool: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(tool), *args], check=False, cwd=REPO, capture_output=True, text=True, timeout=120,
                          env=env if env is not None else {"PATH": os.environ.get("PATH", "")})


def load(tool: Path, *args: str) -> dict:
    result = run(tool, *args)
    assert result.returncode == 0, f"compose-go rejected the file:\n{result.stderr}"
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def dotenv(tmp_path_factory) -> Path:
    """.env.example with every `change-me` replaced by a real-looking secret of its own."""
    fernet_key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    lines = []
    for line in (REPO / ".env.example").read_text().splitlines():
        if line.startswith("AIRFLOW__CORE__FERNET_KEY="):
            line = line.replace("change-me", fernet_key)
        lines.append(re.sub("change-me", lambda _: secrets.token_urlsafe(24), line))
    text = "\n".join(lines) + "\n"
    assert "change-me" not in text
    path = tmp_path_factory.mktemp("dotenv") / ".env"
    path.write_text(text)
    return path


def dotenv_values(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if line and not line.startswith("#"))


@pytest.fixture(scope="module")
def default_variant(composecheck, dotenv) -> dict:
    return load(composecheck, "-f", str(COMPOSE_FILE), "--env-file", str(dotenv))


@pytest.fixture(scope="module")
def celery_variant(composecheck, dotenv) -> dict:
    return load(composecheck, "-f", str(COMPOSE_FILE), "--env-file", str(dotenv), "--env-file", str(CELERY_ENV))


def test_the_default_variant_loads_with_local_executor_and_one_es_node(default_variant, dotenv):
    project = default_variant
    assert set(project["services"]) == DEFAULT_SERVICES
    assert "airflow-cli" in project["disabled_services"]  # profile `debug`
    assert project["profiles"] == []
    assert project["warnings"] == []
    services = project["service"]
    for name in AIRFLOW_SERVICES:
        if name in services:
            assert services[name]["environment"]["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor", name
    # The secrets come from .env.
    password = dotenv_values(dotenv)["POSTGRES_PASSWORD"]
    assert services["postgres"]["environment"]["POSTGRES_PASSWORD"] == password
    assert f":{password}@postgres:5432/" in services["airflow-scheduler"]["environment"][
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    es = services["elasticsearch"]
    assert [Path(f["path"]) for f in es["env_file"]] == [REPO / "deploy" / "elasticsearch-single-node.env"]
    assert es["environment"]["discovery.type"] == "single-node"  # read from the env_file
    assert "cluster.initial_master_nodes" not in es["environment"]
    assert "discovery.seed_hosts" not in es["environment"]
    assert services["airflow-scheduler"]["environment"]["MONITOR_ES_URL"] == "http://elasticsearch:9200"


def test_the_celery_variant_loads_with_workers_redis_and_three_es_nodes(celery_variant):
    project = celery_variant
    assert set(project["services"]) == DEFAULT_SERVICES | CELERY_ONLY
    assert project["profiles"] == ["celery"]  # COMPOSE_PROFILES from deploy/celery.env
    assert project["warnings"] == []
    services = project["service"]

    airflow = [services[name]["environment"] for name in AIRFLOW_SERVICES]
    assert {env["AIRFLOW__CORE__EXECUTOR"] for env in airflow} == {"CeleryExecutor"}
    assert len({env["AIRFLOW__CELERY__BROKER_URL"] for env in airflow}) == 1
    assert airflow[0]["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://")
    assert len({env["AIRFLOW__CELERY__RESULT_BACKEND"] for env in airflow}) == 1
    assert services["airflow-worker"]["deploy_replicas"] == 2
    assert services["airflow-scheduler"]["depends_on"]["redis"] == {"condition": "service_healthy", "required": False}

    nodes = [services[name]["environment"] for name in ES_NODES]
    for env in nodes:
        assert env["cluster.initial_master_nodes"].split(",") == list(ES_NODES)
        assert env["discovery.seed_hosts"].split(",") == list(ES_NODES)
        assert "discovery.type" not in env
    assert len({env["cluster.name"] for env in nodes}) == 1
    assert sorted(env["node.name"] for env in nodes) == sorted(ES_NODES)
    assert [Path(f["path"]).name for f in services["elasticsearch"]["env_file"]] == ["elasticsearch-three-nodes.env"]

    # deploy/celery.env overrides .env's single-node values (the later env file wins).
    for env in airflow:
        urls = env["MONITOR_ES_URL"].split(",")
        assert [re.match(r"http://([\w-]+):9200$", u).group(1) for u in urls] == list(ES_NODES)
        connection = json.loads(env["AIRFLOW_CONN_MONITOR_ES"])
        assert connection["host"] == "elasticsearch"
        assert connection["extra"]["hosts"].split(",") == ["http://elasticsearch-2:9200", "http://elasticsearch-3:9200"]


def test_without_env_file_the_missing_secrets_stop_it(composecheck):
    # Secrets in the shell's environment are not read: only env files count (reproducibility).
    shell = {"PATH": os.environ.get("PATH", ""), "POSTGRES_PASSWORD": "from-the-shell"}
    result = run(composecheck, "-f", str(COMPOSE_FILE), env=shell)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "required variable POSTGRES_PASSWORD is missing a value" in result.stderr
    assert "required variable MONITOR_SECRET_KEY is missing a value" in result.stderr


def broken_copies(tmp_path: Path) -> dict[str, Path]:
    text = COMPOSE_FILE.read_text()
    assert text.count("\nvolumes:\n") == 1 and text.count("\n  postgres:\n") == 1
    copies = {
        "unchanged": text,
        "undefined dependency": text.replace(
            "\nvolumes:\n", "\n  broken:\n    image: busybox\n    depends_on:\n      - no-such-service\n\nvolumes:\n"),
        "unknown key": text.replace("\n  postgres:\n", "\n  postgres:\n    no_such_key: 1\n"),
    }
    paths = {}
    for name, content in copies.items():
        paths[name] = tmp_path / f"{name.replace(' ', '-')}.yml"
        paths[name].write_text(content)
    return paths


def test_a_broken_file_is_rejected(composecheck, dotenv, tmp_path):
    copies = broken_copies(tmp_path)

    def check(name: str) -> subprocess.CompletedProcess[str]:
        # The copies live in tmp; ./deploy/... paths still resolve against the repository.
        return run(composecheck, "-f", str(copies[name]), "--project-directory", str(REPO),
                   "--env-file", str(dotenv))

    unchanged = check("unchanged")
    assert unchanged.returncode == 0, unchanged.stderr  # the copying itself breaks nothing
    dependency = check("undefined dependency")
    assert dependency.returncode == 1
    assert 'service "broken" depends on undefined service "no-such-service"' in dependency.stderr
    key = check("unknown key")
    assert key.returncode == 1
    assert "services.postgres.no_such_key" in key.stderr
