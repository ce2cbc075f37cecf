"""Property test of the JSON API against its own OpenAPI spec: no input gives a server
error. Runs only when schemathesis is installed (it is not a project dependency yet)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from test_web_support import TOKEN, small_store_url  # noqa: E402

try:  # schemathesis 4
    from schemathesis.openapi import from_asgi
except ImportError:  # schemathesis 3
    from_asgi = schemathesis.from_asgi

from schemathesis.checks import not_a_server_error  # noqa: E402


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory):
    from seasoncast.ingest.fetch import IngestError
    from seasoncast.web import create_app

    mp = pytest.MonkeyPatch()

    def no_network(url, allow_private=False):  # generated URLs must not reach the net
        raise IngestError(f"fetching is off in this test: {url!r}")

    mp.setattr("seasoncast.ingest.load.load_url", no_network)
    app = create_app(small_store_url(tmp_path_factory.mktemp("web-schema")), token=TOKEN,
                     warm=False, ingest_rate=(1_000_000, 60.0))
    yield from_asgi("/openapi.json", app)
    mp.undo()


def test_api_never_errors(web_schema):
    """Every operation, with generated inputs (and the token on writes): no 5xx."""
    operations = [r.ok() for r in web_schema.get_all_operations()]
    assert len(operations) >= 10
    auth = {"Authorization": f"Bearer {TOKEN}"}

    @settings(max_examples=30, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        headers = auth if case.method.upper() == "POST" else None
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    for op in operations:
        given(case=op.as_strategy())(check)()
