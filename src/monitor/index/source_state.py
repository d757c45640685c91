"""The sources' state index (`<prefix>-sources-state`): one `SourceState` per source — its
incremental cursor and its health — read before a poll and written after its documents.

Reads are by id (real-time GET), so a state write needs no refresh.
"""

from __future__ import annotations

from collections.abc import Iterable

from elasticsearch import Elasticsearch

from monitor.index import client as es
from monitor.index.mappings import IndexNames
from monitor.models import SourceState


class SourceStateStore:
    """Reads and writes of `<prefix>-sources-state`."""

    def __init__(self, client: Elasticsearch, names: IndexNames) -> None:
        self.client = client
        self.index = names.sources_state

    def get(self, source_id: str) -> SourceState:
        """The saved state of one source (an empty state when it never ran)."""
        found = es.get_source(self.client, self.index, source_id, what=f"state of {source_id}")
        return SourceState.model_validate(found or {})

    def save(self, source_id: str, state: SourceState) -> None:
        with es.translated(f"save state of {source_id}"):
            self.client.index(index=self.index, id=source_id, document=state.document())

    def many(self, source_ids: Iterable[str]) -> dict[str, SourceState]:
        """Saved states of several sources; sources never run are absent."""
        found = es.mget_sources(self.client, self.index, source_ids, what="sources state")
        return {source_id: SourceState.model_validate(body) for source_id, body in found.items()}
