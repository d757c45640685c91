"""Alerts against the real SMTP sink, the real Elasticsearch and the real web routes served by
uvicorn on loopback: double opt-in, one-click unsubscribe, digests, saved queries, Apprise,
escaping, stuck records, and header-injection refusal."""

from __future__ import annotations

import datetime as dt
import email
import json
import re
import subprocess
import sys
import threading
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import pytest
import requests

from monitor.alerts.delivery import deliver_pending, plan_alerts, requeue, stuck_alerts
from monitor.alerts.digest import send_digests
from monitor.alerts.flows import save_confirmed
from monitor.alerts.subscriptions import new_subscription
from monitor.dates import utcnow
from monitor.services.httpsite import fill_demo_site
from monitor.services.smtp import messages
from monitor.settings import Settings
from monitor.web import create_app
from tests.support import ServedApp, free_port

pytestmark = pytest.mark.integration
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def monitor(env, *args):
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def parsed(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture
def settings(es_url, prefix, smtp, tmp_path) -> Settings:
    return Settings(es_url=es_url, index_prefix=prefix, smtp_port=smtp.port, state_dir=tmp_path / "state",
                    allow_loopback=True, host_delay=0)


@pytest.fixture
def web(settings, monitor_env):
    """The whole web app (search, subscription pages, feeds) as `monitor serve` runs it."""
    port = free_port()
    live = settings.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})
    with ServedApp(create_app(live), port=port) as served:
        monitor_env["MONITOR_PUBLIC_URL"] = served.url
        yield served, live


def ingest(env, sources):
    return monitor(env, "ingest", "--sources", str(sources), "--json")


def demo_sources(site, tmp_path) -> Path:
    fill_demo_site(site.site, site.base_url)
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - {{id: demo, kind: feed, url: '{site.base_url}/feed.xml'}}\n")
    return path


def test_double_opt_in_round_trip_then_one_click_unsubscribe(web, monitor_env, mail_dir, site, tmp_path, repo):
    served, live = web
    requested = monitor(monitor_env, "subscribe", "Advocate@Example.org", "--receiving", "GT", "--language", "es")
    assert requested.returncode == 0, requested.stderr
    assert repo.subscriptions.all() == []  # nothing stored before confirmation
    [confirmation] = messages(mail_dir)
    link = re.search(r"(http://127\.0\.0\.1:\d+/confirm\?token=\S+)", text_of(parsed(confirmation))).group(1)
    confirmed = requests.get(link, timeout=10)
    assert confirmed.status_code == 200
    [stored] = repo.subscriptions.all()
    feed_url = re.search(r"(http://127\.0\.0\.1:\d+/feeds/subscription/[^\s\"<]+\.atom)", confirmed.text).group(1)
    assert stored["email"] == "advocate@example.org" and stored["confirmed"] and stored["receiving"] == ["GT"]
    assert requests.get(link + "x", timeout=10).status_code == 400  # tampered token

    assert json.loads(ingest(monitor_env, demo_sources(site, tmp_path)).stdout)["alerts_sent"] == 1
    alert = parsed(messages(mail_dir)[-1])
    feed = feedparser.parse(requests.get(feed_url, timeout=10).content)
    assert [e.title for e in feed.entries] == ["Nacionales de México pueden ser trasladados a Guatemala"]
    assert requests.get(feed_url.replace("subscription/", "subscription/x"), timeout=10).status_code == 404
    everything = feedparser.parse(requests.get(f"{served.url}/feeds/findings.atom", timeout=10).content)
    assert [e.title for e in everything.entries] == ["Mexican nationals made amenable to transfer to Guatemala"]
    assert alert["Subject"] == "Nacionales de México pueden ser trasladados a Guatemala"
    assert alert.get_all("X-Monitor-Finding") == ["made_amenable GT MX"]
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = alert["List-Unsubscribe"].strip("<>")
    assert requests.get(unsubscribe, timeout=10).status_code == 200 and repo.subscriptions.all()  # GET never unsubscribes
    response = requests.post(unsubscribe, data={"List-Unsubscribe": "One-Click"}, timeout=10)
    assert response.status_code == 200 and repo.subscriptions.all() == []


def test_unsubscribed_addresses_get_nothing_even_if_already_planned(settings, repo, site, tmp_path, mail_dir, monitor_env):
    save_confirmed(repo, new_subscription("gone@example.org"))
    env = {**monitor_env, "MONITOR_SMTP_PORT": str(free_port())}  # SMTP down: the alert stays pending
    assert json.loads(ingest(env, demo_sources(site, tmp_path)).stdout)["alerts_failed"] == 1
    assert monitor(monitor_env, "unsubscribe", "gone@example.org").returncode == 0
    report = deliver_pending(repo, settings)
    assert report.sent == 0 and report.cancelled == 1
    assert messages(mail_dir) == []


