"""The production topology on one machine, from Debian's and Maven's packages (issue 14).

`Topology` starts, in order: PostgreSQL 15 (Airflow's metadata DB and Celery's result
backend), Redis 7 (the broker), a three-node Elasticsearch cluster (three processes of the
launcher's distribution), and Airflow 3 with the CeleryExecutor: api-server, scheduler,
dag-processor, triggerer and two Celery workers. Every process runs in its own session so
that it, and everything it started, can be SIGKILLed as one machine would die; `stop()`
ends them all and checks that none is left.

The Airflow environment is docker-compose.yml's, read with deploy/celery.env the way
`docker compose --env-file .env --env-file deploy/celery.env` reads them: `compose_environment`
interpolates `${VAR}`, `${VAR:-default}` and `${VAR:?error}` from the given variables,
then maps the compose service names (postgres:5432, redis:6379, airflow-apiserver:8080,
elasticsearch*:9200) to the loopback ports used here. `LOCAL_CHANGES` lists everything
else that differs from the containers, and why.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import requests
import yaml
from dotenv import dotenv_values

from tests.support import free_port, free_port_pair

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
CELERY_ENV = REPO / "deploy" / "celery.env"
VENV_BIN = Path(sys.executable).parent

_VARIABLE = re.compile(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}|\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)")


def interpolate(value: str, variables: Mapping[str, str]) -> str:
    """Compose's interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR-d}`, `${VAR:-d}`, `${VAR?e}`, `${VAR:?e}`."""

    def substitute(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group("name") or match.group("bare")
        op, arg = match.group("op"), match.group("arg") or ""
        present = name in variables
        empty = present and variables[name] == ""
        if op in (":-", "-"):
            unset = not present or (op == ":-" and empty)
            return interpolate(arg, variables) if unset else variables[name]
        if op in (":?", "?"):
            if not present or (op == ":?" and empty):
                raise ValueError(f"required variable {name} is missing a value: {arg}")
            return variables[name]
        return variables.get(name, "")

    return _VARIABLE.sub(substitute, value)


def compose_environment(service: str, variables: Mapping[str, str], hosts: Mapping[str, str]) -> dict[str, str]:
    """The environment docker compose gives `service`, with service host:port pairs mapped."""
    spec = yaml.safe_load(COMPOSE.read_text())["services"][service]
    raw = spec.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) for item in raw)
    env = {name: interpolate(str(value), variables) for name, value in raw.items()}
    for name, value in env.items():
        for compose_host, local in hosts.items():
            value = re.sub(rf"(?<=[/@]){re.escape(compose_host)}(?![\w-])", local, value)
        env[name] = _json_connection(value, hosts)
    return env


def _json_connection(value: str, hosts: Mapping[str, str]) -> str:
    """An Airflow connection in JSON form names its host and port apart: map them as a pair."""
    if not value.startswith("{"):
        return value
    conn = json.loads(value)
    if isinstance(conn, dict) and (local := hosts.get(f"{conn.get('host')}:{conn.get('port')}")):
        host, port = local.rsplit(":", 1)
        conn["host"], conn["port"] = host, int(port)
        return json.dumps(conn)
    return value


def celery_variables(**overrides: str) -> dict[str, str]:
    """deploy/celery.env over a deployment's own .env values (`overrides`), like two --env-file."""
    values = {k: v for k, v in dotenv_values(CELERY_ENV, interpolate=False).items() if v is not None}
    return {**overrides, **values}


class Process:
    """A service process in its own session, its output in a log file."""

    def __init__(self, name: str, command: list[str], *, log: Path, env: Mapping[str, str] | None = None,
                 cwd: Path | None = None, user: str | None = None) -> None:
        self.name = name
        self.log = log
        if user and os.geteuid() == 0:
            command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups", *command]
        with open(log, "ab") as out:
            self.popen = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=dict(env or os.environ),
                                          cwd=cwd, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def tree(self) -> list[psutil.Process]:
        """This process and every descendant still running."""
        try:
            root = psutil.Process(self.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def kill_tree(self) -> None:
        """SIGKILL the process and everything it started, at once (a machine that dies)."""
        for proc in self.tree():
            with contextlib.suppress(psutil.NoSuchProcess):
                proc.send_signal(signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=10)

    def stop(self, timeout: float = 30) -> None:
        procs = self.tree()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGTERM)
        _gone, alive = psutil.wait_procs(procs, timeout=timeout)
        for proc in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                proc.send_signal(signal.SIGKILL)
        psutil.wait_procs(alive, timeout=10)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=5)

    def tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def wait_for(what: str, condition: Callable[[], object], *, timeout: float, every: float = 0.5,
             explain: Callable[[], str] = lambda: "") -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n{explain()}")


