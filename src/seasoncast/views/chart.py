"""Small SVG charts of a season's viewing, for the explainer and the season page.

pygal writes the SVG with ElementTree, which escapes titles (they come from data files
and users); the tests check that markup in a title stays text.
"""

from __future__ import annotations

import pygal
from pygal.style import CleanStyle


def _millions(value: float | None) -> float | None:
    return None if value is None else round(value / 1e6, 2)


def _chart(cls, title: str):
    return cls(width=640, height=300, style=CleanStyle, show_legend=False,
               title=title, x_label_rotation=30, disable_xml_declaration=True,
               show_minor_x_labels=False, truncate_label=-1, print_values=False,
               js=[])  # no tooltip script fetched from a CDN


def weekly_chart(figures: dict, metric: str = "hours") -> str:
    """Line chart of the weekly Top 10 figure (millions) for one season."""
    weeks = figures["weekly"]
    chart = _chart(pygal.Line, f"{figures['title']} season {figures['season']}: weekly "
                               f"{metric} in the global Top 10 (millions)")
    chart.x_labels = [w["period"]["end"] for w in weeks]
    chart.x_labels_major = chart.x_labels[::4]
    chart.add(metric, [_millions(w[metric]) for w in weeks])
    return chart.render(is_unicode=True)


def half_year_chart(figures: dict) -> str:
    """Bar chart of views per engagement report (millions)."""
    reports = figures["half_years"]
    chart = _chart(pygal.Bar, f"{figures['title']} season {figures['season']}: views per "
                              "half year (millions)")
    chart.x_labels = [r["report"] for r in reports]
    chart.add("views", [_millions(r["views"]) for r in reports])
    return chart.render(is_unicode=True)
