"""The monitor's one error tree; adapters translate third-party errors into it at the boundary.

    MonitorError
    ├── ConfigError            bad settings or a bad sources file (exit code 2)
    │   └── SourceConfigError  names the source and the field
    ├── FetchError             a source or article could not be fetched
    │   ├── FetchTimeout
    │   ├── BlockedURL         the URL guard refused the address
    │   ├── TooLarge           the body passed the byte cap
    │   └── HTTPStatusError    a non-success status after retries
    ├── ParseError             a feed or page could not be parsed
    ├── IndexError_            Elasticsearch refused or was unreachable
    ├── MailError              the SMTP server refused or was unreachable
    └── ServiceError           a local service (ES, SMTP sink) could not start or stop
"""

from __future__ import annotations


class MonitorError(Exception):
    """Root of every error the monitor raises on purpose."""


class ConfigError(MonitorError):
    """Settings or a sources file are invalid; the CLI exits with code 2."""


class SourceConfigError(ConfigError):
    """A sources file entry is invalid; the message names the source and the field."""


class FetchError(MonitorError):
    """A URL could not be fetched."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class FetchTimeout(FetchError):
    """Connecting or reading took longer than allowed."""


class BlockedURL(FetchError):
    """The URL resolves to an address the guard refuses (private, link-local, metadata…)."""


class TooLarge(FetchError):
    """The response body is larger than the byte cap."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, *, url: str = "", status: int = 0) -> None:
        super().__init__(message, url=url)
        self.status = status


class ParseError(MonitorError):
    """A feed, page or API answer could not be parsed."""


class IndexError_(MonitorError):  # noqa: N801 - trailing underscore avoids the builtin
    """Elasticsearch refused a request or could not be reached."""


class MailError(MonitorError):
    """The SMTP server refused a message or could not be reached."""


class ServiceError(MonitorError):
    """A local service could not be started, stopped or found."""
