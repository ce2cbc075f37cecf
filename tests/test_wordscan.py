"""WordScanner and CaselessPattern find exactly what `finditer` finds."""

import re

import pytest

from seasoncast import wordscan
from seasoncast.datespan import RULES
from seasoncast.extract import cast, titles, triggers
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


CASELESS_TEXTS = [
    *TEXTS, "Season II of SHOW — S2E1 — the NEW season; Return: Kim", "Sıgnıng İstanbul ſeason 2",
    "In May 2025, in may, In MAY; Q3 2025 q4 of 2026, H1 2027", "THE SHOOT WRAPPED. Cameras Rolled",
    "Netflix's hit Über Alles, the third season of the Ögon Saga; Netflix's new Show",
]


@pytest.mark.parametrize("pattern", [
    r"\bseasons?\s+(?P<n>\d|ii)\b|\bS(?P<s>\d)(?=\b|E\d)", r"^\W*return\w*\s*:|\bnew\b",
    r"\bsigning\b|\bseason\b|\bistanbul\b", r"(?<=\s)[A-Z]\w+", r"\bin\s+(?-i:May)\b",
    *[p.pattern.pattern for p, _ in RULES.rules],
    *[p.pattern.pattern for _k, p, _ in triggers._COMPILED],
    *[p.pattern.pattern for _, p in cast._CUES],
    *[p.pattern.pattern for p in vars(titles).values() if isinstance(p, CaselessPattern)],
])
def test_caseless_pattern_matches_as_ignorecase(pattern):
    scanner = CaselessPattern(pattern)
    for text in CASELESS_TEXTS:
        for variant in (text, text.upper(), text.lower()):
            _assert_matches_as_ignorecase(scanner, pattern, variant)


def _assert_matches_as_ignorecase(scanner: CaselessPattern, pattern: str, text: str) -> None:
    expected = [(m.start(), m.end(), m.groups()) for m in re.finditer(pattern, text, re.I)]
    got = [(m.start(), m.end(), m.groups()) for m in scanner.finditer(text, caseless_copy(text))]
    assert got == expected


def test_a_lower_case_finder_where_one_can_be_written():
    assert CaselessPattern(r"\bQ(?P<q>[1-4])\b|\bin\s+(?-i:May)")._scanner is not None
    assert CaselessPattern(r"\bs\d\s+(?=[A-Z\u00C0-\u00DE])")._scanner is not None
    assert CaselessPattern(r"[A-Z\u00C0-\u00DE]ber")._scanner is None  # a code escape
    assert CaselessPattern(r"\bstraße\b")._scanner is None  # "ß" also matches "ẞ"


def test_no_lower_cased_copy_where_case_folding_differs():
    assert caseless_copy("Season TWO") == "season two"
    assert caseless_copy("İstanbul") is None  # lower-casing adds a character
    assert caseless_copy("ſeason") is None  # IGNORECASE matches "s"; lower() keeps "ſ"


# long enough to be scanned word by word (`_WordStarts`) rather than with the finder
LONG_TEXTS = [" ".join(CASELESS_TEXTS) * 20, ("Season 2 of Brinewater; in early 2027. " * 80)
              + "premieres in Q3", "x" * 3000 + " 12 filming 3rd of May a"]


@pytest.mark.parametrize("pattern", [
    r"\bseasons?\s+(?P<n>\d|ii)\b|\bS(?P<s>\d)(?=\b|E\d)", r"^\W*season\w*\s*:|\bnew\b",
    r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?may\b", r"\bfilm\w*|\bq[1-4]\b",
    r"\b(?:the\s+)?(?:early|late)\s+\d{4}", r"\bin\b|\ba\b",
    *[p.pattern.pattern for p, _ in RULES.rules],
    *[p.pattern.pattern for _k, p, _ in triggers._COMPILED],
    *[p.pattern.pattern for p in vars(titles).values() if isinstance(p, CaselessPattern)],
])
def test_long_texts_are_scanned_word_by_word_with_the_same_matches(pattern):
    scanner = CaselessPattern(pattern)
    for text in LONG_TEXTS:
        assert len(text) >= wordscan._INDEXED_FROM
        for variant in (text, text.upper()):
            _assert_matches_as_ignorecase(scanner, pattern, variant)


def test_word_keys_only_for_matches_that_start_a_word():
    assert WordScanner(re.compile(r"\bfilm(?:ing|ed)\b|\bshoot"))._word_keys == {"fi", "sh"}
    assert wordscan._first_word_characters(r"\b[0-3]?\d(?:st)?") == {"0", "1", "2", "3", "\\d"}
    assert wordscan._first_word_characters(r"\b(?:the\s+)?(?:early|late)") == {"t", "e", "l"}
    # a match may start on a hyphen ("mid-spring"), inside a word, or on nothing
    assert wordscan._first_word_characters(r"\b(?:mid)?[\s-]*spring") is None
    assert wordscan._first_word_characters(r"\bfilm|ing") is None
    assert wordscan._first_word_characters(r"\b(?:film)?") is None
