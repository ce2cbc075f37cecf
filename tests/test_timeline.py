"""Reconciling claims into one timeline: leads, conflicts, superseded plans, status."""

from datetime import date

from seasoncast.datespan import DateSpan
from seasoncast.model import Event, Kind, Modality, Status, Tier
from seasoncast.timeline import leading_report, reconcile_timeline

TIERS = {"https://netflix.example/": Tier.OFFICIAL, "https://trade.example/": Tier.TRADE,
         "https://fans.example/": Tier.FAN}


def tier_of(url: str) -> Tier:
    return next((t for prefix, t in TIERS.items() if url.startswith(prefix)), Tier.NEWS)


def ev(kind, modality, span, known_on, url):
    return Event("Show", 2, Kind(kind), Modality(modality), span, known_on, url)


EVENTS = [
    ev("renewal", "happened", DateSpan.month(2022, 6), date(2022, 6, 7),
       "https://netflix.example/renewal"),
    ev("filming_start", "planned", DateSpan.year(2024), date(2023, 5, 1),
       "https://fans.example/plan-2024"),
    ev("delay", "happened", DateSpan.year(2025), date(2024, 5, 23),
       "https://trade.example/delay"),
    ev("filming_start", "happened", DateSpan.month(2025, 7), date(2025, 8, 1),
       "https://trade.example/start"),
    ev("filming_wrap", "planned", DateSpan.part_of_month(2026, 2, "mid"), date(2026, 1, 10),
       "https://fans.example/wrap-plan"),
    ev("filming_wrap", "happened", DateSpan.day(date(2026, 2, 18)), date(2026, 2, 20),
       "https://fans.example/wrap-18"),
    ev("filming_wrap", "happened", DateSpan.day(date(2026, 2, 19)), date(2026, 2, 21),
       "https://trade.example/wrap-19"),
]


def test_plans_superseded_and_conflicts_visible():
    tl = reconcile_timeline("Show", 2, EVENTS, date(2026, 3, 1), tier_of)
    plans = [e for e in tl.entries if e.modality is Modality.PLANNED]
    assert plans and all(e.superseded for e in plans)
    wrap = next(e for e in tl.entries if e.kind is Kind.FILMING_WRAP
                and e.modality is Modality.HAPPENED)
    # the trade report leads; the fan site's different day stays visible as a conflict
    assert wrap.lead.source_url == "https://trade.example/wrap-19"
    assert [c.source_url for c in wrap.conflicting] == ["https://fans.example/wrap-18"]
    assert set(wrap.sources) == {"https://trade.example/wrap-19", "https://fans.example/wrap-18"}
    assert tl.status is Status.POST_PRODUCTION
    assert tl.status_reason.kind is Kind.FILMING_WRAP



def test_the_status_names_the_leading_report_not_the_latest():
    # a fan site repeats its February 18 a week after the trade's February 19
    late = ev("filming_wrap", "happened", DateSpan.day(date(2026, 2, 18)), date(2026, 2, 28),
              "https://fans.example/wrap-18-again")
    tl = reconcile_timeline("Show", 2, [*EVENTS, late], date(2026, 3, 1), tier_of)
    assert tl.status_reason.source_url == "https://trade.example/wrap-19"
    assert leading_report(late, [*EVENTS, late], tier_of).source_url == \
        "https://trade.example/wrap-19"


def test_a_final_season_that_premiered_is_released_not_cancelled():
    final = [*EVENTS, ev("cancellation", "announced", DateSpan.day(date(2026, 3, 2)),
                         date(2026, 3, 2), "https://netflix.example/final-season")]
    assert reconcile_timeline("Show", 2, final, date(2026, 3, 3), tier_of).status is \
        Status.CANCELLED
    aired = [*final, ev("release", "happened", DateSpan.day(date(2027, 3, 5)),
                        date(2027, 3, 5), "https://netflix.example/premiere")]
    assert reconcile_timeline("Show", 2, aired, date(2027, 3, 6), tier_of).status is \
        Status.RELEASED


def test_status_follows_the_as_of_day():
    assert reconcile_timeline("Show", 2, EVENTS, date(2023, 1, 1), tier_of).status is \
        Status.ANNOUNCED
    mid = reconcile_timeline("Show", 2, EVENTS, date(2026, 1, 12), tier_of)
    assert mid.status is Status.FILMING
    current_plan = [e for e in mid.current if e.kind is Kind.FILMING_WRAP]
    assert current_plan and not current_plan[0].superseded  # not yet overtaken on that day
    released = [*EVENTS, ev("release", "happened", DateSpan.day(date(2027, 3, 5)),
                            date(2027, 3, 5), "https://netflix.example/premiere")]
    assert reconcile_timeline("Show", 2, released, date(2027, 3, 6), tier_of).status is \
        Status.RELEASED


def test_agreeing_reports_corroborate():
    extra = ev("filming_start", "happened", DateSpan.day(date(2025, 7, 14)), date(2025, 7, 20),
               "https://fans.example/start-day")
    tl = reconcile_timeline("Show", 2, [*EVENTS, extra], date(2026, 3, 1), tier_of)
    starts = [e for e in tl.entries if e.kind is Kind.FILMING_START
              and e.modality is Modality.HAPPENED]
    assert len(starts) == 1 and not starts[0].conflicting
    assert len(starts[0].sources) == 2


def test_a_passed_official_date_stays_the_status_until_a_delay_is_reported():
    dated = EVENTS + [ev("release", "announced", DateSpan.day(date(2026, 6, 14)),
                         date(2026, 4, 2), "https://netflix.example/date")]
    later = reconcile_timeline("Show", 2, dated, date(2026, 9, 1), tier_of)
    assert later.status is Status.SCHEDULED  # the data has not caught up, most likely
    assert later.status_reason.date.start == date(2026, 6, 14)
    delayed = dated + [ev("delay", "happened", DateSpan.year(2027), date(2026, 6, 1),
                          "https://trade.example/delay-2027")]
    assert reconcile_timeline("Show", 2, delayed, date(2026, 9, 1),
                              tier_of).status is Status.POST_PRODUCTION


def test_a_season_announced_without_a_renewal_on_file_names_its_announcement():
    window = [ev("release", "announced", DateSpan.year(2027), date(2025, 12, 21),
                 "https://netflix.example/window"),
              ev("slate_listing", "denied", DateSpan.year(2026), date(2026, 1, 7),
                 "https://trade.example/absent")]
    tl = reconcile_timeline("Show", 2, window, date(2026, 3, 1), tier_of)
    assert tl.status is Status.ANNOUNCED
    assert tl.status_reason.source_url == "https://netflix.example/window"
    absent_only = reconcile_timeline("Show", 2, window[1:], date(2026, 3, 1), tier_of)
    assert absent_only.status_reason is None  # an absence announces nothing
