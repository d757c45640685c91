"""Registers the monitor's web app (search page + JSON API) with the Airflow API server.

Airflow mounts `fastapi_apps` entries under their `url_prefix`, so the search page is at
`/monitor/` and the API at `/monitor/api/...`, and `external_views` puts a link to it in the
Airflow navigation. Public: search, API, Atom feeds, subscription pages. Airflow login
required: `/monitor/operator/...` (source health, delivery ledger) — see monitor.web.operator.
Building the app here reads no settings and opens no connection: it configures itself on its
first request (`monitor.web.app`).
"""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin

from monitor.web import create_app
from monitor.web.app import AIRFLOW_ROUTERS


class AsylumPolicyMonitorWebPlugin(AirflowPlugin):
    """The web app, mounted at /monitor, and its link in the navigation; nothing else."""

    name = "asylum_policy_monitor_web"
    fastapi_apps = [
        {"app": create_app(routers=AIRFLOW_ROUTERS), "url_prefix": "/monitor", "name": "Asylum Policy Monitor"}
    ]
    external_views = [
        {"name": "Asylum Policy Monitor", "href": "/monitor/", "destination": "nav", "url_route": "asylum-policy-monitor"}
    ]