def test_digest_groups_the_day_and_is_sent_once(settings, repo, site, tmp_path, mail_dir, monitor_env):
    save_confirmed(repo, new_subscription("daily@example.org", digest=True))
    save_confirmed(repo, new_subscription("instant@example.org"))
    ingest(monitor_env, demo_sources(site, tmp_path))
    instant = [parsed(m) for m in messages(mail_dir)]
    assert [m["To"] for m in instant] == ["instant@example.org"]
    today = utcnow().date()
    assert send_digests(repo, settings, day=today) == 1
    assert send_digests(repo, settings, day=today) == 0
    digests = [parsed(m) for m in messages(mail_dir) if parsed(m)["To"] == "daily@example.org"]
    assert len(digests) == 1
    body = text_of(digests[0])
    assert "Mexican nationals made amenable to transfer to Guatemala" in body
    assert "Port authority approves cargo transfer agreement" not in body  # not relevant
    assert digests[0].get_all("X-Monitor-Finding") == ["made_amenable GT MX"]
    assert send_digests(repo, settings, day=today - dt.timedelta(days=30)) == 0  # nothing that day


def test_saved_query_is_checked_against_the_findings_documents(settings, repo, site, tmp_path, mail_dir, monitor_env):
    save_confirmed(repo, new_subscription("words@example.org", query='"Foreign Ministry" +Mexico'))
    save_confirmed(repo, new_subscription("other@example.org", query="Ecuador"))
    ingest(monitor_env, demo_sources(site, tmp_path))
    assert [parsed(m)["To"] for m in messages(mail_dir)] == ["words@example.org"]


def test_html_in_a_title_is_escaped_in_the_email_and_rendered_to_png(settings, repo, site, tmp_path, mail_dir, monitor_env):
    sources = demo_sources(site, tmp_path)
    page = site.site.get("/articles/mexicans-guatemala.html")[0].decode()
    site.site.put("/articles/mexicans-guatemala.html",
                  page.replace('content="U.S. to send', 'content="<script>alert(1)</script> U.S. to send'))
    save_confirmed(repo, new_subscription("advocate@example.org"))
    ingest(monitor_env, sources)
    [mail] = messages(mail_dir)
    html = html_of(parsed(mail))
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    chromium = Path("/usr/bin/chromium")
    if chromium.exists():
        ARTIFACTS.mkdir(exist_ok=True)
        page_file = tmp_path / "alert.html"
        page_file.write_text(html)
        shot = ARTIFACTS / "alert-email.png"
        subprocess.run([str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", f"--user-data-dir={tmp_path / 'chrome'}", "--window-size=800,900",
                        f"--screenshot={shot}", page_file.as_uri()], capture_output=True, timeout=120)
        assert shot.exists() and shot.stat().st_size > 1000


def test_apprise_webhook_channel_gets_the_alert(settings, repo, site, tmp_path, monitor_env):
    received: list[dict] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        save_confirmed(repo, new_subscription("hook@example.org",
                                              apprise_urls=[f"json://127.0.0.1:{server.server_address[1]}/hook"]))
        summary = json.loads(ingest(monitor_env, demo_sources(site, tmp_path)).stdout)
        assert summary["alerts_sent"] == 2  # the email and the webhook
        assert len(received) == 1 and "Guatemala" in received[0]["title"]
    finally:
        server.shutdown()


def test_a_record_stuck_in_sending_is_not_resent_until_an_operator_requeues_it(settings, repo, site, tmp_path, mail_dir,
                                                                                monitor_env):
    save_confirmed(repo, new_subscription("advocate@example.org"))
    env = {**monitor_env, "MONITOR_SMTP_PORT": str(free_port())}
    ingest(env, demo_sources(site, tmp_path))
    [alert] = repo.ledger.in_status("pending")
    # What a crash between the SMTP transaction and marking it sent leaves behind:
    repo.client.update(index=repo.names.alerts, id=alert["id"], refresh=True,
                       doc={"status": "sending", "updated": (utcnow() - dt.timedelta(hours=1)).isoformat()})
    assert deliver_pending(repo, settings).sent == 0 and messages(mail_dir) == []
    assert [a["id"] for a in stuck_alerts(repo)] == [alert["id"]]
    listed = monitor(monitor_env, "alerts", "--json")
    assert listed.returncode == 1 and json.loads(listed.stdout)["stuck"] == [alert["id"]]
    assert requeue(repo, alert["id"])
    assert deliver_pending(repo, settings).sent == 1 and len(messages(mail_dir)) == 1
    assert plan_alerts(repo) == 0 and deliver_pending(repo, settings).sent == 0


@pytest.mark.parametrize("address", ["a@example.org\r\nBcc: victim@example.org", "a@example.org,b@example.org",
                                     "Name <a@example.org>", "not-an-address"])
def test_injection_and_invalid_addresses_are_refused_by_cli_and_form(address, web, monitor_env, mail_dir):
    served, _ = web
    run = monitor(monitor_env, "subscribe", address)
    assert run.returncode == 2 and "not a valid email address" in run.stderr
    form = requests.post(f"{served.url}/subscribe", data={"email": address}, timeout=10)
    assert form.status_code == 422 and "not a valid email address" in form.text
    assert messages(mail_dir) == []


def test_subscriptions_lists_what_subscribe_saved(monitor_env):
    saved = monitor(monitor_env, "subscribe", "Advocate@Example.org", "--receiving", "gt", "--confirmed",
                    "--apprise", "json://127.0.0.1:9/hook")
    assert saved.returncode == 0, saved.stderr
    listed = monitor(monitor_env, "subscriptions", "--json")
    assert listed.returncode == 0, listed.stderr
    [sub] = json.loads(listed.stdout)
    assert (sub["email"], sub["receiving"], sub["confirmed"]) == ("advocate@example.org", ["GT"], True)
    assert "apprise_urls" not in sub  # channel URLs can hold credentials: not listed
