"""HTML → main text and metadata (step 4 of docs/ARCHITECTURE.md)."""

from monitor.extract.html import extract_html, looks_like_html

__all__ = ["extract_html", "looks_like_html"]
