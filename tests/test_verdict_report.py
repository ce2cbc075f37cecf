"""Rumour checks and the explainer, on a small store whose facts we control."""

from datetime import date

import html5lib
import pytest

from seasoncast.errors import NotFound, UserError
from seasoncast.reference import read_pair
from seasoncast.report import build_report, render_html, render_markdown
from seasoncast.report.build import article_label
from seasoncast.store import Store
from seasoncast.verdict import check_claim
from tests.test_forecast import synthetic

SEASONS = """title,season,platform,country,genres,vfx_heavy,episodes,notes
Zombie School,1,Netflix,KR,horror,true,12,
Zombie School,2,Netflix,KR,horror,true,,
Dragon Keep,1,HBO,US,fantasy,true,8,
"""
BASE = """title,season,kind,modality,date_start,date_end,precision,known_on,source_url,note
Zombie School,1,release,happened,2022-01-28,2022-01-28,day,2022-01-28,https://netflix.example/a,
Zombie School,2,renewal,happened,2022-06-06,2022-06-06,day,2022-06-07,https://variety.com/b,
Zombie School,2,filming_start,happened,2025-07-01,2025-07-31,month,2025-08-02,https://news.example/c,
Zombie School,2,filming_wrap,planned,2026-02-11,2026-02-20,part_of_month,2026-01-10,https://news.example/d,
Dragon Keep,1,filming_wrap,happened,2025-03-01,2025-03-31,month,2025-04-02,https://news.example/e,
Dragon Keep,1,release,announced,2026-06-14,2026-06-14,day,2026-01-05,https://hbo.example/f,
"""
RUMOUR = ("Zombie School,2,release,rumored,2026-12-01,2026-12-31,month,2026-01-08,"
          "https://fans.example/g,\n")
SLATE = ("Zombie School,2,slate_listing,denied,2026-01-01,2026-12-31,year,2026-01-09,"
         "https://news.example/h,absent from the 2026 line-up\n")
AS_OF = date(2026, 1, 12)


def make_store(tmp_path, events: str) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    store.import_reference(synthetic(60))  # enough history to fit the model
    (tmp_path / "s.csv").write_text(SEASONS, encoding="utf-8")
    (tmp_path / "e.csv").write_text(events, encoding="utf-8")
    store.import_reference(read_pair(tmp_path / "s.csv", tmp_path / "e.csv"))
    return store


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return make_store(tmp_path, BASE + RUMOUR + SLATE)


def test_rumour_is_unlikely_and_says_why(store):
    v = check_claim(store, "Zombie School S2 drops December 2026", AS_OF)
    out = v.to_dict()
    assert out["claim"]["title"] == "Zombie School" and out["claim"]["season"] == 2
    assert out["claim"]["date"]["start"] == "2026-12-01"
    assert out["verdict"] == "unlikely" and out["probability"] < 0.25
    assert any("absent from an official line-up" in r for r in out["reasons"])
    assert any("rumour" in r for r in out["reasons"])
    assert {e["kind"] for e in out["evidence"]} >= {"slate_listing", "release"}


def test_official_date_confirms_and_contradicts(store):
    assert check_claim(store, "Dragon Keep season 1 in June 2026", AS_OF).verdict == \
        "confirmed"
    v = check_claim(store, "dragon keep 1 premieres in 2027", AS_OF)
    assert v.verdict == "contradicted"
    assert any("official premiere date" in r for r in v.reasons)


def test_free_text_forms(store):
    assert check_claim(store, "zombie skool season two next month?", AS_OF).claim.span.start \
        == date(2026, 2, 1)
    with pytest.raises(NotFound) as e:
        check_claim(store, "Breaking Bad season 6 in 2027", AS_OF)
    assert "no tracked title" in str(e.value)
    with pytest.raises(UserError, match="no date or period"):
        check_claim(store, "Zombie School season 2 soon", AS_OF)
    with pytest.raises(UserError, match="the forecast of Zombie School season 2 says"):
        check_claim(store, "When is Zombie School season 2 coming out?", AS_OF)


