"""The local Elasticsearch launcher: it runs, reports itself, and is idempotent."""

import subprocess
import sys

import pytest
import requests

from monitor.services.es_distribution import REQUIRED_MODULES, choose_java_home, java_modules
from monitor.settings import Settings

pytestmark = pytest.mark.integration


def test_up_is_idempotent_and_status_reports_the_cluster(es_url, monkeypatch):
    if "MONITOR_ES_URL" in __import__("os").environ:
        pytest.skip("an external cluster is in use")
    env = {k: v for k, v in __import__("os").environ.items() if k != "MONITOR_ES_URL"}
    up = subprocess.run([sys.executable, "-m", "monitor.cli", "es", "up"], capture_output=True, text=True, env=env,
                        timeout=300)
    assert up.returncode == 0 and up.stdout.strip() == es_url
    status = subprocess.run([sys.executable, "-m", "monitor.cli", "es", "status"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert status.returncode == 0 and status.stdout.startswith("running") and es_url in status.stdout
    nodes = requests.get(f"{es_url}/_nodes/_local", timeout=5).json()["nodes"]
    assert [n["version"] for n in nodes.values()] == ["9.5.4"]
    plugins = requests.get(f"{es_url}/_cat/plugins?format=json", timeout=5).json()
    assert plugins == []  # the core-only integ-test distribution


def test_the_chosen_jdk_has_every_module_elasticsearch_needs():
    java_home = choose_java_home(Settings())
    assert set(REQUIRED_MODULES) <= java_modules(java_home)
