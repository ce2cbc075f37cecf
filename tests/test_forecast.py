"""The forecaster on small synthetic reference data whose answer we know."""

import random
from datetime import date, timedelta

import numpy as np
import pytest

from seasoncast.datespan import DateSpan, describe
from seasoncast.forecast.backtest import protocol, run_backtest, scores
from seasoncast.forecast.baselines import ReferenceClass, previous_gap, rule_of_thumb
from seasoncast.forecast.calibration import PitMap, pit
from seasoncast.forecast.distribution import DayDistribution
from seasoncast.forecast.model import PremiereForecaster, TrainingSet, season_info
from seasoncast.model import Event, Kind, Modality, Season
from seasoncast.reference import ReferenceData

URL = "https://example.org/"


def ev(title, n, kind, modality, span, known_on):
    return Event(title, n, Kind(kind), Modality(modality), span, known_on, URL + title, None)


def generated(prefix: str, n_titles: int, seed: int, events_of) -> ReferenceData:
    """First seasons of made-up Netflix titles, each with `events_of(title, rng)`."""
    rng = random.Random(seed)
    data = ReferenceData()
    for i in range(n_titles):
        title = f"{prefix} {i}"
        data.seasons.append(Season(title, 1, platform="Netflix", country="US"))
        data.events += events_of(title, rng)
    return data


def synthetic(n_titles=80, seed=1, wrap_to_premiere=200):
    """Titles whose premiere comes ~`wrap_to_premiere` days after the wrap."""
    def events_of(title, rng):
        start = date(2017, 1, 1) + timedelta(days=rng.randrange(0, 2500))
        wrap = start + timedelta(days=rng.randrange(90, 150))
        premiere = wrap + timedelta(days=int(wrap_to_premiere * rng.uniform(0.85, 1.15)))
        return [ev(title, 1, "filming_start", "happened", DateSpan.day(start), start),
                ev(title, 1, "filming_wrap", "happened", DateSpan.day(wrap), wrap),
                ev(title, 1, "release", "happened", DateSpan.day(premiere), premiere)]
    return generated("Show", n_titles, seed, events_of)


@pytest.fixture(scope="module")
def data():
    return synthetic()


@pytest.fixture(scope="module")
def model(data):
    return PremiereForecaster().fit(data, date(2026, 1, 1))


def target(wrap: date, extra=()):
    return [ev("Target", 1, "filming_start", "happened", DateSpan.day(wrap - timedelta(100)),
               wrap - timedelta(100)),
            ev("Target", 1, "filming_wrap", "happened", DateSpan.day(wrap), wrap), *extra]


def test_learns_the_typical_gap_after_wrap(model):
    wrap = date(2026, 1, 10)
    fc = model.predict(target(wrap), Season("Target", 1, platform="Netflix", country="US"), 1,
                       date(2026, 1, 20))
    median = fc.dist.quantile(0.5)
    assert abs((median - wrap).days - 200) <= 15
    lo, hi = fc.interval(0.8)
    assert lo < median < hi
    assert "filming wrapped" in fc.drivers[0]


def test_no_probability_before_the_as_of_day(model):
    wrap = date(2025, 1, 10)
    as_of = date(2025, 9, 1)  # well past the typical premiere, still nothing
    fc = model.predict(target(wrap), None, 1, as_of)
    assert fc.dist.quantile(0.0001) >= as_of
    assert fc.dist.quantile(0.5) > as_of
    # the reasons say why the median is later than the typical gap after a wrap
    waited = [d for d in fc.drivers if d.startswith("no premiere in the 8 months since")]
    assert waited and describe(DateSpan.day(fc.dist.quantile(0.5))) in waited[0]


def test_official_date_concentrates_the_forecast(model):
    wrap = date(2026, 1, 10)
    day = date(2026, 10, 2)
    extra = [ev("Target", 1, "release", "announced", DateSpan.day(day), date(2026, 6, 1))]
    fc = model.predict(target(wrap, extra), None, 1, date(2026, 6, 2))
    assert fc.dist.prob_between(day, day) > 0.8
    assert fc.dist.quantile(0.5) == day
    assert any("official premiere date" in d for d in fc.drivers)


