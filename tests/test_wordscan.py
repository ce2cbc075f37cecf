"""WordScanner finds exactly what `finditer` finds."""

import re

import pytest

from seasoncast.datespan import RULES
from seasoncast.extract.triggers import _LOWER
from seasoncast.wordscan import CaselessPattern, WordScanner, caseless_copy

TEXTS = [
    "Filming began in early 2025 and wrapped on March 3–5, 2026; a re-shoot followed.",
    "stillfilming2025 in in in a the the  \x00 earlier this year, premieres 2027-01-02",
    "xfilming yfilming filming filming",
    "",
]


@pytest.mark.parametrize("pattern", [
    r"\bfilm(?:ing|ed)\b", r"\b(?:a|an|the)\s+date\b|\bin\b", r"(?<![-\w])\b(?:19|20)\d\d\b",
    r"\b(?:the\s+)?year\b",  # may start on an optional word: found by either
    r"\b(?:(?<=\s)was\s+)?(?P<w>wrapped|ended)\b|\b(?:\d+\s+)?years?\b",
    r"\b(?=x)|\bfilming",  # can match the empty string
    *[s.pattern.pattern for s in RULES.fast.values() if s is not None],
    *[s.pattern.pattern for _k, s, _p, _c in _LOWER],
])
def test_same_matches_as_finditer(pattern):
    compiled = re.compile(pattern)
    scanner = WordScanner(compiled)
    for text in TEXTS:
        expected = [(m.start(), m.end(), m.groups()) for m in compiled.finditer(text)]
        assert [(m.start(), m.end(), m.groups()) for m in scanner.finditer(text)] == expected


def test_a_finder_only_where_it_helps():
    assert WordScanner(re.compile(r"\bfilm(?:ing|ed)\b"))._finder is not None
    assert WordScanner(re.compile(r"\b(?:the\s+)?year\b"))._finder is not None
    assert WordScanner(re.compile(r"\b(?:\d+\s+)?year\b"))._finder is None  # may start on a digit
    assert WordScanner(re.compile(r"\bfilming", re.IGNORECASE))._finder is None


def test_an_alternative_anchored_at_the_start_is_tried_there_only():
    compiled = re.compile(r"^\W*new\s*:|\bjoins\b")
    scanner = WordScanner(compiled)
    assert scanner._finder is not None
    for text in ["** new: Kim joins", "Kim joins; new: x", "new:", "x"]:
        expected = [(m.start(), m.end()) for m in compiled.finditer(text)]
        assert [(m.start(), m.end()) for m in scanner.finditer(text)] == expected


@pytest.mark.parametrize("text", [
    *TEXTS, "Season II of SHOW — S2E1 — the NEW season; Return: Kim", "Sıgnıng İstanbul ſeason 2",
])
@pytest.mark.parametrize("pattern", [
    r"\bseasons?\s+(?P<n>\d|ii)\b|\bs(?P<s>\d)(?=\b|e\d)", r"^\W*return\w*\s*:|\bnew\b",
    r"\bsigning\b|\bseason\b|\bistanbul\b", r"(?<=\s)[A-Z]\w+",
])
def test_caseless_pattern_matches_as_ignorecase(pattern, text):
    expected = [(m.start(), m.end(), m.groups()) for m in re.finditer(pattern, text, re.I)]
    scanner = CaselessPattern(pattern)
    got = [(m.start(), m.end(), m.groups()) for m in scanner.finditer(text, caseless_copy(text))]
    assert got == expected


def test_no_lower_cased_copy_where_case_folding_differs():
    assert caseless_copy("Season TWO") == "season two"
    assert caseless_copy("İstanbul") is None  # lower-casing adds a character
    assert caseless_copy("ſeason") is None  # IGNORECASE matches "s"; lower() keeps "ſ"
