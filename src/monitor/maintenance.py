"""Daily upkeep (the `monitor_maintenance` DAG): the source-health report for operators, the
check that the live indices still carry the mapping the code writes, and the retention of
superseded document versions.

Health is judged from each source's saved state (`<prefix>-sources-state`): `failing` after a
failed poll, `stale` when nothing succeeded for longer than the source's expected period,
`never` when it was never polled successfully, else `ok`. Assessing and rendering are pure;
reading state, checking indices, deleting versions and mailing are the I/O edges. Index
reads and deletes use the client lent by `index.repository`, which owns it; the core-only
Elasticsearch has no `_delete_by_query`, so retention searches ids and bulk-deletes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
from dataclasses import dataclass, field
from typing import Any

from monitor.errors import IndexError_
from monitor.models import Source

logger = logging.getLogger(__name__)

_PAGE = 1000


# -- source health ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SourceHealth:
    """One row of the source-health report."""

    source_id: str
    name: str
    status: str  # ok | failing | stale | never
    failures: int = 0
    last_ok: str | None = None
    last_new_item: str | None = None
    last_error: str | None = None

    @property
    def healthy(self) -> bool:
        return self.status == "ok"


def _when(value: Any) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def assess(source: Source, state: dict[str, Any], *, now: dt.datetime) -> SourceHealth:
    """Classify one source from its saved state (pure)."""
    failures = int(state.get("failures") or 0)
    last_ok = _when(state.get("last_ok"))
    if failures:
        status = "failing"
    elif last_ok is None:
        status = "never"
    elif now - last_ok > dt.timedelta(hours=source.expected_period_hours):
        status = "stale"
    else:
        status = "ok"
    return SourceHealth(
        source_id=source.id, name=source.name or source.id, status=status, failures=failures,
        last_ok=state.get("last_ok"), last_new_item=state.get("last_new_item"),
        last_error=state.get("last_error") if failures else None,
    )


def source_health(repo: Any, sources: list[Source], *, now: dt.datetime) -> list[SourceHealth]:
    """Every source's health, unhealthy first; a state that cannot be read counts as failing."""
    rows: list[SourceHealth] = []
    for source in sources:
        try:
            state = repo.source_state(source.id)
        except IndexError_ as exc:
            rows.append(SourceHealth(source.id, source.name or source.id, "failing", last_error=str(exc)))
            continue
        rows.append(assess(source, state, now=now))
    return sorted(rows, key=lambda r: (r.healthy, r.source_id))


@dataclass(frozen=True)
class Report:
    subject: str
    text: str
    html: str


def render_health_report(
    rows: list[SourceHealth], *, now: dt.datetime, problems: tuple[str, ...] | list[str] = ()
) -> Report:
    """The operators' email: a summary line, then one line (text) or table row (HTML) per source."""
    unhealthy = [r for r in rows if not r.healthy]
    day = now.date().isoformat()
    subject = (
        f"[monitor] source health {day}: {len(unhealthy)} of {len(rows)} sources need attention"
        if unhealthy else f"[monitor] source health {day}: all {len(rows)} sources ok"
    )
    lines = [subject, ""]
    for r in rows:
        lines.append(f"{r.status.upper():8} {r.source_id}  failures={r.failures}  last ok={r.last_ok or '-'}"
                     f"  last new item={r.last_new_item or '-'}")
        if r.last_error:
            lines.append(f"         last error: {r.last_error}")
    for problem in problems:
        lines.append(f"PROBLEM  {problem}")
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
            r.status, r.source_id, r.name, r.failures, r.last_ok or "-", r.last_new_item or "-", r.last_error or "",
        )) + "</tr>"
        for r in rows
    )
    extra = "".join(f"<p><strong>Problem:</strong> {html.escape(p)}</p>" for p in problems)
    body = (
        f"<p>{html.escape(subject)}</p><table border='1' cellpadding='4'>"
        "<tr><th>status</th><th>id</th><th>name</th><th>failures</th><th>last ok</th>"
        f"<th>last new item</th><th>last error</th></tr>{cells}</table>{extra}"
    )
    return Report(subject=subject, text="\n".join(lines) + "\n", html=body)


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


# -- index mappings and templates ---------------------------------------------------------------
@dataclass(frozen=True)
class TemplateCheck:
    checked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def mapping_drift(expected: dict[str, Any], live: dict[str, Any], *, path: str = "") -> list[str]:
    """Fields the code writes that the live mapping lacks or types differently (pure).

    Language subfields and analyzers may differ by cluster and are not compared.
    """
    problems: list[str] = []
    live_props = live.get("properties", {})
    for name, spec in expected.get("properties", {}).items():
        where = f"{path}{name}"
        if name not in live_props:
            problems.append(f"field {where} is missing")
            continue
        want = spec.get("type", "object")
        have = live_props[name].get("type", "object")
        if want != have:
            problems.append(f"field {where} is {have}, expected {want}")
        elif "properties" in spec:
            problems += mapping_drift(spec, live_props[name], path=f"{where}.")
    return problems


def check_templates(repo: Any) -> TemplateCheck:
    """Each alias exists and its index carries the code's mapping; each has an index template."""
    from elasticsearch import ApiError, TransportError

    from monitor.index import mappings

    result = TemplateCheck()
    client = repo.client
    for name, expected in mappings.MAPPINGS.items():
        alias = repo.names.alias(name)
        try:
            if not client.indices.exists_alias(name=alias):
                result.problems.append(f"index alias {alias} is missing")
                continue
            live = client.indices.get_mapping(index=alias)
            has_template = client.indices.exists_index_template(name=alias)
        except (ApiError, TransportError) as exc:
            raise IndexError_(f"Elasticsearch failed to check {alias}: {exc}") from exc
        for index, body in dict(live).items():
            result.problems.extend(f"{index}: {p}" for p in mapping_drift(expected, body.get("mappings", {})))
        if not has_template:
            result.warnings.append(f"no index template {alias} (new versions of the index would lack the mapping)")
        result.checked.append(alias)
    return result


# -- retention ---------------------------------------------------------------------------------
def prune_versions(repo: Any, *, older_than: dt.timedelta, now: dt.datetime) -> int:
    """Delete document versions superseded before `now - older_than`; returns how many."""
    from elasticsearch import ApiError, TransportError, helpers

    cutoff = (now - older_than).isoformat()
    index = repo.names.versions
    deleted = 0
    try:
        while True:
            result = repo.client.search(
                index=index, size=_PAGE, source=False, query={"range": {"superseded": {"lt": cutoff}}},
            )
            hits = result["hits"]["hits"]
            if not hits:
                break
            actions = [{"_op_type": "delete", "_index": h["_index"], "_id": h["_id"]} for h in hits]
            _, errors = helpers.bulk(repo.client, actions, refresh=True, raise_on_error=False)
            if errors:
                raise IndexError_(f"Elasticsearch refused to delete {len(errors)} versions: {errors[:3]}")
            deleted += len(hits)
            if len(hits) < _PAGE:
                break
    except (ApiError, TransportError) as exc:
        raise IndexError_(f"Elasticsearch failed to prune {index}: {exc}") from exc
    logger.info("pruned %d document versions superseded before %s", deleted, cutoff)
    return deleted