def test_slate_absence_lowers_that_year(model):
    wrap = date(2026, 3, 1)
    base = model.predict(target(wrap), None, 1, date(2026, 3, 10))
    denied = [ev("Target", 1, "slate_listing", "denied", DateSpan.year(2026), date(2026, 3, 5))]
    fc = model.predict(target(wrap, denied), None, 1, date(2026, 3, 10))
    assert fc.dist.p_by_year()["2026"] < base.dist.p_by_year()["2026"]
    # a second outlet reporting the same absence is one piece of evidence, said once
    again = [*denied, ev("Target", 1, "slate_listing", "denied", DateSpan.year(2026),
                         date(2026, 3, 6))]
    twice = model.predict(target(wrap, again), None, 1, date(2026, 3, 10))
    assert twice.dist.p_by_year() == fc.dist.p_by_year()
    said = [d for d in twice.drivers if d.startswith("absent from")]
    assert len(said) == 1 and "2 reports" in said[0]


def test_released_season_collapses(model):
    events = target(date(2025, 1, 1), [ev("Target", 1, "release", "happened",
                                          DateSpan.day(date(2025, 8, 1)), date(2025, 8, 1))])
    fc = model.predict(events, None, 1, date(2025, 9, 1))
    out = fc.to_dict()
    assert out["released"] == "2025-08-01" and out["status"] == "released"
    assert out["quantiles"]["p05"] == out["quantiles"]["p95"] == "2025-08-01"


def test_json_shape_follows_the_contract(model):
    out = model.predict(target(date(2026, 1, 10)), None, 1, date(2026, 1, 20)).to_dict()
    assert set(out) >= {"title", "season", "as_of", "status", "released", "quantiles",
                        "p_by_year", "cdf", "drivers", "model"}
    assert list(out["quantiles"]) == ["p05", "p10", "p25", "p50", "p75", "p90", "p95"]
    assert len(out["cdf"]) == 60 and out["cdf"][0][0] == "2026-01-31"
    probs = [p for _, p in out["cdf"]]
    assert probs == sorted(probs)
    assert abs(sum(out["p_by_year"].values()) - 1) < 0.01
    assert list(out["p_by_year"])[-1] == "later"


def test_censored_seasons_lengthen_the_forecast():
    """Seasons still waiting at the cut-off are information: dropping them would bias
    the model towards short gaps."""
    data = synthetic(60, seed=2)
    cutoff = date(2026, 1, 1)
    for i in range(30):  # wrapped long ago, still no premiere by the cut-off
        wrap = date(2024, 1, 1) + timedelta(days=i)
        data.seasons.append(Season(f"Waiting {i}", 1, platform="Netflix", country="US"))
        data.events.append(ev(f"Waiting {i}", 1, "filming_wrap", "happened",
                              DateSpan.day(wrap), wrap))
    with_censored = PremiereForecaster().fit(data, cutoff).stage_models["filming_wrap"]
    rows = TrainingSet.build(data, cutoff)
    assert sum(1 for r in rows.rows if r["stage"] == "filming_wrap" and r["E"] == 0) == 30
    without = PremiereForecaster().fit(synthetic(60, seed=2), cutoff).stage_models[
        "filming_wrap"]
    assert with_censored.mu({}) > without.mu({})


def test_training_never_sees_rows_known_after_the_cutoff(data):
    ts = TrainingSet.build(data, date(2019, 1, 1))
    assert all(r["T"] >= 1 for r in ts.rows)
    # seasons that premiered after the cut-off appear as censored, never as events
    late = {e.title for e in data.events if e.kind is Kind.RELEASE
            and e.date.start > date(2019, 1, 1)}
    assert all(r["E"] == 0 for r in ts.rows if r["title"] in late)


def test_baselines(data):
    wrap = date(2026, 1, 10)
    rot = rule_of_thumb(target(wrap), 1, date(2026, 1, 20))
    assert rot.quantile(0.5) == wrap + timedelta(days=243)
    assert previous_gap(target(wrap), 1, date(2026, 1, 20)) is None
    two = [*target(date(2024, 1, 1)),
           ev("Target", 1, "release", "happened", DateSpan.day(date(2024, 5, 1)),
              date(2024, 5, 1)),
           ev("Target", 2, "filming_wrap", "happened", DateSpan.day(wrap), wrap)]
    gap = previous_gap(two, 2, date(2026, 1, 20))
    assert gap.quantile(0.5) == wrap + (date(2024, 5, 1) - date(2024, 1, 1))
    ref = ReferenceClass(TrainingSet.build(data, date(2026, 1, 1)).rows)
    d = ref.predict(target(wrap), 1, date(2026, 1, 20))
    assert abs((d.quantile(0.5) - wrap).days - 200) <= 20


