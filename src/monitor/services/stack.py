"""`make run`: start the local Elasticsearch, the SMTP sink, the demo feed and `airflow
standalone`, with a progress bar per step (rich), then print a status table (URLs, where the
login is, the mail folder, the next DAG runs) and stop everything it started on Ctrl-C.

With no internet on the development machines, the sources are the packaged demo feed served
on 127.0.0.1 (MONITOR_ALLOW_LOOPBACK=1 for this process tree only) unless MONITOR_SOURCES
names another file. Airflow's output goes to `<state>/airflow/standalone.log`; how Airflow is
configured and driven here is in `local_airflow.py` (including where email links point).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from monitor.airflow.config import FETCH_POOL_SLOTS, ingest_interval_minutes
from monitor.errors import ServiceError
from monitor.services.elasticsearch import LocalElasticsearch
from monitor.services.httpsite import Site, SiteServer, fill_demo_site
from monitor.services.local_airflow import (
    PASSWORDS_FILE,
    WEB_MOUNT,
    AirflowApi,
    airflow_command,
    airflow_environment,
    ensure_pool,
)
from monitor.services.smtp import SmtpSink
from monitor.settings import Settings

DEMO_SUBSCRIBER = "advocate@example.org"
DEMO_PORT = 8765
DAG_IDS = ("monitor_ingest", "monitor_alerts", "monitor_digest", "monitor_maintenance")

T = TypeVar("T")


def write_demo_sources(path: Path, base_url: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Written by `make run`: the local demo feed (this machine has no internet).\n"
        "sources:\n"
        "  - id: demo-news\n"
        "    name: Demo News (local)\n"
        "    kind: feed\n"
        f"    url: {base_url}/feed.xml\n"
        "    language: en\n"
        "    tags: [news, demo]\n"
    )
    return path


def _wait(check: Callable[[], T], *, timeout: float, what: str, alive: Callable[[], bool] = lambda: True) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            raise ServiceError(f"{what}: the process exited")
        if result := check():
            return result
        time.sleep(1)
    raise ServiceError(f"{what}: not ready after {timeout:.0f} s")


def _next_runs(api: AirflowApi) -> dict[str, str]:
    runs: dict[str, str] = {}
    for dag_id in DAG_IDS:
        info = api.dag(dag_id) or {}
        runs[dag_id] = info.get("next_dagrun_run_after") or ("paused" if info.get("is_paused") else "-")
    return runs


def status_table(rows: list[tuple[str, str]]) -> Any:
    """The final "where to look" table."""
    from rich.table import Table

    table = Table(title="Asylum Policy Monitor — make run", show_lines=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("where", overflow="fold")
    for what, where in rows:
        table.add_row(what, where)
    return table


def run_local_stack(settings: Settings, *, dags_folder: Path, plugins_folder: Path, port: int) -> int:
    """Run everything in the foreground until Ctrl-C; returns the exit code."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from monitor.alerts import new_subscription
    from monitor.index import Repository

    console = Console()
    state = settings.state_path
    state.mkdir(parents=True, exist_ok=True)
    started: list[Callable[[], None]] = []  # stop actions, last started first
    airflow: subprocess.Popen | None = None
    code = 0

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Explicit handlers: a shell that starts us in the background ignores SIGINT, and
    # service managers stop with SIGTERM; both must still stop everything we started.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)

    progress = Progress(
        SpinnerColumn(finished_text="[green]✓"), TextColumn("{task.description}"), BarColumn(bar_width=20),
        TextColumn("{task.fields[note]}", style="dim"), TimeElapsedColumn(), console=console,
    )
    overall = progress.add_task("[bold]make run", total=8, note="")

    @contextmanager
    def step(description: str) -> Iterator[Callable[[str], None]]:
        task = progress.add_task(description, total=None, note="")
        yield lambda note: progress.update(task, note=note)
        progress.update(task, total=1, completed=1)
        progress.advance(overall)

    try:
        with progress:
            es_url = settings.es_url
            local = None if es_url else LocalElasticsearch(settings)
            with step("Elasticsearch: distribution") as note:
                if local is None:
                    note(f"using {es_url}")
                else:
                    note("cached, or fetched once with Maven (~130 MB)")
                    note(str(local.distribution()))
            with step("Elasticsearch: start") as note:
                if local is not None:  # else es_url is MONITOR_ES_URL
                    was_running = local.status().running
                    es_url = local.up().url
                    if not was_running:
                        started.append(local.down)
                note(es_url)
            with step("Indices, demo subscriber") as note:
                repo = Repository(es_url, prefix=settings.index_prefix)
                try:
                    repo.ensure_indices()
                    sub = new_subscription(DEMO_SUBSCRIBER)
                    repo.subscriptions.save(sub.id, sub.model_dump(mode="json", exclude={"id"}))
                finally:
                    repo.close()
                note(f"prefix {settings.index_prefix}, subscriber {DEMO_SUBSCRIBER}")
            with step("SMTP sink, demo feed") as note:
                sink = SmtpSink(settings.mail_dir, port=settings.smtp_port).start()
                started.append(sink.stop)
                demo = SiteServer(Site(), port=DEMO_PORT)
                fill_demo_site(demo.site, demo.base_url)
                demo.start()
                started.append(demo.stop)
                sources = settings.sources or write_demo_sources(state / "demo-sources.yaml", demo.base_url)
                note(f"smtp 127.0.0.1:{settings.smtp_port}, {demo.base_url}/feed.xml")

            env = airflow_environment(
                settings, es_url=es_url, dags_folder=dags_folder, plugins_folder=plugins_folder, port=port,
                sources=sources, allow_loopback=settings.sources is None or settings.allow_loopback,
            )
            airflow_home = Path(env["AIRFLOW_HOME"])
            airflow_home.mkdir(parents=True, exist_ok=True)
            log_path = airflow_home / "standalone.log"
            with step("Airflow: database") as note:
                note("airflow db migrate")
                airflow_command(env, "db", "migrate", log=log_path)
                note("migrated")
            with step("Airflow: pool monitor_fetch") as note:
                ensure_pool(env, log=log_path)
                note(f"{FETCH_POOL_SLOTS} slots")
            api = AirflowApi(f"http://127.0.0.1:{port}", airflow_home)
            with step("Airflow: start (standalone)") as note:
                log = open(log_path, "ab")
                airflow = subprocess.Popen(["airflow", "standalone"], env=env, stdout=log, stderr=subprocess.STDOUT,
                                           start_new_session=True)
                log.close()
                note("api-server, scheduler, dag-processor, triggerer")
                _wait(api.healthy, timeout=300, what="Airflow API server", alive=lambda: airflow.poll() is None)
            with step("Airflow: DAGs parsed") as note:
                parsed = lambda: all(api.dag(d) for d in DAG_IDS)  # noqa: E731
                try:
                    _wait(parsed, timeout=180, what="DAG parsing", alive=lambda: airflow.poll() is None)
                    note(", ".join(DAG_IDS))
                except ServiceError:
                    if airflow.poll() is not None:
                        raise
                    note("[yellow]not all DAGs appeared: see import errors in the UI")
            next_runs = _next_runs(api)

        rows = [
            ("Airflow UI", f"http://127.0.0.1:{port}"),
            ("Airflow login", f"user admin, password in {airflow_home / PASSWORDS_FILE}"),
        ]
        if api.status(f"{WEB_MOUNT}/") not in (0, 404):
            rows.append(("Monitor web app", f"http://127.0.0.1:{port}{WEB_MOUNT}/"))
        rows.append(("Links in emails", env["MONITOR_PUBLIC_URL"]))
        rows += [
            ("Elasticsearch", f"{es_url} (index prefix {settings.index_prefix})"),
            ("Demo feed", f"{demo.base_url}/feed.xml"),
            ("Mail folder", f"{settings.mail_dir} (one .eml per message; subscriber {DEMO_SUBSCRIBER})"),
            ("Airflow log", str(log_path)),
            *((f"next run: {dag_id}", when) for dag_id, when in next_runs.items()),
        ]
        console.print(status_table(rows))
        console.print(
            "monitor_ingest runs at once and then every "
            f"{ingest_interval_minutes()} minutes; monitor_alerts follows each new finding. "
            "Ctrl-C stops everything."
        )
        while airflow.poll() is None:
            time.sleep(1)
        code = airflow.returncode or 0
        console.print(f"[red]airflow standalone exited with {airflow.returncode}; see {log_path}")
    except KeyboardInterrupt:
        console.print("\nstopping…")
    except ServiceError as exc:
        console.print(f"[red]{exc}")
        code = 1
    finally:
        if airflow is not None and airflow.poll() is None:
            os.killpg(airflow.pid, signal.SIGTERM)
            try:
                airflow.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(airflow.pid, signal.SIGKILL)
        for stop in reversed(started):
            stop()
        if started or airflow is not None:
            console.print("stopped Airflow, the demo feed, the SMTP sink and Elasticsearch (if started here).")
    return code
