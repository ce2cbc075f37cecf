"""The season explainer, as data: every sentence comes from a claim or the forecast.

`build_report` gathers the timeline, forecast, rumour verdicts, cast, viewing figures and
sources; `tldr` and the other sentence builders only ever state what those hold, so
removing a fact removes its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote, urlsplit

from seasoncast.datespan import DateSpan, describe, describe_day
from seasoncast.forecast.model import Forecast
from seasoncast.model import CastCredit, CastStatus, Event, Kind, Modality, Season, Status
from seasoncast.timeline import Timeline, TimelineEntry, default_tier
from seasoncast.verdict import judge


@dataclass
class RumourCheck:
    span: DateSpan
    verdict: str
    probability: float
    reasons: list[str]
    sources: list[str]


@dataclass
class Report:
    season: Season
    as_of: date
    timeline: Timeline
    forecast: Forecast
    rumours: list[RumourCheck] = field(default_factory=list)
    slates: list[Event] = field(default_factory=list)
    cast: list[CastCredit] = field(default_factory=list)
    viewership: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    what_would_change: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.season.title} season {self.season.number}"

    @property
    def tldr(self) -> list[str]:
        return [s for s in (status_sentence(self), stale_promise_sentence(self),
                            forecast_sentence(self), rumour_sentence(self),
                            cast_sentence(self)) if s]

    def to_dict(self) -> dict:
        return {
            "title": self.season.title, "season": self.season.number,
            "as_of": self.as_of.isoformat(), "status": self.timeline.status.value,
            "tldr": self.tldr,
            "timeline": self.timeline.to_dict()["entries"],
            "forecast": self.forecast.to_dict(),
            "what_would_change": self.what_would_change,
            "rumours": [{"date": r.span.to_dict(), "verdict": r.verdict,
                         "probability": round(r.probability, 4), "reasons": r.reasons,
                         "sources": r.sources} for r in self.rumours],
            "slates": [{"modality": e.modality.value, "date": e.date.to_dict() if e.date
                        else None, "note": e.note, "source_url": e.source_url,
                        "known_on": e.known_on.isoformat()} for e in self.slates],
            "cast": [c.to_dict() for c in self.cast],
            "viewership": self.viewership,
            "sources": self.sources,
        }


def domain(url: str) -> str:
    if url.startswith("file:"):
        return "local file"
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else url.split(":", 1)[0]


# -- the sentences -----------------------------------------------------------------


def status_sentence(r: Report) -> str:
    tl, name = r.timeline, r.heading
    if tl.status is Status.RELEASED and r.forecast.released:
        return f"{name} premiered on {describe_day(r.forecast.released)}."
    words = {Status.ANNOUNCED: "has been announced",
             Status.PREPRODUCTION: "is in pre-production",
             Status.FILMING: "is filming", Status.POST_PRODUCTION: "is in post-production",
             Status.SCHEDULED: "has an official premiere date",
             Status.CANCELLED: "has been cancelled"}[tl.status]
    reason = tl.status_reason  # the timeline's leading report of that milestone
    tail = ""
    if tl.status is Status.SCHEDULED and reason is not None and reason.date is not None \
            and reason.date.end < r.as_of:
        return (f"{name} was scheduled to premiere on {describe(reason.date)} "
                f"({domain(reason.source_url)}).")
    if reason is not None:
        what = reason.kind.value.replace("_", " ")
        when = describe(reason.date) if reason.date else f"reported {reason.known_on}"
        verb = {"filming wrap": "filming wrapped", "filming start": "filming began",
                "renewal": "renewed", "release": "premiere set for", "trailer":
                "trailer out", "casting": "casting announced", "preproduction":
                "pre-production began", "cancellation": "announced",
                "slate listing": "listed in the official line-up for"}.get(what, what)
        if _is_passed_promise(r, reason):
            verb = {"release": "its premiere was set for",
                    "slate listing": "it was listed in the official line-up for"}[what]
        tail = f": {verb} {when} ({domain(reason.source_url)})"
    plan = _current_plan(tl, Kind.FILMING_WRAP) if tl.status is Status.FILMING else None
    extra = ""
    if plan is not None:
        tense = "was" if plan.lead.date.end < r.as_of else "is"
        extra = f"; the wrap {tense} planned for {describe(plan.lead.date)}"
    if tl.status is Status.ANNOUNCED:
        extra = "; no filming has been reported yet"
    return f"{name} {words}{tail}{extra}."


def _is_passed_promise(r: Report, e: Event) -> bool:
    """Whether `e` is the date, window or line-up listing that has passed unreported."""
    return r.forecast.passed is not None and r.forecast.passed.is_about(e)


def stale_promise_sentence(r: Report) -> str | None:
    """A passed official date, window or line-up listing with nothing reported since:
    say the data may be stale rather than let the forecast's "not yet" read as news."""
    passed = r.forecast.passed
    if passed is None:
        return None
    reason = r.timeline.status_reason
    if reason is not None and _is_passed_promise(r, reason):
        what = "That date" if passed.kind == "official_date" else "That period"
    else:
        what = f"Its {passed.words}, {describe(passed.span)},"
    likely = "it has probably premiered" if (r.forecast.held_rate or 0) >= 0.6 else \
        "it may have premiered"
    return (f"{what} has passed with no report of the premiere or of a delay in "
            f"seasoncast's sources, so {likely}; the forecast below assumes it has not.")


