"""Subscription pages and feeds of the web app: the double opt-in form, the confirmation
link, one-click unsubscribe (RFC 8058: a POST from the mail client, or the button on the
page a GET shows — a GET alone never unsubscribes, because link scanners follow links),
and the Atom feeds (all findings; one subscription's through a secret signed URL).

`subscription_router(settings)` returns an APIRouter; the app includes it. Pages are plain
HTML rendered with Jinja2 autoescaping and need no JavaScript.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated

import jinja2
from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from monitor.alerts.delivery import finding_from_record
from monitor.alerts.feeds import render_atom
from monitor.alerts.flows import confirm_subscription, request_subscription, unsubscribe_with_token
from monitor.alerts.matching import matches
from monitor.alerts.subscriptions import describe_filters, feed_link, new_subscription, unsubscribe_id
from monitor.alerts.tokens import read_token
from monitor.errors import ConfigError, MailError, MonitorError
from monitor.index.repository import Repository
from monitor.models import ACTIONS, Subscription
from monitor.settings import Settings

_PAGE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · Asylum Policy Monitor</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:auto;padding:1rem;line-height:1.5}
label{display:block;margin-top:.75rem}input,select,button{font-size:1rem;padding:.4rem;max-width:100%}
.error{color:#a00}</style></head>
<body><main><h1>{{ title }}</h1>
{% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
{% if message %}<p role="status">{{ message }}</p>{% endif %}
{% if form == "subscribe" %}
<form method="post" action="{{ base }}/subscribe">
<label for="email">Email address</label><input id="email" name="email" type="email" required autocomplete="email">
<label for="receiving">Receiving countries (ISO codes, comma-separated; empty = any)</label>
<input id="receiving" name="receiving" placeholder="GT, HN, SV">
<label for="population">Nationalities (ISO codes, comma-separated; empty = any)</label>
<input id="population" name="population" placeholder="MX, CU">
<label for="actions">What to be told about</label>
<select id="actions" name="actions" multiple size="5">
{% for a in actions %}<option value="{{ a }}"{% if a == "made_amenable" %} selected{% endif %}>{{ a }}</option>{% endfor %}
</select>
<label for="query">Optional words the documents must contain</label><input id="query" name="query" maxlength="500">
<label for="delivery">Delivery</label>
<select id="delivery" name="delivery"><option value="instant">one email per finding</option>
<option value="digest">one email a day</option></select>
<label for="language">Language of the emails</label>
<select id="language" name="language"><option value="en">English</option><option value="es">Español</option></select>
<p><button type="submit">Subscribe</button></p>
<p><small>We send a confirmation link first; nothing is stored until you open it.</small></p>
</form>
{% elif form == "unsubscribe" %}
<form method="post" action="{{ base }}/unsubscribe?token={{ token }}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<p><button type="submit">Unsubscribe</button></p></form>
{% endif %}
</main></body></html>
"""


@lru_cache(maxsize=1)
def _page() -> jinja2.Template:
    return jinja2.Environment(autoescape=True).from_string(_PAGE)


def _html(title: str, *, status: int = 200, **context: object) -> HTMLResponse:
    context.setdefault("lang", "en")
    return HTMLResponse(_page().render(title=title, actions=ACTIONS, **context), status_code=status)


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.replace(";", ",").split(",") if c.strip()]


