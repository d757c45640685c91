"""What every command shares: exit codes, opening the indices, reading a date option."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.errors import ConfigError, MonitorError
from monitor.settings import Settings

if TYPE_CHECKING:
    from monitor.index import Repository

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


@contextlib.contextmanager
def repository(settings: Settings) -> Iterator[Repository]:
    """The indices, ensured; a clear error when the cluster does not answer."""
    from monitor.services.cluster import open_repository

    with open_repository(settings, ensure=False) as repo:
        if not repo.ping():
            raise MonitorError(f"Elasticsearch is not reachable at {repo.url}; start it with `monitor es up`")
        repo.ensure_indices()
        yield repo


def date_option(value: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{flag}: {value!r} is not a date (YYYY-MM-DD)") from exc


def until_interrupted() -> int:
    """Keep a foreground service (SMTP sink, demo site) running until Ctrl-C."""
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return EXIT_OK
