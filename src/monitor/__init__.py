"""Asylum Policy Monitor: watch feeds and press releases for asylum transfer agreement changes."""

__version__ = "0.1.0"
__all__ = ["__version__"]
