"""Every link of the alert email that `make run` sends answers.

Under `make run` the web app is not `monitor serve` on :8000 but a plugin mounted by the Airflow
API server at `/monitor`, and the tasks that send the email get their settings from the
environment `monitor.services.local_airflow.airflow_environment` builds. This test builds that same
environment (only the ports and the state folder are the test's own), serves the app the way
the API server does (Airflow's `init_plugins` on a FastAPI app, with the project's plugins
folder), sends the founding example's alert through the real ingest and delivery code to the
real SMTP sink, then GETs every URL of the email — the text part, the HTML part and the
`List-Unsubscribe` header, links to the source article included — and expects 200 from each.
The unsubscribe link shows a button on GET and unsubscribes nobody; the RFC 8058 POST does.
"""

from __future__ import annotations

import email
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests

from monitor.services.httpsite import fill_demo_site
from monitor.services.local_airflow import airflow_environment
from monitor.services.smtp import messages
from monitor.settings import Settings
from tests.support import free_port

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SUBSCRIBER = "advocate@example.org"
URL = re.compile(r"https?://[^\s<>\"')]+")

# What the Airflow API server does with the plugins' `fastapi_apps` (as in test_web_plugin.py).
_SERVE = """
import sys, uvicorn
from fastapi import FastAPI
from airflow.api_fastapi.app import init_plugins
app = FastAPI()
init_plugins(app)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


class _Links(HTMLParser):
    """Every URL of an HTML document: link attributes, and URLs written out in the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("href", "src", "action") and value]

    def handle_data(self, data: str) -> None:
        self.urls += URL.findall(data)


def html_urls(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.urls


def header_urls(value: str) -> list[str]:
    """The http(s) URLs of a `List-Unsubscribe` header (`<https://…>, <mailto:…>`)."""
    return [u for u in re.findall(r"<([^>]+)>", value) if u.startswith(("http://", "https://"))]


def monitor(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def run_env(es_url, prefix, smtp, monkeypatch, tmp_path) -> dict[str, str]:
    """`make run`'s environment for Airflow and its tasks, pointed at the test's services."""
    for name in [n for n in os.environ if n.startswith("MONITOR_")]:
        monkeypatch.delenv(name)  # a developer's own MONITOR_PUBLIC_URL must not decide the test
    settings = Settings(state_dir=tmp_path / "state", index_prefix=prefix, smtp_port=smtp.port)
    # Created once up front: the API server and the sending process share this key file.
    settings.signing_key()
    env = airflow_environment(
        settings, es_url=es_url, dags_folder=REPO / "dags", plugins_folder=REPO / "plugins", port=free_port(),
        sources=tmp_path / "sources.yaml", allow_loopback=True,
    )
    env["MONITOR_HOST_DELAY"] = "0"
    return env


@pytest.fixture
def api_server(run_env) -> Iterator[Path]:
    """The web app as the Airflow API server mounts it, on the environment's API port; yields
    the server's log file."""
    log_path = Path(run_env["MONITOR_STATE_DIR"]) / "api-server.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen([sys.executable, "-c", _SERVE, run_env["AIRFLOW__API__PORT"]], env=run_env,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            yield log_path
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def wait_until_serving(url: str, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if requests.get(url, timeout=30).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"the Airflow plugin server did not serve {url} in {timeout:.0f} s; its log:\n"
                        f"{log.read_text(errors='replace')[-4000:]}")
        time.sleep(0.5)


def test_every_link_of_the_make_run_alert_email_answers_200(run_env, api_server, site, mail_dir, repo):
    served = f"http://127.0.0.1:{run_env['AIRFLOW__API__PORT']}/monitor"  # the plugin on the API server
    mount = run_env["MONITOR_PUBLIC_URL"]
    assert mount == served, "make run's email links must point where the API server serves the app"

    fill_demo_site(site.site, site.base_url)
    Path(run_env["MONITOR_SOURCES"]).write_text(
        f"sources:\n  - {{id: demo-news, kind: feed, url: '{site.base_url}/feed.xml', language: en}}\n"
    )
    subscribed = monitor(run_env, "subscribe", SUBSCRIBER, "--confirmed")
    assert subscribed.returncode == 0, subscribed.stderr
    ingested = monitor(run_env, "ingest", "--json")
    assert ingested.returncode == 0, ingested.stdout + ingested.stderr
    summary = json.loads(ingested.stdout)
    assert summary["new_findings"] == ["made_amenable:GT:MX"] and summary["alerts_sent"] == 1, summary

    [mail] = messages(mail_dir)
    message = email.message_from_bytes(mail.read_bytes(), policy=policy.default)
    assert message.get_all("X-Monitor-Finding") == ["made_amenable GT MX"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    [unsubscribe] = header_urls(message["List-Unsubscribe"])

    links = {
        "text": URL.findall(text),
        "html": html_urls(html),
        "List-Unsubscribe": [unsubscribe],
    }
    urls = sorted({u for found in links.values() for u in found})
    # Both parts carry the links the README promises: the source, the timeline, the unsubscribe.
    article = f"{site.base_url}/articles/mexicans-guatemala.html"
    timeline_url = f"{mount}/timeline?receiving=GT"
    for part in ("text", "html"):
        assert {article, timeline_url, unsubscribe} <= set(links[part]), (part, links)

    wait_until_serving(f"{served}/", api_server)
    answers, broken = {}, {}
    for url in urls:
        try:
            answers[url] = answer = requests.get(url, timeout=30, allow_redirects=False)
        except requests.RequestException as exc:
            broken[url] = f"no answer: {exc}"
            continue
        if answer.status_code != 200:
            broken[url] = f"{answer.status_code} {answer.headers.get('location') or answer.text[:200]}"
    assert not broken, f"links of the make run email that do not answer 200: {json.dumps(broken, indent=1)}"
    strays = [u for u in urls if not u.startswith((f"{mount}/", f"{site.base_url}/"))]
    assert not strays, f"links outside the Airflow mount and the source site: {strays}"
    assert unsubscribe.startswith(f"{mount}/unsubscribe?token="), unsubscribe

    timeline = answers[timeline_url].text
    assert "Guatemala" in timeline, timeline[:2000]

    # GET shows the one-click button (posting back under the mount) and unsubscribes nobody.
    page = answers[unsubscribe].text
    assert '<button type="submit">Unsubscribe</button>' in page, page
    assert 'action="/monitor/unsubscribe?token=' in page, page
    [stored] = repo.subscriptions.all()
    assert stored["email"] == SUBSCRIBER and stored["confirmed"], stored

    # The mail client's RFC 8058 POST to the header's URL does unsubscribe.
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    posted = requests.post(unsubscribe, data={"List-Unsubscribe": "One-Click"}, timeout=30, allow_redirects=False)
    assert posted.status_code == 200 and "You will receive no more alerts." in posted.text, posted.text[:2000]
    assert repo.subscriptions.all() == []
