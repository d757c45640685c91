"""`make run`'s environment: the links in the emails it sends point where it serves the web app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from monitor.services.local_airflow import WEB_MOUNT, airflow_environment, web_public_url
from monitor.settings import Settings

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def no_public_url_in_env(monkeypatch):
    monkeypatch.delenv("MONITOR_PUBLIC_URL", raising=False)


def _environment(settings: Settings, port: int) -> dict[str, str]:
    return airflow_environment(settings, es_url="http://127.0.0.1:9200", dags_folder=REPO / "dags",
                               plugins_folder=REPO / "plugins", port=port, sources=None, allow_loopback=True)


def test_default_public_url_is_the_airflow_mount_on_the_api_port(tmp_path):
    settings = Settings(state_dir=tmp_path)
    assert settings.public_url == "http://127.0.0.1:8000"  # `monitor serve`'s, where make run serves nothing
    assert web_public_url(settings, port=8080) == "http://127.0.0.1:8080/monitor"
    assert web_public_url(settings, port=18080) == "http://127.0.0.1:18080/monitor"


def test_public_url_from_the_environment_is_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("MONITOR_PUBLIC_URL", "https://alerts.example.org/monitor")
    assert web_public_url(Settings(state_dir=tmp_path), port=8080) == "https://alerts.example.org/monitor"


def test_explicit_public_url_is_kept_even_when_it_equals_the_default(tmp_path):
    settings = Settings(state_dir=tmp_path, public_url="http://127.0.0.1:8000")
    assert web_public_url(settings, port=8080) == "http://127.0.0.1:8000"


def test_empty_public_url_in_the_environment_counts_as_unset(monkeypatch, tmp_path):
    monkeypatch.setenv("MONITOR_PUBLIC_URL", "")
    assert web_public_url(Settings(state_dir=tmp_path), port=8080) == "http://127.0.0.1:8080/monitor"


def test_airflow_environment_carries_the_public_url_of_its_own_api_port(tmp_path):
    env = _environment(Settings(state_dir=tmp_path), 18081)
    assert env["AIRFLOW__API__PORT"] == "18081"
    assert env["MONITOR_PUBLIC_URL"] == "http://127.0.0.1:18081/monitor"
    assert env["MONITOR_PUBLIC_URL"].startswith(env["AIRFLOW__API__BASE_URL"])


def test_airflow_environment_keeps_the_users_public_url(monkeypatch, tmp_path):
    monkeypatch.setenv("MONITOR_PUBLIC_URL", "https://alerts.example.org")
    assert _environment(Settings(state_dir=tmp_path), 8080)["MONITOR_PUBLIC_URL"] == "https://alerts.example.org"


def test_web_mount_is_the_plugins_url_prefix():
    """The plugin (read, not imported: importing it loads Airflow) mounts the app at WEB_MOUNT."""
    tree = ast.parse((REPO / "plugins" / "monitor_web.py").read_text())
    prefixes = [
        value.value
        for node in ast.walk(tree) if isinstance(node, ast.Dict)
        for key, value in zip(node.keys, node.values, strict=True)
        if isinstance(key, ast.Constant) and key.value == "url_prefix" and isinstance(value, ast.Constant)
    ]
    assert prefixes == [WEB_MOUNT]
