"""Building and sending email over SMTP (smtplib): plain, STARTTLS or SSL, with optional
credentials. SMTP errors become `MailError` here. Settings read: smtp_host, smtp_port,
smtp_security, smtp_user, smtp_password, smtp_from."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate

from monitor.alerts.render import RenderedEmail
from monitor.errors import MailError
from monitor.settings import Settings

LIST_ID = "Asylum Policy Monitor alerts <alerts.asylum-monitor.invalid>"


def build_message(
    rendered: RenderedEmail, *, sender: str, recipient: str, message_id: str,
    finding_headers: list[str] | tuple[str, ...] = (), unsubscribe_url: str | None = None,
    in_reply_to: str | None = None,
) -> EmailMessage:
    """A multipart text + HTML message with one `X-Monitor-Finding` header per finding (and its
    `X-Monitor-Status`), threaded under `in_reply_to` when it follows up an earlier alert, and
    RFC 8058 one-click unsubscribe headers when an unsubscribe URL is given."""
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    message["List-Id"] = LIST_ID
    for value in finding_headers or rendered.finding_headers:
        message["X-Monitor-Finding"] = value
    if rendered.status:
        message["X-Monitor-Status"] = rendered.status
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    if unsubscribe_url:
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message


def send(message: EmailMessage, settings: Settings, *, timeout: float = 30.0) -> None:
    """Deliver one message; raise `MailError` when the server is down or refuses it."""
    host, port = settings.smtp_host, settings.smtp_port
    try:
        if settings.smtp_security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        with smtp:
            if settings.smtp_security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user and settings.smtp_password:
                smtp.login(settings.smtp_user, settings.smtp_password.get_secret_value())
            refused = smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"SMTP {host}:{port} failed: {exc}") from exc
    if refused:
        raise MailError(f"SMTP {host}:{port} refused recipients: {', '.join(refused)}")
