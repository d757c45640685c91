"""Affected counts: how many people a reported change affects, when the text says so.

A count is a number (digits with either thousands separator, "1.5 million", or a number word
from two to ninety in English or Spanish) followed within a few words by a people noun
("asylum seekers", "personas", "Hondurans and Salvadorans"). Only sentences tied to the news
are read: the evidence of a current event, or a sentence that states who is affected
("could affect", "eligible", "afectará"). Historical tallies ("945 people had been flown")
describe the past and are skipped, unless the document reports nothing current.
"""

from __future__ import annotations

import re

from monitor.detect import cues as C

__all__ = ["affected_count"]

_I = re.IGNORECASE
_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
}
_MULTIPLIERS = {"thousand": 1000, "mil": 1000, "million": 1_000_000, "millones": 1_000_000, "k": 1000}
# "once" is also English ("once more"): Spanish number words are read only before a Spanish noun.
_SPANISH_ONLY = frozenset({"once", "dos", "tres", "seis", "siete", "nueve"})

COUNT = re.compile(
    r"(?:(?P<num>\d{1,3}(?:[,.]\d{3})+|\d+(?:[.,]\d+)?)|\b(?P<word>(?i:" + "|".join(sorted(_WORDS, key=len, reverse=True))
    + r")))\s*(?P<mult>(?i:million|millones|mil|thousand|k\b))?\s+"
    r"(?:(?:[\w-]+)\s+){0,4}?(?P<noun>(?i:asylum[\s-]+(?:seekers?|applicants?)|applicants?|people|persons|"
    r"individuals|migrants|nationals|citizens|refugees|families|claimants|cases|"
    r"solicitantes|personas|migrantes|nacionales|ciudadanos|refugiados|familias|casos)|"
    # Demonyms: capitalized in English ("Hondurans"), lower case in Spanish ("hondureños").
    r"[A-Z][a-z]+(?:ans|ese|is)|[a-zñ]+(?:anos|eños|enses|ecos|íes))\b")
# Sentences that say who a change affects; with these, a count need not sit in the event's evidence.
IMPACT = re.compile(r"\baffect\w*|\bimpact\w*|\bafect\w+|\beligible\b|\bamenable\b|\bsubject\s+to\b|\belegibles?\b|"
                    r"\bcould\s+be\s+(?:relocated|transferred|sent)\b|\bpodr[ií]an\s+ser\s+(?:trasladad|enviad)\w*", _I)
# Sentences about people moved under an agreement: read only when nothing current is reported.
TRANSFER_CONTEXT = re.compile(r"\btransferr?\w*|\bsent\b|\bflown\b|\brelocat\w+|\btraslad\w+|\benviad\w+|"
                              r"\breceived\b|\brecib\w+|\barriv\w+|\blleg\w+", _I)
_SPANISH_PLURAL = re.compile(r"[a-zñ]+(?:es|as|os)$")
_GROUPED = re.compile(r"\d{1,3}(?:[,.]\d{3})+")  # "1,200", "1.500"
_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")  # "1.5 million", "2,5 millones"
_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[,.]")
_ASYLUM_NOUN = re.compile(r"asylum|applicant|solicitante", _I)
# "15 de julio", "July 15", "15 July": a day of the month, not a head count.
_DATE_AFTER = re.compile(r"\s+(?:de\s+)?(?:" + "|".join(C.MONTHS) + r")\b", _I)
_DATE_BEFORE = re.compile(r"\b(?:" + "|".join(C.MONTHS) + r")\.?\s*$", _I)
_NOT_PEOPLE_BEFORE = re.compile(r"(?:Title|T[íi]tulo|\$|US\$|€|No\.|Nos\.|art\.|section)\s*$", _I)


def _value(match: re.Match[str]) -> int | None:
    multiplier = match.group("mult")
    if match.group("word"):
        word = match.group("word").lower()
        if word in _SPANISH_ONLY and not _SPANISH_PLURAL.match(match.group("noun")):
            return None
        return _WORDS[word] * (_MULTIPLIERS[multiplier.lower()] if multiplier else 1)
    number = match.group("num")
    if _GROUPED.fullmatch(number) and not multiplier:
        return int(_SEPARATORS.sub("", number))
    if multiplier:
        decimal = _DECIMAL.fullmatch(number)
        value = float(number.replace(",", ".")) if decimal else float(_SEPARATORS.sub("", number))
        return int(value * _MULTIPLIERS[multiplier.lower()])
    if _DIGITS.fullmatch(number):
        value = int(number)
        return None if 1900 <= value <= 2100 else value  # a year, not a head count
    return None


def _counts(sentence: str) -> list[tuple[int, bool]]:
    """(value, is asylum-specific noun) for each people count in a sentence."""
    found = []
    for match in COUNT.finditer(sentence):
        head = sentence[max(0, match.start() - 12) : match.start()]
        if _NOT_PEOPLE_BEFORE.search(head) or _DATE_BEFORE.search(head):
            continue
        if match.group("num") and _DATE_AFTER.match(sentence, match.end("num")):
            continue
        value = _value(match)
        if value is not None and value >= 2:
            found.append((value, bool(_ASYLUM_NOUN.match(match.group("noun")))))
    return found


def affected_count(sentences: list[str], evidence: set[str], *, background: set[str]) -> int | None:
    """The number of people the reported change affects, if the text states it.

    `evidence` holds the quotes of current (non-background) events and `background` the sentences
    judged background. With current events, a count is
    read from their evidence or from a current sentence stating who is affected; without,
    from any sentence about people moved under the agreement.
    """
    best: tuple[int, int] | None = None
    chosen: int | None = None
    for index, sentence in enumerate(sentences):
        in_evidence = any(sentence in quoted for quoted in evidence)
        impact = bool(IMPACT.search(sentence))
        if evidence:
            if not (in_evidence or (impact and sentence not in background)):
                continue
        elif not (impact or TRANSFER_CONTEXT.search(sentence)):
            continue
        for value, asylum in _counts(sentence):
            score = 2 * impact + 2 * in_evidence + asylum
            if best is None or (score, -index) > best:
                best, chosen = (score, -index), value
    return chosen
