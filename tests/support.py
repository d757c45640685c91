"""Small helpers shared by tests (importable as `tests.support`)."""

import socket


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port_pair() -> int:
    """A free port whose +100 is free too (an Elasticsearch node's HTTP and transport ports)."""
    for _ in range(100):
        port = free_port()
        if port + 100 > 65535:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 100))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair")


def rss_feed(base_url: str, items: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed of (title, path) items on `base_url`, all published on 6 January 2020."""
    entries = "".join(
        f"<item><title>{title}</title><link>{base_url}{path}</link><guid>{base_url}{path}</guid>"
        f"<pubDate>Mon, 06 Jan 2020 23:15:00 GMT</pubDate></item>"
        for title, path in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'


class ServedApp:
    """A real uvicorn server on 127.0.0.1 running an ASGI app in a background thread."""

    def __init__(self, app, port: int | None = None) -> None:
        import threading

        import uvicorn

        self.port = port or free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ServedApp":
        import time

        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def index_ops(es_url: str, prefix: str) -> int:
    """Index operations so far on a prefix's indices: a write anywhere raises it."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(es_url)
    try:
        client.indices.refresh(index=f"{prefix}-*")
        stats = client.indices.stats(index=f"{prefix}-*", metric="indexing")
        return stats["_all"]["primaries"]["indexing"]["index_total"]
    finally:
        client.close()
