"""The model case, end to end: only the seed article is known about All of Us Are Dead
season 2 (published about 2026-01-12); the explainer must reach the article's own
conclusions from data. Uses ../shared/seeds when present (skipped otherwise)."""

from datetime import date
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="the seed article is not here")
AS_OF = date(2026, 1, 12)


def test_report_from_the_seed_alone(tmp_path, monkeypatch):
    from seasoncast import api
    from seasoncast.ingest.load import load_path
    from seasoncast.reference import load_bundled
    from seasoncast.report import build_report, render_markdown
    from seasoncast.store import Store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = load_bundled()
    data.events = [e for e in data.events
                   if not (e.title == "All of Us Are Dead" and e.season == 2)]
    store = Store.open(f"sqlite:///{tmp_path / 'seed.sqlite3'}")
    store.import_reference(data)
    (doc,) = load_path(next(SEEDS.glob("*.txt")))
    report = api.ingest_document(store, doc, title_hint="All of Us Are Dead", published=AS_OF)
    assert report.events_added >= 10
    season = store.season("All of Us Are Dead", 2)
    r = build_report(store, season, AS_OF)
    tldr = " ".join(r.tldr)
    assert "is filming" in tldr
    assert "wrap is planned for mid-February 2026" in tldr
    assert "rumoured December 2026 premiere is unlikely" in tldr
    assert "absent from the official line-up for 2026" in tldr
    years = r.forecast.dist.p_by_year()
    assert max(years, key=years.get) == "2027"
    returning = [c for c in r.cast if c.status.value == "returning"]
    new = [c for c in r.cast if c.status.value == "new"]
    assert len(returning) == 8 and len(new) == 5
    md = render_markdown(r)
    assert "55.5 million views" in md  # season 1's viewership, from Netflix's lists
