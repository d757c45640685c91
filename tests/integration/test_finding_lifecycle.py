"""A finding's life end to end, on the real Elasticsearch, the SMTP sink and loopback sources,
through the real `monitor` command: reported → confirmed (one threaded follow-up; subscribers
who wait for confirmation get their first alert then), held → approved / rejected /
auto-released, and a crash between a transition and its emails (nothing lost, nothing twice)."""

from __future__ import annotations

import datetime as dt
import email
import json
import subprocess
import sys
from email import policy
from email.utils import format_datetime
from pathlib import Path

import feedparser
import pytest
import requests
from icalendar import Calendar

from monitor.alerts.delivery import deliver_pending, plan_alerts
from monitor.alerts.flows import save_confirmed
from monitor.alerts.subscriptions import feed_link, new_subscription
from monitor.dates import utcnow
from monitor.ingest.run import poll_sources
from monitor.knowledge import reconcile
from monitor.review import ReviewPolicy
from monitor.services.smtp import messages
from monitor.settings import Settings
from monitor.sources import load_sources
from monitor.web import create_app
from tests.support import ServedApp

pytestmark = pytest.mark.integration

FINDING = "made_amenable:GT:MX"

NEWS = ("Guatemala to take Mexican asylum seekers from the United States",
        "GUATEMALA CITY, January 6, 2020 — Mexican asylum seekers who reach the United States can now be "
        "transferred to Guatemala under the Asylum Cooperative Agreement, according to a document seen by this "
        "newspaper. Rights groups were studying the text on Monday.")
NEWS_COPY = (NEWS[0], NEWS[1] + " Reporting by the wire desk.")
OTHER_STORY = ("Mexicans face transfer to Guatemala",
               "MEXICO CITY, January 7, 2020 — Mexicans who request asylum in the United States may be sent to "
               "Guatemala under the Asylum Cooperative Agreement, two people familiar with the plan told this "
               "outlet. Shelters near the border were told to expect questions from families.")
QUOTED = ("Mexicans can be sent to Guatemala, US confirms",
          "WASHINGTON, January 7, 2020 — The Department of Homeland Security said on Tuesday that Mexican nationals "
          "who ask for asylum at the US border may be transferred to Guatemala under the Asylum Cooperative "
          "Agreement. Advocates criticised the decision.")
CORRECTED = (NEWS[0],
             "GUATEMALA CITY, January 6, 2020 — Rights groups were studying the text of the agreement on Monday. "
             "Correction: An earlier version of this article incorrectly said that Mexican asylum seekers could be "
             "transferred to Guatemala under the Asylum Cooperative Agreement.")
DENIAL = ("DHS denies plan to send Mexicans to Guatemala",
          "WASHINGTON, January 10, 2020 — \"Mexican nationals are not covered by the Asylum Cooperative Agreement "
          "with Guatemala,\" a Department spokesperson said on Friday.")
EFFECTIVE = ("Hondurans can be sent to Guatemala from June 1",
             "WASHINGTON, May 20, 2026 — Honduran asylum seekers can be transferred to Guatemala from June 1, 2026 "
             "under the Asylum Cooperative Agreement, the Department announced on Wednesday.")
OFFICIAL = ("Statement on the Asylum Cooperative Agreement with Guatemala",
            "WASHINGTON, January 8, 2020 — Under the Asylum Cooperative Agreement with Guatemala, Mexican nationals "
            "seeking protection in the United States are now amenable to transfer to Guatemala, the Department "
            "announced today.")