def test_protocol_days():
    evs = [ev("T", 1, "renewal", "happened", DateSpan.day(date(2025, 1, 15)),
              date(2025, 1, 20)),
           ev("T", 1, "release", "happened", DateSpan.day(date(2025, 4, 10)),
              date(2025, 4, 10))]
    assert protocol(evs, date(2025, 4, 10)) == [date(2025, 1, 21), date(2025, 2, 1),
                                                date(2025, 3, 1), date(2025, 4, 1)]


def test_crps_matches_scoringrules_on_a_sample():
    import scoringrules as sr

    rng = np.random.default_rng(0)
    start = date(2026, 1, 1)
    draws = rng.integers(20, 200, size=4000)
    pmf = np.bincount(draws, minlength=400).astype(float)
    dist = DayDistribution(start, pmf / pmf.sum())
    actual = start + timedelta(days=90)
    ours = dist.crps_days(actual)
    theirs = float(sr.crps_ensemble(90.0, draws.astype(float)))
    assert abs(ours - theirs) < 1.0


def test_scores_of_a_perfect_point_forecast():
    d = DayDistribution.point(date(2026, 1, 1), date(2026, 3, 1))
    s = scores(d, date(2026, 3, 1))
    assert s["crps"] == 0 and s["ae"] == 0 and s["c80"] == 1


def test_pit_map_corrects_overconfidence():
    # PIT values piled at the ends: forecasts too narrow; the map widens them
    pits = [0.02] * 100 + [0.5] * 100 + [0.98] * 100
    g = PitMap.fit(pits, shrink=0)
    assert g(np.array([0.1]))[0] > 0.3


def test_pit_map_does_not_copy_the_sample_s_small_wiggles():
    # a uniform sample, but alternately crowded and sparse every 0.025: the map stays
    # near the identity and smooth instead of doubling and halving the density in turn
    rng = np.random.default_rng(3)
    pits = [float(x) for i in range(40) for x in
            rng.uniform(i / 40, (i + 1) / 40, 15 if i % 2 else 5)]
    g = PitMap.fit(pits, shrink=0)
    u = np.linspace(0.1, 0.9, 33)
    slopes = np.diff(g(u)) / np.diff(u)
    assert np.abs(g(u) - u).max() < 0.03
    assert slopes.min() > 0.7 and slopes.max() < 1.3


def test_pit_map_reaches_the_far_tail():
    # one forecast in ten missed by far more than its tail allowed (a shelved season):
    # the calibrated 95th percentile must lie beyond where those outcomes fell
    pits = [i / 900 * 0.99 for i in range(900)] + [0.99999] * 100
    g = PitMap.fit(pits, shrink=0)
    assert g(np.array([0.9999]))[0] < 0.95
    again = PitMap.from_dict(g.to_dict())
    assert again(np.array([0.9999]))[0] == g(np.array([0.9999]))[0]
    old = PitMap.from_dict({"knots": list(np.linspace(0, 1, 41)), "n": 5})  # older files
    assert old(np.array([0.3]))[0] == pytest.approx(0.3)

def test_pit_map_spreads_a_jump_instead_of_piling_it_at_the_middle():
    # 200 forecasts that put 90% on an official date that held: their PIT is anywhere in
    # the CDF's jump on that day, so they say nothing against a spread-out forecast
    g = PitMap.fit([pit(0.05, 0.95)] * 200, shrink=0)
    lo, hi = g(np.array([0.25, 0.75]))
    assert hi - lo == pytest.approx(0.5 / 0.9, abs=0.01)


def test_pit_coverage_counts_a_jump_in_proportion():
    day = date(2026, 3, 1)
    atom = DayDistribution.from_cdf(date(2026, 1, 1), np.clip(
        0.05 + 0.9 * (np.arange(400) >= (day - date(2026, 1, 1)).days), 0, 1))
    s = scores(atom, day)
    assert s["c50"] == 1.0  # the quantile interval holds the day
    assert s["p50"] == pytest.approx(0.5 / 0.9, abs=0.01)  # the PIT does not claim more


