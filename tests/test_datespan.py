from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seasoncast.datespan import (
    MAX_WIDTH,
    DateSpan,
    DateSpanError,
    Precision,
    describe,
    find_datespans,
    parse_datespan,
)

REF = date(2026, 1, 12)  # a Monday

CASES = [
    # exact days
    ("February 19, 2026", "2026-02-19", "2026-02-19", "day"),
    ("Feb. 19, 2026", "2026-02-19", "2026-02-19", "day"),
    ("Feb 19 2026", "2026-02-19", "2026-02-19", "day"),
    ("19 February 2026", "2026-02-19", "2026-02-19", "day"),
    ("19th of February 2026", "2026-02-19", "2026-02-19", "day"),
    ("2026-02-19", "2026-02-19", "2026-02-19", "day"),
    ("on January 28, 2022", "2022-01-28", "2022-01-28", "day"),
    ("March 1st, 2025", "2025-03-01", "2025-03-01", "day"),
    ("May 5, 2024", "2024-05-05", "2024-05-05", "day"),
    ("December 26", "2025-12-26", "2025-12-26", "day"),
    ("February 3", "2026-02-03", "2026-02-03", "day"),
    # day ranges
    ("January 17 and 18, 2026", "2026-01-17", "2026-01-18", "days"),
    ("January 17-18, 2026", "2026-01-17", "2026-01-18", "days"),
    ("January 17–18, 2026", "2026-01-17", "2026-01-18", "days"),
    ("17-18 January 2026", "2026-01-17", "2026-01-18", "days"),
    ("17 and 18 January", "2026-01-17", "2026-01-18", "days"),
    ("June 11 to 14, 2024", "2024-06-11", "2024-06-14", "days"),
    # parts of a month
    ("mid-February 2026", "2026-02-11", "2026-02-20", "part_of_month"),
    ("mid February 2026", "2026-02-11", "2026-02-20", "part_of_month"),
    ("early March 2025", "2025-03-01", "2025-03-10", "part_of_month"),
    ("late March 2025", "2025-03-21", "2025-03-31", "part_of_month"),
    ("late February 2024", "2024-02-21", "2024-02-29", "part_of_month"),
    ("the end of June 2025", "2025-06-21", "2025-06-30", "part_of_month"),
    ("the beginning of April 2023", "2023-04-01", "2023-04-10", "part_of_month"),
    ("mid-February", "2026-02-11", "2026-02-20", "part_of_month"),
    # months
    ("July 2025", "2025-07-01", "2025-07-31", "month"),
    ("June 2022", "2022-06-01", "2022-06-30", "month"),
    ("December 2026", "2026-12-01", "2026-12-31", "month"),
    ("Dec. 2026", "2026-12-01", "2026-12-31", "month"),
    ("February of 2024", "2024-02-01", "2024-02-29", "month"),
    ("in February", "2026-02-01", "2026-02-28", "month"),
    ("this March", "2026-03-01", "2026-03-31", "month"),
    ("next month", "2026-02-01", "2026-02-28", "month"),
    ("last month", "2025-12-01", "2025-12-31", "month"),
    ("this month", "2026-01-01", "2026-01-31", "month"),
    ("two months ago", "2025-11-01", "2025-11-30", "month"),
    # quarters
    ("Q3 2025", "2025-07-01", "2025-09-30", "quarter"),
    ("Q1 2027", "2027-01-01", "2027-03-31", "quarter"),
    ("2026 Q4", "2026-10-01", "2026-12-31", "quarter"),
    ("the third quarter of 2025", "2025-07-01", "2025-09-30", "quarter"),
    ("the first quarter of next year", "2027-01-01", "2027-03-31", "quarter"),
    ("the fourth quarter", "2026-10-01", "2026-12-31", "quarter"),
    # seasons of the year
    ("summer 2024", "2024-06-01", "2024-08-31", "season"),
    ("spring of 2025", "2025-03-01", "2025-05-31", "season"),
    ("fall 2025", "2025-09-01", "2025-11-30", "season"),
    ("autumn 2025", "2025-09-01", "2025-11-30", "season"),
    ("winter 2025", "2025-12-01", "2026-02-28", "season"),
    ("this summer", "2026-06-01", "2026-08-31", "season"),
    ("next spring", "2026-03-01", "2026-05-31", "season"),
    ("last fall", "2025-09-01", "2025-11-30", "season"),
    # halves
    ("late 2026", "2026-07-01", "2026-12-31", "half"),
    ("early 2027", "2027-01-01", "2027-06-30", "half"),
    ("the end of 2026", "2026-07-01", "2026-12-31", "half"),
    ("early next year", "2027-01-01", "2027-06-30", "half"),
    ("late next year", "2027-07-01", "2027-12-31", "half"),
    ("the first half of 2027", "2027-01-01", "2027-06-30", "half"),
    ("second half of 2025", "2025-07-01", "2025-12-31", "half"),
    ("H2 2025", "2025-07-01", "2025-12-31", "half"),
    ("H1 of 2026", "2026-01-01", "2026-06-30", "half"),
    ("later this year", "2026-01-12", "2026-12-31", "year"),
    ("earlier this month", "2026-01-01", "2026-01-11", "days"),
    ("earlier in the month", "2026-01-01", "2026-01-11", "days"),
    ("the beginning of 2025", "2025-01-01", "2025-06-30", "half"),
    # years
    ("2027", "2027-01-01", "2027-12-31", "year"),
    ("in 2024", "2024-01-01", "2024-12-31", "year"),
    ("next year", "2027-01-01", "2027-12-31", "year"),
    ("this year", "2026-01-01", "2026-12-31", "year"),
    ("last year", "2025-01-01", "2025-12-31", "year"),
    # short relative
    ("last week", "2026-01-05", "2026-01-11", "days"),
    ("next week", "2026-01-19", "2026-01-25", "days"),
    ("yesterday", "2026-01-11", "2026-01-11", "day"),
    ("today", "2026-01-12", "2026-01-12", "day"),
    ("three days ago", "2026-01-09", "2026-01-09", "day"),
    # holidays: a bare one is the next one, a release pinned to it its days
    ("Christmas Day", "2026-12-25", "2026-12-25", "day"),
    ("around Christmas 2025", "2025-12-18", "2025-12-31", "days"),
    ("in time for Halloween", "2026-10-25", "2026-10-31", "days"),
    ("this holiday season", "2026-11-15", "2026-12-31", "quarter"),
    ("Valentine's Day 2027", "2027-02-14", "2027-02-14", "day"),
    ("from April 2", "2026-04-02", "2026-04-02", "day"),
    ("through March", "2026-03-01", "2026-03-31", "month"),
    ("12/25/2026", "2026-12-25", "2026-12-25", "day"),  # US order
    ("25/12/2026", "2026-12-25", "2026-12-25", "day"),  # a day above 12 goes first
    ("the 2027 holiday season", "2027-11-15", "2027-12-31", "quarter"),  # the year before
    # "between" makes a window of the two days; the first takes the second's year
    ("between November 5 and December 20, 2027", "2027-11-05", "2027-12-20", "quarter"),
]


