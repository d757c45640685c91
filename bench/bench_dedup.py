"""Near-duplicate fingerprint benchmark: the project's MinHash + LSH bands against `datasketch`.

    .venv/bin/python bench/bench_dedup.py [--docs 1000 10000] [--rounds 3] [--seeds 50] [--near-seeds 100] [--json FILE]

Both sides shingle with `fingerprint.shingles` (word 3-shingles, case and accents folded) and
use 128 permutations; they differ in the hashing, the permutations and (for `MinHashLSH`) the
banding. Measured in the same run:

1. Quality on the dedup set the threshold was chosen on (tests/fixtures/sources/corpus: 10
   stories × 4 syndicated variants, 100 syndicated pairs, 1,125 pairs of different stories):
   recall of candidate generation (syndicated pairs sharing at least one band key), false
   candidates (different-story pairs sharing one; they come in blocks, one band shared by two
   stories' families counts up to 25 pairs, so they vary a lot between seeds), and the error
   of the signature's Jaccard estimate against the exact Jaccard of all 1,225 pairs. Once with
   the production seed, then over `--seeds` other seeds (one seed is one draw of the
   permutations), with the expectation 1 − (1 − J^r)^b from the exact Jaccard. Every syndicated
   pair there has Jaccard ≥ 0.29, where any banding finds nearly all, so recall is also measured
   where it is decided: 40 pairs of Jaccard 0.17–0.25 (two shared paragraphs) × `--near-seeds`.
   Banding: the project's 64 bands × 2 rows, and what `MinHashLSH(threshold=0.2, num_perm=128)`
   chooses (`lsh._optimal_param`; checked against a real `MinHashLSH` index). The project's code
   before this benchmark (git ccca126) is measured too, for reference.
2. Speed: band keys per document (`dedup_keys` and its datasketch equivalents: one `MinHash`
   per document with `update_batch`; `MinHash.bulk` over the batch; `bulk` then `LeanMinHash`),
   over `--docs` realistic article texts: paragraphs of the fixture stories drawn at random (6 to
   12 per article) plus a sentence of their own, so every text is different and the shingle cache
   (cleared before each pass) never hits. Baseline: shingling alone, which all of them do.
   Fastest of `--rounds` passes, the implementations interleaved within each round.
3. Memory and start-up: RSS and time of importing each, in a fresh interpreter.

Prints figures, not assertions.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _results import merge_figures  # noqa: E402  (bench/ is on sys.path)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

try:  # a benchmark-only dependency: the project does not use datasketch (see fingerprint.py)
    from datasketch import LeanMinHash, MinHash, MinHashLSH
    from datasketch.lsh import _optimal_param
except ImportError:
    raise SystemExit("bench_dedup needs datasketch >= 2.0: .venv/bin/pip install 'datasketch>=2.0'") from None

from monitor.extract import fingerprint as fp  # noqa: E402
from tests.fixtures.sources.corpus.variants import corpus, load_stories  # noqa: E402

LSH_WEIGHTS = (0.5, 0.5)  # MinHashLSH's default (false positive, false negative) weights
LSH_BANDS, LSH_ROWS = _optimal_param(fp.THRESHOLD, fp.PERMUTATIONS, *LSH_WEIGHTS)


# ---- the project's MinHash before this benchmark (git ccca126), for reference -----------------

_PRIME_V1 = (1 << 61) - 1


def _v1_permutations(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(seed)
    a = np.array([rng.randrange(1, 1 << 31) for _ in range(fp.PERMUTATIONS)], dtype=np.uint64)
    b = np.array([rng.randrange(0, _PRIME_V1) for _ in range(fp.PERMUTATIONS)], dtype=np.uint64)
    return a[:, None], b[:, None]


_V1_CACHE: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def v1_signature(text: str, *, seed: int = 20200106) -> np.ndarray:
    grams = fp.shingles(text)
    values = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big") for g in grams),
        dtype=np.uint64, count=len(grams),
    )
    if seed not in _V1_CACHE:
        _V1_CACHE[seed] = _v1_permutations(seed)
    a, b = _V1_CACHE[seed]
    return ((a * values[None, :] + b) % np.uint64(_PRIME_V1)).min(axis=1)


def v1_keys(text: str) -> list[str]:
    return fp.band_keys(v1_signature(text))


# ---- datasketch side ------------------------------------------------------------------------

def _encoded(text: str) -> list[bytes]:
    return [g.encode() for g in fp.shingles(text)]


def ds_minhash(text: str, *, seed: int = fp.SEED) -> MinHash | None:
    grams = _encoded(text)
    if not grams:
        return None
    # scheme pinned: datasketch 2.0 changed its default (legacy -> affine32), stored keys would move.
    m = MinHash(num_perm=fp.PERMUTATIONS, seed=seed, scheme="affine32")
    m.update_batch(grams)
    return m


def ds_band_keys(values: np.ndarray, bands: int = fp.BANDS, rows: int = fp.ROWS) -> list[str]:
    """The same key shape as `fingerprint.band_keys`: "<band>:<12 hex digits>"; bands over
    consecutive rows, as `MinHashLSH.hashranges`."""
    raw = values.astype("<u4").tobytes()
    width = 4 * rows
    return [f"{band}:{hashlib.blake2b(raw[band * width:(band + 1) * width], digest_size=6).hexdigest()}"
            for band in range(bands)]


def ds_keys(text: str) -> list[str]:
    m = ds_minhash(text)
    return ds_band_keys(m.hashvalues) if m is not None else []


def ds_keys_bulk(texts: list[str]) -> list[list[str]]:
    encoded = [_encoded(t) for t in texts]
    hashes = MinHash.bulk(encoded, num_perm=fp.PERMUTATIONS, seed=fp.SEED, scheme="affine32")
    return [ds_band_keys(m.hashvalues) if grams else [] for m, grams in zip(hashes, encoded)]


def ds_keys_bulk_lean(texts: list[str]) -> list[list[str]]:
    encoded = [_encoded(t) for t in texts]
    hashes = MinHash.bulk(encoded, num_perm=fp.PERMUTATIONS, seed=fp.SEED, scheme="affine32")
    return [ds_band_keys(LeanMinHash(m).hashvalues) if grams else [] for m, grams in zip(hashes, encoded)]


# ---- quality --------------------------------------------------------------------------------

Signer = Callable[[str, int], np.ndarray]  # (text, seed) -> signature
CONFIGS: dict[str, tuple[Signer, int, int]] = {
    f"own before (a<2^31 mod 2^61-1) {fp.BANDS}x{fp.ROWS}": (lambda t, s: v1_signature(t, seed=s), fp.BANDS, fp.ROWS),
    f"own {fp.BANDS}x{fp.ROWS}": (lambda t, s: np.array(fp.minhash(t, seed=s), dtype=np.uint64), fp.BANDS, fp.ROWS),
    f"datasketch MinHash {fp.BANDS}x{fp.ROWS}": (lambda t, s: ds_minhash(t, seed=s).hashvalues, fp.BANDS, fp.ROWS),
    f"datasketch MinHashLSH choice {LSH_BANDS}x{LSH_ROWS}": (lambda t, s: ds_minhash(t, seed=s).hashvalues,
                                                           LSH_BANDS, LSH_ROWS),
}


def _keys(signature: np.ndarray, bands: int, rows: int) -> set[str]:
    raw = np.asarray(signature).tobytes()
    width = len(raw) // len(signature) * rows
    return {f"{band}:{raw[band * width:(band + 1) * width].hex()}" for band in range(bands)}


def _estimate(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def near_threshold_pairs(count: int = 40, low: float = 0.17, high: float = 0.25) -> list[tuple[str, str, float]]:
    """Pairs of texts whose exact Jaccard is close to THRESHOLD (two shared paragraphs of the
    fixture stories, the rest drawn apart): where candidate recall is decided. On the dedup set
    itself every syndicated pair has Jaccard >= 0.29, where any of the bandings finds ~all."""
    paragraphs = [p for story in load_stories() for p in story.paragraphs]
    rng, pairs = random.Random(5), []
    while len(pairs) < count:
        common = rng.sample(paragraphs, 2)
        a = "\n\n".join(common + rng.sample(paragraphs, rng.randint(4, 7)))
        b = "\n\n".join(common + rng.sample(paragraphs, rng.randint(4, 7)))
        j = fp.similarity(a, b)
        if low <= j <= high:
            pairs.append((a, b, j))
    return pairs


def quality(seeds: list[int], near_seeds: list[int]) -> tuple[dict, dict[str, dict]]:
    docs = corpus()
    texts = [d.text for d in docs]
    same, other = [], []
    for i, j in itertools.combinations(range(len(docs)), 2):
        (same if docs[i].group == docs[j].group else other).append((i, j))
    exact = {pair: fp.similarity(texts[pair[0]], texts[pair[1]]) for pair in same + other}
    near = near_threshold_pairs()
    info = {"docs": len(docs), "syndicated_pairs": len(same), "different_pairs": len(other),
            "min_syndicated_jaccard": min(exact[p] for p in same),
            "max_different_jaccard": max(exact[p] for p in other),
            "near_pairs": len(near), "near_mean_jaccard": statistics.fmean(j for _, _, j in near),
            "seeds": len(seeds), "near_seeds": len(near_seeds)}

    results = {}
    for name, (sign, bands, rows) in CONFIGS.items():
        per_seed = []
        for seed in [fp.SEED, *seeds]:
            sigs = [sign(t, seed) for t in texts]
            keys = [_keys(s, bands, rows) for s in sigs]
            errors = [abs(_estimate(sigs[i], sigs[j]) - exact[(i, j)]) for i, j in same + other]
            per_seed.append({"recall": sum(bool(keys[i] & keys[j]) for i, j in same) / len(same),
                             "false_candidates": sum(bool(keys[i] & keys[j]) for i, j in other),
                             "mae": statistics.fmean(errors), "max_error": max(errors)})
        hits = sum(bool(_keys(sign(a, seed), bands, rows) & _keys(sign(b, seed), bands, rows))
                   for seed in near_seeds for a, b, _ in near)
        rest = per_seed[1:]
        results[name] = {
            "bands": bands, "rows": rows, "production_seed": per_seed[0],
            "recall_mean": statistics.fmean(r["recall"] for r in rest),
            "recall_min": min(r["recall"] for r in rest),
            "false_candidates_mean": statistics.fmean(r["false_candidates"] for r in rest),
            "false_candidates_max": max(r["false_candidates"] for r in rest),
            "false_candidates_expected": sum(1 - (1 - exact[p] ** rows) ** bands for p in other),
            "mae_mean": statistics.fmean(r["mae"] for r in rest),
            "max_error": max(r["max_error"] for r in rest),
            "near_recall": hits / (len(near_seeds) * len(near)),
            "near_recall_expected": statistics.fmean(1 - (1 - j ** rows) ** bands for _, _, j in near),
        }
    return info, results


# ---- speed ----------------------------------------------------------------------------------

def articles(count: int) -> list[str]:
    """`count` different article texts from the fixture stories' paragraphs (EN and ES)."""
    paragraphs = [p for story in load_stories() for p in story.paragraphs]
    texts = []
    for i in range(count):
        rng = random.Random(i)
        body = rng.sample(paragraphs, rng.randint(6, 12))
        texts.append(f"Report {i} from the regional desk, filed as item {i * 7919 % 100003}.\n\n" + "\n\n".join(body))
    return texts


