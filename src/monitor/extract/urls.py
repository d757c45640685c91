"""Canonical URLs (pure); a document's id is the hash of its canonical URL (ingest/identify.py).

A document's identity is its canonical URL: scheme and host lower-cased, default port,
fragment and tracking parameters dropped. A page's declared canonical (`rel=canonical`,
`og:url`) is trusted only on the same site as the page it came from, so a page cannot claim
another site's identity and overwrite its document.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "_ga",
                            "_gl", "igshid", "yclid", "smid", "ref_src", "xtor", "__twitter_impression"})


def _tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Normalise a URL for identity: lower-case host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _tracking(k)]
    netloc = parts.netloc.lower()
    default_port = {"http": ":80", "https": ":443"}.get(parts.scheme.lower())
    if default_port and netloc.endswith(default_port):
        netloc = netloc[: -len(default_port)]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def _site(host: str) -> str:
    host = host.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def choose_canonical(page_url: str, declared: str | None) -> str:
    """The page's canonical URL: its declared one when on the same site, else the page URL."""
    if declared:
        absolute = urljoin(page_url, declared.strip())
        target, page = urlsplit(absolute), urlsplit(page_url)
        if target.scheme in ("http", "https") and _site(target.netloc) == _site(page.netloc):
            return canonical_url(absolute)
    return canonical_url(page_url)
