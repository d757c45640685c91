"""The review queue for operators in a browser: `/operator/review` lists the held findings with
their evidence, the detector's explanation and their documents by story, each with an approve
and a reject form (a reason is required to reject); `/operator/review.json` is the same list.

Behind the same guard as the other operator pages (Airflow's login when mounted in Airflow;
under `monitor serve` the operator token, which `/operator/login` turns into a signed session
cookie for browsers). Every form carries a signed, expiring CSRF token. Approve sends the
finding's alerts at once, exactly once, through the ledger (alerts/delivery.py).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from monitor.alerts.delivery import deliver_pending, finding_from_record, plan_alerts
from monitor.alerts.render import headline
from monitor.errors import ConfigError, MonitorError
from monitor.review import ReviewError, approve, finding_view, held, reject
from monitor.settings import Settings
from monitor.web.api import Repo, SafeJSONResponse
from monitor.web.operator import (
    SESSION_COOKIE,
    SESSION_MAX_AGE,
    Guard,
    session_cookie,
    session_operator,
    token_guard,
    token_matches,
)
from monitor.web.pages import render

CSRF_MAX_AGE = SESSION_MAX_AGE


def _csrf(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key(), salt="asylum-monitor-operator-csrf")


def _check_csrf(settings: Settings, token: str) -> None:
    try:
        _csrf(settings).loads(token, max_age=CSRF_MAX_AGE)
    except BadSignature as exc:
        raise HTTPException(403, "this form has expired; reload the page") from exc


def _queue(repo: Any) -> list[dict[str, Any]]:
    views = []
    for record in held(repo):
        view = finding_view(repo, record)
        view["headline"] = headline(finding_from_record(record))
        views.append(view)
    return views


def review_router(settings: Settings, *, guard: Guard | None = None, login: bool = True) -> APIRouter:
    """The review pages behind `guard` (default: the operator token or its session cookie);
    with `login`, also the token login form that sets the session cookie."""
    router = APIRouter(prefix="/operator", include_in_schema=False)
    guarded = APIRouter(dependencies=[Depends(guard or token_guard(settings))])

    def page(request: Request, *, status: int = 200, **context: Any) -> HTMLResponse:
        return render(request, "operator_review.html", status=status, **{"message": None, "error": None,
                                                                         "queue": [], "form": "queue", **context})

    if login:
        @router.get("/login", response_class=HTMLResponse, name="operator_login_form")
        def login_form(request: Request) -> HTMLResponse:
            return page(request, form="login")

        @router.post("/login", name="operator_login")
        def do_login(request: Request, token: Annotated[str, Form()], name: Annotated[str, Form()] = "") -> Response:
            if settings.operator_token is None:
                return page(request, status=403, form="login", error="Operator pages are off: set "
                            "MONITOR_OPERATOR_TOKEN.")
            if not token_matches(settings, token):
                return page(request, status=401, form="login", error="That is not the operator token.")
            response = RedirectResponse(request.url_for("review_page").path, status_code=303)
            response.set_cookie(SESSION_COOKIE, session_cookie(settings, name.strip()[:80] or "operator"),
                                max_age=SESSION_MAX_AGE, httponly=True, samesite="strict", path="/",
                                secure=request.url.scheme == "https")
            return response

    @guarded.get("/review", response_class=HTMLResponse, name="review_page")
    def review_page(request: Request, repo: Repo, done: str = "") -> HTMLResponse:
        try:
            queue = _queue(repo)
        except MonitorError as exc:
            return page(request, status=503, error=f"The review queue is unavailable: {exc}")
        return page(request, queue=queue, message=done or None, csrf=_csrf(settings).dumps("review"),
                    operator=session_operator(settings, request) or "")

    @guarded.get("/review.json", name="review_json")
    def review_json(repo: Repo) -> SafeJSONResponse:
        try:
            return SafeJSONResponse(_queue(repo))
        except MonitorError as exc:
            raise HTTPException(503, str(exc)) from exc

    def decided(request: Request, message: str) -> RedirectResponse:
        path = request.url_for("review_page").path
        return RedirectResponse(f"{path}?{urlencode({'done': message})}", status_code=303)

    @guarded.post("/review/approve", name="review_approve")
    def review_approve(request: Request, repo: Repo, finding_id: Annotated[str, Form()],
                       by: Annotated[str, Form()], csrf: Annotated[str, Form()],
                       note: Annotated[str, Form()] = "") -> Response:
        _check_csrf(settings, csrf)
        try:
            record = approve(repo, finding_id, by=by, note=note)
            planned = plan_alerts(repo)
            report = deliver_pending(repo, settings)
        except (ReviewError, ConfigError) as exc:
            return page(request, status=409, error=str(exc), queue=_queue(repo), csrf=_csrf(settings).dumps("review"))
        return decided(request, f"Approved {record['id']}: {planned} alert(s) planned, {report.sent} sent.")

    @guarded.post("/review/reject", name="review_reject")
    def review_reject(request: Request, repo: Repo, finding_id: Annotated[str, Form()],
                      by: Annotated[str, Form()], csrf: Annotated[str, Form()],
                      reason: Annotated[str, Form()] = "") -> Response:
        _check_csrf(settings, csrf)
        try:
            record = reject(repo, finding_id, by=by, reason=reason)
        except (ReviewError, ConfigError) as exc:
            return page(request, status=409, error=str(exc), queue=_queue(repo), csrf=_csrf(settings).dumps("review"))
        return decided(request, f"Rejected {record['id']}: nothing was sent.")

    router.include_router(guarded)
    return router

