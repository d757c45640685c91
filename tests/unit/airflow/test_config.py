"""Settings from Airflow connections and variables (URI and JSON forms), MONITOR_* as fallback.

The connections are parsed by Airflow's own Connection class, and `task_settings()` is
exercised through Airflow's real lookup (environment variables), as a task would see them.
"""

from __future__ import annotations

import json
import os

import pytest
from airflow.sdk import Connection

from monitor.airflow.config import es_values, ingest_interval_minutes, smtp_values, task_settings
from monitor.errors import ConfigError


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith(("MONITOR_", "AIRFLOW_CONN_MONITOR_", "AIRFLOW_VAR_MONITOR_")):
            monkeypatch.delenv(name)


def uri(value: str, conn_id: str = "monitor_es") -> Connection:
    return Connection.from_uri(value, conn_id=conn_id)


def from_json(value: dict, conn_id: str = "monitor_es") -> Connection:
    return Connection.from_json(json.dumps(value), conn_id=conn_id)


@pytest.mark.parametrize(
    ("conn", "expected"),
    [
        (uri("http://elasticsearch:9200"), "http://elasticsearch:9200"),
        (uri("https://es.example.org:9243"), "https://es.example.org:9243"),
        (uri("http://es"), "http://es:9200"),
        (uri("elasticsearch://https://es.example.org:9243"), "https://es.example.org:9243"),
        (uri("elasticsearch://elastic:p%40ss%3Aw0rd@es.example.org:9200/https"),
         "https://elastic:p%40ss%3Aw0rd@es.example.org:9200"),
        (from_json({"conn_type": "elasticsearch", "host": "es", "port": 9201, "schema": "https"}), "https://es:9201"),
        (from_json({"conn_type": "generic", "host": "https://es.example.org"}), "https://es.example.org:9200"),
        (from_json({"conn_type": "http", "host": "es", "login": "u", "password": "p w"}), "http://u:p%20w@es:9200"),
    ],
)
def test_es_connection_forms_become_one_url(conn, expected):
    assert es_values(conn)["es_url"] == expected


def test_es_connection_extra_may_name_the_index_prefix_and_must_have_a_host():
    conn = from_json({"conn_type": "http", "host": "es", "extra": {"index_prefix": "staging"}})
    assert es_values(conn) == {"es_url": "http://es:9200", "index_prefix": "staging"}
    with pytest.raises(ConfigError, match="monitor_es: no host"):
        es_values(from_json({"conn_type": "http"}))


def test_es_connection_extra_hosts_name_more_nodes_of_the_cluster():
    conn = from_json({"conn_type": "http", "host": "es1", "login": "u", "password": "p",
                      "extra": {"hosts": "http://es2:9201, es3"}})
    assert es_values(conn)["es_url"] == "http://u:p@es1:9200,http://u:p@es2:9201,http://u:p@es3:9200"
    listed = uri("http://es1:9200?hosts=http%3A%2F%2Fes2%3A9200%2Chttp%3A%2F%2Fes3%3A9200")
    assert es_values(listed)["es_url"] == "http://es1:9200,http://es2:9200,http://es3:9200"
    as_list = from_json({"conn_type": "https", "host": "es1", "extra": {"hosts": ["es2:9243"]}})
    assert es_values(as_list)["es_url"] == "https://es1:9200,https://es2:9243"


def test_smtp_connection_uri_with_credentials_security_and_sender():
    conn = uri("smtp://alerts%40org:s3cr%2Ft@relay.example.org:587?security=starttls&from_email=alerts%40org",
               conn_id="monitor_smtp")
    assert smtp_values(conn) == {
        "smtp_host": "relay.example.org", "smtp_port": 587, "smtp_user": "alerts@org", "smtp_password": "s3cr/t",
        "smtp_from": "alerts@org", "smtp_security": "starttls",
    }


@pytest.mark.parametrize(
    ("extra", "security"),
    [
        ({"disable_ssl": False}, "ssl"),  # the SMTP provider's default: SSL
        ({"disable_ssl": True}, "starttls"),
        ({"disable_ssl": "true", "disable_tls": "true"}, "none"),  # URI query values are strings
        ({"disable_ssl": "false", "disable_tls": "true"}, "ssl"),
        ({}, None),  # neither: MONITOR_SMTP_SECURITY decides
    ],
)
def test_smtp_security_follows_the_smtp_providers_flags(extra, security):
    conn = from_json({"conn_type": "smtp", "host": "mail", "extra": extra}, conn_id="monitor_smtp")
    assert smtp_values(conn).get("smtp_security") == security


