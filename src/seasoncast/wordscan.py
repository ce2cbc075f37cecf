"""`finditer` for patterns that start at a word boundary, several times faster.

Python's regex engine skips quickly to plausible starts only when a pattern begins with
a literal or a set of literals; a leading `\\b` (which nearly every extraction pattern
has) makes it try the whole pattern at every character. `WordScanner` looks for
candidate starts with a wider "finder" regex whose alternatives all begin with a literal
(the pattern's alternatives without their leading boundary, an opening group spread over
its alternatives), then confirms each candidate with the pattern itself. The finder
matches wherever the pattern does, so every real match start is a candidate, and the
matches are exactly those of `pattern.finditer`.

On a whole article even the finder's search is slow next to what it finds: it tries its
alternatives at every letter. A match of a pattern whose alternatives all open with `\\b`
on a letter or digit starts a word, so an article's word starts are listed once, by their
first two characters (`_WordStarts`), shared by every pattern scanned over it, and each
pattern is tried only at the words it can begin (`_word_keys`).

`CaselessPattern` adds the other half of the speed-up for case-insensitive patterns: the
engine cannot skip ahead on case-insensitive literals, so candidates are found in a
lower-cased copy of the text with a lower-case finder.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from itertools import chain
from re import _constants as sre  # the parser `re` itself uses (module names of 3.11+)
from re import _parser as sre_parse

# the boundary and lookbehinds opening an alternative: what the candidate finder drops
_LEADING_ASSERTIONS = re.compile(r"^(?:\\b|\(\?<[!=][^()]*\))+")
_MAX_LEADS = 100  # a finder spread over more alternatives than this is not worth it
_WORD_START = re.compile(r"\b\w")
# shorter texts are searched with the finder: listing their words would cost more
_INDEXED_FROM = 2000


class WordScanner:
    """A pattern's `finditer`, with candidate starts found by a finder regex built from
    `finder_source` (by default the pattern's own source and flags)."""

    def __init__(self, pattern: re.Pattern[str], finder_source: str | None = None):
        self.pattern = pattern
        source = pattern.pattern if finder_source is None else finder_source
        flags = pattern.flags if finder_source is None else 0
        split = [_opening(a) for a in _top_level_alternatives(source)]
        alternatives = [rest for _, rest in split]
        # only a finder that must start on a literal lets the engine skip ahead; one that
        # may start on anything (an optional word, a space) would be slower than no finder
        # ("^new:" only matches at the start of the text, so it adds only that candidate)
        anchored = not flags & re.MULTILINE and any(a.startswith("^") for a in alternatives)
        unanchored = [i for i, a in enumerate(alternatives)
                      if not (anchored and a.startswith("^"))]
        leads = [_leads(alternatives[i]) for i in unanchored]
        useful = not flags & re.IGNORECASE and leads and None not in leads and not \
            re.search(r"\(\?P=|\(\?\(|\\[1-9]", source)  # leads repeat or drop groups
        self._anchored = anchored and bool(useful)
        if useful:  # the finder needs no groups, and a group repeated in leads is an error
            self._finder: re.Pattern[str] | None = re.compile(re.sub(
                r"\(\?P<\w+>", "(?:", "|".join(x for lead in leads for x in lead)), flags)
        else:  # a source of its own still finds the candidates, only more slowly
            self._finder = re.compile(source, flags) if finder_source is not None else None
        # a match of an alternative opening with \b on a letter or digit starts a word:
        # if all do, only the words that begin as one of the leads need to be tried
        self._finder_of_leads = bool(useful)
        self._word_keys: frozenset[str] | None = None
        if useful and not flags & re.VERBOSE and all(
                "\\b" in split[i][0] for i in unanchored):
            self._word_keys = frozenset(_word_key(x) for lead in leads for x in lead)
        elif self._finder is not None and not flags & (re.VERBOSE | re.IGNORECASE):
            self._word_keys = _first_word_characters(source)

    def finditer(self, text: str, haystack: str | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text`; candidates are looked for in `haystack` if
        given (a copy of the text of the same length, such as a lower-cased one)."""
        if self._finder is None:
            yield from self.pattern.finditer(text)
            return
        haystack = text if haystack is None else haystack
        candidates: Iterator[int] = self._candidates(haystack)
        if self._word_keys is not None and len(haystack) >= _INDEXED_FROM:
            words = _word_starts(haystack)
            starts = words.beginning(self._word_keys)
            # trying the pattern at most words is slower than the finder's search
            if len(starts) < 0.75 * words.count:
                if self._finder_of_leads:  # the leads alone rule out most words cheaply
                    starts = [i for i in starts if self._finder.match(haystack, i)]
                candidates = iter([0, *starts] if self._anchored else starts)
        pos = 0
        for start in candidates:
            if start < pos:
                continue
            m = self.pattern.match(text, start)
            if m is None:
                continue
            if m.end() == m.start():  # finditer has its own rules after an empty match
                yield from self.pattern.finditer(text, m.start())
                return
            yield m
            pos = m.end()

    def _candidates(self, haystack: str) -> Iterator[int]:
        pos = 0
        while (start := self._candidate(haystack, pos)) is not None:
            yield start
            pos = start + 1

    def _candidate(self, haystack: str, pos: int) -> int | None:
        """The first position from `pos` where the pattern may match."""
        if pos == 0 and self._anchored:
            return 0
        found = self._finder.search(haystack, pos) if self._finder else None
        return None if found is None else found.start()


def caseless_copy(text: str) -> str | None:
    """The lower-cased text, in which a lower-case pattern matches wherever its
    IGNORECASE twin matches `text`; None when lower-casing would move offsets ("İ")
    or IGNORECASE would treat a letter otherwise ("ı" and "ſ" match "i" and "s")."""
    if len(text) >= _INDEXED_FROM:  # one copy of an article for every pattern
        cached = getattr(_recent, "caseless", None)
        if cached is not None and (cached[0] is text or cached[0] == text):
            return cached[1]
    lower: str | None = text.lower()
    if len(lower) != len(text) or "ı" in text or "ſ" in text:
        lower = None
    if len(text) >= _INDEXED_FROM:
        _recent.caseless = (text, lower)
    return lower


class CaselessPattern:
    """A case-insensitive pattern whose `finditer` and `search` find candidates in a
    lower-cased copy of the text (`caseless_copy`), which is several times as fast.
    The matches are the pattern's own on the text, with its original letters."""

    def __init__(self, pattern: str):
        self.pattern = re.compile(pattern, re.IGNORECASE)
        finder = _lower_case_finder(pattern)
        self._scanner = WordScanner(self.pattern, finder) if finder is not None else None

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        if lower is None or self._scanner is None:
            return self.pattern.finditer(text)
        return self._scanner.finditer(text, lower)

    def search(self, text: str, lower: str | None) -> re.Match[str] | None:
        return next(self.finditer(text, lower), None)


def _lower_case_finder(pattern: str) -> str | None:
    """A case-sensitive regex that matches a lower-cased text wherever the pattern
    (IGNORECASE) matches the text: its letters in lower case, its case-sensitive parts
    ("(?-i:May)") made insensitive. None if that cannot be written simply (code escapes,
    other inline flags, a non-ASCII letter that IGNORECASE matches more widely)."""
    pattern = _without_lookarounds(pattern)  # what they look at need not be written
    if re.search(r"\\[uUxN]|\(\?[a-zA-Z]*-", pattern.replace("(?-i:", "")) or any(
            not c.isascii() and c.upper().lower() != c for c in pattern):
        return None
    return re.sub(r"\\.|\(\?P[<=]\w+[>)]|\(\?-?i:|[A-Z]+", _lower_token, pattern)


def _lower_token(m: re.Match[str]) -> str:
    token = m.group()
    if token in ("(?-i:", "(?i:"):
        return "(?:"
    return token if token.startswith(("\\", "(?P")) else token.lower()


def _without_lookarounds(pattern: str) -> str:
    """The pattern without its lookahead and lookbehind groups: it matches wherever the
    pattern does, and more."""
    out, start = [], 0
    for i, _ch, _depth in _syntax(pattern):
        if i < start:
            continue  # inside a lookaround already cut
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            end = _group_end(pattern[i:])
            if end is None:
                return pattern
            out.append(pattern[start:i])
            start = i + end
    return "".join([*out, pattern[start:]])


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a regex that is neither escaped nor in a character class, with
    the group depth after it (an opening parenthesis counts itself)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _top_level_alternatives(pattern: str) -> list[str]:
    out, start = [], 0
    for i, ch, depth in _syntax(pattern):
        if ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return [*out, pattern[start:]]


def _leads(alternative: str) -> list[str] | None:
    """Regexes that each begin with a letter or digit (what lets the engine skip ahead),
    one of which matches wherever `alternative` does; None if there are none such. An
    opening group is spread over its alternatives ("(?:a|b)c" gives "ac" and "bc"); one
    that is optional may also be skipped ("(?:official\\s+)?trailer" adds "trailer")."""
    alternative = _LEADING_ASSERTIONS.sub("", alternative)
    if alternative[:1].isalnum():
        optional = alternative[1:2] in ("?", "*") or alternative.startswith("{0", 1)
        return None if optional else [alternative]
    group = re.match(r"\((?:\?:|\?P<\w+>)?", alternative)
    end = _group_end(alternative) if group else None
    if group is None or end is None or alternative[end:end + 1] in ("*", "+", "{"):
        return None
    heads = _top_level_alternatives(alternative[group.end():end - 1])
    rest = alternative[end:]
    if rest.startswith("?"):  # the match may also start after the group
        rest = rest[1:].removeprefix("?").removeprefix("+")
        heads.append("")
    leads: list[str] = []
    for head in heads:
        found = _leads(head + rest)
        if found is None or len(leads) + len(found) > _MAX_LEADS:
            return None
        leads += found
    return leads


def _group_end(pattern: str) -> int | None:
    """The index just after the group that opens `pattern`."""
    for i, ch, depth in _syntax(pattern):
        if ch == ")" and depth == 0:
            return i + 1
    return None


def _opening(alternative: str) -> tuple[str, str]:
    """An alternative split into its leading assertions and the rest."""
    m = _LEADING_ASSERTIONS.match(alternative)
    return ("", alternative) if m is None else (m.group(), alternative[m.end():])


def _first_word_characters(source: str) -> frozenset[str] | None:
    """The characters every match of `source` starts a word with ("\\d" standing for any
    digit), read from the standard library's parse of it; None if some match may start
    otherwise (without a \\b before a letter or digit, or on an empty match)."""
    try:
        chars, may_be_empty = _first_of(sre_parse.parse(source).data, False)
    except (re.error, ValueError, TypeError):
        return None
    return None if chars is None or may_be_empty else frozenset(chars)


def _first_of(items: list, bounded: bool) -> tuple[set[str] | None, bool]:
    """The first characters of a parsed sequence, and whether it may match nothing;
    `bounded` says a word boundary has been asserted just before it."""
    found: set[str] = set()
    for op, arg in items:
        if op is sre.AT:
            if arg is not sre.AT_BOUNDARY:
                return None, False
            bounded = True
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # looks around without taking a character
        if op in (sre.SUBPATTERN, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.BRANCH):
            if op is sre.SUBPATTERN:
                if arg[1] or arg[2]:  # inline flags
                    return None, False
                chars, may_be_empty = _first_of(arg[3], bounded)
            elif op is sre.BRANCH:
                parts = [_first_of(alt, bounded) for alt in arg[1]]
                if any(chars is None for chars, _ in parts):
                    return None, False
                chars = set().union(*(c for c, _ in parts))
                may_be_empty = any(empty for _, empty in parts)
            else:
                chars, may_be_empty = _first_of(arg[2], bounded)
                may_be_empty = may_be_empty or arg[0] == 0
            if chars is None:
                return None, False
            found |= chars
            if not may_be_empty:
                return found, False
            continue
        chars = _characters(op, arg)
        if chars is None or not bounded or not all(c == "\\d" or c.isalnum() for c in chars):
            return None, False
        return found | chars, False
    return found, True


def _characters(op, arg) -> set[str] | None:
    """The characters one parsed item matches: a literal or a set of literals, ranges
    and digits; None for anything else."""
    if op is sre.LITERAL:
        return {chr(arg)}
    if op is not sre.IN:
        return None
    chars: set[str] = set()
    for kind, value in arg:
        if kind is sre.LITERAL:
            chars.add(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] < 100:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars.add("\\d")
        else:
            return None
    return chars


def _word_key(lead: str) -> str:
    """The first one or two characters every match of `lead` begins with: two when its
    second is a plain letter or digit that no quantifier makes optional."""
    if lead[1:2].isalnum() and lead[2:3] not in ("?", "*", "{"):
        return lead[:2]
    return lead[:1]


class _WordStarts:
    """Where the words of one text start, listed by their first two characters (a word
    of one letter that ends the text, by that letter)."""

    def __init__(self, text: str):
        self._by_key: defaultdict[str, list[int]] = defaultdict(list)
        starts = [m.start() for m in _WORD_START.finditer(text)]
        for start in starts:
            self._by_key[text[start:start + 2]].append(start)
        self.count = len(starts)
        self._keys_by_first: defaultdict[str, list[str]] = defaultdict(list)
        for key in self._by_key:
            self._keys_by_first[key[0]].append(key)
        self._found: dict[frozenset[str], list[int]] = {}

    def beginning(self, keys: frozenset[str]) -> list[int]:
        """The starts of the words that begin with one of `keys`, in order."""
        if (found := self._found.get(keys)) is None:
            lists = [self._by_key[k] for key in keys for k in self._keys_for(key)]
            found = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
            self._found[keys] = found
        return found

    def _keys_for(self, key: str) -> list[str]:
        if key == "\\d":
            return [k for k in self._by_key if k[0].isdecimal()]
        if len(key) == 1:
            return self._keys_by_first.get(key, [])
        return [key] if key in self._by_key else []


_recent = threading.local()  # each thread's last long texts: copied, listed


def _word_starts(text: str) -> _WordStarts:
    """The word starts of `text`, listed once for the few texts scanned last: one
    article is scanned by dozens of patterns, often as the same lower-cased copy."""
    cache: list[tuple[str, _WordStarts]] = getattr(_recent, "texts", None) or []
    for seen, starts in cache:
        if seen is text:
            return starts
    starts = _WordStarts(text)
    _recent.texts = [(text, starts), *cache[:3]]
    return starts