def _current_plan(tl: Timeline, kind: Kind) -> TimelineEntry | None:
    plans = [e for e in tl.current if e.kind is kind and e.modality in (
        Modality.PLANNED, Modality.ANNOUNCED) and e.lead.date]
    return max(plans, key=lambda e: e.lead.known_on, default=None)


def forecast_sentence(r: Report) -> str | None:
    fc = r.forecast
    if fc.released:
        return None
    if fc.cancelled:
        return "No premiere is expected unless the decision is reversed."
    lo, hi = fc.interval(0.8)
    years = fc.dist.p_by_year()
    best = max(years, key=years.get)
    where = "later than " + str(int(list(years)[-2])) if best == "later" else f"in {best}"
    mid = fc.dist.quantile(0.5)
    median = describe_day(mid)
    spread = f"median {median}; 80% between {describe_day(lo)} and {describe_day(hi)}"
    if years[best] < 0.5 and best != "later" and mid is not None and str(mid.year) != best:
        # a likeliest year under 50% with the median elsewhere: say both, or "2026 with
        # 42%" reads as the forecast's answer when most of the chance lies beyond it
        side = "after" if mid.year > int(best) else "before"
        return (f"seasoncast's likeliest year for the premiere is {best} "
                f"({years[best]:.0%}), but most of the chance lies {side} it ({spread}).")
    return f"seasoncast puts the premiere {where} with {years[best]:.0%} probability ({spread})."


def rumour_sentence(r: Report) -> str | None:
    parts = []
    for rc in r.rumours:
        parts.append(f"the rumoured {describe(rc.span)} premiere is {rc.verdict} "
                     f"({rc.probability:.0%})")
    for e in r.slates:
        if e.date is None or _is_passed_promise(r, e):
            continue  # the listing that has passed is named in the sentence before
        if e.modality is Modality.DENIED:
            parts.append(f"the season is absent from the official line-up for "
                         f"{describe(e.date)}")
        else:
            parts.append(f"it is listed in the official line-up for {describe(e.date)}")
    if not parts:
        return None
    text = "; ".join(dict.fromkeys(parts))
    return text[0].upper() + text[1:] + "."


def cast_sentence(r: Report) -> str | None:
    back = [c.person for c in r.cast if c.status is CastStatus.RETURNING]
    new = [c.person for c in r.cast if c.status is CastStatus.NEW]
    if not back and not new:
        return None
    bits = []
    if back:
        shown = ", ".join(back[:4]) + (f" and {len(back) - 4} more" if len(back) > 4 else "")
        bits.append(f"{shown} {'return' if len(back) > 1 else 'returns'}")
    if new:
        bits.append(f"{len(new)} new cast member{'s' if len(new) > 1 else ''} join")
    return "; ".join(bits) + "."


# -- building ----------------------------------------------------------------------


def build_report(store, season: Season, as_of: date) -> Report:
    from seasoncast.api import forecast_season, season_timeline, trained_forecaster
    from seasoncast.store.documents import cast_of

    tl = season_timeline(store, season, as_of)
    fc = forecast_season(store, season, as_of)
    events = store.events(season.title, season.number, as_of=as_of)
    report = Report(season, as_of, tl, fc)
    spans: dict[tuple, list[Event]] = {}
    for e in events:
        if e.kind is Kind.RELEASE and e.modality is Modality.RUMORED and e.date:
            spans.setdefault((e.date.start, e.date.end), []).append(e)
    for group in spans.values():
        verdict, p, reasons = judge(fc, events, group[0].date, as_of)
        report.rumours.append(RumourCheck(group[0].date, verdict, p, reasons,
                                          sorted({e.source_url for e in group})))
    latest_slate: dict[tuple, Event] = {}
    for e in events:
        if e.kind is Kind.SLATE_LISTING and e.date:
            latest_slate[(e.date.start, e.date.end)] = e
    report.slates = list(latest_slate.values())
    report.cast = cast_of(store, season.title, season.number)
    report.viewership = viewing_rows(store, season.title, as_of)
    report.sources = _sources(events)
    if not fc.released:
        model = trained_forecaster(store, as_of)
        all_events = store.events(season.title, as_of=as_of)
        report.what_would_change = what_would_change(model, all_events, season, as_of, fc)
    return report


def viewing_rows(store, title: str, as_of: date) -> list[dict]:
    """The headline viewing figures of the title's seasons, as published by `as_of`: views
    in the first 91 (or 28) days with the rank at the time, views across Netflix's
    engagement reports, and figures quoted by ingested articles."""
    from seasoncast.store.documents import viewership_of
    from seasoncast.views.figures import season_figures

    rows: list[dict] = []
    for s in store.seasons(title):
        f = season_figures(store, title, s.number, as_of)
        firsts = sorted(f.get("first_days") or [], key=lambda x: (x["metric"] != "views",
                                                                 -x["window_days"]))
        if firsts:
            x = firsts[0]
            at = x.get("rank_at_the_time") or {}
            rows.append({"season": s.number, "label": f"{x['metric']} in the first "
                         f"{x['window_days']} days", "value": x["value"],
                         "metric": x["metric"], "rank": at.get("rank"),
                         "category": x.get("category"), "period_start": x["period"]["start"],
                         "period_end": x["period"]["end"], "source_url": x["source_url"],
                         "dataset": x.get("dataset")})
        total = f.get("views_in_reports")
        if total:
            rows.append({"season": s.number, "label": "views in Netflix's engagement reports",
                         "value": total["value"], "metric": total["metric"], "rank": None,
                         "category": None, "period_start": total["period"]["start"],
                         "period_end": total["period"]["end"],
                         "source_url": total["source_url"], "dataset": "engagement reports"})
    for v in viewership_of(store, title):
        if v["dataset"] == "article":
            rows.append({**v, "label": f"{v['metric']} (quoted by an article)",
                         "dataset": domain(v["source_url"])})
    return rows


# what ends an address without saying anything: a file type, an id, a date
_SLUG_NOISE = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$|[-_][a-z]?\d{5,}(?:_\d+)?$|"
                         r"[-_](?:19|20)\d\d(?:[-_]\d\d?){0,2}$|[-_]\d\d?[-_](?:19|20)\d\d$",
                         re.I)


