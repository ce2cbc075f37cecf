"""Fuzzy dates: production news rarely gives a day, so every date is a span.

`DateSpan` is the inclusive interval of interfaces.md §1 with a `precision` that says
how the span was written. `find_datespans` is the temporal tagger the extractor uses;
`parse_datespan` parses one phrase. Relative phrases ("last month", "early next year")
need a reference date, normally the article's publication date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from seasoncast.wordscan import CaselessPattern, caseless_copy


class Precision(StrEnum):
    DAY = "day"
    DAYS = "days"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"


# Longest span (in days, inclusive) each precision may describe. Relative phrases such
# as "earlier this year" give truncated spans, so only the upper bound is an invariant.
MAX_WIDTH = {
    Precision.DAY: 1,
    Precision.DAYS: 14,
    Precision.PART_OF_MONTH: 11,
    Precision.MONTH: 31,
    Precision.QUARTER: 92,
    Precision.SEASON: 92,
    Precision.HALF: 184,
    Precision.YEAR: 366,
}


class DateSpanError(ValueError):
    """A span that cannot exist (end before start, width beyond its precision)."""


class DayRange:
    """The days from `start` to `end`, both included: what a DateSpan shares with any
    other run of days (a claim's "before 2028")."""

    __slots__ = ()
    start: date
    end: date

    def contains(self, other: date | DayRange) -> bool:
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: DayRange) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True)
class DateSpan(DayRange):
    """An inclusive date interval with the precision it was stated in."""

    start: date
    end: date
    precision: Precision
    text: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DateSpanError(f"span ends ({self.end}) before it starts ({self.start})")
        object.__setattr__(self, "precision", Precision(self.precision))
        if self.width_days > MAX_WIDTH[self.precision]:
            raise DateSpanError(
                f"{self.width_days}-day span is too wide for precision {self.precision.value}"
            )

    # -- constructors -------------------------------------------------------------
    @classmethod
    def day(cls, d: date, text: str | None = None) -> DateSpan:
        return cls(d, d, Precision.DAY, text)

    @classmethod
    def days(cls, start: date, end: date, text: str | None = None) -> DateSpan:
        return cls(start, end, Precision.DAY if start == end else Precision.DAYS, text)

    @classmethod
    def month(cls, year: int, month: int, text: str | None = None) -> DateSpan:
        return cls(date(year, month, 1), _month_end(year, month), Precision.MONTH, text)

    @classmethod
    def part_of_month(
        cls, year: int, month: int, part: Literal["early", "mid", "late"], text: str | None = None
    ) -> DateSpan:
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[part]
        end = min(date(year, month, min(last, 28)) if last <= 28 else _month_end(year, month),
                  _month_end(year, month))
        return cls(date(year, month, first), end, Precision.PART_OF_MONTH, text)

    @classmethod
    def quarter(cls, year: int, q: int, text: str | None = None) -> DateSpan:
        m = 3 * (q - 1) + 1
        return cls(date(year, m, 1), _month_end(year, m + 2), Precision.QUARTER, text)

    @classmethod
    def season(
        cls, year: int, name: Literal["spring", "summer", "fall", "winter"], text: str | None = None
    ) -> DateSpan:
        if name == "winter":  # the winter that begins in December of the named year
            return cls(date(year, 12, 1), _month_end(year + 1, 2), Precision.SEASON, text)
        m = {"spring": 3, "summer": 6, "fall": 9}[name]
        return cls(date(year, m, 1), _month_end(year, m + 2), Precision.SEASON, text)

    @classmethod
    def half(cls, year: int, h: int, text: str | None = None) -> DateSpan:
        if h == 1:
            return cls(date(year, 1, 1), date(year, 6, 30), Precision.HALF, text)
        return cls(date(year, 7, 1), date(year, 12, 31), Precision.HALF, text)

    @classmethod
    def year(cls, year: int, text: str | None = None) -> DateSpan:
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, text)

    # -- queries and arithmetic ---------------------------------------------------
    @property
    def width_days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def midpoint(self) -> date:
        return self.start + timedelta(days=(self.end - self.start).days // 2)

    def intersection(self, other: DateSpan) -> DateSpan | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        if end < start:
            return None
        return DateSpan(start, end, _narrowest_precision(self, other, (end - start).days + 1))

    def shift(self, days: int) -> DateSpan:
        """The same span moved by `days` (negative moves earlier)."""
        delta = timedelta(days=days)
        return replace(self, start=self.start + delta, end=self.end + delta)

    def __add__(self, days: int) -> DateSpan:
        if not isinstance(days, int):
            return NotImplemented
        return self.shift(days)

    def __sub__(self, other: int | DateSpan) -> DateSpan | int:
        """`span - 7` shifts back; `span - span` is the gap in days between starts."""
        if isinstance(other, DateSpan):
            return (self.start - other.start).days
        if isinstance(other, int):
            return self.shift(-other)
        return NotImplemented

    def __lt__(self, other: DateSpan) -> bool:
        return (self.start, self.end) < (other.start, other.end)

    def __le__(self, other: DateSpan) -> bool:
        return (self.start, self.end) <= (other.start, other.end)

    def __gt__(self, other: DateSpan) -> bool:
        return (self.start, self.end) > (other.start, other.end)

    def __ge__(self, other: DateSpan) -> bool:
        return (self.start, self.end) >= (other.start, other.end)

    def same_dates(self, other: DateSpan) -> bool:
        return self.start == other.start and self.end == other.end

    # -- serialisation --------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision.value,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict) -> DateSpan:
        return cls(
            date.fromisoformat(d["start"]),
            date.fromisoformat(d["end"]),
            Precision(d["precision"]),
            d.get("text"),
        )

    @classmethod
    def from_iso(cls, start: str, end: str | None = None, precision: str | None = None) -> DateSpan:
        s = date.fromisoformat(start)
        e = date.fromisoformat(end) if end else s
        p = Precision(precision) if precision else infer_precision(s, e)
        return cls(s, e, p)

    def __str__(self) -> str:
        return describe(self)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _narrowest_precision(a: DateSpan, b: DateSpan, width: int) -> Precision:
    for p in Precision:
        if width <= MAX_WIDTH[p]:
            return p
    return Precision.YEAR


def infer_precision(start: date, end: date) -> Precision:
    """The precision a span of these dates would usually have been written in."""
    width = (end - start).days + 1
    if width == 1:
        return Precision.DAY
    if start.day == 1 and end == _month_end(start.year, start.month):
        return Precision.MONTH
    if start.month == 1 and start.day == 1 and end == date(start.year, 12, 31):
        return Precision.YEAR
    if start.day == 1 and end.day == _month_end(end.year, end.month).day:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 3:
            return Precision.QUARTER if start.month in (1, 4, 7, 10) else Precision.SEASON
        if months == 6:
            return Precision.HALF
    for p in (Precision.DAYS, Precision.PART_OF_MONTH, Precision.MONTH, Precision.QUARTER,
              Precision.HALF, Precision.YEAR):
        if width <= MAX_WIDTH[p]:
            return p
    raise DateSpanError(f"{width}-day span is wider than a year")


MONTHS_LONG = [calendar.month_name[i] for i in range(1, 13)]


def describe_day(d: date | None) -> str:
    """A forecast's day in words; None is a quantile past the forecast's horizon."""
    return describe(DateSpan.day(d)) if d else "beyond the horizon"


def describe(span: DateSpan) -> str:
    """Human words for a span ("mid-February 2026", "2027", "Q3 2025")."""
    s, e, p = span.start, span.end, span.precision
    if p is Precision.DAY:
        return f"{MONTHS_LONG[s.month - 1]} {s.day}, {s.year}"
    if p is Precision.DAYS:
        return _day_range_words(s, e)
    if p is Precision.PART_OF_MONTH:
        part = "early" if s.day == 1 else "mid" if s.day == 11 else "late"
        sep = "-" if part == "mid" else " "
        return f"{part}{sep}{MONTHS_LONG[s.month - 1]} {s.year}"
    if p is Precision.MONTH and s.day == 1 and e == _month_end(s.year, s.month):
        return f"{MONTHS_LONG[s.month - 1]} {s.year}"
    if p is Precision.QUARTER and s.day == 1 and s.month in (1, 4, 7, 10):
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if p is Precision.SEASON and s.day == 1:
        name = {3: "spring", 6: "summer", 9: "fall", 12: "winter"}.get(s.month)
        if name:
            return f"{name} {s.year}"
    if p is Precision.HALF and (s.month, s.day) in ((1, 1), (7, 1)) and s.year == e.year:
        return f"{'first' if s.month == 1 else 'second'} half of {s.year}"
    if p is Precision.YEAR and (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        return str(s.year)
    return _day_range_words(s, e)  # an unusual span ("filming began between …")


def _day_range_words(s: date, e: date) -> str:
    if (e - s).days > MAX_WIDTH[Precision.DAYS]:
        # a wide, unusual span says what it is: "filming began between October 15, 2024
        # and January 9, 2025", not "began October 15, 2024 to January 9, 2025"
        first = f"{MONTHS_LONG[s.month - 1]} {s.day}" + (f", {s.year}" if s.year != e.year
                                                         else "")
        return f"between {first} and {MONTHS_LONG[e.month - 1]} {e.day}, {e.year}"
    if s.month == e.month and s.year == e.year:
        return f"{MONTHS_LONG[s.month - 1]} {s.day}–{e.day}, {s.year}"
    if s.year == e.year:
        return f"{MONTHS_LONG[s.month - 1]} {s.day} to {MONTHS_LONG[e.month - 1]} {e.day}, " \
               f"{s.year}"
    return f"{MONTHS_LONG[s.month - 1]} {s.day}, {s.year} to " \
           f"{MONTHS_LONG[e.month - 1]} {e.day}, {e.year}"


# ---------------------------------------------------------------------------------
# The temporal tagger
# ---------------------------------------------------------------------------------

_MONTH_ALIASES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_MON = (
    r"(?P<mon>january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "last": 4, "final": 4}
_SEASONS = {"spring": "spring", "summer": "summer", "fall": "fall", "autumn": "fall",
            "winter": "winter"}
_EARLY = r"(?P<part>early|earlier|beginning of|start of|the start of|the beginning of|mid|" \
    r"middle of|the middle of|late|later|end of|the end of|the tail end of)"

Prefer = Literal["nearest", "past", "future"]


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A date phrase found in text: character offsets and the span it denotes."""

    start: int
    end: int
    span: DateSpan


def _part_key(part: str) -> str:
    part = part.lower()
    if part.startswith(("early", "beginning", "start", "the start", "the beginning")):
        return "early"
    if part.startswith(("mid", "middle", "the middle")):
        return "mid"
    return "late"


def _resolve_year_for_month(month: int, ref: date | None, prefer: Prefer) -> int | None:
    if ref is None:
        return None
    candidates = [ref.year - 1, ref.year, ref.year + 1]
    ref_month_index = ref.year * 12 + ref.month
    def distance(y: int) -> int:
        return y * 12 + month - ref_month_index
    if prefer == "past":
        ok = [y for y in candidates if distance(y) <= 0]
        return max(ok) if ok else ref.year
    if prefer == "future":
        ok = [y for y in candidates if distance(y) >= 0]
        return min(ok) if ok else ref.year
    return min(candidates, key=lambda y: (abs(distance(y)), -y))


def _named_year(m, ref: date | None) -> int | None:
    """The year of "… 2026", "… next year" or "… the year" (the reference's own year);
    None when the phrase is relative and there is no reference day."""
    if m["year"]:
        return int(m["year"])
    if ref is None:
        return None
    return _rel_year(m["rel"], ref) if m["rel"] else ref.year


def _rel_year(word: str, ref: date) -> int:
    return {"this": ref.year, "next": ref.year + 1, "last": ref.year - 1,
            "the following": ref.year + 1, "the coming": ref.year + 1,
            "the previous": ref.year - 1}[word.lower()]


class _Rules:
    """Ordered regex rules; each handler returns a DateSpan or None."""

    def __init__(self) -> None:
        self.rules: list[tuple[CaselessPattern, object]] = []

    def add(self, pattern: str):
        compiled = CaselessPattern(pattern)  # found through a lower-cased copy: faster

        def register(fn):
            self.rules.append((compiled, fn))
            return fn

        return register


RULES = _Rules()


@RULES.add(r"\b(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)\s*(?:to|–|—|through)\s*"
           r"(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)\b")
def _iso_range(m, ref, prefer):
    start = date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
    end = date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    return DateSpan(start, end, infer_precision(start, end))


# "October 15, 2024 to January 9, 2025": a range with both years named
@RULES.add(rf"\b{_MON}\s+{_DAY},?\s+(?P<y1>(?:19|20)\d\d)\s*(?:-|–|—|to|through|until)\s*"
           r"(?P<mon2>january|february|march|april|may|june|july|august|september|october|"
           r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s+"
           rf"{_DAY2},?\s+{_YEAR}\b")
def _dated_range(m, ref, prefer):
    start = date(int(m["y1"]), _MONTH_ALIASES[m["mon"].lower()], int(m["day"]))
    end = date(int(m["year"]), _MONTH_ALIASES[m["mon2"].lower()], int(m["day2"]))
    if not start < end:
        return None
    return DateSpan(start, end, infer_precision(start, end))


_MON2 = (r"(?P<mon2>january|february|march|april|may|june|july|august|september|october|"
         r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")


# "January 19 to February 1, 2000", "Jan 28 – Feb 3"
@RULES.add(rf"\b{_MON}\s+{_DAY}\s*(?:-|–|—|to|through|until)\s*{_MON2}\s+{_DAY2}\b"
           rf"(?:,?\s+{_YEAR})?")
def _cross_month_range(m, ref, prefer):
    m1, m2 = _MONTH_ALIASES[m["mon"].lower()], _MONTH_ALIASES[m["mon2"].lower()]
    y2 = int(m["year"]) if m["year"] else _resolve_year_for_month(m2, ref, prefer)
    if y2 is None:
        return None
    y1 = y2 if m1 <= m2 else y2 - 1
    start, end = date(y1, m1, int(m["day"])), date(y2, m2, int(m["day2"]))
    if not start <= end:
        return None
    return DateSpan(start, end, infer_precision(start, end))


# "between March 5 and March 20, 2026" (a bare "and" joins two dates, not a run: "Part 1
# on March 5 and Part 2 on April 2"; "between" makes it one)
@RULES.add(rf"\bbetween\s+{_MON}\s+{_DAY}\s*(?:and|-|–|—)\s*{_MON2}\s+{_DAY2}\b"
           rf"(?:,?\s+{_YEAR})?")
def _between_days(m, ref, prefer):
    return _cross_month_range(m, ref, prefer)


# "12/25/2026" (US order) or "25/12/2026": the order a day above 12 shows; month first
# when both fit, as US entertainment sites write them
@RULES.add(r"(?<![\d/])\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b(?!/)")
def _slashed_day(m, ref, prefer):
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return DateSpan.day(date(int(m["y"]), month, day))
    except ValueError:
        return None


@RULES.add(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
@RULES.add(r"(?<![\d/])\b(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)\b(?![/.]\d)")
def _iso(m, ref, prefer):  # also "2027/03/01", "2027.03.01" (East Asian sites)
    try:
        return DateSpan.day(date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


# "January 17 and 18, 2026", "January 17-18, 2026", "January 17 to 18"
@RULES.add(rf"\b{_MON}\s+{_DAY}\s*(?:-|–|—|and|&|to|through|until)\s*{_DAY2}\b(?:,?\s+{_YEAR})?")
def _mon_day_range(m, ref, prefer):
    return _day_range(m, ref, prefer)


# "17-18 January 2026", "17 and 18 January"
@RULES.add(rf"\b{_DAY}\s*(?:-|–|—|and|&|to)\s*{_DAY2}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?")
def _day_range_mon(m, ref, prefer):
    return _day_range(m, ref, prefer)


def _year_of(m, month: int, ref: date | None, prefer: Prefer) -> int | None:
    """The year of a day, a run of days or a part of a month: written, relative ("24
    November last year"), or the one the reference date suggests."""
    if m["year"]:
        return int(m["year"])
    if m.groupdict().get("rel") and ref is not None:
        return _rel_year(m["rel"], ref)
    return _resolve_year_for_month(month, ref, prefer)


def _day_range(m, ref, prefer):
    month = _MONTH_ALIASES[m["mon"].lower()]
    year = _year_of(m, month, ref, prefer)
    if year is None:
        return None
    a, b = int(m["day"]), int(m["day2"])
    if not (1 <= a < b <= calendar.monthrange(year, month)[1]) or b - a > 13:
        return None
    return DateSpan.days(date(year, month, a), date(year, month, b))


# "February 11, 2026", "Feb. 11 2026", "February 11", "November 24 last year"
@RULES.add(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:million|billion|%|percent|episodes?))(?:,?\s+{_YEAR}|"
           r",?\s+(?P<rel>this|next|last)\s+year\b)?")
def _mon_day(m, ref, prefer):
    return _single_day(m, ref, prefer)


# "11 February 2026", "11th of February", "24 November last year"
@RULES.add(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}|,?\s+(?P<rel>this|next|last)\s+year\b)?")
def _day_mon(m, ref, prefer):
    return _single_day(m, ref, prefer)


def _single_day(m, ref, prefer):
    month = _MONTH_ALIASES[m["mon"].lower()]
    if m["mon"] != "May" and m["mon"].lower() in ("may", "mar"):
        return None  # the verb "may", the verb "mar"
    year = _year_of(m, month, ref, prefer)
    if year is None:
        return None
    day = int(m["day"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return DateSpan.day(date(year, month, day))


# "mid-February 2026", "early March", "late 2026" handled separately below
@RULES.add(rf"\b{_EARLY}[\s-]*{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?")
def _part_of_month(m, ref, prefer):
    month = _MONTH_ALIASES[m["mon"].lower()]
    year = _year_of(m, month, ref, prefer)
    if year is None:
        return None
    return DateSpan.part_of_month(year, month, _part_key(m["part"]))


# "Q3 2025", "Q3 of 2025"
@RULES.add(rf"\bQ(?P<q>[1-4])\s*(?:of\s+)?'?{_YEAR}")
def _q(m, ref, prefer):
    return DateSpan.quarter(int(m["year"]), int(m["q"]))


@RULES.add(rf"\b{_YEAR}\s*Q(?P<q>[1-4])\b")
def _yq(m, ref, prefer):
    return DateSpan.quarter(int(m["year"]), int(m["q"]))


# "the third quarter of 2025", "the first quarter of next year", "the fourth quarter"
@RULES.add(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)[\s-]+"
           r"quarter(?:\s+of)?(?:\s+(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|next|last)\s+year"
           r"|the\s+year))?")
def _quarter_words(m, ref, prefer):
    q = _ORDINALS[m["ord"].lower()]
    year = _named_year(m, ref)
    return None if year is None else DateSpan.quarter(year, q)


# "first half of 2026", "the second half of next year", "H2 2025"
@RULES.add(r"\b(?:the\s+)?(?P<ord>first|second|latter|1st|2nd)\s+half(?:\s+of)?"
           r"(?:\s+(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|next|last)\s+year|the\s+year))?")
def _half_words(m, ref, prefer):
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    year = _named_year(m, ref)
    return None if year is None else DateSpan.half(year, h)


@RULES.add(rf"\bH(?P<h>[12])\s*(?:of\s+)?{_YEAR}")
def _h(m, ref, prefer):
    return DateSpan.half(int(m["year"]), int(m["h"]))


# "summer 2024", "spring of 2025", "this fall", "next summer", "summer"
@RULES.add(r"\b(?:(?P<rel>this|next|last|the coming|the following)\s+)?"
           r"(?P<part>early|late|mid)?[\s-]*(?P<season>spring|summer|fall|autumn|winter)"
           r"(?:\s+months)?(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b")
def _season(m, ref, prefer):
    name = _SEASONS[m["season"].lower()]
    if m["year"]:
        return DateSpan.season(int(m["year"]), name)
    if ref is None:
        return None
    if m["rel"]:
        rel = m["rel"].lower()
        this = DateSpan.season(ref.year, name)
        if name == "winter" and ref.month <= 2:
            this = DateSpan.season(ref.year - 1, name)
        if rel == "this":
            return this
        if rel in ("next", "the coming", "the following"):
            return this if this.start > ref else DateSpan.season(this.start.year + 1, name)
        return this if this.end < ref else DateSpan.season(this.start.year - 1, name)
    return None  # a bare "summer" is too vague to place


# "early 2026", "late 2026", "mid-2026", "the end of 2026", "early next year"
@RULES.add(r"\b(?P<part>early|earlier|beginning of|start of|the start of|the beginning of|"
           r"mid|middle of|the middle of|late|later|end of|the end of|the tail end of)"
           r"[\s-]*(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|next|last)\s+year|the\s+year)\b")
def _part_of_year(m, ref, prefer):
    year = _named_year(m, ref)
    if year is None:
        return None
    part = _part_key(m["part"])
    if part == "mid":
        return DateSpan(date(year, 4, 1), date(year, 9, 30), Precision.HALF)
    if ref is not None and year == ref.year and (m["part"].lower() == "later" or (
            part == "late" and re.search(r"\bbefore\s+$", m.string[max(0, m.start() - 8):
                                                                 m.start()], re.I))):
        return _rest_of_year(ref)  # "later this year", "before the end of the year"
    if m["part"].lower() == "earlier" and ref is not None and year == ref.year:
        return _start_of_year_until(ref)
    return DateSpan.half(year, 1 if part == "early" else 2)


def _rest_of_year(ref: date) -> DateSpan:
    """"Later this year": from the day it was said to the end of the year (the annotation
    guideline of tests/data/extract_dev; said in January it is not just the second half)."""
    end = date(ref.year, 12, 31)
    return DateSpan(ref, end, Precision.YEAR) if ref < end else DateSpan.day(ref)


def _start_of_year_until(ref: date) -> DateSpan:
    end = max(date(ref.year, 1, 1), ref - timedelta(days=1))
    return DateSpan(date(ref.year, 1, 1), end, infer_precision(date(ref.year, 1, 1), end)
                    if (end - date(ref.year, 1, 1)).days < 366 else Precision.YEAR)


# "February 2026", "Feb. 2026", "February of 2026"
@RULES.add(rf"\b{_MON}(?:,?\s+(?:of\s+)?){_YEAR}")
def _mon_year(m, ref, prefer):
    return DateSpan.month(int(m["year"]), _MONTH_ALIASES[m["mon"].lower()])


# "in February", "by March", "this July", "next March", "last October"
@RULES.add(r"\b(?:(?P<rel>this|next|last|in|by|until|till|through|into|since|from|during|early|"
           r"late|a|an|as|for)\s+)"
           r"(?P<mon>january|february|march|april|june|july|august|september|october|"
           r"november|december|jan|feb|aug|sept|oct|nov|dec)\b(?!\.?\s+(?:19|20)\d\d)"
           r"(?!\.?\s+\d{1,2}(?:st|nd|rd|th)?\b)")  # "from April 2", "an April 2 debut": a day
def _mon_alone(m, ref, prefer):
    if ref is None:
        return None
    month = _MONTH_ALIASES[m["mon"].lower()]
    rel = m["rel"].lower()
    if rel == "this":
        return DateSpan.month(ref.year, month)
    if rel == "next":
        p: Prefer = "future"
    elif rel in ("last", "since"):
        p = "past"
    else:
        p = prefer
    year = _resolve_year_for_month(month, ref, p)
    return DateSpan.month(year, month)


# a label's value, "Saltmarsh, season 2 (Hulu): January.", "Window: March"
@RULES.add(r"(?<=:\s)(?P<mon>january|february|march|april|june|july|august|september|"
           r"october|november|december)(?=\s*(?:[.,;!)]|$))")
def _labelled_month(m, ref, prefer):
    return _named_month(m, ref, _ahead(prefer))


def _named_month(m, ref, prefer) -> DateSpan | None:
    """The month a rule's "mon" group names, in the year `prefer` points to."""
    if ref is None:
        return None
    month = _MONTH_ALIASES[m["mon"].lower()]
    return DateSpan.month(_resolve_year_for_month(month, ref, prefer), month)


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # "two weeks ago", "in two weeks"


def _month_from(ref: date, months: int) -> DateSpan:
    """The month `months` after (or before) the reference's month."""
    idx = ref.year * 12 + (ref.month - 1) + months
    return DateSpan.month(idx // 12, idx % 12 + 1)


# "this month", "next month", "last month", "this year", "next year", "last year"
@RULES.add(r"\b(?P<rel>this|next|last|the following|the coming|the previous|past)\s+"
           r"(?P<unit>week|month|year)\b")
def _relative_unit(m, ref, prefer):
    if ref is None:
        return None
    rel, unit = m["rel"].lower(), m["unit"].lower()
    step = {"this": 0, "next": 1, "the following": 1, "the coming": 1,
            "last": -1, "the previous": -1, "past": -1}[rel]
    if unit == "year":
        return DateSpan.year(ref.year + step)
    if unit == "month":
        return _month_from(ref, step)
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
    return DateSpan(monday, monday + timedelta(days=6), Precision.DAYS)


# "the end of next month", "early next month", "the middle of this month": a part of it
@RULES.add(r"\b(?P<part>early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of)[\s-]+"
           r"(?P<rel>this|next|last)\s+month\b")
def _part_of_relative_month(m, ref, prefer):
    if ref is None:
        return None
    month = _month_from(ref, {"this": 0, "next": 1, "last": -1}[m["rel"].lower()])
    part = m["part"].lower().split()[-2] if " of" in m["part"].lower() else m["part"].lower()
    part = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}.get(part,
                                                                                      part)
    return DateSpan.part_of_month(month.start.year, month.start.month, part)


# "pushed the start of filming to April", "slipped into the summer": a delay's new target
# (only after such a verb: "drags on into the summer" names no date; a span's own text,
# re-read alone, starts with the preposition)
_MOVED_BEFORE = re.compile(r"\b(?:push|mov|slip|slid|bump|delay|postpon|shift)\w*"
                           r"(?:\s+[\w'’-]+){0,5}\s*$", re.IGNORECASE)


@RULES.add(r"\b(?P<rel>to|into)\s+(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\b"
           r"(?!\s+(?:of\s+)?(?:19|20)\d\d)")
def _moved_to_season(m, ref, prefer):
    if m.start() > 0 and not _MOVED_BEFORE.search(m.string[max(0, m.start() - 60):m.start()]):
        return None
    return _the_season(m, ref, prefer)


@RULES.add(r"\b(?P<rel>to|into)\s+(?P<mon>january|february|march|april|june|july|august|"
           r"september|october|november|december)\b(?!\s+(?:19|20)\d\d)(?!\s+\d)")
def _moved_to_month(m, ref, prefer):
    if m.start() > 0 and not _MOVED_BEFORE.search(m.string[max(0, m.start() - 60):m.start()]):
        return None
    return _named_month(m, ref, prefer)


_DURATION_VERB = re.compile(
    r"\b(?!(?:expected|scheduled|slated|planned|announced|confirmed|dated|released)\b)"
    r"(?:\w{3,}ed|was|were|took|shot|ran|done)\s+(?:filming\s+|shooting\s+|production\s+|"
    r"it\s+|up\s+|everything\s+)?$", re.IGNORECASE)


# "in two weeks", "in 10 days", "in three months", "two weeks from now"
@RULES.add(r"\bin\s+(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
           r"(?P<unit>days?|weeks?|months?)\b(?!\s+(?:of|after|before|later|earlier)\b)|"
           r"\b(?P<n2>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
           r"(?P<unit2>days?|weeks?|months?)\s+from\s+(?:now|today)\b")
def _in_some_time(m, ref, prefer):
    if ref is None or _DURATION_VERB.search(m.string, max(0, m.start() - 40), m.start()):
        return None  # "wrapped filming in three months" is how long it took
    word, unit = (m["n"] or m["n2"]).lower(), (m["unit"] or m["unit2"]).lower().rstrip("s")
    n = _COUNTS.get(word) or int(word)
    if unit == "day":
        return DateSpan.day(ref + timedelta(days=n))
    if unit == "week":  # "in two weeks": give or take a few days
        mid = ref + timedelta(weeks=n)
        return DateSpan(mid - timedelta(days=3), mid + timedelta(days=3), Precision.DAYS)
    return _month_from(ref, n)


@RULES.add(r"\blater\s+this\s+year\b|\b(?:before|by)\s+(?:the\s+)?year['’]?s?\s+end\b|"
           r"\blater\s+in\s+the\s+year\b")
def _later_this_year(m, ref, prefer):
    return None if ref is None else _rest_of_year(ref)


# "by the end of the year": a deadline in the year's second half (what is left of it
# when said after June)
@RULES.add(r"\bby\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b")
def _by_year_end(m, ref, prefer):
    if ref is None:
        return None
    return DateSpan.half(ref.year, 2) if ref.month <= 6 else _rest_of_year(ref)


# release dates pinned to holidays: "a Christmas Day premiere", "in time for Halloween",
# "over the holidays". Christmas alone is the last two weeks of December; Halloween alone
# the week up to it.
_HOLIDAYS = {  # name -> (month, first day, month, last day)
    "christmas day": (12, 25, 12, 25), "christmas eve": (12, 24, 12, 24),
    "christmas": (12, 18, 12, 31), "new year's day": (1, 1, 1, 1),
    "new year's eve": (12, 31, 12, 31), "valentine's day": (2, 14, 2, 14),
    "halloween": (10, 25, 10, 31), "holiday season": (11, 15, 12, 31),
    "holidays": (11, 15, 12, 31),
}


@RULES.add(r"\b(?:(?P<rel>this|next|last)\s+)?(?:the\s+)?(?:(?P<year0>(?:19|20)\d\d)\s+)?"
           r"(?P<h>christmas(?:\s+(?:day|eve))?|"
           r"new\s+year['’]s\s+(?:day|eve)|valentine['’]s\s+day|halloween|holiday\s+season)\b"
           rf"(?:,?\s+{_YEAR}\b|\s+(?P<yrel>next|this|last)\s+year\b)?|"
           r"\b(?:over|for|during|before|after|around|by)\s+the\s+(?P<hs>holidays)\b")
def _holiday(m, ref, prefer):
    name = re.sub(r"\s+", " ", (m["h"] or m["hs"]).lower().replace("’", "'"))
    m1, d1, m2, d2 = _HOLIDAYS[name]
    if m["year"] or m["year0"]:  # "Christmas 2026", "the 2026 holiday season"
        year = int(m["year"] or m["year0"])
    elif m["yrel"] and ref is not None:  # "Christmas next year"
        year = ref.year + {"next": 1, "this": 0, "last": -1}[m["yrel"].lower()]
    elif ref is None:
        return None
    else:
        rel = (m["rel"] or "").lower() if m["h"] else ""
        # a holiday named without a year is, in release news, nearly always the next one
        p: Prefer = "past" if rel == "last" or prefer == "past" and rel != "next" else "future"
        year = _resolve_year_for_month(m2, ref, p)
        if p == "future" and date(year, m2, d2) < ref:
            year += 1  # "Christmas" said on December 28 is next Christmas
    start, end = date(year, m1, d1), date(year, m2, d2)
    return DateSpan(start, end, infer_precision(start, end))


# "earlier this month": from the 1st to the day before it was said
@RULES.add(r"\bearlier\s+(?:this|in\s+the)\s+month\b")
def _earlier_this_month(m, ref, prefer):
    if ref is None:
        return None
    start = ref.replace(day=1)
    end = max(start, ref - timedelta(days=1))
    return DateSpan(start, end, Precision.DAYS if end.day <= MAX_WIDTH[Precision.DAYS]
                    else Precision.MONTH)


@RULES.add(r"\bearlier\s+(?:this|in\s+the)\s+year\b")
def _earlier_this_year(m, ref, prefer):
    return None if ref is None else _start_of_year_until(ref)


@RULES.add(r"\b(?P<w>yesterday|today|tomorrow)\b")
def _deictic_day(m, ref, prefer):
    if ref is None:
        return None
    if m.group()[0].isupper() and re.search(r"[A-Z][\w.]*\s+$", m.string[max(0, m.start() - 30):
                                                                         m.start()]):
        return None  # a name: "USA Today", "Sports Today"
    return DateSpan.day(ref + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[
        m["w"].lower()]))


@RULES.add(r"\b(?P<n>a|one|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?|months?)\s+ago\b")
def _ago(m, ref, prefer):
    if ref is None:
        return None
    n = _COUNTS.get(m["n"].lower()) or int(m["n"])
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return DateSpan.day(ref - timedelta(days=n))
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) - timedelta(weeks=n)
        return DateSpan(monday, monday + timedelta(days=6), Precision.DAYS)
    return _month_from(ref, -n)


# "in May", "by May", "a May premiere": the month May only when capitalised after a
# preposition, so the verb "may" is never read as a date
@RULES.add(r"\b(?P<rel>(?i:this|next|last|in|by|until|since|from|during|early|late|mid|a|as|"
           r"for))"
           r"[\s-]+(?P<mon>(?-i:May))\b(?!\s+(?:19|20)\d\d)")
def _may_alone(m, ref, prefer):
    return _mon_alone(m, ref, prefer)


_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}


# "confirmed Friday", "on Monday": the weekday nearest the reference date (the past one
# on a tie; the next one when the caller prefers the future). "Wednesday season 3" is
# the show.
# (not a habit: "every Saturday and Sunday", "on Saturdays")
@RULES.add(r"(?<![-–/])(?<!every\s)(?<!each\s)(?<!every\s\w{6}\sand\s)(?<!every\s\w{7}\sand\s)"
           r"(?<!every\s\w{8}\sand\s)\b(?:on\s+|this\s+|last\s+|next\s+)?(?P<wd>monday|tuesday|"
           r"wednesday|thursday|friday|saturday|sunday)\b(?![-–/]|,?\s+(?:\d|jan|feb|mar|apr|may|"
           r"jun|jul|aug|sep|oct|nov|dec|the\s+\d|nights?|slot|evenings?|mornings?|schedule)|"
           r"\s+(?:season|series)\b|\s+and\s+\w+days\b)")
def _weekday(m, ref, prefer):
    if ref is None:
        return None
    wd = _WEEKDAYS[m["wd"].lower()]
    text = m.group().lower()
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if text.startswith("next") or prefer == "future":
        delta = fwd or (7 if text.startswith("next") else 0)
    elif text.startswith("last") or prefer == "past" or back <= fwd:
        delta = -(back or (7 if text.startswith("last") else 0))
    else:
        delta = fwd
    return DateSpan.day(ref + timedelta(days=delta))


# "in the fall", "over the summer": the instance of that season nearest the reference
@RULES.add(r"\b(?:in|during|over|since|by|until|till|this\s+past|this\s+coming)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?"
           r"(?P<season>spring|summer|fall|autumn|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)")
def _the_season(m, ref, prefer):
    if ref is None:
        return None
    name = _SEASONS[m["season"].lower()]
    options = [DateSpan.season(y, name) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if prefer == "past" or m.group().lower().startswith(("since", "this past")):
        options = [o for o in options if o.start <= ref] or options
    elif prefer == "future" or m.group().lower().startswith("this coming"):
        options = [o for o in options if o.end >= ref] or options

    def distance(o: DateSpan) -> int:
        if o.contains(ref):
            return 0
        return min(abs((o.start - ref).days), abs((o.end - ref).days))

    return min(options, key=distance)


# a label's value: "Kingfisher Road, season 2 (Disney+): spring."
@RULES.add(r"(?<=:\s)(?:(?:early|late|mid)[\s-]*)?(?P<season>spring|summer|fall|autumn|winter)"
           r"(?=\s*(?:[.,;!)]|$))")
def _labelled_season(m, ref, prefer):
    return _the_season(m, ref, _ahead(prefer))


def _ahead(prefer: Prefer) -> Prefer:
    """A label's bare month or season is most often a date to come (a list of
    premieres); a caller reading the past says so."""
    return "future" if prefer == "nearest" else prefer


# "September last year", "March of next year"
@RULES.add(rf"\b{_MON}\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b")
def _mon_rel_year(m, ref, prefer):
    if ref is None:
        return None
    return DateSpan.month(_rel_year(m["rel"], ref), _MONTH_ALIASES[m["mon"].lower()])


# "the latter part of the year", "the back half of next year", "the early part of 2026"
@RULES.add(r"\b(?:the\s+)?(?P<which>latter|later|back|early|earlier|first|second)\s+"
           r"(?:part|half|months)\s+of\s+(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|next|last)\s+"
           r"year|the\s+year)\b")
def _part_of_year_words(m, ref, prefer):
    year = _named_year(m, ref)
    if year is None:
        return None
    h = 1 if m["which"].lower() in ("early", "earlier", "first") else 2
    return DateSpan.half(year, h)


# "from October to December 2023": a run, dated by its first month (what a premiere or a
# shoot start is dated by); "between March and May 2025" is a window: all of it
@RULES.add(rf"\b(?:from|between)\s+{_MON}\s+(?:to|through|until|and|-|–)\s+"
           r"(?P<mon2>january|february|march|april|may|june|july|august|september|october|"
           rf"november|december)(?:,?\s+{_YEAR})")
@RULES.add(rf"\b(?:from|between)\s+{_MON}\s+(?P<year1>(?:19|20)\d\d)\s+(?:to|through|until|"
           r"and|-|–)\s+(?P<mon2>january|february|march|april|may|june|july|august|september|"
           rf"october|november|december)\s+{_YEAR}\b")
def _month_run(m, ref, prefer):
    last_year = int(m["year"])
    first, last = _MONTH_ALIASES[m["mon"].lower()], _MONTH_ALIASES[m["mon2"].lower()]
    first_year = int(m["year1"]) if "year1" in m.groupdict() and m["year1"] else (
        last_year - 1 if first > last else last_year)
    start, end = date(first_year, first, 1), _month_end(last_year, last)
    if not m.group().lower().startswith("between") or not 0 < (end - start).days < 366:
        return DateSpan.month(first_year, first)
    return DateSpan(start, end, infer_precision(start, end))


# "September or October 2024": either month, so the window holding both
@RULES.add(rf"\b{_MON}\s+or\s+(?P<mon2>january|february|march|april|may|june|july|august|"
           rf"september|october|november|december),?\s+{_YEAR}\b")
def _month_or_month(m, ref, prefer):
    year = int(m["year"])
    first, last = _MONTH_ALIASES[m["mon"].lower()], _MONTH_ALIASES[m["mon2"].lower()]
    if not 0 < last - first <= 2:
        return DateSpan.month(year, last)  # "May or December 2025": no one window
    start, end = date(year, first, 1), _month_end(year, last)
    return DateSpan(start, end, infer_precision(start, end))


# a bare year last, so that every longer phrase containing one wins
@RULES.add(r"(?<![\d.,$£€-])\b(?P<year>(?:19|20)\d\d)\b(?![\d,.]\d|\s*(?:million|billion|%|"
           r"percent|hours|views|episodes))")
def _bare_year(m, ref, prefer):
    return DateSpan.year(int(m["year"]))


def find_datespans(
    text: str, reference: date | None = None, prefer: Prefer = "nearest"
) -> list[TaggedSpan]:
    """Every date phrase in `text`, longest match first, without overlaps, in text order."""
    found: list[TaggedSpan] = []
    lower = caseless_copy(text)
    for pattern, handler in RULES.rules:
        for m in pattern.finditer(text, lower):
            try:
                span = handler(m, reference, prefer)
            except (ValueError, KeyError):
                span = None
            if span is None:
                continue
            raw = text[m.start():m.end()].strip()
            found.append(TaggedSpan(m.start(), m.start() + len(raw),
                                    replace(span, text=raw)))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    chosen: list[TaggedSpan] = []
    covered = bytearray(len(text) + 1)  # linear-time overlap test, even on huge input
    for t in found:
        if covered.find(1, t.start, t.end) < 0:
            chosen.append(t)
            covered[t.start:t.end] = b"\x01" * (t.end - t.start)
    return sorted(chosen, key=lambda t: t.start)


def iter_datespans(text: str, reference: date | None = None) -> Iterator[DateSpan]:
    for t in find_datespans(text, reference):
        yield t.span


def parse_datespan(
    text: str, reference: date | None = None, prefer: Prefer = "nearest"
) -> DateSpan | None:
    """Parse one date phrase; None when the words hold no date we can place.

    The phrase may carry filler such as "in", "by" or "around"; the longest date found
    is taken.
    """
    text = text.strip()
    if not text:
        return None
    try:
        return DateSpan.from_iso(text) if re.fullmatch(r"\d{4}-\d\d-\d\d", text) else _best(
            text, reference, prefer)
    except (ValueError, DateSpanError):
        return None


def _best(text: str, reference: date | None, prefer: Prefer) -> DateSpan | None:
    tagged = find_datespans(text, reference, prefer)
    if not tagged:
        return None
    best = max(tagged, key=lambda t: t.end - t.start)
    return replace(best.span, text=text)
