"""The parties of a document's agreement: which state sends, and where the document is written.

Any state can send and any can receive. The sending state is the one people asked for
protection in ("who claimed asylum in the United Kingdom", "quienes piden refugio en el sur de
México"), the one they are moved from ("transferred from Chile to Peru"), or the one whose
government sends ("Denmark will relocate …"); failing such cues, a party that usually hosts
asylum seekers (the United States first: the agreements this monitor was built for), and
failing everything, the United States. The dateline ("KAMPALA, Uganda —") says where a
report is written, which is where "here" and "aquí" point. Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from monitor.detect.gazetteer import Mention, find_mentions
from monitor.detect.prefilter import prefilter_module

__all__ = ["DEFAULT_SENDER", "Parties", "parties"]

DEFAULT_SENDER = "US"
#: States that mostly receive asylum claims, and so are the sending side of transfer deals.
HOSTS = frozenset({"US", "GB", "DK", "DE", "AT", "IT", "NL", "BE", "SE", "NO", "FI", "FR", "ES", "GR", "CH", "IE",
                   "AU", "NZ", "IL", "JP", "CA"})
_I = re.IGNORECASE
_W = r"(?:[\w'’.-]+\s+){0,6}?"
# "who claimed asylum in the UK", "personas que solicitaron protección en los Estados Unidos": the asker's
# own clause (a relative or "after"), not a purpose ("sent there to seek protection in Guatemala").
_ASKED_IN = re.compile(
    r"\b(?:who|that|which|those|people|persons|individuals|que|quienes|quien|personas|after|tras|having|"
    r"when|cuando|if|si|y)\s+(?:have\s+|had\s+|has\s+|han\s+|hayan\s+|hubieran\s+|already\s+|ya\s+|first\s+)?"
    r"(?:claim(?:ed|s)?|ask(?:ed|s)?\s+for|appl(?:y|ied|ies)\s+for|sought|seek(?:s)?|request(?:ed|s)?|lodge[ds]?|"
    r"file[ds]?|piden|pidieron|pidan|pidieran|solicit(?:an|aron|ado|en|ó|e|aran)|buscan|presentaron|presenten|"
    r"presentado)\s+(?:for\s+)?(?:an?\s+)?(?:asylum|protection|refuge|refugee\s+status|asilo|protecci[oó]n|refugio)"
    r"(?:\s+(?:internacional|international))?\s+(?:in|at|en)\s+(?:the\s+|el\s+|los\s+|la\s+)?"
    r"(?:(?:territory|territorio|border|frontera)\s+(?:of|de)\s+(?:the\s+|la\s+|el\s+|los\s+)?|(?:sur|norte)\s+de\s+|"
    r"(?:southern|northern)\s+)?$", _I)
# "su solicitud de reconocimiento de la condición de refugiado en México", "asylum claims lodged in Denmark".
_REQUESTED_IN = re.compile(
    r"\b(?:solicitud(?:es)?|requests?|applications?|petici[oó]n(?:es)?)\s+(?:de|for|of)\s+"
    r"(?:[\w'’]+\s+){0,5}?(?:asilo|asylum|refugio|refugiad[oa]|refugee(?:\s+status)?|protecci[oó]n|protection)"
    r"(?:\s+(?:internacional|international|complementaria))?\s+(?:in|en)\s+(?:the\s+|el\s+|los\s+|la\s+)?$", _I)
# "who entered the United Kingdom irregularly", "que ingresaron a México": where people asked, not where
# they are sent (arrivals are not read: people also arrive in the receiving state).
_HOSTED_IN = re.compile(
    r"\b(?:entered|enter|entering|ingres(?:an|aron|en|ado|ó)\s+(?:a|al))\s+(?:the\s+|el\s+|los\s+|la\s+)?$", _I)
_MOVED_FROM = re.compile(r"\b(?:transferr?ed|transfers?|sent|flown|relocated|moved|trasladad\w*|traslados?|enviad\w*|"
                         r"reubicad\w*)\s+(?:[\w'’-]+\s+){0,5}?(?:from|desde)\s+(?:the\s+|el\s+|los\s+)?$", _I)
# "transferred to Uganda", "trasladadas a Guatemala": where people go, so not the sender.
_MOVED_TO = re.compile(r"\b(?:transferr?ed|transfers?|transferring|send|sent|sending|flown|relocated?|moved|removed|"
                       r"traslad\w*|envi\w*|reubicad\w*|recibir\w*)\s+(?:[\w'’-]+\s+){0,5}?(?:to|into|a|al|hacia)\s+"
                       r"(?:the\s+|el\s+|la\s+|los\s+)?$", _I)
# "solicitantes de refugio derivados por Chile", "asylum seekers sent by Denmark": the state that sends them.
_SENT_BY = re.compile(r"\b(?:sent|referred|transferred|relocated|flown|enviad[oa]s|derivad[oa]s|remitid[oa]s|"
                      r"trasladad[oa]s|reubicad[oa]s)\s+(?:here\s+|aqu[ií]\s+)?(?:by|por)\s+(?:the\s+(?:government|"
                      r"authorities)\s+of\s+|el\s+gobierno\s+de\s+|las\s+autoridades\s+de\s+)?(?:the\s+|el\s+|los\s+)?$",
                      _I)
_MOVED_FROM_AFTER = re.compile(r"^\W{0,3}\s*(?:to|a|hacia|al)\s+", _I)
_SENDS_AFTER = re.compile(
    r"^(?:'s\s+(?:government|home\s+office|ministry)\s+)?\s*(?:will\s+|would\s+|may\s+|can\s+|could\s+|"
    r"podr[aá]n?\s+|puede(?:n)?\s+)?(?:be\s+able\s+to\s+)?(?:send|sends|sent|relocate[sd]?|transfer(?:s|red)?|"
    r"remov(?:e|es|ed)|envi(?:ará|a|ó|aría|ar)|traslad(?:ará|a|ó|aría|ar)|reubic(?:ará|a|ó|ar))\b", _I)
_DATELINE = re.compile(r"^\s*(?P<place>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]{2,40}?)(?:,\s*(?P<rest>[^\n]{0,60}?))?\s*"
                       r"(?:\(|[—–-]{1,2}\s)", re.MULTILINE)


# "El viceministro costarricense", "the Guatemalan foreign minister", "Costa Rica's vice minister": an
# official of a state speaks, and "our country", "su país" in the report are that state.
_TITLE = (r"(?:vice[\s-]?ministr[oa]|ministr[oa]|minister|canciller|presidente|presidenta|president|vicepresidente|"
          r"vice[\s-]?president|secretary|secretari[oa]|spokes(?:person|man|woman)|vocero|portavoz|ambassador|embajador[a]?|"
          r"director[a]?|official|funcionari[oa])")
_TITLE_BEFORE = re.compile(_TITLE + r"\s+(?:de\s+\w+\s+)?$", _I)
_TITLE_AFTER = re.compile(r"^\s+(?:(?:foreign|interior|security|deputy|vice|home\s+affairs)\s+){0,2}" + _TITLE + r"\b", _I)
_POSSESSIVE_TITLE_AFTER = re.compile(r"^['’]s\s+(?:(?:foreign|interior|security|deputy|vice|home\s+affairs)\s+){0,2}" + _TITLE
                                     + r"\b", _I)
SPEAKER_SPAN = 1500  # characters of headline and lead where the speaking official is introduced


@dataclass(frozen=True)
class Parties:
    sender: str
    sender_cue: str
    dateline: str | None  # the country a dateline places the report in
    dateline_cue: str = ""
    speaker: str | None = None  # the state whose official speaks in the lead ("our country" is that state)
    speaker_cue: str = ""


def _speaker(text: str, mentions: list[Mention], sender: str) -> tuple[str | None, str]:
    for mention in mentions:
        if mention.start > SPEAKER_SPAN or mention.code == sender:
            continue
        head = text[max(0, mention.start - 40) : mention.start]
        tail = text[mention.end : mention.end + 60]
        if mention.kind == "demonym" and not mention.plural and (
                _TITLE_BEFORE.search(head) or _TITLE_AFTER.match(tail)):
            return mention.code, (head[-25:] + mention.text + tail[:25]).strip()
        if mention.kind == "country" and _POSSESSIVE_TITLE_AFTER.match(tail):
            return mention.code, (mention.text + tail[:25]).strip()
    return None, ""


def _sender(text: str, mentions: list[Mention]) -> tuple[str, str]:
    scores: Counter[str] = Counter()
    cues: dict[str, str] = {}
    for mention in mentions:
        if mention.kind != "country":
            continue
        head = text[max(0, mention.start - 160) : mention.start]
        tail = text[mention.end : mention.end + 60]
        for rx, weight in ((_ASKED_IN, 3), (_REQUESTED_IN, 3), (_HOSTED_IN, 2)):
            if match := rx.search(head):
                scores[mention.code] += weight
                cues.setdefault(mention.code, (match.group() + mention.text).strip())
        if _MOVED_FROM.search(head) and _MOVED_FROM_AFTER.match(tail):
            scores[mention.code] += 3
            cues.setdefault(mention.code, f"from {mention.text} to …")
        if match := _SENT_BY.search(head):
            scores[mention.code] += 3
            cues.setdefault(mention.code, (match.group() + mention.text).strip())
        if _SENDS_AFTER.match(tail):
            scores[mention.code] += 2
            cues.setdefault(mention.code, mention.text + tail[:20])
        if _MOVED_TO.search(head):
            scores[mention.code] -= 3  # a destination, whatever else is said of it
    named = Counter(m.code for m in mentions if m.kind == "country")
    positive = {code: score for code, score in scores.items() if score > 0 and code in cues}
    if positive:
        best, _score = max(positive.items(), key=lambda item: (item[1], item[0] in HOSTS, named[item[0]]))
        return best, cues[best]
    if DEFAULT_SENDER in named:
        return DEFAULT_SENDER, "the United States is a party"
    hosts = [code for code, _ in named.most_common() if code in HOSTS]
    if hosts:
        return hosts[0], f"{hosts[0]} usually hosts asylum seekers"
    return DEFAULT_SENDER, "no other sending state in view"


def _dateline_country(text: str) -> tuple[str | None, str]:
    match = _DATELINE.search(text, 0, 1500)
    if not match:
        return None, ""
    for part in (match.group("rest") or "", match.group("place").title()):
        found = find_mentions(part)
        if found and found[0].kind == "country":
            return found[0].code, match.group().strip()
    return None, ""


def parties(text: str) -> Parties:
    """The sending state and the dateline's country of a document (title and text)."""
    mentions = find_mentions(text)
    sender, cue = _sender(text, mentions)
    where, where_cue = _dateline_country(text)
    speaker, speaker_cue = _speaker(text, mentions, sender)
    return Parties(sender=sender, sender_cue=cue, dateline=where, dateline_cue=where_cue, speaker=speaker,
                   speaker_cue=speaker_cue)


# Literal prefilters (detect/prefilter.py): the same answers, most patterns never run.
prefilter_module(globals())