def _per_doc(fn: Callable[[str], object]) -> Callable[[list[str]], object]:
    return lambda texts: [fn(t) for t in texts]


OWN = "own dedup_keys"
SPEED = {
    "baseline: shingles only": _per_doc(fp.shingles),
    "own before (git ccca126)": _per_doc(v1_keys),
    OWN: _per_doc(fp.dedup_keys),
    "datasketch MinHash + update_batch": _per_doc(ds_keys),
    "datasketch MinHash.bulk": ds_keys_bulk,
    "datasketch MinHash.bulk + LeanMinHash": ds_keys_bulk_lean,
}


def speed(texts: list[str], rounds: int) -> dict[str, float]:
    best = {name: float("inf") for name in SPEED}
    for _ in range(rounds):
        for name, work in SPEED.items():
            fp.shingles.cache_clear()
            start = time.perf_counter()
            work(texts)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: total / len(texts) for name, total in best.items()}


def import_cost(module: str) -> dict[str, float]:
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of this (already
    # large) process would report the parent's peak.
    code = ("import re, sys, time; sys.path.insert(0, 'src'); import numpy, monitor.extract.fingerprint\n"
            "hwm = lambda: int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
            f"r0 = hwm(); t = time.perf_counter(); import {module}; t = time.perf_counter() - t\n"
            "print(t, (hwm() - r0) / 1024, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    seconds, mb, scipy = out.stdout.split()
    return {"import_s": float(seconds), "rss_mb": float(mb), "loads_scipy": scipy == "True"}


def lsh_index_agrees(seed: int = fp.SEED) -> bool:
    """Do band keys over `hashranges` find exactly the pairs a real `MinHashLSH` index returns?"""
    texts = [d.text for d in corpus()]
    hashes = [ds_minhash(t, seed=seed) for t in texts]
    lsh = MinHashLSH(threshold=fp.THRESHOLD, num_perm=fp.PERMUTATIONS, weights=LSH_WEIGHTS)
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    found = {(min(i, j), max(i, j)) for i, m in enumerate(hashes) for j in lsh.query(m) if j != i}
    keys = [_keys(m.hashvalues, LSH_BANDS, LSH_ROWS) for m in hashes]
    ours = {(i, j) for i, j in itertools.combinations(range(len(texts)), 2) if keys[i] & keys[j]}
    return (lsh.b, lsh.r) == (LSH_BANDS, LSH_ROWS) and found == ours


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=50, help="seeds for the dedup-set figures")
    parser.add_argument("--near-seeds", type=int, default=100, help="seeds for recall near the threshold")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()

    info, checks = quality(list(range(1, args.seeds + 1)), list(range(1, args.near_seeds + 1)))
    print(f"dedup set: {info['docs']} texts, {info['syndicated_pairs']} syndicated pairs (min Jaccard "
          f"{info['min_syndicated_jaccard']:.3f}), {info['different_pairs']} different-story pairs (max "
          f"{info['max_different_jaccard']:.3f}); threshold {fp.THRESHOLD}, {fp.PERMUTATIONS} permutations. "
          f"MinHashLSH(threshold={fp.THRESHOLD}) picks {LSH_BANDS} bands x {LSH_ROWS} rows "
          f"(index agrees with band keys: {'yes' if lsh_index_agrees() else 'NO'})")
    print(f"recall = syndicated pairs sharing a band key; false c. = different-story pairs sharing one; "
          f"first at the production seed, then over {args.seeds} other seeds; near-threshold recall over "
          f"{info['near_pairs']} pairs of mean Jaccard {info['near_mean_jaccard']:.3f} x {args.near_seeds} seeds; "
          f"|err| = |estimated - exact Jaccard| over all pairs")
    print(f"{'implementation bands x rows':<42}{'recall':>7}{'false c.':>9}{'recall mean':>12}{'min':>6}"
          f"{'false c. mean':>14}{'max':>5}{'expected':>9}{'near recall':>12}{'expected':>9}"
          f"{'|err| mean':>11}{'max':>7}")
    for name, q in checks.items():
        prod = q["production_seed"]
        print(f"{name:<42}{prod['recall']:>7.0%}{prod['false_candidates']:>9}{q['recall_mean']:>12.2%}"
              f"{q['recall_min']:>6.0%}{q['false_candidates_mean']:>14.1f}{q['false_candidates_max']:>5}"
              f"{q['false_candidates_expected']:>9.1f}{q['near_recall']:>12.2%}{q['near_recall_expected']:>9.2%}"
              f"{q['mae_mean']:>11.4f}{q['max_error']:>7.3f}")

    timings = {}
    for count in args.docs:
        texts = articles(count)
        words = statistics.fmean(len(t.split()) for t in texts)
        timings[count] = {"words_per_doc": words, "per_doc_s": speed(texts, args.rounds)}
    print(f"\nspeed: band keys per document, µs (fastest of {args.rounds} rounds; ratio = this / {OWN})")
    header = "".join(f"{f'{c:,} docs':>12}{'ratio':>7}" for c in args.docs)
    print(f"{'pass':<42}{header}")
    for name in SPEED:
        cells = "".join(f"{t['per_doc_s'][name] * 1e6:>12.0f}{t['per_doc_s'][name] / t['per_doc_s'][OWN]:>7.2f}"
                        for t in timings.values())
        print(f"{name:<42}{cells}")
    print("texts: " + ", ".join(f"{c:,} of {t['words_per_doc']:.0f} words on average" for c, t in timings.items()))

    memory = {name: import_cost(name) for name in ("datasketch", "scipy.integrate")}
    print("\nimport on top of numpy + monitor.extract.fingerprint (fresh interpreter, VmHWM): " + "; ".join(
        f"{name} +{m['import_s'] * 1000:.0f} ms, +{m['rss_mb']:.1f} MB{' (loads scipy)' if m['loads_scipy'] else ''}"
        for name, m in memory.items()))

    if args.json:
        merge_figures(args.json, "dedup", {
            "set": info, "lsh_params": [LSH_BANDS, LSH_ROWS], "quality": checks, "import": memory,
            "speed": {str(c): {"words_per_doc": t["words_per_doc"],
                               "per_doc_s": t["per_doc_s"],
                               "ratio_over_own": {n: v / t["per_doc_s"][OWN] for n, v in t["per_doc_s"].items()}}
                      for c, t in timings.items()},
        })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
