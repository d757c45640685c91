"""Ingest benchmarks (issue 8), each figure a ratio against a baseline measured in the same run.

    .venv/bin/python bench/bench_ingest.py [--articles 10000] [--sources 200] [--json bench/results.json]

1. Throughput: N generated articles in 100 feeds served on loopback, ingested by `monitor
   ingest` (subprocess, so its peak RSS is measured), vs the script a volunteer would write
   (feedparser + requests + beautifulsoup4 + one `es.index` per document) on the same feeds,
   and vs raw `helpers.bulk` of the same texts (the limit).
2. Many slow sources: S feeds on S distinct loopback hosts (127.0.0.2 …), each answering after
   200 ms, vs a sequential feedparser loop over the same feeds.
3. Idle re-poll: writes, emails and time of a second run vs the first (304s expected).

Needs Elasticsearch (MONITOR_ES_URL, or the local launcher's cluster). Uses its own index
prefixes and deletes them. Prints a table; writes the figures as JSON when --json is given.
"""

from __future__ import annotations

import argparse
import hashlib
from html import escape as html_escape
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from _results import merge_figures  # noqa: E402  (bench/ is on sys.path)

import feedparser
import requests
from bs4 import BeautifulSoup
from elasticsearch import Elasticsearch, helpers

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

WORDS = ("council road budget school river market festival weather train museum library harbor "
         "election hospital bridge farmers water park bus teachers").split()


def _on_topic_paragraphs() -> list[str]:
    """Paragraphs of the labeled corpus's documents (tests/corpus, every set): real policy news,
    so every generated page passes the detector's topic prefilter and gets the full analysis."""
    from monitor.extract.page import extract_page

    paragraphs: list[str] = []
    for path in sorted((REPO / "tests" / "corpus").rglob("*")):
        if path.suffix not in (".txt", ".html"):
            continue
        body = path.read_bytes()
        text = (extract_page(body, content_type="text/html", url="https://x.example/a").text
                if path.suffix == ".html" else body.decode("utf-8", "replace"))
        paragraphs += [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 12]
    return paragraphs


ON_TOPIC: list[str] = []


def article(i: int, *, on_topic: bool = False) -> tuple[str, str]:
    if on_topic:
        if not ON_TOPIC:
            ON_TOPIC.extend(_on_topic_paragraphs())
        n = len(ON_TOPIC)
        title = f"Report {i}: {' '.join(ON_TOPIC[i % n].split()[:8])}"
        paragraphs = "".join(f"<p>{html_escape(ON_TOPIC[(i * 7 + j * 131) % n])}</p>" for j in range(6))
    else:
        title = f"Local report {i}: {WORDS[i % len(WORDS)]} and {WORDS[(i * 7) % len(WORDS)]}"
        paragraphs = "".join(
            f"<p>{' '.join(WORDS[(i + j + k) % len(WORDS)] for k in range(40))}.</p>" for j in range(6)
        )
    html = (f"<!doctype html><html lang='en'><head><title>{html_escape(title)}</title></head><body>"
            f"<nav>Home News</nav><article><h1>{html_escape(title)}</h1>{paragraphs}</article><footer>(c) Demo</footer></body></html>")
    return title, html


