"""The transport seam under `requests`: connections that check the address they actually
reached, after the operating system's own DNS resolution, before any byte is sent.

`guard.check_url` refuses a URL up front with a clear message; this second check closes the
gap between that look-up and the connection (DNS rebinding: a name that resolves to a public
address for the check and to 169.254.169.254 for the connect). Proxies from the environment
are never used, so the peer is always the origin server.

Settings read: allow_loopback (passed in by the fetcher).
"""

from __future__ import annotations

import socket
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from monitor.errors import RefusedPeer
from monitor.fetch.guard import address_allowed


def _checked(sock: socket.socket, host: str, *, allow_loopback: bool) -> socket.socket:
    address = sock.getpeername()[0]
    if not address_allowed(address, allow_loopback=allow_loopback):
        sock.close()
        raise RefusedPeer(host, address)
    return sock


def guarded_adapter(*, allow_loopback: bool, pool_maxsize: int = 16) -> HTTPAdapter:
    """An `HTTPAdapter` whose every new connection passes the address guard."""

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return _checked(super()._new_conn(), self.host, allow_loopback=allow_loopback)

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return _checked(super()._new_conn(), self.host, allow_loopback=allow_loopback)

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}

    # Retries are the fetcher's (fetch/retry.py): none down here, so waits stay bounded.
    return GuardedAdapter(max_retries=0, pool_maxsize=pool_maxsize)
