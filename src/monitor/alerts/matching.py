"""Which subscriptions want which finding: a pure function of the two (the saved full-text
query, which needs the documents, is checked by the delivery planner against ES)."""

from __future__ import annotations

from monitor.models import Finding, Subscription


def matches(finding: Finding, subscription: Subscription) -> bool:
    """A confirmed subscription matches when each of its non-empty filters contains the finding's value."""
    if not subscription.confirmed:
        return False
    if finding.action not in subscription.actions:
        return False
    if subscription.receiving and finding.receiving not in subscription.receiving:
        return False
    if subscription.population and (finding.population or "") not in subscription.population:
        return False
    return True
