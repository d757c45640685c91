"""Text helpers of the detector: sentence spans, background (past) dating, affected counts.

Sentences are returned as (start, end) offsets into the original text so that evidence is
always an exact quote. The splitter knows English and Spanish abbreviations ("Sen.",
"Sra."), initials, and dotted acronyms ("U.S.", "EE.UU.") that usually do not end a sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from monitor.detect import rules as R

__all__ = ["split_sentences", "is_background", "affected_count"]

_LINES = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(¿¡]?[A-ZÁÉÍÓÚÑ0-9])")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr", "sr", "sra", "srta",
    "vol", "inc", "corp", "co", "ltd", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "e.g", "i.e", "vs", "pres", "lic", "ing", "art", "núm", "aprox", "approx",
    "fig", "gral", "dra", "ud", "uds", "pp", "p", "a.m", "p.m", "av", "ave", "mt", "ft",
})
_INITIAL = re.compile(r"[A-Z]\.")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(¿¡]?([\w']+)")
_ACRONYM = re.compile(r"(?:[A-Za-z]{1,2}\.){2,}")
# After an acronym ("... in the U.S. The agreement ..."), these words still start a new sentence.
_STARTERS = frozenset({
    "The", "A", "An", "In", "It", "This", "That", "These", "Those", "But", "He", "She", "They", "We", "Its",
    "El", "La", "Los", "Las", "En", "Un", "Una", "Según", "Sin", "Por", "Pero", "Además", "On",
})
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|\w{3,}ed|\w+(?:ó|aron|ió|ieron))\b", re.IGNORECASE)
_NUMBER_WORDS = {"thousand": 1000, "mil": 1000, "million": 1_000_000, "millones": 1_000_000, "k": 1000}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for line in _LINES.finditer(text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            word_start = max(start, text.rfind(" ", start, boundary.start()) + 1)
            word = text[word_start : boundary.start() + 1].lstrip("\"'“‘(«")
            following = _NEXT_WORD.match(text, boundary.end())
            if word.rstrip(".").lower() in _ABBREVIATIONS or _INITIAL.fullmatch(word):
                continue
            if word in ("No.", "no.", "Nos.") and following and following.group(1)[0].isdigit():
                continue
            if _ACRONYM.fullmatch(word) and (following is None or following.group(1) not in _STARTERS):
                continue
            spans.append((start, boundary.end()))
            start = boundary.end()
        spans.append((start, line.end()))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_background(sentence: str, published: dt.date | None) -> bool:
    """True if the sentence reports something dated before the document (background)."""
    if R.BACKGROUND.search(sentence):
        return True
    if published is None:
        return False
    years = [int(m.group("y") or m.group("y2")) for m in R.YEAR.finditer(sentence)]
    if any(year < published.year for year in years):
        return True
    if years and all(year > published.year for year in years):
        return False
    future = bool(R.FUTURE.search(sentence))
    for match in R.MONTH_REF.finditer(sentence):
        month = R.MONTHS[(match.group("m1") or match.group("m2")).lower()]
        if month < published.month and not future:
            return True
        if month > published.month and not years and not future and _PAST_VERB.search(sentence):
            return True  # "brokered in July", read in January: last year's July
    return False


def _parse_count(number: str, multiplier: str | None) -> int | None:
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", number) and not multiplier:
        return int(re.sub(r"[,.]", "", number))
    if multiplier:
        decimal = re.fullmatch(r"\d+[.,]\d{1,2}", number)  # "1.5 million", "2,5 millones"
        value = float(number.replace(",", ".")) if decimal else float(re.sub(r"[,.]", "", number))
        return int(value * _NUMBER_WORDS[multiplier.lower()])
    if re.fullmatch(r"\d+", number):
        return int(number)
    return None


def affected_count(sentences: list[str], evidence: set[str]) -> int | None:
    """The number of people the reported change affects, if the text states it."""
    best: tuple[int, int] | None = None
    value_of_best: int | None = None
    for index, sentence in enumerate(sentences):
        for match in R.COUNT.finditer(sentence):
            value = _parse_count(match.group("num"), match.group("mult"))
            if value is None or value < 2 or (1900 <= value <= 2100 and "," not in match.group("num")):
                continue
            if re.search(r"(?:Title|T[íi]tulo|\$|US\$)\s*$", sentence[: match.start()], re.IGNORECASE):
                continue
            score = 2 if R.COUNT_CONTEXT.search(sentence) else 0
            score += 2 if sentence in evidence else 0
            score += 1 if re.match(r"asylum|applicant|solicitante", match.group("noun"), re.IGNORECASE) else 0
            if score >= 2 and (best is None or (score, -index) > best):
                best, value_of_best = (score, -index), value
    return value_of_best
