"""Hostile input: random text, binary noise, huge and deeply nested HTML, scripts.
Nothing may crash, and time stays bounded."""

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seasoncast.extract import extract_document
from seasoncast.ingest.html import html_to_text

WORDS = st.sampled_from([
    "Season", "2", "season two", "renewed", "premiere", "in", "March", "2026", "filming",
    "wrapped", "not", "until", "2027", "The", "Show", "(", ")", "—", ",", ".", "?", "\n",
    "reportedly", "Netflix", "Park Ji-hu", "returns as", "million views", "first 28 days",
    "late", "mid-", "Q3", "won't", "between", "and", "'", "\"", "#", "Part 2", "S3",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=80).map(" ".join),
       st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2040, 12, 31))))
def test_word_salad_never_crashes(text, published):
    out = extract_document(text, published=published)
    d = out.to_dict()
    for c in d["claims"]:
        a, b = c["quote_span"]
        assert 0 <= a <= b <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_unicode_never_crashes(text):
    extract_document(text, published=date(2025, 1, 1))


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=3000))
def test_binary_noise_never_crashes(raw):
    extract_document(raw.decode("utf-8", errors="replace"))
    html_to_text(raw)


def _timed(fn, *args):
    t0 = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - t0


def test_huge_text_is_bounded():
    chunk = ("Tidewater Season 3 wrapped filming in May 2025, and it will premiere in "
             "late 2026, reportedly. ")
    out, secs = _timed(lambda: extract_document(chunk * 40_000, published=date(2025, 6, 1)))
    assert secs < 60
    assert out.claims


def test_pathological_lines_are_fast():
    for text in ("A " * 200_000, "Season " * 50_000, "(" * 100_000, "2026 " * 50_000,
                 "a," * 100_000, "Park Ji-hu, " * 20_000):
        _, secs = _timed(extract_document, text)
        assert secs < 30, text[:20]


def test_deeply_nested_html():
    html = "<div>" * 50_000 + "Tidewater Season 3 premieres in May 2026." + "</div>" * 50_000
    out, secs = _timed(html_to_text, html)
    assert secs < 30
    assert "Tidewater" in out.text


def test_script_tags_are_dropped():
    html = ("<html><body><script>" + "document.write('Season 9 premieres 2030');" * 1000
            + "</script><p>Tidewater Season 3 premieres in May 2026.</p>"
            "<style>p{color:red}</style></body></html>")
    out = html_to_text(html)
    assert "2030" not in out.text
    assert "Tidewater" in out.text


def test_huge_html_is_capped():
    html = "<p>" + "x" * 10_000_000 + "</p>"
    out, secs = _timed(html_to_text, html)
    assert secs < 30
    assert len(out.text) <= 3_000_000
