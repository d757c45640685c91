"""`monitor serve`: the web app on uvicorn, in the foreground, until Ctrl-C."""

from __future__ import annotations

import logging

from monitor.settings import Settings

logger = logging.getLogger(__name__)


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
          workers: int = 1) -> int:
    """Serve the search page and API on http://host:port/ until interrupted; returns 0.

    With `workers` > 1, uvicorn's supervisor runs that many worker processes on one listening
    socket (each builds the app from the environment, as `settings` was: every MONITOR_*
    variable reaches them), and restarts one that dies. One process serves a request's
    Python part (routing, response building, templates) on one core at a time; workers use
    every core.
    """
    import uvicorn

    from monitor.web.app import create_app

    logger.info("serving the web app on http://%s:%d/ (%d worker%s)", host, port, workers, "s" * (workers > 1))
    common = {"host": host, "port": port, "log_level": log_level, "access_log": False, "proxy_headers": False,
              "server_header": False}
    if workers > 1:
        uvicorn.run("monitor.web.app:create_app", factory=True, workers=workers, **common)
        return 0
    config = uvicorn.Config(create_app(settings), **common)
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:  # uvicorn shuts down gracefully, then re-raises Ctrl-C
        pass
    return 0
