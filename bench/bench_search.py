"""Search benchmark: index N synthetic documents, then time the search API over HTTP.

    .venv/bin/python bench/bench_search.py [--docs 100000] [--rounds 30] [--cold] [--es-url URL] [--keep | --reuse PREFIX]

Uses MONITOR_ES_URL (or --es-url, or the local launcher's cluster) and a throwaway index
prefix (`bench-<random>`), deleted at the end unless --keep. The documents are synthetic
English and Spanish news items (Zipf-distributed vocabulary around the domain's words, dates
2015–2026, findings on ~30 %, ~10 % syndicated copies). The web app runs in its own uvicorn
process on 127.0.0.1 (the real FastAPI app, one worker); each request's wall time is compared
with the `took` Elasticsearch reports for it. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import math
import os
import random
import socket
import subprocess
import sys
from pathlib import Path

from _results import merge_figures  # noqa: E402  (bench/ is on sys.path)
import time
import uuid
from collections.abc import Iterator
from typing import Any

import requests

from monitor.index import Repository
from monitor.settings import get_settings

logger = logging.getLogger("bench_search")

EN = ("asylum seekers transfer agreement safe third country government migrants border deportation refugee "
      "protection cooperative department homeland security nationals removal policy court ruling officials said "
      "thousands families children detention flights return screening interview claims humanitarian visa "
      "program suspended terminated signed force eligible amenable").split()
ES = ("solicitantes asilo acuerdo traslado tercer país seguro gobierno migrantes frontera deportación refugiados "
      "protección cooperación ministerio seguridad nacionales política tribunal funcionarios familias niños "
      "detención vuelos retorno entrevista humanitario programa suspendido firmado vigor trasladados "
      "recibirá cancillería").split()
RECEIVING = ["GT", "HN", "SV", "CA", "MX", "CR", "PA", "PY", "EC", "UG", "RW", "US"]
POPULATION = ["MX", "VE", "CU", "HT", "NI", "BR", "CO", "ER", "HN", "SV", "GT", "EC"]
ACTIONS = ["made_amenable", "agreement_signed", "agreement_in_force", "agreement_suspended", "agreement_terminated"]
KINDS = ["feed", "feed", "feed", "html_list", "json_api"]

QUERY_MIX: list[tuple[str, dict[str, Any]]] = [
    ("one word", {"q": "asylum"}),
    ("two words", {"q": "Guatemala transfer"}),
    ("phrase", {"q": '"safe third country"'}),
    ("spanish + lang", {"q": "solicitantes de asilo", "lang": "es"}),
    ("text + country filters", {"q": "nationals", "receiving": "GT", "population": "MX"}),
    ("text + date range", {"q": "agreement", "since": "2021-01-01", "until": "2022-12-31"}),
    ("browse newest (match all)", {"sort": "date"}),
    ("OR + source kind", {"q": "asylum OR refugiados", "kind": "html_list"}),
    ("prefix", {"q": "deport*"}),
    ("NOT + relevant, page 5", {"q": "agreement -cargo", "relevant": "true", "page": "5"}),
    ("filter only, by date", {"receiving": "HN", "sort": "date"}),
    ("uncollapsed, 50 hits", {"q": "border", "collapse": "false", "size": "50"}),
]


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    syllables = "ka lo mi ne ra so tu pe di ga ri mo sa le ta no vi ce ba du fe".split()
    words = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size * 2)}
    return sorted(words)[:size]


def documents(n: int, seed: int = 7) -> Iterator[tuple[str, dict[str, Any]]]:
    rng = random.Random(seed)
    filler = vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(filler))))
    clusters: list[str] = []
    for i in range(n):
        lang = "es" if rng.random() < 0.3 else "en"
        domain = ES if lang == "es" else EN
        country = rng.choice(["Guatemala", "Honduras", "El Salvador", "Costa Rica", "Panamá", "Paraguay", "Uganda"])

        def words(k: int, domain: list[str] = domain, country: str = country) -> str:
            picked = rng.choices(filler, cum_weights=cumulative, k=k)
            for j in range(0, k, 4):
                picked[j] = rng.choice(domain)
            picked[rng.randrange(k)] = country
            return " ".join(picked)

        doc_id = f"bench-{i:07d}"
        if clusters and rng.random() < 0.1:
            cluster = rng.choice(clusters)
        else:
            cluster = doc_id
            if rng.random() < 0.05:
                clusters.append(doc_id)
        events = [
            {"action": rng.choice(ACTIONS), "receiving": rng.choice(RECEIVING), "population": rng.choice(POPULATION),
             "evidence": words(14), "confidence": 0.8, "background": False}
            for _ in range(rng.choice([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]))
        ]
        published = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T12:00:00+00:00"
        yield doc_id, {
            "url": f"https://news{i % 40}.example.org/{doc_id}",
            "canonical_url": f"https://news{i % 40}.example.org/{doc_id}",
            "source_id": f"source-{i % 40:02d}", "source_kind": rng.choice(KINDS), "lang": lang,
            "title": words(rng.randint(6, 12)), "text": words(rng.randint(80, 250)), "content_hash": doc_id,
            "fetched": published, "published": published, "tags": [], "relevant": bool(events) or rng.random() < 0.1,
            "reconciled": True, "events": events, "cluster_id": cluster,
        }


def server_timing(header: str, name: str) -> float:
    """One metric's duration from a Server-Timing header (0 when absent)."""
    for part in header.split(","):
        fields = dict(f.strip().partition("=")[::2] for f in part.split(";")[1:])
        if part.split(";")[0].strip() == name and "dur" in fields:
            return float(fields["dur"])
    return 0.0


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def start_server(es_url: str, prefix: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "MONITOR_ES_URL": es_url, "MONITOR_INDEX_PREFIX": prefix}
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "monitor.web.app:create_app", "--host", "127.0.0.1",
           "--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(cmd, env=env)
    for _ in range(200):
        try:
            requests.get(f"http://127.0.0.1:{port}/api/openapi.json", timeout=2)
            return server
        except requests.ConnectionError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the web app did not start")


