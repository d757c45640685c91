"""Populations named only in structure: the items of a list or the rows of a table, claimed by
the statement that introduces them ("the agreement applies to nationals of the following
countries:", "Annex A: Designated nationalities", "La siguiente tabla recoge las
nacionalidades comprendidas") or that points back at them ("An individual of one of these
nationalities … may be transferred to Ecuador"). The statement decides every field but the
population (amenable.statement); each item gives the population, and its row may exclude or
suspend it, or date it before the document. Pure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from monitor.detect.amenable import CONTEXT, Statement, listed, statement
from monitor.detect.claims import Claim
from monitor.detect.events import Doc, Sentence
from monitor.detect.gazetteer import Mention, find_mentions
from monitor.detect.layout import Item, Structure
from monitor.detect.roles import SENDING_STATE

__all__ = ["structure_claims"]

_I = re.IGNORECASE
# A sentence after a list that points back at it: "one of these nationalities", "dichas nacionalidades".
_BACK_REFERENCE = re.compile(
    r"\b(?:these|those|such|the\s+(?:listed|above|foregoing)|the\s+(?:\w+\s+)?(?:countries|nationalities)\s+"
    r"(?:listed|above)|estas|esas|dichas|tales|las\s+(?:citadas|mencionadas|señaladas|anteriores)|las\s+"
    r"(?:tres|cuatro|cinco|dos)\s+primeras)\s+(?:\w+\s+)?(?:nationalit\w*|countr\w*|nacionalidad\w*|pa[ií]s\w*|"
    r"groups?|grupos?|personas|persons|people)\b", _I)
# A lead that introduces a list without a trigger of its own points at one a sentence earlier
# ("the table of nationalities to which the Mechanism will apply … The table is as follows:").
_POINTS_AT_STRUCTURE = re.compile(r"\b(?:table|list|annex|schedule|following|below|tabla|cuadro|lista|anexo|"
                                  r"siguientes?|a\s+continuaci[oó]n)\b", _I)
# A lead that lists exceptions: "Annex B: Excluded nationalities", "Who is not processed", "no se aplicará a:".
_NEGATIVE_LEAD = re.compile(r"\b(?:exclu\w+|except(?:ion)?s?\b|excepciones|exempt\w*|exent\w+|not|no|outside|fuera|"
                            r"ni|nunca|never|suspend\w*)\b", _I)
# A table of figures by period is statistics of transfers already made: "Individuals transferred to
# Guatemala, by nationality and calendar year", "Traslados por nacionalidad y año".
_STATISTICS_LEAD = re.compile(r"\bby\s+(?:\w+\s+and\s+)?(?:calendar\s+|fiscal\s+)?(?:year|month|quarter)s?\b|"
                              r"\bpor\s+(?:\w+\s+y\s+)?(?:año|mes|trimestre)s?\b|\bstatistic\w*|\bestad[ií]stic\w*|"
                              r"\b(?:FY|CY)\s?\d{2,4}\b", _I)
# What may separate two nationalities of one item: list separators and "nationals of" again.
_LIST_GAP = re.compile(r"^(?:[\s,;/&·•]|\b(?:and|or|y|e|o|nationals?|citizens?|of|the|nacionales|ciudadan[oa]s|de|"
                       r"la|el|del|personas|de\s+nacionalidad)\b)*$", _I)
# The label of an annex a list or table is ("Annex 1", "Anexo I", "Schedule B"): the sentence that names it claims it.
_ANNEX_WORD = r"\b(?:annex|anexo|appendix|ap[eé]ndice|schedule)\s+"
_ANNEX_LABEL = re.compile(_ANNEX_WORD + r"([A-Z0-9]{1,4})\b", _I)
ANNEX_HEADING_REACH = 150  # characters above a lead where its annex label may stand ("Annex 1" on its own line)
LOOK_BACK = 3  # sentences above a lead searched for the statement it continues
ITEM_HEAD = 60  # characters: a listed population opens its item; one deep in a prose item is that prose's


def _populations(item: Item, sender: str) -> list[Mention]:
    """The nationalities an item opens with: one, or several listed together ("Nationals of Honduras,
    Nationals of El Salvador" in one cell)."""
    found: list[Mention] = []
    for mention in find_mentions(item.text):
        if mention.start > ITEM_HEAD:
            break
        if mention.code != sender and mention.code not in {m.code for m in found}:
            if found and not _LIST_GAP.match(item.text[found[-1].end : mention.start]):
                break
            found.append(mention)
    return found


def _statement(candidates: list[Sentence], doc: Doc, body: list[Sentence], *,
               affirmative: bool = False) -> Statement | None:
    """The first candidate that makes a statement; away from the lead (`affirmative`), only a
    statement that affirms: a denial a paragraph away says nothing of this list."""
    for s in candidates:
        index = body.index(s)
        found = statement(s, doc, tuple(body[max(0, index - CONTEXT) : index]))
        if found is not None and not (affirmative and found.fields.get("polarity", ("",))[0] == "denied"):
            return found
    return None


def structure_claims(structures: list[Structure], sentences: list[Sentence], doc: Doc,
                     published: dt.date | None) -> list[Claim]:
    """Claims for the populations listed in `structures`, each by the statement that introduces it."""
    body = [s for s in sentences if not s.is_title]
    sender = body[0].sender if body else SENDING_STATE
    claims: list[Claim] = []
    for structure in structures:
        items = [(m.code, m.text, item) for item in structure.items for m in _populations(item, sender)]
        if not items:
            continue
        lead = [s for s in body if structure.lead_start <= s.start < structure.start
                and not _inside(s, structures)]
        found = _statement(list(reversed(lead)), doc, body)
        if found is None and any(_POINTS_AT_STRUCTURE.search(s.text) for s in lead):
            above = [s for s in body if s.start < structure.lead_start and not _inside(s, structures)]
            found = _statement(list(reversed(above[-LOOK_BACK:])), doc, body, affirmative=True)
        if found is None:
            found = _annex_statement(structure, structures, doc, body)
        if found is None:
            after = [s for s in body if s.start >= structure.end and not _inside(s, structures)][:2]
            found = _statement([s for s in after if _BACK_REFERENCE.search(s.text)], doc, body, affirmative=True)
        if found is None:
            continue
        headings = [line for line in structure.lead.splitlines() if len(line) <= 80 and not line.rstrip().endswith(".")]
        introducing = found.sentence.text if found.sentence in lead else ""
        # The clause that ends on the list says whether it includes or excepts ("… who are not otherwise
        # excepted …, may be transferred to Uganda:" includes).
        last_clause = re.split(r"[,;]", introducing)[-1]
        if negative := _NEGATIVE_LEAD.search("\n".join([*headings, last_clause])):
            items = [(code, surface, replace(item, excluded=True)) for code, surface, item in items]
            found = replace(found, fields={**found.fields, "polarity": ("denied", negative.group())})
        if statistics := _STATISTICS_LEAD.search("\n".join([*headings, introducing])):
            found = replace(found, fields={**found.fields, "time": ("recap", statistics.group())})
        claims += listed(found, items, kind=structure.kind, published=published)
    return claims


def _annex_statement(structure: Structure, structures: list[Structure], doc: Doc,
                     body: list[Sentence]) -> Statement | None:
    """The statement of a sentence above that names the structure's annex label: "… if the alien is a
    national of a State listed in Annex 1" … "Annex 1 / States referred to in § 1:"."""
    reach = structure.lead_start - ANNEX_HEADING_REACH
    heading = " ".join([structure.lead, *(s.text for s in body if reach <= s.start < structure.lead_start)])
    label = _ANNEX_LABEL.search(heading)
    if label is None:
        return None
    same = re.compile(_ANNEX_WORD + re.escape(label.group(1)) + r"\b", _I)
    referring = [s for s in body if s.start < reach and not _inside(s, structures) and same.search(s.text)]
    return _statement(referring, doc, body, affirmative=True)


def _inside(s: Sentence, structures: list[Structure]) -> bool:
    return any(st.start <= s.start < st.end for st in structures)
