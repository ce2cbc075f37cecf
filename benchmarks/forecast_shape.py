"""Forecast shape: how bumpy the month-by-month probabilities of the tracked seasons are.

A fan reads the explainer's chart month by month; probabilities that go up, down and up
again from one month to the next (10% in June, 5% in August, 7% in October) claim a
precision the data do not have. This counts, for every tracked season not yet premiered,
how often its monthly probability changes direction among the months holding at least
2%, with the calibration map shipped in the package, without any map, and with any map
files given (e.g. an older `calibration.json` taken from git history).

Run: .venv/bin/python benchmarks/forecast_shape.py [CALIBRATION.json ...]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np

from seasoncast.forecast.backtest import load_calibration
from seasoncast.forecast.calibration import StageCalibration
from seasoncast.forecast.model import PremiereForecaster
from seasoncast.reference import load_bundled
from seasoncast.timeline import derive_status

AS_OF = date(2026, 11, 24)
MONTHS = 36
MIN_MONTH = 0.02


def direction_changes(monthly: np.ndarray) -> int:
    steps = np.sign(np.diff(monthly[monthly >= MIN_MONTH]))
    return int((steps[1:] * steps[:-1] < 0).sum())


def main(paths: list[str]) -> None:
    data = load_bundled()
    model = PremiereForecaster().fit(data, AS_OF)
    maps: dict[str, StageCalibration | None] = {"no map": None, "shipped": load_calibration()}
    for p in paths:
        maps[p] = StageCalibration.from_dict(json.loads(Path(p).read_text(encoding="utf-8")))
    by_title = defaultdict(list)
    for e in data.events:
        if e.known_on <= AS_OF:
            by_title[e.title].append(e)
    changes: dict[str, list[int]] = {name: [] for name in maps}
    for (title, n), season in data.merged_seasons().items():
        own = [e for e in by_title[title] if e.season == n]
        if not own or derive_status(own, AS_OF)[0].value == "released":
            continue
        raw = model.predict(by_title[title], season, n, AS_OF, calibrated=False)
        if raw.released or raw.cancelled:
            continue
        for name, calibration in maps.items():
            pit_map = calibration.for_group(raw.calibration_group) if calibration else None
            dist = raw.dist.recalibrated(pit_map) if pit_map else raw.dist
            cdf = np.array([p for _, p in dist.month_end_cdf(MONTHS)])
            changes[name].append(direction_changes(np.diff(cdf, prepend=0.0)))
    for name, xs in changes.items():
        print(f"{name}: {len(xs)} seasons, monthly probabilities change direction "
              f"{np.mean(xs):.2f} times per season (median {np.median(xs):.0f})")


if __name__ == "__main__":
    main(sys.argv[1:])
