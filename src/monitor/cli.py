"""The `monitor` command (docs/CLI.md). Exit codes: 0 ok, 1 partial failure, 2 usage or
configuration error.

Commands that need the indices open them through `services.cluster.open_repository` (the
cluster MONITOR_ES_URL names, else the local launcher's), after checking that it answers.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.errors import ConfigError, MonitorError
from monitor.settings import Settings, get_settings

if TYPE_CHECKING:
    from monitor.index import Repository

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


@contextlib.contextmanager
def _repository(settings: Settings) -> Iterator[Repository]:
    """The indices, ensured; a clear error when the cluster does not answer."""
    from monitor.services.cluster import open_repository

    with open_repository(settings, ensure=False) as repo:
        if not repo.ping():
            raise MonitorError(f"Elasticsearch is not reachable at {repo.url}; start it with `monitor es up`")
        repo.ensure_indices()
        yield repo


def _date(value: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{flag}: {value!r} is not a date (YYYY-MM-DD)") from exc


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
    import time

    from monitor.services.smtp import SmtpSink

    folder = Path(args.dir) if args.dir else settings.mail_dir
    with SmtpSink(folder, host=args.host, port=args.port or settings.smtp_port) as sink:
        print(f"SMTP sink on {args.host}:{sink.port}, saving messages in {folder}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return EXIT_OK


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    import time

    from monitor.services.httpsite import Site, SiteServer, fill_demo_site

    server = SiteServer(Site(), port=args.port)
    fill_demo_site(server.site, server.base_url)
    with server:
        print(f"demo site on {server.base_url}/feed.xml", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return EXIT_OK


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.ingest import run
    from monitor.sources import load_sources

    sources = load_sources(Path(args.sources) if args.sources else settings.sources)
    with _repository(settings) as repo:
        summary = run(settings, sources, repo=repo)
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2, default=str))
    else:
        for result in summary.sources:
            state = "ok" if result.ok else f"FAILED: {result.error}"
            detail = "not modified" if result.not_modified else (
                f"{result.entries} entries, {result.new} new, {result.updated} updated, {result.unchanged} unchanged")
            print(f"{result.source_id:<28} {detail:<58} {state}")
        print(f"new findings: {len(summary.new_findings)} {' '.join(summary.new_findings)}")
        print(f"alerts: {summary.alerts_planned} planned, {summary.alerts_sent} sent, {summary.alerts_failed} failed")
        if summary.error:
            print(f"run failed: {summary.error}", file=sys.stderr)
    return EXIT_OK if summary.ok else EXIT_PARTIAL


def cmd_detect(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.analysis import analyse_file

    status = EXIT_OK
    for name in args.files:
        record = analyse_file(Path(name), label=name)
        if "error" in record:
            status = EXIT_PARTIAL
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        elif "error" in record:
            print(f"{name}: error: {record['error']}")
        else:
            print(f"{name}: relevant={record['relevant']} lang={record['lang']}")
            for event in record["events"]:
                flag = " (background)" if event.get("background") else ""
                print(f"  {event['action']} {event['receiving']} {event['population'] or '-'}"
                      f" [{event['confidence']:.2f}]{flag}: {event['evidence']}")
    return status


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.sources import load_sources
    from monitor.sources.health import as_json, collect_health, format_table

    sources = load_sources(Path(args.sources) if args.sources else settings.sources, enabled_only=False)
    with _repository(settings) as repo:
        records = collect_health(repo, sources, failure_threshold=args.failures)
    print(json.dumps(as_json(records), indent=2, default=str) if args.json else format_table(records))
    return EXIT_PARTIAL if any(r.flagged for r in records) else EXIT_OK


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.evaluation import evaluate, format_report

    report = evaluate(Path(args.directory), recursive=args.recursive)
    print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) if args.json else format_report(report))
    return EXIT_OK


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.index.queries import SearchParams

    params = SearchParams(
        text=args.query, receiving=tuple(args.receiving or ()), population=tuple(args.population or ()),
        action=tuple(args.action or ()), source=tuple(args.source or ()), lang=tuple(args.lang or ()),
        since=_date(args.since, "--since") if args.since else None,
        until=_date(args.until, "--until") if args.until else None,
        relevant=args.relevant, sort=args.sort, size=args.size, page=args.page,
    )
    with _repository(settings) as repo:
        result = repo.search(params)
    if args.json:
        print(result.model_dump_json(indent=2))
        return EXIT_OK
    from rich.console import Console

    from monitor.index.render import search_table

    Console().print(search_table(result, snippets=not args.no_snippets))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.web.server import serve

    return serve(settings, host=args.host, port=args.port)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    with _repository(settings) as repo:
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


def cmd_subscribe(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts import new_subscription
    from monitor.alerts.flows import request_subscription, save_confirmed
    from monitor.alerts.subscriptions import describe_filters

    sub = new_subscription(
        args.email, receiving=args.receiving, population=args.population, actions=args.action, query=args.query,
        digest=args.digest, language=args.language, confirmed=args.confirmed, apprise_urls=args.apprise,
    )
    if args.confirmed:
        with _repository(settings) as repo:
            save_confirmed(repo, sub)
        print(f"subscribed {sub.email} (confirmed) {describe_filters(sub)}")
    else:
        request_subscription(settings, sub)
        print(f"confirmation email sent to {sub.email}; the subscription starts when its link is opened "
              f"({describe_filters(sub)})")
    return EXIT_OK


def cmd_subscriptions(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts.subscriptions import describe_filters
    from monitor.models import Subscription

    subs = [Subscription.model_validate(s) for s in _repository(settings).subscriptions()]
    if args.json:
        print(json.dumps([s.model_dump(mode="json", exclude={"apprise_urls"}) for s in subs], indent=2))
        return EXIT_OK
    for sub in subs:
        print(f"{sub.email:<40} {describe_filters(sub)}")
    return EXIT_OK


def cmd_unsubscribe(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts.flows import unsubscribe_email
    from monitor.alerts.subscriptions import normalize_email

    with _repository(settings) as repo:
        removed = unsubscribe_email(repo, normalize_email(args.email))
    print("unsubscribed" if removed else "no such subscription")
    return EXIT_OK if removed else EXIT_PARTIAL


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts.delivery import deliver_pending, requeue, retry_now, stuck_alerts

    with _repository(settings) as repo:
        if args.requeue:
            ok = requeue(repo, args.requeue)
            print("re-queued" if ok else "no such stuck alert")
            return EXIT_OK if ok else EXIT_PARTIAL
        if args.retry_now:
            print(f"{retry_now(repo)} pending alert(s) made due")
        if args.deliver:
            report = deliver_pending(repo, settings)
            print(f"sent {report.sent}, failed {report.failed}, cancelled {report.cancelled}")
        counts = {status: repo.ledger.count(status) for status in ("pending", "sending", "sent", "cancelled")}
        stuck = stuck_alerts(repo)
    if args.json:
        print(json.dumps(counts | {"stuck": [a["id"] for a in stuck]}))
    else:
        print("  ".join(f"{k}={v}" for k, v in counts.items()) + f"  stuck={len(stuck)}")
        for alert in stuck:
            print(f"  stuck since {alert.get('updated')}: {alert['id']} to {alert['email']} ({alert['finding_id']})")
    return EXIT_PARTIAL if stuck else EXIT_OK


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts.digest import send_digests

    day = _date(args.day, "--day") if args.day else dt.date.today() - dt.timedelta(days=1)
    with _repository(settings) as repo:
        created = send_digests(repo, settings, day=day)
    print(f"{created} digest(s) for {day}")
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.timeline import agreement_status, amenable_on, build_timeline

    with _repository(settings) as repo:
        records = repo.findings.records(receiving=args.receiving)
    if args.on:
        if not args.receiving:
            raise ConfigError("--on needs --receiving (who was amenable to transfer to which country)")
        on = _date(args.on, "--on")
        answer = {"receiving": args.receiving.upper(), "on": on.isoformat(),
                  "agreement_status": agreement_status(records, args.receiving.upper(), on),
                  "amenable": amenable_on(records, args.receiving, on)}
        if args.json:
            print(json.dumps(answer))
        else:
            print(f"{answer['receiving']} on {answer['on']}: agreement {answer['agreement_status'] or 'unknown'}; "
                  f"amenable: {', '.join(answer['amenable']) or 'nobody'}")
        return EXIT_OK
    entries = build_timeline(records, receiving=args.receiving)
    if args.json:
        print(json.dumps([e.model_dump(mode="json") for e in entries], ensure_ascii=False))
    else:
        for e in entries:
            print(f"{e.date or 'undated':<10}  {e.receiving}  {e.action:<22} {e.population or '':<3} {e.url}")
    return EXIT_OK


def cmd_run_local(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.services.stack import run_local_stack

    return run_local_stack(settings, dags_folder=Path(args.dags), plugins_folder=Path(args.plugins), port=args.port)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="monitor", description="Asylum Policy Monitor")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    es = sub.add_parser("es", help="the local Elasticsearch")
    es.add_argument("action", choices=["up", "down", "status"])
    es.set_defaults(func=cmd_es)

    smtp = sub.add_parser("smtp", help="run the loopback SMTP sink in the foreground")
    smtp.add_argument("--host", default="127.0.0.1")
    smtp.add_argument("--port", type=int, default=None)
    smtp.add_argument("--dir", default=None, help="mail folder (default: <state>/mail)")
    smtp.set_defaults(func=cmd_smtp)

    demo = sub.add_parser("demo", help="serve the local demo feed in the foreground")
    demo.add_argument("--port", type=int, default=8765)
    demo.set_defaults(func=cmd_demo)

    ingest = sub.add_parser("ingest", help="one polling run without Airflow")
    ingest.add_argument("--sources", default=None, help="sources YAML (default: MONITOR_SOURCES or packaged)")
    ingest.add_argument("--json", action="store_true")
    ingest.set_defaults(func=cmd_ingest)

    detect = sub.add_parser("detect", help="detection only, no services")
    detect.add_argument("files", nargs="+")
    detect.add_argument("--json", action="store_true")
    detect.set_defaults(func=cmd_detect)

    sources = sub.add_parser("sources", help="source health: last success, failures, last new item, flags")
    sources.add_argument("--sources", default=None, help="sources YAML (default: MONITOR_SOURCES or packaged)")
    sources.add_argument("--failures", type=int, default=3, help="flag a source after this many failures in a row")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(func=cmd_sources)

    evaluation = sub.add_parser("eval", help="score the detector on a labeled corpus (docs/DETECTION.md)")
    evaluation.add_argument("directory")
    evaluation.add_argument("--recursive", action="store_true", help="include subfolders (e.g. heldout/)")
    evaluation.add_argument("--json", action="store_true")
    evaluation.set_defaults(func=cmd_eval)

    search = sub.add_parser("search", help="search indexed documents (table, or --json)")
    search.add_argument("query")
    search.add_argument("--receiving", action="append", help="ISO code, repeatable")
    search.add_argument("--population", action="append", help="ISO code, repeatable")
    search.add_argument("--action", action="append", help="event action, repeatable")
    search.add_argument("--source", action="append", help="source id, repeatable")
    search.add_argument("--lang", action="append", help="language code, repeatable")
    search.add_argument("--since", help="YYYY-MM-DD")
    search.add_argument("--until", help="YYYY-MM-DD")
    search.add_argument("--relevant", action="store_true", help="transfer-policy documents only")
    search.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    search.add_argument("--size", type=int, default=20)
    search.add_argument("--page", type=int, default=1)
    search.add_argument("--no-snippets", action="store_true")
    search.add_argument("--json", action="store_true")
    search.set_defaults(func=cmd_search)

    serve = sub.add_parser("serve", help="the web UI and JSON API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    index = sub.add_parser("index", help="index management")
    index.add_argument("action", choices=["migrate", "ensure"])
    index.add_argument("indices", nargs="*", help="names to migrate (default: all)")
    index.set_defaults(func=cmd_index)

    subscribe = sub.add_parser("subscribe", help="subscribe an address (double opt-in unless --confirmed)")
    subscribe.add_argument("email")
    subscribe.add_argument("--receiving", action="append", help="ISO code of the partner country, repeatable")
    subscribe.add_argument("--population", action="append", help="ISO code of the nationality, repeatable")
    subscribe.add_argument("--action", action="append", help="event action (default made_amenable), repeatable")
    subscribe.add_argument("--query", help="saved full-text query the finding's documents must match")
    subscribe.add_argument("--digest", action="store_true", help="one email a day instead of one per finding")
    subscribe.add_argument("--language", choices=["en", "es"], default="en")
    subscribe.add_argument("--apprise", action="append", help="Apprise URL for another channel, repeatable")
    subscribe.add_argument("--confirmed", action="store_true", help="operator: confirm at once, no email")
    subscribe.set_defaults(func=cmd_subscribe)

    subscriptions = sub.add_parser("subscriptions", help="list subscriptions")
    subscriptions.add_argument("--json", action="store_true")
    subscriptions.set_defaults(func=cmd_subscriptions)

    unsubscribe = sub.add_parser("unsubscribe", help="remove a subscription")
    unsubscribe.add_argument("email")
    unsubscribe.set_defaults(func=cmd_unsubscribe)

    alerts = sub.add_parser("alerts", help="the delivery ledger: counts, stuck records, retries")
    alerts.add_argument("--deliver", action="store_true", help="deliver due pending alerts now")
    alerts.add_argument("--retry-now", action="store_true", help="make every pending alert due now")
    alerts.add_argument("--requeue", metavar="ID", help="put a stuck (sending) alert back to pending")
    alerts.add_argument("--json", action="store_true")
    alerts.set_defaults(func=cmd_alerts)

    digest = sub.add_parser("digest", help="send the daily digests of a day (default yesterday)")
    digest.add_argument("--day", help="YYYY-MM-DD")
    digest.set_defaults(func=cmd_digest)

    timeline = sub.add_parser("timeline", help="the agreements' timeline; who was amenable on a date")
    timeline.add_argument("--receiving", help="ISO code of the partner country, e.g. GT")
    timeline.add_argument("--on", help="YYYY-MM-DD: who was amenable to transfer to --receiving that day")
    timeline.add_argument("--json", action="store_true")
    timeline.set_defaults(func=cmd_timeline)

    run_local = sub.add_parser("run-local", help="start ES, SMTP, the demo feed and Airflow (make run)")
    run_local.add_argument("--dags", default="dags")
    run_local.add_argument("--plugins", default="plugins")
    run_local.add_argument("--port", type=int, default=8080, help="Airflow API server port")
    run_local.set_defaults(func=cmd_run_local)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args, get_settings()))
    except ConfigError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MonitorError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return EXIT_PARTIAL
    except BrokenPipeError:  # `monitor … | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
