"""Commands for the local services and the index: `es`, `smtp`, `demo`, `serve`, `index`,
`run-local`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from monitor.cli.common import EXIT_OK, EXIT_PARTIAL, repository, until_interrupted
from monitor.settings import Settings


def cmd_es(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.services.elasticsearch import LocalElasticsearch

    if settings.es_url:
        print(f"MONITOR_ES_URL is set: using {settings.es_url}; no local cluster is managed")
        return EXIT_OK
    local = LocalElasticsearch(settings)
    if args.action == "up":
        status = local.up()
        print(status.url)
    elif args.action == "down":
        print("stopped" if local.down() else "not running")
    else:
        status = local.status()
        print(f"{'running' if status.running else 'stopped'}  url={status.url}  pid={status.pid or '-'}  "
              f"health={status.health}  version={status.version}  java={status.java_home or '-'}  home={status.home}")
        return EXIT_OK if status.running else EXIT_PARTIAL
    return EXIT_OK


def cmd_smtp(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.services.smtp import SmtpSink

    folder = Path(args.dir) if args.dir else settings.mail_dir
    with SmtpSink(folder, host=args.host, port=args.port or settings.smtp_port) as sink:
        print(f"SMTP sink on {args.host}:{sink.port}, saving messages in {folder}", flush=True)
        return until_interrupted()


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.services.httpsite import Site, SiteServer, fill_demo_site

    server = SiteServer(Site(), port=args.port)
    fill_demo_site(server.site, server.base_url)
    with server:
        print(f"demo site on {server.base_url}/feed.xml", flush=True)
        return until_interrupted()


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.web.server import serve

    if args.workers < 1:
        print("monitor serve: --workers must be at least 1", file=sys.stderr)
        return 2
    return serve(settings, host=args.host, port=args.port, workers=args.workers)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    with repository(settings) as repo:
        if args.action == "migrate":
            for migration in repo.migrate(args.indices or None):
                print(f"{migration.alias}: {migration.source} -> {migration.target} ({migration.copied} copied)")
            return EXIT_OK
        analyzers = repo.analyzers()
        print(f"indices ready under prefix {settings.index_prefix!r}; language analyzers: {analyzers}")
        check = repo.check_templates()
    for problem in check.problems:
        print(f"mapping drift: {problem}")
    if check.stale:  # e.g. events still `object`: searches would match across events
        print(f"run `monitor index migrate {' '.join(check.stale)}` to rebuild with the current mapping")
        return EXIT_PARTIAL
    return EXIT_OK


def cmd_run_local(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.services.stack import run_local_stack

    return run_local_stack(settings, dags_folder=Path(args.dags), plugins_folder=Path(args.plugins), port=args.port)
