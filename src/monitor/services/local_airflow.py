"""Airflow on this machine, for `make run` and the tests: the environment `airflow standalone`
and `airflow dags test` run with (the same MONITOR_* settings the DAGs read), one-off
`airflow` commands, the `monitor_fetch` pool, and the few REST calls `make run` makes.

The web app is served by the Airflow API server under `WEB_MOUNT` (plugins/monitor_web.py),
so the links in the emails sent under `make run` point there (`web_public_url`) unless
MONITOR_PUBLIC_URL says otherwise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from monitor.airflow.config import FETCH_POOL_SLOTS
from monitor.errors import ServiceError
from monitor.settings import Settings

PASSWORDS_FILE = "simple_auth_manager_passwords.json.generated"
#: Where the Airflow API server mounts the web app (the plugin's `url_prefix`).
WEB_MOUNT = "/monitor"


def web_public_url(settings: Settings, *, port: int) -> str:
    """Base URL of the web app for the links in emails sent under `make run`.

    The Airflow API server on `port` serves the app at `/monitor`; the settings' default
    (`monitor serve`'s http://127.0.0.1:8000) would leave every link dead. A public URL the
    user set (MONITOR_PUBLIC_URL, or an explicit Settings value) is kept as given.
    """
    if "public_url" in settings.model_fields_set:
        return settings.public_url
    return f"http://127.0.0.1:{port}{WEB_MOUNT}"


def airflow_environment(
    settings: Settings, *, es_url: str, dags_folder: Path, plugins_folder: Path, port: int,
    sources: Path | None, allow_loopback: bool,
) -> dict[str, str]:
    """Environment for `airflow standalone` / `airflow dags test` on this machine."""
    airflow_home = settings.state_path / "airflow"
    venv_bin = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": venv_bin + os.pathsep + os.environ.get("PATH", ""),
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags_folder.resolve()),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(plugins_folder.resolve()),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
        "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{port}",
        "MONITOR_ES_URL": es_url,
        "MONITOR_STATE_DIR": str(settings.state_path),
        "MONITOR_SMTP_HOST": settings.smtp_host,
        "MONITOR_SMTP_PORT": str(settings.smtp_port),
        "MONITOR_INDEX_PREFIX": settings.index_prefix,
        "MONITOR_PUBLIC_URL": web_public_url(settings, port=port),
    }
    if sources:
        env["MONITOR_SOURCES"] = str(sources)
    if allow_loopback:
        env["MONITOR_ALLOW_LOOPBACK"] = "1"
    return env


def airflow_command(env: dict[str, str], *args: str, log: Path, timeout: float = 600) -> None:
    """Run one `airflow` command, appending its output to `log`; ServiceError when it fails."""
    airflow = str(Path(sys.executable).parent / "airflow")
    with open(log, "ab") as out:
        try:
            done = subprocess.run([airflow, *args], env=env, stdout=out, stderr=subprocess.STDOUT, timeout=timeout)
        except (OSError, subprocess.SubprocessError) as exc:
            raise ServiceError(f"`airflow {' '.join(args)}` could not run: {exc}") from exc
    if done.returncode != 0:
        raise ServiceError(f"`airflow {' '.join(args)}` failed (exit {done.returncode}); see {log}")


def ensure_pool(env: dict[str, str], *, log: Path | None = None) -> None:
    """Create (or resize) the `monitor_fetch` pool that limits concurrent source fetches."""
    from monitor.airflow.config import FETCH_POOL, FETCH_POOL_DESCRIPTION

    target = log or Path(env["AIRFLOW_HOME"]) / "setup.log"
    target.parent.mkdir(parents=True, exist_ok=True)
    airflow_command(env, "pools", "set", FETCH_POOL, str(FETCH_POOL_SLOTS), FETCH_POOL_DESCRIPTION, log=target)


class AirflowApi:
    """The few REST calls `make run` needs, as the standalone admin user."""

    def __init__(self, base_url: str, home: Path) -> None:
        self.base_url = base_url.rstrip("/")
        self.home = home
        self._token: str | None = None

    def healthy(self) -> bool:
        import requests

        try:
            response = requests.get(f"{self.base_url}/api/v2/monitor/health", timeout=3)
        except requests.RequestException:
            return False
        return response.ok

    def _auth(self) -> dict[str, str]:
        import requests

        if self._token is None:
            passwords = json.loads((self.home / PASSWORDS_FILE).read_text())
            user, password = next(iter(passwords.items()))
            response = requests.post(
                f"{self.base_url}/auth/token", json={"username": user, "password": password}, timeout=10
            )
            response.raise_for_status()
            self._token = response.json()["access_token"]
        return {"Authorization": f"Bearer {self._token}"}

    def dag(self, dag_id: str) -> dict[str, Any] | None:
        import requests

        try:
            response = requests.get(f"{self.base_url}/api/v2/dags/{dag_id}", headers=self._auth(), timeout=10)
        except (OSError, ValueError, StopIteration, requests.RequestException):
            return None
        return response.json() if response.ok else None

    def status(self, path: str) -> int:
        import requests

        try:
            return requests.get(f"{self.base_url}{path}", timeout=5, allow_redirects=False).status_code
        except requests.RequestException:
            return 0