class Handler(BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}
    delay: float = 0.0
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, keep-alive clients wait for a
    # delayed ACK (~40 ms) before the body arrives — a property of this tiny server, not of
    # the real web, so it is switched off as any production server does.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802
        if self.delay:
            time.sleep(self.delay)
        body = self.pages.get(self.path)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml" if self.path.endswith(".xml") else "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(host: str, pages: dict[str, bytes], delay: float = 0.0) -> ThreadingHTTPServer:
    handler = type("H", (Handler,), {"pages": pages, "delay": delay})
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build_site(articles: int, feeds: int, base: str, *, on_topic: bool = False,
               prefix: str = "") -> tuple[dict[str, bytes], list[str]]:
    pages: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    per_feed = max(1, articles // feeds)
    feed_urls = []
    for f in range(feeds):
        items = []
        for i in range(f * per_feed, min(articles, (f + 1) * per_feed)):
            title, html = article(i, on_topic=on_topic)
            link = f"{base}/{prefix}a/{i}.html"
            pages[f"/{prefix}a/{i}.html"] = html.encode()
            items.append(f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid></item>")
        pages[f"/{prefix}feed-{f}.xml"] = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed {f}</title>"
                                           f"{''.join(items)}</channel></rss>").encode()
        feed_urls.append(f"{base}/{prefix}feed-{f}.xml")
    return pages, feed_urls


def sources_yaml(path: Path, urls: list[str]) -> Path:
    path.write_text("sources:\n" + "".join(f"  - {{id: s{i}, kind: feed, url: '{u}'}}\n" for i, u in enumerate(urls)))
    return path


def es_url() -> str:
    if os.environ.get("MONITOR_ES_URL"):
        return os.environ["MONITOR_ES_URL"]
    from monitor.services.elasticsearch import LocalElasticsearch
    from monitor.settings import Settings

    return LocalElasticsearch(Settings(state_dir=REPO / ".state")).up().url


def index_ops(client: Elasticsearch, prefix: str) -> int:
    client.indices.refresh(index=f"{prefix}-*")
    return client.indices.stats(index=f"{prefix}-*", metric="indexing")["_all"]["primaries"]["indexing"]["index_total"]


def drop(client: Elasticsearch, prefix: str) -> None:
    names = list(client.indices.get(index=f"{prefix}-*", allow_no_indices=True, ignore_unavailable=True))
    if names:
        client.indices.delete(index=",".join(names))
    client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")


def monitor_ingest(env: dict[str, str], sources: Path) -> tuple[float, dict, int]:
    """Run `monitor ingest` as a child; returns (seconds, summary, peak memory in KiB).

    The peak is that of the whole process tree (the ingest, its analysis fork server and
    workers), sampled every 100 ms: the sum of proportional set sizes (PSS), which counts a
    page shared by n processes (the workers' copy-on-write pages from their fork server) as
    1/n in each — the memory the tree really takes. A sum of RSS would count those n times.
    """
    import psutil

    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "monitor.cli", "ingest", "--sources", str(sources), "--json"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(child.pid)
        while not stop.wait(0.1):
            try:
                procs = [root, *root.children(recursive=True)]
                total = 0
                for proc in procs:
                    try:
                        total += proc.memory_full_info().pss
                    except psutil.Error:
                        pass
            except psutil.Error:
                return
            peak = max(peak, total)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = child.communicate(timeout=3600)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if not out.strip():
        raise SystemExit(f"monitor ingest failed: {err[-3000:]}")
    return seconds, json.loads(out), peak // 1024


def volunteer_script(feed_urls: list[str], client: Elasticsearch, index: str) -> tuple[float, int]:
    """What a volunteer would write: sequential, one es.index per document."""
    start = time.perf_counter()
    count = 0
    session = requests.Session()
    for url in feed_urls:
        for entry in feedparser.parse(session.get(url, timeout=30).content).entries:
            html = session.get(entry.link, timeout=30).text
            soup = BeautifulSoup(html, "html.parser")
            text = soup.get_text(" ", strip=True)
            client.index(index=index, id=entry.link, document={"title": entry.title, "url": entry.link, "text": text})
            count += 1
    return time.perf_counter() - start, count


def raw_bulk(client: Elasticsearch, index: str, articles: int, *, on_topic: bool = False) -> float:
    docs = []
    for i in range(articles):
        title, html = article(i, on_topic=on_topic)
        docs.append({"_index": index, "_id": str(i), "_source": {"title": title, "text": BeautifulSoup(html, "lxml").get_text(" ")}})
    start = time.perf_counter()
    helpers.bulk(client, docs, chunk_size=1000, refresh=True)
    return time.perf_counter() - start


def slow_sources(count: int, env: dict[str, str], tmp: Path) -> dict[str, float]:
    servers, urls = [], []
    for k in range(count):
        host = f"127.0.{(k + 2) // 256}.{(k + 2) % 256}"
        pages: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
        server = serve(host, pages, delay=0.2)
        base = f"http://{host}:{server.server_address[1]}"
        pages["/feed.xml"] = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>{k}</title>"
                              f"</channel></rss>").encode()
        servers.append(server)
        urls.append(f"{base}/feed.xml")
    start = time.perf_counter()
    for url in urls:
        feedparser.parse(requests.get(url, timeout=30).content)
    sequential = time.perf_counter() - start
    # A deployment's indices exist before its polls: create them first, so that the run is
    # timed as every later run is (the first run of an install also creates them: `ensure_s`).
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "monitor.cli", "index", "ensure"], env=env, check=True, capture_output=True)
    ensure_s = time.perf_counter() - started
    seconds, summary, _ = monitor_ingest(env, sources_yaml(tmp / "slow.yaml", urls))
    for server in servers:
        server.shutdown()
    failed = [s for s in summary["sources"] if not s["ok"]]
    # monitor_s: the run itself (RunSummary.seconds); process_s adds interpreter start-up.
    return {"monitor_s": summary["seconds"], "process_s": seconds, "sequential_s": sequential, "sources": count,
            "failed": len(failed), "ensure_s": ensure_s}


