"""The shared HTTP client: one `requests` session per run with connect/read timeouts and a
total deadline per request, retries with backoff that honour `Retry-After`, conditional GET,
a byte cap on the decoded body, per-host politeness, robots.txt and a redirect limit with the
URL guard on every hop (and on the connected address itself, see transport.py).

Settings read: http_timeout, max_bytes, host_delay, allow_loopback, user_agent
(user_agent_contact). The total deadline defaults to three times http_timeout.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions

from monitor.errors import (
    BlockedURL,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    RefusedPeer,
    TooLarge,
    TransientFetchError,
)
from monitor.fetch.guard import Resolver, check_url, system_resolver
from monitor.fetch.politeness import HostGate
from monitor.fetch.retry import RetryPolicy, retry_delay
from monitor.fetch.transport import guarded_adapter
from monitor.settings import Settings

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
CHUNK = 65_536
ROBOTS_MAX_BYTES = 512_000  # RFC 9309 lets crawlers stop reading robots.txt at 500 KiB
MAX_CRAWL_DELAY = 30.0
#: The start of a refusal's answer kept on `HTTPStatusError`: enough for a block page's signature.
ERROR_BODY_BYTES = 32_768
#: The statuses a CDN, a bot wall or a login wall answers with (their pages are read that far).
REFUSAL_STATUSES = (401, 403, 429, 503)
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,application/json;q=0.9,application/pdf;q=0.8,*/*;q=0.5")


@dataclass(frozen=True)
class Response:
    """A fetched body (or a 304) with the validators for the next conditional GET."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """Fetches URLs politely and safely; one per run, shared by every source of the run."""

    def __init__(
        self, settings: Settings, *, resolver: Resolver = system_resolver, deadline: float | None = None,
        max_per_host: int = 2, retry: RetryPolicy | None = None,
    ) -> None:
        self._settings = settings
        self._resolver = resolver
        self._deadline = deadline if deadline is not None else 3 * settings.http_timeout
        self._retry = retry or RetryPolicy(max_wait=max(settings.http_timeout, 1.0))
        self._gate = HostGate(delay=settings.host_delay, max_active=max_per_host)
        self._session = requests.Session()
        self._session.trust_env = False  # no proxies or .netrc from the environment
        adapter = guarded_adapter(allow_loopback=settings.allow_loopback)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers.update({"User-Agent": settings.user_agent, "Accept": ACCEPT})
        self._robots_lock = threading.Lock()
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_unavailable: dict[str, str] = {}

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None,
        check_robots: bool = True, max_bytes: int | None = None,
    ) -> Response:
        """GET `url` under every rule of this module; raises a `FetchError` subclass."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers=headers, check_robots=check_robots, max_bytes=max_bytes)

    def post(self, url: str, *, data: bytes, content_type: str, max_bytes: int | None = None) -> Response:
        """POST `data` to `url` under the same rules as `get` (guard, robots.txt, the host's
        gate, retries); a redirect is refused rather than followed with another method."""
        return self._request(url, headers={"Content-Type": content_type}, data=data, max_bytes=max_bytes)

    def _request(self, url: str, *, headers: dict[str, str], check_robots: bool = True,
                 max_bytes: int | None = None, data: bytes | None = None) -> Response:
        deadline = time.monotonic() + self._deadline
        cap = max_bytes or self._settings.max_bytes
        current, visited = url, set()
        for _hop in range(MAX_REDIRECTS + 1):
            check_url(current, allow_loopback=self._settings.allow_loopback, resolver=self._resolver)
            if check_robots and not self._robots_allow(current):
                reason = self._robots_unavailable.get(_origin(current))
                raise FetchError(reason or f"robots.txt disallows {current}", url=current)
            visited.add(current)
            response, body = self._with_retries(current, headers, deadline, cap, data)
            if response.is_redirect and data is not None:
                raise HTTPStatusError(f"HTTP {response.status_code} (a redirect) answering a POST to {current}",
                                      url=current, status=response.status_code)
            if response.is_redirect:
                location = response.headers.get("Location", "").strip()
                if not location:
                    raise FetchError(f"redirect without Location from {current}", url=current)
                target = urljoin(current, location)
                if target in visited:
                    raise FetchError(f"redirect loop at {target}", url=url)
                current = target
                continue
            if response.status_code >= 400 or (response.status_code >= 300 and response.status_code != 304):
                raise HTTPStatusError(f"HTTP {response.status_code} from {current}", url=current,
                                      status=response.status_code, body=body)
            return Response(
                url=current, status=response.status_code, body=body,
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
            )
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", url=url)

    # -- one hop, retried ------------------------------------------------------------------
    def _with_retries(
        self, url: str, headers: dict[str, str], deadline: float, cap: int, data: bytes | None = None
    ) -> tuple[requests.Response, bytes]:
        attempt = 1
        while True:
            status, retry_after = None, None
            try:
                response, body = self._exchange(url, headers, deadline, cap, data)
            except (TransientFetchError, FetchTimeout) as exc:
                error: FetchError = exc
            else:
                if response.status_code not in (429, 500, 502, 503, 504):
                    return response, body
                status, retry_after = response.status_code, response.headers.get("Retry-After")
                error = HTTPStatusError(f"HTTP {status} from {url}", url=url, status=status,
                                        body=body)
                if retry_after:
                    error = HTTPStatusError(f"HTTP {status} from {url} (Retry-After: {retry_after})",
                                            url=url, status=status, body=body)
            delay = retry_delay(attempt, policy=self._retry, status=status, retry_after=retry_after,
                                remaining=deadline - time.monotonic())
            if delay is None:
                raise error
            logger.info("retrying %s in %.1fs after %s", url, delay, error)
            time.sleep(delay)
            attempt += 1

    def _exchange(
        self, url: str, headers: dict[str, str], deadline: float, cap: int, data: bytes | None = None
    ) -> tuple[requests.Response, bytes]:
        host = urlsplit(url).netloc.lower()
        with self._gate.admit(host, timeout=self._remaining(url, deadline)):
            timeout = min(self._settings.http_timeout, self._remaining(url, deadline))
            try:
                response = self._session.request(
                    "GET" if data is None else "POST", url, headers=headers, data=data,
                    timeout=(timeout, timeout), stream=True, allow_redirects=False,
                )
            except RefusedPeer as exc:
                raise BlockedURL(str(exc), url=url) from exc
            except requests.Timeout as exc:
                raise FetchTimeout(f"timed out fetching {url}", url=url) from exc
            except requests.RequestException as exc:
                raise TransientFetchError(f"cannot fetch {url}: {exc.__class__.__name__}: {exc}", url=url) from exc
            with response:
                if 200 <= response.status_code < 300:
                    body = self._read_capped(url, response, deadline, cap)
                elif response.status_code in REFUSAL_STATUSES:
                    body = self._read_head(url, response, deadline)
                else:
                    body = b""
            return response, body

    @staticmethod
    def _remaining(url: str, deadline: float) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeout(f"deadline passed fetching {url}", url=url)
        return remaining

    def _read_capped(self, url: str, response: requests.Response, deadline: float, cap: int, *,
                     truncate: bool = False) -> bytes:
        """The body, at most `cap` bytes: `TooLarge` past it, or (`truncate`) its first `cap` bytes."""
        declared = response.headers.get("Content-Length", "")
        if not truncate and declared.isdigit() and int(declared) > cap:
            raise TooLarge(f"{url} declares {declared} bytes, cap is {cap}", url=url)
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                self._remaining(url, deadline)
                # read1 returns as soon as some bytes arrive (so a trickling server meets the
                # deadline) and never decodes more than CHUNK bytes at once (so a gzip bomb is
                # stopped at the cap, not after inflating in memory).
                chunk = response.raw.read1(CHUNK, decode_content=True)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    if not truncate:
                        raise TooLarge(f"{url} is larger than the cap of {cap} bytes", url=url)
                    chunks.append(chunk[:len(chunk) - (size - cap)])
                    break
                chunks.append(chunk)
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise FetchTimeout(f"timed out reading {url}", url=url) from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(f"cannot read {url}: {exc.__class__.__name__}: {exc}", url=url) from exc
        return b"".join(chunks)

    def _read_head(self, url: str, response: requests.Response, deadline: float) -> bytes:
        """The first `ERROR_BODY_BYTES` of a refusal's page, best effort (nothing on any error)."""
        try:
            return self._read_capped(url, response, deadline, ERROR_BODY_BYTES, truncate=True)
        except FetchError:
            return b""

    # -- robots.txt ------------------------------------------------------------------------
    def _robots_allow(self, url: str) -> bool:
        origin = _origin(url)
        with self._robots_lock:
            cached = origin in self._robots
            parser = self._robots.get(origin)
        if not cached:
            parser = self._load_robots(origin)
            with self._robots_lock:
                self._robots[origin] = parser
        return parser is None or parser.can_fetch(self._settings.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The origin's rules; None = everything allowed (RFC 9309: a 4xx means no rules)."""
        parser = urllib.robotparser.RobotFileParser()
        try:
            response = self.get(f"{origin}/robots.txt", check_robots=False, max_bytes=ROBOTS_MAX_BYTES)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                return None
            logger.warning("robots.txt of %s answered %s; not crawling it this run", origin, exc.status)
            self._robots_unavailable[origin] = f"robots.txt of {origin} answered HTTP {exc.status}; not crawled"
            parser.disallow_all = True
            return parser
        except TooLarge:
            return None
        except FetchError as exc:
            logger.warning("robots.txt of %s unavailable (%s); not crawling it this run", origin, exc)
            self._robots_unavailable[origin] = f"robots.txt of {origin} unavailable ({exc}); not crawled"
            parser.disallow_all = True
            return parser
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(self._settings.user_agent)
        if delay:
            self._gate.slow_down(urlsplit(origin).netloc.lower(), min(float(delay), MAX_CRAWL_DELAY))
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
