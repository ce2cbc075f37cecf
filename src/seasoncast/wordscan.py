"""`finditer` for patterns that start at a word boundary, several times faster.

Python's regex engine skips quickly to plausible starts only when a pattern begins with
a literal or a set of literals; a leading `\\b` (which nearly every extraction pattern
has) makes it try the whole pattern at every character. `WordScanner` looks for
candidate starts with a wider "finder" regex whose alternatives all begin with a literal
(the pattern's alternatives without their leading boundary, an opening group spread over
its alternatives), then confirms each candidate with the pattern itself. The finder
matches wherever the pattern does, so every real match start is a candidate, and the
matches are exactly those of `pattern.finditer`.

`CaselessPattern` adds the other half of the speed-up for case-insensitive patterns: the
engine cannot skip ahead on case-insensitive literals, so candidates are found in a
lower-cased copy of the text with a lower-case finder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# the boundary and lookbehinds opening an alternative: what the candidate finder drops
_LEADING_ASSERTIONS = re.compile(r"^(?:\\b|\(\?<[!=][^()]*\))+")
_MAX_LEADS = 100  # a finder spread over more alternatives than this is not worth it


class WordScanner:
    """A pattern's `finditer`, with candidate starts found by a finder regex built from
    `finder_source` (by default the pattern's own source and flags)."""

    def __init__(self, pattern: re.Pattern[str], finder_source: str | None = None):
        self.pattern = pattern
        source = pattern.pattern if finder_source is None else finder_source
        flags = pattern.flags if finder_source is None else 0
        alternatives = [_LEADING_ASSERTIONS.sub("", a) for a in _top_level_alternatives(source)]
        # only a finder that must start on a literal lets the engine skip ahead; one that
        # may start on anything (an optional word, a space) would be slower than no finder
        # ("^new:" only matches at the start of the text, so it adds only that candidate)
        anchored = not flags & re.MULTILINE and any(a.startswith("^") for a in alternatives)
        leads = [_leads(a) for a in alternatives if not (anchored and a.startswith("^"))]
        useful = not flags & re.IGNORECASE and leads and None not in leads and not \
            re.search(r"\(\?P=|\(\?\(|\\[1-9]", source)  # leads repeat or drop groups
        self._anchored = anchored and bool(useful)
        if useful:  # the finder needs no groups, and a group repeated in leads is an error
            self._finder: re.Pattern[str] | None = re.compile(re.sub(
                r"\(\?P<\w+>", "(?:", "|".join(x for lead in leads for x in lead)), flags)
        else:  # a source of its own still finds the candidates, only more slowly
            self._finder = re.compile(source, flags) if finder_source is not None else None

    def finditer(self, text: str, haystack: str | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text`; candidates are looked for in `haystack` if
        given (a copy of the text of the same length, such as a lower-cased one)."""
        if self._finder is None:
            yield from self.pattern.finditer(text)
            return
        haystack = text if haystack is None else haystack
        pos = 0
        while (start := self._candidate(haystack, pos)) is not None:
            m = self.pattern.match(text, start)
            if m is None:
                pos = start + 1
            elif m.end() == m.start():  # finditer has its own rules after an empty match
                yield from self.pattern.finditer(text, m.start())
                return
            else:
                yield m
                pos = m.end()

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
    lower = text.lower()
    if len(lower) != len(text) or "ı" in text or "ſ" in text:
        return None
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
