"""Commands for subscriptions and alerts: `subscribe`, `subscriptions`, `unsubscribe`,
`alerts`, `digest`, `review`."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from monitor.cli.common import EXIT_OK, EXIT_PARTIAL, date_option, repository
from monitor.settings import Settings


def cmd_subscribe(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts import new_subscription
    from monitor.alerts.flows import request_subscription, save_confirmed
    from monitor.alerts.subscriptions import describe_filters

    sub = new_subscription(
        args.email, receiving=args.receiving, population=args.population, actions=args.action, query=args.query,
        digest=args.digest, language=args.language, confirmed=args.confirmed, apprise_urls=args.apprise,
        when="confirmed" if args.only_confirmed else "first_report",
    )
    if args.confirmed:
        with repository(settings) as repo:
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

    with repository(settings) as repo:
        subs = [Subscription.model_validate(s) for s in repo.subscriptions.all()]
    if args.json:
        print(json.dumps([s.model_dump(mode="json", exclude={"apprise_urls"}) for s in subs], indent=2))
        return EXIT_OK
    for sub in subs:
        print(f"{sub.email:<40} {describe_filters(sub)}")
    return EXIT_OK


def cmd_unsubscribe(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts.flows import unsubscribe_email
    from monitor.alerts.subscriptions import normalize_email

    with repository(settings) as repo:
        removed = unsubscribe_email(repo, normalize_email(args.email))
    print("unsubscribed" if removed else "no such subscription")
    return EXIT_OK if removed else EXIT_PARTIAL


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts.delivery import deliver_pending, ledger_counts, requeue, retry_now, stuck_alerts

    with repository(settings) as repo:
        if args.requeue:
            ok = requeue(repo, args.requeue)
            print("re-queued" if ok else "no such stuck alert")
            return EXIT_OK if ok else EXIT_PARTIAL
        if args.retry_now:
            print(f"{retry_now(repo)} pending alert(s) made due")
        if args.deliver:
            report = deliver_pending(repo, settings)
            print(f"sent {report.sent}, failed {report.failed}, cancelled {report.cancelled}")
        counts = ledger_counts(repo)
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

    day = date_option(args.day, "--day") if args.day else dt.date.today() - dt.timedelta(days=1)
    with repository(settings) as repo:
        created = send_digests(repo, settings, day=day)
    print(f"{created} digest(s) for {day}")
    return EXIT_OK


def _operator(name: str | None) -> str:
    import getpass

    return (name or "").strip() or getpass.getuser()


def _print_finding(record: dict) -> None:
    from monitor.provenance import describe

    print(f"{record['id']}  [{record.get('status') or '-'}]  confidence {record.get('confidence') or 0:.2f}")
    print(f"  {describe(record)}")
    print(f"  evidence: {record.get('evidence', '')}")
    for source in record.get("sources") or []:
        flags = " ".join(f for f in (source.get("authority"), "quotes an official" if source.get("quotes_official")
                                     else "", "recap" if source.get("background") else "") if f)
        print(f"  - {source.get('publisher') or source.get('source_id') or '?'} ({flags}) "
              f"{(source.get('published') or '')[:10]} {source.get('url', '')}")
    for entry in record.get("history") or []:
        print(f"  {entry['at'][:19]} {entry['by']}: {entry['from'] or 'new'} → {entry['to']} ({entry['reason']})")


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts.delivery import deliver_pending, plan_alerts
    from monitor.errors import ConfigError
    from monitor.review import approve, finding_view, held, reject

    if args.review_action != "list" and not args.id:
        raise ConfigError(f"review {args.review_action}: give the finding id (see `monitor review list`)")
    with repository(settings) as repo:
        if args.review_action == "list":
            queue = [finding_view(repo, r) for r in held(repo)]
            if args.json:
                print(json.dumps(queue, indent=2, default=str))
            elif not queue:
                print("the review queue is empty")
            for record in [] if args.json else queue:
                _print_finding(record)
                for claim in record.get("explanation") or []:
                    print(f"  why: {claim}")
            return EXIT_OK
        if args.review_action == "show":
            record = repo.findings.get(args.id)
            if record is None:
                print(f"no finding {args.id!r}")
                return EXIT_PARTIAL
            view = finding_view(repo, record)
            print(json.dumps(view, indent=2, default=str)) if args.json else _print_finding(view)
            return EXIT_OK
        if args.review_action == "approve":
            record = approve(repo, args.id, by=_operator(args.by), note=args.note)
            planned = plan_alerts(repo)
            report = deliver_pending(repo, settings)
            print(f"approved {record['id']}: now {record['status']}; {planned} alert(s) planned, {report.sent} sent"
                  + (f", {report.failed} failed (retried by the next run)" if report.failed else ""))
            return EXIT_OK if not report.failed else EXIT_PARTIAL
        record = reject(repo, args.id, by=_operator(args.by), reason=args.reason)
        print(f"rejected {record['id']}: nothing is sent; a new independent story puts it back in the queue")
        return EXIT_OK


def cmd_backtest(args: argparse.Namespace, settings: Settings) -> int:
    from monitor.alerts import new_subscription
    from monitor.alerts.flows import PREVIEW_ADDRESS, backtest_subscription
    from monitor.alerts.subscriptions import describe_filters

    since = date_option(args.since, "--since")
    until = date_option(args.until, "--until") if args.until else None
    sub = new_subscription(PREVIEW_ADDRESS, receiving=args.receiving, population=args.population, actions=args.action,
                           query=args.query, language=args.language,
                           when="confirmed" if args.only_confirmed else "first_report")
    with repository(settings) as repo:
        would = backtest_subscription(repo, sub, since=since, until=until)
    if args.json:
        print(json.dumps({"filters": describe_filters(sub), "since": since.isoformat(),
                          "until": until.isoformat() if until else None, "alerts": len(would),
                          "follow_ups": sum(len(w.follow_ups) for w in would),
                          "would_send": [w.as_dict() for w in would]}, indent=2))
        return EXIT_OK
    span = f"{since.isoformat()} – {until.isoformat() if until else 'today'}"
    print(f"{len(would)} alert(s), {sum(len(w.follow_ups) for w in would)} follow-up(s) for {describe_filters(sub)}, "
          f"{span}; nothing was sent")
    for w in would:
        extra = f" (+ {', '.join(w.follow_ups)} follow-up)" if w.follow_ups else ""
        print(f"{w.day.isoformat() if w.day else '????-??-??'}  {w.headline}  [{w.status_text}]{extra}")
        print(f"            {w.evidence[:160]}")
    return EXIT_OK
