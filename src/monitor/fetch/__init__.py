"""Polite and safe HTTP fetching (step 2 of docs/ARCHITECTURE.md)."""

from monitor.fetch.guard import address_allowed, check_url
from monitor.fetch.session import Fetcher, Response

__all__ = ["Fetcher", "Response", "address_allowed", "check_url"]