def test_a_weekly_habit_is_no_date():
    assert find_datespans("it will meet viewers every Saturday and Sunday", REF) == []
    assert find_datespans("new episodes every Friday", REF) == []


@pytest.mark.parametrize(("text", "start", "end", "precision"), CASES)
def test_phrasings(text, start, end, precision):
    span = parse_datespan(text, REF)
    assert span is not None, text
    assert (span.start.isoformat(), span.end.isoformat(), span.precision.value) == (
        start, end, precision)


def test_there_are_at_least_sixty_phrasings():
    assert len(CASES) >= 60


@pytest.mark.parametrize("text", ["soon", "", "Season 2 may arrive", "55.5 million views",
                                  "episode 12", "in the coming months", "summer"])
def test_no_date(text):
    assert parse_datespan(text, REF) is None


def test_relative_phrases_need_a_reference():
    assert parse_datespan("next month") is None
    assert parse_datespan("July 2025") is not None


def test_a_holiday_in_the_past_tense_is_the_last_one():
    assert parse_datespan("Christmas", REF, prefer="past").start == date(2025, 12, 18)
    assert parse_datespan("last Christmas", REF).start == date(2025, 12, 18)
    assert parse_datespan("the summer holidays", REF) is None  # not the year-end holidays


def test_prefer_past_and_future_for_a_bare_month():
    assert parse_datespan("in July", REF, prefer="past").start == date(2025, 7, 1)
    assert parse_datespan("in July", REF, prefer="future").start == date(2026, 7, 1)


def test_tagger_finds_several_dates_with_offsets():
    text = ("Filming began in July 2025 and should wrap by mid-February 2026, with extra "
            "shooting on January 17 and 18, 2026; 55.5 million views; maybe 2027.")
    tags = find_datespans(text, REF)
    assert [text[t.start:t.end] for t in tags] == [
        "July 2025", "mid-February 2026", "January 17 and 18, 2026", "2027"]


def test_numbers_are_not_years():
    assert find_datespans("It drew 2025 million hours and $2026 in costs", REF) == []


