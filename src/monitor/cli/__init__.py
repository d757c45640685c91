"""The `monitor` command (docs/CLI.md). Exit codes: 0 ok, 1 partial failure, 2 usage or
configuration error.

One module per group of commands (`services`, `documents`, `alerts`), each command a function
`cmd_*(args, settings) -> exit code`; this module builds the parser and maps errors to exit
codes. Commands that need the indices open them through `common.repository` (the cluster
MONITOR_ES_URL names, else the local launcher's), after checking that it answers.
"""

from __future__ import annotations

import argparse
import logging
import sys

from monitor.cli import alerts, documents, services
from monitor.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from monitor.errors import ConfigError, MonitorError
from monitor.settings import get_settings

__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="monitor", description="Asylum Policy Monitor")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    es = sub.add_parser("es", help="the local Elasticsearch")
    es.add_argument("action", choices=["up", "down", "status"])
    es.set_defaults(func=services.cmd_es)

    smtp = sub.add_parser("smtp", help="run the loopback SMTP sink in the foreground")
    smtp.add_argument("--host", default="127.0.0.1")
    smtp.add_argument("--port", type=int, default=None)
    smtp.add_argument("--dir", default=None, help="mail folder (default: <state>/mail)")
    smtp.set_defaults(func=services.cmd_smtp)

    demo = sub.add_parser("demo", help="serve the local demo feed in the foreground")
    demo.add_argument("--port", type=int, default=8765)
    demo.set_defaults(func=services.cmd_demo)

    ingest = sub.add_parser("ingest", help="one polling run without Airflow")
    ingest.add_argument("--sources", default=None, help="sources YAML (default: MONITOR_SOURCES or packaged)")
    ingest.add_argument("--json", action="store_true")
    ingest.set_defaults(func=documents.cmd_ingest)

    detect = sub.add_parser("detect", help="detection only, no services")
    detect.add_argument("files", nargs="+")
    detect.add_argument("--json", action="store_true")
    detect.add_argument("--explain", action="store_true",
                        help="also print every claim weighed: its fields, the verdict and the cues behind them")
    detect.set_defaults(func=documents.cmd_detect)

    sources = sub.add_parser("sources", help="source health: last success, failures, last new item, flags")
    sources.add_argument("--sources", default=None, help="sources YAML (default: MONITOR_SOURCES or packaged)")
    sources.add_argument("--failures", type=int, default=3, help="flag a source after this many failures in a row")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(func=documents.cmd_sources)
    sources_sub = sources.add_subparsers(dest="sources_command", metavar="check")
    check = sources_sub.add_parser(
        "check", help="poll one source once and show what its adapter extracts (writes nothing)",
        description="Fetch one source once (robots.txt, the URL guard and politeness apply) and show the items "
                    "its adapter finds, the next page, and the first item's article as it would be indexed: "
                    "title, date, language, first lines, the detector's verdict, or 'not an article: <kind>'.")
    check.add_argument("source_id", metavar="ID", help="a source id of the sources file")
    check.add_argument("--url", default=None,
                       help="read this listing URL with the source's adapter and selectors instead of its own URL")
    # SUPPRESS: `monitor sources --sources F check ID` keeps F (a subparser's defaults would overwrite it).
    check.add_argument("--sources", default=argparse.SUPPRESS, help="sources YAML (default: MONITOR_SOURCES or packaged)")
    check.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    check.set_defaults(func=documents.cmd_sources_check)

    evaluation = sub.add_parser("eval", help="score the detector on a labeled corpus (docs/DETECTION.md)")
    evaluation.add_argument("directory")
    evaluation.add_argument("--recursive", action="store_true", help="include subfolders (e.g. heldout/)")
    evaluation.add_argument("--json", action="store_true")
    evaluation.set_defaults(func=documents.cmd_eval)

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
    search.set_defaults(func=documents.cmd_search)

    serve = sub.add_parser("serve", help="the web UI and JSON API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, metavar="N",
                       help="worker processes (default 1; one per core uses every core)")
    serve.set_defaults(func=services.cmd_serve)

    index = sub.add_parser("index", help="index management")
    index.add_argument("action", choices=["migrate", "ensure"])
    index.add_argument("indices", nargs="*", help="names to migrate (default: all)")
    index.set_defaults(func=services.cmd_index)

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
    subscribe.add_argument("--only-confirmed", action="store_true",
                           help="alert only once a government source confirms a finding (default: on first report)")
    subscribe.set_defaults(func=alerts.cmd_subscribe)

    subscriptions = sub.add_parser("subscriptions", help="list subscriptions")
    subscriptions.add_argument("--json", action="store_true")
    subscriptions.set_defaults(func=alerts.cmd_subscriptions)

    unsubscribe = sub.add_parser("unsubscribe", help="remove a subscription")
    unsubscribe.add_argument("email")
    unsubscribe.set_defaults(func=alerts.cmd_unsubscribe)

    ledger = sub.add_parser("alerts", help="the delivery ledger: counts, stuck records, retries")
    ledger.add_argument("--deliver", action="store_true", help="deliver due pending alerts now")
    ledger.add_argument("--retry-now", action="store_true", help="make every pending alert due now")
    ledger.add_argument("--requeue", metavar="ID", help="put a stuck (sending) alert back to pending")
    ledger.add_argument("--json", action="store_true")
    ledger.set_defaults(func=alerts.cmd_alerts)

    backtest = sub.add_parser("backtest", help="what a subscription with these filters would have received "
                                                "(nothing is sent or stored)")
    backtest.add_argument("--receiving", action="append", help="ISO code of the partner country, repeatable")
    backtest.add_argument("--population", action="append", help="ISO code of the nationality, repeatable")
    backtest.add_argument("--action", action="append", help="event action (default made_amenable), repeatable")
    backtest.add_argument("--query", help="saved full-text query the finding's documents must match")
    backtest.add_argument("--only-confirmed", action="store_true", help="as a subscriber who waits for confirmation")
    backtest.add_argument("--language", choices=["en", "es"], default="en")
    backtest.add_argument("--since", required=True, help="YYYY-MM-DD: first reported on or after")
    backtest.add_argument("--until", help="YYYY-MM-DD: first reported on or before")
    backtest.add_argument("--json", action="store_true")
    backtest.set_defaults(func=alerts.cmd_backtest)

    review = sub.add_parser("review", help="the review queue: held findings; approve or reject them")
    review.add_argument("review_action", choices=["list", "show", "approve", "reject"],
                        help="list held findings; show, approve or reject one")
    review.add_argument("id", nargs="?", help="the finding id (show, approve, reject), e.g. made_amenable:GT:MX")
    review.add_argument("--by", help="who decides (default: the login name)")
    review.add_argument("--note", default="", help="approve: why (optional)")
    review.add_argument("--reason", default="", help="reject: why (required, recorded)")
    review.add_argument("--json", action="store_true")
    review.set_defaults(func=alerts.cmd_review)

    digest = sub.add_parser("digest", help="send the daily digests of a day (default yesterday)")
    digest.add_argument("--day", help="YYYY-MM-DD")
    digest.set_defaults(func=alerts.cmd_digest)

    timeline = sub.add_parser("timeline", help="the agreements' timeline; who was amenable on a date")
    timeline.add_argument("--receiving", help="ISO code of the partner country, e.g. GT")
    timeline.add_argument("--on", help="YYYY-MM-DD: who was amenable to transfer to --receiving that day")
    timeline.add_argument("--json", action="store_true")
    timeline.set_defaults(func=documents.cmd_timeline)

    run_local = sub.add_parser("run-local", help="start ES, SMTP, the demo feed and Airflow (make run)")
    run_local.add_argument("--dags", default="dags")
    run_local.add_argument("--plugins", default="plugins")
    run_local.add_argument("--port", type=int, default=8080, help="Airflow API server port")
    run_local.set_defaults(func=services.cmd_run_local)
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
