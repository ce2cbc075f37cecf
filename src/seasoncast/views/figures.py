"""Per-season viewing figures, each with the source and period it rests on.

Netflix publishes three kinds of figure and each answers a different question: the
most-popular lists give views/hours in the first 28 or 91 days and a rank among the
all-time top 10 (dated list versions tell "rank at the time" from "rank now"); the weekly
Top 10 gives the trajectory; the half-year engagement reports give long-tail views
("staying power"). `as_of` hides everything not yet published on that day, so a
forecaster can use the figures without look-ahead (`season_demand`).
"""

from __future__ import annotations

from datetime import date, timedelta

from seasoncast.datespan import DateSpan, Precision, describe
from seasoncast.store import Store
from seasoncast.views.store_views import (
    FIRST_REPORT,
    StoredView,
    derived_runtime_source,
    list_datasets,
    season_premieres,
    season_views,
    sibling_season_ids,
)

# When each engagement report came out (Netflix's announcements); an unknown report is
# taken as published four months after its period, which errs on the late side.
# The day each engagement report became public, each read off a dated page:
# 2023H1 https://southbenduniform.com/netflix-unveils-viewer-secrets-what-we-binged-in-2023/
#   (released on the Tuesday before 2023-12-13 coverage: https://ticker.tv/news/netflix-releases-first-biannual-viewing-report-with-massive-trove-of-data-including-for-licensed-titles/322609/)
# 2023H2 https://www.4rfv.com/DNZMEA4R3J2B/what-we-watched-the-second-half-of-2023.htm
# 2024H1 https://advanced-television.com/2024/09/19/uk-titles-top-netflixs-h1-most-watched-tv-shows/
# 2024H2 https://www.whats-on-netflix.com/news/netflix-releases-most-watched-movies-and-series-of-second-half-of-2024/
# 2025H1 https://informitv.com/2025/07/17/netflix-viewing-figures
REPORT_PUBLISHED = {"2023H1": date(2023, 12, 12), "2023H2": date(2024, 5, 23),
                    "2024H1": date(2024, 9, 19), "2024H2": date(2025, 2, 26),
                    "2025H1": date(2025, 7, 17)}
TOP10_LAG = timedelta(days=2)  # the weekly list appears on the Tuesday after the week


def published_on(v: StoredView) -> date | None:
    """The day a row became public (for `as_of`)."""
    if v.dataset.startswith("engagement-"):
        report = v.dataset.removeprefix("engagement-")
        return REPORT_PUBLISHED.get(report) or (v.period_end + timedelta(days=120)
                                                if v.period_end else None)
    if v.dataset == "top10-weekly":
        return v.period_end + TOP10_LAG if v.period_end else None
    if v.dataset.startswith("most-popular-"):
        return date.fromisoformat(v.dataset.removeprefix("most-popular-"))
    return None


def _period(start: date | None, end: date | None, precision: str, text: str) -> dict:
    """A period in the DateSpan dict shape; long ranges (several reports) keep `days`
    though a DateSpan would refuse that width, because the bounds are exact."""
    if start is None or end is None:
        return {"start": None, "end": None, "precision": None, "text": text}
    if precision == "days" and start == end:
        precision = "day"
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision,
            "text": text}


def _premiere(store: Store, title: str, number: int, weekly: list[StoredView]) -> date | None:
    premieres = season_premieres(store)
    found = [premieres[sid] for sid in sibling_season_ids(store, title, number)
             if sid in premieres]
    prem = min(found) if found else None
    if prem is None and weekly:
        prem = min(v.period_start for v in weekly if v.period_start)
    return prem


