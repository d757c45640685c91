"""Jinja2 for the web pages: autoescaping on, and the only filters allowed to emit markup.

Everything from documents is escaped by autoescaping. Two filters are the exceptions, and
both are built to be safe: `marked` turns a highlight fragment into markup whose only tags are
`<mark>`/`</mark>` (see `index.results.clean_fragment`), and `href` lets only http(s) URLs
become links (a feed could carry `javascript:` URLs).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from monitor.index.results import clean_fragment
from monitor.web import i18n

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

ACTION_LABELS = {
    "made_amenable": "Made amenable to transfer",
    "agreement_signed": "Agreement signed",
    "agreement_in_force": "Agreement in force",
    "agreement_suspended": "Agreement suspended",
    "agreement_terminated": "Agreement terminated",
}
FACET_LABELS = {
    "receiving": "Receiving country",
    "population": "Nationality",
    "action": "Finding",
    "kind": "Kind of source",
    "source": "Source",
    "lang": "Language",
    "published": "Published",
}
KIND_LABELS = {"feed": "News feed", "html_list": "Web page listing", "json_api": "Government API"}
LANGUAGE_LABELS = {"en": "English", "es": "Spanish"}


def country(code: str | None) -> str:
    """"GT" → "Guatemala" in the page's language (the code itself when unknown)."""
    if not code:
        return ""
    from monitor.alerts.render import place  # pycountry's tables load on first use

    return place(code, i18n.current())


def facet_label(name: str, value: str) -> str:
    """How a facet value reads on the page, in the page's language."""
    if name in ("receiving", "population"):
        return f"{country(value)} ({value})"
    if name == "action":
        return i18n.gettext(ACTION_LABELS.get(value, value))
    if name == "kind":
        return i18n.gettext(KIND_LABELS.get(value, value))
    if name == "lang":
        return i18n.gettext(LANGUAGE_LABELS.get(value, value))
    return value


def status_words(status: str | None, entry: object) -> str:
    """A timeline entry's status in words, in the page's language."""
    if i18n.current() == "es":
        return str(getattr(entry, "status_text_es", "") or getattr(entry, "status_text", ""))
    return str(getattr(entry, "status_text", "") or status or "")


def marked(fragment: str | None) -> Markup:
    """A highlight fragment as markup: escaped text, `<mark>` its only tag."""
    return Markup(clean_fragment(fragment or ""))  # noqa: S704 - clean_fragment escapes everything else


def href(url: str | None) -> str | None:
    """The URL if it may become a link (http or https), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def host(url: str | None) -> str:
    """The host name of a URL ("" when it has none)."""
    try:
        return urlsplit(url or "").hostname or ""
    except ValueError:
        return ""


def day(value: object) -> str:
    """YYYY-MM-DD of a date, a datetime or an ISO string ("" for none)."""
    return str(value or "")[:10]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
        auto_reload=False,  # the templates ship with the package: no stat() of each file per request
    )
    env.filters.update(country=country, marked=marked, href=href, day=day, host=host, status_words=status_words,
                       action_label=lambda a: i18n.gettext(ACTION_LABELS.get(a, a)))
    env.globals.update(_=i18n.gettext, facet_label=facet_label, FACET_LABELS=FACET_LABELS, ACTION_LABELS=ACTION_LABELS,
                       KIND_LABELS=KIND_LABELS,
                       LANGUAGE_LABELS=LANGUAGE_LABELS)
    return env
