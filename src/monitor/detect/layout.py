"""The structure of a text that sentences lose: lists, tables and the lines that introduce them.

Extraction keeps structure as text (src/monitor/extract/): a list item is a line that starts
with a marker ("- ", "• ", "1. ", "a) "), a table row a line of cells between pipes ("| Cuba |
21/09/2026 | — |") or of columns aligned with runs of spaces (a table in a plain-text notice),
a heading a short line without final punctuation ("Annex A: Designated nationalities").
`structures(text)` groups them: each list or table with its items, and its *lead* — the
heading, caption and sentence just above it that say what the list is ("the agreement applies
to nationals of the following countries:"). A table's columns are read by their header
("Nationality | Effective date | Notes"): each row gives its population cell, its effective
date, and whether the row excludes or suspends rather than includes. Pure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from monitor.detect import cues as C
from monitor.detect.prefilter import prefilter_module
from monitor.dates import date_from_match

__all__ = ["Item", "Structure", "structures"]

_LINE = re.compile(r"[^\n]*")
LIST_MARKER = re.compile(r"^\s*(?:[-•*·–—▪◦‣]|\d{1,2}\.?\s?[ºª°]\.?|\(?\d{1,2}[.)]|\(?[a-z][.)]|\((?:[ivx]{1,4})\)|[ivx]{1,4}\.)\s+(?=\S)", re.IGNORECASE)
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
RULE = re.compile(r"^\s*\|?\s*[-=:+|\s]{3,}\|?\s*$")  # |---|---| or ------   -----
ALIGNED_GAP = re.compile(r"\S(\s{2,}|\t+)(?=\S)")
HEADING = re.compile(r"^\s*(?:(?:annex|anexo|appendix|ap[eé]ndice|schedule|table|tabla|cuadro)\b[^.]{0,80}|"
                     r"[A-ZÁÉÍÓÚÑ][^.!?]{0,78}[^.!?,;\s])\s*:?\s*$")
# Rows and items that take a population out rather than in.
EXCLUDED = re.compile(
    r"\b(?:exclu\w*|suspend\w*|suspensi[oó]n|withdrawn|withdrew|retirad[oa]s?|removed|revoked|revocad[oa]s?|"
    r"no\s+aplica|not\s+applicable|not\s+(?:covered|subject|designated|eligible|included|in\s+scope)|out\s+of\s+scope|"
    r"no\s+elegibles?|no\s+cubiert[oa]s?|ineligible|deferred|postponed|"
    r"aplazad[oa]s?|diferid[oa]s?|pending|pendiente|fuera|outside|no\s+comprendid[oa]s?|sin\s+efecto|"
    r"no\s+incluid[oa]s?|ended|terminated|lifted|"
    # not yet decided: "Cubanos: en discusión", "under review"
    r"en\s+(?:discusi[oó]n|estudio|an[aá]lisis|evaluaci[oó]n|revisi[oó]n)|under\s+(?:discussion|review|consideration|study)|"
    r"to\s+be\s+(?:decided|determined|confirmed)|por\s+(?:decidir|definir|determinar|confirmar)|tbd)\b", re.IGNORECASE)
_HEADER_WORDS = re.compile(
    r"\b(?:nationality|nationalities|country|countries|citizenship|state|nacionalidad(?:es)?|pa[ií]s(?:es)?|"
    r"estado|effective|date|fecha|desde|a\s+partir\s+de|status|situaci[oó]n|notes?|observaciones|notas|"
    r"remarks|comments|estatus|from|since)\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)\b|"
                           r"\b(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)\b")
MAX_LEAD_CHARS = 600
_RUNS_ON = re.compile(r"\b(?:of|to|from|for|de|a|para|del|following|siguientes|are|is|son|include|incluyen)\s*:?\s*$",
                      re.IGNORECASE)
# Page furniture of documents printed to text: "PM-602-0391: ... Page 1 of 3", "[DHS seal]".
FURNITURE = re.compile(r"\bpage\s+\d+\s+(?:of|de)\s+\d+\s*$|^\s*\[[^\]]{1,40}\]\s*$|\bp[aá]gina\s+\d+\s*(?:de\s+\d+)?\s*$",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One list item or table row: where its population text is, and what the row says of it."""

    text: str  # the population cell of a row, or the whole item
    start: int  # offset of `text` in the document
    row: str  # the whole row or item
    excluded: bool = False  # the row excludes, suspends or withdraws rather than includes
    date: dt.date | None = None  # the row's effective date, when it gives one
    receiving: str = ""  # the row's partner (receiving state) cell, when the table has such a column


