"""`monitor serve`'s engine: `web.server.serve` runs the app on uvicorn until Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import uuid

import pytest
import requests

from tests.integration import web_support
from tests.support import free_port

pytestmark = pytest.mark.integration


def test_serve_runs_the_app_on_uvicorn(es_url, tmp_path):
    prefix = f"test-serve-{uuid.uuid4().hex[:8]}"
    port = free_port()
    script = ("import sys; from monitor.settings import Settings; from monitor.web.server import serve; "
              "sys.exit(serve(Settings(es_url=sys.argv[1], index_prefix=sys.argv[2]), host='127.0.0.1', "
              "port=int(sys.argv[3]), log_level='warning'))")
    with web_support.corpus_index(es_url, prefix):
        server = subprocess.Popen([sys.executable, "-c", script, es_url, prefix, str(port)], cwd=tmp_path)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    answer = requests.get(f"http://127.0.0.1:{port}/api/search", params={"q": "asilo"}, timeout=30)
                    break
                except requests.ConnectionError:
                    assert server.poll() is None and time.monotonic() < deadline, "monitor serve did not start"
                    time.sleep(0.2)
            assert answer.status_code == 200 and answer.json()["total"] >= 2
        finally:
            server.send_signal(signal.SIGINT)
            assert server.wait(timeout=30) == 0  # Ctrl-C ends it cleanly
