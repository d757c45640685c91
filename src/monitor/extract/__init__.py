"""HTML → main text and metadata (DESIGN.md step 4)."""

from monitor.extract.html import extract_html, looks_like_html

__all__ = ["extract_html", "looks_like_html"]