@dataclass(frozen=True)
class Structure:
    """A list or table and the lines that introduce it."""

    kind: str  # list | table
    start: int
    end: int
    lead: str  # heading, caption and introducing sentence, in reading order
    lead_start: int
    items: tuple[Item, ...]
    header: str = ""  # a table's header row


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    kind: str  # blank | item | row | rule | aligned | text


def _lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        if match.start() == match.end() and match.start() != 0 and text[match.start() - 1 : match.start()] != "\n":
            continue  # finditer's empty match after a non-empty line
        line = match.group()
        stripped = line.strip()
        if not stripped:
            kind = "blank"
        elif RULE.match(line) and ("-" in line or "=" in line):
            kind = "rule"
        elif FURNITURE.search(line):
            kind = "furniture"
        elif PIPE_ROW.match(line):
            kind = "row"
        elif LIST_MARKER.match(line):
            kind = "item"
        elif len(ALIGNED_GAP.findall(line.strip())) >= 1 and len(stripped) < 160 and not stripped.endswith((".", ",")):
            kind = "aligned"
        else:
            kind = "text"
        previous = lines[-1] if lines else None
        if kind == "text" and previous is not None and previous.kind in ("item", "cont"):
            indent, above = len(line) - len(line.lstrip()), len(previous.text) - len(previous.text.lstrip())
            if indent > above or (previous.kind == "cont" and indent >= above):
                kind = "cont"  # the wrapped rest of a list item
        lines.append(_Line(match.start(), match.end(), line, kind))
    return lines


