"""Sending email over SMTP with smtplib; SMTP errors become `MailError` here."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate

from monitor.alerts.render import RenderedEmail
from monitor.errors import MailError


def build_message(
    rendered: RenderedEmail, *, sender: str, recipient: str, message_id: str, finding_headers: list[str]
) -> EmailMessage:
    """A multipart text + HTML message with one `X-Monitor-Finding` header per finding."""
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    message["List-Id"] = "Asylum Policy Monitor alerts <alerts.asylum-monitor.invalid>"
    for value in finding_headers:
        message["X-Monitor-Finding"] = value
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message


def send(message: EmailMessage, *, host: str, port: int, timeout: float = 30.0) -> None:
    """Deliver one message; raise `MailError` when the server is down or refuses it."""
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"SMTP {host}:{port} failed: {exc}") from exc
