"""The premiere forecaster: Weibull accelerated-failure-time models per stage.

For each production stage (see `evidence.STAGES`) a censored Weibull AFT model
(lifelines) learns the time from that stage to the premiere, with covariates: platform,
language, visual-effects load, sequel or not, and era. Seasons that had not premiered by
the training cut-off are right-censored rather than dropped. A forecast

1. starts from the most advanced stage reached (or a reported *plan* for the next stage,
   shifted by how much such plans slipped in the training data),
2. adjusts for the pace of the title's earlier seasons (`TitleEffect`),
3. conditions on the time already elapsed without a premiere,
4. folds in evidence about the premiere itself — official dates and windows, reported
   plans, slate listings and absences — each with the hit rate learned from the
   training seasons,
5. and finally passes the CDF through a calibration map fitted on held-out backtests.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
from scipy.special import expit, ndtr  # normal, logistic CDFs (scipy.stats imports slowly)

from seasoncast.datespan import DateSpan, describe
from seasoncast.forecast.calibration import StageCalibration
from seasoncast.forecast.demand import DemandIndex
from seasoncast.forecast.distribution import HORIZON_DAYS, DayDistribution
from seasoncast.forecast.evidence import (
    STAGE_WORDS,
    STAGES,
    PassedPromise,
    SeasonState,
    season_state,
)
from seasoncast.model import Event, Kind, Modality, Season, Status
from seasoncast.reference import ReferenceData
from seasoncast.timeline import derive_status

MODEL_NAME = "seasoncast stage-AFT v2"
FEATURES = ["netflix", "korean", "english", "vfx", "sequel", "era"]
DEMAND_FEATURES = ["demand", "no_demand"]
ENGLISH_COUNTRIES = {"US", "GB", "CA", "AU", "NZ", "IE"}
MIN_EVENTS_COVARIATES = 25
MIN_EVENTS = 6
MIN_LEVEL_EVENTS = 10

# Beta-prior pseudo-counts for the evidence hit rates (hits, misses): what we believe
# before any training season is seen; the data quickly outweighs them.
PRIORS = {"official_date": (8, 1), "official_window": (4, 1), "reported_release": (2, 2),
          "slate_listed": (3, 1), "slate_denied": (1, 3), "release_denied": (1, 3)}


@dataclass
class SeasonInfo:
    """Covariates of a season (platform, language, …) — known in advance."""

    netflix: float
    korean: float
    english: float
    vfx: float
    sequel: float

    def row(self, stage_day: date) -> dict[str, float]:
        return {"netflix": self.netflix, "korean": self.korean, "english": self.english,
                "vfx": self.vfx, "sequel": self.sequel,
                "era": (stage_day.year + stage_day.month / 12 - 2020) / 5}


def season_info(season: Season | None, aliases: set[str] | None) -> SeasonInfo:
    """Covariates, reading the language from the country or, failing that, the script of
    the title's original-language alias (Netflix lists one for non-English titles)."""
    country = (season.country or "").upper() if season else ""
    aliases = aliases or set()
    hangul = any(any("\uac00" <= ch <= "\ud7a3" for ch in a) for a in aliases)
    if country:
        korean, english = country == "KR", country in ENGLISH_COUNTRIES
    else:
        korean, english = hangul, not aliases
    return SeasonInfo(
        netflix=float(bool(season and (season.platform or "").lower() == "netflix")),
        korean=float(korean), english=float(english),
        vfx=float(bool(season and season.vfx_heavy)),
        sequel=float(bool(season and season.number > 1)),
    )


@dataclass(frozen=True)
class Family:
    """A parametric AFT family: log T = mu(x) + sigma * e, with e's standard CDF.

    lifelines names the location and shape parameters differently per family; the shape
    is fitted on the log scale, and for some families it is 1/sigma rather than sigma.
    """

    fitter: str  # lifelines class name
    location: str
    shape: str
    shape_is_inverse: bool
    standard_cdf: Callable[[np.ndarray], np.ndarray]
    median_error: float  # the median of e

    def fit(self, frame, penalizer: float) -> tuple[float, dict[str, float], float]:
        """Fit to a frame of covariates, T and E; L2-penalise the covariates only."""
        import lifelines

        n_covariates = frame.shape[1] - 2
        if n_covariates and penalizer:
            # lifelines leaves the location intercept alone but would shrink the shape
            # parameter (a block of one) too, widening every forecast: spare it
            penalizer = np.r_[np.full(n_covariates, penalizer), 0.0]
        else:
            penalizer = 0.0
        m = getattr(lifelines, self.fitter)(penalizer=penalizer).fit(frame, "T", "E")
        loc = m.params_[self.location]
        log_shape = float(m.params_[self.shape]["Intercept"])
        sigma = math.exp(-log_shape if self.shape_is_inverse else log_shape)
        coefs = {c: float(v) for c, v in loc.items() if c != "Intercept"}
        return float(loc["Intercept"]), coefs, sigma


