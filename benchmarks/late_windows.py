"""Late in a window: do forecasts made near the end of an official window or line-up slot,
with no premiere date announced yet, give the slot the right probability?

A forecast made on November 26 for a season listed in a 2026 line-up puts much of its
2026 chance into December. This checks, on the backtest's own forecasts, how often such
seasons did premiere by the end of their slot, against the probability they were given.

Run: .venv/bin/seasoncast backtest --out forecasts.jsonl
     .venv/bin/python benchmarks/late_windows.py forecasts.jsonl [more.jsonl ...]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date

from seasoncast.forecast.evidence import season_state
from seasoncast.reference import load_bundled

BANDS = ((0, 31), (32, 62))  # days left in the slot


def slot_end(st) -> date | None:
    """The end of the newest official window or line-up slot the season is in."""
    spans = ([st.official_window[0]] if st.official_window else []) + \
        [s for s, _ in st.slate_listed[-1:]]
    return spans[0].end if spans else None


def rows_of(path: str, by_title: dict) -> list[tuple[int, float, bool]]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if not r.get("actual"):
                continue
            as_of, actual = date.fromisoformat(r["as_of"]), date.fromisoformat(r["actual"])
            known = [e for e in by_title[r["title"]] if e.known_on <= as_of]
            st = season_state(known, r["season"], as_of)
            end = slot_end(st)
            if st.official_date is not None or end is None:
                continue
            left = (end - as_of).days
            if not 0 <= left <= BANDS[-1][1]:
                continue
            # the monthly CDF's last point on or before the slot's end (slots end on a
            # month's last day)
            p = max((p for d, p in r["cdf"] if date.fromisoformat(d) <= end), default=0.0)
            out.append((left, p, actual <= end))
    return out


def main(paths: list[str]) -> None:
    by_title = defaultdict(list)
    for e in load_bundled().events:
        by_title[e.title].append(e)
    for path in paths:
        rows = rows_of(path, by_title)
        for lo, hi in BANDS:
            sel = [r for r in rows if lo <= r[0] <= hi]
            if not sel:
                continue
            n = len(sel)
            said = sum(p for _, p, _ in sel) / n
            came = sum(hit for *_, hit in sel) / n
            brier = sum((p - hit) ** 2 for _, p, hit in sel) / n
            print(f"{path}: {lo}-{hi} days left, no date: {n} forecasts, P(by the slot's end) "
                  f"{said:.3f} on average, premiered by then {came:.3f}, Brier {brier:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:] or sys.exit(__doc__))
