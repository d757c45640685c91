"""Per-document CPU of each analysis stage (issue 14, item 2), and the extraction candidates.

    .venv/bin/python bench/bench_stages.py [--docs 300] [--rounds 3] [--json bench/results.json]

Stages, each timed in this process on the same inputs (CPU time per document, fastest of
`--rounds` passes), on two corpora: on topic (pages made of the labeled corpus's paragraphs,
bench_ingest.py's generator: every page gets the full detection) and off topic (its local-news
pages):

1. extraction (`extract_page`: trafilatura, precision settings, bs4 fallback, metadata);
2. language identification (py3langid over title + text);
3. detection (`detect`);
4. fingerprint (MinHash LSH bands).

Extraction candidates, on the 80-page extraction set (tests/fixtures/sources/corpus: 60 pages
of the tuned templates + 20 held out; boilerplate lines removed, article lines kept), each
with its CPU per page on that set:

- today's extractor;
- trafilatura's fast mode (`fast=True`: no fallback extractors), same other settings;
- Resiliparse (`extract_plain_text(main_content=True)`), when installed (`pip install resiliparse`).

The rule of the issue: keep the fastest that holds boilerplate removal >= 97 % and article
lines kept >= 99.5 %. Prints tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _results import merge_figures  # noqa: E402  (bench/ is on sys.path)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench_ingest import article  # noqa: E402

from monitor.detect import detect  # noqa: E402
from monitor.extract.fingerprint import dedup_keys  # noqa: E402
from monitor.extract.language import detect_language  # noqa: E402
from monitor.extract.page import extract_page  # noqa: E402
from tests.fixtures.sources.corpus.measure import HELD_OUT, TEMPLATES, extraction_quality, load_stories, render  # noqa: E402


def cpu_ms(fn: Callable[[object], object], items: list, rounds: int) -> float:
    """Fastest pass's CPU milliseconds per item."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - started)
    return best / len(items) * 1000


def _current_fast(html: str, url: str) -> str:
    from monitor.extract.article import extract_article

    return extract_article(html, url=url, fast=True).text


def _current_precise(html: str, url: str) -> str:
    from monitor.extract.article import extract_article

    return extract_article(html, url=url, fast=False).text


def _trafilatura_fast(html: str, url: str) -> str:
    import trafilatura

    from monitor.extract.article import _config

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=True,
                                      favor_precision=True, deduplicate=False, config=_config(), fast=True,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    return (doc.text or "") if doc is not None else ""


def _resiliparse(html: str, url: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=True, noscript=False, alt_texts=False)


def extractors() -> dict[str, Callable[[str, str], str]]:
    found = {"trafilatura with its fallbacks, + bs4 fallback + metadata": _current_precise,
             "trafilatura fast mode, + bs4 fallback + metadata": _current_fast,
             "trafilatura fast mode alone (no metadata)": _trafilatura_fast}
    try:
        import resiliparse  # noqa: F401
        found["resiliparse main_content"] = _resiliparse
    except ImportError:
        print("(resiliparse not installed: pip install resiliparse to compare it)")
    return found


def extraction_table(rounds: int) -> list[dict]:
    pages = [render(path.read_text(encoding="utf-8"), story, index=i)
             for folder in (TEMPLATES, HELD_OUT) for path in sorted(folder.glob("*.html"))
             for i, story in enumerate(load_stories())]
    rows = []
    for name, fn in extractors().items():
        tuned, held = extraction_quality(TEMPLATES, fn), extraction_quality(HELD_OUT, fn)
        removed = (tuned.boilerplate_removed + held.boilerplate_removed) / (tuned.boilerplate_lines + held.boilerplate_lines)
        kept = (tuned.article_kept + held.article_kept) / (tuned.article_lines + held.article_lines)
        rows.append({"extractor": name, "pages": tuned.pages + held.pages, "ms_per_page": cpu_ms(lambda p, fn=fn: fn(p[1], p[0]), pages, rounds),
                     "boilerplate_removed": removed, "article_kept": kept, "held_out_removed": held.removed_share,
                     "qualifies": removed >= 0.97 and kept >= 0.995})
    return rows


def stage_table(docs: int, rounds: int) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for label, on_topic in (("on-topic", True), ("off-topic", False)):
        bodies = [article(i, on_topic=on_topic)[1].encode() for i in range(docs)]
        pages = [extract_page(b, content_type="text/html", url="https://news.example/a") for b in bodies]
        table[label] = {
            "extraction": cpu_ms(lambda b: extract_page(b, content_type="text/html", url="https://news.example/a"),
                                 bodies, rounds),
            "language": cpu_ms(lambda p: detect_language(f"{p.title}\n{p.text}"), pages, rounds),
            "detection": cpu_ms(lambda p: detect(p.text, title=p.title, published=p.published, lang="en"), pages, rounds),
            "fingerprint": cpu_ms(lambda p: dedup_keys(p.text), pages, rounds),
        }
        table[label]["total"] = sum(table[label].values())
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-candidates", action="store_true", help="the stage table only (e.g. on older code)")
    args = parser.parse_args()
    detect_language("warm up the model"), detect("Guatemala will receive Hondurans.", title="warm-up")
    stages = stage_table(args.docs, args.rounds)
    print(f"CPU per document (ms), {args.docs} documents, fastest of {args.rounds} passes")
    print(f"{'stage':<14} {'on-topic':>10} {'off-topic':>10}")
    for stage in ("extraction", "language", "detection", "fingerprint", "total"):
        print(f"{stage:<14} {stages['on-topic'][stage]:>10.2f} {stages['off-topic'][stage]:>10.2f}")
    rows = [] if args.no_candidates else extraction_table(args.rounds)
    if rows:
        print("\nextraction candidates on the 80-page set (goal: removed >= 97 %, kept >= 99.5 %; fastest that holds)")
        print(f"{'extractor':<56} {'ms/page':>8} {'removed':>8} {'kept':>8} {'held-out removed':>17}")
    for r in rows:
        print(f"{r['extractor']:<56} {r['ms_per_page']:>8.2f} {r['boilerplate_removed']:>8.1%} {r['article_kept']:>8.1%} "
              f"{r['held_out_removed']:>17.1%}{'' if r['qualifies'] else '  (fails the bar)'}")
    if args.json:
        merge_figures(args.json, "stages", {"docs": args.docs, "stages": stages, "extractors": rows})


if __name__ == "__main__":
    main()
