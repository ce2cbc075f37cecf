"""Writes and abuse: tokens, escaping of article text everywhere, URL ingestion of private
addresses, body size limit, ingest rate limit."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from test_web_support import EVIL_TEXT, EVIL_URL, TOKEN, small_store_url

AUTH = {"Authorization": f"Bearer {TOKEN}"}
RAW = ("<script>alert", "<img src=x", "<b>bold</b>")


def make_client(tmp_path, **kwargs) -> TestClient:
    from seasoncast.web import create_app

    kwargs.setdefault("token", TOKEN)
    return TestClient(create_app(small_store_url(tmp_path), warm=False, **kwargs))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A client whose store has the hostile article ingested through the API."""
    with make_client(tmp_path_factory.mktemp("web-sec")) as c:
        r = c.post("/api/ingest", headers=AUTH,
                   json={"text": EVIL_TEXT, "url": EVIL_URL, "published": "2026-11-20"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["events_added"] >= 1
        assert {"title": "Moonlit Harbor", "season": 2} in body["seasons"]
        yield c


def assert_no_raw_markup(text: str) -> None:
    for raw in RAW:
        assert raw not in text, raw


@pytest.mark.parametrize("path", ["/", "/season/moonlit-harbor/2", "/sources", "/changes",
                                  "/?q=moonlit", "/check?claim=Moonlit+Harbor+S2+March+2027"])
def test_article_markup_is_escaped_on_pages(ingested, path):
    r = ingested.get(path)
    assert r.status_code == 200
    assert_no_raw_markup(r.text)
    if path in ("/sources", "/changes"):
        assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in r.text


def test_ingested_claims_change_the_timeline(ingested):
    tl = ingested.get("/api/seasons/moonlit-harbor/2/timeline").json()
    kinds = {(e["kind"], e["modality"]) for e in tl["entries"]}
    assert ("release", "announced") in kinds
    changes = ingested.get("/changes").text
    assert "Moonlit Harbor season 2" in changes


def test_article_markup_is_escaped_in_atom(ingested):
    r = ingested.get("/changes.atom")
    assert r.status_code == 200
    assert_no_raw_markup(r.text)
    root = ET.fromstring(r.content)  # well-formed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    summaries = [e.findtext("a:summary", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert any("<script>alert('pwned')</script>" in s for s in summaries)  # text, not markup
    vias = [ln.get("href") for ln in root.iter("{http://www.w3.org/2005/Atom}link")
            if ln.get("rel") == "via"]
    assert EVIL_URL in vias


def test_article_markup_is_plain_text_in_icalendar(ingested):
    for path in ("/calendar.ics", "/season/moonlit-harbor/2.ics"):
        r = ingested.get(path)
        assert r.status_code == 200
        cal = Calendar.from_ical(r.content)
        events = [e for e in cal.walk("VEVENT")
                  if str(e["uid"]) == "seasoncast-moonlit-harbor-s2@seasoncast"]
        assert len(events) == 1
        ev = events[0]
        # the official day from the article makes it a confirmed all-day premiere
        assert str(ev["status"]) == "CONFIRMED"
        assert ev.decoded("dtstart").isoformat() == "2027-03-05"
        desc = str(ev["description"])
        assert EVIL_URL in desc  # carried as text; iCalendar has no markup to inject into
        # no property injection: every content line of the event is a known property
        for line in r.content.decode().replace("\r\n ", "").split("\r\n"):
            assert not line.startswith(("<", "BEGIN:VALARM", "ATTACH"))


def test_preview_shows_claims_escaped_and_stores_nothing(tmp_path):
    with make_client(tmp_path) as c:
        before = c.get("/api/seasons/moonlit-harbor/2/timeline").json()
        r = c.post("/add", data={"text": EVIL_TEXT, "token": TOKEN, "action": "preview"})
        assert r.status_code == 200
        assert "Review what seasoncast read" in r.text
        assert "March 5, 2027" in r.text and "release (announced)" in r.text
        assert_no_raw_markup(r.text)
        assert r.headers["cache-control"] == "no-store"
        assert c.get("/api/seasons/moonlit-harbor/2/timeline").json() == before
        r = c.post("/add", data={"text": EVIL_TEXT, "token": TOKEN, "action": "store"})
        assert r.status_code == 200 and "Stored:" in r.text
        assert_no_raw_markup(r.text)
        after = c.get("/api/seasons/moonlit-harbor/2/timeline").json()
        assert len(after["entries"]) > len(before["entries"])


def test_extract_api_returns_interfaces_shape(tmp_path):
    with make_client(tmp_path) as c:
        r = c.post("/api/extract", headers=AUTH,
                   json={"text": EVIL_TEXT, "published": "2026-11-20"})
        assert r.status_code == 200
        doc = r.json()
        assert set(doc) == {"document", "claims", "cast", "viewership"}
        assert any(cl["kind"] == "release" and cl["date"]["start"] == "2027-03-05"
                   for cl in doc["claims"])
        assert c.get("/changes").text.count("Moonlit Harbor season 2") == 0  # dry run


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_writes_without_the_token_are_refused(tmp_path, headers):
    with make_client(tmp_path) as c:
        for path in ("/api/ingest", "/api/extract"):
            r = c.post(path, headers=headers, json={"text": EVIL_TEXT})
            assert r.status_code == 401, path
            assert r.headers["www-authenticate"] == "Bearer"
        r = c.post("/add", data={"text": EVIL_TEXT, "token": "wrong", "action": "store"})
        assert r.status_code == 401
        assert_no_raw_markup(r.text)
        assert "Moonlit Harbor season 2" not in c.get("/changes").text


def test_writes_are_off_without_a_configured_token(tmp_path, monkeypatch):
    monkeypatch.delenv("SEASONCAST_TOKEN", raising=False)
    with make_client(tmp_path, token="") as c:
        r = c.post("/api/ingest", headers={"Authorization": "Bearer "},
                   json={"text": EVIL_TEXT})
        assert r.status_code == 403
        assert "switched off" in c.get("/add").text


def test_token_from_the_environment(tmp_path, monkeypatch):
    from seasoncast.web import create_app

    monkeypatch.setenv("SEASONCAST_TOKEN", "from-env")
    with TestClient(create_app(small_store_url(tmp_path), warm=False)) as c:
        r = c.post("/api/extract", headers={"Authorization": "Bearer from-env"},
                   json={"text": "Moonlit Harbor season 2 wrapped filming in October 2026."})
        assert r.status_code == 200


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/article", "http://localhost/x",
                                 "http://10.1.2.3/x", "http://[::1]/x",
                                 "http://169.254.169.254/latest/meta-data/",
                                 "file:///etc/passwd"])
