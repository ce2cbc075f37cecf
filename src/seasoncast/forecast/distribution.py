"""A premiere-date distribution on a daily grid.

Every forecast in seasoncast — the model's and the baselines' — is a probability mass per
day from the as-of date on, plus the mass beyond the horizon. Evidence is folded in by
re-weighting spans of days; quantiles, month-end CDFs and by-year probabilities are read
off the same array, so every output agrees with every other.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

HORIZON_DAYS = 365 * 8  # beyond this a premiere counts as "later"
QUANTILES = {"p05": 0.05, "p10": 0.10, "p25": 0.25, "p50": 0.50, "p75": 0.75, "p90": 0.90,
             "p95": 0.95}


@dataclass
class DayDistribution:
    """P(premiere on as_of + i) for i in range(len(pmf)); `tail` beyond the horizon."""

    start: date
    pmf: np.ndarray
    tail: float = 0.0

    @classmethod
    def from_cdf(cls, start: date, cdf: np.ndarray) -> DayDistribution:
        cdf = np.clip(np.maximum.accumulate(np.asarray(cdf, dtype=float)), 0.0, 1.0)
        pmf = np.diff(np.concatenate([[0.0], cdf]))
        return cls(start, pmf, float(max(0.0, 1.0 - cdf[-1])))

    @classmethod
    def point(cls, start: date, day: date, horizon: int = HORIZON_DAYS) -> DayDistribution:
        pmf = np.zeros(horizon)
        i = (day - start).days
        if i < 0:
            i = 0
        if i >= horizon:
            return cls(start, pmf, 1.0)
        pmf[i] = 1.0
        return cls(start, pmf, 0.0)

    @classmethod
    def never(cls, start: date, horizon: int = HORIZON_DAYS) -> DayDistribution:
        """No premiere within the horizon (a cancelled season): every quantile is None."""
        return cls(start, np.zeros(horizon), 1.0)

    @classmethod
    def uniform(cls, start: date, first: date, last: date,
                horizon: int = HORIZON_DAYS) -> DayDistribution:
        pmf = np.zeros(horizon)
        a = max(0, (first - start).days)
        b = min(horizon - 1, (last - start).days)
        if b < a:
            return cls.point(start, max(first, start), horizon)
        pmf[a:b + 1] = 1.0 / (b - a + 1)
        return cls(start, pmf, 0.0)

    # -- reading -------------------------------------------------------------------
    @property
    def cdf(self) -> np.ndarray:
        return np.cumsum(self.pmf)

    def day(self, i: int) -> date:
        return self.start + timedelta(days=int(i))

    def index(self, d: date) -> int:
        return (d - self.start).days

    def cdf_at(self, d: date) -> float:
        """P(premiere on or before d)."""
        i = self.index(d)
        if i < 0:
            return 0.0
        if i >= len(self.pmf):
            return float(self.pmf.sum())
        return float(self.cdf[i])

    def prob_between(self, first: date, last: date) -> float:
        a, b = max(0, self.index(first)), min(len(self.pmf) - 1, self.index(last))
        if b < a:
            return 0.0
        return float(self.pmf[a:b + 1].sum())

    def quantile(self, q: float) -> date | None:
        """The first day by which the premiere has happened with probability q; None if
        that lies beyond the horizon."""
        c = self.cdf
        i = int(np.searchsorted(c, q - 1e-12))
        if i >= len(c):
            return None
        return self.day(i)

    def quantiles(self) -> dict[str, date | None]:
        return {k: self.quantile(q) for k, q in QUANTILES.items()}

    def month_end_cdf(self, months: int = 60) -> list[tuple[date, float]]:
        out = []
        y, m = self.start.year, self.start.month
        for _ in range(months):
            end = date(y, m, calendar.monthrange(y, m)[1])
            out.append((end, round(self.cdf_at(end), 4)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def p_by_year(self, years: int = 3) -> dict[str, float]:
        out: dict[str, float] = {}
        total = 0.0
        for y in range(self.start.year, self.start.year + years):
            p = self.prob_between(date(y, 1, 1), date(y, 12, 31))
            out[str(y)] = round(p, 4)
            total += p
        out["later"] = round(max(0.0, 1.0 - total), 4)
        return out

    def mean_day(self) -> date:
        idx = np.arange(len(self.pmf))
        mass = self.pmf.sum()
        m = float((idx * self.pmf).sum() / mass) if mass > 0 else len(self.pmf)
        m = (m * mass + len(self.pmf) * self.tail) / max(mass + self.tail, 1e-12)
        return self.day(round(m))

    # -- evidence ------------------------------------------------------------------
    def set_span_probability(self, first: date, last: date, q: float) -> DayDistribution:
        """Re-weight so that P(premiere within [first, last]) = q, keeping the shape
        inside and outside the span. With no mass inside, the inside is uniform."""
        n = len(self.pmf)
        a, b = max(0, self.index(first)), min(n - 1, self.index(last))
        if b < a:  # the span is already past (or beyond the horizon)
            return self
        inside = np.zeros(n, dtype=bool)
        inside[a:b + 1] = True
        p_in = float(self.pmf[inside].sum())
        p_out = float(self.pmf[~inside].sum()) + self.tail
        pmf = self.pmf.copy()
        if p_in <= 1e-12:
            pmf[inside] = 1.0 / (b - a + 1)
            p_in = 1.0
        pmf[inside] *= q / p_in
        tail = self.tail
        if p_out <= 1e-12:
            # nothing outside: put the remainder after the span, spread over a year
            after = np.zeros(n, dtype=bool)
            after[b + 1:min(n, b + 366)] = True
            if after.any():
                pmf[after] = (1 - q) / after.sum()
            else:
                tail = 1 - q
        else:
            pmf[~inside] *= (1 - q) / p_out
            tail = self.tail * (1 - q) / p_out
        return DayDistribution(self.start, pmf, tail)

    def normalized(self) -> DayDistribution:
        total = float(self.pmf.sum()) + self.tail
        if total <= 0:
            return DayDistribution.point(self.start, self.start, len(self.pmf))
        return DayDistribution(self.start, self.pmf / total, self.tail / total)

    def recalibrated(self, pit_map) -> DayDistribution:
        """Apply a monotone map to the CDF (see `seasoncast.forecast.calibration`)."""
        cdf = np.asarray(pit_map(np.clip(self.cdf, 0.0, 1.0)), dtype=float)
        return DayDistribution.from_cdf(self.start, cdf)

    # -- scoring -------------------------------------------------------------------
    def crps_days(self, actual: date) -> float:
        """Continuous ranked probability score against the actual premiere, in days."""
        c = self.cdf
        obs = np.arange(len(c)) >= self.index(actual)
        score = float(np.sum((c - obs) ** 2))
        if self.index(actual) >= len(c):  # beyond the horizon: count the gap as well
            score += float(self.index(actual) - len(c)) * (1 - c[-1]) ** 2
        elif self.index(actual) < 0:
            score += float(-self.index(actual))  # mass all after a premiere already past
        return score
