"""Literal prefilters for the detector's regular expressions (what RE2 and Hyperscan call literal
extraction, done here with the standard library's own regex parser).

Python's `re` tries every alternative of a pattern like `\\b(?:sign|inked|brokered|…)` at every
position of a sentence, and the detector asks some hundred such questions of each sentence.
Most of the answers are "no", and most patterns cannot match unless one of a few words is in
the text: `NAMED_AGREEMENT` needs "asylum", "aca", "stca", "safe" or "tercer" … . `literals()`
derives that set from the pattern itself (every match contains at least one of them, lowercased);
one Aho-Corasick pass (pyahocorasick) finds which literals of all patterns a text contains, and
`Prefiltered` answers "no match" when none of its own is among them, without running the pattern. The answers are the same by construction; tests/unit/detect/test_prefilter.py checks
that on the whole corpus. Pure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, MutableMapping
from itertools import product
from re import _constants as K  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

__all__ = ["Prefiltered", "alternatives", "literals", "prefilter", "prefilter_module"]

MAX_ALTERNATIVES = 160  # literals per pattern; their scan is one C-level pass whatever the count
MIN_USEFUL = 2  # a one-letter literal is in every sentence
PART_MIN = 3  # shortest literal worth searching for to pick one alternative of a pattern

Literals = frozenset[str] | None  # None: no constraint could be derived


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a small character class of literals ("[ií]"), else None."""
    chars = []
    for op, arg in items:
        if op is not K.LITERAL:
            return None
        chars.append(chr(arg).lower())
    return chars if len(chars) <= 4 else None


def _best(candidates: list[frozenset[str]]) -> Literals:
    usable = [c for c in candidates if c and len(c) <= MAX_ALTERNATIVES]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _sequence(items: list[tuple[Any, Any]]) -> Literals:
    """Literals one of which every match of the sequence contains."""
    candidates: list[frozenset[str]] = []
    run: list[str] = [""]

    def close() -> None:
        nonlocal run
        if any(run):
            candidates.append(frozenset(r for r in run))
        run = [""]

    for op, arg in items:
        if op is K.LITERAL:
            run = [r + chr(arg).lower() for r in run]
        elif op is K.IN and (chars := _class_chars(arg)) is not None and len(run) * len(chars) <= MAX_ALTERNATIVES:
            run = [r + c for r, c in product(run, chars)]
        elif op is K.AT:
            continue  # \b, ^, $: zero-width, the run goes on ("\bhad" is "had")
        elif op is K.SUBPATTERN:
            close()
            inner = _sequence(list(arg[-1]))
            if inner:
                candidates.append(inner)
        elif op is K.BRANCH:
            close()
            branches = [_sequence(list(b)) for b in arg[1]]
            if all(branches):
                union = frozenset().union(*branches)  # type: ignore[arg-type]
                if len(union) <= MAX_ALTERNATIVES:
                    candidates.append(union)
        elif op in (K.MAX_REPEAT, K.MIN_REPEAT, getattr(K, "POSSESSIVE_REPEAT", K.MAX_REPEAT)):
            close()
            low, _high, item = arg
            if low >= 1 and (inner := _sequence(list(item))):
                candidates.append(inner)
        else:  # classes, ANY, lookarounds, group references: the literal run ends here
            close()
    close()
    return _best(candidates)


def literals(pattern: re.Pattern[str]) -> Literals:
    """Lowercased strings one of which is in (the lowercased form of) every text `pattern` matches,
    or None when no such set small and long enough exists."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unexpected parser shape: no prefilter, same answers
        return None
    found = _sequence(list(parsed))
    if not found or min(map(len, found)) < MIN_USEFUL:
        return None
    return found


class _Literals:
    """Every literal of every prefiltered pattern in one Aho-Corasick automaton (pyahocorasick): one
    pass over a text finds all of them, overlapping ones included, and each pattern then only asks
    whether its own literals are among those found."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.automaton: ahocorasick.Automaton | None = None

    def add(self, needles: frozenset[str]) -> None:
        if not needles <= self.words:
            self.words |= needles
            self.automaton = None
            self.present.cache_clear()

    @functools.lru_cache(maxsize=2048)  # noqa: B019 - one module-level instance, texts repeat within a document
    def present(self, text: str) -> frozenset[str]:
        if self.automaton is None:
            automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self.automaton = automaton
        return frozenset(word for _end, word in self.automaton.iter(text.lower()))


_LITERALS = _Literals()


