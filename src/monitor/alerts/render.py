"""Alert, confirmation and digest emails rendered with Jinja2 (autoescape on for HTML),
in the subscriber's language (English or Spanish). Pure: data in, strings out."""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass, field
from functools import lru_cache

import jinja2
import pycountry

from monitor.detect.gazetteer import country_name, demonym
from monitor.models import Finding

_HEADLINES = {
    "en": {
        "made_amenable": "{pop} nationals made amenable to transfer to {rec}",
        "agreement_signed": "Asylum transfer agreement with {rec} signed",
        "agreement_in_force": "Asylum transfer agreement with {rec} in force",
        "agreement_suspended": "Asylum transfer agreement with {rec} suspended",
        "agreement_terminated": "Asylum transfer agreement with {rec} terminated",
    },
    "es": {
        "made_amenable": "Nacionales de {pop} pueden ser trasladados a {rec}",
        "agreement_signed": "Firmado el acuerdo de traslado de solicitantes de asilo con {rec}",
        "agreement_in_force": "En vigor el acuerdo de traslado de solicitantes de asilo con {rec}",
        "agreement_suspended": "Suspendido el acuerdo de traslado de solicitantes de asilo con {rec}",
        "agreement_terminated": "Terminado el acuerdo de traslado de solicitantes de asilo con {rec}",
    },
}

STRINGS = {
    "en": {
        "what_changed": "What changed", "evidence": "Evidence (quoted from the source)", "sources": "Sources",
        "affected": "Reported number of people affected: about {n}", "timeline": "Timeline of this agreement",
        "unsubscribe": "Unsubscribe (one click)", "why": "You receive this because you subscribed to the "
        "Asylum Policy Monitor.", "published": "published", "confirm_subject": "Confirm your Asylum Policy Monitor "
        "subscription", "confirm_body": "Someone (hopefully you) asked to receive alerts from the Asylum Policy "
        "Monitor at this address. To confirm, open this link within 7 days:", "confirm_ignore": "If it was not "
        "you, ignore this message: nothing will be sent.", "filters": "Your filters",
        "digest_subject": "Asylum Policy Monitor digest for {day}: {n} new finding(s), {d} new document(s)",
        "digest_findings": "New findings", "digest_documents": "New relevant documents", "none": "none",
        "any": "any", "takes_effect": "Takes effect", "comments_close": "Comments close", "status": "Status", "finding_page": "This finding, its sources and its history",
        "confirmed_subject": "Confirmed: {headline}", "confirmed_intro": "A government source now confirms "
        "a finding we sent you as reported.", "confirming": "Confirming evidence",
        "retracted_subject": "Retracted: {headline}", "retracted_intro": "A finding we sent you no longer "
        "stands. Please disregard the earlier alert.", "retracting": "Retracting evidence",
        "brief": "brief: the article could not be read; this is the news feed's own title and summary",
        "evidence_brief": "Evidence (quoted from a news feed's summary: the article itself could not be read)",
        "quoted_brief": "quoted from a news feed's summary: the article could not be read",
    },
    "es": {
        "what_changed": "Qué cambió", "evidence": "Evidencia (cita de la fuente)", "sources": "Fuentes",
        "affected": "Número de personas afectadas según la fuente: unas {n}", "timeline": "Cronología del acuerdo",
        "unsubscribe": "Darse de baja (un clic)", "why": "Recibe este mensaje porque se suscribió al Monitor de "
        "Políticas de Asilo.", "published": "publicado", "confirm_subject": "Confirme su suscripción al Monitor de "
        "Políticas de Asilo", "confirm_body": "Alguien (esperamos que usted) pidió recibir alertas del Monitor de "
        "Políticas de Asilo en esta dirección. Para confirmar, abra este enlace en los próximos 7 días:",
        "confirm_ignore": "Si no fue usted, ignore este mensaje: no se enviará nada.", "filters": "Sus filtros",
        "digest_subject": "Resumen del Monitor de Políticas de Asilo del {day}: {n} hallazgo(s) nuevo(s), "
        "{d} documento(s) nuevo(s)", "digest_findings": "Hallazgos nuevos",
        "digest_documents": "Documentos relevantes nuevos", "none": "ninguno", "any": "cualquiera",
        "takes_effect": "Entra en vigor", "comments_close": "Cierre de comentarios", "status": "Estado",
        "finding_page": "Este hallazgo, sus fuentes y su historial",
        "confirmed_subject": "Confirmado: {headline}", "confirmed_intro": "Una fuente gubernamental confirma "
        "ahora un hallazgo que le enviamos como no confirmado.", "confirming": "Evidencia que lo confirma",
        "retracted_subject": "Retirado: {headline}", "retracted_intro": "Un hallazgo que le enviamos ya no se "
        "sostiene. Por favor, no tenga en cuenta la alerta anterior.", "retracting": "Evidencia de la retirada",
        "brief": "resumen: no se pudo leer el artículo; es el título y el resumen del propio canal de noticias",
        "evidence_brief": "Evidencia (cita del resumen de un canal de noticias: no se pudo leer el artículo)",
        "quoted_brief": "cita del resumen de un canal de noticias: no se pudo leer el artículo",
    },
}


