"""The season explainer: built from data (`build.py`), rendered (`render.py`, `chart.py`)."""

from seasoncast.report.build import Report, build_report
from seasoncast.report.render import render_html, render_markdown

__all__ = ["Report", "build_report", "render_html", "render_markdown"]
