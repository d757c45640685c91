"""Operator pages (JSON): source health and the delivery ledger. Never public.

Which pages need a login: the search page, the JSON search API, the Atom feeds and the
subscription pages are public (subscriptions are protected by signed links); everything under
`/operator` is for operators. Mounted in Airflow (`plugins/monitor_web.py`) these require an
Airflow login (Airflow's own `requires_authenticated` dependency: the UI's session cookie or a
bearer token from `/auth/token`); under `monitor serve` they require
`Authorization: Bearer $MONITOR_OPERATOR_TOKEN` — or, for people in a browser, the signed,
HttpOnly, SameSite=Strict session cookie that `/operator/login` sets after checking the same
token — and are refused when no token is set. The review queue (`/operator/review`,
web/review_routes.py) is an HTML page with forms for the same people.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from monitor.alerts.delivery import ledger_counts, stuck_alerts
from monitor.errors import MonitorError
from monitor.settings import Settings
from monitor.web.api import Repo

Guard = Callable[..., Any]


SESSION_COOKIE = "monitor_operator"
SESSION_MAX_AGE = 12 * 3600


def _session_serializer(settings: Settings) -> URLSafeTimedSerializer:
    # Bound to the operator token too: changing the token ends every session.
    token = settings.operator_token.get_secret_value() if settings.operator_token else ""
    return URLSafeTimedSerializer(f"{settings.signing_key()}|{token}", salt="asylum-monitor-operator-session")


def session_cookie(settings: Settings, name: str) -> str:
    """The signed session value for an operator who proved the token, carrying their name."""
    return _session_serializer(settings).dumps({"name": name})


def session_operator(settings: Settings, request: Request) -> str | None:
    """The name in a valid, unexpired session cookie, or None."""
    value = request.cookies.get(SESSION_COOKIE)
    if not value or settings.operator_token is None:
        return None
    try:
        payload = _session_serializer(settings).loads(value, max_age=SESSION_MAX_AGE)
    except BadSignature:
        return None
    return str(payload.get("name") or "operator") if isinstance(payload, dict) else None


def token_matches(settings: Settings, token: str) -> bool:
    if settings.operator_token is None:
        return False
    return hmac.compare_digest(token.encode(), settings.operator_token.get_secret_value().encode())


def token_guard(settings: Settings) -> Guard:
    """Bearer-token (or operator session cookie) check for `monitor serve` (constant-time comparison)."""

    def check(request: Request) -> None:
        if settings.operator_token is None:
            raise HTTPException(403, "operator pages are off: set MONITOR_OPERATOR_TOKEN, or use them through "
                                     "Airflow at /monitor/operator/ with an Airflow login")
        if session_operator(settings, request) is not None:
            return
        header = request.headers.get("Authorization", "")
        expected = f"Bearer {settings.operator_token.get_secret_value()}"
        if not hmac.compare_digest(header.encode(), expected.encode()):
            raise HTTPException(401, "operator login required: sign in at /operator/login or send the operator "
                                     "token as a bearer token", headers={"WWW-Authenticate": "Bearer"})

    return check


def airflow_guard() -> Guard:
    """Airflow's own login check (only importable inside the Airflow API server's environment)."""
    from airflow.api_fastapi.core_api.security import requires_authenticated

    return requires_authenticated()


def operator_router(settings: Settings, *, guard: Guard | None = None) -> APIRouter:
    """The operator pages behind `guard` (default: the bearer token)."""
    router = APIRouter(prefix="/operator", tags=["operator"], dependencies=[Depends(guard or token_guard(settings))])

    @router.get("/sources")
    def sources(repo: Repo) -> list[dict[str, Any]]:
        from monitor.sources import load_sources
        from monitor.sources.health import as_json, collect_health

        try:
            return as_json(collect_health(repo, load_sources(settings.sources, enabled_only=False)))
        except MonitorError as exc:
            raise HTTPException(503, str(exc)) from exc

    @router.get("/alerts")
    def alerts(repo: Repo) -> dict[str, Any]:
        try:
            counts = ledger_counts(repo)
            stuck = [{"id": a["id"], "email": a["email"], "finding_id": a["finding_id"], "since": a.get("updated")}
                     for a in stuck_alerts(repo)]
        except MonitorError as exc:
            raise HTTPException(503, str(exc)) from exc
        return {"counts": counts, "stuck": stuck}

    return router
