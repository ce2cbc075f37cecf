"""Forecast speed: fit once, then forecast every tracked (not yet premiered) season.

Target (issue: forecast): all tracked seasons in under 1 second once the model is loaded.
Run: .venv/bin/python benchmarks/forecast_speed.py
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from datetime import date

from seasoncast.forecast.backtest import load_calibration
from seasoncast.forecast.model import PremiereForecaster
from seasoncast.reference import load_bundled
from seasoncast.timeline import derive_status

AS_OF = date(2026, 11, 24)


def main() -> None:
    t0 = time.perf_counter()
    data = load_bundled()
    t1 = time.perf_counter()
    model = PremiereForecaster().fit(data, AS_OF)
    model.calibration = load_calibration()
    t2 = time.perf_counter()
    by_title = defaultdict(list)
    for e in data.events:
        if e.known_on <= AS_OF:
            by_title[e.title].append(e)
    seasons = data.merged_seasons()
    todo = [(k, s) for k, s in seasons.items()
            if derive_status([e for e in by_title[k[0]] if e.season == k[1]], AS_OF)[0].value
            != "released" and by_title[k[0]]]
    t3 = time.perf_counter()
    for (title, n), s in todo:
        model.predict(by_title[title], s, n, AS_OF).to_dict()
    t4 = time.perf_counter()
    print(f"load bundled data: {t1 - t0:.2f} s")
    print(f"fit (6 stage models): {t2 - t1:.2f} s")
    print(f"forecast {len(todo)} tracked seasons (incl. JSON): {t4 - t3:.3f} s "
          f"({(t4 - t3) / max(1, len(todo)) * 1000:.1f} ms each) — target < 1 s")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        main()