def monitor(env, *args):
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def parsed(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


class Sources:
    """Two loopback sources: a news wire (`/news.xml`) and a ministry (`/gov.xml`, official)."""

    def __init__(self, site, tmp_path: Path) -> None:
        self.site = site
        self.items: dict[str, list[tuple[str, str, str]]] = {"news": [], "gov": []}
        self.revision = 0
        self.dates: dict[str, dt.datetime] = {}
        self.path = tmp_path / "sources.yaml"
        base = site.base_url
        self.path.write_text(
            "sources:\n"
            f"  - {{id: wire, name: 'Wire Service: world', kind: feed, url: '{base}/news.xml', authority: news}}\n"
            f"  - {{id: dhs, name: 'Department of Homeland Security: news', kind: feed, url: '{base}/gov.xml', "
            "authority: official}\n")
        self._publish()

    def add(self, feed: str, slug: str, story: tuple[str, str], *, published: dt.datetime | None = None) -> None:
        title, body = story
        if published is not None:
            self.dates[slug] = published
        self.site.site.put(f"/{feed}/{slug}.html", f"<!doctype html><html><head><title>{title}</title></head><body>"
                           f"<article><h1>{title}</h1><p>{body}</p></article></body></html>")
        self.items[feed] = [i for i in self.items[feed] if i[0] != slug] + [(slug, title, body)]
        self._publish()

    def edit(self, feed: str, slug: str, story: tuple[str, str]) -> None:
        """The same URL, new text; the feed item's date moves, as a CMS does on an update."""
        self.revision += 1
        self.add(feed, slug, story)

    def _date(self, slug: str, n: int) -> str:
        if slug in self.dates:
            return format_datetime(self.dates[slug] + dt.timedelta(minutes=self.revision))
        return f"Mon, 06 Jan 2020 1{n}:{self.revision:02d}:00 GMT"

    def _publish(self) -> None:
        for feed, items in self.items.items():
            entries = "".join(
                f"<item><title>{title}</title><link>{self.site.base_url}/{feed}/{slug}.html</link>"
                f"<pubDate>{self._date(slug, n)}</pubDate></item>" for n, (slug, title, _) in enumerate(items))
            self.site.site.put(f"/{feed}.xml", f"<?xml version='1.0'?><rss version='2.0'><channel><title>{feed}</title>"
                               f"<link>{self.site.base_url}/</link>{entries}</channel></rss>",
                               "application/rss+xml")


@pytest.fixture
def sources(site, tmp_path):
    return Sources(site, tmp_path)


def ingest(env, sources: Sources, *, ok: bool = True) -> dict:
    result = monitor(env, "ingest", "--sources", str(sources.path), "--json")
    assert result.returncode == (0 if ok else 1), result.stderr
    return json.loads(result.stdout)


ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "lifecycle"


def keep(name: str, message: email.message.EmailMessage) -> None:
    """Save an email of a lifecycle for people to read (tests/artifacts/lifecycle/, gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(message.as_bytes())


def mail_to(mail_dir: Path, address: str) -> list[email.message.EmailMessage]:
    return [m for m in (parsed(p) for p in messages(mail_dir)) if m["To"] == address]


def test_reported_then_confirmed_sends_one_threaded_follow_up(repo, sources, monitor_env, mail_dir, es_url, prefix,
                                                              tmp_path):
    save_confirmed(repo, new_subscription("early@example.org"))
    save_confirmed(repo, new_subscription("careful@example.org", when="confirmed"))
    sources.add("news", "mx-gt", NEWS)
    ingest(monitor_env, sources)
    [alert] = mail_to(mail_dir, "early@example.org")
    assert mail_to(mail_dir, "careful@example.org") == []
    assert alert["X-Monitor-Status"] == "reported" and alert["X-Monitor-Finding"] == "made_amenable GT MX"
    assert "Reported by 1 outlet, not yet confirmed by a government source" in text_of(alert)
    assert "/findings/made_amenable%3AGT%3AMX" in text_of(alert)
    assert repo.findings.get(FINDING)["status"] == "reported"

    sources.add("news", "dhs-said", QUOTED)  # an official quoted on the record confirms it
    ingest(monitor_env, sources)
    early = mail_to(mail_dir, "early@example.org")
    assert len(early) == 2
    follow_up = early[1]
    assert follow_up["X-Monitor-Status"] == "confirmed" and follow_up["X-Monitor-Finding"] == "made_amenable GT MX"
    assert follow_up["Subject"].startswith("Confirmed: ")
    assert follow_up["In-Reply-To"] == alert["Message-ID"] == follow_up["References"]
    assert "The Department of Homeland Security said" in text_of(follow_up)
    assert "Confirmed on the record by an official quoted in Wire Service" in text_of(follow_up)
    keep("1-alert-reported.eml", alert)
    keep("2-follow-up-confirmed.eml", follow_up)
    [careful] = mail_to(mail_dir, "careful@example.org")  # waited for confirmation: the alert itself
    assert careful["X-Monitor-Status"] == "confirmed" and careful["In-Reply-To"] is None
    record = repo.findings.get(FINDING)
    assert [(h["from"], h["to"]) for h in record["history"]] == [(None, "reported"), ("reported", "confirmed")]

    sources.add("gov", "statement", OFFICIAL)  # already confirmed: nothing more to say
    ingest(monitor_env, sources)
    ingest(monitor_env, sources)
    assert len(messages(mail_dir)) == 3
    assert repo.findings.get(FINDING)["confirmed_by"]["how"] == "official_source"

    # The finding's page, its JSON and the Atom feed say the same, in words.
    settings = Settings(es_url=es_url, index_prefix=prefix, state_dir=tmp_path / "state")
    with ServedApp(create_app(settings)) as served:
        detail = requests.get(f"{served.url}/api/findings/made_amenable%3AGT%3AMX", timeout=30).json()
        page = requests.get(f"{served.url}/findings/made_amenable%3AGT%3AMX", timeout=30)
        feed = feedparser.parse(requests.get(f"{served.url}/feeds/findings.atom", timeout=30).content)
        missing = requests.get(f"{served.url}/api/findings/made_amenable%3AGT%3AZZ", timeout=30)
    assert detail["status"] == "confirmed"
    assert detail["status_text"]["en"].startswith("Confirmed by Department of Homeland Security, 2020-01-0")
    assert detail["status_text"]["es"].startswith("Confirmado por Department of Homeland Security")
    assert [(h["from"], h["to"]) for h in detail["history"]] == [(None, "reported"), ("reported", "confirmed")]
    documents = [d for story in detail["stories"] for d in story["documents"]]
    assert {d["title"] for d in documents} == {NEWS[0], QUOTED[0], OFFICIAL[0]}
    assert {d["authority"] for d in documents} == {"news", "official"} and len(detail["stories"]) == 3
    assert page.status_code == 200 and detail["status_text"]["en"] in page.text
    [entry] = feed.entries
    assert entry.summary.startswith("Confirmed by Department of Homeland Security")
    assert missing.status_code == 404

    # What a subscription would have received, without sending anything.
    backtest = json.loads(monitor(monitor_env, "backtest", "--receiving", "GT", "--since", "2019-01-01",
                                  "--json").stdout)
    assert [(w["finding_id"], w["follow_ups"]) for w in backtest["would_send"]] == [(FINDING, ["confirmed"])]
    assert backtest["would_send"][0]["day"] == "2020-01-06"
    only = json.loads(monitor(monitor_env, "backtest", "--only-confirmed", "--since", "2019-01-01", "--json").stdout)
    assert only["alerts"] == 1 and only["follow_ups"] == 0
    assert json.loads(monitor(monitor_env, "backtest", "--population", "HN", "--since", "2019-01-01",
                              "--json").stdout)["alerts"] == 0
    assert monitor(monitor_env, "backtest", "--since", "soon").returncode == 2
    assert len(messages(mail_dir)) == 3  # nothing was sent


def test_a_crash_between_confirmation_and_its_emails_loses_nothing(repo, sources, monitor_env, mail_dir, es_url,
                                                                   prefix, tmp_path):
    save_confirmed(repo, new_subscription("early@example.org"))
    sources.add("news", "mx-gt", NEWS)
    ingest(monitor_env, sources)
    sources.add("gov", "statement", OFFICIAL)
    # A run stores the document and writes reported → confirmed, then dies before planning.
    settings = Settings(es_url=es_url, index_prefix=prefix, allow_loopback=True, host_delay=0,
                        state_dir=tmp_path / "state")
    poll_sources(settings, load_sources(sources.path), repo=repo)
    assert reconcile(repo, policy=ReviewPolicy()) == []
    record = repo.findings.get(FINDING)
    assert record["status"] == "confirmed" and record["alerts_planned"] is False
    # The next run meets an SMTP outage: the follow-up is planned and stays pending.
    down = {**monitor_env, "MONITOR_SMTP_PORT": "9"}
    assert ingest(down, sources, ok=False)["alerts_failed"] == 1
    assert plan_alerts(repo) == 0  # re-planning creates nothing
    ingest(monitor_env, sources)
    ingest(monitor_env, sources)
    mails = mail_to(mail_dir, "early@example.org")
    assert [m["X-Monitor-Status"] for m in mails] == ["reported", "confirmed"]


def test_held_finding_is_approved_once_by_an_operator(repo, sources, monitor_env, mail_dir):
    env = {**monitor_env, "MONITOR_REVIEW_THRESHOLD": "0.9999"}
    save_confirmed(repo, new_subscription("advocate@example.org"))
    sources.add("news", "mx-gt", NEWS)
    summary = ingest(env, sources)
    assert summary["new_findings"] == [FINDING] and summary["alerts_sent"] == 0
    assert messages(mail_dir) == []
    listed = monitor(env, "review", "list", "--json")
    [queued] = json.loads(listed.stdout)
    assert queued["id"] == FINDING and queued["status"] == "held"
    assert "below the review threshold" in queued["history"][0]["reason"]
    assert any("MX → GT" in line for line in queued["explanation"])
    assert queued["stories"][0]["documents"][0]["title"] == NEWS[0]

    approved = monitor(env, "review", "approve", FINDING, "--by", "alice")
    assert approved.returncode == 0, approved.stderr
    assert "1 sent" in approved.stdout
    [alert] = messages(mail_dir)
    assert parsed(alert)["X-Monitor-Status"] == "reported"
    assert monitor(env, "review", "approve", FINDING, "--by", "alice").returncode == 1  # not held any more
    ingest(env, sources)
    assert len(messages(mail_dir)) == 1
    last = repo.findings.get(FINDING)["history"][-1]
    assert (last["by"], last["from"], last["to"]) == ("alice", "held", "reported")
    assert json.loads(monitor(env, "review", "list", "--json").stdout) == []


def test_rejected_stays_rejected_until_an_independent_story_asks_for_a_new_review(repo, sources, monitor_env, mail_dir):
    env = {**monitor_env, "MONITOR_REVIEW_HOLD_REPORTED": "1"}
    save_confirmed(repo, new_subscription("advocate@example.org"))
    sources.add("news", "mx-gt", NEWS)
    ingest(env, sources)
    assert monitor(env, "review", "reject", FINDING, "--by", "bob").returncode == 2  # a reason is required
    rejected = monitor(env, "review", "reject", FINDING, "--by", "bob", "--reason", "misread: a draft, not a decision")
    assert rejected.returncode == 0, rejected.stderr
    sources.add("news", "mx-gt-copy", NEWS_COPY)  # the same story again
    ingest(env, sources)
    record = repo.findings.get(FINDING)
    assert record["status"] == "rejected" and len(record["sources"]) == 2
    sources.add("news", "other", OTHER_STORY)  # a new, independent story
    ingest(env, sources)
    record = repo.findings.get(FINDING)
    assert record["status"] == "held"
    assert [(h["by"], h["to"]) for h in record["history"]] == [("monitor", "held"), ("bob", "rejected"),
                                                               ("monitor", "held")]
    assert record["history"][1]["reason"] == "misread: a draft, not a decision"
    assert messages(mail_dir) == []


def test_held_finding_is_released_by_an_official_document(repo, sources, monitor_env, mail_dir):
    env = {**monitor_env, "MONITOR_REVIEW_HOLD_REPORTED": "1"}
    save_confirmed(repo, new_subscription("advocate@example.org"))
    sources.add("news", "mx-gt", NEWS)
    ingest(env, sources)
    assert messages(mail_dir) == []
    sources.add("gov", "statement", OFFICIAL)
    ingest(env, sources)
    [alert] = messages(mail_dir)
    message = parsed(alert)
    assert message["X-Monitor-Status"] == "confirmed"
    assert "Confirmed by Department of Homeland Security, 2020-01-0" in text_of(message)
    record = repo.findings.get(FINDING)
    assert record["review"] == "released" and record["history"][-1]["from"] == "held"
    assert "official document" in record["history"][-1]["reason"]


def test_held_finding_is_released_by_a_second_independent_story(repo, sources, monitor_env, mail_dir):
    env = {**monitor_env, "MONITOR_REVIEW_HOLD_REPORTED": "1"}
    save_confirmed(repo, new_subscription("advocate@example.org"))
    sources.add("news", "mx-gt", NEWS)
    ingest(env, sources)
    sources.add("news", "mx-gt-copy", NEWS_COPY)  # syndicated copy: the same story, still held
    ingest(env, sources)
    assert messages(mail_dir) == [] and repo.findings.get(FINDING)["status"] == "held"
    sources.add("news", "other", OTHER_STORY)
    ingest(env, sources)
    [alert] = messages(mail_dir)
    assert parsed(alert)["X-Monitor-Status"] == "reported"
    assert "Reported by 1 outlet" in text_of(parsed(alert))


def test_an_article_corrected_between_two_polls_retracts_once_threaded(repo, sources, monitor_env, mail_dir, es_url,
                                                                       prefix, tmp_path):
    save_confirmed(repo, new_subscription("early@example.org"))
    save_confirmed(repo, new_subscription("careful@example.org", when="confirmed"))
    sources.add("news", "mx-gt", NEWS)
    ingest(monitor_env, sources)
    [alert] = messages(mail_dir)
    sources.edit("news", "mx-gt", CORRECTED)
    summary = ingest(monitor_env, sources)
    assert summary["sources"][0]["updated"] == 1
    [_, retraction] = [parsed(p) for p in messages(mail_dir)]
    alert = parsed(alert)
    assert retraction["To"] == "early@example.org"  # careful@ was never alerted: nothing to retract
    assert retraction["X-Monitor-Status"] == "retracted" and retraction["X-Monitor-Finding"] == "made_amenable GT MX"
    assert retraction["Subject"] == "Retracted: Mexican nationals made amenable to transfer to Guatemala"
    assert retraction["In-Reply-To"] == alert["Message-ID"] == retraction["References"]
    keep("3-follow-up-retracted.eml", retraction)
    body = text_of(retraction)
    assert "Correction: An earlier version of this article incorrectly said" in body
    assert "its source published a correction" in body
    record = repo.findings.get(FINDING)
    assert record["status"] == "retracted" and record["retraction"]["reason"] == "corrected"
    assert record["sources"][0]["withdrawn"] is True
    ingest(monitor_env, sources)
    assert len(messages(mail_dir)) == 2

    settings = Settings(es_url=es_url, index_prefix=prefix, state_dir=tmp_path / "state")
    with ServedApp(create_app(settings)) as served:
        feed = feedparser.parse(requests.get(f"{served.url}/feeds/findings.atom", timeout=30).content)
        detail = requests.get(f"{served.url}/api/findings/made_amenable%3AGT%3AMX", timeout=30).json()
        timeline = requests.get(f"{served.url}/api/timeline?receiving=GT", timeout=30).json()
    [entry] = feed.entries  # updated, not duplicated
    assert entry.summary.startswith("Retracted on ")
    assert detail["status"] == "retracted" and [h["to"] for h in detail["history"]] == ["reported", "retracted"]
    [made] = [e for e in timeline["agreements"][0]["entries"] if e["action"] == "made_amenable"]
    assert made["status"] == "retracted"
    on = monitor(monitor_env, "timeline", "--receiving", "GT", "--on", "2020-02-01", "--json")
    assert "MX" not in json.loads(on.stdout)["amenable"]


def test_an_official_denial_retracts_and_cancels_what_was_not_yet_sent(repo, sources, monitor_env, mail_dir, es_url,
                                                                        prefix, smtp, tmp_path):
    save_confirmed(repo, new_subscription("early@example.org"))
    save_confirmed(repo, new_subscription("late@example.org"))
    sources.add("news", "mx-gt", NEWS)
    down = {**monitor_env, "MONITOR_SMTP_PORT": "9"}
    assert ingest(down, sources, ok=False)["alerts_failed"] == 2  # both alerts pending
    # early@'s alert goes out on a retry; late@'s is not due yet when the denial arrives.
    for record in repo.ledger.for_finding(FINDING):
        later = record["email"] == "late@example.org"
        repo.ledger.transition(record, {"next_try": "2999-01-01T00:00:00+00:00" if later else utcnow().isoformat()})
    settings = Settings(es_url=es_url, index_prefix=prefix, smtp_port=smtp.port, state_dir=tmp_path / "state")
    assert deliver_pending(repo, settings).sent == 1
    sources.add("gov", "denial", DENIAL)
    ingest(monitor_env, sources)
    mails = [parsed(p) for p in messages(mail_dir)]
    assert [(m["To"], m["X-Monitor-Status"]) for m in mails] == [("early@example.org", "reported"),
                                                                ("early@example.org", "retracted")]
    body = text_of(mails[1])
    assert ("DHS denies plan to send Mexicans" in body or "a Department spokesperson said" in body)
    assert "a government denied it" in body
    assert mails[1]["In-Reply-To"] == mails[0]["Message-ID"]
    statuses = {(a["email"], a["kind"]): a["status"] for a in repo.ledger.for_finding(FINDING)}
    assert statuses == {("early@example.org", "finding"): "sent", ("early@example.org", "retracted"): "sent",
                        ("late@example.org", "finding"): "cancelled"}
    assert repo.findings.get(FINDING)["retraction"]["reason"] == "denied"
    ingest(monitor_env, sources)
    assert len(messages(mail_dir)) == 2


def test_effective_dates_reach_the_email_the_page_and_the_calendars(repo, sources, monitor_env, mail_dir, es_url,
                                                                    prefix, tmp_path):
    sub = new_subscription("advocate@example.org", receiving=["GT"], population=["HN"])
    save_confirmed(repo, sub)
    save_confirmed(repo, new_subscription("other@example.org", receiving=["CR"]))
    sources.add("gov", "hn-gt", EFFECTIVE, published=utcnow() - dt.timedelta(days=30))
    ingest(monitor_env, sources)
    [alert] = [parsed(p) for p in messages(mail_dir)]
    assert alert["To"] == "advocate@example.org" and alert["X-Monitor-Status"] == "confirmed"
    assert "Takes effect: 2026-06-01" in text_of(alert)
    assert repo.findings.get("made_amenable:GT:HN")["effective"] == "2026-06-01"
    settings = Settings(es_url=es_url, index_prefix=prefix, state_dir=tmp_path / "state")
    mine = feed_link(settings.public_url, settings.signing_key(), sub.id).removeprefix(settings.public_url)
    other = feed_link(settings.public_url, settings.signing_key(),
                      new_subscription("other@example.org", receiving=["CR"]).id).removeprefix(settings.public_url)
    with ServedApp(create_app(settings)) as served:
        public = requests.get(f"{served.url}/feeds/deadlines.ics", timeout=30)
        private = requests.get(served.url + mine.removesuffix(".atom") + ".ics", timeout=30)
        unrelated = requests.get(served.url + other.removesuffix(".atom") + ".ics", timeout=30)
        forged = requests.get(f"{served.url}/feeds/subscription/forged.ics", timeout=30)
        page = requests.get(f"{served.url}/findings/made_amenable%3AGT%3AHN", timeout=30)
    assert public.headers["content-type"].startswith("text/calendar")
    [event] = Calendar.from_ical(public.content).walk("VEVENT")
    assert str(event["summary"]) == "Takes effect: Honduran nationals made amenable to transfer to Guatemala"
    assert event["dtstart"].dt == dt.date(2026, 6, 1)
    assert [str(e["summary"]) for e in Calendar.from_ical(private.content).walk("VEVENT")] == [str(event["summary"])]
    assert list(Calendar.from_ical(unrelated.content).walk("VEVENT")) == []
    assert forged.status_code == 404
    assert "Takes effect" in page.text and "2026-06-01" in page.text

    # The subscribe page's preview: the same planner rules over the last 12 months, nothing sent.
    with ServedApp(create_app(settings)) as served:
        preview = requests.post(f"{served.url}/subscribe/preview", data={
            "email": "someone@example.org", "receiving": "GT", "population": "HN"}, timeout=30)
        none = requests.post(f"{served.url}/subscribe/preview", data={"population": "CU"}, timeout=30)
    assert preview.status_code == 200 and "Would have sent 1 alert in the last 12 months:" in preview.text
    assert "Honduran nationals made amenable to transfer to Guatemala" in preview.text
    assert 'value="someone@example.org"' in preview.text  # the form comes back filled in
    assert "Would have sent 0 alerts in the last 12 months" in none.text
    assert len(messages(mail_dir)) == 1
