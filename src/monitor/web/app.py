"""The web app factory: JSON API + search pages (+ the subscription pages), one FastAPI app.

`create_app(settings)` builds the app without touching the environment or the network: the
settings (when not given), the repository and the routers that need settings are resolved on
the first request. That is what lets `plugins/monitor_web.py` build the app at import time
for the Airflow API server, which mounts it under `/monitor` (and never runs a mounted app's
lifespan). Errors from Elasticsearch become 503 answers; pages get HTML, `/api` gets JSON.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from monitor import __version__
from monitor.errors import ExpiredCursor, IndexError_, InvalidToken, MonitorError
from monitor.index import Repository
from monitor.settings import Settings, get_settings
from monitor.web import api, findings, pages
from monitor.web.templating import STATIC

logger = logging.getLogger(__name__)

RouterFactory = Callable[[Settings], Any]


def _subscription_router(settings: Settings) -> Any:
    from monitor.web.subscribe_routes import subscription_router

    return subscription_router(settings)


def _operator_router(settings: Settings) -> Any:
    from monitor.web.operator import operator_router

    return operator_router(settings)  # bearer token (MONITOR_OPERATOR_TOKEN)


def _review_router(settings: Settings) -> Any:
    from monitor.web.review_routes import review_router

    return review_router(settings)  # operator token, or the session cookie /operator/login sets


def airflow_operator_router(settings: Settings) -> Any:
    """The operator pages behind Airflow's login (for the Airflow API server mount)."""
    from monitor.web.operator import airflow_guard, operator_router

    return operator_router(settings, guard=airflow_guard())


def airflow_review_router(settings: Settings) -> Any:
    """The review queue behind Airflow's login (no token login form there)."""
    from monitor.web.operator import airflow_guard
    from monitor.web.review_routes import review_router

    return review_router(settings, guard=airflow_guard(), login=False)


DEFAULT_ROUTERS: tuple[RouterFactory, ...] = (_subscription_router, _operator_router, _review_router)
AIRFLOW_ROUTERS: tuple[RouterFactory, ...] = (_subscription_router, airflow_operator_router, airflow_review_router)


class WebContext:
    """Settings, repository and late routers of one app, resolved once on first use."""

    def __init__(self, settings: Settings | None, repository: Repository | None,
                 routers: Sequence[RouterFactory]) -> None:
        self._settings = settings
        self._repository = repository
        self._routers = tuple(routers)
        self._lock = threading.Lock()
        self._configured = False
        self._indices_ready = False

    @property
    def configured(self) -> bool:
        return self._configured

    @property
    def idle(self) -> bool:
        """Nothing read or connected yet (true from `create_app()` until the first request)."""
        return self._settings is None and self._repository is None and not self._configured

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = get_settings()
        return self._settings

    def configure(self, app: FastAPI) -> None:
        """Read settings and add the routers that need them (first request only)."""
        if self._configured:
            return
        with self._lock:
            if self._configured:
                return
            settings = self.settings
            for factory in self._routers:
                try:
                    router = factory(settings)
                except Exception:  # noqa: BLE001 - a broken add-on must not take search down
                    logger.exception("web routes from %s are unavailable", getattr(factory, "__name__", factory))
                    continue
                app.include_router(router)
            self._configured = True

    def ready_repository(self) -> Repository | None:
        """The repository if it is already connected and its indices ensured (no I/O), else None."""
        return self._repository if self._indices_ready else None

    def repository(self) -> Repository:
        """The shared repository (its client is thread-safe); indices ensured once."""
        if self._repository is None or not self._indices_ready:
            with self._lock:
                if self._repository is None:
                    from monitor.services.cluster import repository_for

                    self._repository = repository_for(self.settings)
                if not self._indices_ready:
                    self._repository.ensure_indices()
                    self._indices_ready = True
        return self._repository

    def close(self) -> None:
        if self._repository is not None:
            self._repository.close()


class _ConfigureOnFirstRequest:
    """ASGI middleware: configure the app before its first request is routed."""

    def __init__(self, app: ASGIApp, *, context: WebContext, owner: Callable[[], FastAPI]) -> None:
        self.app = app
        self.context = context
        self.owner = owner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and not self.context.configured:
            self.context.configure(self.owner())
        await self.app(scope, receive, send)


def _is_api(request: Request) -> bool:
    path, root = request.scope.get("path", ""), request.scope.get("root_path", "")
    relative = path[len(root):] if root and path.startswith(root) else path
    return relative.startswith("/api/") or relative == "/api"


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _is_api(request):
        return api.SafeJSONResponse({"detail": message}, status_code=status, headers=headers)
    title = "Search is unavailable" if status >= 500 else "Not found" if status == 404 else "Cannot show this page"
    response = pages.render(request, "error.html", status=status, title=title, message=message)
    response.headers.update(headers or {})
    return response


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ExpiredCursor)
    async def expired(request: Request, exc: ExpiredCursor) -> Response:
        return _error(request, 410, str(exc))

    @app.exception_handler(InvalidToken)
    async def invalid_token(request: Request, exc: InvalidToken) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(IndexError_)
    async def unavailable(request: Request, exc: IndexError_) -> Response:
        logger.error("search backend failed: %s", exc, extra={"path": request.url.path})
        return _error(request, 503, "Search is unavailable right now (the index cannot be reached).")

    @app.exception_handler(MonitorError)
    async def failed(request: Request, exc: MonitorError) -> Response:
        logger.error("request failed: %s", exc, extra={"path": request.url.path})
        return _error(request, 500, "Something went wrong.")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return api.SafeJSONResponse({"detail": exc.errors()}, status_code=422)
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "request" for e in exc.errors())
        return pages.render(request, "error.html", status=422, title="Cannot search with these filters",
                            message=f"Please check: {fields}.")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))


def create_app(
    settings: Settings | None = None, *, repository: Repository | None = None,
    routers: Sequence[RouterFactory] = DEFAULT_ROUTERS,
) -> FastAPI:
    """The web app. Nothing is read or connected until the first request."""
    context = WebContext(settings, repository, routers)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        context.close()

    app = FastAPI(
        title="Asylum Policy Monitor", version=__version__, lifespan=lifespan,
        description="Search every indexed document and finding (English and Spanish); JSON API and pages.",
        openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None,
    )
    app.state.monitor = context
    app.add_middleware(_ConfigureOnFirstRequest, context=context, owner=lambda: app)
    app.include_router(api.router)
    app.include_router(findings.api_router)
    app.include_router(pages.router)
    app.include_router(findings.page_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _install_error_handlers(app)
    return app
