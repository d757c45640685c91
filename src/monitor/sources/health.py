"""Source health for operators (`monitor sources`): per source the last success, consecutive
failures, last new item and last error, and a flag when a source has failed
`FAILURE_THRESHOLD` runs in a row, has been silent longer than its `expected_period_hours`,
or has not been polled at all for `STALE_AFTER`. A source that refuses the monitor (block
pages, bot challenges, login walls: ingest/poll.py) is `blocked`, not failing: the flag says
since when, why, and when it is polled next (a back-off of hours, ingest/state.py).

How the record stays truthful while an unchanged poll writes nothing (the second poll of an
unchanged source must make zero Elasticsearch writes): the pipeline writes the state when the
listing changed, when a poll fails, when a failing source recovers, and otherwise at most
once per `HEARTBEAT` (refreshing `last_checked` and `last_ok`). So `failures` is always exact,
`last_new_item` is exact, and `last_checked` is at most HEARTBEAT old for a healthy source;
only the staleness check has that resolution.

The CLI table, the operator page (`/operator/sources`) and the daily operator email
(monitor/maintenance.py) all show these rows, so they never disagree about a source.

Settings read: none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from monitor.dates import age as _age
from monitor.dates import utcnow
from monitor.models import Source, SourceState

FAILURE_THRESHOLD = 3
HEARTBEAT = dt.timedelta(hours=6)
STALE_AFTER = dt.timedelta(hours=24)


@dataclass(frozen=True)
class SourceHealth:
    """One row of `monitor sources`."""

    id: str
    name: str
    kind: str
    enabled: bool
    status: str  # ok | blocked | failing | silent | stale | never run | disabled
    flags: tuple[str, ...]
    last_ok: str | None
    last_checked: str | None
    last_new_item: str | None
    failures: int
    last_error: str | None
    last_error_at: str | None
    items_seen: int | None
    blocked_since: str | None = None
    blocked_reason: str | None = None
    next_poll_after: str | None = None

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "flags": list(self.flags), "flagged": self.flagged}


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def assess(source: Source, state: SourceState | None, *, now: dt.datetime,
           failure_threshold: int = FAILURE_THRESHOLD) -> SourceHealth:
    """The health of one source from its saved state (pure)."""
    state = state or SourceState()
    failures = state.failures
    activity = [t for t in (state.last_checked, state.last_ok, state.last_error_at) if t]
    flags: list[str] = []
    blocked = state.blocked_since is not None
    if blocked:
        flag = f"blocked since {state.blocked_since:%Y-%m-%d %H:%M} UTC: {state.blocked_reason}"
        if state.next_poll_after:
            flag += f"; next poll after {state.next_poll_after:%Y-%m-%d %H:%M} UTC"
        flags.append(flag)
    elif failures >= failure_threshold:
        flags.append(f"failed {failures} runs in a row")
    period = dt.timedelta(hours=source.expected_period_hours)
    reference = state.last_new_item or state.last_ok
    if reference and now - reference > period:
        flags.append(f"no new item for {_age(now - reference)} (expected every {_age(period)})")
    if activity and now - max(activity) > STALE_AFTER and not blocked:  # a blocked source waits on purpose
        flags.append(f"not polled for {_age(now - max(activity))}")
    if not source.enabled:
        status, flags = "disabled", []
    elif state.never_run:
        status = "never run"
    elif blocked:
        status = "blocked"
    elif failures >= failure_threshold:
        status = "failing"
    elif any(f.startswith("no new item") for f in flags):
        status = "silent"
    elif flags:
        status = "stale"
    else:
        status = "ok"
    return SourceHealth(
        id=source.id, name=source.name, kind=source.kind, enabled=source.enabled, status=status, flags=tuple(flags),
        last_ok=_iso(state.last_ok), last_checked=_iso(state.last_checked), last_new_item=_iso(state.last_new_item),
        failures=failures, last_error=state.last_error, last_error_at=_iso(state.last_error_at),
        items_seen=state.items_seen, blocked_since=_iso(state.blocked_since), blocked_reason=state.blocked_reason,
        next_poll_after=_iso(state.next_poll_after),
    )


def source_health(sources: list[Source], states: dict[str, SourceState], *, now: dt.datetime | None = None,
                  failure_threshold: int = FAILURE_THRESHOLD) -> list[SourceHealth]:
    """Health of every source, in the sources file's order (pure)."""
    now = now or utcnow()
    return [assess(s, states.get(s.id), now=now, failure_threshold=failure_threshold) for s in sources]


def collect_health(repo: Any, sources: list[Source], *, now: dt.datetime | None = None,
                   failure_threshold: int = FAILURE_THRESHOLD) -> list[SourceHealth]:
    """Read the sources' saved state through the repository and assess it."""
    return source_health(sources, repo.sources.many(s.id for s in sources), now=now,
                         failure_threshold=failure_threshold)


def _short(value: str | None, width: int) -> str:
    text = " ".join((value or "-").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(records: list[SourceHealth]) -> str:
    """A plain-text table, one source a line, flags on an indented line below."""
    header = ("SOURCE", "KIND", "STATUS", "LAST OK", "LAST NEW ITEM", "FAIL", "LAST ERROR")
    rows = [(r.id, r.kind, r.status, (r.last_ok or "-")[:16], (r.last_new_item or "-")[:16], str(r.failures),
             _short(r.last_error, 60)) for r in records]
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(header)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(header, widths)).rstrip()]
    for record, row in zip(records, rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        lines.extend(f"    ! {flag}" for flag in record.flags)
    flagged = sum(r.flagged for r in records)
    lines.append(f"{len(records)} source(s), {flagged} flagged")
    return "\n".join(lines)


def as_json(records: list[SourceHealth]) -> list[dict[str, Any]]:
    return [r.as_dict() for r in records]