# Weibull is the default: its hazard keeps rising, so once a season is late the forecast
# expects it soon rather than drifting ever later as the log-normal's long tail does; it
# scored best on the backtest (docs/forecasting.md compares the three).
FAMILIES = {
    "weibull": Family("WeibullAFTFitter", "lambda_", "rho_", True,
                      lambda x: -np.expm1(-np.exp(x)), math.log(math.log(2))),
    "lognormal": Family("LogNormalAFTFitter", "mu_", "sigma_", False, ndtr, 0.0),
    "loglogistic": Family("LogLogisticAFTFitter", "alpha_", "beta_", True, expit, 0.0),
}
DEFAULT_FAMILY = "weibull"


@dataclass
class StageModel:
    """log T = mu(x) + sigma * e for the days from one stage to the premiere, where e
    follows the standard error law of `family` (see `FAMILIES`)."""

    intercept: float
    coefs: dict[str, float]
    sigma: float
    n_events: int
    n_censored: int

    era_range: tuple[float, float] = (-10.0, 10.0)
    family: str = "weibull"

    def mu(self, row: dict[str, float]) -> float:
        row = {**row, "era": min(max(row.get("era", 0.0), self.era_range[0]),
                                 self.era_range[1])}  # no extrapolation in time
        return self.intercept + sum(self.coefs.get(k, 0.0) * v for k, v in row.items())

    def z(self, days: float, row: dict[str, float]) -> float:
        """How many scale units slower (+) or faster (-) than the model says."""
        return (math.log(max(days, 0.5)) - self.mu(row)) / self.sigma

    def cdf(self, days: np.ndarray, row: dict[str, float],
            effect: TitleEffect | None = None) -> np.ndarray:
        days = np.maximum(days, 0.5)
        mu, sigma = self.mu(row), self.sigma
        if effect is not None:
            mu, sigma = mu + effect.shift * sigma, sigma * effect.scale
        return FAMILIES[self.family].standard_cdf((np.log(days) - mu) / sigma)

    def median(self, row: dict[str, float]) -> float:
        """The median days from the stage to the premiere, for a season like `row`."""
        return math.exp(self.mu(row) + self.sigma * FAMILIES[self.family].median_error)


@dataclass(frozen=True)
class TitleEffect:
    """What a title's earlier seasons say about this one.

    Shows keep their pace: a title whose earlier seasons came out slower than the stage
    models predicted tends to be slow again (the residuals of consecutive seasons
    correlate at about 0.35 to 0.5 in the bundled data). This is a random intercept per
    title, estimated by empirical Bayes: the mean residual `z` of the earlier seasons,
    times a weight learned from the training titles, moves the log-time by `shift`
    standard deviations and narrows it by `scale`.
    """

    z: float  # mean standardised residual of the earlier seasons' stage durations
    n: int  # how many stage durations it averages
    shift: float
    scale: float


@dataclass(frozen=True)
class TitlePace:
    """The learned weight of earlier seasons' residuals (see `TitleEffect`)."""

    weight: float = 0.0
    scale: float = 1.0

    @classmethod
    def fit(cls, pairs: list[tuple[float, float, float]]) -> TitlePace:
        """Weighted least squares of a season's residual on its title's earlier mean
        residual, from (earlier mean, residual, weight) triples, through the origin."""
        if len(pairs) < 30:
            return cls()
        x, y, w = (np.array(c) for c in zip(*pairs, strict=True))
        sxx = float(np.sum(w * x * x))
        if sxx <= 0:
            return cls()
        b = min(max(float(np.sum(w * x * y)) / sxx, 0.0), 0.9)
        left = float(np.sum(w * (y - b * x) ** 2)) / float(np.sum(w * y * y))
        return cls(b, float(np.clip(math.sqrt(left), 0.5, 1.0)))

    def effect(self, zs: list[float]) -> TitleEffect | None:
        if not zs or self.weight == 0.0:
            return None
        z = float(np.mean(zs))
        return TitleEffect(z, len(zs), self.weight * z, self.scale)


