"""iCalendar feeds of premieres (confirmed or forecast) and an Atom feed of changes.

Each season is one all-day VEVENT with the stable UID `seasoncast-<slug>-s<N>@seasoncast`,
so a subscribed calendar moves the event as the forecast moves (or becomes a confirmed
date) instead of adding another. Text goes through `icalendar` and `xml.etree`, which
escape it for their formats; nothing is concatenated into markup by hand.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from seasoncast.datespan import Precision, describe_day
from seasoncast.model import Kind, Modality, Season

ATOM = "http://www.w3.org/2005/Atom"



@dataclass(frozen=True)
class Premiere:
    """What the calendar shows for one season."""

    season: Season
    slug: str
    day: date | None
    confirmed: bool
    description: str
    status: str


def premiere_of(site, season: Season) -> Premiere:
    """The confirmed premiere day if there is one (it happened, or an official day was
    announced), else the forecast median with its 80% interval."""
    fc = site.forecast(season)
    slug = site.slug_of(season.title)
    status = fc.status.value.replace("_", " ")
    if fc.released:
        return Premiere(season, slug, fc.released, True,
                        f"Premiered on {describe_day(fc.released)}.", status)
    tl = site.timeline(season)
    for e in reversed(tl.current):
        d = e.lead.date
        if e.kind is Kind.RELEASE and e.modality is Modality.ANNOUNCED and d is not None \
                and d.precision is Precision.DAY:
            return Premiere(season, slug, d.start, True,
                            f"Officially announced premiere: {describe_day(d.start)}.\n"
                            f"Source: {e.lead.source_url}", status)
    median = fc.dist.quantile(0.5)
    lo, hi = fc.interval(0.8)
    years = fc.dist.p_by_year()
    lines = [f"Forecast median premiere: {describe_day(median)} (not confirmed).",
             f"80% interval: {describe_day(lo)} – {describe_day(hi)}.",
             "Chance by year: " + ", ".join(f"{y}: {p:.0%}" for y, p in years.items()) + ".",
             f"Status: {status}."]
    lines += [f"- {d}" for d in fc.drivers[:6]]
    return Premiere(season, slug, median, False, "\n".join(lines), status)


def uid(slug: str, number: int) -> str:
    return f"seasoncast-{slug}-s{number}@seasoncast"


def calendar(premieres: list[Premiere], base_url: str, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//seasoncast//premieres//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", "PT6H")
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    stamp = datetime.now(UTC).replace(microsecond=0)
    for p in premieres:
        if p.day is None:
            continue  # beyond the model's horizon: nothing to put on a calendar
        s = p.season
        ev = Event()
        ev.add("uid", uid(p.slug, s.number))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", p.day)
        ev.add("dtend", p.day + timedelta(days=1))
        what = "premiere" if p.confirmed else "premiere (forecast)"
        ev.add("summary", f"{s.title} season {s.number} {what}")
        ev.add("description", p.description)
        ev.add("url", f"{base_url}/season/{p.slug}/{s.number}")
        ev.add("transp", "TRANSPARENT")
        ev.add("status", "CONFIRMED" if p.confirmed else "TENTATIVE")
        ev.add("categories", ["confirmed" if p.confirmed else "forecast"])
        cal.add_component(ev)
    return cal.to_ical()


def atom(changes: list[dict], base_url: str, slug_of, today: date | None = None) -> bytes:
    """An Atom feed of timeline changes (newest first)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
        if text is not None:
            el.text = _clean(text)
        return el

    sub(feed, "id", "tag:seasoncast,2026:changes")  # ids must not depend on the Host
    sub(feed, "title", "seasoncast: timeline changes")
    sub(feed, "link", href=f"{base_url}/changes.atom", rel="self")
    sub(feed, "link", href=f"{base_url}/changes", rel="alternate", type="text/html")
    # with no change yet, the feed is as new as the day (a fixed old date looked broken)
    empty = datetime.combine(today or date.today(), datetime.min.time(), tzinfo=UTC)
    newest = max((_utc(c["at"]) for c in changes), default=empty)
    sub(feed, "updated", newest.isoformat())
    author = sub(feed, "author")
    sub(author, "name", "seasoncast")
    for c in changes:
        entry = sub(feed, "entry")
        sub(entry, "id", f"tag:seasoncast,2026:change-{c['id']}")
        sub(entry, "title", f"{c['title']} season {c['season']}: {c['summary']}")
        sub(entry, "updated", _utc(c["at"]).isoformat())
        sub(entry, "link", href=f"{base_url}/season/{slug_of(c['title'])}/{c['season']}",
            rel="alternate", type="text/html")
        if c.get("url") and str(c["url"]).startswith(("http://", "https://")):
            sub(entry, "link", href=c["url"], rel="via")
        source = c.get("doc_title") or c.get("url") or "a pasted article"
        sub(entry, "summary", f"{c['summary']} — from {source}", type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def _utc(at) -> datetime:
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped: drop them."""
    return "".join(ch for ch in str(text)
                   if ch in "\t\n\r" or (ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF)
                                         and not 0xD800 <= ord(ch) <= 0xDFFF))