def test_the_season_number_is_not_read_as_a_day(store):
    def parsed(text):
        c = check_claim(store, text, AS_OF).claim
        return c.season.number, c.span.start, c.span.end

    assert parsed("Zombie School 2 March 2027") == (2, date(2027, 3, 1), date(2027, 3, 31))
    assert parsed("zombie school season 2 november 2026") == (
        2, date(2026, 11, 1), date(2026, 11, 30))
    assert parsed("Zombie School 2 summer 2027") == (2, date(2027, 6, 1), date(2027, 8, 31))
    assert parsed("Zombie School season 2 on 2027/03/05") == (
        2, date(2027, 3, 5), date(2027, 3, 5))
    assert parsed("Zombie School season 2 on 3 March 2027") == (
        2, date(2027, 3, 3), date(2027, 3, 3))
    with pytest.raises(UserError, match="31 February 2027 is not a date"):
        check_claim(store, "Zombie School 2 on 31 February 2027", AS_OF)
    # only the first number is the season: the day of "drops 27 March 2027" stays a day
    assert parsed("Zombie School 2 drops 27 March 2027") == (
        2, date(2027, 3, 27), date(2027, 3, 27))
    assert parsed("Zombie School season 2 March 27 2027") == (
        2, date(2027, 3, 27), date(2027, 3, 27))


def test_a_negated_claim_is_not_judged_as_its_opposite(store):
    # "not before 2027" is "2027 or later", as "not until 2027" is
    v = check_claim(store, "Zombie School S2 will not come out before 2027", AS_OF)
    assert v.claim.judged.text == "2027 or later"
    assert v.claim.season.number == 2
    # "won't premiere in 2026" has no single range: the user is pointed at the claim itself
    for typed in ("won't", "wont"):  # (users skip the apostrophe)
        with pytest.raises(UserError, match="says when it will not come out"):
            check_claim(store, f"Zombie School S2 {typed} premiere in 2026", AS_OF)


def test_report_reaches_the_articles_conclusions(store):
    r = build_report(store, store.season("Zombie School", 2), AS_OF)
    tldr = " ".join(r.tldr)
    assert "is filming" in tldr and "mid-February 2026" in tldr
    assert "rumoured December 2026 premiere is unlikely" in tldr
    assert "absent from the official line-up for 2026" in tldr
    years = r.forecast.dist.p_by_year()
    assert max(years, key=years.get) == "2027"


