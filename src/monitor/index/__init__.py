"""Elasticsearch: mappings, the repository that owns the client, pure query builders."""

from monitor.index.mappings import IndexNames
from monitor.index.repository import Repository

__all__ = ["IndexNames", "Repository"]
