"""Which Elasticsearch the monitor talks to, decided once at the edges (CLI, web app, Airflow
tasks, `make run`): the cluster MONITOR_ES_URL names, else the one the local launcher runs.

`open_repository()` is the one way those edges open the indices: a repository for the
settings' cluster and prefix, its indices ensured, closed at the end. Settings read: es_url,
es_port (through the launcher), index_prefix.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from monitor.index import Repository
from monitor.settings import Settings


def cluster_url(settings: Settings) -> str:
    """MONITOR_ES_URL, else the local launcher's URL (nothing is started here)."""
    if settings.es_url:
        return settings.es_url
    from monitor.services.elasticsearch import LocalElasticsearch

    return LocalElasticsearch(settings).url


def repository_for(settings: Settings) -> Repository:
    """A repository for the settings' cluster and prefix (not yet ensured; the caller closes it)."""
    return Repository(cluster_url(settings), prefix=settings.index_prefix)


@contextmanager
def open_repository(settings: Settings, *, ensure: bool = True) -> Iterator[Repository]:
    """A repository whose indices exist (unless `ensure=False`), closed on exit."""
    repo = repository_for(settings)
    try:
        if ensure:
            repo.ensure_indices()
        yield repo
    finally:
        repo.close()
