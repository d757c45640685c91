"""`make run`: start the local Elasticsearch, the SMTP sink, the demo feed and `airflow
standalone`, print where to look, and stop everything it started on Ctrl-C.

With no internet on the development machines, the sources are the packaged demo feed served
on 127.0.0.1 (MONITOR_ALLOW_LOOPBACK=1 for this process tree only) unless MONITOR_SOURCES
names another file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from monitor.services.elasticsearch import LocalElasticsearch
from monitor.services.httpsite import Site, SiteServer, fill_demo_site
from monitor.services.smtp import SmtpSink
from monitor.settings import Settings

DEMO_SUBSCRIBER = "advocate@example.org"


def airflow_environment(
    settings: Settings, *, es_url: str, dags_folder: Path, plugins_folder: Path, port: int,
    sources: Path | None, allow_loopback: bool,
) -> dict[str, str]:
    """Environment for `airflow standalone` / `airflow dags test` on this machine."""
    airflow_home = settings.state_path / "airflow"
    venv_bin = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": venv_bin + os.pathsep + os.environ.get("PATH", ""),
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags_folder.resolve()),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(plugins_folder.resolve()),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
        "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{port}",
        "MONITOR_ES_URL": es_url,
        "MONITOR_STATE_DIR": str(settings.state_path),
        "MONITOR_SMTP_HOST": settings.smtp_host,
        "MONITOR_SMTP_PORT": str(settings.smtp_port),
        "MONITOR_INDEX_PREFIX": settings.index_prefix,
    }
    if sources:
        env["MONITOR_SOURCES"] = str(sources)
    if allow_loopback:
        env["MONITOR_ALLOW_LOOPBACK"] = "1"
    return env


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


def run_local_stack(settings: Settings, *, dags_folder: Path, plugins_folder: Path, port: int) -> int:
    """Run everything in the foreground until Ctrl-C; returns the exit code."""
    from monitor.alerts import new_subscription
    from monitor.index import Repository

    state = settings.state_path
    state.mkdir(parents=True, exist_ok=True)
    print("[1/4] Elasticsearch: fetching (first run only) and starting…", flush=True)
    es_url = settings.es_url
    local = None
    if not es_url:
        local = LocalElasticsearch(settings)
        es_url = local.up().url
    print(f"      ready at {es_url}", flush=True)

    print("[2/4] SMTP sink and demo feed…", flush=True)
    sink = SmtpSink(settings.mail_dir, port=settings.smtp_port).start()
    demo = SiteServer(Site(), port=8765)
    fill_demo_site(demo.site, demo.base_url)
    demo.start()
    sources = settings.sources or write_demo_sources(state / "demo-sources.yaml", demo.base_url)

    repo = Repository(es_url, prefix=settings.index_prefix)
    repo.ensure_indices()
    sub = new_subscription(DEMO_SUBSCRIBER)
    repo.save_subscription(sub.id, sub.model_dump(mode="json", exclude={"id"}))
    repo.close()

    print("[3/4] Airflow standalone (first start migrates its database, ~1 minute)…", flush=True)
    env = airflow_environment(
        settings, es_url=es_url, dags_folder=dags_folder, plugins_folder=plugins_folder, port=port,
        sources=sources, allow_loopback=settings.sources is None or settings.allow_loopback,
    )
    airflow_home = Path(env["AIRFLOW_HOME"])
    airflow_home.mkdir(parents=True, exist_ok=True)
    log = open(airflow_home / "standalone.log", "ab")
    airflow = subprocess.Popen(["airflow", "standalone"], env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    print("[4/4] ready:", flush=True)
    print(f"      Airflow UI       http://127.0.0.1:{port}  (user admin; password in "
          f"{airflow_home / 'simple_auth_manager_passwords.json.generated'})")
    print(f"      Airflow log      {airflow_home / 'standalone.log'}")
    print(f"      Elasticsearch    {es_url}  (index prefix {settings.index_prefix})")
    print(f"      Demo feed        {demo.base_url}/feed.xml")
    print(f"      Mail folder      {settings.mail_dir}  (one .eml per message; subscriber {DEMO_SUBSCRIBER})")
    print("      The monitor_ingest DAG runs at once and then every "
          f"{settings.ingest_interval_minutes} minutes. Ctrl-C stops everything.", flush=True)
    code = 0

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Explicit handlers: a shell that starts us in the background ignores SIGINT, and
    # service managers stop with SIGTERM; both must still stop everything we started.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        while airflow.poll() is None:
            time.sleep(1)
        code = airflow.returncode or 0
        print(f"airflow standalone exited with {code}; see {airflow_home / 'standalone.log'}", file=sys.stderr)
    except KeyboardInterrupt:
        print("\nstopping…", flush=True)
    finally:
        if airflow.poll() is None:
            os.killpg(airflow.pid, signal.SIGTERM)
            try:
                airflow.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(airflow.pid, signal.SIGKILL)
        log.close()
        demo.stop()
        sink.stop()
        if local is not None:
            local.down()
        print("stopped Airflow, the demo feed, the SMTP sink and Elasticsearch.", flush=True)
    return code
