"""Alert email messages (src/monitor/alerts/mailer.py `build_message`): headers and parts."""

import datetime as dt

from monitor.alerts.mailer import build_message
from monitor.alerts.render import render_alert
from monitor.models import Finding


def finding(**changes):
    base = dict(id="made_amenable:GT:MX", action="made_amenable", receiving="GT", population="MX",
                evidence='Certain Mexicans "may now be eligible" to be transferred to Guatemala',
                document_id="d", url="https://news.example/a?x=1&y=2", title="U.S. to send <b>some</b> Mexicans",
                published=dt.datetime(2020, 1, 6, tzinfo=dt.UTC), affected_count=900)
    base.update(changes)
    return Finding(**base)


def test_message_has_one_finding_header_and_both_parts():
    message = build_message(render_alert(finding()), sender="Monitor <alerts@x.invalid>", recipient="a@example.org",
                            message_id="<abc@x.invalid>", finding_headers=["made_amenable GT MX"])
    assert message.get_all("X-Monitor-Finding") == ["made_amenable GT MX"]
    assert message["Message-ID"] == "<abc@x.invalid>"
    assert {part.get_content_type() for part in message.iter_parts()} == {"text/plain", "text/html"}
