"""The Airflow plugin: importing it does no work, and Airflow's own plugin loader mounts the
web app at /monitor, where the search page and API work against the real Elasticsearch."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.integration import web_support
from tests.support import free_port

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]

_SERVE = """
import sys, uvicorn
from fastapi import FastAPI
from airflow.api_fastapi.app import init_plugins
app = FastAPI()
init_plugins(app)  # what the Airflow API server does with plugins' fastapi_apps
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def test_importing_the_plugin_builds_the_app_without_reading_settings_or_connecting():
    spec = importlib.util.spec_from_file_location("monitor_web_plugin", REPO / "plugins" / "monitor_web.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    [entry] = module.AsylumPolicyMonitorWebPlugin.fastapi_apps
    assert entry["url_prefix"] == "/monitor" and entry["name"] == "Asylum Policy Monitor"
    context = entry["app"].state.monitor
    assert context.idle  # no settings read, no client, no routers added


def test_airflow_mounts_the_app_under_monitor(es_url, tmp_path):
    prefix = f"test-plugin-{uuid.uuid4().hex[:8]}"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONITOR_", "AIRFLOW"))}
    env.update(
        MONITOR_ES_URL=es_url, MONITOR_INDEX_PREFIX=prefix, MONITOR_STATE_DIR=str(tmp_path / "state"),
        AIRFLOW_HOME=str(tmp_path / "airflow"), AIRFLOW__CORE__PLUGINS_FOLDER=str(REPO / "plugins"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False", AIRFLOW__CORE__DAGS_FOLDER=str(REPO / "dags"),
    )
    with web_support.corpus_index(es_url, prefix):
        server = subprocess.Popen([sys.executable, "-c", _SERVE, str(port)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            base = f"http://127.0.0.1:{port}/monitor"
            deadline = time.monotonic() + 120
            while True:
                try:
                    result = requests.get(f"{base}/api/search", params={"q": "Guatemala", "lang": "es"}, timeout=30)
                    break
                except requests.ConnectionError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        server.kill()
                        pytest.fail(f"Airflow plugin server did not start:\n{server.stdout.read()[-4000:]}")
                    time.sleep(0.5)
            if result.status_code != 200:
                server.terminate()
                pytest.fail(f"{result.status_code} {result.text}\n{server.communicate(timeout=30)[0][-6000:]}")
            assert [h["id"] for h in result.json()["hits"]] == ["prensa-mexicanos"]
            page = requests.get(f"{base}/", params={"q": "Guatemala"}, timeout=30)
            assert page.status_code == 200
            # Links and the stylesheet carry the mount prefix, so the page works under /monitor.
            assert 'href="/monitor/static/app.css"' in page.text
            assert 'action="/monitor/"' in page.text and 'href="/monitor/documents/' in page.text
            assert requests.get(f"{base}/static/app.css", timeout=10).status_code == 200
            assert "/api/search" in requests.get(f"{base}/api/openapi.json", timeout=10).json()["paths"]
            # The routers added on the first request (subscription pages) are mounted too.
            assert requests.get(f"{base}/subscribe", timeout=30).status_code == 200
            assert 'href="/monitor/subscribe">Get alerts</a>' in page.text
        finally:
            server.terminate()
            server.wait(timeout=30)

