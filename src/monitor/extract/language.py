"""Language identification of extracted text: "en", "es", another ISO 639-1 code, or "und".

Uses `py3langid` (a maintained fork of langid.py that ships its model inside the wheel, so
nothing is downloaded at run time). The classifier is restricted to the languages a news
source about the Americas plausibly publishes in, and English and Spanish get a prior
boost: the monitor reads mostly those two, and short or name-heavy texts ("Guatemala",
"EE.UU.") would otherwise drift to unrelated languages. The model is loaded once, lazily,
on first use (not at import).
"""

from __future__ import annotations

import functools
import logging
import re
import threading

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["detect_language"]

logger = logging.getLogger(__name__)

UNDETERMINED = "und"
PREFERRED = ("en", "es")
# Languages we may legitimately meet; anything else is folded into the closest of these.
CANDIDATES = (
    "en", "es", "pt", "fr", "de", "it", "nl", "ca", "gl", "ht", "ru", "uk", "zh", "ar", "fa", "ps",
    "tr", "pl", "ro", "ja", "ko", "hi", "ur", "bn", "vi", "tl", "sw", "so", "am", "he",
)
PREFERRED_BOOST = 4.0  # multiplicative prior on en/es probabilities
MIN_PROBABILITY = 0.5  # below this after the prior, say "und"
MIN_LETTERS = 3
SAMPLE_CHARS = 2000  # enough for a stable answer (the corpus: all 216 right), keeps detection fast
# Below this many letters only en/es are considered, unless another language is near-certain.
SHORT_TEXT_LETTERS = 40
CERTAIN = 0.95

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00C0-\u024F]")
_URLS = re.compile(r"https?://\S+|www\.\S+")


_LOAD_LOCK = threading.Lock()


def _identifier() -> LanguageIdentifier:
    # The model is ~100 MB while loading: with threads calling at once, functools.cache alone
    # would load it once per thread (measured: 584 MB peak for `monitor ingest`), so lock.
    with _LOAD_LOCK:
        return _load_identifier()


@functools.cache
def _load_identifier() -> LanguageIdentifier:
    # py3langid 0.4 renamed the loader (from_pickled_model -> from_model_file); accept both.
    load = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model
    identifier = load(MODEL_FILE, norm_probs=True)
    known = set(identifier.nb_classes)
    identifier.set_languages([code for code in CANDIDATES if code in known])
    logger.debug("language identifier loaded with %d languages", len(identifier.nb_classes))
    return identifier


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of `text`'s language, preferring "en"/"es"; "und" if unknown."""
    sample = _URLS.sub(" ", text[:SAMPLE_CHARS])
    letters = len(_LETTERS.findall(sample))
    if letters < MIN_LETTERS:
        return UNDETERMINED
    ranking = _identifier().rank(sample)
    top_lang, top_probability = ranking[0]
    if top_lang not in PREFERRED and top_probability >= CERTAIN:
        return top_lang
    if letters < SHORT_TEXT_LETTERS and len(_LATIN_LETTERS.findall(sample)) * 2 > letters:
        ranking = [(lang, p) for lang, p in ranking if lang in PREFERRED]
    weighted = {lang: p * (PREFERRED_BOOST if lang in PREFERRED else 1.0) for lang, p in ranking}
    total = sum(weighted.values())
    if total <= 0:
        return UNDETERMINED
    lang, score = max(weighted.items(), key=lambda item: item[1])
    if score / total < MIN_PROBABILITY and letters >= SHORT_TEXT_LETTERS:
        return UNDETERMINED
    return lang
