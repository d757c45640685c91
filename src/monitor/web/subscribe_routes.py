"""Subscription pages and feeds of the web app: the double opt-in form, the confirmation
link, one-click unsubscribe (RFC 8058: a POST from the mail client, or the button on the
page a GET shows — a GET alone never unsubscribes, because link scanners follow links),
and the Atom feeds (all findings; one subscription's through a secret signed URL).

`subscription_router(settings)` returns an APIRouter; the app includes it. Pages are plain
HTML rendered with Jinja2 autoescaping and need no JavaScript.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from monitor.alerts.delivery import finding_from_record
from monitor.alerts.calendar import document_deadlines, finding_deadlines, render_calendar
from monitor.alerts.feeds import render_atom
from monitor.alerts.flows import (
    PREVIEW_ADDRESS,
    backtest_subscription,
    confirm_subscription,
    request_subscription,
    unsubscribe_with_token,
)
from monitor.alerts.matching import matches
from monitor.alerts.subscriptions import describe_filters, feed_link, new_subscription, unsubscribe_id
from monitor.alerts.tokens import read_token
from monitor.dates import utcnow
from monitor.errors import ConfigError, InvalidToken, MailError, MonitorError
from monitor.models import ACTIONS, Subscription
from monitor.provenance import describe, is_public
from monitor.settings import Settings
from monitor.web import i18n
from monitor.web.api import Repo
from monitor.web.pages import render


def _page(request: Request, title: str, *, status: int = 200, lang: str = "en", **context: object) -> HTMLResponse:
    """A subscription page (templates/subscription.html) with the app's security headers; the
    `message` is translated (web/i18n.py) and then filled with `message_args`."""
    if context.get("message"):
        token = i18n.use(i18n.choose(request))
        try:
            context["message"] = i18n.gettext(str(context["message"])).format(**context.pop("message_args", {}))
        finally:
            i18n.reset(token)
    context.pop("message_args", None)
    if request.method != "GET" and "switch_base" not in context:
        context["switch_base"] = request.url_for("subscribe_form").path
    return render(request, "subscription.html", status=status, title=title, lang=lang, actions=ACTIONS,
                  form=context.pop("form", None), error=context.pop("error", None),
                  message=context.pop("message", None), feed=context.pop("feed", None),
                  calendar=context.pop("calendar", None), values=context.pop("values", {}),
                  preview=context.pop("preview", None), preview_since=context.pop("preview_since", None),
                  token=context.pop("token", ""), **context)


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.replace(";", ",").split(",") if c.strip()]


def subscription_router(settings: Settings) -> APIRouter:
    """The subscription pages and feeds, bound to `settings` (nothing is created at import);
    they use the app's shared repository."""
    router = APIRouter(tags=["subscriptions"])

    @router.get("/subscribe", response_class=HTMLResponse, name="subscribe_form")
    def subscribe_form(request: Request) -> HTMLResponse:
        return _page(request, "Subscribe to alerts", form="subscribe")

    @router.post("/subscribe/preview", response_class=HTMLResponse, name="subscribe_preview")
    def subscribe_preview(
        request: Request, repo: Repo, email: Annotated[str, Form()] = "", receiving: Annotated[str, Form()] = "",
        population: Annotated[str, Form()] = "", query: Annotated[str, Form()] = "",
        when: Annotated[str, Form()] = "first_report", language: Annotated[str, Form()] = "en",
    ) -> HTMLResponse:
        """The form again, filled in, with what these filters would have sent in the last 12
        months (a POST, so the address typed never lands in a URL or a log)."""
        values = {"email": email, "receiving": receiving, "population": population, "query": query, "when": when,
                  "language": language}
        try:
            sub = new_subscription(PREVIEW_ADDRESS, receiving=_codes(receiving), population=_codes(population),
                                   query=query or None, language=language, when=when)
            since = utcnow().date() - dt.timedelta(days=365)
            would = backtest_subscription(repo, sub, since=since)
        except ConfigError as exc:
            return _page(request, "Subscribe to alerts", status=422, form="subscribe", error=str(exc), values=values)
        except MonitorError as exc:
            raise HTTPException(503, "search is unavailable") from exc
        return _page(request, "Subscribe to alerts", form="subscribe", values=values, preview=would,
                     preview_since=since)

    @router.post("/subscribe", response_class=HTMLResponse, name="subscribe")
    def subscribe(
        request: Request, email: Annotated[str, Form()], receiving: Annotated[str, Form()] = "",
        population: Annotated[str, Form()] = "", actions: Annotated[list[str] | None, Form()] = None,
        query: Annotated[str, Form()] = "", delivery: Annotated[str, Form()] = "instant",
        language: Annotated[str, Form()] = "en", when: Annotated[str, Form()] = "first_report",
    ) -> HTMLResponse:
        try:
            sub = new_subscription(
                email, receiving=_codes(receiving), population=_codes(population), actions=actions or None,
                query=query or None, digest=delivery == "digest", language=language, confirmed=False, when=when,
            )
            request_subscription(settings, sub)
        except ConfigError as exc:
            return _page(request, "Subscribe to alerts", status=422, form="subscribe", error=str(exc))
        except MailError:
            return _page(request, "Subscribe to alerts", status=503, form="subscribe",
                         error="We could not send the confirmation email right now; please try again later.")
        return _page(request, "Check your inbox", message="We sent a confirmation link to {email}. The subscription "
                     "starts when you open it (within 7 days).", message_args={"email": sub.email})

    @router.get("/confirm", response_class=HTMLResponse, name="confirm")
    def confirm(request: Request, repo: Repo, token: str = "") -> HTMLResponse:
        try:
            sub = confirm_subscription(repo, settings, token)
        except InvalidToken as exc:
            return _page(request, "Confirmation failed", status=400, error=str(exc))
        feed = feed_link(settings.public_url, settings.signing_key(), sub.id)
        return _page(request, "Subscription confirmed", lang=sub.language, feed=feed,
                     calendar=feed.removesuffix(".atom") + ".ics",
                     message="Alerts will go to {email} ({filters}). Your private Atom feed of the same alerts (keep "
                     "its address secret):", message_args={"email": sub.email, "filters": describe_filters(sub)})

    @router.get("/unsubscribe", response_class=HTMLResponse, name="unsubscribe_page")
    def unsubscribe_page(request: Request, token: str = "") -> HTMLResponse:
        try:
            unsubscribe_id(settings.signing_key(), token)
        except InvalidToken as exc:
            return _page(request, "Unsubscribe", status=400, error=str(exc))
        return _page(request, "Unsubscribe", form="unsubscribe", token=token,
                     message="Press the button to stop all alerts to this address.")

    @router.post("/unsubscribe", response_class=HTMLResponse, name="unsubscribe")
    def unsubscribe(request: Request, repo: Repo, token: str = "") -> HTMLResponse:
        try:
            removed = unsubscribe_with_token(repo, settings, token)
        except InvalidToken as exc:
            return _page(request, "Unsubscribe", status=400, error=str(exc))
        return _page(request, "Unsubscribed", message="You will receive no more alerts." if removed
                     else "This address was not subscribed (any more).")

    def atom(records: list[dict], *, title: str, feed_url: str, site_url: str, language: str = "en") -> Response:
        # An entry's `updated` moves with its status (confirmed later, say): updated, never duplicated.
        pairs = [(finding_from_record(r), max(dt.datetime.fromisoformat(t) for t in
                                              [r["first_seen"], *(h["at"] for h in r.get("history") or [])]))
                 for r in records]
        statuses = {r["id"]: (r.get("status") or "reported", describe(r, language)) for r in records}
        xml = render_atom(pairs, title=title, feed_url=feed_url, site_url=site_url, language=language,
                          statuses=statuses, finding_base=settings.public_url)
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    @router.get("/feeds/findings.atom", name="findings_feed")
    def findings_feed(request: Request, repo: Repo) -> Response:
        try:
            records = [r for r in repo.findings.latest(size=200) if r.get("action") == "made_amenable" and is_public(r)]
        except MonitorError as exc:
            raise HTTPException(503, "search is unavailable") from exc
        return atom(records, title="Asylum Policy Monitor: findings", feed_url=str(request.url),
                    site_url=settings.public_url)

    @router.get("/feeds/subscription/{token}.atom", name="subscription_feed")
    def subscription_feed(request: Request, repo: Repo, token: str) -> Response:
        try:
            sub_id = str(read_token(settings.signing_key(), "feed", token))
        except InvalidToken as exc:
            raise HTTPException(404, "no such feed") from exc
        try:
            stored = repo.subscriptions.get(sub_id)
            if stored is None:
                raise HTTPException(404, "no such feed")
            sub = Subscription.model_validate(stored)
            records = [r for r in repo.findings.latest(size=500) if is_public(r) and matches(finding_from_record(r), sub)
                       and (sub.when != "confirmed" or r.get("status") == "confirmed")]
        except MonitorError as exc:
            raise HTTPException(503, "search is unavailable") from exc
        return atom(records, title=f"Asylum Policy Monitor: alerts for {sub.email}", feed_url=str(request.url),
                    site_url=settings.public_url, language=sub.language)

    def ics(items: list, *, name: str) -> Response:
        return Response(render_calendar(items, name=name), media_type="text/calendar; charset=utf-8")

    @router.get("/feeds/deadlines.ics", name="deadlines_calendar")
    def deadlines_calendar(repo: Repo) -> Response:
        """Every published finding's effective date and every stated comment deadline."""
        try:
            records = [r for r in repo.findings.records() if is_public(r)]
            docs = repo.documents.with_deadlines()
        except MonitorError as exc:
            raise HTTPException(503, "search is unavailable") from exc
        base = settings.public_url
        return ics(finding_deadlines(records, base_url=base) + document_deadlines(docs, base_url=base),
                   name="Asylum Policy Monitor: effective dates and comment deadlines")

    @router.get("/feeds/subscription/{token}.ics", name="subscription_calendar")
    def subscription_calendar(repo: Repo, token: str) -> Response:
        """A subscription's own calendar (secret signed URL, like its Atom feed): the dates of the
        findings its filters match, and the comment deadlines of documents about them."""
        try:
            sub_id = str(read_token(settings.signing_key(), "feed", token))
        except InvalidToken as exc:
            raise HTTPException(404, "no such calendar") from exc
        try:
            stored = repo.subscriptions.get(sub_id)
            if stored is None:
                raise HTTPException(404, "no such calendar")
            sub = Subscription.model_validate(stored)
            records = [r for r in repo.findings.records() if is_public(r) and matches(finding_from_record(r), sub)]
            docs = [d for d in repo.documents.with_deadlines() if _about(d, sub)]
        except MonitorError as exc:
            raise HTTPException(503, "search is unavailable") from exc
        base = settings.public_url
        return ics(finding_deadlines(records, base_url=base, language=sub.language)
                   + document_deadlines(docs, base_url=base, language=sub.language),
                   name=f"Asylum Policy Monitor: dates for {sub.email}")

    return router


def _about(doc: dict, sub: Subscription) -> bool:
    """Whether a document's events concern a subscription's countries (all documents when it has no filter)."""
    if not sub.receiving and not sub.population:
        return True
    events = doc.get("events") or []
    return any((not sub.receiving or e.get("receiving") in sub.receiving)
               and (not sub.population or e.get("population") in sub.population) for e in events)
