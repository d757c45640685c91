"""A short, human-readable summary of what changed between two versions of a document (pure)."""

from __future__ import annotations

import difflib

MAX_QUOTE = 160


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def diff_summary(old_title: str, old_text: str, new_title: str, new_text: str) -> str:
    """E.g. `title changed; 2 paragraphs added, 1 removed, 1 changed; first change: "…" → "…"`."""
    parts: list[str] = []
    if old_title.strip() != new_title.strip():
        parts.append(f'title changed: "{_quote(old_title)}" → "{_quote(new_title)}"')
    old = [p.strip() for p in old_text.split("\n") if p.strip()]
    new = [p.strip() for p in new_text.split("\n") if p.strip()]
    added = removed = changed = 0
    first = ""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            added += j2 - j1
            first = first or f'added "{_quote(new[j1])}"'
        elif tag == "delete":
            removed += i2 - i1
            first = first or f'removed "{_quote(old[i1])}"'
        else:
            common = min(i2 - i1, j2 - j1)
            changed += common
            added += (j2 - j1) - common
            removed += (i2 - i1) - common
            first = first or f'"{_quote(old[i1])}" → "{_quote(new[j1])}"'
    counts = [f"{n} paragraph{'s' if n != 1 else ''} {word}"
              for n, word in ((added, "added"), (removed, "removed"), (changed, "changed")) if n]
    if counts:
        parts.append(", ".join(counts))
    if first:
        parts.append(f"first change: {first}")
    return "; ".join(parts) or "no visible change (markup only)"
