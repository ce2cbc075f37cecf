"""Time-travel backtest (interfaces.md §6).

For every season with a known premiere, and every as-of day of its protocol (the day after
each distinct `known_on` before the premiere, and the 1st of every month from its first
`known_on` until the premiere), forecast with only the rows known by then, from a model
trained without the season's title and without any row known after the as-of day.

Training cost is kept down in two honest ways, both stricter than the protocol needs:
models are refitted at half-year cut-offs (each forecast uses the latest cut-off on or
before its as-of day, so it sees no row known later), and titles are left out in ten
folds (a forecast's model never saw its own title, nor the other titles of its fold).
The calibration map for a fold's forecasts is fitted on the other folds' PIT values only.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

import numpy as np

from seasoncast.forecast.baselines import (
    ReferenceClass,
    previous_gap,
    rule_of_thumb,
)
from seasoncast.forecast.calibration import StageCalibration, pit
from seasoncast.forecast.demand import DemandIndex
from seasoncast.forecast.distribution import DayDistribution
from seasoncast.forecast.model import DEFAULT_FAMILY, PremiereForecaster, TrainingSet
from seasoncast.model import Event, Kind, Modality
from seasoncast.reference import ReferenceData

N_FOLDS = 10
BASELINES = ("rule_of_thumb_wrap_plus_8_months", "previous_season_gap",
             "reference_class_empirical")


def fold_of(title: str) -> int:
    return int(hashlib.sha256(title.casefold().encode()).hexdigest(), 16) % N_FOLDS


def cutoff_for(as_of: date) -> date:
    return date(as_of.year, 1 if as_of.month < 7 else 7, 1)


def protocol(events: list[Event], premiere: date) -> list[date]:
    """The as-of days of one season (its own rows only), all before its premiere."""
    known = sorted({e.known_on for e in events if e.known_on < premiere})
    if not known:
        return []
    days = {k + timedelta(days=1) for k in known}
    d = date(known[0].year, known[0].month, 1)
    if d < known[0]:
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    while d < premiere:
        days.add(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return sorted(x for x in days if x < premiere)


@dataclass
class Case:
    title: str
    season: int
    as_of: date
    actual: date


def cases_of(data: ReferenceData) -> list[Case]:
    by_season: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for e in data.events:
        by_season[(e.title, e.season)].append(e)
    out = []
    for (title, n), evs in sorted(by_season.items()):
        releases = [e.date.start for e in evs if e.kind is Kind.RELEASE
                    and e.modality is Modality.HAPPENED and e.date]
        if not releases:
            continue
        premiere = min(releases)
        for as_of in protocol(evs, premiere):
            out.append(Case(title, n, as_of, premiere))
    return out


def scores(dist: DayDistribution, actual: date) -> dict:
    q = dist.quantiles()

    def inside(lo: str, hi: str) -> float:
        a, b = q[lo], q[hi]
        return float(a is not None and a <= actual and (b is None or actual <= b))

    p50 = q["p50"]
    mae = abs((p50 - actual).days) if p50 else abs(dist.index(actual) - len(dist.pmf))
    years = dist.p_by_year()
    outcome = str(actual.year) if str(actual.year) in years else "later"
    brier = sum((p - (1.0 if k == outcome else 0.0)) ** 2 for k, p in years.items())
    lo, hi = pit(dist.cdf_at(actual - timedelta(days=1)), dist.cdf_at(actual))

    def pit_inside(level: float) -> float:
        a, b = (1 - level) / 2, (1 + level) / 2
        if hi - lo < 1e-9:
            return float(a <= lo <= b)
        return max(0.0, min(hi, b) - max(lo, a)) / (hi - lo)

    return {"crps": dist.crps_days(actual), "ae": float(mae), "c50": inside("p25", "p75"),
            "c80": inside("p10", "p90"), "c90": inside("p05", "p95"), "brier": brier,
            "p50": pit_inside(0.5), "p80": pit_inside(0.8), "p90": pit_inside(0.9)}


_SCORE_KEYS = ("crps_days", "mae_p50_days", "coverage_50", "coverage_80", "coverage_90",
               "brier_by_year", "pit_coverage_50", "pit_coverage_80", "pit_coverage_90")


def summarize(rows: list[dict]) -> dict:
    """The contract's score block (§6); with no forecast, every score is null rather than
    missing, so that readers of the summary find the same keys whatever the data."""
    if not rows:
        return {"n_forecasts": 0, "n_seasons": 0, **dict.fromkeys(_SCORE_KEYS)}

    def mean(k: str) -> float:
        return round(float(np.mean([r[k] for r in rows])), 4)
    return {"n_forecasts": len(rows),
            "n_seasons": len({(r["title"], r["season"]) for r in rows}),
            "crps_days": round(mean("crps"), 2),
            "mae_p50_days": round(mean("ae"), 2), "coverage_50": mean("c50"),
            "coverage_80": mean("c80"), "coverage_90": mean("c90"),
            "brier_by_year": mean("brier"),
            # the same for the PIT, which counts a forecast's jump on the actual day in
            # proportion: a held official date is not "inside" every interval
            "pit_coverage_50": mean("p50"), "pit_coverage_80": mean("p80"),
            "pit_coverage_90": mean("p90")}


def run_backtest(data: ReferenceData, test: ReferenceData, out: TextIO | None = None,
                 progress: Callable[[int, int], None] | None = None, *,
                 demand: bool = False, family: str = DEFAULT_FAMILY) -> dict:
    """Backtest every season of `test` against models trained on `data` (which should
    include `test`'s rows). Returns the summary; writes one JSON line per forecast."""
    cases = cases_of(test)
    demand_index = DemandIndex.bundled() if demand else None
    by_title: dict[str, list[Event]] = defaultdict(list)
    for e in data.events:
        by_title[e.title].append(e)
    seasons = data.merged_seasons()
    cutoffs = sorted({cutoff_for(c.as_of) for c in cases})
    total = len(cases)
    done = 0
    dists: list[tuple[Case, object, dict]] = []
    for cutoff in cutoffs:
        batch = [c for c in cases if cutoff_for(c.as_of) == cutoff]
        training = TrainingSet.build(data, cutoff, demand_index)
        for fold in sorted({fold_of(c.title) for c in batch}):
            fold_cases = [c for c in batch if fold_of(c.title) == fold]
            excluded = {t for t in by_title if fold_of(t) == fold}
            model = PremiereForecaster(demand=demand_index, family=family).fit(
                data, cutoff, excluded, prepared=training)
            ref = ReferenceClass(training.rows, excluded)
            for c in fold_cases:
                evs = [e for e in by_title[c.title] if e.known_on <= c.as_of]
                fc = model.predict(evs, seasons.get((c.title, c.season)), c.season, c.as_of,
                                   calibrated=False)
                base = {
                    "rule_of_thumb_wrap_plus_8_months": rule_of_thumb(evs, c.season, c.as_of),
                    "previous_season_gap": previous_gap(evs, c.season, c.as_of),
                    "reference_class_empirical": ref.predict(evs, c.season, c.as_of),
                }
                dists.append((c, fc, base))
                done += 1
                if progress:
                    progress(done, total)
    # nested recalibration: each fold's maps come from the other folds' PITs, by stage
    pits: dict[tuple[int, str], list[tuple[float, float]]] = defaultdict(list)
    for c, fc, _ in dists:
        d = fc.dist
        pits[(fold_of(c.title), fc.calibration_group)].append(
            pit(d.cdf_at(c.actual - timedelta(days=1)), d.cdf_at(c.actual)))
    groups = {g for _, g in pits}

    def calibration_without(fold: int | None) -> StageCalibration:
        return StageCalibration.fit({g: [p for (f, gg), ps in pits.items()
                                         if gg == g and f != fold for p in ps]
                                     for g in groups})

    maps = {k: calibration_without(k) for k in range(N_FOLDS)}
    model_rows: list[dict] = []
    base_rows: dict[str, list[dict]] = defaultdict(list)
    paired: dict[str, list[dict]] = defaultdict(list)
    for c, fc, base in dists:
        pit_map = maps[fold_of(c.title)].for_group(fc.calibration_group)
        if pit_map is not None:
            fc.dist = fc.dist.recalibrated(pit_map)
        s = scores(fc.dist, c.actual)
        s["stage"], s["wrapped"] = fc.group, fc.wrapped
        s["title"], s["season"] = c.title, c.season
        model_rows.append(s)
        for name, d in base.items():
            if d is None:
                continue
            bs = scores(d, c.actual)
            bs["stage"], bs["wrapped"] = s["stage"], s["wrapped"]
            bs["title"], bs["season"] = c.title, c.season
            base_rows[name].append(bs)
            paired[name].append(s)
        if out is not None:
            line = fc.to_dict()
            line["actual"] = c.actual.isoformat()
            line["stage"], line["wrapped"] = fc.group, fc.wrapped
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    summary = {**summarize(model_rows), "by_stage": _by_stage(model_rows), "baselines": {}}
    for name in BASELINES:
        rows = base_rows.get(name, [])
        block = summarize(rows)
        block["by_stage"] = _by_stage(rows)
        block["model_on_same_forecasts"] = {**summarize(paired.get(name, [])),
                                            "by_stage": _by_stage(paired.get(name, []))}
        summary["baselines"][name] = block
    summary["calibration"] = calibration_without(None).to_dict()
    return summary


def _by_stage(rows: list[dict]) -> dict:
    """Scores by what the forecast knew: the three calibration groups, plus every
    forecast made once a wrap was reported (with or without a release window)."""
    out = {}
    for stage in ("pre_wrap", "post_wrap", "post_window"):
        part = [r for r in rows if r["stage"] == stage]
        out[stage] = summarize(part)
    out["after_wrap"] = summarize([r for r in rows if r["wrapped"]])
    return out


CALIBRATION_FILE = Path(__file__).resolve().parent.parent / "data" / "calibration.json"


def save_calibration(summary: dict, path: Path = CALIBRATION_FILE) -> None:
    path.write_text(json.dumps(summary["calibration"]) + "\n", encoding="utf-8")


def load_calibration(path: Path = CALIBRATION_FILE) -> StageCalibration | None:
    if not path.exists():
        return None
    return StageCalibration.from_dict(json.loads(path.read_text(encoding="utf-8")))