def test_sentences_disappear_with_their_facts(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    store = make_store(tmp_path, BASE)  # no rumour, no slate
    r = build_report(store, store.season("Zombie School", 2), AS_OF)
    text = render_markdown(r)
    assert "rumoured" not in " ".join(r.tldr) and "line-up" not in " ".join(r.tldr)
    assert "Rumours and official line-ups" not in text
    assert "## Cast" not in text  # no cast known, no cast section


@pytest.mark.parametrize(("title", "n"), [("Zombie School", 2), ("Dragon Keep", 1),
                                          ("Zombie School", 1)])
def test_every_format_renders(store, title, n):
    r = build_report(store, store.season(title, n), AS_OF)
    md = render_markdown(r)
    assert md.startswith(f"# {title} season {n}")
    page = render_html(r)
    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    assert "<script" not in page
    data = r.to_dict()
    assert data["forecast"]["title"] == title and data["tldr"]


def report_with(tmp_path, monkeypatch, extra_rows: str):
    """The Zombie School 2 explainer on AS_OF, with `extra_rows` added to BASE."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    store = make_store(tmp_path, BASE + extra_rows)
    return store, build_report(store, store.season("Zombie School", 2), AS_OF)


def test_untrusted_text_is_escaped(tmp_path, monkeypatch):
    _, r = report_with(tmp_path, monkeypatch, (
        "Zombie School,2,slate_listing,denied,2026-01-01,2026-12-31,year,2026-01-09,"
        "https://news.example/x,<script>alert(1)</script>\n"))
    page = render_html(r)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<script>" not in render_markdown(r)


def test_a_passed_date_with_no_news_says_the_data_may_be_stale(store):
    dragon = store.season("Dragon Keep", 1)
    before = " ".join(build_report(store, dragon, AS_OF).tldr)
    assert "has passed" not in before
    after = " ".join(build_report(store, dragon, date(2026, 7, 1)).tldr)
    assert "was scheduled to premiere on June 14, 2026" in after
    assert "That date has passed" in after and "probably premiered" in after


def test_a_cached_model_from_other_forecasting_code_is_not_reused(store, tmp_path,
                                                                   monkeypatch):
    from seasoncast import api

    cache = tmp_path / "cache" / "seasoncast"
    api._MODELS.clear()
    first = api.trained_forecaster(store, AS_OF)
    assert len(list(cache.glob("model-*.pickle"))) == 1
    api._MODELS.clear()
    assert api.trained_forecaster(store, AS_OF).rates == first.rates  # read back
    monkeypatch.setattr(api, "_forecast_code_version", lambda: "an upgrade")
    monkeypatch.setattr(api, "MODELS_KEPT", 1)
    api._MODELS.clear()
    api.trained_forecaster(store, AS_OF)
    kept = list(cache.glob("model-*.pickle"))
    assert len(kept) == 1 and kept[0].stat().st_mtime >= max(
        p.stat().st_mtime for p in kept)


def test_what_would_change_says_when_a_fact_would_not_move_the_median(store):
    from seasoncast import api
    from seasoncast.report.build import what_would_change

    model = api.trained_forecaster(store, AS_OF)
    season = store.season("Zombie School", 2)
    events = store.events("Zombie School", as_of=AS_OF)
    fc = model.predict(events, season, 2, AS_OF)

    class Unmoved:  # every hypothetical fact leaves the forecast as it is
        rates = model.rates

        def predict(self, *args):
            return fc

    lines = what_would_change(Unmoved(), events, season, AS_OF, fc)
    median = fc.dist.quantile(0.5)
    assert any(f"the median would stay at {median:%B} {median.day}" in x for x in lines)
    assert not any("move 0 days" in x for x in lines)


def test_a_cancelled_season_gets_no_premiere_forecast(tmp_path, monkeypatch):
    store, r = report_with(tmp_path, monkeypatch, (
        "Zombie School,2,cancellation,announced,2026-01-11,2026-01-11,day,2026-01-11,"
        "https://netflix.example/ended,\n"))
    fc = r.forecast.to_dict()
    assert fc["status"] == "cancelled" and fc["quantiles"]["p50"] is None
    assert fc["p_by_year"]["2026"] == 0.0 and fc["p_by_year"]["2027"] == 0.0
    assert "no premiere is expected" in fc["drivers"][0]
    assert any("No premiere is expected" in s for s in r.tldr)
    assert not any("puts the premiere" in s for s in r.tldr) and not r.what_would_change
    md = render_markdown(r)
    assert "No premiere expected" in md and "Median" not in md
    assert "No premiere expected" in render_html(r)
    v = check_claim(store, "Zombie School S2 drops December 2026", AS_OF)
    assert v.verdict == "contradicted" and v.probability == 0.0


def test_sources_are_told_apart_by_the_words_of_their_address(tmp_path, monkeypatch):
    assert article_label("https://www.gamesradar.com/severance-season-2-wraps-filming/") \
        == "severance season 2 wraps filming"
    assert article_label("https://news.example/tv/dune-returning-for-season-2-50224733.php") \
        == "dune returning for season 2"
    assert article_label("https://www.netflix.com/tudum/top10") is None
    assert article_label("https://x.example/2024/05/12/") is None
    _, r = report_with(tmp_path, monkeypatch, (
        "Zombie School,2,trailer,happened,2026-01-10,2026-01-10,day,2026-01-10,"
        "https://news.example/zombie-school-2-teaser-%3Cb%3Ebold%3C-b%3E-here,\n"))
    assert "zombie school 2 teaser" in render_markdown(r)
    page = render_html(r)
    assert "zombie school 2 teaser &lt;b&gt;bold&lt; b&gt; here" in page


def test_a_bound_is_judged_as_every_day_up_to_it(store):
    # "before 2027" is not a claim about 2027: it holds for any premiere up to its eve
    v = check_claim(store, "Dragon Keep season 1 will be out before 2027", AS_OF)
    assert v.verdict == "confirmed"  # the official date, June 14, 2026, is before 2027
    out = v.to_dict()["claim"]
    assert out["date"]["start"] == "2027-01-01"  # the period named, as interfaces.md has it
    assert out["range"] == {"start": None, "end": "2026-12-31", "text": "before 2027"}
    assert check_claim(store, "Dragon Keep season 1 before June 2026", AS_OF).verdict == \
        "contradicted"
    by = check_claim(store, "Zombie School S2 by the end of 2027", AS_OF)
    whole = check_claim(store, "Zombie School S2 in 2027", AS_OF)
    assert by.probability > whole.probability  # 2026 counts too
    after = check_claim(store, "Zombie School S2 will arrive after 2026", AS_OF)
    in_2026 = check_claim(store, "Zombie School S2 in 2026", AS_OF)
    assert after.claim.judged.text == "after 2026"
    assert abs(after.probability + in_2026.probability - 1) < 0.01
    assert check_claim(store, "Zombie School S2 not until 2027", AS_OF).claim.judged.text \
        == "2027 or later"


def test_a_passed_date_with_no_news_is_likely_to_have_held(store):
    after = date(2026, 7, 1)
    on = check_claim(store, "Dragon Keep season 1 premiered June 14, 2026", after)
    assert on.verdict == "likely" and 0.6 < on.probability < 1
    assert any("may be out of date" in r for r in on.reasons)
    later = check_claim(store, "Dragon Keep season 1 in December 2026", after)
    assert later.verdict == "unlikely"
    # both stories are told, so the forecast's own figure is not a contradiction
    assert any(r.startswith("if it came out as promised, the claim is wrong; if it has not "
                            "come out yet, the forecast gives") for r in later.reasons)


def test_a_passed_line_up_listing_with_no_news_is_weighed_like_a_passed_date(
        tmp_path, monkeypatch):
    # listed for the second quarter of 2026; by November nothing has been reported
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    listing = ("Zombie School,2,slate_listing,announced,2026-04-01,2026-06-30,quarter,"
               "2026-01-11,https://netflix.example/lineup,\n")
    store = make_store(tmp_path, BASE + listing)
    season, november = store.season("Zombie School", 2), date(2026, 11, 2)
    while_listed = " ".join(build_report(store, season, AS_OF).tldr)
    assert "has passed" not in while_listed
    tldr = " ".join(build_report(store, season, november).tldr)
    assert "official line-up listing, Q2 2026, has passed with no report" in tldr
    assert "probably premiered" in tldr
    in_spring = check_claim(store, "Zombie School S2 premiered in 2026", november)
    assert in_spring.verdict == "likely"
    assert any("line-up listing was Q2 2026" in r for r in in_spring.reasons)
    # the listing's share goes to the days of the claim within it, here about a third
    in_june = check_claim(store, "Zombie School S2 in June 2026", november)
    assert 0.2 < in_june.probability < 0.4
    delay = ("Zombie School,2,delay,happened,2026-06-20,2026-06-20,day,2026-06-20,"
             "https://news.example/delay,\n")
    (tmp_path / "d").mkdir()
    delayed = check_claim(make_store(tmp_path / "d", BASE + listing + delay),
                          "Zombie School S2 premiered in 2026", november)
    assert delayed.verdict != "likely"
    assert not any("out of date" in r for r in delayed.reasons)


def test_an_official_window_inside_the_claim_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    window = ("Zombie School,2,release,announced,2027-01-01,2027-12-31,year,2026-01-10,"
              "https://netflix.example/window,\n")
    store = make_store(tmp_path, BASE + window)
    before = check_claim(store, "Zombie School S2 before 2028", AS_OF)
    assert "the official release window, 2027 (announced 2026-01-10), falls within it" in \
        before.reasons
    spring = check_claim(store, "Zombie School S2 in spring 2027", AS_OF)
    assert any(r.endswith("overlaps it") for r in spring.reasons)


def test_a_wrap_plan_gone_by_is_told_in_the_past_tense(store):
    season = store.season("Zombie School", 2)
    assert "the wrap is planned for mid-February 2026" in \
        build_report(store, season, AS_OF).tldr[0]
    assert "the wrap was planned for mid-February 2026" in \
        build_report(store, season, date(2026, 11, 2)).tldr[0]


def test_a_likeliest_year_under_half_with_the_median_beyond_it_says_both():
    from types import SimpleNamespace

    import numpy as np

    from seasoncast.forecast.distribution import DayDistribution
    from seasoncast.report.build import forecast_sentence

    start = date(2026, 11, 26)
    pmf = np.zeros(2000)
    pmf[20] = 0.42  # December 2026
    pmf[400:1400] = 0.58 / 1000  # spread over 2028-2030
    dist = DayDistribution(start, pmf)
    lo, hi = dist.quantile(0.1), dist.quantile(0.9)
    fc = SimpleNamespace(released=None, cancelled=False, dist=dist,
                         interval=lambda level: (lo, hi))
    words = forecast_sentence(SimpleNamespace(forecast=fc))
    assert words.startswith("seasoncast's likeliest year for the premiere is 2026 (42%), but "
                            "most of the chance lies after it (median ")
    pmf[20] = 0.7
    pmf[400:1400] = 0.3 / 1000
    assert forecast_sentence(SimpleNamespace(forecast=fc)).startswith(
        "seasoncast puts the premiere in 2026 with 70% probability")
