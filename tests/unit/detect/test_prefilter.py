"""Literal prefilters (src/monitor/detect/prefilter.py) give the same answers as the patterns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from monitor.detect import cues, layout, parties, rules, text
from monitor.detect.prefilter import Prefiltered, alternatives, literals, prefilter

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bsign(?:ed|s)?\b", {"sign"}),
    (r"\b(?:acuerdo|convenio)s?\b", {"acuerdo", "convenio"}),
    (r"\bpodr[aá]n\b", {"podran", "podrán"}),
    (r"\bnationals?\s+of\b", {"national"}),
    (r"(?-i:\bSTCA\b)|\bsafe\s+third\b", {"stca", "safe", "third"}),
])
def test_literals_every_match_must_contain(pattern: str, expected: set[str]) -> None:
    found = literals(re.compile(pattern, re.IGNORECASE))
    assert found is not None
    assert found & expected


@pytest.mark.parametrize("pattern", [r"\w+", r"\b\w+(?:ará|erá)\b|\by\b", r"[A-Z][a-z]+", r"(?:a|b)?x"])
def test_no_literal_no_prefilter(pattern: str) -> None:
    assert not isinstance(prefilter(re.compile(pattern, re.IGNORECASE)), Prefiltered)


def _texts() -> list[str]:
    found = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix in (".txt", ".html") and path.name != "FIRST-RUN.txt":
            body = path.read_text(encoding="utf-8", errors="replace")
            found.extend(line for line in body.splitlines() if line.strip())
    return found


def test_only_the_alternatives_a_text_can_match_are_run() -> None:
    pattern = alternatives((r"\bsigned\b", r"\bfirm(?:ó|aron)\b", r"\bxy\w*"), re.IGNORECASE)
    assert isinstance(pattern, Prefiltered)
    assert pattern.search("Guatemala firmó el acuerdo").group() == "firmó"
    assert pattern.search("nothing here") is None
    assert [m.group() for m in pattern.finditer("signed, firmaron, xylophone")] == ["signed", "firmaron", "xylophone"]


def test_prefiltered_patterns_answer_as_the_patterns_do_on_the_whole_corpus() -> None:
    texts = _texts()
    checked = 0
    for module in (rules, cues, layout, parties, text):
        patterns = [v for v in vars(module).values() if isinstance(v, Prefiltered)]
        patterns += [p for v in vars(module).values() if isinstance(v, dict)
                     for p in v.values() if isinstance(p, Prefiltered)]
        for pattern in patterns:
            for sample in texts:
                fast = [m.span() for m in pattern.finditer(sample)]
                slow = [m.span() for m in pattern.regex.finditer(sample)]
                assert fast == slow, (pattern.pattern[:80], sample[:80])
                # search and match run the allowed alternatives one by one: the union's answer
                for method in ("search", "match"):
                    one, union = getattr(pattern, method)(sample), getattr(pattern.regex, method)(sample)
                    assert (one and one.span()) == (union and union.span()), (method, pattern.pattern[:80], sample[:80])
                checked += 1
    assert checked > 10_000


def test_an_alternative_is_found_by_its_own_literals_when_the_patterns_are_not_those() -> None:
    # The whole pattern's literals ("ceptuada") differ from its alternative's ("exceptuada"): both are searched.
    from monitor.detect.prefilter import alternatives

    rx = alternatives((r"\bexclu(?:de|des)\b", r"\bexempt(?:s|ed)?\b", r"\bexceptuad[oa]s?\b", r"\bexent[oa]s?\b"))
    assert rx.search("Quedan exceptuadas las niñas y los niños no acompañados.")
