"""The one error tree (src/monitor/errors.py). Callers catch by base class — the CLI maps
ConfigError to exit 2 and every other MonitorError to 1, the fetcher treats every BlockedURL
alike, the web app maps IndexError_ to 503 — so the shape of the tree is behaviour; and the
tree drawn in the module docstring is the one the classes make."""

from __future__ import annotations

import inspect
import re

import pytest

import monitor.errors as errors
from monitor.errors import (
    BlockedURL,
    ConfigError,
    ExpiredCursor,
    FetchError,
    HTTPStatusError,
    IndexError_,
    InvalidToken,
    MonitorError,
    RefusedPeer,
    SourceConfigError,
    TransientFetchError,
)


def error_classes() -> dict[str, type[BaseException]]:
    return {name: cls for name, cls in inspect.getmembers(errors, inspect.isclass)
            if issubclass(cls, BaseException) and cls.__module__ == errors.__name__}


def drawn_tree() -> dict[str, str | None]:
    """class → parent, as drawn in the docstring (indentation gives the depth)."""
    parents: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    for line in errors.__doc__.splitlines():  # the drawing: the root alone on its line, then `├── Name` lines
        match = re.match(r"^\s*(MonitorError)\s*$|^[\s│]*[├└]── ([A-Z][A-Za-z_]+)\b", line)
        if not match:
            continue
        name = match.group(1) or match.group(2)
        depth = len(line) - len(line.lstrip(" │├└─"))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[name] = stack[-1][1] if stack else None
        stack.append((depth, name))
    return parents


def test_every_error_derives_from_monitor_error():
    for name, cls in error_classes().items():
        assert issubclass(cls, MonitorError), name


def test_the_docstring_draws_the_real_tree():
    drawn = drawn_tree()
    assert set(drawn) == set(error_classes())  # every class drawn, nothing drawn that is not a class
    real = {name: (None if cls is MonitorError else cls.__bases__[0].__name__) for name, cls in error_classes().items()}
    assert drawn == real


@pytest.mark.parametrize(("error", "base"), [
    (RefusedPeer("news.example", "10.0.0.1"), BlockedURL),  # DNS rebinding is refused like any blocked URL
    (RefusedPeer("news.example", "10.0.0.1"), FetchError),
    (TransientFetchError("reset"), FetchError),
    (ExpiredCursor("gone"), IndexError_),  # a 410 is still an index error to callers that catch those
    (SourceConfigError("source x: field 'url'"), ConfigError),
])
def test_callers_catching_the_base_class_catch_the_specific_error(error, base):
    with pytest.raises(base):
        raise error


def test_an_invalid_token_is_not_a_configuration_error():
    # A forged or expired link is the visitor's problem (HTTP 400 / exit 1), not a usage error (exit 2).
    assert not issubclass(InvalidToken, ConfigError)


def test_errors_carry_what_their_handlers_report():
    refused = RefusedPeer("news.example", "169.254.169.254")
    assert (refused.host, refused.address) == ("news.example", "169.254.169.254")
    assert str(refused) == "news.example connected to refused address 169.254.169.254"
    status = HTTPStatusError("HTTP 503", url="https://news.example/feed", status=503)
    assert (status.status, status.url) == (503, "https://news.example/feed")
    assert FetchError("boom").url == ""
