"""Full backtest time on the bundled data (target: under 10 minutes on 2 cores).

Run: .venv/bin/python benchmarks/backtest_speed.py   (prints the summary figures too)
"""

from __future__ import annotations

import json
import time

from seasoncast.forecast.backtest import run_backtest
from seasoncast.reference import load_bundled


def main() -> None:
    data = load_bundled()
    t0 = time.perf_counter()
    summary = run_backtest(data, data)
    elapsed = time.perf_counter() - t0
    summary.pop("calibration", None)
    print(json.dumps({k: summary[k] for k in ("n_forecasts", "n_seasons", "crps_days",
                                               "mae_p50_days", "coverage_50", "coverage_80",
                                               "coverage_90", "brier_by_year")}))
    print(f"backtest: {elapsed:.0f} s for {summary['n_forecasts']} forecasts "
          f"— target < 600 s")


if __name__ == "__main__":
    main()
