"""Detection benchmark: time `monitor detect`'s work on 100 corpus documents, against baselines.

    .venv/bin/python bench/bench_detect.py [--docs 100] [--corpus tests/corpus] [--rounds 3] [--json FILE]

The documents are the labeled corpus (tests/corpus, top level: .txt and .html), cycled until
there are `--docs` of them, read into memory first so that disk I/O is not timed. Measured in
the same run, each over the same texts:

1. `analyse_text` — exactly what `monitor detect` does per file once it is read: HTML
   extraction, then `detect` (sentences, roles, events, relevance, count, language);
2. `detect` alone on the already extracted texts;
3. baseline A: extraction + sentence splitting only (the cheapest prefix of the pipeline);
4. baseline B: a plain case-insensitive regex scan for "asylum|asilo" over the extracted texts.

Start-up (imports, the gazetteer's compiled patterns, the language model loaded on first use) is
timed separately, once. Each timed pass is repeated `--rounds` times and the fastest is kept
(the least disturbed by other processes). Prints figures, not assertions.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _results import merge_figures  # noqa: E402  (bench/ is on sys.path)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

_started = time.perf_counter()
from monitor.analysis import analyse_text  # noqa: E402
from monitor.detect import detect  # noqa: E402
from monitor.detect.text import split_sentences  # noqa: E402
from monitor.extract import extract_html, looks_like_html  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - _started
ASYLUM = re.compile(r"asylum|asilo", re.IGNORECASE)


def load(corpus: Path, count: int) -> list[str]:
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html") and p.is_file())
    if not files:
        raise SystemExit(f"no .txt or .html documents in {corpus}")
    texts = [p.read_text(encoding="utf-8") for p in files]
    return [texts[i % len(texts)] for i in range(count)]


def extracted(raw: str) -> tuple[str, str]:
    if looks_like_html(raw):
        page = extract_html(raw)
        return page.title, page.text
    return "", raw


def timed_pass(items: list, work: Callable, rounds: int) -> tuple[float, list[float]]:
    """Fastest total over `rounds` passes, with the per-item times of that pass."""
    best_total, best_items = float("inf"), []
    for _ in range(rounds):
        per_item = []
        start = time.perf_counter()
        for item in items:
            t0 = time.perf_counter()
            work(item)
            per_item.append(time.perf_counter() - t0)
        total = time.perf_counter() - start
        if total < best_total:
            best_total, best_items = total, per_item
    return best_total, best_items


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=REPO / "tests" / "corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()

    raws = load(args.corpus, args.docs)
    t0 = time.perf_counter()
    analyse_text(raws[0])  # first call: loads the language model
    first_call = time.perf_counter() - t0
    pages = [extracted(raw) for raw in raws]

    runs = {
        "analyse_text (extract + detect)": timed_pass(raws, analyse_text, args.rounds),
        "detect only": timed_pass(pages, lambda page: detect(page[1], title=page[0]), args.rounds),
        "baseline A: extract + split sentences": timed_pass(
            raws, lambda raw: split_sentences(extracted(raw)[1]), args.rounds),
        "baseline B: regex scan for asylum|asilo": timed_pass(
            pages, lambda page: ASYLUM.findall(page[1]), args.rounds),
    }
    full = runs["analyse_text (extract + detect)"][0]
    chars = sum(len(raw) for raw in raws)
    print(f"{args.docs} documents ({chars / 1000:.0f} kB, cycled from {args.corpus}), fastest of {args.rounds} rounds")
    print(f"start-up: imports {IMPORT_SECONDS * 1000:.0f} ms, first document (loads language model) "
          f"{first_call * 1000:.0f} ms")
    print(f"{'pass':<42}{'wall ms':>10}{'mean ms':>10}{'p95 ms':>10}{'full / this':>13}")
    figures = {}
    for name, (total, per_doc) in runs.items():
        mean = statistics.fmean(per_doc)
        print(f"{name:<42}{total * 1000:>10.1f}{mean * 1000:>10.2f}{p95(per_doc) * 1000:>10.2f}"
              f"{full / total:>13.1f}")
        figures[name] = {"wall_s": total, "mean_s": mean, "p95_s": p95(per_doc), "full_over_this": full / total}
    print(f"detection share of the full pass: {runs['detect only'][0] / full:.0%}")
    if args.json:
        merge_figures(args.json, "detect", {"docs": args.docs, "imports_s": IMPORT_SECONDS,
                                            "first_call_s": first_call, "passes": figures})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