def test_backtest_runs_and_reports_every_baseline():
    data = synthetic(30, seed=3)
    for i in range(30):  # give each a planned wrap, so the protocol has points
        title = f"Show {i}"
        wrap = next(e for e in data.events if e.title == title and e.kind is Kind.FILMING_WRAP)
        data.events.append(ev(title, 1, "filming_wrap", "planned", wrap.date,
                              wrap.date.start - timedelta(days=40)))
    summary = run_backtest(data, data)
    assert summary["n_seasons"] == 30 and summary["n_forecasts"] > 60
    for key in ("crps_days", "mae_p50_days", "coverage_50", "coverage_80", "coverage_90",
                "brier_by_year"):
        assert key in summary
    assert set(summary["baselines"]) == {"rule_of_thumb_wrap_plus_8_months",
                                         "previous_season_gap", "reference_class_empirical"}
    by_stage = summary["by_stage"]
    assert set(by_stage) == {"pre_wrap", "post_wrap", "post_window", "after_wrap"}
    # every forecast after a reported wrap counts in after_wrap, with or without a window
    assert by_stage["after_wrap"]["n_forecasts"] >= by_stage["post_wrap"]["n_forecasts"] > 0
    same = summary["baselines"]["rule_of_thumb_wrap_plus_8_months"]["model_on_same_forecasts"]
    assert same["by_stage"]["post_wrap"]["n_forecasts"] == by_stage["post_wrap"]["n_forecasts"]
    # every baseline carries the same block as the model (contract §6), seasons included
    for block in summary["baselines"].values():
        assert set(summary) - {"by_stage", "baselines", "calibration"} <= set(block)
        assert block["n_seasons"] <= 30
        assert (block["n_seasons"] > 0) == (block["n_forecasts"] > 0)


def test_a_backtest_with_nothing_to_forecast_keeps_every_score_key():
    summary = run_backtest(ReferenceData(), ReferenceData())
    assert summary["n_forecasts"] == 0 and summary["n_seasons"] == 0
    for key in ("crps_days", "mae_p50_days", "coverage_50", "coverage_80", "coverage_90",
                "brier_by_year"):
        assert key in summary and summary[key] is None


def paced(n_titles=60, seed=5):
    """Two-season titles, each with its own pace: a slow title is slow in both seasons."""
    rng = random.Random(seed)
    data = ReferenceData()
    for i in range(n_titles):
        title, pace = f"Paced {i}", rng.choice([0.6, 1.6])
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 400))
        for n in (1, 2):
            wrap = day + timedelta(days=rng.randrange(90, 150))
            premiere = wrap + timedelta(days=int(200 * pace * rng.uniform(0.85, 1.15)))
            data.seasons.append(Season(title, n, platform="Netflix", country="US"))
            data.events += [
                ev(title, n, "filming_wrap", "happened", DateSpan.day(wrap), wrap),
                ev(title, n, "release", "happened", DateSpan.day(premiere), premiere),
            ]
            day = premiere + timedelta(days=rng.randrange(60, 200))
    return data


def test_earlier_seasons_set_the_pace():
    model = PremiereForecaster().fit(paced(), date(2026, 1, 1))
    assert model.pace.weight > 0.3 and model.pace.scale < 1.0

    def median_gap(s1_gap: int) -> int:
        wrap1, wrap2 = date(2023, 1, 10), date(2025, 3, 1)
        premiere1 = wrap1 + timedelta(days=s1_gap)
        events = [ev("New", 1, "filming_wrap", "happened", DateSpan.day(wrap1), wrap1),
                  ev("New", 1, "release", "happened", DateSpan.day(premiere1), premiere1),
                  ev("New", 2, "filming_wrap", "happened", DateSpan.day(wrap2), wrap2)]
        fc = model.predict(events, Season("New", 2, platform="Netflix", country="US"), 2,
                           wrap2 + timedelta(days=1))
        paced_words = any("earlier seasons of this title" in d for d in fc.drivers)
        return (fc.dist.quantile(0.5) - wrap2).days, paced_words

    (slow, slow_said), (fast, fast_said) = median_gap(420), median_gap(120)
    assert slow > fast + 100
    assert slow_said and fast_said


def test_a_first_season_has_no_title_effect():
    model = PremiereForecaster().fit(paced(), date(2026, 1, 1))
    wrap = date(2025, 3, 1)
    events = [ev("New", 1, "filming_wrap", "happened", DateSpan.day(wrap), wrap)]
    assert model.title_effect(events, 1, wrap, season_info(None, None)) is None


def test_a_passed_official_date_without_news_is_flagged(model):
    wrap, day = date(2025, 10, 1), date(2026, 3, 1)
    dated = ev("Target", 1, "release", "announced", DateSpan.day(day), date(2026, 1, 15))
    season = Season("Target", 1, platform="Netflix", country="US")
    fc = model.predict(target(wrap, [dated]), season, 1, date(2026, 4, 1))
    assert "has passed with no report" in fc.drivers[0]
    before = model.predict(target(wrap, [dated]), season, 1, date(2026, 2, 20))
    assert not any("has passed" in d for d in before.drivers)
    delay = ev("Target", 1, "delay", "happened", DateSpan.day(date(2026, 2, 25)),
               date(2026, 2, 25))
    delayed = model.predict(target(wrap, [dated, delay]), season, 1, date(2026, 4, 1))
    assert not any("has passed" in d for d in delayed.drivers)


