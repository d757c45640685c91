"""Search results as a readable terminal table (rich), for `monitor search`.

Document titles and snippets are inserted as `rich.text.Text`, never as console markup, so a
title like `[bold]` or `<script>` prints literally. Highlighted words (`<mark>` in snippets)
are shown in reverse video.
"""

from __future__ import annotations

import html
import re

from rich.table import Table
from rich.text import Text

from monitor.index.results import Hit, SearchResult

_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def snippet_text(snippet: str) -> Text:
    """A snippet (HTML with `<mark>`) as styled plain text."""
    text = Text()
    pos = 0
    for match in _MARK.finditer(snippet):
        text.append(html.unescape(snippet[pos:match.start()]))
        text.append(html.unescape(match.group(1)), style="reverse")
        pos = match.end()
    text.append(html.unescape(snippet[pos:]))
    return text


def _events(hit: Hit) -> str:
    return ", ".join(f"{e.action} {e.receiving} {e.population or '-'}" for e in hit.events)


def search_table(result: SearchResult, *, snippets: bool = True) -> Table:
    """One row per hit: date, title + URL (+ snippet), source, language, events."""
    shown = f"{len(result.hits)} shown"
    more = "+" if result.total_relation == "gte" else ""
    table = Table(
        title=f"{result.total}{more} document(s), {shown}, {result.took} ms",
        show_lines=snippets, expand=False,
    )
    table.add_column("published", no_wrap=True)
    table.add_column("document", overflow="fold", ratio=4)
    table.add_column("source", overflow="fold")
    table.add_column("lang", no_wrap=True)
    table.add_column("events", overflow="fold", ratio=2)
    for hit in result.hits:
        cell = Text(hit.title or "(untitled)", style="bold")
        if hit.similar:
            cell.append(f"  +{hit.similar} similar", style="dim")
        cell.append("\n")
        cell.append(hit.url, style="cyan")
        if snippets and hit.snippet:
            cell.append("\n")
            cell.append_text(snippet_text(hit.snippet))
        table.add_row((hit.published or "")[:10], cell, Text(hit.source or ""), Text(hit.lang or ""),
                      Text(_events(hit)))
    return table