def fit_stage(frame, features: list[str] = FEATURES,
              family: str = DEFAULT_FAMILY) -> StageModel | None:
    """Fit one stage's censored AFT model with lifelines."""
    events = int(frame["E"].sum())
    if events < MIN_EVENTS:
        return None
    fam = FAMILIES[family]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if events >= MIN_EVENTS_COVARIATES:
            # a covariate needs enough premieres on both sides, or a handful of censored
            # seasons could swing it arbitrarily far
            observed = frame[frame["E"] > 0]
            cols = [c for c in features if c == "era" and frame[c].std() > 0
                    or c != "era" and min((observed[c] > 0).sum(), (observed[c] == 0).sum())
                    >= MIN_LEVEL_EVENTS]
            try:
                intercept, coefs, sigma = fam.fit(frame[[*cols, "T", "E"]], penalizer=1.0)
                return StageModel(intercept, coefs, sigma, events, len(frame) - events,
                                  (float(observed["era"].min()), float(observed["era"].max())),
                                  family)
            except Exception:  # noqa: BLE001 - convergence trouble: fall back below
                pass
        intercept, _, sigma = fam.fit(frame[["T", "E"]], penalizer=0.0)
        return StageModel(intercept, {}, sigma, events, len(frame) - events, family=family)


@dataclass
class Forecast:
    """A premiere forecast in the shape of interfaces.md §5."""

    title: str
    season: int
    as_of: date
    status: Status
    released: date | None
    dist: DayDistribution
    drivers: list[str]
    model: str
    stage: str | None = None
    group: str = "released"
    wrapped: bool = False  # filming had wrapped by `as_of`
    passed: PassedPromise | None = None  # see SeasonState.passed_unreported
    calibration_group: str = "released"  # see SeasonState.calibration_group
    held_rate: float | None = None  # how often such promises held, with `passed`

    def to_dict(self) -> dict:
        q = self.dist.quantiles()
        return {
            "title": self.title, "season": self.season, "as_of": self.as_of.isoformat(),
            "status": self.status.value,
            "released": self.released.isoformat() if self.released else None,
            "quantiles": {k: (v.isoformat() if v else None) for k, v in q.items()},
            "p_by_year": self.dist.p_by_year(),
            "cdf": [[d.isoformat(), p] for d, p in self.dist.month_end_cdf(60)],
            "drivers": self.drivers,
            "model": self.model,
        }

    @property
    def cancelled(self) -> bool:
        """No premiere expected: the distribution holds nothing within the horizon."""
        return self.status is Status.CANCELLED and self.released is None

    def interval(self, level: float) -> tuple[date | None, date | None]:
        lo = (1 - level) / 2
        return self.dist.quantile(lo), self.dist.quantile(1 - lo)


