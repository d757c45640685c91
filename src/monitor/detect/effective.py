"""When a change takes effect, read from the sentence that states it (pure).

"from June 1", "beginning March 1, 2020", "effective January 15", "starting on 1 March",
"as of 3 February", "a partir del 15 de octubre", "desde el 1 de junio de 2026", "con
efecto a partir del 2 de enero": a start word, then a day and a month (either order, with or
without "de"/"of"), then perhaps a year. Without a year, the date is the first such day on or
after the document's date (a notice from December naming "January 15" means next January).
`effective_date()` gives the day or None; a date that is not a real day gives None.
"""

from __future__ import annotations

import datetime as dt
import re

from monitor.dates import MONTHS

__all__ = ["effective_date"]

_MONTH = r"(?P<m{n}>" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True)) + r")\.?"
_START = (r"\b(?:from|beginning|effective|starting|commencing|as\s+of|as\s+from|on\s+and\s+after|"
          r"a\s+partir\s+del?|desde\s+el|con\s+efecto\s+(?:a\s+partir\s+)?del?|comenzando\s+el|"
          r"entrar[áa]\s+en\s+vigor\s+el|rige\s+desde\s+el|vigente\s+desde\s+el)")
_DATE = re.compile(
    _START + r"\s+(?:on\s+)?(?:the\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|"
    r"mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo),?\s+)?"
    r"(?:" + _MONTH.format(n=1) + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th|\.?º)?\s+(?:de\s+|of\s+)?" + _MONTH.format(n=2)
    + r"(?:,?\s+(?:de(?:l)?\s+)?(?P<y2>(?:19|20)\d\d))?)\b",
    re.IGNORECASE,
)


def effective_date(sentence: str, published: dt.date | None) -> dt.date | None:
    """The day `sentence` says something starts, or None."""
    match = _DATE.search(sentence or "")
    if match is None:
        return None
    name = (match.group("m1") or match.group("m2")).lower().rstrip(".")
    month, day = MONTHS[name], int(match.group("d1") or match.group("d2"))
    year_text = match.group("y1") or match.group("y2")
    if year_text:
        years = [int(year_text)]
    elif published is not None:
        years = [published.year, published.year + 1]
    else:
        return None
    for year in years:
        try:
            day_of = dt.date(year, month, day)
        except ValueError:
            return None
        if year_text or published is None or day_of >= published:
            return day_of
    return None