class Prefiltered:
    """A compiled pattern that says "no match" without running when none of its literals is in the text.

    Built from alternatives (`alternatives()`), it also runs only the alternatives whose literals
    the text contains: an alternative that cannot match anywhere in a text changes no answer, so
    the smaller pattern (compiled once per combination) answers exactly as the whole would."""

    __slots__ = ("_nonempty", "_part_needles", "_part_regexes", "_parts", "needles", "regex")

    def __init__(self, regex: re.Pattern[str], needles: frozenset[str], *,
                 parts: tuple[str, ...] = (), part_needles: tuple[Literals, ...] = (),
                 part_regexes: tuple[re.Pattern[str], ...] = ()) -> None:
        # Each alternative is picked by its own literals, so they are searched for too; an alternative whose
        # literals are too short to be worth a search ("de", "as": in every sentence) is always run.
        part_needles = tuple(None if own is None or min(map(len, own), default=0) < PART_MIN else own
                             for own in part_needles)
        self.regex = regex
        self.needles = needles
        self._parts = parts
        self._part_needles = part_needles
        self._part_regexes = part_regexes or tuple(re.compile(p, regex.flags) for p in parts)
        # finditer is run part by part only when no alternative can match the empty string (then
        # the union's scan is plain: leftmost match, resume at its end).
        self._nonempty = all(_parser.parse(p, regex.flags).getwidth()[0] > 0 for p in parts)
        _LITERALS.add(needles)
        for own in part_needles:
            if own:
                _LITERALS.add(own)

    def _active(self, text: str) -> tuple[int, ...] | None:
        """Indexes of the alternatives the text's literals allow (None: all of them, or no parts)."""
        present = _LITERALS.present(text)
        if self.needles.isdisjoint(present):
            return ()
        if not self._parts:
            return None
        active = tuple(i for i, needles in enumerate(self._part_needles)
                       if needles is None or not needles.isdisjoint(present))
        return None if len(active) == len(self._parts) else active

    def _pick(self, text: str) -> re.Pattern[str] | None:
        active = self._active(text)
        if active is None:
            return self.regex
        if not active:
            return None
        return _compiled(tuple(self._parts[i] for i in active), self.regex.flags)

    # search, match and fullmatch run the allowed alternatives one by one instead of compiling
    # their union (a compile costs ~2 ms; a new process met ~1,300 distinct unions in its first
    # 300 on-topic documents). The answer is the union's: `(?:a)|(?:b)` matches at the leftmost
    # position where any alternative does, and there with the first alternative (in order) that
    # matches — which is that alternative's own leftmost match, since it starts there.
    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        active = self._active(text)
        if active is None:
            return self.regex.search(text, *args)
        best = None
        for i in active:
            found = self._part_regexes[i].search(text, *args)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        active = self._active(text)
        if active is None:
            return self.regex.match(text, *args)
        return next((m for i in active if (m := self._part_regexes[i].match(text, *args)) is not None), None)

    def fullmatch(self, text: str, *args: Any) -> re.Match[str] | None:
        active = self._active(text)
        if active is None:
            return self.regex.fullmatch(text, *args)
        return next((m for i in active if (m := self._part_regexes[i].fullmatch(text, *args)) is not None), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        active = self._active(text)
        if active is None:
            return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)
        if not active:
            return iter(())
        if not self._nonempty:
            return _compiled(tuple(self._parts[i] for i in active), self.regex.flags).finditer(
                text, pos, len(text) if endpos is None else endpos)
        return self._union_iter(active, text, pos, len(text) if endpos is None else endpos)

    def _union_iter(self, active: tuple[int, ...], text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """The union's finditer from each allowed alternative's own next match: the leftmost
        (first alternative on a tie), then on from its end."""
        nexts = {i: m for i in active if (m := self._part_regexes[i].search(text, pos, endpos)) is not None}
        while nexts:
            first = min(nexts, key=lambda i: (nexts[i].start(), i))
            found = nexts[first]
            yield found
            pos = found.end()
            for i in [i for i, m in nexts.items() if m.start() < pos]:
                again = self._part_regexes[i].search(text, pos, endpos)
                if again is None:
                    del nexts[i]
                else:
                    nexts[i] = again

    def findall(self, text: str, *args: Any) -> list[Any]:
        if self._parts and self._nonempty:  # no groups (alternatives() keeps parts only then)
            return [m.group(0) for m in self.finditer(text, *args)]
        rx = self._pick(text)
        return rx.findall(text, *args) if rx else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        rx = self._pick(text)
        return rx.sub(repl, text, count) if rx else text

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        rx = self._pick(text)
        return rx.split(text, maxsplit) if rx else [text]

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.regex!r}, {len(self.needles)} literals)"


@functools.lru_cache(maxsize=4096)
def _compiled(parts: tuple[str, ...], flags: int) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


def alternatives(parts: tuple[str, ...] | list[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | Prefiltered:
    """`(?:a)|(?:b)|…` compiled, with a prefilter per alternative when the pattern has no groups."""
    parts = tuple(parts)
    regex = _compiled(parts, flags)
    needles = literals(regex)
    if not needles:
        return regex
    if regex.groups:  # dropping alternatives would renumber the groups
        return Prefiltered(regex, needles)
    part_regexes = tuple(re.compile(p, flags) for p in parts)
    part_needles = tuple(literals(r) for r in part_regexes)
    return Prefiltered(regex, needles, parts=parts, part_needles=part_needles, part_regexes=part_regexes)


def prefilter(regex: re.Pattern[str]) -> re.Pattern[str] | Prefiltered:
    needles = literals(regex)
    return Prefiltered(regex, needles) if needles else regex


def prefilter_module(namespace: MutableMapping[str, Any]) -> None:
    """Give every module-level pattern of `namespace` (and every dict of patterns) its prefilter."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern):
            namespace[name] = prefilter(value)
        elif isinstance(value, dict) and value and all(isinstance(v, re.Pattern) for v in value.values()):
            namespace[name] = {key: prefilter(v) for key, v in value.items()}