def first_days(views: list[StoredView], premiere: date | None,
               newest_list: str | None) -> list[dict]:
    """Views/hours in the first 28/91 days with rank at the time and now."""
    groups: dict[tuple[int, str], list[StoredView]] = {}
    # the 91-day lists give views for every title, the 28-day lists never do
    with_views = {v.dataset for v in views if v.metric == "views"}
    for v in views:
        if v.dataset.startswith("most-popular-") and v.metric in ("views", "hours"):
            window = 91 if v.dataset in with_views else 28
            groups.setdefault((window, v.metric), []).append(v)
    out = []
    for (window, metric), rows in sorted(groups.items(), key=lambda kv: (-kv[0][0], kv[0][1])):
        rows.sort(key=lambda v: v.dataset)
        last, first = rows[-1], rows[0]
        end = premiere + timedelta(days=window - 1) if premiere else None
        history = []
        for v in rows:
            if not history or history[-1]["rank"] != v.rank:
                history.append({"list": v.dataset.removeprefix("most-popular-"),
                                "rank": v.rank})
        # "at the time": the first list after the window closed (the final figure)
        closed = [v for v in rows if end and v.dataset >= f"most-popular-{end.isoformat()}"]
        at_time = closed[0] if closed else first
        now_rank = last.rank if newest_list and last.dataset == newest_list else None
        out.append({
            "figure": f"{metric}_first_{window}_days", "metric": metric, "window_days": window,
            "value": last.value, "category": last.category,
            "period": _period(premiere, end, "days", f"first {window} days"),
            "source_url": last.source_url, "dataset": last.dataset,
            "rank_at_the_time": {"list": at_time.dataset.removeprefix("most-popular-"),
                                 "rank": at_time.rank},
            "rank_latest_listed": {"list": last.dataset.removeprefix("most-popular-"),
                                   "rank": last.rank},
            "best_rank": min(v.rank for v in rows),
            "rank_now": {"list": newest_list.removeprefix("most-popular-")
                         if newest_list else None, "rank": now_rank},
            "rank_history": history,
        })
    return out


def weekly(views: list[StoredView]) -> list[dict]:
    """The weekly Top 10 trajectory: one entry per week in the list."""
    weeks: dict[date, dict] = {}
    for v in views:
        if v.dataset != "top10-weekly" or v.metric not in ("hours", "views"):
            continue
        w = weeks.setdefault(v.period_end, {
            "period": _period(v.period_start, v.period_end, "days", "week"),
            "category": v.category, "rank": v.rank, "hours": None, "views": None,
            "source_url": v.source_url, "dataset": v.dataset})
        w[v.metric] = v.value
    return [weeks[k] for k in sorted(weeks)]


def weekly_totals(weeks: list[dict]) -> dict | None:
    """Hours (and views, from mid-2023) summed over the weeks in the global Top 10: a
    lower bound of the season's viewing in that period, since other weeks are unlisted."""
    if not weeks:
        return None
    with_views = [w for w in weeks if w["views"] is not None]
    return {"weeks": len(weeks), "best_rank": min(w["rank"] for w in weeks),
            "hours": sum(w["hours"] or 0 for w in weeks),
            "views": sum(w["views"] for w in with_views) if with_views else None,
            "weeks_with_views": len(with_views),
            "period": _period(date.fromisoformat(weeks[0]["period"]["start"]),
                              date.fromisoformat(weeks[-1]["period"]["end"]), "days",
                              "weeks in the global Top 10 (only those weeks are counted)"),
            "source_url": weeks[0]["source_url"], "dataset": "top10-weekly"}


def half_years(store: Store, views: list[StoredView]) -> list[dict]:
    """Views and hours per engagement report, with the running total."""
    reports: dict[str, dict] = {}
    for v in views:
        if not v.dataset.startswith("engagement-") or v.metric not in ("hours", "views"):
            continue
        r = reports.setdefault(v.dataset, {
            "report": v.dataset.removeprefix("engagement-"),
            "period": _period(v.period_start, v.period_end, "half",
                              describe(DateSpan(v.period_start, v.period_end,
                                                Precision.HALF))),
            "views": None, "hours": None, "source_url": v.source_url, "dataset": v.dataset,
            "raw_title": v.raw_title, "note": None})
        # the same season may be listed twice in a report (e.g. two release dates): sum
        r[v.metric] = (r[v.metric] or 0) + v.value
    out = [reports[k] for k in sorted(reports)]
    total = 0.0
    for r in out:
        if r["dataset"] == FIRST_REPORT and r["views"] is not None:
            src = derived_runtime_source(store, r["raw_title"])
            r["note"] = (f"views = hours ÷ runtime; runtime from the {src.split('-')[-1]} "
                         "report (this report has no views)" if src else None)
        total += r["views"] or 0
        r["cumulative_views"] = total
    return out


