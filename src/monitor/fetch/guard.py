"""The URL guard: refuse URLs whose host resolves to a private, loopback, link-local,
reserved or cloud-metadata address (checked after DNS resolution, on every redirect hop).

Settings read: `allow_loopback` (MONITOR_ALLOW_LOOPBACK) lets 127.0.0.0/8 and ::1 through,
for the local demo feed and tests; nothing else private is ever allowed.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from monitor.errors import BlockedURL

Resolver = Callable[[str, int], Iterable[str]]

_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve a host name to its addresses with the system resolver."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return [info[4][0] for info in infos]


def address_allowed(address: str, *, allow_loopback: bool) -> bool:
    """Whether one IP address may be contacted."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return False
    if ip.is_loopback:
        return allow_loopback
    return not (
        ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10"))
    )


def check_url(url: str, *, allow_loopback: bool, resolver: Resolver = system_resolver) -> list[str]:
    """Raise `BlockedURL` unless every address the URL's host resolves to is allowed.

    Returns the resolved addresses. Only http and https are fetched.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedURL(f"scheme {parts.scheme!r} is not fetched", url=url)
    host = parts.hostname
    if not host:
        raise BlockedURL("URL has no host", url=url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = list(resolver(host, port))
    except (OSError, UnicodeError) as exc:
        raise BlockedURL(f"cannot resolve {host}: {exc}", url=url) from exc
    if not addresses:
        raise BlockedURL(f"{host} resolves to no address", url=url)
    for address in addresses:
        if not address_allowed(address, allow_loopback=allow_loopback):
            raise BlockedURL(f"{host} resolves to refused address {address}", url=url)
    return addresses
