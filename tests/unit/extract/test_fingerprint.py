"""Near-duplicate fingerprints: band keys find syndicated copies, are stable across processes
(they are stored), and the MinHash estimates Jaccard as well as independent permutations do."""

from __future__ import annotations

import itertools
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np

from monitor.extract.fingerprint import BANDS, THRESHOLD, dedup_keys, minhash, similarity
from tests.fixtures.sources.corpus.variants import corpus

REPO = Path(__file__).resolve().parents[3]
SENTENCE = "Some Mexicans seeking asylum in the United States will be sent to Guatemala."


def _pairs():
    docs = corpus()
    same, other = [], []
    for a, b in itertools.combinations(docs, 2):
        (same if a.group == b.group else other).append((a, b))
    return same, other


def test_every_syndicated_pair_of_the_dedup_set_shares_a_band_key():
    same, _ = _pairs()
    assert len(same) == 100
    missed = [(a.id, b.id) for a, b in same if not set(dedup_keys(a.text)) & set(dedup_keys(b.text))]
    assert missed == []


def test_different_stories_rarely_share_a_band_key():
    _, other = _pairs()
    shared = [(a.id, b.id) for a, b in other if set(dedup_keys(a.text)) & set(dedup_keys(b.text))]
    # Expected ~20 of 1,125 from their exact Jaccard (all ≤ 0.11); candidates are verified anyway.
    assert len(shared) <= 0.05 * len(other)
    # Stories with no wording in common never become candidates.
    english, spanish = corpus()[0].text, corpus()[-1].text
    assert similarity(english, spanish) < 0.01
    assert not set(dedup_keys(english)) & set(dedup_keys(spanish))


def test_a_text_with_a_dateline_and_an_extra_sentence_shares_keys_with_the_original():
    a = "The agreement allows officials to send migrants who ask for asylum at the border to Guatemala instead."
    b = "WASHINGTON (Reuters) - " + a + " Critics objected."
    assert similarity(a, b) >= THRESHOLD
    assert set(dedup_keys(a)) & set(dedup_keys(b))
    assert not set(dedup_keys(a)) & set(dedup_keys("Cargo port fees rose sharply in the second quarter."))


def test_keys_have_the_stored_shape():
    keys = dedup_keys(SENTENCE)
    assert len(keys) == BANDS
    assert all(re.fullmatch(r"\d+:[0-9a-f]{12}", key) for key in keys)
    assert [int(key.split(":")[0]) for key in keys] == list(range(BANDS))
    assert dedup_keys("") == [] and dedup_keys(" … ") == []
    assert len(dedup_keys("two words")) == BANDS  # shorter than a shingle: one shingle of what there is


def test_keys_are_the_same_in_other_processes_and_do_not_drift():
    # Stored in Elasticsearch: a key that changed between processes (Python `hash()` is salted
    # per process) or between releases would silently stop matching indexed documents.
    code = ("import json, sys; from monitor.extract.fingerprint import dedup_keys; "
            f"print(json.dumps(dedup_keys({SENTENCE!r})))")
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(REPO / "src")}
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True,
                             check=True)
        assert json.loads(out.stdout) == dedup_keys(SENTENCE)
    # Changing these re-clusters new documents against the indexed ones: do it on purpose only.
    assert dedup_keys(SENTENCE)[:3] == ["0:6a15f30ce851", "1:373724bd7f74", "2:ff5ed63466be"]


def test_the_signature_estimates_jaccard_like_independent_permutations():
    # Independent random permutations give a mean error of ~0.0057 on this set (bench/bench_dedup.py);
    # the earlier correlated permutations (a < 2^31 modulo 2^61 - 1) gave 0.0083.
    docs = [d.text for d in corpus()]
    signatures = [np.array(minhash(text)) for text in docs]
    errors = [abs(float(np.mean(signatures[i] == signatures[j])) - similarity(docs[i], docs[j]))
              for i, j in itertools.combinations(range(len(docs)), 2)]
    assert statistics.fmean(errors) < 0.007
    assert minhash("") == () and minhash(SENTENCE) != minhash(SENTENCE, seed=1)
