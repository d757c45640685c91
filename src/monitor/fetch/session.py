"""The shared HTTP client: one `requests` session with timeouts, retries with backoff that
honour `Retry-After`, conditional GET, a byte cap, per-host politeness, robots.txt and
redirects that pass the URL guard on every hop.

Settings read: http_timeout, max_bytes, host_delay, allow_loopback, user_agent.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from monitor.errors import FetchError, FetchTimeout, HTTPStatusError, TooLarge
from monitor.fetch.guard import Resolver, check_url, system_resolver
from monitor.settings import Settings

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5


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

    def __init__(self, settings: Settings, *, resolver: Resolver = system_resolver) -> None:
        self._settings = settings
        self._resolver = resolver
        self._session = requests.Session()
        retry = Retry(
            total=3,
            connect=2,
            read=2,
            status=3,
            backoff_factor=0.5,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            raise_on_status=False,
            redirect=0,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=16)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers["User-Agent"] = settings.user_agent
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None,
        check_robots: bool = True,
    ) -> Response:
        """GET `url` under every rule of this module; raises a `FetchError` subclass."""
        if check_robots and not self._robots_allow(url):
            raise FetchError(f"robots.txt disallows {url}", url=url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            check_url(current, allow_loopback=self._settings.allow_loopback, resolver=self._resolver)
            self._wait_for_host(current)
            response = self._request(current, headers)
            if response.is_redirect:
                location = response.headers.get("Location", "")
                response.close()
                current = urljoin(current, location)
                continue
            return self._read(current, response)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", url=url)

    def _request(self, url: str, headers: dict[str, str]) -> requests.Response:
        timeout = self._settings.http_timeout
        try:
            return self._session.get(
                url, headers=headers, timeout=(timeout, timeout), stream=True, allow_redirects=False
            )
        except requests.Timeout as exc:
            raise FetchTimeout(f"timed out fetching {url}", url=url) from exc
        except requests.RequestException as exc:
            raise FetchError(f"cannot fetch {url}: {exc.__class__.__name__}: {exc}", url=url) from exc

    def _read(self, url: str, response: requests.Response) -> Response:
        with response:
            if response.status_code == 304:
                body = b""
            elif response.status_code >= 400:
                raise HTTPStatusError(
                    f"HTTP {response.status_code} from {url}", url=url, status=response.status_code
                )
            else:
                body = self._read_capped(url, response)
            return Response(
                url=url,
                status=response.status_code,
                body=body,
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )

    def _read_capped(self, url: str, response: requests.Response) -> bytes:
        cap = self._settings.max_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise TooLarge(f"{url} declares {declared} bytes, cap is {cap}", url=url)
        chunks: list[bytes] = []
        size = 0
        try:
            # iter_content decompresses, so the cap holds for the decoded size too.
            for chunk in response.iter_content(chunk_size=65536):
                size += len(chunk)
                if size > cap:
                    raise TooLarge(f"{url} is larger than the cap of {cap} bytes", url=url)
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise FetchError(f"cannot read {url}: {exc}", url=url) from exc
        return b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        delay = self._settings.host_delay
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, 0.0))
            self._next_slot[host] = slot + delay
        if slot > now:
            time.sleep(slot - now)

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self._settings.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            response = self.get(f"{origin}/robots.txt", check_robots=False)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                return None  # no robots.txt: everything is allowed
            logger.warning("robots.txt of %s answered %s; treating as allowed", origin, exc.status)
            return None
        except FetchError as exc:
            logger.warning("robots.txt of %s unavailable (%s); treating as allowed", origin, exc)
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser
