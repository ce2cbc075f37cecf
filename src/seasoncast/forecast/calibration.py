"""Recalibrating predictive CDFs from held-out probability integral transforms (PIT).

If forecasts were calibrated, the CDF evaluated at the actual premiere would be uniform
on [0, 1]. Collect those values on held-out backtest forecasts; their empirical CDF `G`
maps a forecast's CDF F to G(F), which is calibrated on that sample. Shrinking G towards
the identity keeps a small sample from over-correcting.

Forecasts are over days, so the CDF jumps at the actual day. A forecast that put 90% on
an official date that held has its PIT anywhere in that jump, not at its middle: each PIT
is the uniform distribution over [F(day before), F(day)] (the non-randomised PIT of Czado,
Gneiting and Held, 2009). Taking the middle instead piles such forecasts up at 0.5, and
the map learnt from them squeezes every other forecast's middle into a few days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Knots every 0.025, plus finer ones in the tails: shelved seasons land where the
# uncalibrated CDF is already above 0.9999, and with 0.975 as the last knot below 1 the
# map spread their mass evenly over F in [0.975, 1], so 90% intervals held 86% of
# outcomes (89% with these knots).
LEVELS = np.unique(np.concatenate([np.linspace(0.0, 1.0, 41),
                                   [1e-4, 1e-3, 0.005, 0.01, 0.99, 0.995, 0.999, 0.9999]]))
_LEGACY_LEVELS = np.linspace(0.0, 1.0, 41)  # calibration files written before the tails
# Where the fitted map is pinned to the sample's CDF; between them it follows a monotone
# cubic (PCHIP). The tails keep every level, but the body is pinned only every 0.125:
# the PITs come from a few hundred seasons with many forecasts each, and the sample CDF's
# steps at 0.025 were mostly noise that put bumps into every calibrated forecast (a
# season at 10% in June, 5% in August and 7% in October). Coarser pins cut those bumps
# by about 30% with the same backtest scores (docs/forecasting.md).
PINS = np.array([0.0, 1e-4, 1e-3, 0.005, 0.01, 0.025, 0.05, 0.125, 0.25, 0.375, 0.5,
                 0.625, 0.75, 0.875, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999, 1.0])


@dataclass(frozen=True)
class PitMap:
    """A monotone map [0, 1] -> [0, 1] (piecewise linear through `knots`)."""

    knots: tuple[float, ...]  # G at `levels`
    n: int
    levels: tuple[float, ...] = tuple(LEVELS)

    @classmethod
    def fit(cls, pits: Sequence[float | tuple[float, float]], shrink: float = 50.0
            ) -> PitMap:
        """`pits` are values, or (low, high) jumps of a discrete CDF (see `pit`)."""
        if len(pits) == 0:
            return cls(tuple(LEVELS), 0)
        lo_hi = np.clip(np.array([(p, p) if np.isscalar(p) else p for p in pits],
                                 dtype=float), 0.0, 1.0)
        lo, hi = lo_hi[:, :1], lo_hi[:, 1:]
        width = np.maximum(hi - lo, 1e-12)
        # each PIT's CDF at every level: a step for a value, a ramp across a jump
        each = np.where(hi - lo > 1e-12, np.clip((LEVELS - lo) / width, 0.0, 1.0),
                        (LEVELS >= lo).astype(float))
        ecdf = each.mean(axis=0)
        w = len(lo_hi) / (len(lo_hi) + shrink)
        g = w * ecdf + (1 - w) * LEVELS
        g = np.maximum.accumulate(g)
        g[0], g[-1] = 0.0, 1.0
        return cls(tuple(float(x) for x in _smoothed(g)), len(lo_hi))

    def __call__(self, u: np.ndarray) -> np.ndarray:
        return np.interp(u, np.asarray(self.levels), np.asarray(self.knots))

    def to_dict(self) -> dict:
        return {"knots": list(self.knots), "n": self.n, "levels": list(self.levels)}

    @classmethod
    def from_dict(cls, d: dict) -> PitMap:
        levels = tuple(d.get("levels") or _LEGACY_LEVELS)
        if len(levels) != len(d["knots"]):
            raise ValueError("calibration map: knots and levels differ in length")
        return cls(tuple(d["knots"]), int(d["n"]), levels)


def _smoothed(g: np.ndarray) -> np.ndarray:
    """The map through its values at `PINS` only, monotone and smooth in between."""
    from scipy.interpolate import PchipInterpolator  # imports slowly; fitting only

    pinned = np.searchsorted(LEVELS, PINS - 1e-12)  # PINS are among LEVELS
    out = np.clip(PchipInterpolator(LEVELS[pinned], g[pinned])(LEVELS), 0.0, 1.0)
    return np.maximum.accumulate(out)


def pit(cdf_before: float, cdf_at: float) -> tuple[float, float]:
    """The PIT of a discrete forecast: the CDF's jump at the outcome (see above)."""
    return (min(cdf_before, cdf_at), cdf_at)


@dataclass(frozen=True)
class StageCalibration:
    """One PIT map per stage group (pre_wrap, post_wrap, post_window): forecasts made
    with an official window err differently from those made before filming wrapped."""

    maps: dict[str, PitMap]

    @classmethod
    def fit(cls, pits_by_group: dict[str, list[tuple[float, float]]]) -> StageCalibration:
        return cls({g: PitMap.fit(p) for g, p in pits_by_group.items()})

    def for_group(self, group: str) -> PitMap | None:
        return self.maps.get(group)

    def to_dict(self) -> dict:
        return {g: m.to_dict() for g, m in self.maps.items()}

    @classmethod
    def from_dict(cls, d: dict) -> StageCalibration:
        return cls({g: PitMap.from_dict(m) for g, m in d.items()})
