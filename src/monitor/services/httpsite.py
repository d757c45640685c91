"""A small real HTTP server on loopback serving an in-memory site, with ETag and
Last-Modified validators (so conditional GET is exercised for real).

`make run` serves the packaged demo site with it (`monitor demo`), and the tests serve their
fixture feeds and pages with it; pages can be changed while it runs.
"""

from __future__ import annotations

import hashlib
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path


class Site:
    """Mutable path → (body, content type) mapping, safe to change while serving."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[bytes, str, str]] = {}
        self._lock = threading.Lock()
        self.hits: dict[str, int] = {}

    def put(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self._pages[path] = (data, content_type, formatdate(usegmt=True))

    def remove(self, path: str) -> None:
        with self._lock:
            self._pages.pop(path, None)

    def get(self, path: str) -> tuple[bytes, str, str] | None:
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self._pages.get(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "MonitorTestSite/1"
        disable_nagle_algorithm = True  # headers and body are two writes: no delayed-ACK stalls

        def do_GET(self) -> None:  # noqa: N802
            page = site.get(self.path.split("?", 1)[0])
            if page is None:
                self.send_error(404)
                return
            body, content_type, modified = page
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up mid-answer (a killed worker, a timeout) is not a server error."""

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class SiteServer:
    """Serve a `Site` on 127.0.0.1 in a background thread."""

    def __init__(self, site: Site, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.site = site
        self.httpd = _QuietServer((host, port), _handler(site))
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def fill_demo_site(site: Site, base_url: str) -> Site:
    """Load the packaged demo site (a feed with the founding example and an unrelated story)."""
    root = Path(str(resources.files("monitor.services") / "demo_site"))
    site.put("/feed.xml", (root / "feed.xml").read_text().replace("{BASE}", base_url), "application/rss+xml")
    site.put("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    for page in sorted((root / "articles").glob("*.html")):
        site.put(f"/articles/{page.name}", page.read_text().replace("{BASE}", base_url))
    return site
