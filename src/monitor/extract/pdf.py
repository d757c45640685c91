"""PDF bytes → text with pypdf (pure-Python, maintained, no system libraries).

Government releases are often PDFs linked from a listing page. Pages beyond `MAX_PAGES` are
ignored (a 900-page report is not a press release), and pypdf's own errors on broken or
hostile files become `ParseError`.
"""

from __future__ import annotations

import io
import logging
import re

from monitor.dates import parse_datetime
from monitor.errors import ParseError
from monitor.models import Extracted

logger = logging.getLogger(__name__)

MAX_PAGES = 60


def is_pdf(body: bytes, content_type: str = "") -> bool:
    return body[:1024].lstrip().startswith(b"%PDF-") or "application/pdf" in content_type.lower()


def _pdf_date(value: object) -> str | None:
    # PDF dates look like D:20200106231500Z or D:20200106231500-05'00'
    match = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", str(value or ""))
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}"


def extract_pdf(body: bytes) -> Extracted:
    """Title (document info or first line), text of the first `MAX_PAGES` pages, creation date."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
        info = reader.metadata or {}
    except (PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError, OSError,
            NotImplementedError, RecursionError, ZeroDivisionError) as exc:
        raise ParseError(f"unreadable PDF: {exc.__class__.__name__}: {exc}") from exc
    lines = [re.sub(r"[ \t]+", " ", line).strip() for page in pages for line in page.splitlines()]
    paragraphs = "\n".join(line for line in lines if line)
    if not paragraphs.strip():
        raise ParseError("PDF has no extractable text (scanned image?)")
    title = str(info.get("/Title") or "").strip() or next(line for line in lines if line)
    return Extracted(title=title[:300], text=paragraphs, published=parse_datetime(_pdf_date(info.get("/CreationDate"))))
