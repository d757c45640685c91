"""The subscriptions index (`<prefix>-subscriptions`): advocates' confirmed subscriptions, by
a stable id derived from the address and filters (alerts/subscriptions.py)."""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch

from monitor.index import client as es
from monitor.index.mappings import IndexNames


class SubscriptionStore:
    """Reads and writes of `<prefix>-subscriptions`."""

    def __init__(self, client: Elasticsearch, names: IndexNames) -> None:
        self.client = client
        self.index = names.subscriptions

    def save(self, sub_id: str, body: dict[str, Any]) -> None:
        with es.translated("save subscription"):
            self.client.index(index=self.index, id=sub_id, document=body, refresh=True)

    def all(self) -> list[dict[str, Any]]:
        """Every subscription, oldest first, all pages."""
        return es.search_all(self.client, self.index, {"match_all": {}}, sort=[{"created": "asc"}],
                             what="list subscriptions")

    def get(self, sub_id: str) -> dict[str, Any] | None:
        return es.get_source(self.client, self.index, sub_id, what="subscription")

    def delete(self, sub_id: str) -> bool:
        """Remove a subscription; False when there was none."""
        return es.delete(self.client, self.index, sub_id, what="subscription")
