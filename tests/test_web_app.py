"""The web app's pages, JSON API and feeds, on a small store (FastAPI TestClient)."""

from __future__ import annotations

import html5lib
import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from test_web_support import TOKEN, small_store_url


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from seasoncast.web import create_app

    url = small_store_url(tmp_path_factory.mktemp("web-app"))
    app = create_app(url, token=TOKEN, warm=False)
    with TestClient(app) as c:
        yield c


def parse(page: str):
    """Strict HTML5 parse: a page that does not parse cleanly fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(page)


def labelled(doc) -> None:
    """Every visible form control has a <label for=…>."""
    labels = {lab.get("for") for lab in doc.iter("label")}
    for tag in ("input", "select", "textarea"):
        for el in doc.iter(tag):
            if el.get("type") in ("hidden", "submit"):
                continue
            assert el.get("id") in labels, f"unlabelled <{tag} name={el.get('name')}>"


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_coming_up_lists_tracked_seasons_sorted_by_median(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    doc = parse(r.text)
    labelled(doc)
    assert doc.find(".//main") is not None and doc.find(".//nav") is not None
    assert 'name="viewport"' in r.text
    assert "Moonlit Harbor season 2" in r.text
    assert "P(premiere in" in r.text
    data = client.get("/api/seasons").json()
    medians = [s["median"] for s in data["seasons"] if s["median"]]
    assert medians == sorted(medians)
    assert data["count"] == len(data["seasons"]) > 5
    row = next(s for s in data["seasons"] if s["title"] == "Moonlit Harbor")
    assert row["status"] == "filming" and row["url"] == "/season/moonlit-harbor/2"
    assert row["passed_unreported"] is None
    # a window that went by with nothing reported since: the list says it may be out
    orchard = next(s for s in data["seasons"] if s["title"] == "Glass Orchard")
    assert orchard["passed_unreported"] == {
        "what": "official release window",
        "date": {"start": "2026-03-01", "end": "2026-03-31", "precision": "month",
                 "text": None}}
    assert "official release window March 2026 has passed: may be out" in r.text
    lo, hi = row["interval_80"]
    assert lo <= row["median"] <= hi
    assert 0 <= row["p_this_year"] <= 1


def test_filters_and_forgiving_search(client):
    r = client.get("/api/seasons", params={"platform": "apple tv+"})
    titles = {s["title"] for s in r.json()["seasons"]}
    assert "Glass Orchard" in titles and "Moonlit Harbor" not in titles
    r = client.get("/api/seasons", params={"status": "filming"})
    assert all(s["status"] == "filming" for s in r.json()["seasons"])
    assert client.get("/api/seasons", params={"status": "bogus"}).status_code == 400
    r = client.get("/", params={"q": "moonlit harbr"})  # misspelt
    assert r.status_code == 200 and "Moonlit Harbor season 2" in r.text
    r = client.get("/api/seasons", params={"q": "aouad"})  # an alias
    assert [s["title"] for s in r.json()["seasons"]][:1] == ["All of Us Are Dead"]
    r = client.get("/", params={"q": "zzzz qqqq xxxx", "country": "KR"})
    assert r.status_code == 200 and "No tracked season matches" in r.text


def test_season_page_embeds_the_explainer(client):
    r = client.get("/season/moonlit-harbor/2")
    assert r.status_code == 200
    doc = parse(r.text)
    assert "Moonlit Harbor season 2" in r.text
    assert "TL;DR" in r.text and "<svg" in r.text
    assert "<script" not in r.text.lower()
    assert doc.find(".//h1") is not None
    assert "content-security-policy" in r.headers
    # a sloppy address redirects to the canonical one
    r = client.get("/season/moonlit-harbour/2", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/season/moonlit-harbor/2"
    assert client.get("/season/moonlit-harbor/9").status_code == 404
    assert client.get("/season/moonlit-harbor/99999999999999999999999").status_code == 404


def test_api_forecast_timeline_report(client):
    fc = client.get("/api/seasons/moonlit-harbor/2/forecast").json()
    assert fc["title"] == "Moonlit Harbor" and fc["season"] == 2
    assert set(fc) >= {"as_of", "status", "released", "quantiles", "p_by_year", "cdf",
                       "drivers", "model"}
    assert set(fc["quantiles"]) == {"p05", "p10", "p25", "p50", "p75", "p90", "p95"}
    assert abs(sum(fc["p_by_year"].values()) - 1) < 0.02
    tl = client.get("/api/seasons/moonlit-harbor/2/timeline").json()
    assert tl["status"] == "filming" and tl["entries"]
    rep = client.get("/api/seasons/moonlit-harbor/2/report").json()
    assert rep["tldr"] and rep["forecast"]["season"] == 2
    r = client.get("/api/seasons/no-such-show/2/forecast")
    assert r.status_code == 404 and "error" in r.json()


def test_check_page_and_api(client):
    r = client.get("/check")
    assert r.status_code == 200
    labelled(parse(r.text))
    r = client.get("/check", params={"claim": "Moonlit Harbor season 2 in December 2026"})
    assert r.status_code == 200
    assert "Verdict" in r.text
    v = client.get("/api/check", params={"claim": "Moonlit Harbor S2 drops in 2028"}).json()
    assert v["verdict"] in ("confirmed", "likely", "uncertain", "unlikely", "contradicted")
    assert v["claim"]["title"] == "Moonlit Harbor" and 0 <= v["probability"] <= 1
    r = client.get("/api/check", params={"claim": "Moonlit Harbor season 2"})
    assert r.status_code == 400 and "no date" in r.json()["error"]
    # a fan's "when" question is sent to the season's forecast
    r = client.get("/check", params={"claim": "When is Moonlit Harbor season 2 coming out?"})
    assert r.status_code == 400 and 'href="/season/moonlit-harbor/2"' in r.text
    parse(r.text)
    r = client.get("/check", params={"claim": "Qwxyz Plorb season 2 in 2027"})
    assert r.status_code == 404
    # a close spelling: the suggestion is listed once, not also inside the message
    r = client.get("/check", params={"claim": "Moonlit season 2 in 2027"})
    assert r.status_code == 404 and r.text.count("Did you mean") == 1
    assert "Moonlit Harbor" in r.text
    # a claim too long for the library gets its readable message, not the validator's
    r = client.get("/check", params={"claim": "Moonlit Harbor season 2 " + "x" * 600})
    assert r.status_code == 400 and "longer than 500 characters" in r.text


def test_sources_changes_and_add_pages_render(client):
    for path in ("/sources", "/changes", "/add"):
        r = client.get(path)
        assert r.status_code == 200, path
        doc = parse(r.text)
        labelled(doc)
    assert client.get("/add").headers["cache-control"] == "no-store"


def test_calendar_feeds(client):
    r = client.get("/calendar.ics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(r.content)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    uid = "seasoncast-moonlit-harbor-s2@seasoncast"
    assert uid in events
    ev = events[uid]
    assert "80% interval" in str(ev["description"])
    assert str(ev["status"]) == "TENTATIVE"
    median = client.get("/api/seasons/moonlit-harbor/2/forecast").json()["quantiles"]["p50"]
    assert ev.decoded("dtstart").isoformat() == median  # all-day, at the median
    one = Calendar.from_ical(client.get("/season/moonlit-harbor/2.ics").content)
    (single,) = one.walk("VEVENT")
    assert str(single["uid"]) == uid  # the same UID in both feeds, so apps update
    # stable across requests
    again = Calendar.from_ical(client.get("/calendar.ics").content)
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == set(events)


def test_atom_feed_is_valid_xml(client):
    import xml.etree.ElementTree as ET

    r = client.get("/changes.atom")
    assert r.status_code == 200 and "atom" in r.headers["content-type"]
    root = ET.fromstring(r.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"


def test_openapi_lists_the_api(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/seasons", "/api/seasons/{slug}/{n}/forecast", "/api/check",
              "/api/extract", "/api/ingest"):
        assert p in paths
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_requests_are_logged_as_json_lines(tmp_path):
    import io
    import json

    from seasoncast.web import create_app

    stream = io.StringIO()
    app = create_app(small_store_url(tmp_path), token=TOKEN, warm=False, log_stream=stream)
    with TestClient(app) as c:
        c.get("/healthz")
        c.get("/nope")
    lines = [json.loads(ln) for ln in stream.getvalue().splitlines()]
    assert [(x["path"], x["status"]) for x in lines] == [("/healthz", 200), ("/nope", 404)]
    assert all({"ts", "method", "ms", "client", "level"} <= set(x) for x in lines)


@pytest.mark.postgres
def test_pages_and_ingest_on_each_backend(db_url):
    """The same app on SQLite and (when .ci/run provides one) PostgreSQL."""
    from test_web_support import EVIL_TEXT

    from seasoncast.reference import BUNDLED, read_pair
    from seasoncast.store import Store
    from seasoncast.web import create_app

    store = Store.open(db_url)
    store.import_reference(read_pair(BUNDLED / "curated-korean" / "seasons.csv",
                                     BUNDLED / "curated-korean" / "events.csv"))
    store.engine.dispose()
    with TestClient(create_app(db_url, token=TOKEN, warm=False)) as c:
        assert c.get("/healthz").json()["status"] == "ok"
        rows = c.get("/api/seasons").json()["seasons"]
        r = c.post("/api/ingest", headers={"Authorization": f"Bearer {TOKEN}"},
                   json={"text": EVIL_TEXT.replace("Moonlit Harbor", "Weak Hero")
                         .replace("season 2", "season 3"), "published": "2026-11-20"})
        assert r.status_code == 200, r.text
        assert r.json()["events_added"] >= 1
        after = c.get("/api/seasons").json()["seasons"]
        assert any(s["title"] == "Weak Hero" and s["season"] == 3 for s in after)
        assert len(after) >= len(rows)
        page = c.get("/season/weak-hero/3")
        assert page.status_code == 200 and "<script>alert" not in page.text
        assert "Weak Hero season 3" in c.get("/changes").text
        c.app.state.site.store.engine.dispose()


def test_serve_command_is_registered():
    from typer.testing import CliRunner

    from seasoncast.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--workers" in result.output