def test_a_renewal_teaser_does_not_hide_the_trailer_after_wrap():
    from seasoncast.forecast.evidence import season_state

    wrap = date(2026, 2, 19)
    teaser = ev("Target", 1, "teaser", "happened", DateSpan.day(date(2022, 6, 6)),
                date(2022, 6, 6))
    trailer = ev("Target", 1, "trailer", "happened", DateSpan.day(date(2026, 11, 20)),
                 date(2026, 11, 20))
    before = season_state(target(wrap, [teaser]), 1, date(2026, 11, 1))
    assert before.stage == "filming_wrap"  # footage from the renewal is not a stage
    after = season_state(target(wrap, [teaser, trailer]), 1, date(2026, 11, 25))
    assert after.stage == "trailer" and after.stages["trailer"] == date(2026, 11, 20)


def ordered(n_titles=60, seed=3, order_to_premiere=400):
    """First seasons known only by their order (pre-production) and their premiere."""
    def events_of(title, rng):
        order = date(2017, 1, 1) + timedelta(days=rng.randrange(0, 2500))
        premiere = order + timedelta(days=int(order_to_premiere * rng.uniform(0.85, 1.15)))
        return [ev(title, 1, "preproduction", "happened", DateSpan.day(order), order),
                ev(title, 1, "release", "happened", DateSpan.day(premiere), premiere)]
    return generated("Order", n_titles, seed, events_of)


def test_an_order_starts_the_clock_like_a_renewal():
    from seasoncast.forecast.evidence import season_state

    order = date(2025, 1, 10)
    commissioned = ev("New", 1, "preproduction", "happened", DateSpan.day(order), order)
    assert season_state([commissioned], 1, order).stages == {"renewal": order}
    renewed = ev("New", 1, "renewal", "happened", DateSpan.day(date(2024, 12, 1)),
                 date(2024, 12, 1))  # reported first, so it stays the anchor
    assert season_state([renewed, commissioned], 1, order).stages["renewal"] == \
        date(2024, 12, 1)

    model = PremiereForecaster().fit(ordered(), date(2026, 1, 1))
    fc = model.predict([commissioned], None, 1, order + timedelta(days=30))
    assert abs((fc.dist.quantile(0.5) - order).days - 400) <= 25
    assert fc.drivers[0].startswith("ordered or in pre-production")


def test_a_season_known_only_from_chatter_counts_from_its_first_report():
    model = PremiereForecaster().fit(ordered(), date(2026, 1, 1))
    first = date(2025, 1, 10)
    chatter = ev("New", 1, "release", "expected", DateSpan.year(2026), first)

    def median(as_of: date) -> date:
        return model.predict([chatter], None, 1, as_of).dist.quantile(0.5)

    # half a year more without news brings the premiere closer in time, rather than
    # keeping it as far away as on the day of the first report
    later = median(first + timedelta(days=200))
    assert (later - (first + timedelta(days=200))).days < (median(first) - first).days - 120
    assert abs((median(first) - first).days - 400) <= 25


def test_a_final_season_is_cancelled_only_until_it_premieres(model):
    wrap = date(2025, 10, 1)
    final = ev("Target", 1, "cancellation", "announced", DateSpan.day(date(2025, 11, 1)),
               date(2025, 11, 1))
    fc = model.predict(target(wrap, [final]), None, 1, date(2025, 12, 1))
    assert fc.cancelled and fc.dist.quantile(0.5) is None and fc.dist.tail == 1.0
    aired = ev("Target", 1, "release", "happened", DateSpan.day(date(2026, 3, 1)),
               date(2026, 3, 1))
    after = model.predict(target(wrap, [final, aired]), None, 1, date(2026, 3, 2))
    assert not after.cancelled and after.released == date(2026, 3, 1)


def test_a_later_part_of_a_split_season_does_not_date_the_premiere():
    from seasoncast.forecast.evidence import season_state

    def announced(day, detail):
        return Event("Copper Bay", 3, Kind.RELEASE, Modality.ANNOUNCED, DateSpan.day(day),
                     date(2026, 3, 10), "https://example.com/parts", detail=detail)

    events = [announced(date(2026, 7, 3), "Part 1"), announced(date(2026, 7, 10), "Part 2")]
    for order in (events, events[::-1]):
        st = season_state(order, 3, date(2026, 4, 1))
        assert st.official_date[0].start == date(2026, 7, 3)