def _indent(line: _Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _cells(line: _Line) -> list[tuple[int, str]]:
    """(offset, text) of each cell of a pipe row or an aligned row."""
    if line.kind == "row":
        cells = []
        position = line.start
        for part in line.text.split("|"):
            if part.strip():
                offset = position + (len(part) - len(part.lstrip()))
                cells.append((offset, part.strip()))
            position += len(part) + 1
        return cells
    cells = []
    for match in re.finditer(r"\S+(?:\s\S+)*", line.text):
        cells.append((line.start + match.start(), match.group()))
    return cells


def _date(cell: str) -> dt.date | None:
    """An effective date written in a cell: "21/09/2026" (day first unless it cannot be),
    "2026-09-21", "September 21, 2026", "21 de septiembre de 2026"."""
    match = _NUMERIC_DATE.search(cell)
    if match:
        if match.group("y2"):
            parts = int(match.group("y2")), int(match.group("m2")), int(match.group("d2"))
        else:
            first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
            parts = (year, first, second) if second > 12 else (year, second, first)
        try:
            return dt.date(*parts)
        except ValueError:
            return None
    match = C.DATELINE.search(cell)
    return date_from_match(match) if match else None


def _paragraph_above(lines: list[_Line], index: int) -> tuple[list[_Line], int]:
    """The paragraph (consecutive text lines) just above line `index`, skipping blank lines and
    page furniture; also where the search stopped."""
    position = index - 1
    while position >= 0 and (lines[position].kind in ("blank", "furniture") or lines[position].kind == "rule"):
        position -= 1
    paragraph: list[_Line] = []
    while position >= 0 and lines[position].kind == "text":
        paragraph.append(lines[position])
        position -= 1
    paragraph.reverse()
    return paragraph, position + 1


def _is_heading(paragraph: list[_Line]) -> bool:
    """A title line: short, no comma, not a sentence that runs into what follows ("… nationals of:")."""
    if len(paragraph) != 1:
        return False
    line = paragraph[0].text.strip()
    return (bool(HEADING.match(line)) and len(line) <= 80 and "," not in line
            and not _RUNS_ON.search(line))


def _lead(lines: list[_Line], index: int) -> tuple[str, int]:
    """What introduces the block that starts at `index`: the paragraph just above it (its last
    MAX_LEAD_CHARS), and the heading above that paragraph when there is one."""
    paragraph, top = _paragraph_above(lines, index)
    if not paragraph:
        return "", lines[index].start
    parts = [paragraph]
    if not _is_heading(paragraph):
        heading, _ = _paragraph_above(lines, top)
        if _is_heading(heading):
            parts.insert(0, heading)
    text = "\n".join(" ".join(line.text.strip() for line in part) for part in parts)
    start = parts[0][0].start
    if len(text) > MAX_LEAD_CHARS:
        start += len(text) - MAX_LEAD_CHARS
        text = text[-MAX_LEAD_CHARS:]
    return text, start


def _table(lines: list[_Line], block: list[_Line]) -> tuple[str, list[Item], str]:
    """Header, items and caption of a table block (pipe or aligned rows)."""
    rows = [line for line in block if line.kind in ("row", "aligned")]
    caption = ""
    cells = [_cells(row) for row in rows]
    # A first row with one filled cell is the table's caption ("| Nationalities covered | | |").
    if cells and len(cells[0]) == 1 and len(cells) > 1 and len(cells[1]) > 1:
        caption = cells[0][0][1]
        rows, cells = rows[1:], cells[1:]
    header = ""
    if cells and _HEADER_WORDS.search(" ".join(c for _, c in cells[0])) and not _has_date(cells[0]):
        header = " | ".join(c for _, c in cells[0])
        rows, cells = rows[1:], cells[1:]
    header_cells = [h.strip() for h in header.split("|")] if header else []
    population_column = _population_column(header_cells, cells)
    receiving_column = next((i for i, name in enumerate(header_cells) if _RECEIVING_HEADER.search(name)), None)
    items = []
    for row, row_cells in zip(rows, cells):
        if not row_cells:
            continue
        column = min(population_column, len(row_cells) - 1)
        offset, text = row_cells[column]
        rest = " ".join(c for i, (_, c) in enumerate(row_cells) if i != column)
        date = next((d for _, c in row_cells if (d := _date(c))), None)
        receiving = (row_cells[receiving_column][1] if receiving_column is not None and receiving_column != column
                     and receiving_column < len(row_cells) else "")
        items.append(Item(text=text, start=offset, row=row.text.strip(), excluded=bool(EXCLUDED.search(rest)),
                          date=date, receiving=receiving))
    return header, items, caption


def _has_date(cells: list[tuple[int, str]]) -> bool:
    return any(_NUMERIC_DATE.search(c) for _, c in cells)


# A column of the states people are sent to: "Partner country", "País receptor", "Third country".
_RECEIVING_HEADER = re.compile(r"\b(?:partner|receiving|destination|host|third\s+country|socio|receptor|destino|"
                               r"acogida|tercer\s+pa[ií]s)\b", re.IGNORECASE)


def _population_column(header: list[str], cells: list[list[tuple[int, str]]]) -> int:
    """The column of nationalities: one named for nationalities or populations, else for countries
    (not the partner's column)."""
    for pattern in (r"national|nacional|population|poblaci|citizenship|ciudadan|demonym|gentilicio",
                    r"country|countries|pa[ií]s|estado\b|state\b"):
        for i, name in enumerate(header):
            if re.search(pattern, name, re.IGNORECASE) and not (
                    pattern.startswith("country") and _RECEIVING_HEADER.search(name)):
                return i
    return 0


def structures(text: str) -> list[Structure]:
    """Every list and table of `text`, with its lead and items, in reading order."""
    lines = _lines(text)
    found: list[Structure] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind not in ("item", "row", "aligned"):
            index += 1
            continue
        kind = "list" if line.kind == "item" else "table"
        members = ("item",) if kind == "list" else ("row", "aligned", "rule")
        block = [line]
        cursor = index + 1
        while cursor < len(lines):
            candidate = lines[cursor]
            if candidate.kind in members:
                block.append(candidate)
            elif kind == "list" and candidate.kind == "cont" and block[-1].kind == "item":
                block[-1] = _Line(block[-1].start, candidate.end, block[-1].text + "\n" + candidate.text, "item")
            elif candidate.kind != "blank":
                break
            cursor += 1
        content = [b for b in block if b.kind != "rule"]
        if kind == "table" and len(content) < 2:  # one aligned line is a sentence with double spaces
            index = cursor
            continue
        lead, lead_start = _lead(lines, index)
        if kind == "list":
            items = [Item(text=LIST_MARKER.sub("", b.text).strip(), start=b.start + len(LIST_MARKER.match(b.text).group()),
                          row=b.text.strip(), excluded=bool(EXCLUDED.search(LIST_MARKER.sub("", b.text))),
                          date=_date(b.text)) for b in content]
            header = ""
        else:
            header, items, caption = _table(lines, block)
            if caption:
                lead = f"{lead}\n{caption}".strip()
        found.append(Structure(kind, block[0].start, block[-1].end, lead, lead_start, tuple(items), header))
        index = cursor
    return found


# Literal prefilters (detect/prefilter.py): the same answers, most patterns never run.
prefilter_module(globals())