def test_smtp_security_must_be_known():
    conn = from_json({"conn_type": "smtp", "host": "mail", "extra": {"security": "tls1.3"}}, conn_id="monitor_smtp")
    with pytest.raises(ConfigError, match="monitor_smtp: extra 'security'"):
        smtp_values(conn)


def test_without_airflow_settings_the_monitor_environment_applies(monkeypatch):
    monkeypatch.setenv("MONITOR_ES_URL", "http://fallback:9200")
    monkeypatch.setenv("MONITOR_SMTP_PORT", "2525")
    settings = task_settings()
    assert (settings.es_url, settings.smtp_port, settings.index_prefix) == ("http://fallback:9200", 2525, "monitor")


def test_connections_beat_variables_beat_the_monitor_environment(monkeypatch):
    monkeypatch.setenv("MONITOR_ES_URL", "http://fallback:9200")
    monkeypatch.setenv("MONITOR_INDEX_PREFIX", "from-monitor-env")
    monkeypatch.setenv("MONITOR_SMTP_HOST", "fallback-mail")
    monkeypatch.setenv("MONITOR_HOST_DELAY", "3")
    monkeypatch.setenv("AIRFLOW_VAR_MONITOR_ES_URL", "http://from-variable:9200")
    monkeypatch.setenv("AIRFLOW_VAR_MONITOR_INDEX_PREFIX", "from-variable")
    monkeypatch.setenv("AIRFLOW_VAR_MONITOR_OPERATOR_EMAILS", "ops@example.org, oncall@example.org")
    monkeypatch.setenv("AIRFLOW_CONN_MONITOR_ES", "https://es.example.org:9243")
    monkeypatch.setenv(
        "AIRFLOW_CONN_MONITOR_SMTP",
        json.dumps({"conn_type": "smtp", "host": "relay", "port": 465, "login": "u", "password": "pw",
                    "extra": {"disable_ssl": False}}),
    )
    settings = task_settings()
    assert settings.es_url == "https://es.example.org:9243"  # connection over variable and MONITOR_
    assert settings.index_prefix == "from-variable"  # variable over MONITOR_
    assert settings.host_delay == 3.0  # MONITOR_ when Airflow has nothing
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_security) == ("relay", 465, "ssl")
    assert settings.smtp_user == "u" and settings.smtp_password.get_secret_value() == "pw"
    assert settings.operators == ["ops@example.org", "oncall@example.org"]


def test_an_empty_connection_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_MONITOR_ES", "")
    monkeypatch.setenv("MONITOR_ES_URL", "http://fallback:9200")
    assert task_settings().es_url == "http://fallback:9200"


def test_invalid_values_name_where_they_came_from(monkeypatch):
    monkeypatch.setenv("AIRFLOW_VAR_MONITOR_INDEX_PREFIX", "Not Valid!")
    with pytest.raises(ConfigError, match="Airflow variable monitor_index_prefix"):
        task_settings()
    monkeypatch.delenv("AIRFLOW_VAR_MONITOR_INDEX_PREFIX")
    monkeypatch.setenv("MONITOR_SMTP_PORT", "many")
    with pytest.raises(ConfigError, match="MONITOR_SMTP_PORT"):
        task_settings()


def test_lookups_can_be_injected():
    conns = {"monitor_es": from_json({"conn_type": "http", "host": "es"})}
    settings = task_settings(connection=conns.get, variable={"monitor_max_bytes": "1000"}.get)
    assert (settings.es_url, settings.max_bytes) == ("http://es:9200", 1000)


def test_ingest_interval_at_parse_time_comes_from_the_environment_only(monkeypatch):
    assert ingest_interval_minutes() == 15
    monkeypatch.setenv("MONITOR_INGEST_INTERVAL_MINUTES", "30")
    assert ingest_interval_minutes() == 30
    monkeypatch.setenv("AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES", "5")
    assert ingest_interval_minutes() == 5
    monkeypatch.setenv("AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES", "5m")
    with pytest.raises(ConfigError, match="not a whole number"):
        ingest_interval_minutes()
    monkeypatch.setenv("AIRFLOW_VAR_MONITOR_INGEST_INTERVAL_MINUTES", "0")
    with pytest.raises(ConfigError, match="at least 1 minute"):
        ingest_interval_minutes()
