"""Demand as a forecast input (tested in the backtest; see docs/forecasting.md).

The signal: how big the previous season was in Netflix's weekly global Top 10 — its peak
weekly hours — counted only from lists published by the forecast's day. Seasons without
such a list (other platforms, premieres before the Top 10 began in mid-2021) get 0 and a
"no data" flag, so the model can tell absence of data from absence of demand.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

BUNDLE = Path(__file__).resolve().parent.parent / "data" / "views" / "views.json"
TOP10_LAG = timedelta(days=2)  # a week's list appears on the Tuesday after it


class DemandIndex:
    """(title, season) -> [(published, weekly hours)] from the bundled Top 10 rows."""

    def __init__(self, weeks: dict[tuple[str, int], list[tuple[date, float]]]):
        self.weeks = weeks

    @classmethod
    def bundled(cls, path: Path = BUNDLE) -> DemandIndex:
        doc = json.loads(path.read_text(encoding="utf-8"))
        col = {c: i for i, c in enumerate(doc["columns"])}
        weeks: dict[tuple[str, int], list[tuple[date, float]]] = defaultdict(list)
        for r in doc["rows"]:
            if r[col["dataset"]] != "top10-weekly" or r[col["metric"]] != "hours":
                continue
            if r[col["title"]] is None or r[col["season"]] is None:
                continue
            published = date.fromisoformat(r[col["period_end"]]) + TOP10_LAG
            weeks[(r[col["title"]].casefold(), int(r[col["season"]]))].append(
                (published, float(r[col["value"]])))
        return cls(dict(weeks))

    def features(self, title: str, season: int, as_of: date) -> dict[str, float]:
        """log10 of the previous season's peak weekly hours known by `as_of`."""
        rows = [h for d, h in self.weeks.get((title.casefold(), season - 1), []) if d <= as_of]
        if not rows:
            return {"demand": 0.0, "no_demand": 1.0}
        return {"demand": math.log10(max(rows)) - 7.0, "no_demand": 0.0}
