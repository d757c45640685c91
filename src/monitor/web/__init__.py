"""The web app: search page and JSON API (`create_app`), served by `monitor serve`
(`web.server.serve`) or mounted in the Airflow API server by `plugins/monitor_web.py`."""

from monitor.web.app import create_app

__all__ = ["create_app"]
