"""Provenance of a finding: who says it, and whether a government says it (pure).

Each source in the sources file declares its `authority` (`official` for governments and the
Federal Register, `news`, `ngo`, `court`; default `news`), and every document carries its
source's authority and publisher. A supporting document *confirms* a finding when it comes
from an official source, or when its evidence quotes an official on the record ("DHS said",
"el canciller confirmó"); a finding supported only otherwise is *reported*.
`provenance()` decides it from a record's supporting documents, and `describe()` says it in
words for emails, pages, the API and the feeds ("Confirmed by US Department of Homeland
Security, 2020-01-06" / "Reported by 2 outlets, not yet confirmed by a government source").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["AUTHORITIES", "QUIET", "is_public", "Authority", "Confirmation", "describe", "outlets", "provenance", "quotes_official"]

Authority = Literal["official", "news", "ngo", "court"]
#: Statuses in which a finding is neither sent nor shown publicly (monitor/review.py).
QUIET = ("held", "rejected")


def is_public(record: Mapping[str, Any]) -> bool:
    """Whether a knowledge record may be shown and sent: not held for review, not rejected."""
    return record.get("status") not in QUIET

AUTHORITIES: tuple[str, ...] = ("official", "news", "ngo", "court")

# Who speaks for a government: offices, posts and their usual abbreviations (EN and ES).
_OFFICIAL = (
    r"(?:minist(?:er|ry|ro|ra|erio)s?|vice-?minist\w+|secretar(?:y|ía|ia|io|ia)s?|department|departamento|"
    r"DHS|USCIS|CBP|ICE|State\s+Department|government|gobierno|administration|administración|"
    r"spokes(?:wo)?m[ae]n|spokesperson|portavoz|vocer[oa]s?|officials?|funcionari[oa]s?|"
    r"authorities|autoridades|embassy|embajada|ambassador|embajador[a]?|president|presidente|presidenta|"
    r"canciller(?:ía|ia)?|foreign\s+minist\w+|interior\s+minist\w+|home\s+office|home\s+secretary|"
    r"instituto\s+(?:guatemalteco|nacional|hondureño|salvadoreño)\s+de\s+migración|migración|"
    r"direcci[oó]n\s+general\s+de\s+migraci[oó]n)"
)
# Verbs and phrases that put words on the record (EN and ES).
_SAYS = (
    r"(?:said|says|confirmed|confirms|announced|announces|stated|states|told|declared|according\s+to|"
    r"denied|denies|rejected|dismissed|neg[oó]|desminti[oó]|rechaz[oó]|aclar[oó]|"
    r"dijo|afirm[oó]|confirm[oó]|anunci[oó]|inform[oó]|declar[oó]|asegur[oó]|indic[oó]|explic[oó]|"
    r"señal[oó]|comunic[oó]|detall[oó]|precis[oó]|según|de\s+acuerdo\s+con)"
)
# The office and the verb within a few words of each other, in either order.
_QUOTED = re.compile(
    rf"\b{_OFFICIAL}\b(?:\W+\w+){{0,6}}?\W+{_SAYS}\b|\b{_SAYS}\b(?:\W+\w+){{0,3}}?\W+{_OFFICIAL}\b",
    re.IGNORECASE,
)
# Attributions to people who do not speak for a government, which the window above could
# otherwise pair with an office named further on ("lawyers said the government…").
_NOT_OFFICIAL = re.compile(
    r"\b(?:lawyers?|attorneys?|abogad[oa]s?|advocates?|activists?|activistas?|critics?|críticos?|"
    r"researchers?|investigador\w*|ngos?|ong|human\s+rights\s+watch|amnesty|acnur|unhcr|analysts?|"
    r"analistas?|defensores?|opposition|oposición|newspapers?|reports?|periódicos?|diarios?|media|medios)\b"
    r"(?:\W+\w+){0,2}?\W+" + _SAYS + r"\b",
    re.IGNORECASE,
)


def quotes_official(evidence: str) -> bool:
    """Whether an evidence sentence attributes its claim to a government office or official."""
    if not evidence:
        return False
    for match in _QUOTED.finditer(evidence):
        # The speaker may stand just before the match ("Lawyers said the government…").
        if not _NOT_OFFICIAL.search(evidence[max(0, match.start() - 40):match.end()]):
            return True
    return False


@dataclass(frozen=True)
class Confirmation:
    """What confirmed a finding: the publisher, the date, the document, and how."""

    publisher: str
    date: str | None
    document_id: str
    how: Literal["official_source", "quoted_official"]

    def as_dict(self) -> dict[str, Any]:
        return {"publisher": self.publisher, "date": self.date, "document_id": self.document_id, "how": self.how}


def _confirms(source: Mapping[str, Any]) -> str | None:
    if source.get("background") or source.get("withdrawn"):
        return None  # a recap of the past confirms nothing about the present; a withdrawn source nothing at all
    if source.get("authority") == "official":
        return "official_source"
    if source.get("quotes_official"):
        return "quoted_official"
    return None


def provenance(sources: Iterable[Mapping[str, Any]]) -> tuple[str, Confirmation | None]:
    """`("confirmed", first confirmation)` when an official source or an official quoted on the
    record supports the finding, else `("reported", None)`. Official sources outrank quotes."""
    best: tuple[int, str, Confirmation] | None = None
    for source in sources:
        how = _confirms(source)
        if how is None:
            continue
        date = (source.get("published") or source.get("seen") or "")[:10] or None
        confirmation = Confirmation(publisher=source.get("publisher") or source.get("source_id") or "",
                                    date=date, document_id=source.get("document_id", ""), how=how)  # type: ignore[arg-type]
        rank = (0 if how == "official_source" else 1, date or "9999")
        if best is None or rank < best[:2]:
            best = (*rank, confirmation)  # type: ignore[assignment]
    return ("confirmed", best[2]) if best else ("reported", None)


def outlets(sources: Iterable[Mapping[str, Any]]) -> int:
    """How many distinct publishers report the finding now (recaps of the past not counted)."""
    names = {s.get("publisher") or s.get("source_id") or s.get("document_id") for s in sources
             if not s.get("background") and not s.get("withdrawn")}
    return len(names) or 1


_WORDS = {
    "en": {
        "official_source": "Confirmed by {publisher}, {date}",
        "quoted_official": "Confirmed on the record by an official quoted in {publisher}, {date}",
        "reported": "Reported by {n} outlet{s}, not yet confirmed by a government source",
        "held": "Held for review by an operator; not sent",
        "rejected": "Rejected by an operator",
        "retracted": "Retracted on {date}: {reason}",
    },
    "es": {
        "official_source": "Confirmado por {publisher}, {date}",
        "quoted_official": "Confirmado por un funcionario citado en {publisher}, {date}",
        "reported": "Publicado por {n} medio{s}, aún sin confirmación de una fuente gubernamental",
        "held": "Retenido para revisión por un operador; no enviado",
        "rejected": "Rechazado por un operador",
        "retracted": "Retirado el {date}: {reason}",
    },
}


#: Why a finding was retracted (monitor/review.py), in words.
_REASONS = {
    "en": {"denied": "a government denied it", "corrected": "its source published a correction",
           "no_longer_stated": "its source no longer states it"},
    "es": {"denied": "un gobierno lo desmintió", "corrected": "su fuente publicó una corrección",
           "no_longer_stated": "su fuente ya no lo afirma"},
}


def describe(record: Mapping[str, Any], language: str = "en") -> str:
    """A record's status in words, in English or Spanish."""
    words = _WORDS.get(language, _WORDS["en"])
    status = record.get("status") or "reported"
    if status == "retracted":
        retraction = record.get("retraction") or {}
        reason = _REASONS.get(language, _REASONS["en"]).get(retraction.get("reason", ""), retraction.get("reason", ""))
        return words["retracted"].format(date=(retraction.get("at") or "?")[:10], reason=reason or "?")
    if status in ("held", "rejected"):
        return words[status]
    confirmed = record.get("confirmed_by") or {}
    if status == "confirmed" and confirmed:
        return words[confirmed.get("how", "official_source")].format(
            publisher=confirmed.get("publisher") or "?", date=confirmed.get("date") or "?")
    n = outlets(record.get("sources") or [])
    return words["reported"].format(n=n, s="s" if n != 1 else "")
