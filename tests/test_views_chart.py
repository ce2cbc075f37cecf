"""Viewing charts: well-formed SVG, no script, and a title from data never becomes markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from seasoncast.report.chart import half_year_views_svg, weekly_views_svg

FIG = {"title": 'Tom & Jerry <script>alert("x")</script>', "season": 2,
       "weekly": [{"period": {"end": f"2022-0{m}-0{d}"}, "hours": 1e8 + m * 1e7 + d * 1e6,
                   "views": None} for m in (1, 2) for d in (2, 9)],
       "half_years": [{"report": "2023H1", "views": 7_700_000},
                      {"report": "2023H2", "views": None}]}


def test_weekly_chart_is_svg_without_markup_from_the_title():
    svg = weekly_views_svg(FIG)
    root = ET.fromstring(svg)  # well-formed
    assert root.tag.endswith("svg")
    assert "<script" not in svg and "alert" not in svg
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 10  # the line, glyphs


def test_half_year_chart_skips_missing_figures():
    svg = half_year_views_svg(FIG)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and "<script" not in svg
