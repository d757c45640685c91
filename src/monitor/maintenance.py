"""The daily operator report (the `monitor_maintenance` DAG): every source's health — the same
rows as `monitor sources` and `/operator/sources` (monitor/sources/health.py) — and other
problems (alerts stuck mid-send, mapping drift), rendered as text and HTML and mailed to
MONITOR_OPERATOR_EMAILS. Rendering is pure; mailing is the I/O edge.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from monitor.models import Source
from monitor.sources.health import SourceHealth, collect_health

logger = logging.getLogger(__name__)

#: Statuses that need no operator attention.
HEALTHY = ("ok", "disabled")


@dataclass(frozen=True)
class Report:
    subject: str
    text: str
    html: str


def needs_attention(row: SourceHealth) -> bool:
    return row.status not in HEALTHY or row.flagged


def render_health_report(rows: Sequence[SourceHealth], *, now: dt.datetime, problems: Sequence[str] = ()) -> Report:
    """The operators' email: a summary line, then the sources needing attention first, one line
    (text) or table row (HTML) each, with their flags and last error."""
    ordered = sorted(rows, key=lambda r: (not needs_attention(r), r.id))
    unhealthy = [r for r in ordered if needs_attention(r)]
    day = now.date().isoformat()
    subject = (
        f"[monitor] source health {day}: {len(unhealthy)} of {len(rows)} sources need attention"
        if unhealthy else f"[monitor] source health {day}: all {len(rows)} sources ok"
    )
    lines = [subject, ""]
    for r in ordered:
        lines.append(f"{r.status.upper():10} {r.id}  failures={r.failures}  last ok={r.last_ok or '-'}"
                     f"  last new item={r.last_new_item or '-'}")
        lines.extend(f"           ! {flag}" for flag in r.flags)
        if r.last_error and r.failures:
            lines.append(f"           last error: {r.last_error}")
    for problem in problems:
        lines.append(f"PROBLEM    {problem}")
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
            r.status, r.id, r.name, r.failures, r.last_ok or "-", r.last_new_item or "-", "; ".join(r.flags),
            r.last_error if r.failures else "",
        )) + "</tr>"
        for r in ordered
    )
    extra = "".join(f"<p><strong>Problem:</strong> {html.escape(p)}</p>" for p in problems)
    body = (
        f"<p>{html.escape(subject)}</p><table border='1' cellpadding='4'>"
        "<tr><th>status</th><th>id</th><th>name</th><th>failures</th><th>last ok</th>"
        f"<th>last new item</th><th>flags</th><th>last error</th></tr>{cells}</table>{extra}"
    )
    return Report(subject=subject, text="\n".join(lines) + "\n", html=body)


def operator_report(repo: Any, sources: Sequence[Source], *,
                    now: dt.datetime) -> tuple[list[SourceHealth], list[str], Report]:
    """Today's report from the saved state: every source's health (disabled ones included, as
    `monitor sources` lists them), the alerts stuck mid-send, and the rendered email."""
    from monitor.alerts.delivery import stuck_alerts

    rows = collect_health(repo, list(sources), now=now)
    stuck = [f"alert {a['id']} to {a.get('email', '?')} stuck in 'sending' since {a.get('updated')}"
             for a in stuck_alerts(repo)]
    return rows, stuck, render_health_report(rows, now=now, problems=stuck)


def mail_report(report: Report, settings: Any, *, now: dt.datetime) -> int:
    """Email the report to every operator (MONITOR_OPERATOR_EMAILS); returns how many were sent."""
    from monitor.alerts.mailer import build_message, send
    from monitor.alerts.render import RenderedEmail

    domain = settings.smtp_from.rsplit("@", 1)[-1].strip(" >") or "asylum-monitor.invalid"
    sent = 0
    for operator in settings.operators:
        tag = hashlib.sha256(f"{operator}|{now.isoformat()}".encode()).hexdigest()[:16]
        message = build_message(
            RenderedEmail(report.subject, report.text, report.html), sender=settings.smtp_from,
            recipient=operator, message_id=f"<health-{tag}@{domain}>",
        )
        send(message, settings)
        sent += 1
    return sent
