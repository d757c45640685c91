"""Text helpers of the detector: sentence spans, the document's dateline, background (past) dating.

Sentences are returned as (start, end) offsets into the original text so that evidence is
always an exact quote. The splitter knows English and Spanish abbreviations ("Sen.",
"Sra."), initials, and dotted acronyms ("U.S.", "EE.UU.", "EE. UU.") that usually do not end
a sentence. A plain-text document carries its date, if at all, in its first lines.
"""

from __future__ import annotations

import datetime as dt
import re

from monitor.dates import date_from_match
from monitor.detect import cues as C
from monitor.detect.prefilter import prefilter_module

__all__ = ["dateline", "document_year", "is_background", "split_sentences"]

_LINES = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(¿¡]?[A-ZÁÉÍÓÚÑ0-9])")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr", "sr", "sra", "srta",
    "vol", "inc", "corp", "co", "ltd", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "ee", "e.g", "i.e", "vs", "pres", "lic", "ing", "art", "núm", "aprox", "approx",
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
_DATELINE_CHARS = 400  # a dateline sits in the first lines
_SHORT_LINE = 90
_SHORT_PREFIX = 40


# A line that starts a list item or a table row is never the continuation of the line above.
_STRUCTURED = re.compile(r"^\s*(?:[-•*·–—▪◦‣|]|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_WRAP_MIN, _WRAP_MAX = 55, 100  # lines of a hard-wrapped paragraph (a notice or memo printed to text)
_RUNS_ON = re.compile(r"(?:[,;(\-–]|\b(?:the|a|an|of|to|and|or|in|on|for|with|by|at|from|that|who|which|"
                      r"de|del|la|el|los|las|y|o|en|a|al|con|por|para|que|quienes|un|una))\s*$", re.IGNORECASE)


def _logical_lines(text: str) -> list[tuple[int, int]]:
    """Lines of `text`, with the lines of a hard-wrapped paragraph joined into one: a line joins
    the next when it runs on (ends with a comma or a function word), when the next starts in
    lower case, or when both belong to a block of lines wrapped at one width."""
    lines = [(m.start(), m.end()) for m in _LINES.finditer(text)]
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        if joined:
            prev_start, prev_end = joined[-1]
            last_line = text[text.rfind("\n", prev_start, prev_end) + 1 if "\n" in text[prev_start:prev_end]
                             else prev_start : prev_end]
            line = text[start:end]
            adjacent = text[prev_end:start] == "\n"
            if adjacent and not _STRUCTURED.match(line) and not _STRUCTURED.match(last_line) and \
                    not last_line.rstrip().endswith((".", "!", "?", ":", "»", '"', "”")) and line.strip() and (
                    _RUNS_ON.search(last_line) or line.lstrip()[:1].islower()
                    or _WRAP_MIN <= len(last_line.rstrip()) <= _WRAP_MAX):
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _logical_lines(text):
        start = line_start
        for boundary in _BOUNDARY.finditer(text, line_start, line_end):
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
        spans.append((start, line_end))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_background(sentence: str, published: dt.date | None, *, year: int | None = None) -> bool:
    """True if the sentence reports something dated before the document (background). With only
    the document's year (`year`, when it has no date), only years are compared."""
    if C.BACKGROUND.search(sentence):
        return True
    if published is None:
        if year is None:
            return False
        found = [int(m.group("y") or m.group("y2")) for m in C.YEAR.finditer(sentence)]
        return bool(found) and all(y < year for y in found) and not C.FUTURE.search(sentence)
    years = [int(m.group("y") or m.group("y2")) for m in C.YEAR.finditer(sentence)]
    if any(year < published.year for year in years):
        return True
    if years and all(year > published.year for year in years):
        return False
    future = bool(C.FUTURE.search(sentence) or _DATED_START.search(sentence))
    for match in C.MONTH_REF.finditer(sentence):
        month = C.MONTHS[(match.group("m1") or match.group("m2")).lower()]
        if month < published.month and not future:
            return True
        if month > published.month and not years and not future and _PAST_VERB.search(sentence):
            return True  # "brokered in July", read in January: last year's July
    return False


# "Beginning June 1", "effective July 20", "from 1 March": a date things start from, read as the next one.
_DATED_START = re.compile(r"\b(?:beginning|effective|from|starting|comenzando|a\s+partir\s+del?)\s+(?:on\s+)?(?:the\s+)?"
                          r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?)?(?:January|February|March|April|May|June|July|"
                          r"August|September|October|November|December|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
                          r"septiembre|setiembre|octubre|noviembre|diciembre)\b", re.IGNORECASE)
# "Federal Register / Vol. 90, No. 219 / Monday, November 17, 2025 / Notices": a masthead line.
_MASTHEAD = re.compile(r"/\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|"
                       r"jueves|viernes|s[aá]bado|domingo),?\s+", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-])")


def document_year(text: str) -> int | None:
    """The latest year a document names in its own past: a floor for its date when it states
    none (a report cannot be older than what it reports). Years in sentences about what will
    come ("from June 1, 2027") are left out."""
    years = []
    for a, b in split_sentences(text):
        sentence = text[a:b]
        if C.FUTURE.search(sentence):
            continue
        years += [int(y) for y in _YEAR.findall(sentence)]
    return max(years) if years else None


def dateline(text: str) -> dt.date | None:
    """The date of a plain-text document from its opening lines ("Nov. 14, 2025", "8 de febrero de 2021").

    Only a date that stands as a dateline counts: alone on a short line, or after a short
    prefix such as a place ("San Salvador, ") or a byline ("By Staff | "); a date inside a
    sentence ("on June 1, 2019") is an event's date, not the document's.
    """
    for match in C.DATELINE.finditer(text, 0, _DATELINE_CHARS):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        prefix = text[line_start : match.start()].strip()
        short_line = line_end - line_start <= _SHORT_LINE
        if _MASTHEAD.search(text, line_start, match.start() + 1) and (date := date_from_match(match)):
            return date
        # "By Ana Ruiz | Isthmus Daily | PANAMA CITY | April 22, 2026": a byline of short fields
        fields = [f for f in re.split(r"\s*[|·•]\s*", prefix) if f]
        byline = len(fields) > 1 and prefix[-1] in "|·•" and all(len(f.split()) <= 5 for f in fields)
        if not byline and (len(prefix) > _SHORT_PREFIX or len(prefix.split()) > 4):
            continue
        if not (short_line or not prefix or prefix[-1] in ",|—–-:"):
            continue
        date = date_from_match(match)
        if date is not None:
            return date
    return None


# Literal prefilters (detect/prefilter.py): the same answers, most patterns never run.
prefilter_module(globals())
