"""The local Elasticsearch launcher behind `monitor es up | down | status`.

It runs one single-node cluster of the official integ-test distribution on 127.0.0.1 with
security off, its config/data/logs under `<state>/es`; the distribution and the JDK come from
`es_distribution.py`. The same class runs one node of a local multi-node cluster (`Node`;
the topology test's three nodes): its own home and ports, discovery through the others'
transport ports instead of `single-node`. Elasticsearch refuses to run as root, so under root it runs as the
system user `monitor-es` (created when missing) through `setpriv`. Never used when
MONITOR_ES_URL is set.

Settings read: es_port, es_version, es_heap, es_java_home, state_dir, cache_dir.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from monitor.errors import ServiceError
from monitor.services.es_distribution import choose_java_home, fetch_distribution, file_lock
from monitor.settings import Settings

logger = logging.getLogger(__name__)

ES_USER = "monitor-es"


@dataclass(frozen=True)
class Status:
    running: bool
    url: str
    pid: int | None
    version: str
    home: Path
    java_home: str
    health: str


def _is_root() -> bool:
    return os.geteuid() == 0


@dataclass(frozen=True)
class Node:
    """One node of a local multi-node cluster: its name, home, HTTP port (transport: +100),
    and every master-eligible node of the cluster as (name, transport port)."""

    name: str
    home: Path
    port: int
    cluster: tuple[tuple[str, int], ...]

    @property
    def transport_port(self) -> int:
        return self.port + 100


class LocalElasticsearch:
    """One local single-node cluster per state directory, or one `Node` of a local cluster."""

    def __init__(self, settings: Settings, *, node: Node | None = None) -> None:
        self.settings = settings
        self.version = settings.es_version
        self.state = settings.state_path
        self.node = node
        self.home = node.home if node else self._choose_home()
        self.pidfile = self.home / "es.pid"
        self.infofile = self.home / "es.json"

    # -- locations ---------------------------------------------------------------------------
    def _choose_home(self) -> Path:
        home = self.state / "es"
        if not _is_root() or self._user_can_reach(self.state):
            return home
        # The state dir sits under a folder the unprivileged user cannot enter (e.g. /root).
        digest = hashlib.sha256(str(self.state).encode()).hexdigest()[:12]
        return Path("/var/lib/asylum-monitor") / f"es-{digest}"

    @staticmethod
    def _user_can_reach(path: Path) -> bool:
        for parent in [*reversed(path.parents), path]:
            if not parent.exists():
                break
            mode = parent.stat().st_mode
            if not mode & 0o001:
                return False
        return True

    @property
    def port(self) -> int:
        info = self._info()
        return int(info.get("port", self._configured_port))

    @property
    def _configured_port(self) -> int:
        return self.node.port if self.node else self.settings.es_port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _info(self) -> dict:
        try:
            return json.loads(self.infofile.read_text())
        except (OSError, ValueError):
            return {}

    def distribution(self) -> Path:
        """The unpacked distribution (fetched with Maven and unpacked once, cached)."""
        return fetch_distribution(self.version, self.settings.cache_dir.expanduser())

    # -- lifecycle -------------------------------------------------------------------------------
    def status(self) -> Status:
        pid = self._pid()
        health = self._health() if pid else "stopped"
        info = self._info()
        return Status(
            running=bool(pid) and health in ("green", "yellow"), url=self.url, pid=pid, version=self.version,
            home=self.home, java_home=info.get("java_home", ""), health=health,
        )

    def up(self, *, timeout: float = 180.0) -> Status:
        """Start the cluster unless it runs already; wait for health; idempotent."""
        with file_lock(self.home.parent / f".{self.home.name}.lock"):
            current = self.status()
            if current.running:
                return current
            if current.pid:
                self._stop_pid(current.pid)
            port = self._configured_port
            if _port_busy(port) or _port_busy(port + 100):
                raise ServiceError(
                    f"port {port} or {port + 100} on 127.0.0.1 is already in use by another process; "
                    "stop it, set MONITOR_ES_PORT to a free port, or point MONITOR_ES_URL at a running cluster"
                )
            dist = self.distribution()
            java_home = choose_java_home(self.settings)
            self._write_config(dist, port)
            self.infofile.write_text(json.dumps({"port": port, "java_home": str(java_home), "version": self.version}))
            self._start(dist, java_home)
            return self._wait(timeout)

    def down(self, *, timeout: float = 60.0) -> bool:
        """Stop the cluster; True when one was running."""
        pid = self._pid()
        if not pid:
            return False
        self._stop_pid(pid, timeout=timeout)
        return True

    def _write_config(self, dist: Path, port: int) -> None:
        config = self.home / "config"
        for sub in ("data", "logs", "tmp"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        shutil.rmtree(config, ignore_errors=True)
        shutil.copytree(dist / "config", config)
        if self.node:
            names = ", ".join(name for name, _ in self.node.cluster)
            seeds = ", ".join(f"127.0.0.1:{transport}" for _, transport in self.node.cluster)
            discovery = [f"cluster.initial_master_nodes: [{names}]", f"discovery.seed_hosts: [{seeds}]"]
        else:
            discovery = ["discovery.type: single-node"]
        (config / "elasticsearch.yml").write_text(
            "\n".join([
                f"cluster.name: asylum-monitor-{'cluster' if self.node else 'local'}",
                f"node.name: {self.node.name if self.node else 'local-1'}",
                "network.host: 127.0.0.1",
                f"http.port: {port}",
                f"transport.port: {port + 100}",
                *discovery,
                "xpack.security.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.auto_create_index: false",
                f"path.data: {self.home / 'data'}",
                f"path.logs: {self.home / 'logs'}",
                "",
            ])
        )
        heap = self.settings.es_heap
        (config / "jvm.options.d" / "heap.options").write_text(f"-Xms{heap}\n-Xmx{heap}\n")
        if _is_root():
            _ensure_user()
            user = pwd.getpwnam(ES_USER)
            for path in [self.home, *self.home.rglob("*")]:
                os.chown(path, user.pw_uid, user.pw_gid)

    def _start(self, dist: Path, java_home: Path) -> None:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("ES_", "JAVA_"))},
            "ES_JAVA_HOME": str(java_home),
            "ES_PATH_CONF": str(self.home / "config"),
            "ES_TMPDIR": str(self.home / "tmp"),
            "HOME": str(self.home),
        }
        command = [str(dist / "bin" / "elasticsearch"), "-d", "-p", str(self.pidfile)]
        if _is_root():
            command = ["setpriv", f"--reuid={ES_USER}", f"--regid={ES_USER}", "--init-groups", *command]
        log = self.home / "logs" / "launcher.log"
        with open(log, "ab") as out:
            done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=self.home, timeout=300)
        if done.returncode != 0:
            tail = log.read_text(errors="replace")[-3000:]
            raise ServiceError(f"Elasticsearch failed to start (exit {done.returncode}); see {log}:\n{tail}")

    def _wait(self, timeout: float) -> Status:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current = self.status()
            if current.running:
                return current
            if not self._pid() and time.monotonic() > deadline - timeout + 15:
                break
            time.sleep(0.5)
        raise ServiceError(f"Elasticsearch did not become healthy at {self.url}; logs in {self.home / 'logs'}")

    def _pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return pid
        cmdline = Path(f"/proc/{pid}/cmdline")
        if cmdline.exists() and b"elasticsearch" not in cmdline.read_bytes():
            return None  # a recycled pid
        return pid

    def _stop_pid(self, pid: int, *, timeout: float = 60.0) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(pid):
                break
            time.sleep(0.3)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            self.pidfile.unlink()

    def _health(self) -> str:
        try:
            response = requests.get(f"{self.url}/_cluster/health", timeout=2)
            return str(response.json().get("status", "unknown"))
        except (requests.RequestException, ValueError):
            return "unreachable"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        if stat.read_text().split(")")[-1].split()[0] == "Z":
            return False
    return True


def _port_busy(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _ensure_user() -> None:
    try:
        pwd.getpwnam(ES_USER)
        return
    except KeyError:
        pass
    done = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ES_USER],
        capture_output=True, text=True,
    )
    if done.returncode not in (0, 9):  # 9: created meanwhile by another process
        raise ServiceError(f"cannot create the user {ES_USER} to run Elasticsearch: {done.stderr.strip()}")
