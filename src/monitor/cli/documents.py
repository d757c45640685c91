"""Commands about documents and what they say: `ingest`, `detect`, `eval`, `search`,
`sources`, `timeline`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from monitor.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, date_option, repository
from monitor.errors import ConfigError
from monitor.settings import Settings


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.ingest import run
    from monitor.sources import load_sources

    sources = load_sources(Path(args.sources) if args.sources else settings.sources)
    with repository(settings) as repo:
        summary = run(settings, sources, repo=repo)
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2, default=str))
    else:
        for result in summary.sources:
            state = "BLOCKED" if result.blocked else ("ok" if result.ok else f"FAILED: {result.error}")
            detail = "not modified" if result.not_modified else (
                f"{result.entries} entries, {result.new} new, {result.updated} updated, {result.unchanged} unchanged"
                + (f", {result.briefs} brief(s)" if result.briefs else ""))
            if result.blocked:
                detail = f"{'skipped, ' if result.skipped else ''}blocked: {result.blocked}"
            print(f"{result.source_id:<28} {detail:<58} {state}")
        print(f"new findings: {len(summary.new_findings)} {' '.join(summary.new_findings)}")
        print(f"alerts: {summary.alerts_planned} planned, {summary.alerts_sent} sent, {summary.alerts_failed} failed")
        if summary.error:
            print(f"run failed: {summary.error}", file=sys.stderr)
    return EXIT_OK if summary.ok else EXIT_PARTIAL


def cmd_detect(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.analysis import analyse_file
    from monitor.detect.claims import explain_record

    status = EXIT_OK
    for name in args.files:
        record = analyse_file(Path(name), label=name, explain=args.explain)
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
            if args.explain:
                print(f"  claims ({len(record['claims'])}):")
                for claim in record["claims"]:
                    print("    " + explain_record(claim).replace("\n", "\n    "))
    return status


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.sources import load_sources
    from monitor.sources.health import as_json, collect_health, format_table

    sources = load_sources(Path(args.sources) if args.sources else settings.sources, enabled_only=False)
    with repository(settings) as repo:
        records = collect_health(repo, sources, failure_threshold=args.failures)
    print(json.dumps(as_json(records), indent=2, default=str) if args.json else format_table(records))
    return EXIT_PARTIAL if any(r.flagged for r in records) else EXIT_OK


def cmd_sources_check(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.fetch import Fetcher
    from monitor.ingest.check import check_source, format_report
    from monitor.sources import load_sources

    sources = {s.id: s for s in load_sources(Path(args.sources) if args.sources else settings.sources,
                                             enabled_only=False)}
    if args.source_id not in sources:
        print(f"monitor: no source {args.source_id!r} in the sources file (known: {', '.join(sources)})",
              file=sys.stderr)
        return EXIT_USAGE
    if args.url is not None and not args.url.startswith(("http://", "https://")):
        print(f"monitor: --url must be an http(s) URL, not {args.url!r}", file=sys.stderr)
        return EXIT_USAGE
    with Fetcher(settings) as fetcher:
        report = check_source(sources[args.source_id], fetcher=fetcher, url=args.url)
    print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) if args.json else format_report(report))
    return EXIT_OK if report.ok else EXIT_PARTIAL


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
        since=date_option(args.since, "--since") if args.since else None,
        until=date_option(args.until, "--until") if args.until else None,
        relevant=args.relevant, sort=args.sort, size=args.size, page=args.page,
    )
    with repository(settings) as repo:
        result = repo.search(params)
    if args.json:
        print(result.model_dump_json(indent=2))
        return EXIT_OK
    from rich.console import Console

    from monitor.index.render import search_table

    Console().print(search_table(result, snippets=not args.no_snippets))
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.timeline import agreement_status, amenable_on, build_timeline

    with repository(settings) as repo:
        records = repo.findings.records(receiving=args.receiving)
    if args.on:
        if not args.receiving:
            raise ConfigError("--on needs --receiving (who was amenable to transfer to which country)")
        on = date_option(args.on, "--on")
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