@dataclass
class PremiereForecaster:
    """fit(data, cutoff) then predict(events, season, as_of) — the scikit-learn shape."""

    stage_models: dict[str, StageModel] = field(default_factory=dict)
    rates: dict[str, float] = field(default_factory=dict)
    slips: dict[str, list[int]] = field(default_factory=dict)
    calibration: StageCalibration | None = None
    pace: TitlePace = field(default_factory=TitlePace)
    cutoff: date | None = None
    aliases: dict[str, set[str]] = field(default_factory=dict)
    demand: DemandIndex | None = None  # an experiment: see forecast/demand.py
    family: str = DEFAULT_FAMILY  # see FAMILIES

    @property
    def name(self) -> str:
        extra = " + demand" if self.demand else ""
        return (f"{MODEL_NAME} {self.family}{extra} "
                f"(trained on data known by {self.cutoff})")

    @property
    def features(self) -> list[str]:
        return FEATURES + DEMAND_FEATURES if self.demand else FEATURES

    # -- fitting -------------------------------------------------------------------
    def fit(self, data: ReferenceData, cutoff: date, exclude_titles: set[str] = frozenset(),
            *, prepared: TrainingSet | None = None) -> PremiereForecaster:
        import pandas as pd

        ts = prepared or TrainingSet.build(data, cutoff, self.demand)
        self.cutoff = cutoff
        self.aliases = data.aliases
        rows = [r for r in ts.rows if r["title"] not in exclude_titles]
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(
            columns=["stage", "T", "E", *self.features])
        self.stage_models = {}
        for stage in STAGES:
            part = frame[frame["stage"] == stage] if len(frame) else frame
            model = fit_stage(part, self.features, self.family) if len(part) else None
            if model is not None:
                self.stage_models[stage] = model
        self.rates = ts.rates(exclude_titles)
        self.slips = ts.slip_samples(exclude_titles)
        self.pace = self._fit_pace(rows)
        return self

    def _fit_pace(self, rows: list[dict]) -> TitlePace:
        """Learn how much a title's earlier seasons predict this one (`TitleEffect`)."""
        zs: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
        for r in rows:
            model = self.stage_models.get(r["stage"])
            if r["E"] and model is not None:
                zs[r["title"]][r["season"]].append(
                    model.z(r["T"], {k: r[k] for k in self.features}))
        pairs: list[tuple[float, float, float]] = []
        for by_season in zs.values():
            title_pairs = []
            for n, own in by_season.items():
                earlier = [z for m, z_m in by_season.items() if m < n for z in z_m]
                if earlier:
                    title_pairs += [(float(np.mean(earlier)), z) for z in own]
            # every title weighs the same: a long-running show must not set the weight
            pairs += [(x, y, 1.0 / len(title_pairs)) for x, y in title_pairs]
        return TitlePace.fit(pairs)

    def title_effect(self, events: list[Event], number: int, as_of: date,
                     info: SeasonInfo) -> TitleEffect | None:
        """The pace of the title's earlier seasons, from what was known on `as_of`."""
        zs = []
        for n in sorted({e.season for e in events if e.season < number}):
            st = season_state(events, n, as_of)
            if st.released is None:
                continue
            earlier_info = replace(info, sequel=float(n > 1))
            for stage, day in st.stages.items():
                model = self.stage_models.get(stage)
                if model is not None and st.released >= day:
                    zs.append(model.z(max((st.released - day).days, 1),
                                      earlier_info.row(day)))
        return self.pace.effect(zs)

    # -- prediction ----------------------------------------------------------------
    def predict(self, events: list[Event], season: Season | None, number: int,
                as_of: date, *, calibrated: bool = True) -> Forecast:
        """Forecast the premiere of season `number` from its title's events known by
        `as_of` (`events` may hold every season of the title)."""
        title = events[0].title if events else (season.title if season else "")
        st = season_state(events, number, as_of)
        status, _ = derive_status([e for e in events if e.season == number], as_of)
        if st.released is not None:
            return Forecast(title, number, as_of, Status.RELEASED, st.released,
                            DayDistribution.point(min(as_of, st.released), st.released),
                            [f"premiered {describe(DateSpan.day(st.released))}"], self.name,
                            "released")
        if st.cancelled:
            return Forecast(title, number, as_of, Status.CANCELLED, None,
                            DayDistribution.never(as_of), [_cancelled_words(st)], self.name,
                            None, st.group)
        info = season_info(season, self.aliases.get(title))
        effect = self.title_effect(events, number, as_of, info)
        base, drivers, stage = self._base(st, info, as_of, effect)
        dist = base
        moves: list[tuple[float, str]] = []
        for step, words in self._evidence_steps(st, as_of):
            before = dist
            dist = step(dist)
            moves.append((_median_shift(before, dist), words))
        pit_map = self.calibration.for_group(st.calibration_group) if self.calibration \
            else None
        if calibrated and pit_map is not None:
            before = dist
            dist = dist.recalibrated(pit_map)
            # the map is what past forecasts of seasons at this stage taught; say so, or
            # the reasons do not add up to the median
            shift = _median_shift(before, dist)
            if abs(shift) >= 7:
                moves.append((shift, "calibrated on the backtest's past forecasts at this "
                                     "stage"))
        moves.sort(key=lambda m: -abs(m[0]))
        for shift, words in moves:
            if abs(shift) >= 1:
                direction = "later" if shift > 0 else "earlier"
                days = f"{abs(shift):.0f} day{'' if round(abs(shift)) == 1 else 's'}"
                drivers.append(f"{words} (moves the median {days} {direction})")
            else:
                drivers.append(f"{words} (little effect on the median)")
        for e in st.rumours:
            drivers.append(f"rumoured {describe(e.date)} — a rumour, not used as evidence")
        passed = st.passed_unreported
        if passed is not None:
            drivers.insert(0, f"the {passed.words} {describe(passed.span)} has passed with no "
                              "report of the premiere or of a delay: the data may be out of "
                              "date")
        drivers = list(dict.fromkeys(drivers))
        return Forecast(title, number, as_of, status, None, dist, drivers, self.name, stage,
                        st.group, "filming_wrap" in st.stages, passed, st.calibration_group,
                        self.rates[passed.kind] if passed is not None else None)

    def _base(self, st: SeasonState, info: SeasonInfo, as_of: date,
              effect: TitleEffect | None = None
              ) -> tuple[DayDistribution, list[str], str | None]:
        """The stage-model distribution, conditioned on no premiere before `as_of`."""
        stage = st.stage
        drivers: list[str] = []
        anchor: date | None = st.stages.get(stage) if stage else None
        shifts = [0]
        # a reported plan for a later stage beats an earlier stage that happened
        for planned_stage in ("filming_start", "filming_wrap"):
            plan = st.planned.get(planned_stage)
            if plan is None or planned_stage not in self.stage_models:
                continue
            if stage is not None and STAGES.index(stage) >= STAGES.index(planned_stage):
                continue
            span, event = plan
            stage, anchor = planned_stage, span.midpoint
            shifts = self.slips.get(planned_stage) or [0, 14, 45]
            drivers_word = "wrap" if planned_stage == "filming_wrap" else "start of filming"
            drivers.insert(0, f"{drivers_word} planned for {describe(span)} "
                              f"(reported {event.known_on}); plans like this slipped by a "
                              f"median of {int(np.median(shifts))} days")
        if stage is not None and stage not in self.stage_models:
            reached = [s for s in STAGES if s in st.stages and s in self.stage_models]
            stage = reached[-1] if reached else None
            anchor = st.stages.get(stage) if stage else None
        if stage is None or anchor is None:
            # nothing but chatter so far: count from when the season was first reported,
            # since it was (at least) planned by then. Counting from `as_of` kept such a
            # forecast a year away however long the season had been in the news.
            stage = "renewal" if "renewal" in self.stage_models else next(
                iter(self.stage_models), None)
            anchor = st.first_reported or as_of
            drivers.append("no production milestone reported yet; counting from the first "
                           f"report of this season ({describe(DateSpan.day(anchor))})")
        elif not drivers:
            ev = st.stage_events.get(stage)
            when = describe(ev.date) if ev is not None and ev.date else anchor.isoformat()
            src = ev.source_url if ev is not None else ""
            words = "ordered or in pre-production" if ev is not None and \
                ev.kind is Kind.PREPRODUCTION else STAGE_WORDS[stage]
            drivers.append(f"{words} {when}" + (f" ({_domain(src)})" if src else ""))
        if stage is None:
            return DayDistribution.uniform(as_of, as_of, as_of + timedelta(days=730)), \
                drivers, None
        model = self.stage_models[stage]
        row = info.row(anchor)
        if self.demand is not None:
            row.update(self.demand.features(st.title or "", st.season, as_of))
        grid = np.arange(HORIZON_DAYS)
        cdf = np.zeros(HORIZON_DAYS)
        for shift in shifts:
            a = anchor + timedelta(days=int(shift))
            elapsed = (as_of - a).days  # the premiere did not come before as_of
            days = grid + elapsed
            f = model.cdf(days.astype(float), row, effect)
            f_before = float(model.cdf(np.array([float(elapsed) - 0.5]), row, effect)[0]) \
                if elapsed > 0 else 0.0
            survive = 1.0 - f_before
            if survive < 1e-9:  # far beyond anything seen: spread over the next year
                f = np.clip((grid + 1) / 365.0, 0, 1)
                f_before, survive = 0.0, 1.0
            c = (f - f_before) / survive
            cdf += np.clip(c, 0, 1)
        dist = DayDistribution.from_cdf(as_of, cdf / len(shifts))
        typical = model.median(row)
        drivers.append(f"from '{STAGE_WORDS[stage]}', similar seasons premiered after a "
                       f"median of {typical / 30.44:.0f} months")
        waited = (as_of - anchor).days
        mid = dist.quantile(0.5)
        if waited > 30 and mid is not None and \
                (mid - (anchor + timedelta(days=int(typical)))).days >= 14:
            # the premiere has not come in the time waited: of the seasons still waiting
            # that long, the later ones remain
            drivers.append(f"no premiere in the {waited / 30.44:.0f} months since: among "
                           f"similar seasons still waiting then, the median is "
                           f"{describe(DateSpan.day(mid))}")
        if effect is not None and abs(effect.shift) * model.sigma >= 0.05:  # ≥ 5% longer/shorter
            factor = math.exp(effect.shift * model.sigma)
            pace = "more slowly" if factor > 1 else "more quickly"
            drivers.append(f"earlier seasons of this title came out {pace} than similar "
                           f"seasons: typical time × {factor:.2f}")
        return dist, drivers, stage

    def _evidence_steps(self, st: SeasonState, as_of: date):
        rates = self.rates

        def keep_in(span: DateSpan, q: float):
            # part of the span may have passed without a premiere: of the rate q, only the
            # share for the days still to come survives (uniform within the span)
            left = (span.end - max(span.start, as_of)).days + 1
            f = min(1.0, max(0.0, left / span.width_days))
            q_left = q * f / (q * f + 1 - q) if q < 1 else 1.0
            return lambda d: d.set_span_probability(max(span.start, as_of), span.end, q_left)

        def cap_in(span: DateSpan, q: float):
            def step(d: DayDistribution) -> DayDistribution:
                first = max(span.start, as_of)
                if d.prob_between(first, span.end) <= q:
                    return d
                return d.set_span_probability(first, span.end, q)
            return step

        if st.reported_release and st.reported_release[0].end >= as_of:
            span, e = st.reported_release
            yield keep_in(span, rates["reported_release"]), \
                f"reported release plan for {describe(span)} ({_domain(e.source_url)})"
        for span, _e in st.slate_listed[-1:]:
            if span.end >= as_of:
                yield keep_in(span, rates["slate_listed"]), \
                    f"listed in an official line-up for {describe(span)}"
        absences: dict[tuple[date, date], list[Event]] = {}
        for span, e in st.slate_denied:  # several outlets reporting one absence count once
            if span.end >= as_of:
                absences.setdefault((span.start, span.end), []).append(e)
        for reports in absences.values():
            span, e = reports[0].date, reports[0]
            more = f"; {len(reports)} reports" if len(reports) > 1 else ""
            yield cap_in(span, rates["slate_denied"]), \
                f"absent from the official line-up for {describe(span)}" + (
                    f" ({e.note}{more})" if e.note else f" ({more[2:]})" if more else "")
        for span, _e in st.release_denied:
            if span.end >= as_of:
                yield cap_in(span, rates["release_denied"]), \
                    f"reported not to premiere in {describe(span)}"
        if st.official_window and st.official_window[0].end >= as_of:
            span, e = st.official_window
            yield keep_in(span, rates["official_window"]), \
                f"official release window {describe(span)} (announced {e.known_on})"
        if st.official_date and st.official_date[0].end >= as_of:
            span, e = st.official_date
            yield keep_in(span, rates["official_date"]), \
                f"official premiere date {describe(span)} (announced {e.known_on})"


