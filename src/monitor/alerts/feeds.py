"""Atom feeds of findings (all findings, or one subscription's through a secret URL).
Pure: records in, XML out, rendered with Jinja2 autoescaping (nothing from the web is
emitted unescaped)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import jinja2

from monitor.alerts.render import headline
from monitor.models import Finding

_TEMPLATE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{{ title }}</title>
  <id>{{ feed_url }}</id>
  <link rel="self" href="{{ feed_url }}"/>
  <link rel="alternate" href="{{ site_url }}"/>
  <updated>{{ updated }}</updated>
  <generator>Asylum Policy Monitor</generator>
{% for f, when, line in entries %}
  <entry>
    <id>urn:asylum-monitor:finding:{{ f.id }}</id>
    <title>{{ line }}</title>
    <link href="{{ f.url }}"/>
{% if finding_base %}
    <link rel="related" href="{{ finding_base }}/findings/{{ f.id|urlencode|replace('/', '%2F') }}"/>
{% endif %}
    <updated>{{ when }}</updated>
    <category term="{{ f.action }}"/>
{% if f.id in statuses %}
    <category term="{{ statuses[f.id][0] }}" scheme="urn:asylum-monitor:status" label="{{ statuses[f.id][1] }}"/>
    <summary>{{ statuses[f.id][1] }}. {{ f.evidence }}</summary>
{% else %}
    <summary>{{ f.evidence }}</summary>
{% endif %}
  </entry>
{% endfor %}
</feed>
"""


# Characters XML 1.0 forbids (C0 controls but tab, newline and return; lone surrogates; U+FFFE/FFFF): plain-text
# articles keep form feeds and vertical tabs, and an evidence sentence quotes them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """`value` as text that XML 1.0 can carry (forbidden characters become spaces)."""
    return _NOT_XML.sub(" ", str(value))


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, finalize=xml_text)
    return env.from_string(_TEMPLATE)


def render_atom(
    findings: list[tuple[Finding, dt.datetime]], *, title: str, feed_url: str, site_url: str, language: str = "en",
    statuses: dict[str, tuple[str, str]] | None = None, finding_base: str = "",
) -> str:
    """An Atom document; `findings` pairs each finding with when it was first seen, newest first.
    `statuses` gives each finding's status and its words (a category, and the summary's start);
    `finding_base` links each entry to its page on the web app."""
    ordered = sorted(findings, key=lambda pair: pair[1], reverse=True)
    entries = [(f, when.isoformat(), headline(f, language)) for f, when in ordered]
    updated = ordered[0][1].isoformat() if ordered else dt.datetime(2019, 1, 1, tzinfo=dt.UTC).isoformat()
    return _template().render(title=title, feed_url=feed_url, site_url=site_url, updated=updated, entries=entries,
                              statuses=statuses or {}, finding_base=finding_base.rstrip("/"))
