"""URL fetching: size cap, redirects re-checked hop by hop, private addresses refused."""

import pytest

from seasoncast.ingest import fetch as fetch_mod
from seasoncast.ingest.fetch import IngestError, check_url, fetch
from seasoncast.ingest.load import load_url

ARTICLE = """<html><head><title>Harbor Lights Season 2 wraps</title></head><body>
<article><h1>Harbor Lights Season 2 wraps</h1>
<p>Filming on Harbor Lights Season 2 wrapped in March 2026, the studio said.</p>
<p>The romance drama will premiere in the second half of 2026, Netflix confirmed.</p>
</article></body></html>"""


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://10.0.0.5/a", "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/",
    "http://metadata.google.internal/computeMetadata/v1/",
])
def test_private_and_metadata_addresses_are_refused(url):
    with pytest.raises(IngestError):
        check_url(url)


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "javascript:x",
                                 "http://user:pw@example.com/"])
def test_other_schemes_and_credentials_are_refused(url):
    with pytest.raises(IngestError):
        check_url(url)


def test_fetch_local_server_when_allowed(httpserver):
    httpserver.expect_request("/a").respond_with_data(ARTICLE, content_type="text/html")
    doc = load_url(httpserver.url_for("/a"), allow_private=True)
    assert "wrapped in March 2026" in doc.text
    assert doc.kind == "html"
    assert doc.title.startswith("Harbor Lights")


def test_local_server_refused_by_default(httpserver):
    httpserver.expect_request("/a").respond_with_data(ARTICLE)
    with pytest.raises(IngestError, match="non-public"):
        load_url(httpserver.url_for("/a"))


def test_redirects_are_followed_and_each_hop_checked(httpserver, monkeypatch):
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": "/end"})
    httpserver.expect_request("/end").respond_with_data("final text")
    assert fetch(httpserver.url_for("/start"), allow_private=True).body == b"final text"

    # now pretend the test server is public, and let it redirect to the metadata address
    httpserver.expect_request("/evil").respond_with_data(
        "", status=301, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    real = fetch_mod._is_forbidden
    monkeypatch.setattr(fetch_mod, "_is_forbidden",
                        lambda a: False if a.startswith(("127.", "::1")) else real(a))
    with pytest.raises(IngestError, match="169.254.169.254"):
        fetch(httpserver.url_for("/evil"))


def test_redirect_loop_is_bounded(httpserver):
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": "/loop"})
    with pytest.raises(IngestError, match="too many redirects"):
        fetch(httpserver.url_for("/loop"), allow_private=True)


def test_size_cap(httpserver):
    httpserver.expect_request("/big").respond_with_data("x" * 50_000)
    with pytest.raises(IngestError, match="larger than"):
        fetch(httpserver.url_for("/big"), allow_private=True, max_bytes=10_000)


def test_http_error_is_an_ingest_error(httpserver):
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    with pytest.raises(IngestError, match="404"):
        fetch(httpserver.url_for("/missing"), allow_private=True)


def test_unresolvable_host():
    with pytest.raises(IngestError):
        check_url("http://no-such-host.invalid/")


def test_dns_rebinding_is_refused_at_connect_time(httpserver, monkeypatch):
    """The host looks public when checked, then resolves to loopback when connected."""
    httpserver.expect_request("/a").respond_with_data(ARTICLE)
    answers = iter(["93.184.216.34", "127.0.0.1"])
    monkeypatch.setattr(fetch_mod, "_addresses", lambda host, port: [next(answers)])
    with pytest.raises(IngestError, match="non-public address 127.0.0.1"):
        fetch(httpserver.url_for("/a"))
    assert not httpserver.log  # nothing reached the server


def test_connection_goes_to_the_checked_address(httpserver, monkeypatch):
    """With a public-looking answer both times, the request reaches that address."""
    httpserver.expect_request("/a").respond_with_data("hello")
    monkeypatch.setattr(fetch_mod, "_is_forbidden", lambda addr: False)
    monkeypatch.setattr(fetch_mod, "_addresses", lambda host, port: ["127.0.0.1"])
    url = httpserver.url_for("/a").replace("localhost", "site.example")
    assert fetch(url).body == b"hello"
