"""Operators and advocates get one answer whichever door they use: on the same saved data,
`monitor sources`, the operator page and the daily operator email give each source the same
status, and `monitor timeline`, the JSON API and the timeline page date each event alike
(real Elasticsearch, SMTP sink and web server; the CLI as a subprocess)."""

from __future__ import annotations

import datetime as dt
import email
import json
import re
import subprocess
import sys
from email import policy

import pytest
import requests

from monitor.dates import utcnow
from monitor.maintenance import mail_report, operator_report
from monitor.models import SourceState
from monitor.settings import Settings
from monitor.sources import load_sources
from monitor.web import create_app
from tests.support import ServedApp, free_port

pytestmark = pytest.mark.integration

SOURCES = """sources:
  - {id: healthy, kind: feed, url: 'https://a.example/feed.xml', expected_period_hours: 48}
  - {id: broken, kind: feed, url: 'https://b.example/feed.xml'}
  - {id: wobbly, kind: feed, url: 'https://c.example/feed.xml'}
  - {id: quiet, kind: feed, url: 'https://d.example/feed.xml', expected_period_hours: 24}
  - {id: fresh, kind: feed, url: 'https://e.example/feed.xml'}
  - {id: retired, kind: feed, url: 'https://f.example/feed.xml', enabled: false}
"""


def cli(env, *args):
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def served(es_url, prefix, tmp_path, smtp):
    port = free_port()
    settings = Settings(es_url=es_url, index_prefix=prefix, state_dir=tmp_path / "state", smtp_port=smtp.port,
                        operator_token="op-token", operator_emails="ops@example.org",
                        public_url=f"http://127.0.0.1:{port}", sources=tmp_path / "sources.yaml")
    settings.sources.write_text(SOURCES)
    with ServedApp(create_app(settings), port=port) as app:
        yield app, settings


def test_cli_operator_page_and_operator_email_agree_on_every_source(served, repo, monitor_env, mail_dir):
    app, settings = served
    now = utcnow()
    hour = dt.timedelta(hours=1)
    repo.sources.save("healthy", SourceState(last_ok=now - hour, last_checked=now - hour, last_new_item=now - hour))
    repo.sources.save("broken", SourceState(failures=4, last_error="HTTP 404 from the feed", last_error_at=now,
                                            last_checked=now, last_ok=now - 30 * hour))
    # One failure is not yet "failing": the two engines this replaced disagreed exactly here.
    repo.sources.save("wobbly", SourceState(failures=1, last_error="timed out", last_error_at=now,
                                            last_checked=now, last_ok=now - hour, last_new_item=now - hour))
    repo.sources.save("quiet", SourceState(last_ok=now - hour, last_checked=now - hour,
                                           last_new_item=now - 72 * hour))

    listed = cli({**monitor_env, "MONITOR_SOURCES": str(settings.sources)}, "sources", "--json")
    assert listed.returncode == 1, listed.stderr  # some sources are flagged
    from_cli = {row["id"]: row["status"] for row in json.loads(listed.stdout)}

    page = requests.get(f"{app.url}/operator/sources", headers={"Authorization": "Bearer op-token"}, timeout=30)
    assert page.status_code == 200
    from_page = {row["id"]: row["status"] for row in page.json()}

    rows, _stuck, report = operator_report(repo, load_sources(settings.sources, enabled_only=False), now=utcnow())
    assert mail_report(report, settings, now=now) == 1
    [sent] = sorted(mail_dir.glob("*.eml"))
    text = email.message_from_bytes(sent.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
    from_email = {m.group(2): m.group(1).lower() for m in re.finditer(r"^([A-Z ]+?)\s{2,}(\w+)  failures=", text, re.M)}

    expected = {"healthy": "ok", "broken": "failing", "wobbly": "ok", "quiet": "silent", "fresh": "never run",
                "retired": "disabled"}
    assert from_cli == expected
    assert from_page == expected
    assert from_email == expected
    assert "3 of 6 sources need attention" in report.subject  # broken, quiet, fresh


def test_cli_api_and_page_date_every_event_alike(served, repo, monitor_env):
    app, _settings = served
    now = "2026-11-20T10:00:00+00:00"

    def record(action, population, sources, published=None):
        return {"action": action, "receiving": "GT", "population": population, "evidence": f"{action} evidence",
                "first_seen": now, "document_id": sources[0]["document_id"], "url": "https://x.example/a",
                "title": "t", "published": published, "alerts_planned": True, "sources": sources, "epoch": ""}

    def source(doc, published, background=False):
        return {"document_id": doc, "url": f"https://x.example/{doc}", "evidence": "e", "seen": now,
                "published": published, "background": background}

    # A recap in 2019 (background) and the news in 2020: the event dates from the news.
    repo.findings.create("made_amenable:GT:MX", record(
        "made_amenable", "MX", [source("recap", "2019-05-01T00:00:00+00:00", background=True),
                                source("news", "2020-01-06T23:15:00-05:00")], published="2019-05-01T00:00:00+00:00"))
    # No source has a publication date: the record's own, never when it was fetched.
    repo.findings.create("agreement_signed:GT:-", record(
        "agreement_signed", None, [source("sign", None)], published="2019-07-26T20:00:00+00:00"))

    run = cli(monitor_env, "timeline", "--receiving", "GT", "--json")
    assert run.returncode == 0, run.stderr
    from_cli = {(e["action"], e["population"]): e["date"] for e in json.loads(run.stdout)}
    api = requests.get(f"{app.url}/api/timeline", params={"receiving": "GT"}, timeout=30).json()
    from_api = {(e["action"], e["population"]): e["date"] for e in api["agreements"][0]["entries"]}
    page = requests.get(f"{app.url}/timeline", params={"receiving": "GT"}, timeout=30).text
    from_page = re.findall(r'<time datetime="([0-9-]+)">', page)

    expected = {("made_amenable", "MX"): "2020-01-06", ("agreement_signed", None): "2019-07-26"}
    assert from_cli == expected
    assert from_api == expected
    assert from_page == ["2019-07-26", "2020-01-06"]
