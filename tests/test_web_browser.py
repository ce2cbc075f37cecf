"""Browser tests: Playwright driving Debian's Chromium (headless) against a real uvicorn
server on a free loopback port. Screenshots go to test-artifacts/ (gitignored).

Skipped when /usr/bin/chromium is missing (`apt-get install -y chromium`); Playwright's
own browser download is not used.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from test_web_support import TOKEN, small_store_url

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "web"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at "
                                                     "/usr/bin/chromium"),
]

ARTICLE = ("Moonlit Harbor season 2 wraps filming\n\n"
           "Moonlit Harbor season 2 wrapped filming in October 2026, and Netflix said "
           "the new season will premiere on April 9, 2027. <b>Not bold</b>")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    url = small_store_url(tmp_path_factory.mktemp("web-browser"))
    port = _free_port()
    env = {**os.environ, "SEASONCAST_DATABASE_URL": url, "SEASONCAST_TOKEN": TOKEN}
    log = (tmp_path_factory.getbasetemp() / "uvicorn.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "seasoncast.web.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, "uvicorn exited"
            try:
                if httpx.get(base + "/healthz", timeout=2).json().get("ready"):
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server not ready in time"
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-dev-shm-usage", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    ctx = browser.new_context(viewport={"width": 1100, "height": 900},
                              java_script_enabled=False)  # the site works without JS
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text)
          if m.type == "error" and "status of 401" not in m.text else None)  # expected
    yield pg
    ctx.close()
    assert not errors, errors


def shot(page, name: str, full: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_navigate_search_and_open_a_season(server, page):
    page.goto(server + "/")
    assert page.title().startswith("Coming up")
    assert page.locator("table.coming tbody tr").count() > 5
    shot(page, "01-coming-up", full=False)
    page.get_by_label("Search titles").fill("moonlit harbr")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert "q=moonlit+harbr" in page.url
    rows = page.locator("table.coming tbody tr")
    assert rows.count() == 1
    shot(page, "02-search")
    page.get_by_role("link", name="Moonlit Harbor season 2").click()
    page.wait_for_load_state()
    assert page.url.endswith("/season/moonlit-harbor/2")
    assert page.locator("h1").inner_text() == "Moonlit Harbor season 2"
    assert page.locator("svg").count() >= 1
    shot(page, "03-season")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Sources", exact=True).click()
    assert page.locator("h1").inner_text() == "Sources"
    nav.get_by_role("link", name="Changes", exact=True).click()
    assert page.locator("h1").inner_text() == "Changes"


def test_filters(server, page):
    page.goto(server + "/")
    page.get_by_label("Platform").select_option("Apple TV+")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    text = page.locator("table.coming").inner_text()
    assert "Glass Orchard" in text and "Moonlit Harbor" not in text


def test_rumour_form(server, page):
    page.goto(server + "/check")
    page.get_by_label("Claim").fill("Moonlit Harbor season 2 premieres in December 2026")
    page.get_by_role("button", name="Check").click()
    page.wait_for_load_state()
    verdict = page.locator("section.notice")
    assert "Moonlit Harbor season 2" in verdict.inner_text()
    assert verdict.locator("strong").inner_text() in (
        "confirmed", "likely", "uncertain", "unlikely", "contradicted")
    shot(page, "04-check")


def test_ingest_an_article_with_the_token(server, page):
    page.goto(server + "/add")
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Published on").fill("2026-11-20")
    page.get_by_label("Token").fill(TOKEN)
    page.get_by_role("button", name="Preview what it says").click()
    page.wait_for_load_state()
    assert "Review what seasoncast read" in page.content()
    claims = page.locator("table tbody").inner_text()
    assert "release (announced)" in claims and "filming wrap" in claims
    assert page.locator("main b").count() == 0  # article markup shown as text
    shot(page, "05-add-preview")
    page.get_by_role("button", name="Store these claims").click()
    page.wait_for_load_state()
    assert "Stored:" in page.locator("main").inner_text()
    shot(page, "06-add-stored")
    page.get_by_role("link", name="Moonlit Harbor season 2", exact=True).click()
    page.wait_for_load_state()
    assert "April 9, 2027" in page.locator("main").inner_text() or \
        "9 April 2027" in page.locator("main").inner_text()
    page.goto(server + "/changes")
    assert "Moonlit Harbor season 2" in page.locator("main").inner_text()


def test_wrong_token_is_refused(server, page):
    page.goto(server + "/add")
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Token").fill("not-the-token")
    resp = None
    with page.expect_response(lambda r: r.url.endswith("/add")) as info:
        page.get_by_role("button", name="Preview what it says").click()
    resp = info.value
    assert resp.status == 401
    assert "valid token" in page.locator("[role=alert]").inner_text()


def test_phone_width(server, browser):
    """Readable at 375 px: nothing wider than the screen (no sideways scrolling)."""
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    pg = ctx.new_page()
    try:
        for path, name in (("/", "07-phone-coming-up"),
                           ("/season/moonlit-harbor/2", "08-phone-season"),
                           ("/add", "09-phone-add")):
            pg.goto(server + path)
            shot(pg, name)
            width = pg.evaluate("document.documentElement.scrollWidth")
            assert width <= 375 + 2, f"{path} is {width} px wide"
    finally:
        ctx.close()
