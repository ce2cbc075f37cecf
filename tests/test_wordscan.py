"""WordScanner finds exactly what `finditer` finds."""

import re

import pytest

from seasoncast.datespan import RULES
from seasoncast.extract.triggers import _LOWER
from seasoncast.wordscan import WordScanner

TEXTS = [
    "Filming began in early 2025 and wrapped on March 3–5, 2026; a re-shoot followed.",
    "stillfilming2025 in in in a the the  \x00 earlier this year, premieres 2027-01-02",
    "xfilming yfilming filming filming",
    "",
]


@pytest.mark.parametrize("pattern", [
    r"\bfilm(?:ing|ed)\b", r"\b(?:a|an|the)\s+date\b|\bin\b", r"(?<![-\w])\b(?:19|20)\d\d\b",
    r"\b(?:the\s+)?year\b",  # may start on an optional word: scanned without a finder
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
    assert WordScanner(re.compile(r"\b(?:the\s+)?year\b"))._finder is None
    assert WordScanner(re.compile(r"\bfilming", re.IGNORECASE))._finder is None
