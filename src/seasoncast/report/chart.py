"""Charts drawn server-side: the premiere forecast by month, and a season's viewing.

matplotlib renders SVG (inlined in HTML, so reports work offline and in e-mail) and PNG
on request. Text is drawn as glyph outlines, not SVG text, so a title from a data file
cannot become markup. The forecast chart carries only dates and numbers.
"""

from __future__ import annotations

import io
import re

from seasoncast.forecast.model import Forecast
from seasoncast.report.build import month_probabilities


def _axes(height: float = 2.6):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.2, height), dpi=100)
    ax.tick_params(axis="y", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax, plt


def _svg(fig, plt) -> str:
    """An <svg> element (no XML prolog, no comments), ready to inline in HTML."""
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "seasoncast"  # stable ids: same input, same SVG
    matplotlib.rcParams["svg.fonttype"] = "path"
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S)


def _figure(fc: Forecast, months: int = 24):
    data = month_probabilities(fc, months)
    fig, ax, plt = _axes()
    labels = [d.strftime("%b %y") for d, _ in data]
    values = [p * 100 for _, p in data]
    ax.bar(range(len(data)), values, color="#3b6ea8", width=0.8)
    ax.set_xticks(range(0, len(data), 3), labels[::3], fontsize=8)
    ax.set_ylabel("% chance", fontsize=8)
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
    """The forecast chart as an <svg> element."""
    fig, plt = _figure(fc, months)
    return _svg(fig, plt)


def chart_png(fc: Forecast, months: int = 24) -> bytes:
    fig, plt = _figure(fc, months)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _views_chart(title: str, labels: list[str], values: list[float | None], kind: str,
                 every: int = 1) -> str:
    fig, ax, plt = _axes(3.0)
    xs = range(len(values))
    ys = [float("nan") if v is None else v / 1e6 for v in values]
    if kind == "line":
        ax.plot(xs, ys, color="#3b6ea8", marker="o", markersize=3, linewidth=1.5)
    else:
        ax.bar(xs, ys, color="#3b6ea8", width=0.7)
    ax.set_xticks(list(xs)[::every], labels[::every], fontsize=8, rotation=30, ha="right")
    ax.set_ylabel("millions", fontsize=8)
    ax.set_title(title[:120], fontsize=9, loc="left")
    fig.tight_layout()
    return _svg(fig, plt)


def weekly_views_svg(figures: dict, metric: str = "hours") -> str:
    """Line chart of a season's weekly Top 10 figure (millions), from `season_figures`."""
    weeks = figures["weekly"]
    return _views_chart(f"{figures['title']} season {figures['season']}: weekly {metric} "
                        "in the global Top 10", [w["period"]["end"] for w in weeks],
                        [w[metric] for w in weeks], "line", every=4)


def half_year_views_svg(figures: dict) -> str:
    """Bar chart of a season's views per engagement report (millions)."""
    reports = figures["half_years"]
    return _views_chart(f"{figures['title']} season {figures['season']}: views per half year",
                        [r["report"] for r in reports], [r["views"] for r in reports], "bar")
