"""`finditer` for patterns that start at a word boundary, several times faster.

Python's regex engine skips quickly to plausible starts only when a pattern begins with
a literal or a set of literals; a leading `\\b` (which nearly every extraction pattern
has) makes it try the whole pattern at every character. `WordScanner` looks for
candidate starts with a copy of the pattern whose alternatives lack their leading
boundary, then confirms each candidate with the pattern itself. Dropping an assertion
only widens what matches, so every real match start is a candidate, and the matches
are exactly those of `pattern.finditer`.

`CaselessPattern` adds the other half of the speed-up for case-insensitive patterns: the
engine cannot skip ahead on case-insensitive literals, so it scans a lower-cased copy of
the text with a lower-case twin of the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# the boundary and lookbehinds opening an alternative: what the candidate finder drops
_LEADING_ASSERTIONS = re.compile(r"^(?:\\b|\(\?<[!=][^()]*\))+")


class WordScanner:
    """A case-sensitive pattern's `finditer` (scan a lower-cased copy of the text with a
    lower-case pattern to match regardless of case: the engine cannot skip ahead on
    case-insensitive literals)."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        alternatives = [_LEADING_ASSERTIONS.sub("", a) for a in _top_level_alternatives(
            pattern.pattern)]
        # only a finder that must start on a literal lets the engine skip ahead; one that
        # may start on anything (an optional word, a space) would be slower than no finder
        # ("^new:" only matches at the start of the text, so it adds only that candidate)
        self._anchored = not pattern.flags & re.MULTILINE and any(
            a.startswith("^") for a in alternatives)
        leads = [_leads(a) for a in alternatives if not (self._anchored and a.startswith("^"))]
        useful = not pattern.flags & re.IGNORECASE and leads and None not in leads and not \
            re.search(r"\(\?P=|\\[1-9]", pattern.pattern)  # a lead may drop a referenced group
        self._finder = re.compile("|".join(x for lead in leads for x in lead),
                                  pattern.flags) if useful else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._finder is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (start := self._candidate(text, pos)) is not None:
            m = self.pattern.match(text, start)
            if m is None:
                pos = start + 1
            elif m.end() == m.start():  # finditer has its own rules after an empty match
                yield from self.pattern.finditer(text, m.start())
                return
            else:
                yield m
                pos = m.end()

    def _candidate(self, text: str, pos: int) -> int | None:
        """The first position from `pos` where the pattern may match."""
        if pos == 0 and self._anchored:
            return 0
        found = self._finder.search(text, pos)
        return None if found is None else found.start()


def caseless_copy(text: str) -> str | None:
    """The lower-cased text, in which a lower-case pattern matches exactly where its
    IGNORECASE twin matches `text`; None when lower-casing would move offsets ("İ")
    or IGNORECASE would treat a letter otherwise ("ı" and "ſ" match "i" and "s")."""
    lower = text.lower()
    if len(lower) != len(text) or "ı" in text or "ſ" in text:
        return None
    return lower


class CaselessPattern:
    """A case-insensitive pattern whose `finditer` and `search` run case-sensitively on
    a lower-cased copy of the text (`caseless_copy`), which is several times as fast.
    The matches returned are the pattern's own on the text, with its original letters."""

    def __init__(self, pattern: str):
        self.pattern = re.compile(pattern, re.IGNORECASE)
        twin = _lower_case_twin(pattern)
        self._lower = WordScanner(re.compile(twin)) if twin is not None else None

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        if lower is None or self._lower is None:
            yield from self.pattern.finditer(text)
            return
        for m in self._lower.finditer(lower):
            match = self.pattern.match(text, m.start())
            if match is not None:  # it always is: the two match the same letters
                yield match

    def search(self, text: str, lower: str | None) -> re.Match[str] | None:
        return next(self.finditer(text, lower), None)


def _lower_case_twin(pattern: str) -> str | None:
    """The pattern for a lower-cased text, or None if the pattern looks at letter case
    itself (a case-sensitive group, an upper-case letter other than in "[A-Z")."""
    twin = pattern.replace("[A-Z", "[a-z")  # the same set under IGNORECASE
    if "(?-i" in twin or re.search(r"\\[uUxN]", twin):
        return None
    bare = re.sub(r"\\.|\(\?P[<=][^>)]*[>)]", "", twin)  # escapes and group names
    return None if re.search(r"[A-Z]", bare) else twin


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def _leads(alternative: str) -> list[str] | None:
    """Regexes starting on a letter or digit, one of which matches wherever `alternative`
    does (None if not found): the alternative itself, or else the alternatives of its
    opening group, and if that group is optional ("(?:official\\s+)?trailer") also what
    follows it."""
    alternative = _LEADING_ASSERTIONS.sub("", alternative)
    if _starts_with_literal(alternative):
        return [alternative]
    group = re.match(r"\((?:\?:|\?P<\w+>)?", alternative)
    end = _group_end(alternative) if group else None
    if group is None or end is None or alternative[end:end + 1] in ("*", "+", "{"):
        return None
    inner = [_leads(a) for a in _top_level_alternatives(alternative[group.end():end - 1])]
    if alternative[end:end + 1] == "?":  # the match may also start after the group
        inner.append(_leads(alternative[end + 1:].removeprefix("?").removeprefix("+")))
    return None if None in inner else [x for lead in inner for x in lead]  # type: ignore


def _starts_with_literal(alternative: str) -> bool:
    """Does the regex begin with a letter or digit, or a required group that does?"""
    if alternative[:1].isalnum():
        return alternative[1:2] not in ("?", "*") and not alternative.startswith("{0", 1)
    group = re.match(r"\((?:\?:|\?P<\w+>)?", alternative)
    if group is None:
        return False
    end = _group_end(alternative)
    if end is None or alternative[end:end + 1] in ("?", "*") or alternative.startswith(
            "{0", end):
        return False
    return all(_starts_with_literal(a)
               for a in _top_level_alternatives(alternative[group.end():end - 1]))


def _group_end(pattern: str) -> int | None:
    """The index just after the group that opens `pattern`."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None