def article_label(url: str, limit: int = 90) -> str | None:
    """Words from an article's address ("severance season 2 wraps filming"), so that
    several articles from one site can be told apart where only addresses are known."""
    path = urlsplit(url).path if url.startswith(("http://", "https://")) else ""
    for segment in reversed([p for p in unquote(path).split("/") if p]):
        stem = segment
        while (shorter := _SLUG_NOISE.sub("", stem)) != stem:  # ".html" then "-126030"
            stem = shorter
        words = re.sub(r"[-_+]+", " ", stem).strip()
        if len(words.split()) >= 3 and not words.replace(" ", "").isdigit():
            return words if len(words) <= limit else words[:limit - 1].rstrip() + "…"
    return None


def _sources(events: list[Event]) -> list[dict]:
    seen: dict[str, dict] = {}
    for e in sorted(events, key=lambda e: e.known_on):
        if e.source_url in seen:
            seen[e.source_url]["claims"] += 1
            continue
        seen[e.source_url] = {"url": e.source_url, "domain": domain(e.source_url),
                              "label": article_label(e.source_url),
                              "known_on": e.known_on.isoformat(),
                              "tier": default_tier(e.source_url).label, "claims": 1}
    return sorted(seen.values(), key=lambda s: s["known_on"], reverse=True)


def what_would_change(model, events: list[Event], season: Season, as_of: date,
                      fc: Forecast) -> list[str]:
    """Re-run the forecast with one hypothetical new fact each and say what moves."""
    if fc.cancelled:
        return []
    base = fc.dist.quantile(0.5)
    out = []
    url = "hypothetical:"
    today_span = DateSpan.day(as_of)
    own = [e for e in events if e.season == season.number]
    scenarios = []
    wrapped = any(e.kind is Kind.FILMING_WRAP and e.modality is Modality.HAPPENED for e in own)
    started = any(e.kind is Kind.FILMING_START and e.modality is Modality.HAPPENED for e in own)
    if started and not wrapped:
        scenarios.append(("filming wrapped today", Kind.FILMING_WRAP))
    if not any(e.kind is Kind.TRAILER and e.modality is Modality.HAPPENED for e in own):
        scenarios.append(("a trailer came out today", Kind.TRAILER))
    for words, kind in scenarios:
        extra = Event(season.title, season.number, kind, Modality.HAPPENED, today_span, as_of,
                      url)
        alt = model.predict([*events, extra], season, season.number, as_of)
        m = alt.dist.quantile(0.5)
        if m and base:
            shift = (m - base).days
            direction = "earlier" if shift < 0 else "later"
            days = "1 day" if abs(shift) == 1 else f"{abs(shift)} days"
            out.append(f"If {words}, the median would stay at {describe_day(m)}." if shift == 0 else
                       f"If {words}, the median would move {days} {direction}, "
                       f"to {describe_day(m)}.")
    window_q = model.rates.get("official_date")
    if window_q and not any(e.kind is Kind.RELEASE and e.modality is Modality.ANNOUNCED
                            and e.date and e.date.precision.value == "day" for e in own):
        out.append(f"An official premiere date would settle it: in the reference data such "
                   f"dates held {window_q:.0%} of the time.")
    slate_year = as_of.year + 1 if as_of.month >= 10 else as_of.year
    if not any(e.kind is Kind.SLATE_LISTING and e.date and e.date.start.year == slate_year
               for e in own):
        extra = Event(season.title, season.number, Kind.SLATE_LISTING, Modality.ANNOUNCED,
                      DateSpan.year(slate_year), as_of, url)
        alt = model.predict([*events, extra], season, season.number, as_of)
        p = alt.dist.p_by_year().get(str(slate_year), 0.0)
        out.append(f"A listing in the platform's official {slate_year} line-up would raise "
                   f"the chance of a {slate_year} premiere to {p:.0%}.")
    return out


def month_probabilities(fc: Forecast, months: int = 24) -> list[tuple[date, float]]:
    """P(premiere in each month) for the chart, from the month-end CDF."""
    cdf = fc.dist.month_end_cdf(months)
    out, prev = [], 0.0
    for end, p in cdf:
        out.append((end.replace(day=1), max(0.0, p - prev)))
        prev = p
    return out
