"""Alert email messages (src/monitor/alerts/mailer.py `build_message`): headers and parts as a
mail client reads them back, one `X-Monitor-Finding` header per finding, RFC 8058 one-click
unsubscribe, and no way to inject a header through a value."""

import datetime as dt
import email
from email import policy
from email.utils import parsedate_to_datetime

import pytest

from monitor.alerts.mailer import LIST_ID, build_message
from monitor.alerts.render import RenderedEmail, render_alert
from monitor.models import Finding

SENDER = "Asylum Policy Monitor <alerts@x.invalid>"


def finding(**changes):
    base = dict(id="made_amenable:GT:MX", action="made_amenable", receiving="GT", population="MX",
                evidence='Certain Mexicans "may now be eligible" to be transferred to Guatemala',
                document_id="d", url="https://news.example/a?x=1&y=2", title="U.S. to send <b>some</b> Mexicans",
                published=dt.datetime(2020, 1, 6, tzinfo=dt.UTC), affected_count=900)
    base.update(changes)
    return Finding(**base)


def read_back(message) -> email.message.EmailMessage:
    """The message as a mail client parses the bytes the SMTP server receives."""
    return email.message_from_bytes(message.as_bytes(), policy=policy.default)


def test_message_has_one_finding_header_and_both_parts():
    message = build_message(render_alert(finding()), sender="Monitor <alerts@x.invalid>", recipient="a@example.org",
                            message_id="<abc@x.invalid>", finding_headers=["made_amenable GT MX"])
    assert message.get_all("X-Monitor-Finding") == ["made_amenable GT MX"]
    assert message["Message-ID"] == "<abc@x.invalid>"
    assert {part.get_content_type() for part in message.iter_parts()} == {"text/plain", "text/html"}


def test_headers_and_parts_read_back_as_written():
    rendered = render_alert(finding(), language="es")
    received = read_back(build_message(rendered, sender=SENDER, recipient="a@example.org",
                                       message_id="<abc@x.invalid>"))
    assert received["Subject"] == "Nacionales de México pueden ser trasladados a Guatemala"  # non-ASCII survives
    assert (received["From"], received["To"], received["List-Id"]) == (SENDER, "a@example.org", LIST_ID)
    sent = parsedate_to_datetime(received["Date"]).replace(tzinfo=dt.UTC)  # written in UTC ("-0000")
    assert abs(sent - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert received.get_body(("plain",)).get_content().strip() == rendered.text.strip()
    assert received.get_body(("html",)).get_content().strip() == rendered.html.strip()


def test_finding_headers_default_to_the_rendered_emails_one_per_finding():
    digest = RenderedEmail(subject="digest", text="t", html="<p>h</p>",
                           finding_headers=("made_amenable GT MX", "made_amenable HN CU"))
    received = read_back(build_message(digest, sender=SENDER, recipient="a@example.org", message_id="<d@x.invalid>"))
    assert received.get_all("X-Monitor-Finding") == ["made_amenable GT MX", "made_amenable HN CU"]


def test_one_click_unsubscribe_headers_only_with_an_unsubscribe_link():
    rendered = render_alert(finding())
    plain = build_message(rendered, sender=SENDER, recipient="a@example.org", message_id="<a@x.invalid>")
    assert plain["List-Unsubscribe"] is None and plain["List-Unsubscribe-Post"] is None
    url = "https://m.example/unsubscribe?token=abc.def"
    received = read_back(build_message(rendered, sender=SENDER, recipient="a@example.org", message_id="<a@x.invalid>",
                                       unsubscribe_url=url))
    assert received["List-Unsubscribe"] == f"<{url}>"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.parametrize("field", ["subject", "recipient", "finding_header"])
def test_a_line_break_in_any_header_value_is_refused_not_sent_as_a_new_header(field):
    injected = "x\r\nBcc: victim@example.org"
    rendered = RenderedEmail(subject=injected if field == "subject" else "s", text="t", html="h")
    with pytest.raises(ValueError, match="linefeed or carriage return"):
        build_message(rendered, sender=SENDER, recipient=injected if field == "recipient" else "a@example.org",
                      message_id="<i@x.invalid>", finding_headers=[injected] if field == "finding_header" else ())