def test_describe_reads_naturally():
    assert describe(DateSpan.part_of_month(2026, 2, "mid")) == "mid-February 2026"
    assert describe(DateSpan.year(2027)) == "2027"
    assert describe(DateSpan.quarter(2025, 3)) == "Q3 2025"
    across = DateSpan.days(date(2025, 12, 29), date(2026, 1, 4))
    assert describe(across) == "December 29, 2025 to January 4, 2026"
    assert parse_datespan(describe(across), REF).same_dates(across)


def test_invalid_spans_are_refused():
    with pytest.raises(DateSpanError):
        DateSpan(date(2026, 2, 2), date(2026, 2, 1), Precision.DAY)
    with pytest.raises(DateSpanError):
        DateSpan(date(2026, 1, 1), date(2026, 3, 1), Precision.MONTH)


def test_comparison_and_arithmetic():
    a, b = DateSpan.month(2026, 2), DateSpan.month(2026, 3)
    assert a < b and b > a and a <= a
    assert (a + 28).start == date(2026, 3, 1)
    assert (b - a) == 28
    assert a.contains(date(2026, 2, 14)) and not a.overlaps(b)
    assert DateSpan.year(2026).intersection(a).same_dates(a)


dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@st.composite
def spans(draw):
    d = draw(dates)
    kind = draw(st.sampled_from(["day", "days", "part", "month", "quarter", "season", "half",
                                 "year"]))
    if kind == "day":
        return DateSpan.day(d)
    if kind == "days":
        return DateSpan.days(d, d + timedelta(days=draw(st.integers(1, 13))))
    if kind == "part":
        return DateSpan.part_of_month(d.year, d.month, draw(st.sampled_from(
            ["early", "mid", "late"])))
    if kind == "month":
        return DateSpan.month(d.year, d.month)
    if kind == "quarter":
        return DateSpan.quarter(d.year, draw(st.integers(1, 4)))
    if kind == "season":
        return DateSpan.season(d.year, draw(st.sampled_from(["spring", "summer", "fall",
                                                              "winter"])))
    if kind == "half":
        return DateSpan.half(d.year, draw(st.integers(1, 2)))
    return DateSpan.year(d.year)


@given(spans())
def test_start_before_end_and_width_fits_precision(span):
    assert span.start <= span.end
    assert 1 <= span.width_days <= MAX_WIDTH[span.precision]


@given(spans())
def test_round_trip_through_iso(span):
    again = DateSpan.from_dict(span.to_dict())
    assert again == span
    assert DateSpan.from_iso(span.start.isoformat(), span.end.isoformat(),
                             span.precision.value) == span


@given(spans())
def test_described_words_parse_back_to_the_same_dates(span):
    parsed = parse_datespan(describe(span), REF)
    assert parsed is not None and parsed.same_dates(span)


@given(spans(), st.integers(-4000, 4000))
def test_shift_keeps_width(span, days):
    moved = span.shift(days)
    assert moved.width_days == span.width_days and (moved - span) == days


@given(st.text(max_size=300))
def test_tagger_never_crashes_on_random_text(text):
    for t in find_datespans(text, REF):
        assert 0 <= t.start < t.end <= len(text)


def test_some_time_from_the_article():
    ref = date(2026, 1, 21)
    assert parse_datespan("in two weeks", ref).same_dates(DateSpan.days(date(2026, 2, 1),
                                                                       date(2026, 2, 7)))
    assert parse_datespan("in 10 days", ref).same_dates(DateSpan.day(date(2026, 1, 31)))
    assert parse_datespan("three months from now", ref).same_dates(DateSpan.month(2026, 4))
    assert parse_datespan("in two weeks", None) is None  # no article date, no day
    # how long something took is no date
    assert [t.span for t in find_datespans("Filming wrapped in three months.", ref)] == []



def test_earlier_this_month_said_late_in_the_month():
    (tag,) = find_datespans("renewed earlier this month", date(2026, 2, 24))
    assert (tag.span.start, tag.span.end) == (date(2026, 2, 1), date(2026, 2, 23))


def test_a_wide_unusual_span_is_told_as_between():
    span = DateSpan(date(2024, 10, 15), date(2025, 1, 9), Precision.YEAR)
    assert describe(span) == "between October 15, 2024 and January 9, 2025"


def test_a_labels_bare_month_or_season_is_the_next_one():
    ref = date(2025, 12, 9)
    got = [(t.span.start, t.span.end) for t in find_datespans(
        "Saltmarsh (Hulu): January. Kingfisher Road (Disney+): spring. He said: March is", ref)]
    assert got == [(date(2026, 1, 1), date(2026, 1, 31)), (date(2026, 3, 1), date(2026, 5, 31))]