def subscription_router(settings: Settings, *, repository: type[Repository] = Repository) -> APIRouter:
    """The subscription pages and feeds, bound to `settings` (nothing is created at import)."""
    router = APIRouter(tags=["subscriptions"])

    def repo() -> Repository:
        return repository.from_settings(settings)

    def base(request: Request) -> str:
        return str(request.scope.get("root_path", "")).rstrip("/")

    @router.get("/subscribe", response_class=HTMLResponse)
    def subscribe_form(request: Request) -> HTMLResponse:
        return _html("Subscribe to alerts", form="subscribe", base=base(request))

    @router.post("/subscribe", response_class=HTMLResponse)
    def subscribe(
        request: Request, email: Annotated[str, Form()], receiving: Annotated[str, Form()] = "",
        population: Annotated[str, Form()] = "", actions: Annotated[list[str] | None, Form()] = None,
        query: Annotated[str, Form()] = "", delivery: Annotated[str, Form()] = "instant",
        language: Annotated[str, Form()] = "en",
    ) -> HTMLResponse:
        try:
            sub = new_subscription(
                email, receiving=_codes(receiving), population=_codes(population), actions=actions or None,
                query=query or None, digest=delivery == "digest", language=language, confirmed=False,
            )
            request_subscription(settings, sub)
        except ConfigError as exc:
            return _html("Subscribe to alerts", status=422, form="subscribe", base=base(request), error=str(exc))
        except MailError:
            return _html("Subscribe to alerts", status=503, form="subscribe", base=base(request),
                         error="We could not send the confirmation email right now; please try again later.")
        return _html("Check your inbox", message=f"We sent a confirmation link to {sub.email}. "
                     "The subscription starts when you open it (within 7 days).")

    @router.get("/confirm", response_class=HTMLResponse)
    def confirm(token: str = "") -> HTMLResponse:
        repository_ = repo()
        try:
            repository_.ensure_indices()
            sub = confirm_subscription(repository_, settings, token)
        except ConfigError as exc:
            return _html("Confirmation failed", status=400, error=str(exc))
        finally:
            repository_.close()
        feed = feed_link(settings.public_url, settings.signing_key(), sub.id)
        return _html("Subscription confirmed", lang=sub.language,
                     message=f"Alerts will go to {sub.email} ({describe_filters(sub)}). Your private Atom feed of "
                     f"the same alerts (keep its address secret): {feed}")

    @router.get("/unsubscribe", response_class=HTMLResponse)
    def unsubscribe_page(request: Request, token: str = "") -> HTMLResponse:
        try:
            unsubscribe_id(settings.signing_key(), token)
        except ConfigError as exc:
            return _html("Unsubscribe", status=400, error=str(exc))
        return _html("Unsubscribe", form="unsubscribe", base=base(request), token=token,
                     message="Press the button to stop all alerts to this address.")

    @router.post("/unsubscribe", response_class=HTMLResponse)
    def unsubscribe(token: str = "") -> HTMLResponse:
        repository_ = repo()
        try:
            removed = unsubscribe_with_token(repository_, settings, token)
        except ConfigError as exc:
            return _html("Unsubscribe", status=400, error=str(exc))
        finally:
            repository_.close()
        return _html("Unsubscribed", message="You will receive no more alerts." if removed
                     else "This address was not subscribed (any more).")

    def atom(records: list[dict], *, title: str, feed_url: str, site_url: str, language: str = "en") -> Response:
        pairs = [(finding_from_record(r), dt.datetime.fromisoformat(r["first_seen"])) for r in records]
        xml = render_atom(pairs, title=title, feed_url=feed_url, site_url=site_url, language=language)
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    @router.get("/feeds/findings.atom")
    def findings_feed(request: Request) -> Response:
        repository_ = repo()
        try:
            records = [r for r in repository_.findings(size=200) if r.get("action") == "made_amenable"]
        except MonitorError as exc:
            raise HTTPException(503, "search is unavailable") from exc
        finally:
            repository_.close()
        return atom(records, title="Asylum Policy Monitor: findings", feed_url=str(request.url),
                    site_url=settings.public_url)

    @router.get("/feeds/subscription/{token}.atom")
    def subscription_feed(request: Request, token: str) -> Response:
        try:
            sub_id = str(read_token(settings.signing_key(), "feed", token))
        except ConfigError as exc:
            raise HTTPException(404, "no such feed") from exc
        repository_ = repo()
        try:
            stored = repository_.get_subscription(sub_id)
            if stored is None:
                raise HTTPException(404, "no such feed")
            sub = Subscription.model_validate(stored)
            records = [r for r in repository_.findings(size=500) if matches(finding_from_record(r), sub)]
        except MonitorError as exc:
            raise HTTPException(503, "search is unavailable") from exc
        finally:
            repository_.close()
        return atom(records, title=f"Asylum Policy Monitor: alerts for {sub.email}", feed_url=str(request.url),
                    site_url=settings.public_url, language=sub.language)

    return router