def throughput(label: str, *, articles: int, feeds: int, on_topic: bool, client: Elasticsearch,
               pages: dict[str, bytes], base: str, env: dict[str, str], tmp: Path) -> dict[str, object]:
    """`monitor ingest` of `articles` pages in `feeds` feeds, its idle re-poll, and the two
    baselines over the same feeds, in this run."""
    prefix = env["MONITOR_INDEX_PREFIX"]
    site, feed_urls = build_site(articles, feeds, base, on_topic=on_topic, prefix=f"{label}/")
    pages.update(site)
    sources = sources_yaml(tmp / f"{label}.yaml", feed_urls)
    first_s, first, rss_kib = monitor_ingest(env, sources)
    ops_after_first = index_ops(client, prefix)
    second_s, second, _ = monitor_ingest(env, sources)
    ops_after_second = index_ops(client, prefix)
    docs = sum(s["new"] for s in first["sources"])
    for name in ("volunteer", "rawbulk"):  # the local cluster does not auto-create indices
        client.indices.create(index=f"{prefix}-{name}", settings={"number_of_replicas": 0})
    vol_s, vol_docs = volunteer_script(feed_urls, client, f"{prefix}-volunteer")
    bulk_s = raw_bulk(client, f"{prefix}-rawbulk", articles, on_topic=on_topic)
    return {
        "corpus": label, "articles": articles, "feeds": feeds,
        "monitor_docs": docs, "monitor_s": first_s, "monitor_docs_per_s": docs / first_s,
        "monitor_failed_sources": sum(1 for s in first["sources"] if not s["ok"]),
        "volunteer_docs": vol_docs, "volunteer_s": vol_s, "volunteer_docs_per_s": vol_docs / vol_s,
        "raw_bulk_s": bulk_s, "raw_bulk_docs_per_s": articles / bulk_s,
        "ratio_vs_volunteer": (docs / first_s) / (vol_docs / vol_s),
        "ratio_vs_raw_bulk": (docs / first_s) / (articles / bulk_s),
        "peak_rss_mb": rss_kib / 1024,
        "idle_repoll": {
            "first_s": first_s, "second_s": second_s, "time_ratio": second_s / first_s,
            "writes": ops_after_second - ops_after_first, "emails": second["alerts_sent"],
            "not_modified_sources": sum(1 for s in second["sources"] if s["not_modified"]),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000, help="off-topic articles (0: skip)")
    parser.add_argument("--on-topic", type=int, default=2_000, help="on-topic articles (0: skip)")
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--sources", type=int, default=200, help="slow sources (0: skip)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    url = es_url()
    client = Elasticsearch(url, request_timeout=120)
    run_id = uuid.uuid4().hex[:8]
    pages: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    server = serve("127.0.0.1", pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results: dict[str, object] = {"cores": os.cpu_count()}
    prefixes: list[str] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        env = {**os.environ, "MONITOR_ES_URL": url, "MONITOR_ALLOW_LOOPBACK": "1",
               "MONITOR_HOST_DELAY": "0", "MONITOR_STATE_DIR": str(tmp / "state"), "MONITOR_SMTP_PORT": "9"}
        try:
            for label, count, on_topic in (("off-topic", args.articles, False), ("on-topic", args.on_topic, True)):
                if count:
                    prefix = f"bench-{run_id}-{label}"
                    prefixes.append(prefix)
                    results[label] = throughput(label, articles=count, feeds=args.feeds, on_topic=on_topic,
                                                client=client, pages=pages, base=base,
                                                env={**env, "MONITOR_INDEX_PREFIX": prefix}, tmp=tmp)
            if args.sources:
                prefixes.append(f"bench-{run_id}-slow")
                slow = slow_sources(args.sources, {**env, "MONITOR_INDEX_PREFIX": prefixes[-1]}, tmp)
                slow["ratio_vs_sequential"] = slow["monitor_s"] / slow["sequential_s"]
                results["slow_sources"] = slow
        finally:
            for p in prefixes:
                drop(client, p)
            server.shutdown()
    print(f"{'figure':<48} {'value':>10} {'baseline':>10} {'ratio':>7}  goal")
    for label in ("off-topic", "on-topic"):
        if label not in results:
            continue
        t = results[label]
        i = t["idle_repoll"]
        print(f"{label + ' ingest, ' + str(t['articles']) + ' articles (docs/s)':<48} {t['monitor_docs_per_s']:>10.1f} "
              f"{t['volunteer_docs_per_s']:>10.1f} {t['ratio_vs_volunteer']:>7.2f}  >=1x the bare script")
        print(f"{'  vs raw helpers.bulk (docs/s, the limit)':<48} {t['monitor_docs_per_s']:>10.1f} "
              f"{t['raw_bulk_docs_per_s']:>10.1f} {t['ratio_vs_raw_bulk']:>7.2f}")
        print(f"{'  peak memory (PSS), whole process tree (MB)':<48} {t['peak_rss_mb']:>10.1f} {'':>10} {'':>7}  <=300 MB")
        print(f"{'  idle re-poll time (s) vs first poll':<48} {i['second_s']:>10.2f} {i['first_s']:>10.2f} "
              f"{i['time_ratio']:>7.3f}  <=0.10")
        print(f"{'  idle re-poll writes / emails':<48} {i['writes']:>10} {i['emails']:>10} {'':>7}  0 / 0")
    if "slow_sources" in results:
        s = results["slow_sources"]
        label = f"{s['sources']} slow sources wall time (s)"
        print(f"{label:<48} {s['monitor_s']:>10.2f} {s['sequential_s']:>10.2f} {s['ratio_vs_sequential']:>7.3f}  <=2 s")
    if args.json:
        merge_figures(args.json, "ingest", results)


if __name__ == "__main__":
    main()
