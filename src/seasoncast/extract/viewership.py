"""Viewing figures with the period they cover.

"55.5 million views in its first three months" is only useful with its period, which
starts at the season's premiere; the premiere comes from the article's own release
claims (a month-precision premiere starts the period on the 1st). "Between January
2023 and June 2025 ... 33.2 million views" is an explicit window. Periods can be far
wider than a `DateSpan` of their precision allows, so they get their own small type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from seasoncast.datespan import DateSpan, Precision, find_datespans
from seasoncast.extract.sentences import Sentence
from seasoncast.extract.titles import WORD_NUMBERS, TitleContext
from seasoncast.model import Claim, Kind, Modality, Viewership

_FIGURE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<mult>million|billion|thousand|mn|m|bn|"
    r"b|k)?\s+(?:(?:total|global|more|additional|new|viewing)\s+)?(?P<metric>views|hours"
    r"(?:\s+(?:viewed|watched|of\s+viewing))?|viewing\s+hours|watch\s+hours)\b", re.I)
_MULT = {"million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
         "thousand": 1e3, "k": 1e3}
_FIRST_N = re.compile(
    r"\b(?:in|over|during|within|across)\s+(?:its|their|the|his|her)\s+(?:first|opening|"
    r"debut)\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?"
    r"\s*(?P<unit>days?|weeks?|months?|weekend)\b", re.I)
_DEBUT_WEEK = re.compile(r"\b(?:in|during)\s+(?:its|their|the)\s+(?:debut|opening|first)\s+"
                         r"week\b", re.I)


@dataclass(frozen=True, slots=True)
class Period:
    """A viewing window: like a DateSpan but of any width."""

    start: date
    end: date
    precision: Precision
    text: str | None = None

    def to_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "precision": self.precision.value, "text": self.text}


def _value(m: re.Match[str]) -> float:
    raw = m["num"].replace(",", "")
    mult = _MULT.get((m["mult"] or "").lower(), 1.0)
    return round(float(raw) * mult)


def _premiere(claims: list[Claim], title: str, season: int) -> date | None:
    found = [c.date for c in claims if c.title == title and c.season == season
             and c.kind is Kind.RELEASE and c.modality is Modality.HAPPENED and c.date]
    if not found:
        return None
    best = min(found, key=lambda d: d.width_days)
    return best.start


def _days(n_word: str | None, unit: str) -> int:
    n = 1
    if n_word:
        n = int(n_word) if n_word.isdigit() else WORD_NUMBERS.get(n_word.lower(), 1)
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return n
    if unit == "week":
        return 7 * n
    if unit == "weekend":
        return 3
    return {1: 30, 2: 61, 3: 91, 6: 182, 12: 365}.get(n, round(n * 30.4))


def _period(sentence: str, fig_start: int, published: date | None, premiere: date | None
            ) -> Period | None:
    window = sentence[fig_start:]  # the period follows its figure
    m = _FIRST_N.search(window)
    if m and premiere is not None:
        n = _days(m["n"], m["unit"])
        return Period(premiere, premiere + timedelta(days=n - 1), Precision.DAYS,
                      m.group().split(None, 1)[1])
    m = _DEBUT_WEEK.search(window)
    if m and premiere is not None:
        return Period(premiere, premiere + timedelta(days=6), Precision.DAYS,
                      m.group().split(None, 1)[1])
    window = sentence  # an explicit window may come before the figure
    b = re.search(r"\b(?i:between|from)\s+(?P<a>.{3,30}?)\s+(?:and|to|through|until|-|–)\s+"
                  r"(?P<b>[A-Z][\w]+\.?(?:\s+\d{1,2},?)?\s+(?:19|20)\d\d)", window)
    if b:
        end = find_datespans(b["b"], published)
        year = end[0].span.start.year if end else None
        a_text = b["a"] if re.search(r"(?:19|20)\d\d", b["a"]) or year is None else \
            f"{b['a']} {year}"
        start = find_datespans(a_text, published)
        if start and end:
            s, e = start[0].span, end[-1].span
            if s.start <= e.end:
                prec = s.precision if s.precision is e.precision else Precision.MONTH
                return Period(s.start, e.end, prec, f"{b['a']} and {b['b']}")
    spans = find_datespans(window, published)
    near = [t for t in spans if re.search(r"\b(?:in|during|for|over)\s+(?:the\s+(?:month|week)"
                                          r"\s+of\s+)?$", window[max(0, t.start - 25):t.start])]
    if near:
        sp: DateSpan = near[0].span
        return Period(sp.start, sp.end, sp.precision, sp.text)
    return None


def extract_viewership(text: str, sentences: list[Sentence], ctx: TitleContext,
                       focus: dict[str, int], claims: list[Claim], published: date | None
                       ) -> list[Viewership]:
    out: dict[tuple, Viewership] = {}
    released = {(c.title, c.season) for c in claims
                if c.kind is Kind.RELEASE and c.modality is Modality.HAPPENED}
    for s in sentences:
        for m in _FIGURE.finditer(s.text):
            title, _ = ctx.title_at(s.start + m.start())
            if title is None:
                continue
            season = _season(s, m.start(), ctx, focus.get(title, 1), title, released)
            metric = "hours" if m["metric"].lower().startswith(("hour", "viewing", "watch")) \
                else "views"
            value = _value(m)
            if value <= 0:
                continue
            period = _period(s.text, m.start(), published, _premiere(claims, title, season))
            key = (title, season, metric, value)
            old = out.get(key)
            if old is None or (old.period is None and period is not None):
                out[key] = Viewership(title, season, metric, value, period)
    return list(out.values())


def _season(s: Sentence, pos: int, ctx: TitleContext, focus: int, title: str,
            released: set[tuple[str, int]]) -> int:
    """An explicit season before the figure, else the latest released season."""
    local = [m for m in ctx.seasons_between(s.start, s.start + pos) if m.numbers]
    if local:
        return local[-1].numbers[0]
    if (title, focus) in released or focus <= 1:
        return focus
    return focus - 1
