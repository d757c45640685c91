"""Alert emails rendered with Jinja2 (autoescape on for HTML): subject, text and HTML bodies."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import jinja2

from monitor.detect.gazetteer import country_name, demonym
from monitor.models import Finding

_ACTION_PHRASES = {
    "made_amenable": "{pop} nationals made amenable to transfer to {rec}",  # "Mexican nationals"
    "agreement_signed": "Asylum transfer agreement with {rec} signed",
    "agreement_in_force": "Asylum transfer agreement with {rec} in force",
    "agreement_suspended": "Asylum transfer agreement with {rec} suspended",
    "agreement_terminated": "Asylum transfer agreement with {rec} terminated",
}


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("monitor.alerts", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def headline(finding: Finding) -> str:
    """One line naming the finding, e.g. "Mexican nationals made amenable to transfer to Guatemala"."""
    code = finding.population or ""
    population = demonym(code) or (f"{country_name(code)}" if code else "")
    phrase = _ACTION_PHRASES.get(finding.action, "{action} {rec} {pop}")
    return phrase.format(pop=population, rec=country_name(finding.receiving), action=finding.action)


def render_alert(finding: Finding) -> RenderedEmail:
    """Render the email for one new finding."""
    env = _environment()
    context = {"finding": finding, "headline": headline(finding)}
    return RenderedEmail(
        subject=headline(finding),
        text=env.get_template("alert.txt").render(context),
        html=env.get_template("alert.html").render(context),
    )
