"""The monitor's one error tree; adapters translate third-party errors into it at the boundary.

    MonitorError
    ├── ConfigError            bad settings, a bad sources file or bad input (exit code 2)
    │   └── SourceConfigError  names the source and the field
    ├── InvalidToken           a signed link is forged, for another purpose, or expired (HTTP 400)
    ├── FetchError             a source or article could not be fetched
    │   ├── FetchTimeout
    │   ├── TransientFetchError  a connection-phase failure (reset, refused) worth retrying
    │   ├── BlockedURL         the URL guard refused the address
    │   │   └── RefusedPeer    the connection reached a refused address (DNS rebinding)
    │   ├── TooLarge           the body passed the byte cap
    │   └── HTTPStatusError    a non-success status after retries
    ├── ParseError             a feed or page could not be parsed
    │   └── NotAnArticle       the page is a block page, consent wall, soft 404… (never indexed)
    ├── IndexError_            Elasticsearch refused or was unreachable
    │   └── ExpiredCursor      a search cursor's point in time expired or is not ours (HTTP 410)
    ├── MailError              the SMTP server refused or was unreachable
    └── ServiceError           a local service (ES, SMTP sink) could not start or stop

The CLI maps ConfigError to exit code 2 and every other MonitorError to 1; the web app maps
InvalidToken to 400, ExpiredCursor to 410 and IndexError_ to 503.
"""

from __future__ import annotations


class MonitorError(Exception):
    """Root of every error the monitor raises on purpose."""


class ConfigError(MonitorError):
    """Settings or a sources file are invalid; the CLI exits with code 2."""


class SourceConfigError(ConfigError):
    """A sources file entry is invalid; the message names the source and the field."""


class InvalidToken(MonitorError):
    """A link's token is forged, for another purpose, or expired."""


class FetchError(MonitorError):
    """A URL could not be fetched."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class FetchTimeout(FetchError):
    """Connecting or reading took longer than allowed."""


class TransientFetchError(FetchError):
    """A connection-phase failure worth retrying (reset, refused, timeout)."""


class BlockedURL(FetchError):
    """The URL resolves to an address the guard refuses (private, link-local, metadata…)."""


class RefusedPeer(BlockedURL):
    """The connected peer's address is one the guard refuses (raised inside the transport,
    after the operating system's own DNS resolution)."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} connected to refused address {address}")
        self.host = host
        self.address = address


class TooLarge(FetchError):
    """The response body is larger than the byte cap."""


class HTTPStatusError(FetchError):
    """The server answered with an error status; `body` holds the start of its answer (a CDN's
    block page or a bot challenge says what it is there)."""

    def __init__(self, message: str, *, url: str = "", status: int = 0, body: bytes = b"") -> None:
        super().__init__(message, url=url)
        self.status = status
        self.body = body


class ParseError(MonitorError):
    """A feed, page or API answer could not be parsed."""


class NotAnArticle(ParseError):
    """The page is not an article: a block or challenge page, a consent or login wall, an app
    shell, a soft 404, a redirect interstitial (`extract/notarticle.py` names the kind)."""

    def __init__(self, reason: str, url: str = "") -> None:
        super().__init__(f"not an article ({reason}): {url}" if url else f"not an article ({reason})")
        self.reason = reason
        self.url = url

    def __reduce__(self) -> tuple:  # crosses from analysis workers: rebuilt from its fields
        return (self.__class__, (self.reason, self.url))


class IndexError_(MonitorError):  # noqa: N801 - trailing underscore avoids the builtin
    """Elasticsearch refused a request or could not be reached."""


class ExpiredCursor(IndexError_):
    """The point in time behind a search cursor has expired or is unknown: start again."""


class MailError(MonitorError):
    """The SMTP server refused a message or could not be reached."""


class ServiceError(MonitorError):
    """A local service could not be started, stopped or found."""