def test_url_ingestion_refuses_private_addresses(tmp_path, url):
    with make_client(tmp_path) as c:
        r = c.post("/api/ingest", headers=AUTH, json={"url": url})
        assert r.status_code == 400
        assert "refus" in r.json()["error"] or "http" in r.json()["error"]
        r = c.post("/add", data={"url": url, "token": TOKEN, "action": "preview"})
        assert r.status_code == 400


def test_url_ingestion_of_loopback_when_configured(tmp_path, httpserver):
    httpserver.expect_request("/news").respond_with_data(
        "<html><head><title>Moonlit Harbor S2</title></head><body><p>Moonlit Harbor season 2 "
        "wrapped filming in October 2026.</p></body></html>", content_type="text/html")
    with make_client(tmp_path, allow_private=True) as c:
        r = c.post("/api/extract", headers=AUTH,
                   json={"url": httpserver.url_for("/news"), "published": "2026-11-20"})
        assert r.status_code == 200, r.text
        assert any(cl["kind"] == "filming_wrap" for cl in r.json()["claims"])


def test_oversize_bodies_get_413(tmp_path):
    with make_client(tmp_path, max_body=1_000_000) as c:
        big = "x" * 1_100_000
        r = c.post("/api/ingest", headers=AUTH, json={"text": big})
        assert r.status_code == 413
        r = c.post("/add", data={"text": big, "token": TOKEN})
        assert r.status_code == 413

        def chunks():  # no Content-Length: the limit holds for streamed bodies too
            for _ in range(12):
                yield b"y" * 100_000

        r = c.post("/api/ingest", headers={**AUTH, "Content-Type": "application/json"},
                   content=chunks())
        assert r.status_code == 413
        assert c.get("/healthz").status_code == 200


def test_ingest_is_rate_limited(tmp_path):
    with make_client(tmp_path, ingest_rate=(3, 60)) as c:
        codes = [c.post("/api/extract", headers=AUTH,
                        json={"text": "Moonlit Harbor season 2 wrapped in October 2026."}
                        ).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        r = c.post("/api/ingest", headers=AUTH, json={"text": "anything"})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
        r = c.post("/add", data={"text": "anything", "token": TOKEN})
        assert r.status_code == 429
        assert c.get("/").status_code == 200  # reading is not limited


def test_bad_input_gives_4xx_not_5xx(tmp_path):
    with make_client(tmp_path) as c:
        assert c.post("/api/ingest", headers=AUTH, json={}).status_code == 400
        assert c.post("/api/ingest", headers=AUTH, content=b"{not json",
                      ).status_code == 422
        assert c.post("/api/ingest", headers=AUTH,
                      json={"text": "x", "published": "yesterday"}).status_code == 422
        assert c.post("/add", data={"text": "x", "token": TOKEN,
                                    "published": "31/12/2026"}).status_code == 400
        assert c.get("/api/check", params={"claim": ""}).status_code == 422
        assert c.get("/api/check", params={"claim": "x" * 600}).status_code == 422
        assert c.post("/api/ingest", headers=AUTH,
                      json={"text": "hi", "url": "javascript:alert(1)"}).status_code == 400
