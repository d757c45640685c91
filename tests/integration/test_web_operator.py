"""Operator pages: refused without credentials, both under `monitor serve` (bearer token) and
behind Airflow's own login dependency; served with them."""

from __future__ import annotations

import pytest
import requests
from fastapi import FastAPI

from monitor.alerts.flows import save_confirmed
from monitor.alerts.subscriptions import new_subscription
from monitor.settings import Settings
from monitor.web import create_app
from monitor.web.app import AIRFLOW_ROUTERS
from tests.support import ServedApp

pytestmark = pytest.mark.integration


def settings_for(es_url, prefix, tmp_path, token=None) -> Settings:
    return Settings(es_url=es_url, index_prefix=prefix, state_dir=tmp_path / "state", operator_token=token)


def test_operator_pages_need_the_token_under_monitor_serve(es_url, prefix, repo, tmp_path):
    save_confirmed(repo, new_subscription("a@example.org"))
    with ServedApp(create_app(settings_for(es_url, prefix, tmp_path, token="s3cret"))) as served:
        assert requests.get(f"{served.url}/", timeout=10).status_code == 200  # search stays public
        assert requests.get(f"{served.url}/operator/alerts", timeout=10).status_code == 401
        wrong = requests.get(f"{served.url}/operator/alerts", headers={"Authorization": "Bearer nope"}, timeout=10)
        assert wrong.status_code == 401
        good = requests.get(f"{served.url}/operator/alerts", headers={"Authorization": "Bearer s3cret"}, timeout=10)
        assert good.status_code == 200 and good.json()["counts"]["pending"] == 0
        sources = requests.get(f"{served.url}/operator/sources", headers={"Authorization": "Bearer s3cret"},
                               timeout=30)
        assert sources.status_code == 200 and {s["id"] for s in sources.json()} >= {"dhs-news"}


def test_operator_pages_are_off_without_a_token(es_url, prefix, tmp_path):
    with ServedApp(create_app(settings_for(es_url, prefix, tmp_path))) as served:
        refused = requests.get(f"{served.url}/operator/alerts", headers={"Authorization": "Bearer x"}, timeout=10)
        assert refused.status_code == 403 and "MONITOR_OPERATOR_TOKEN" in refused.text


@pytest.fixture(scope="module")
def airflow_db():
    """The metadata DB of this session's AIRFLOW_HOME (token revocation lives there)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    airflow = str(Path(sys.executable).parent / "airflow")
    done = subprocess.run([airflow, "db", "migrate"], env=dict(os.environ), capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def test_behind_airflow_the_operator_pages_require_an_airflow_login(es_url, prefix, repo, tmp_path, airflow_db):
    from airflow.api_fastapi.app import init_auth_manager
    from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser

    app = FastAPI()
    manager = init_auth_manager(app)  # what the Airflow API server does before mounting plugins
    app.mount("/monitor", create_app(settings_for(es_url, prefix, tmp_path), routers=AIRFLOW_ROUTERS))
    with ServedApp(app) as served:
        response = requests.get(f"{served.url}/monitor/operator/alerts", timeout=10)
        assert response.status_code in (401, 403), response.text
        forged = requests.get(f"{served.url}/monitor/operator/alerts",
                              headers={"Authorization": "Bearer forged.jwt.token"}, timeout=10)
        assert forged.status_code in (401, 403), forged.text
        token = manager.generate_jwt(SimpleAuthManagerUser(username="operator", role="viewer"))
        allowed = requests.get(f"{served.url}/monitor/operator/alerts", headers={"Authorization": f"Bearer {token}"},
                               timeout=10)
        assert allowed.status_code == 200, allowed.text
