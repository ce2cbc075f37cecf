"""The baselines the model must beat (issue: forecast).

(a) `rule_of_thumb`: premiere = wrap + 8 months, the pundits' rule;
(b) `previous_gap`: the same wrap-to-premiere gap as the show's previous season;
(c) `reference_class`: the Kaplan–Meier distribution of time from the stage reached to
    the premiere over all training seasons — no covariates, no evidence, no calibration.
(a) and (b) are point forecasts and exist only when a wrap (reported or planned) is
known; (c) always exists.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from datetime import date, timedelta

import numpy as np

from seasoncast.forecast.distribution import HORIZON_DAYS, DayDistribution
from seasoncast.forecast.evidence import STAGES, SeasonState, season_state
from seasoncast.model import Event, Kind, Modality

EIGHT_MONTHS = 243  # days


def _wrap_day(st: SeasonState) -> date | None:
    if "filming_wrap" in st.stages:
        return st.stages["filming_wrap"]
    plan = st.planned.get("filming_wrap")
    return plan[0].midpoint if plan else None


def rule_of_thumb(events: list[Event], number: int, as_of: date) -> DayDistribution | None:
    st = season_state(events, number, as_of)
    wrap = _wrap_day(st)
    if wrap is None:
        return None
    return DayDistribution.point(as_of, max(as_of, wrap + timedelta(days=EIGHT_MONTHS)))


def previous_gap(events: list[Event], number: int, as_of: date) -> DayDistribution | None:
    st = season_state(events, number, as_of)
    wrap = _wrap_day(st)
    if wrap is None or number < 2:
        return None
    prev = season_state(events, number - 1, as_of)
    if prev.released is None or "filming_wrap" not in prev.stages:
        return None
    gap = (prev.released - prev.stages["filming_wrap"]).days
    return DayDistribution.point(as_of, max(as_of, wrap + timedelta(days=gap)))


class ReferenceClass:
    """Kaplan–Meier survival of stage-to-premiere durations (lifelines)."""

    def __init__(self, rows: list[dict], exclude_titles: set[str] = frozenset()):
        from lifelines import KaplanMeierFitter

        by_stage: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        for r in rows:
            if r["title"] in exclude_titles:
                continue
            by_stage[r["stage"]][0].append(r["T"])
            by_stage[r["stage"]][1].append(r["E"])
        self.survival: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for stage, (t, e) in by_stage.items():
            if sum(e) < 5:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                km = KaplanMeierFitter().fit(t, e)
            sf = km.survival_function_
            self.survival[stage] = (sf.index.to_numpy(dtype=float),
                                    sf.iloc[:, 0].to_numpy(dtype=float))

    def _s(self, stage: str, x: np.ndarray) -> np.ndarray:
        times, surv = self.survival[stage]
        idx = np.searchsorted(times, x, side="right") - 1
        out = np.where(idx >= 0, surv[np.clip(idx, 0, len(surv) - 1)], 1.0)
        return out

    def predict(self, events: list[Event], number: int, as_of: date) -> DayDistribution:
        st = season_state(events, number, as_of)
        reached = [s for s in STAGES if s in st.stages and s in self.survival]
        stage = reached[-1] if reached else None
        if stage is None:
            if not self.survival:
                return DayDistribution.uniform(as_of, as_of, as_of + timedelta(days=730))
            stage, anchor = next(iter(self.survival)), as_of
        else:
            anchor = st.stages[stage]
        elapsed = (as_of - anchor).days
        grid = np.arange(HORIZON_DAYS) + elapsed
        s_e = float(self._s(stage, np.array([elapsed - 0.5]))[0])
        if s_e <= 1e-9:
            return DayDistribution.uniform(as_of, as_of, as_of + timedelta(days=365))
        s = self._s(stage, grid.astype(float)) / s_e
        cdf = 1.0 - np.clip(s, 0, 1)
        dist = DayDistribution.from_cdf(as_of, cdf)
        if dist.tail > 0:  # KM ends with censored times: spread the rest over a year
            last = int(np.searchsorted(cdf, cdf[-1]))
            extra = min(HORIZON_DAYS - last - 1, 365)
            if extra > 0:
                pmf = dist.pmf.copy()
                pmf[last + 1:last + 1 + extra] += dist.tail / extra
                dist = DayDistribution(as_of, pmf, 0.0)
        return dist


def wrap_known(events: list[Event], number: int, as_of: date) -> bool:
    return any(e.season == number and e.kind is Kind.FILMING_WRAP and e.modality is
               Modality.HAPPENED and e.known_on <= as_of for e in events)
