"""Subscriptions, matching, rendering, mailing and the delivery ledger (step 9 of docs/ARCHITECTURE.md)."""

from monitor.alerts.delivery import DeliveryReport, deliver_pending, plan_alerts, stuck_alerts
from monitor.alerts.digest import send_digests
from monitor.alerts.matching import matches
from monitor.alerts.subscriptions import new_subscription, normalize_email

__all__ = [
    "DeliveryReport", "deliver_pending", "matches", "new_subscription", "normalize_email", "plan_alerts",
    "send_digests", "stuck_alerts",
]
