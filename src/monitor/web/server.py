"""`monitor serve`: the web app on uvicorn, in the foreground, until Ctrl-C."""

from __future__ import annotations

import logging

from monitor.settings import Settings

logger = logging.getLogger(__name__)


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> int:
    """Serve the search page and API on http://host:port/ until interrupted; returns 0."""
    import uvicorn

    from monitor.web.app import create_app

    app = create_app(settings)
    logger.info("serving the web app on http://%s:%d/", host, port)
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False,
                            proxy_headers=False, server_header=False)
    try:
        uvicorn.Server(config).run()
    except KeyboardInterrupt:  # uvicorn shuts down gracefully, then re-raises Ctrl-C
        pass
    return 0
