"""Integration: the real Netflix files in ../shared/data/raw (skipped when absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw"
pytestmark = pytest.mark.skipif(not (RAW / "netflix-engagement").exists(),
                                reason="raw Netflix files not present")


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    from seasoncast.api import init_store
    from seasoncast.store import Store
    from seasoncast.views.bundle import load_bundled_views
    from seasoncast.views.importers import read_paths
    from seasoncast.views.store_views import import_rows

    url = f"sqlite:///{tmp_path_factory.mktemp('real') / 'views.sqlite3'}"
    store = Store.open(url)
    init_store(store)
    bundled = load_bundled_views(store)  # what `seasoncast init` loads; the raw files add
    read = read_paths([RAW / "netflix-top10", RAW / "netflix-engagement"])
    result = import_rows(store, read.rows)
    result.derived_views += bundled.derived_views
    assert result.unchanged == bundled.rows  # the bundle (loaded by init) holds raw rows
    yield store, read, result, url
    store.engine.dispose()


def test_every_row_accounted_for(real_store):
    from seasoncast.views.store_views import counts

    store, read, result, _ = real_store
    hours = sum(1 for r in read.rows if r.dataset.startswith("engagement") and r.metric == "hours")
    assert hours == 18_214 + 15_994 + 16_161 + 15_563 + 16_182  # as SOURCE.md counts
    weekly = sum(1 for r in read.rows if r.dataset == "top10-weekly" and r.metric == "hours")
    assert weekly == 10_560
    assert result.added + result.unchanged == len(read.rows)
    assert result.added == result.linked + result.unlinked
    c = counts(store)
    from sqlalchemy import func, select

    from seasoncast.store.schema import viewership as V

    with store.engine.connect() as conn:  # 2023 H1 views derived as hours ÷ runtime
        derived = conn.scalar(select(func.count()).select_from(V).where(
            V.c.dataset == "engagement-2023H1", V.c.metric == "views"))
    assert derived >= result.derived_views > 10_000
    assert c["rows"] == len(read.rows) + derived
    assert [p.name for p, _ in read.skipped if p.suffix == ".tsv"] == \
        ["most-popular-2023-06-01.tsv"]  # an HTML redirect saved by the scraper


def test_aouad_season_1(real_store):
    from seasoncast.views.figures import season_figures

    store, *_ = real_store
    f = season_figures(store, "All of Us Are Dead", 1)
    v91 = next(x for x in f["first_days"] if x["figure"] == "views_first_91_days")
    assert v91["value"] == 55_500_000
    assert v91["category"] == "TV (Non-English)"
    assert v91["rank_latest_listed"] == {"list": "2025-01-01", "rank": 10}
    assert [r["views"] for r in f["half_years"]] == [7_700_000, 5_700_000, 6_400_000,
                                                     5_700_000, 7_700_000]
    assert f["half_years"][0]["note"].startswith("views = hours ÷ runtime")
    total = f["views_in_reports"]
    assert total["value"] == 33_200_000
    assert (total["period"]["start"], total["period"]["end"]) == ("2023-01-01", "2025-06-30")


def test_reimport_changes_nothing(real_store):
    from seasoncast.views.importers import read_paths
    from seasoncast.views.store_views import counts, import_rows

    store, read, _, _ = real_store
    before = counts(store)
    again = import_rows(store, read_paths([RAW / "netflix-engagement"]).rows)
    assert again.added == 0 and again.derived_views == 0
    assert counts(store) == before


def test_cli_views_json(real_store, monkeypatch, capsys):
    from seasoncast.cli import app

    *_, url = real_store
    monkeypatch.setitem(os.environ, "SEASONCAST_DATABASE_URL", url)
    app(["views", "All of Us Are Dead", "-s", "1", "--json"], standalone_mode=False)
    doc = json.loads(capsys.readouterr().out)
    assert doc["views_in_reports"]["value"] == 33_200_000
    assert any(x["value"] == 55_500_000 for x in doc["first_days"])


def test_engagement_rows_match_the_independent_csv_export(real_store):
    """Every workbook row read equals the SOURCE.md's CSV export of the same cells."""
    import csv
    from collections import Counter

    _, read, *_ = real_store
    ours = Counter()
    by_key: dict[tuple, dict] = {}
    for r in read.rows:
        if r.dataset.startswith("engagement-"):
            by_key.setdefault((r.dataset, r.key), {})[r.metric] = r.value
    for (dataset, key), m in by_key.items():
        title = key.split("|", 1)[1].rsplit("|", 2)[0]
        ours[(dataset.removeprefix("engagement-"), title, m["hours"], m.get("views"))] += 1
    theirs = Counter()
    with (RAW / "netflix-engagement" / "netflix_engagement_2023H1_2025H1.csv").open(
            encoding="utf-8") as f:
        for row in csv.DictReader(f):
            views = float(row["views"]) if row["views"] not in ("", "*") else None
            theirs[(row["report"], row["title"].strip(), float(row["hours_viewed"]),
                    views)] += 1
    assert sum(theirs.values()) == 82_114
    assert ours == theirs
