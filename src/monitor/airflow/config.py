"""Settings for code running under Airflow: Airflow Connections and Variables first, the
`MONITOR_*` environment (settings.py) as fallback.

| Airflow | fills | example (environment form) |
| --- | --- | --- |
| connection `monitor_es` | es_url; index_prefix from extra `index_prefix`; more nodes of the cluster from extra `hosts` | `AIRFLOW_CONN_MONITOR_ES=http://elasticsearch:9200` |
| connection `monitor_smtp` | smtp_host, smtp_port, smtp_user, smtp_password; smtp_from from extra `from_email`; smtp_security from extra `security` (`none`, `starttls`, `ssl`) or the SMTP provider's `disable_ssl` / `disable_tls` | `AIRFLOW_CONN_MONITOR_SMTP=smtp://user:pa%24%24@relay.example.org:587?security=starttls` |
| variable `monitor_<field>` | that Settings field | `AIRFLOW_VAR_MONITOR_INDEX_PREFIX=monitor` |

Precedence: connection, then variable, then `MONITOR_<FIELD>`, then the default. Connections
may be given as a URI or as JSON (`{"conn_type": "smtp", "host": ..., "extra": {...}}`), the
two forms Airflow defines; they and the variables are read through Airflow's own API
(`airflow.sdk.Connection.get` / `Variable.get`), so the environment, a secrets backend and the
metadata database (Admin → Connections / Variables) all work. They are read only when
`task_settings()` is called, inside a task — never at DAG-parse time, which would cost a
database round trip per parse. The one value needed at parse time, the ingest interval, comes
from the environment only (`ingest_interval_minutes()`).

The ES connection's scheme is the host's own (`elasticsearch://https://es:9243` or JSON
`"host": "https://es"`), else the connection type when it is `http`/`https`, else the
`schema` field when it is `http`/`https` (as the Elasticsearch provider reads it), else
`http`; the port defaults to 9200; login and password become the URL's credentials. For
SMTP, when extra has neither `security` nor the provider's flags, MONITOR_SMTP_SECURITY
applies (so a bare `smtp://mailpit:1025` is plain SMTP, unlike the provider's SSL default).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

from pydantic import ValidationError

from monitor.errors import ConfigError
from monitor.settings import Settings

logger = logging.getLogger(__name__)

ES_CONN_ID = "monitor_es"
#: Limits concurrent fetching across all runs (the mapped `ingest` tasks); created by
#: `make run`, the compose init service and the tests with `airflow pools set`.
FETCH_POOL = "monitor_fetch"
FETCH_POOL_SLOTS = 4
FETCH_POOL_DESCRIPTION = "Asylum Policy Monitor: sources fetched at the same time"
SMTP_CONN_ID = "monitor_smtp"
VARIABLE_PREFIX = "monitor_"
_SECURITY = ("none", "starttls", "ssl")
_TRUE = {"1", "true", "yes", "on"}

ConnectionLookup = Callable[[str], Any]  # conn_id -> airflow Connection or None
VariableLookup = Callable[[str], str | None]  # key -> value or None


def airflow_connection(conn_id: str) -> Any:
    """The Airflow connection `conn_id` through Airflow's API, or None when it is not defined."""
    from airflow.sdk import Connection
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        return Connection.get(conn_id)
    except AirflowNotFoundException:
        return None


def airflow_variable(key: str) -> str | None:
    """The Airflow variable `key` through Airflow's API, or None when it is not defined."""
    from airflow.sdk import Variable

    value = Variable.get(key, default=None)
    return None if value in (None, "") else str(value)


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in _TRUE if isinstance(value, str) else bool(value)


