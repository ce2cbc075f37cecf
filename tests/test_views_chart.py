"""Charts: valid SVG, no script fetched from elsewhere, titles kept as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from seasoncast.views.chart import half_year_chart, weekly_chart

FIG = {"title": 'Tom & Jerry <script>alert("x")</script>', "season": 2,
       "weekly": [{"period": {"end": "2022-01-30"}, "hours": 124_790_000, "views": None},
                  {"period": {"end": "2022-02-06"}, "hours": 236_230_000, "views": None}],
       "half_years": [{"report": "2023H1", "views": 7_700_000},
                      {"report": "2023H2", "views": None}]}


def test_weekly_chart_escapes_title():
    svg = weekly_chart(FIG)
    root = ET.fromstring(svg)  # well-formed
    assert "<script>alert" not in svg and "&lt;script&gt;" in svg
    assert "kozea.github.io" not in svg  # pygal's tooltip script is not pulled in
    assert root.tag.endswith("svg")


def test_half_year_chart():
    svg = half_year_chart(FIG)
    ET.fromstring(svg)
    assert "2023H1" in svg
