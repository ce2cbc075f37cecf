"""Recalibrating predictive CDFs from held-out probability integral transforms (PIT).

If forecasts were calibrated, the CDF evaluated at the actual premiere would be uniform
on [0, 1]. Collect those values on held-out backtest forecasts; their empirical CDF `G`
maps a forecast's CDF F to G(F), which is calibrated on that sample. Shrinking G towards
the identity keeps a small sample from over-correcting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LEVELS = np.linspace(0.0, 1.0, 41)


@dataclass(frozen=True)
class PitMap:
    """A monotone map [0, 1] -> [0, 1] (piecewise linear through `knots`)."""

    knots: tuple[float, ...]  # G at LEVELS
    n: int

    @classmethod
    def fit(cls, pits: list[float] | np.ndarray, shrink: float = 50.0) -> PitMap:
        p = np.sort(np.clip(np.asarray(pits, dtype=float), 0.0, 1.0))
        if len(p) == 0:
            return cls(tuple(LEVELS), 0)
        ecdf = np.searchsorted(p, LEVELS, side="right") / len(p)
        w = len(p) / (len(p) + shrink)
        g = w * ecdf + (1 - w) * LEVELS
        g = np.maximum.accumulate(g)
        g[0], g[-1] = 0.0, 1.0
        return cls(tuple(float(x) for x in g), len(p))

    def __call__(self, u: np.ndarray) -> np.ndarray:
        return np.interp(u, LEVELS, np.asarray(self.knots))

    def to_dict(self) -> dict:
        return {"knots": list(self.knots), "n": self.n}

    @classmethod
    def from_dict(cls, d: dict) -> PitMap:
        return cls(tuple(d["knots"]), int(d["n"]))


def pit(cdf_before: float, cdf_at: float) -> float:
    """The PIT of a discrete forecast: the middle of the CDF's jump at the outcome."""
    return 0.5 * (cdf_before + cdf_at)


@dataclass(frozen=True)
class StageCalibration:
    """One PIT map per stage group (pre_wrap, post_wrap, post_window): forecasts made
    with an official window err differently from those made before filming wrapped."""

    maps: dict[str, PitMap]

    @classmethod
    def fit(cls, pits_by_group: dict[str, list[float]]) -> StageCalibration:
        return cls({g: PitMap.fit(p) for g, p in pits_by_group.items()})

    def for_group(self, group: str) -> PitMap | None:
        return self.maps.get(group)

    def to_dict(self) -> dict:
        return {g: m.to_dict() for g, m in self.maps.items()}

    @classmethod
    def from_dict(cls, d: dict) -> StageCalibration:
        return cls({g: PitMap.from_dict(m) for g, m in d.items()})