def es_values(conn: Any) -> dict[str, Any]:
    """Settings values from the `monitor_es` connection (es_url, maybe index_prefix)."""
    host = (conn.host or "").strip()
    if not host:
        raise ConfigError(f"Airflow connection {ES_CONN_ID}: no host")
    conn_type = (conn.conn_type or "").lower()
    schema = (conn.schema or "").lower()
    if "://" in host:
        parts = urlsplit(host)
        scheme, host = parts.scheme, parts.netloc
    elif conn_type in ("http", "https"):
        scheme = conn_type
    elif schema in ("http", "https"):
        scheme = schema
    else:
        scheme = "http"
    port = conn.port or (None if ":" in host else 9200)
    credentials = ""
    if conn.login:
        credentials = quote(conn.login, safe="")
        if conn.password:
            credentials += ":" + quote(conn.password, safe="")
        credentials += "@"
    urls = [f"{scheme}://{credentials}{host}{f':{port}' if port else ''}"]
    # More nodes of the same cluster: extra `hosts`, a list or a comma-separated string of URLs
    # (the connection's login and password apply to them too).
    more = conn.extra_dejson.get("hosts") or []
    for url in more.split(",") if isinstance(more, str) else more:
        if url := str(url).strip():
            parts = urlsplit(url if "://" in url else f"{scheme}://{url}")
            node = parts.netloc if parts.port else f"{parts.netloc}:9200"
            urls.append(f"{parts.scheme}://{credentials}{node}")
    values: dict[str, Any] = {"es_url": ",".join(urls)}
    if prefix := conn.extra_dejson.get("index_prefix"):
        values["index_prefix"] = prefix
    return values


def smtp_values(conn: Any) -> dict[str, Any]:
    """Settings values from the `monitor_smtp` connection."""
    extra = conn.extra_dejson
    values: dict[str, Any] = {}
    if conn.host:
        values["smtp_host"] = conn.host
    if conn.port:
        values["smtp_port"] = conn.port
    if conn.login:
        values["smtp_user"] = conn.login
    if conn.password:
        values["smtp_password"] = conn.password
    if extra.get("from_email"):
        values["smtp_from"] = extra["from_email"]
    if "security" in extra:
        security = str(extra["security"]).strip().lower()
        if security not in _SECURITY:
            raise ConfigError(
                f"Airflow connection {SMTP_CONN_ID}: extra 'security' is {extra['security']!r}; "
                f"expected one of {', '.join(_SECURITY)}"
            )
        values["smtp_security"] = security
    elif "disable_ssl" in extra or "disable_tls" in extra:
        # The SMTP provider's meaning: SSL unless disabled, else STARTTLS unless disabled.
        if not _flag(extra.get("disable_ssl", False)):
            values["smtp_security"] = "ssl"
        elif not _flag(extra.get("disable_tls", False)):
            values["smtp_security"] = "starttls"
        else:
            values["smtp_security"] = "none"
    return values


def variable_values(variable: VariableLookup) -> dict[str, str]:
    """Settings values from the variables `monitor_<field>` that are defined."""
    found: dict[str, str] = {}
    for field in Settings.model_fields:
        value = variable(VARIABLE_PREFIX + field)
        if value is not None:
            found[field] = value
    return found


def task_settings(
    *, connection: ConnectionLookup = airflow_connection, variable: VariableLookup = airflow_variable
) -> Settings:
    """Settings for one task: connections, then variables, then MONITOR_*, then defaults.

    Raises `ConfigError` naming the connection or variable when a value is invalid.
    """
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for field, value in variable_values(variable).items():
        values[field], origin[field] = value, f"Airflow variable {VARIABLE_PREFIX}{field}"
    for conn_id, extract in ((ES_CONN_ID, es_values), (SMTP_CONN_ID, smtp_values)):
        conn = connection(conn_id)
        if conn is None:
            continue
        for field, value in extract(conn).items():
            values[field], origin[field] = value, f"Airflow connection {conn_id}"
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{origin.get(str(err['loc'][0]), 'MONITOR_' + str(err['loc'][0]).upper())}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from exc
    if origin:
        logger.info("settings from Airflow: %s", ", ".join(sorted(set(origin.values()))))
    return settings


def ingest_interval_minutes() -> int:
    """The `monitor_ingest` schedule, read at DAG-parse time from the environment only.

    AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES (Airflow's environment form of the variable),
    else MONITOR_INGEST_INTERVAL_MINUTES, else 15. A variable stored in the metadata database
    is deliberately not consulted: reading it would cost a round trip on every parse.
    """
    raw = os.environ.get("AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES", "").strip()
    if not raw:
        minutes = Settings().ingest_interval_minutes
    elif raw.isdigit():
        minutes = int(raw)
    else:
        raise ConfigError(f"AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES is not a whole number: {raw!r}")
    if minutes < 1:
        raise ConfigError(f"the ingest interval must be at least 1 minute, not {minutes}")
    return minutes
