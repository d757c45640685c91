"""Web load benchmark (issue 14, item 6): C concurrent clients against `monitor serve` over N
documents, with one uvicorn worker (the baseline) and with `--workers W`, in the same run.

    .venv/bin/python bench/bench_load.py [--docs 20000] [--clients 32] [--seconds 20] [--workers 2] [--json FILE]

The documents are bench_search.py's synthetic news (same generator). Each client loops over a
mix of the search API (bench_search's 12 queries), the search page (same queries, HTML) and
the timeline (API and page) for `--seconds`, one request at a time, keep-alive. The load
generator is a separate process (asyncio + httpx: one core's worth at most), on this machine,
like the cluster: every figure includes their competition for the 2 cores. Prints requests/s,
p50/p95/p99 and errors per configuration; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

from _results import merge_figures  # noqa: E402  (bench/ is on sys.path)
from bench_search import QUERY_MIX, documents, percentile

import requests

from monitor.index import Repository
from monitor.settings import get_settings

PATHS: list[tuple[str, dict]] = (
    [("/api/search", params) for _, params in QUERY_MIX]
    + [("/", params) for _, params in QUERY_MIX]
    + [("/api/timeline", {}), ("/timeline", {}), ("/api/timeline", {"receiving": "GT"}), ("/timeline", {"receiving": "GT"})]
)


async def _client(base: str, deadline: float, offset: int, out: list[tuple[float, int]]) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        i = offset
        while time.perf_counter() < deadline:
            path, params = PATHS[i % len(PATHS)]
            i += 1
            started = time.perf_counter()
            try:
                status = (await client.get(path, params=params)).status_code
            except Exception:  # noqa: BLE001 - a failed request is an error in the figures
                status = 0
            out.append(((time.perf_counter() - started) * 1000, status))


async def _load(base: str, clients: int, seconds: float) -> list[tuple[float, int]]:
    out: list[tuple[float, int]] = []
    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(_client(base, deadline, k * 7, out) for k in range(clients)))
    return out


def generate(base: str, clients: int, seconds: float) -> None:
    """The load generator's own process: prints its latencies as JSON."""
    started = time.perf_counter()
    results = asyncio.run(_load(base, clients, seconds))
    print(json.dumps({"seconds": time.perf_counter() - started, "results": results}))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure(env: dict[str, str], workers: int, clients: int, seconds: float) -> dict:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "monitor.cli", "serve", "--port", str(port),
                               "--workers", str(workers)], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                requests.get(f"{base}/api/openapi.json", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise SystemExit("the web app did not start")
        session = requests.Session()
        for _ in range(2 * workers):  # warm every worker's caches and the cluster's
            for path, params in PATHS:
                session.get(base + path, params=params, timeout=30)
        done = subprocess.run([sys.executable, __file__, "--generate", base, "--clients", str(clients),
                               "--seconds", str(seconds)], env=env, capture_output=True, text=True, check=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    run = json.loads(done.stdout)
    ms = [m for m, status in run["results"]]
    errors = sum(1 for _, status in run["results"] if status != 200)
    return {"workers": workers, "clients": clients, "requests": len(ms), "errors": errors,
            "requests_per_s": len(ms) / run["seconds"], "p50_ms": percentile(ms, 50),
            "p95_ms": percentile(ms, 95), "p99_ms": percentile(ms, 99)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2, help="the configuration compared with one worker")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--generate", metavar="BASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.clients, args.seconds)
        return
    settings = get_settings()
    es_url = settings.es_url
    if not es_url:
        from monitor.services.elasticsearch import LocalElasticsearch

        es_url = LocalElasticsearch(settings).url
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    repo = Repository(es_url, prefix=prefix)
    env = {**os.environ, "MONITOR_ES_URL": es_url, "MONITOR_INDEX_PREFIX": prefix}
    figures: dict[str, object] = {"docs": args.docs, "cores": os.cpu_count()}
    try:
        repo.ensure_indices()
        repo.documents.load(documents(args.docs), chunk_size=2000)
        repo.documents.refresh()
        runs = [measure(env, 1, args.clients, args.seconds)]
        if args.workers > 1:
            runs.append(measure(env, args.workers, args.clients, args.seconds))
        figures["runs"] = runs
    finally:
        names = list(repo.client.indices.get(index=f"{prefix}-*", allow_no_indices=True, ignore_unavailable=True))
        if names:
            repo.client.indices.delete(index=",".join(names))
        repo.client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")
        repo.close()
    print(f"{args.clients} clients, {args.docs:,} documents, mix of search API / search page / timeline")
    print(f"{'workers':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}   goal: p95 <= 250 ms, 0 errors")
    for r in runs:
        print(f"{r['workers']:>8} {r['requests_per_s']:>8.1f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} "
              f"{r['p99_ms']:>8.1f} {r['errors']:>7}")
    if len(runs) > 1:
        print(f"ratio, {runs[1]['workers']} workers vs 1: throughput {runs[1]['requests_per_s'] / runs[0]['requests_per_s']:.2f}x, "
              f"p95 {runs[1]['p95_ms'] / runs[0]['p95_ms']:.2f}x")
    if args.json:
        merge_figures(args.json, "load", figures)


if __name__ == "__main__":
    main()
