"""The bundled extract: loads into a fresh store, gives the seed's figures, is idempotent."""

from __future__ import annotations

import json

from seasoncast.api import init_store
from seasoncast.views.bundle import BUNDLE, load_bundled_views
from seasoncast.views.figures import season_figures
from seasoncast.views.store_views import counts


def test_bundle_is_small_and_sourced():
    doc = json.loads(BUNDLE.read_text(encoding="utf-8"))
    assert BUNDLE.stat().st_size < 1_500_000
    assert all(s.startswith("https://") for s in doc["sources"])
    cols = doc["columns"]
    assert {"period_start", "period_end", "source", "dataset"} <= set(cols)


def test_load_bundled_views(store):
    init_store(store)  # loads the bundled figures too
    before = counts(store)
    assert before["rows"] > 1000 and before["linked"] == before["rows"]
    again = load_bundled_views(store)
    assert again.added == 0 and counts(store) == before
    f = season_figures(store, "All of Us Are Dead", 1)
    assert f["views_in_reports"]["value"] == 33_200_000
    v91 = next(x for x in f["first_days"] if x["figure"] == "views_first_91_days")
    assert v91["value"] == 55_500_000
    assert v91["rank_latest_listed"] == {"list": "2025-01-01", "rank": 10}
    assert v91["rank_now"]["rank"] is None  # no longer in the newest list