@dataclass(frozen=True)
class SourceLink:
    """A document that reported the finding (one of the story's cluster)."""

    title: str
    url: str
    published: dt.datetime | None = None
    source_id: str = ""
    id: str = ""
    publisher: str = ""
    brief: bool = False  # the feed item's own title and summary: its article could not be read


@dataclass(frozen=True)
class Links:
    unsubscribe: str = ""
    timeline: str = ""
    confirm: str = ""
    finding: str = ""


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str
    finding_headers: tuple[str, ...] = field(default_factory=tuple)
    status: str | None = None  # X-Monitor-Status: reported | confirmed | retracted


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("monitor.alerts", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def _spanish() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True)


def place(code: str, language: str = "en") -> str:
    """A country's name in the subscriber's language ("GT" → "Guatemala")."""
    if language == "es":
        country = pycountry.countries.get(alpha_2=code.upper())
        return _spanish().gettext(country.name) if country else country_name(code)
    return country_name(code)


def headline(finding: Finding, language: str = "en") -> str:
    """One line naming the finding, e.g. "Mexican nationals made amenable to transfer to Guatemala"."""
    code = finding.population or ""
    if language == "es":
        population = place(code, "es") if code else ""
    else:
        population = demonym(code) or (country_name(code) if code else "")
    phrase = _HEADLINES.get(language, _HEADLINES["en"]).get(finding.action, "{action} {rec} {pop}")
    return phrase.format(pop=population, rec=place(finding.receiving, language), action=finding.action)


def render_alert(
    finding: Finding, *, language: str = "en", sources: list[SourceLink] | None = None, links: Links | None = None,
    status: str = "reported", status_text: str = "", kind: str = "finding", confirming: str = "",
    effective: str | None = None, comments_close: str | None = None,
) -> RenderedEmail:
    """The email for one finding: the alert itself (`kind="finding"`, its status in words), or
    the short follow-up sent when a reported finding becomes confirmed (`kind="confirmed"`)."""
    env = _environment()
    language = language if language in STRINGS else "en"
    strings = STRINGS[language]
    sources = sources or [SourceLink(title=finding.title, url=finding.url, published=finding.published)]
    context = {"finding": finding, "headline": headline(finding, language), "sources": sources,
               "links": links or Links(), "t": strings, "lang": language, "status_text": status_text,
               "confirming": confirming, "effective": (effective or "")[:10], "comments_close": (comments_close or "")[:10],
               "evidence_label": strings["evidence_brief"] if finding.evidence_brief or any(
                   s.brief and s.id == finding.document_id for s in sources) else strings["evidence"]}
    name = kind if kind in ("confirmed", "retracted") else "alert"
    subject = headline(finding, language)
    if name != "alert":
        subject = strings[f"{name}_subject"].format(headline=subject)
        context.update(intro=strings[f"{name}_intro"], quoted_label=strings["confirming" if name == "confirmed"
                                                                             else "retracting"])
    return RenderedEmail(
        subject=subject,
        text=env.get_template("alert.txt" if name == "alert" else "followup.txt").render(context),
        html=env.get_template("alert.html" if name == "alert" else "followup.html").render(context),
        finding_headers=(finding.header,),
        status=status,
    )


def render_confirmation(*, language: str, link: str, filters: str) -> RenderedEmail:
    env = _environment()
    t = STRINGS.get(language, STRINGS["en"])
    context = {"t": t, "link": link, "filters": filters, "lang": language}
    return RenderedEmail(
        subject=t["confirm_subject"],
        text=env.get_template("confirm.txt").render(context),
        html=env.get_template("confirm.html").render(context),
    )


def render_digest(
    *, language: str, day: dt.date, findings: list[Finding], documents: list[SourceLink], links: Links,
) -> RenderedEmail:
    """One email grouping a day's findings and new relevant documents."""
    env = _environment()
    t = STRINGS.get(language, STRINGS["en"])
    items = [(f, headline(f, language)) for f in findings]
    context = {"t": t, "day": day, "items": items, "documents": documents, "links": links, "lang": language}
    return RenderedEmail(
        subject=t["digest_subject"].format(day=day.isoformat(), n=len(findings), d=len(documents)),
        text=env.get_template("digest.txt").render(context),
        html=env.get_template("digest.html").render(context),
        finding_headers=tuple(f.header for f in findings),
    )
