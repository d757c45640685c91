"""A source's state after a poll (pure): how its cursor and health change, as dlt keeps a
source's incremental state — small, typed, one record per source, saved right after the
poll's documents and only then.

- A changed listing whose every entry and page was read: the new cursor (ETag,
  Last-Modified, entries hash), `last_ok`, failures back to 0.
- A changed listing with errors (an article or a later page failed): the cursor stays, so
  the next poll lists the source again and retries what failed; one more failure counted.
- An unchanged listing (304, or the same entries): nothing is written — a second poll of an
  unchanged source makes no write at all — unless the source recovers from failures or its
  last heartbeat is older than `HEARTBEAT` (sources/health.py explains why that suffices).
- A changed listing whose items were read but some only as briefs (their article could not
  be read, ingest/poll.py): healthy, but the cursor stays, so the next poll looks again.
- A failed poll (the listing could not be fetched or parsed): one more failure, the error.
- A blocked poll (the listing, or every article it tried, answered with a block page, a bot
  challenge or a login wall): `after_blocked`, a back-off of hours before the next poll.
  Any other outcome ends the block.
"""

from __future__ import annotations

import datetime as dt

from monitor.models import SourceState
from monitor.sources.health import HEARTBEAT
from monitor.sources.listing import Listing

#: The wait after a blocked poll: doubled after each further blocked poll, up to BLOCKED_BACKOFF_MAX.
BLOCKED_BACKOFF = dt.timedelta(hours=6)
BLOCKED_BACKOFF_MAX = dt.timedelta(hours=24)
_UNBLOCKED = {"blocked_since": None, "blocked_reason": None, "blocked_polls": 0, "next_poll_after": None}


def after_poll(state: SourceState, listing: Listing, *, changed: bool, problems: list[str],
               now: dt.datetime, pending: bool = False) -> SourceState:
    """The state after a changed listing was processed (`problems`: what failed in it;
    `pending`: items were stored as briefs, whose articles the next poll looks for again, so
    the cursor stays although nothing failed)."""
    health = {"last_checked": now, "items_seen": len(listing.entries), **_UNBLOCKED}
    if changed:
        health["last_new_item"] = now
    if problems:
        return state.model_copy(update={**health, "failures": state.failures + 1, "last_error": "; ".join(problems),
                                        "last_error_at": now})
    if pending:
        return state.model_copy(update={**health, "last_ok": now, "failures": 0})
    return state.model_copy(update={**health, "etag": listing.etag, "last_modified": listing.last_modified,
                                    "body_hash": listing.body_hash, "last_ok": now, "failures": 0})


def after_unchanged(state: SourceState, *, now: dt.datetime) -> SourceState | None:
    """The state after an unchanged poll, or None when nothing needs writing."""
    stale = state.last_checked is None or now - state.last_checked > HEARTBEAT
    if state.failures == 0 and not stale and state.blocked_since is None:
        return None
    return state.model_copy(update={"failures": 0, "last_ok": now, "last_checked": now, **_UNBLOCKED})


def after_failure(state: SourceState, error: str, *, now: dt.datetime) -> SourceState:
    """The state after the listing itself failed."""
    return state.model_copy(update={"failures": state.failures + 1, "last_error": error, "last_error_at": now,
                                    "last_checked": now, **_UNBLOCKED})


def after_blocked(state: SourceState, reason: str, *, now: dt.datetime) -> SourceState:
    """The state after a poll the source refused with a block page, a challenge or a login
    wall: `blocked` since the first such poll, and not polled again for BLOCKED_BACKOFF (then
    twice, four times that, up to BLOCKED_BACKOFF_MAX). The cursor stays."""
    polls = state.blocked_polls + 1
    wait = min(BLOCKED_BACKOFF * 2 ** (polls - 1), BLOCKED_BACKOFF_MAX)
    return state.model_copy(update={
        "failures": state.failures + 1, "last_error": f"blocked: {reason}", "last_error_at": now, "last_checked": now,
        "blocked_since": state.blocked_since or now, "blocked_reason": reason, "blocked_polls": polls,
        "next_poll_after": now + wait,
    })
