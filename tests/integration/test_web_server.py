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


def test_serve_with_workers_answers_from_every_worker_and_stops_them_all(es_url, tmp_path):
    """`monitor serve --workers 2`: two worker processes on one socket, configured from the
    environment like the command; a worker killed is replaced; Ctrl-C stops every process."""
    import os

    import psutil

    def uvicorn_workers() -> list[psutil.Process]:  # not multiprocessing's resource tracker
        found = []
        for proc in psutil.Process(server.pid).children():
            try:
                if proc.status() != psutil.STATUS_ZOMBIE and "spawn_main" in " ".join(proc.cmdline()):
                    found.append(proc)
            except psutil.Error:  # ended (a killed worker not yet reaped) while we looked
                pass
        return found

    prefix = f"test-serve-{uuid.uuid4().hex[:8]}"
    port = free_port()
    env = {**os.environ, "MONITOR_ES_URL": es_url, "MONITOR_INDEX_PREFIX": prefix}
    with web_support.corpus_index(es_url, prefix):
        server = subprocess.Popen([sys.executable, "-m", "monitor.cli", "serve", "--port", str(port), "--workers", "2"],
                                  cwd=tmp_path, env=env)
        try:
            deadline = time.monotonic() + 90
            while True:
                workers = uvicorn_workers()
                try:
                    if len(workers) == 2:
                        answer = requests.get(f"http://127.0.0.1:{port}/api/search", params={"q": "asilo"}, timeout=30)
                        break
                except requests.ConnectionError:
                    pass
                assert server.poll() is None and time.monotonic() < deadline, "monitor serve --workers 2 did not start"
                time.sleep(0.2)
            assert answer.status_code == 200 and answer.json()["total"] >= 2
            # Many requests on fresh connections: both workers serve (each answers from the same index).
            totals = {requests.get(f"http://127.0.0.1:{port}/api/search", params={"q": "asilo"}, timeout=30,
                                   headers={"Connection": "close"}).json()["total"] for _ in range(20)}
            assert totals == {answer.json()["total"]}
            workers[0].kill()
            deadline = time.monotonic() + 60
            while {p.pid for p in uvicorn_workers()} - {w.pid for w in workers} == set():
                assert time.monotonic() < deadline, "the killed worker was not replaced"
                time.sleep(0.2)
        finally:
            everyone = [server.pid, *(p.pid for p in psutil.Process(server.pid).children(recursive=True))]
            server.send_signal(signal.SIGINT)
            assert server.wait(timeout=30) == 0
        time.sleep(1)
        def alive(pid: int) -> bool:
            try:
                return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
            except psutil.Error:
                return False

        assert [pid for pid in everyone if alive(pid)] == []
