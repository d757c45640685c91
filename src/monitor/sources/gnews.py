"""Google News item links → the publisher's URL (issue 15).

Since 2024 the item links of a Google News feed (`https://news.google.com/rss/articles/CBMi…`)
no longer redirect over HTTP: they answer an interstitial that redirects with JavaScript, so
fetching one reads "Opening https://… If you are not redirected" instead of the story
(extract/notarticle.py refuses that page). A link is resolved instead:

1. **Offline**, when it can be: the id is the URL-safe base64 of a small protobuf, and links
   made before mid-2024 carry the publisher's URL in it. Newer ids carry an opaque token
   (`AU_yqL…`) that only Google can turn into a URL.
2. **Online**, the way news.google.com's own page does it: the item's article page
   (`/rss/articles/<id>?hl=…&gl=…&ceid=…`, the feed's locale) carries a signature and a
   timestamp (`data-n-a-sg`, `data-n-a-ts`), and one POST of them to
   `/_/DotsSplashUi/data/batchexecute` answers the URL. The protocol's pieces (the page URL,
   reading the signature, the request body, reading the answer) are googlenewsdecoder's,
   which follows Google's changes; the two requests go through `monitor.fetch` like every
   other fetch (the URL guard, robots.txt, the host's politeness gate, retries, the honest
   User-Agent), not through the library's own HTTP client.

A resolved link is remembered in this process (`GoogleNewsLinks`) and in the stored document
(`resolved_url`), so a known item is never resolved again. After `MAX_FAILURES_IN_A_ROW`
failures in a row a poll stops asking Google (the rest of its items become briefs at once,
`ingest/document.py brief_document`), and briefs are retried on later polls.

Links are recognised on news.google.com, and on the feed's own host when the id has Google
News's form (`CBM…`/`CAI…`), which is how the tests serve the protocol on loopback.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import threading
from urllib.parse import urlsplit

from monitor.errors import FetchError, ParseError
from monitor.fetch import Fetcher

logger = logging.getLogger(__name__)

GOOGLE_NEWS_HOST = "news.google.com"
#: Resolutions that may fail in a row before a poll stops asking (the rest become briefs).
MAX_FAILURES_IN_A_ROW = 3
_ID = re.compile(r"C[AB][A-Za-z0-9_-]{18,}")
_PROTOBUF_PREFIX = b"\x08\x13\x22"
_OPAQUE = b"AU_yqL"  # the 2024+ ids: a token, not a URL
_FORM = "application/x-www-form-urlencoded;charset=UTF-8"


class LinkNotResolved(FetchError):
    """A Google News link whose publisher URL could not be learned (the reason in the message)."""


def article_id(link: str, feed_url: str) -> str | None:
    """The Google News article id of an item link (`…/articles/<id>`, `…/read/<id>`), or None
    when the link is not one (a publisher's own URL, another site's `/articles/` path)."""
    parts = urlsplit(link)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2 or segments[-2] not in ("articles", "read"):
        return None
    art_id = segments[-1]
    if parts.hostname == GOOGLE_NEWS_HOST:
        return art_id
    same_host = parts.netloc and parts.netloc == urlsplit(feed_url).netloc
    return art_id if same_host and _ID.fullmatch(art_id) else None


def offline_url(art_id: str) -> str | None:
    """The publisher's URL carried in an id made before mid-2024, or None (a newer id, or not
    an id at all)."""
    try:
        raw = base64.urlsafe_b64decode(art_id + "=" * (-len(art_id) % 4))
    except (ValueError, binascii.Error):
        return None
    if not raw.startswith(_PROTOBUF_PREFIX):
        return None
    raw = raw[len(_PROTOBUF_PREFIX):]
    length, shift, position = 0, 0, 0
    while position < len(raw):  # the field's length, a protobuf varint
        byte = raw[position]
        length |= (byte & 0x7F) << shift
        position += 1
        if not byte & 0x80:
            break
        shift += 7
    payload = raw[position:position + length]
    if payload.startswith(_OPAQUE):
        return None
    url = payload.decode("utf-8", "replace")
    return url if url.startswith(("http://", "https://")) and "\ufffd" not in url else None


class GoogleNewsLinks:
    """Resolves Google News links through one Fetcher; one per poll (thread-safe)."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.requests = 0  # requests made to Google (the tests read it)
        self._cache: dict[str, str] = {}
        self._failures = 0
        self._lock = threading.Lock()

    def resolve(self, link: str, *, feed_url: str) -> str:
        """The publisher's URL of `link`; raises `LinkNotResolved` saying why not."""
        art_id = article_id(link, feed_url)
        if art_id is None:
            raise LinkNotResolved(f"not a Google News article link: {link}", url=link)
        with self._lock:
            if art_id in self._cache:
                return self._cache[art_id]
        url = offline_url(art_id)
        if url is None:  # only Google can say: ask, unless it refused too often already
            with self._lock:
                if self._failures >= MAX_FAILURES_IN_A_ROW:
                    raise LinkNotResolved(f"not asked: {self._failures} resolutions failed in a row in this poll",
                                          url=link)
            try:
                url = self._ask(link, art_id, feed_url)
            except (FetchError, ParseError) as exc:
                with self._lock:
                    self._failures += 1
                raise LinkNotResolved(str(exc), url=link) from exc
            with self._lock:
                self._failures = 0
        with self._lock:
            self._cache[art_id] = url
        return url

    def _ask(self, link: str, art_id: str, feed_url: str) -> str:
        """The online protocol: the article page's signature, then one batchexecute POST."""
        # Imported here: the package also loads httpx and selectolax, which only this needs.
        from googlenewsdecoder import _parse as protocol

        parts = urlsplit(link)
        origin = f"{parts.scheme}://{parts.netloc}"
        page_url = protocol.params_page_url(art_id, feed_url).replace(f"https://{GOOGLE_NEWS_HOST}", origin, 1)
        self.requests += 1
        page = self.fetcher.get(page_url)
        signed = protocol.parse_signature(page.body.decode("utf-8", "replace"))
        if signed is None:
            raise ParseError(f"Google News's page for {art_id[:24]}… has no signature to resolve it with")
        signature, timestamp = signed
        body = protocol.build_batchexecute_body([("0", art_id, timestamp, signature)]).encode()
        self.requests += 1
        answer = self.fetcher.post(origin + urlsplit(protocol.BATCHEXECUTE_URL).path, data=body, content_type=_FORM)
        try:
            pairs = protocol.parse_batchexecute(answer.body.decode("utf-8", "replace"))
        except (ValueError, IndexError, TypeError, KeyError) as exc:
            raise ParseError(f"Google News's answer for {art_id[:24]}… is unreadable: {exc}") from exc
        url = next((u for _, u in pairs if isinstance(u, str) and u.startswith(("http://", "https://"))), None)
        if url is None:
            raise ParseError(f"Google News answered no URL for {art_id[:24]}…")
        return url
