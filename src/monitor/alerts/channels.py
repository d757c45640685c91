"""Notification channels beyond email, through the maintained `apprise` library (Slack,
Teams, Telegram, generic JSON webhooks…). Only operators set Apprise URLs (CLI), never the
public form: an Apprise URL is a request the server makes."""

from __future__ import annotations

import apprise

from monitor.errors import MailError


def notify(url: str, *, title: str, body: str) -> None:
    """Send one notification; raise `MailError` (a delivery failure) when Apprise reports one."""
    sender = apprise.Apprise()
    if not sender.add(url):
        raise MailError("the Apprise URL is not valid")
    if not sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT):
        raise MailError("the Apprise channel did not accept the notification")