def _sum(reports: list[dict], text: str) -> dict | None:
    with_views = [r for r in reports if r["views"] is not None]
    if not with_views:
        return None
    start = date.fromisoformat(with_views[0]["period"]["start"])
    end = date.fromisoformat(with_views[-1]["period"]["end"])
    return {"value": sum(r["views"] for r in with_views), "metric": "views",
            "period": _period(start, end, "days", text),
            "reports": [r["report"] for r in with_views],
            "terms": [r["views"] for r in with_views],
            "source_url": with_views[-1]["source_url"],
            "sources": sorted({r["source_url"] for r in with_views})}


def season_figures(store: Store, title: str, number: int, as_of: date | None = None) -> dict:
    """Everything known about a season's viewing, optionally as published by `as_of`."""
    views = season_views(store, title, number)
    if as_of is not None:
        views = [v for v in views if (p := published_on(v)) is not None and p <= as_of]
    lists = list_datasets(store, "most-popular-2")
    if as_of is not None:
        lists = [d for d in lists if d.removeprefix("most-popular-") <= as_of.isoformat()]
    weeks = [v for v in views if v.dataset == "top10-weekly"]
    premiere = _premiere(store, title, number, weeks)
    reports = half_years(store, views)
    weeks_out = weekly(views)
    staying = _staying_power(store, title, number, reports, as_of)
    return _whole({
        "title": title, "season": number,
        "premiere": premiere.isoformat() if premiere else None,
        "as_of": as_of.isoformat() if as_of else None,
        "first_days": first_days(views, premiere, lists[-1] if lists else None),
        "weekly": weeks_out,
        "weekly_totals": weekly_totals(weeks_out),
        "half_years": reports,
        "views_in_reports": _sum(reports, "engagement reports"),
        "staying_power": staying,
    })


def _whole(x):
    """Views and hours are whole numbers: print 55500000, not 55500000.0."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    if isinstance(x, dict):
        return {k: _whole(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_whole(v) for v in x]
    return x


def _staying_power(store: Store, title: str, number: int, reports: list[dict],
                   as_of: date | None) -> dict | None:
    """Views of this season in the half-year reports that began after the title's latest
    season premiered (a report that began before it mixes the two periods)."""
    prem = season_premieres(store)
    latest = None
    for s in store.seasons(title):
        p = min((prem[sid] for sid in sibling_season_ids(store, title, s.number)
                 if sid in prem), default=None)
        if p and (as_of is None or p <= as_of) and (latest is None or p > latest[1]):
            latest = (s.number, p)
    if latest is None:
        return None
    since = [r for r in reports if date.fromisoformat(r["period"]["start"]) >= latest[1]]
    total = _sum(since, f"reports after season {latest[0]} premiered")
    if total is None:
        return None
    return dict(total, since_season=latest[0], since=latest[1].isoformat())


def season_demand(store: Store, title: str, season: int, as_of: date) -> dict:
    """Demand signals a forecaster may use on `as_of`: only figures published by then.

    Returns plain numbers (None when unknown): views/hours in the first 91/28 days,
    best rank, weeks in the weekly Top 10, peak weekly hours, the latest half-year views
    and the total of the reports so far.
    """
    f = season_figures(store, title, season, as_of=as_of)
    by = {x["figure"]: x for x in f["first_days"]}
    latest = next((r for r in reversed(f["half_years"]) if r["views"] is not None), None)
    return {
        "views_first_91_days": by.get("views_first_91_days", {}).get("value"),
        "hours_first_28_days": by.get("hours_first_28_days", {}).get("value"),
        "best_rank": min((x["best_rank"] for x in f["first_days"]), default=None),
        "weeks_in_top10": len(f["weekly"]),
        "peak_weekly_hours": max((w["hours"] or 0 for w in f["weekly"]), default=None) or None,
        "latest_half_year_views": latest["views"] if latest else None,
        "views_in_reports": f["views_in_reports"]["value"] if f["views_in_reports"] else None,
    }