def run(es_url: str, *, docs: int, rounds: int, keep: bool, reuse: str | None = None, cold: bool = False) -> dict:
    prefix = reuse or f"bench-{uuid.uuid4().hex[:8]}"
    keep = keep or reuse is not None
    repo = Repository(es_url, prefix=prefix)
    server = None
    try:
        repo.ensure_indices()
        if reuse:
            count = repo.client.count(index=repo.names.documents)["count"]
            print(f"searching the {count:,} documents kept in {prefix}")
        else:
            started = time.perf_counter()
            count = repo.documents.load(documents(docs), chunk_size=2000)
            print(f"indexed {count:,} documents into {prefix} in {time.perf_counter() - started:.1f} s")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = start_server(es_url, prefix, port)
        session = requests.Session()
        url = f"http://127.0.0.1:{port}/api/search"
        for _, params in QUERY_MIX * 3:  # warm up caches and the JIT
            session.get(url, params=params, timeout=30).raise_for_status()
        figures: dict[str, Any] = {}
        # Warm: the shard request cache may answer a repeated search's counts (facets, total),
        # as it does between two refreshes of the index. Cold: it is cleared before each request,
        # so every count is computed afresh, as right after the index changed.
        for mode in (("warm", "cold") if cold else ("warm",)):
            api: dict[str, list[float]] = {name: [] for name, _ in QUERY_MIX}
            took: dict[str, list[float]] = {name: [] for name, _ in QUERY_MIX}
            search_ms: list[float] = []
            for _ in range(rounds):
                for name, params in QUERY_MIX:
                    if mode == "cold":
                        repo.client.indices.clear_cache(index=repo.names.documents, request=True)
                    t0 = time.perf_counter()
                    response = session.get(url, params=params, timeout=30)
                    elapsed = (time.perf_counter() - t0) * 1000
                    response.raise_for_status()
                    api[name].append(elapsed)
                    took[name].append(float(response.json()["took"]))
                    search_ms.append(server_timing(response.headers.get("Server-Timing", ""), "search"))
            print(f"\n[{mode}: request cache {'cleared before each request' if mode == 'cold' else 'on'}]")
            result = report(api, took, docs=count, rounds=rounds)
            figures = result if mode == "warm" else {**figures, "cold": result}
            every = [v for values in api.values() for v in values]
            print(f"inside the app, the search call (ES round trip + decoding) took p50 {percentile(search_ms, 50):.1f} "
                  f"/ p95 {percentile(search_ms, 95):.1f} ms of the API's p50 {percentile(every, 50):.1f} "
                  f"/ p95 {percentile(every, 95):.1f} ms")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not keep:
            client = repo.client
            indices = list(client.indices.get(index=f"{prefix}-*", allow_no_indices=True, ignore_unavailable=True))
            if indices:
                client.indices.delete(index=",".join(indices))
            client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")
        repo.close()
    return figures


def report(api: dict[str, list[float]], took: dict[str, list[float]], *, docs: int, rounds: int) -> dict:
    print(f"\n{docs:,} documents, {rounds} rounds of {len(api)} queries, {os.cpu_count()} CPUs")
    print(f"{'query':<28} {'API p50':>8} {'API p95':>8} {'ES p50':>8} {'ES p95':>8}   (ms)")
    for name in api:
        print(f"{name:<28} {percentile(api[name], 50):8.1f} {percentile(api[name], 95):8.1f} "
              f"{percentile(took[name], 50):8.1f} {percentile(took[name], 95):8.1f}")
    every_api = [v for values in api.values() for v in values]
    every_took = [v for values in took.values() for v in values]
    api50, api95 = percentile(every_api, 50), percentile(every_api, 95)
    es50, es95 = percentile(every_took, 50), percentile(every_took, 95)
    print(f"{'ALL':<28} {api50:8.1f} {api95:8.1f} {es50:8.1f} {es95:8.1f}")
    print(f"\nAPI p95 {api95:.1f} ms (goal ≤ 50); API/ES ratio p50 {api50 / max(es50, 1):.2f}×, "
          f"p95 {api95 / max(es95, 1):.2f}× (goal ≤ 1.5×)")
    return {"docs": docs, "rounds": rounds, "queries": len(api), "api_p50_ms": api50, "api_p95_ms": api95,
            "es_took_p50_ms": es50, "es_took_p95_ms": es95, "ratio_p50": api50 / max(es50, 1),
            "ratio_p95": api95 / max(es95, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=30, help="passes over the query mix")
    parser.add_argument("--es-url", default=None, help="default: MONITOR_ES_URL or the local cluster")
    parser.add_argument("--keep", action="store_true", help="keep the bench indices")
    parser.add_argument("--reuse", metavar="PREFIX", help="search the indices a --keep run left (no indexing)")
    parser.add_argument("--cold", action="store_true",
                        help="also measure with the shard request cache cleared before each request")
    parser.add_argument("--json", type=Path, help="merge the figures into this JSON file under --key")
    parser.add_argument("--key", default="search", help="the figures' key in the JSON file (default: search)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    settings = get_settings()
    es_url = args.es_url or settings.es_url
    if not es_url:
        from monitor.services.elasticsearch import LocalElasticsearch

        es_url = LocalElasticsearch(settings).url
    figures = run(es_url, docs=args.docs, rounds=args.rounds, keep=args.keep, reuse=args.reuse, cold=args.cold)
    if args.json:
        merge_figures(args.json, args.key, figures)


if __name__ == "__main__":
    main()