# -- PostgreSQL 15 ------------------------------------------------------------------------------
PG_BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass
class Postgres:
    base: Path
    user: str = "airflow"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    database: str = "airflow"
    port: int = field(default_factory=free_port)
    process: Process | None = None

    def start(self) -> Postgres:
        data, sockets = self.base / "pgdata", self.base / "pgsock"
        sockets.mkdir(parents=True, exist_ok=True)
        pwfile = self.base / "pgpass"
        pwfile.write_text(self.password + "\n")
        owner = "postgres" if os.geteuid() == 0 else None
        if owner:
            shutil.chown(self.base, owner)
            shutil.chown(sockets, owner)
            shutil.chown(pwfile, owner)
        run_as = ["setpriv", f"--reuid={owner}", f"--regid={owner}", "--init-groups"] if owner else []
        init = subprocess.run(
            [*run_as, str(PG_BIN / "initdb"), "-D", str(data), "-U", self.user, f"--pwfile={pwfile}",
             "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-instructions"],
            capture_output=True, text=True, timeout=120,
        )
        assert init.returncode == 0, f"initdb failed: {init.stdout[-2000:]}{init.stderr[-2000:]}"
        self.process = Process(
            "postgres",
            [str(PG_BIN / "postgres"), "-D", str(data), "-p", str(self.port), "-k", str(sockets),
             "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "fsync=on"],
            log=self.base / "postgres.log", user=owner,
        )
        wait_for("PostgreSQL", lambda: subprocess.run(
            [str(PG_BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True,
        ).returncode == 0, timeout=60, explain=self.process.tail)
        created = subprocess.run(
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, self.database],
            capture_output=True, text=True, env={**os.environ, "PGPASSWORD": self.password}, timeout=60,
        )
        assert created.returncode == 0, created.stderr
        return self

    def query(self, sql: str, *params: object) -> list[tuple]:
        import psycopg2

        with contextlib.closing(psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user,
                                                 password=self.password, dbname=self.database)) as conn:
            with conn.cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall() if cursor.description else []
            conn.commit()
        return rows


# -- Redis 7 ------------------------------------------------------------------------------------
@dataclass
class Redis:
    base: Path
    port: int = field(default_factory=free_port)
    process: Process | None = None

    def start(self) -> Redis:
        server = shutil.which("redis-server")
        assert server, "redis-server is missing: `make topology-test` installs Debian's redis-server"
        version = subprocess.run([server, "--version"], capture_output=True, text=True).stdout
        assert re.search(r"v=7\.", version), f"Redis 7 expected, got: {version}"
        self.process = Process(
            "redis",
            [server, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.base)],
            log=self.base / "redis.log",
        )
        wait_for("Redis", lambda: subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True,
        ).stdout.strip() == "PONG", timeout=30, explain=self.process.tail)
        return self


# -- three Elasticsearch nodes ------------------------------------------------------------------
class EsCluster:
    """Three master-eligible data nodes of the launcher's distribution on loopback."""

    def __init__(self, base: Path, *, heap: str = "512m", size: int = 3) -> None:
        from monitor.services.elasticsearch import LocalElasticsearch, Node
        from monitor.settings import Settings

        ports = [free_port_pair() for _ in range(size)]
        names = [f"node-{i + 1}" for i in range(size)]
        cluster = tuple((name, port + 100) for name, port in zip(names, ports, strict=True))
        settings = Settings(state_dir=base / "state", es_heap=heap)
        self.nodes = {
            name: LocalElasticsearch(settings, node=Node(name=name, home=base / name, port=port, cluster=cluster))
            for name, port in zip(names, ports, strict=True)
        }

    @property
    def urls(self) -> list[str]:
        return [node.url for node in self.nodes.values()]

    def start(self) -> EsCluster:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(len(self.nodes)) as pool:
            list(pool.map(lambda node: node.up(timeout=300), self.nodes.values()))
        health = requests.get(f"{self.urls[0]}/_cluster/health", params={"wait_for_nodes": str(len(self.nodes)),
                                                                          "timeout": "60s"}, timeout=70).json()
        assert health["number_of_nodes"] == len(self.nodes), health
        return self

    def kill(self, name: str) -> None:
        pid = self.nodes[name]._pid()
        assert pid, f"{name} is not running"
        os.kill(pid, signal.SIGKILL)
        wait_for(f"{name} to die", lambda: not _pid_alive(pid), timeout=30)

    def stop(self) -> None:
        for node in self.nodes.values():
            with contextlib.suppress(Exception):
                node.down(timeout=60)

    def pids(self) -> list[int]:
        return [pid for node in self.nodes.values() if (pid := node._pid())]


def _pid_alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def scratch_dir(prefix: str) -> Path:
    """A directory the service users (postgres, monitor-es) can enter, unlike pytest's tmp under /tmp/pytest-of-root."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir="/var/tmp" if os.geteuid() == 0 else None))
    path.chmod(0o755)
    return path


def airflow(*args: str, env: Mapping[str, str], timeout: float = 600) -> str:
    done = subprocess.run([str(VENV_BIN / "airflow"), *args], env=dict(env), capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"airflow {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout
