"""What the pages show, computed once per (store contents, day) and kept in memory.

Forecasts need a fitted model (seconds to fit), and the Coming-up list needs a forecast
for every tracked season, so everything derived from the store is cached under a key
made of the store's fingerprint and the day. The fingerprint is re-read at most once a
second (other workers may have ingested articles); this worker's own writes invalidate
it at once.
"""

from __future__ import annotations

import gc
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from seasoncast import api
from seasoncast.errors import NotFound
from seasoncast.model import Season
from seasoncast.store import Store

FINGERPRINT_TTL = 1.0  # seconds
REPORT_CACHE = 256  # season reports kept per key
PAGE_CACHE = 512  # rendered pages kept per key


def refreeze() -> None:
    """The fitted model and cached pages are large, long-lived object graphs: collect
    once, then move them out of the collector's sight so that full collections under
    load stay short (without this, p95 latency goes from ~20 ms to ~200 ms)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Row(api.SeasonOutlook):
    """One line of the Coming-up list (and of `/api/seasons`): the outlook and its address."""

    slug: str = ""

    @property
    def path(self) -> str:
        return f"/season/{self.slug}/{self.season}"

    def to_dict(self) -> dict:
        return {**super().to_dict(), "slug": self.slug, "url": self.path}


class Site:
    def __init__(self, store: Store):
        self.store = store
        self._fp: str | None = None
        self._fp_at = 0.0
        self._key: tuple | None = None
        self._cache: dict = {}
        self._reports: OrderedDict = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self.ready = False

    # -- the cache key ---------------------------------------------------------------
    def key(self) -> tuple[str, date]:
        now = time.monotonic()
        if self._fp is None or now - self._fp_at > FINGERPRINT_TTL:
            self._fp = self.store.fingerprint()
            self._fp_at = now
        key = (self._fp, api.today())
        if key != self._key:
            with self._guard:
                if key != self._key:
                    self._cache = {}
                    self._reports = OrderedDict()
                    self._key = key
        return key

    def invalidate(self) -> None:
        self._fp = None

    def _lock(self, name: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())

    def _memo(self, name: str, compute):
        key = self.key()
        hit = self._cache.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        with self._lock(name):
            hit = self._cache.get(name)
            if hit is not None and hit[0] == key:
                return hit[1]
            value = compute()
            if self._key == key:
                self._cache[name] = (key, value)
            return value

    # -- derived data ----------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.key()[1]

    def model(self):
        day = self.today
        return self._memo("model", lambda: api.trained_forecaster(self.store, day))

    def slugs(self) -> tuple[dict[str, str], dict[str, str]]:
        """slug -> title name, and title name -> slug (collisions get a suffix)."""
        def compute():
            by_slug: dict[str, str] = {}
            by_name: dict[str, str] = {}
            for t in self.store.titles():
                base = slugify(t.name) or "title"
                slug, i = base, 2
                while slug in by_slug:
                    slug, i = f"{base}-{i}", i + 1
                by_slug[slug] = t.name
                by_name[t.name] = slug
            return by_slug, by_name
        return self._memo("slugs", compute)

    def slug_of(self, title: str) -> str:
        return self.slugs()[1].get(title) or slugify(title) or "title"

    def season(self, slug: str, number: int) -> Season:
        """The season a URL names; NotFound (with suggestions) otherwise."""
        name = self.slugs()[0].get(slug)
        if name is None:
            raise NotFound(f"no tracked title has the address {slug!r}")
        s = self._memo("seasons", lambda: {x.key: x for x in self.store.seasons()}).get(
            (name, number))
        if s is None:
            have = [x.number for x in self.store.seasons(name)]
            raise NotFound(f"{name} season {number} is not tracked"
                           + (f" (tracked: {', '.join(map(str, have))})" if have else ""),
                           [f"{name} season {n}" for n in have])
        return s

    def rows(self) -> list[Row]:
        """Every tracked season still to premiere, sorted by forecast median."""
        return self._memo("rows", self._compute_rows)

    def _compute_rows(self) -> list[Row]:
        rows = self._rows_now()
        refreeze()
        return rows

    def _rows_now(self) -> list[Row]:
        day = self.today
        self.model()
        rows = [Row.of(ts, self.forecast(ts.season), slug=self.slug_of(ts.season.title))
                for ts in api.tracked_seasons(self.store, day)]
        return sorted(rows, key=lambda r: r.sort_key)

    def recent_premieres(self, days: int = 90) -> list[Season]:
        """Seasons that premiered in the last `days` days (kept on the calendar, so a
        subscribed calendar keeps the event instead of losing it on the day)."""
        def compute():
            day = self.today
            return [ts.season for ts in api.tracked_seasons(self.store, day,
                                                            include_released=True)
                    if ts.premiere is not None and 0 <= (day - ts.premiere).days <= days]
        return self._memo(("recent", days), compute)

    def forecast(self, season: Season):
        def compute():
            self.model()
            return api.forecast_season(self.store, season, self.today)
        return self._memo(("forecast", season.key), compute)

    def timeline(self, season: Season):
        return self._memo(("timeline", season.key),
                          lambda: api.season_timeline(self.store, season, self.today))

    def report(self, season: Season):
        """(Report, its article HTML) — built once per key, LRU-bounded."""
        from seasoncast.report import build_report
        from seasoncast.report.render import render_html_body

        key = self.key()
        hit = self._reports.get(season.key)
        if hit is not None:
            return hit
        with self._lock(f"report:{season.title}:{season.number}"):
            hit = self._reports.get(season.key)
            if hit is not None:
                return hit
            self.model()
            report = build_report(self.store, season, self.today)
            value = (report, render_html_body(report))
            with self._guard:
                if self._key == key:
                    self._reports[season.key] = value
                    while len(self._reports) > REPORT_CACHE:
                        self._reports.popitem(last=False)
            return value

    def page(self, name, render) -> str:
        """A rendered page or JSON body, cached per key (LRU-bounded)."""
        key = self.key()
        pages = self._cache.get("pages")
        if pages is None or pages[0] != key:
            with self._guard:
                pages = self._cache.get("pages")
                if pages is None or pages[0] != key:
                    pages = (key, OrderedDict())
                    if self._key == key:
                        self._cache["pages"] = pages
        lru = pages[1]
        hit = lru.get(name)
        if hit is not None:
            return hit
        value = render()
        with self._guard:
            lru[name] = value
            while len(lru) > PAGE_CACHE:
                lru.popitem(last=False)
        return value

    def best(self, query: str) -> str | None:
        """The one title a query clearly means (None when unsure)."""
        from seasoncast.titles import TitleIndex

        index = self._memo("index", lambda: TitleIndex(self.store.titles()))
        hit = index.best(query.strip()[:200])
        return hit.name if hit else None

    def search(self, query: str) -> list[str]:
        """Title names matching a forgiving query ('aouad', 'wednesdy season 3')."""
        from seasoncast.titles import TitleIndex, split_title_and_season

        query = query.strip()[:200]
        if not query:
            return []
        index = self._memo("index", lambda: TitleIndex(self.store.titles()))
        name, _ = split_title_and_season(query)
        names = [h.title.name for h in index.lookup(name or query, limit=20)]
        folded = query.casefold()
        for r in self.rows():
            if folded in r.title.casefold() and r.title not in names:
                names.append(r.title)
        return names

    def warm(self) -> None:
        """Fit the day's model and compute the Coming-up list (run at startup)."""
        try:
            rows = self.rows()
            if rows:  # imports the chart code too
                first = rows[0]
                self.report(self.season(first.slug, first.season))
        finally:
            self.ready = True
            refreeze()
