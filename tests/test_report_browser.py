"""The explainer's HTML in a real browser (Debian's Chromium, headless): the structure a
reader sees — heading, TL;DR, forecast table and chart, timeline, sources — laid out in
order and readable on a phone-width screen. Screenshots go to test-artifacts/."""

import os
from pathlib import Path

import pytest

from tests.test_verdict_report import AS_OF, BASE, RUMOUR, SLATE, make_store

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.mark.parametrize("width", [1200, 390])
def test_report_structure_in_chromium(browser, tmp_path, monkeypatch, width):
    from seasoncast.report import build_report, render_html

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    store = make_store(tmp_path, BASE + RUMOUR + SLATE)
    page_html = render_html(build_report(store, store.season("Zombie School", 2), AS_OF))
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"report-{width}.png"), full_page=True)
    boxes = {}
    for sel in ("h1", "#tldr-h", "#forecast-h", "figure.chart svg", "#timeline-h",
                "#rumours-h", "#sources-h"):
        box = page.locator(sel).first.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0, sel
        boxes[sel] = box
    tops = [boxes[s]["y"] for s in ("h1", "#tldr-h", "#forecast-h", "#timeline-h",
                                    "#rumours-h", "#sources-h")]
    assert tops == sorted(tops)  # the sections read top to bottom in this order
    # nothing overflows the screen sideways, the chart included
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    assert boxes["figure.chart svg"]["width"] <= width
    page.close()
