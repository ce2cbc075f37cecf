"""The forecast chart: probability of the premiere by month, drawn server-side.

matplotlib renders SVG (inlined in HTML, so reports work offline and in e-mail) and PNG
on request. The chart carries only dates and numbers, never text from articles.
"""

from __future__ import annotations

import io
import re

from seasoncast.forecast.model import Forecast
from seasoncast.report.build import month_probabilities


def _figure(fc: Forecast, months: int = 24):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    data = month_probabilities(fc, months)
    fig, ax = plt.subplots(figsize=(7.2, 2.6), dpi=100)
    labels = [d.strftime("%b %y") for d, _ in data]
    values = [p * 100 for _, p in data]
    ax.bar(range(len(data)), values, color="#3b6ea8", width=0.8)
    ax.set_xticks(range(0, len(data), 3), labels[::3], fontsize=8)
    ax.set_ylabel("% chance", fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    median = fc.dist.quantile(0.5)
    if median and data:
        first = data[0][0]
        i = (median.year - first.year) * 12 + median.month - first.month
        if 0 <= i < len(data):
            ax.axvline(i, color="#c0392b", linestyle="--", linewidth=1)
            ax.text(i + 0.2, max(values) * 0.95 if values else 1, "median", color="#c0392b",
                    fontsize=8)
    fig.tight_layout()
    return fig, plt


def chart_svg(fc: Forecast, months: int = 24) -> str:
    """An <svg> element (no XML prolog), ready to inline in HTML."""
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "seasoncast"  # stable ids: same input, same SVG
    fig, plt = _figure(fc, months)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S)


def chart_png(fc: Forecast, months: int = 24) -> bytes:
    fig, plt = _figure(fc, months)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()