def _cancelled_words(st: SeasonState) -> str:
    e = st.cancellation
    when = describe(e.date) if e is not None and e.date else "earlier"
    src = f" ({_domain(e.source_url)})" if e is not None and e.source_url else ""
    return (f"cancelled {when}{src}: no premiere is expected unless the decision is "
            "reversed")


def _median_shift(a: DayDistribution, b: DayDistribution) -> float:
    qa, qb = a.quantile(0.5), b.quantile(0.5)
    if qa is None or qb is None:
        return 0.0 if qa == qb else (365.0 if qb is None else -365.0)
    return float((qb - qa).days)


def _domain(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


# ---------------------------------------------------------------------------------
# Training data, built once per cut-off and shared by every fold
# ---------------------------------------------------------------------------------


@dataclass
class TrainingSet:
    """Stage durations, evidence outcomes and plan slips known by a cut-off day."""

    cutoff: date
    rows: list[dict]
    outcomes: dict[str, list[tuple[str, bool]]]  # evidence kind -> (title, hit)
    slips: dict[str, list[tuple[str, int]]]

    @classmethod
    def build(cls, data: ReferenceData, cutoff: date,
              demand: DemandIndex | None = None) -> TrainingSet:
        seasons = data.merged_seasons()
        by_title: dict[str, list[Event]] = defaultdict(list)
        for e in data.events:
            if e.known_on <= cutoff:
                by_title[e.title].append(e)
        rows: list[dict] = []
        outcomes: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        slips: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for title, events in by_title.items():
            numbers = sorted({e.season for e in events})
            for n in numbers:
                st = season_state(events, n, cutoff)
                if st.cancelled:
                    continue
                info = season_info(seasons.get((title, n)), data.aliases.get(title))
                extra = demand.features(title, n, cutoff) if demand is not None else {}
                for stage, day in st.stages.items():
                    end = st.released or cutoff
                    duration = (end - day).days
                    if duration < 0:
                        continue
                    rows.append({"title": title, "season": n, "stage": stage,
                                 "T": max(duration, 1),
                                 "E": float(st.released is not None), **info.row(day),
                                 **extra})
                if st.released is not None and any(e.season == n and e.known_on <
                                                   st.released for e in events):
                    _outcomes(title, events, n, st.released, outcomes, slips)
        return cls(cutoff, rows, outcomes, slips)

    def rates(self, exclude: set[str]) -> dict[str, float]:
        out = {}
        for kind, (a, b) in PRIORS.items():
            hits = [h for t, h in self.outcomes.get(kind, []) if t not in exclude]
            out[kind] = (a + sum(hits)) / (a + b + len(hits))
        return out

    def slip_samples(self, exclude: set[str]) -> dict[str, list[int]]:
        out = {}
        for stage, pairs in self.slips.items():
            values = sorted(s for t, s in pairs if t not in exclude)
            if len(values) >= 5:
                qs = np.quantile(values, [0.1, 0.3, 0.5, 0.7, 0.9])
                out[stage] = [max(-60, int(q)) for q in qs]
        return out


def _outcomes(title: str, events: list[Event], n: int, premiere: date,
              outcomes: dict, slips: dict) -> None:
    """Did the evidence come true? Every distinct announcement made before the premiere
    counts once, including those later replaced: judging only the evidence that stood
    on the eve of the premiere would hide the windows that slipped and were re-announced."""
    days = sorted({e.known_on for e in events if e.season == n and e.known_on < premiere
                   and e.kind in (Kind.RELEASE, Kind.SLATE_LISTING)})
    seen: set[tuple[str, date, date]] = set()

    def count(kind: str, span: DateSpan) -> None:
        if (kind, span.start, span.end) not in seen:
            seen.add((kind, span.start, span.end))
            outcomes[kind].append((title, span.contains(premiere)))

    for day in days:
        st = season_state(events, n, day)
        for kind in ("official_date", "official_window", "reported_release"):
            item = getattr(st, kind)
            if item is not None:
                count(kind, item[0])
        for span, _ in st.slate_listed[-1:]:
            count("slate_listed", span)
        for span, _ in st.slate_denied:
            count("slate_denied", span)
        for span, _ in st.release_denied:
            count("release_denied", span)
    for kind in (Kind.FILMING_START, Kind.FILMING_WRAP):
        happened = [e for e in events if e.season == n and e.kind is kind
                    and e.modality is Modality.HAPPENED and e.date]
        plans = [e for e in events if e.season == n and e.kind is kind and e.date
                 and e.modality in (Modality.PLANNED, Modality.ANNOUNCED)]
        if happened and plans:
            actual = min(e.date.midpoint for e in happened)
            first_known = min(e.known_on for e in happened)
            plans = [p for p in plans if p.known_on < first_known]
            if plans:
                plan = max(plans, key=lambda p: p.known_on)
                slips[kind.value].append((title, (actual - plan.date.midpoint).days))
