"""Source registry and one adapter per source kind (steps 1 and 3 of docs/ARCHITECTURE.md)."""

from monitor.sources.feed import parse_feed
from monitor.sources.registry import default_sources_path, load_sources, parse_sources

__all__ = ["default_sources_path", "load_sources", "parse_feed", "parse_sources"]
