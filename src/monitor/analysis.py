"""`monitor detect` for one file: read it, strip HTML when it is a page, detect, and return
the docs/DETECTION.md JSON record (with an `error` field instead when the file is unreadable)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from monitor.detect import detect
from monitor.detect.claims import claim_record
from monitor.extract import looks_like_html
from monitor.extract.article import extract_article


def analyse_text(raw: str, *, explain: bool = False) -> dict[str, Any]:
    """Detection record for a text or HTML string (pure); with `explain`, also every claim the
    detector weighed, its fields and the cues that set them (monitor.detect.claims)."""
    title, published, lang, section = "", None, None, None
    text = raw
    if looks_like_html(raw):
        # The same extractor as `monitor ingest`, so detect/eval see what the pipeline sees.
        page = extract_article(raw)
        title, text, published, lang, section = page.title, page.text, page.published, page.lang, page.section
    detection = detect(text, title=title, published=published, lang=lang, section=section)
    record = {
        "relevant": detection.relevant,
        "lang": detection.lang,
        "events": [asdict(event) for event in detection.events],
        "affected_count": detection.affected_count,
    }
    if explain:
        record["claims"] = [claim_record(c) for c in detection.claims]
    return record


def analyse_file(path: Path, *, label: str, explain: bool = False) -> dict[str, Any]:
    """Detection record for one file, or `{"file", "error"}` when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return {"file": label, "error": f"cannot read: {exc.strerror or exc}"}
    if b"\x00" in data[:4096]:
        return {"file": label, "error": "binary file, not text or HTML"}
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", "replace")
    return {"file": label, **analyse_text(raw, explain=explain)}
