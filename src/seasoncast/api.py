"""seasoncast's Python API: what the CLI and the web app both call.

Each function takes a `Store` and plain values and returns plain objects; printing and
HTTP stay in `seasoncast.cli` and `seasoncast.web`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from seasoncast.datespan import describe
from seasoncast.errors import NotFound, UserError
from seasoncast.model import Event, Season, Status, Title
from seasoncast.reference import SNAPSHOT, load_bundled, retired_fingerprints
from seasoncast.store import ImportResult, Store
from seasoncast.timeline import Timeline, derive_status, leading_report, reconcile_timeline
from seasoncast.titles import TitleIndex, split_title_and_season

if TYPE_CHECKING:
    from seasoncast.extract.titles import KnownTitles
    from seasoncast.forecast.evidence import PassedPromise
    from seasoncast.forecast.model import Forecast


def today() -> date:
    return date.today()


def init_store(store: Store) -> ImportResult:
    """Bring the store up to date with the bundled reference data (idempotent)."""
    from seasoncast.views.bundle import load_bundled_views

    data = load_bundled()
    result = store.import_bundled(data, retired_fingerprints())
    load_bundled_views(store)
    store.set_meta("bundled_snapshot", SNAPSHOT.isoformat())
    return result


def resolve_title(store: Store, query: str) -> Title:
    index = TitleIndex(store.titles())
    hits = index.lookup(query)
    best = index.best(query)
    if best is None:
        names = [h.title.name for h in hits]
        hint = f" Did you mean: {'; '.join(names)}?" if names else ""
        raise NotFound(f"no tracked title matches {query!r}.{hint}", names)
    return best


def resolve_season(store: Store, query: str, number: int | None = None) -> Season:
    """The tracked season a user means: 'AOUAD', season 2; or 'Wednesday season 3'.

    Without a number, the newest season (the one people are waiting for) is taken.
    """
    name, parsed = split_title_and_season(query)
    if number is None:
        number = parsed
    try:
        title = resolve_title(store, query if parsed is None else name)
    except NotFound:
        if parsed is None:
            raise
        title = resolve_title(store, query)
    seasons = store.seasons(title.name)
    if not seasons:
        raise NotFound(f"{title.name} has no tracked seasons")
    if number is None:
        return seasons[-1]
    for s in seasons:
        if s.number == number:
            return s
    have = ", ".join(str(s.number) for s in seasons)
    raise NotFound(f"{title.name} season {number} is not tracked (tracked: {have})",
                   [f"{title.name} season {s.number}" for s in seasons])


@dataclass(frozen=True)
class TrackedSeason:
    season: Season
    status: Status
    reason: Event | None
    premiere: date | None

    @property
    def latest(self) -> str | None:
        """The report the status rests on, in words: 'release (announced) June 2026'."""
        r = self.reason
        if r is None:
            return None
        when = describe(r.date) if r.date else r.known_on.isoformat()
        return f"{r.kind.value.replace('_', ' ')} ({r.modality.value}) {when}"


def tracked_seasons(store: Store, as_of: date | None = None, *,
                    include_released: bool = False) -> list[TrackedSeason]:
    """Seasons with their status; by default those still to premiere (what fans wait for)."""
    as_of = as_of or today()
    by_season: dict[tuple[str, int], list[Event]] = {}
    for e in store.events(as_of=as_of):
        by_season.setdefault((e.title, e.season), []).append(e)
    out = []
    for s in store.seasons():
        evs = by_season.get(s.key, [])
        status, reason = derive_status(evs, as_of)
        if status is Status.RELEASED and not include_released:
            continue
        if not evs:
            continue
        reason = leading_report(reason, evs)
        premiere = reason.date.start if status is Status.RELEASED and reason and reason.date \
            else None
        out.append(TrackedSeason(s, status, reason, premiere))
    return out


@dataclass(frozen=True)
class SeasonOutlook:
    """A tracked season and its forecast in one line: what the slate views show
    (`titles --forecast`, the web's Coming-up list and `/api/seasons`)."""

    title: str
    season: int
    platform: str | None
    country: str | None
    status: str
    latest: str | None
    reason: Event | None  # the report behind `latest`
    median: date | None  # a premiered season's is its day
    low80: date | None
    high80: date | None
    p_this_year: float
    released: date | None
    passed: PassedPromise | None  # an official date or window gone by unreported

    @classmethod
    def of(cls, tracked: TrackedSeason, fc: Forecast, **extra):
        s = tracked.season
        lo, hi = fc.interval(0.8)
        return cls(
            title=s.title, season=s.number, platform=s.platform, country=s.country,
            status=tracked.status.value, latest=tracked.latest, reason=tracked.reason,
            median=fc.released or fc.dist.quantile(0.5), low80=fc.released or lo,
            high80=fc.released or hi,
            p_this_year=float(fc.dist.p_by_year().get(str(fc.as_of.year), 0.0)),
            released=fc.released, passed=fc.passed, **extra)

    @property
    def sort_key(self) -> tuple:
        """Soonest median first; seasons with no median last."""
        return self.median or date.max, self.title.casefold(), self.season

    @property
    def passed_note(self) -> str | None:
        """What a slate says of a season whose official date or window has gone by."""
        if self.passed is None:
            return None
        return f"{self.passed.words} {describe(self.passed.span)} has passed: may be out"

    def forecast_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"median": iso(self.median), "interval_80": [iso(self.low80), iso(self.high80)],
                "p_this_year": round(self.p_this_year, 4), "released": iso(self.released),
                "passed_unreported": {"what": self.passed.words,
                                      "date": self.passed.span.to_dict()}
                if self.passed else None}

    def to_dict(self) -> dict:
        return {"title": self.title, "season": self.season, "platform": self.platform,
                "country": self.country, "status": self.status, "latest": self.latest,
                **self.forecast_dict()}


def season_outlooks(store: Store, as_of: date | None = None, *,
                    include_released: bool = False) -> list[SeasonOutlook]:
    """Every tracked season with its forecast, soonest median first."""
    as_of = as_of or today()
    rows = [SeasonOutlook.of(ts, forecast_season(store, ts.season, as_of))
            for ts in tracked_seasons(store, as_of, include_released=include_released)]
    return sorted(rows, key=lambda r: r.sort_key)


def season_timeline(store: Store, season: Season, as_of: date | None = None) -> Timeline:
    as_of = as_of or today()
    events = store.events(season.title, season.number, as_of=as_of)
    return reconcile_timeline(season.title, season.number, events, as_of)


_MODELS: dict[tuple, object] = {}
MODELS_KEPT = 8


def _forecast_code_version() -> str:
    """A digest of the forecasting code and the bundled calibration map, so that a cached
    model fitted by an older version is never used."""
    import hashlib

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted((root / "forecast").glob("*.py")) + [root / "data" / "calibration.json"]:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest()[:16]


def trained_forecaster(store: Store, as_of: date):
    """A forecaster trained on everything the store knew by `as_of`.

    Fitting takes seconds, so fitted models are kept in memory and in the user's cache
    directory, keyed by the store's contents, the day and the forecasting code (with its
    calibration map); new data or an upgrade retrains.
    """
    import hashlib
    import pickle

    from platformdirs import user_cache_dir

    from seasoncast.forecast.backtest import load_calibration
    from seasoncast.forecast.model import MODEL_NAME, PremiereForecaster

    key = (MODEL_NAME, _forecast_code_version(), store.url, as_of.isoformat(),
           store.fingerprint())
    model = _MODELS.get(key)
    if model is not None:
        return model
    cache = Path(user_cache_dir("seasoncast", appauthor=False))
    path = cache / f"model-{hashlib.sha256(repr(key).encode()).hexdigest()[:24]}.pickle"
    try:
        model = pickle.loads(path.read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        model = PremiereForecaster().fit(store.reference_data(), as_of)
        model.calibration = load_calibration()
        try:
            cache.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(model))
            tmp.replace(path)
            # one model per day and store: keep the newest few, not one per day forever
            old = sorted(cache.glob("model-*.pickle"), key=lambda p: p.stat().st_mtime)
            for stale in old[:-MODELS_KEPT]:
                stale.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only cache only costs speed
    _MODELS.clear()
    _MODELS[key] = model
    return model


def forecast_season(store: Store, season: Season, as_of: date | None = None):
    """The premiere forecast of one season as of a day (default today)."""
    as_of = as_of or today()
    events = [e for e in store.events(season.title, as_of=as_of)]
    if not any(e.season == season.number for e in events):
        first = min((e.known_on for e in store.events(season.title, season.number)),
                    default=None)
        if first is not None:  # a forecast from before anything was known is no forecast
            raise UserError(f"nothing about {season.title} season {season.number} was known "
                            f"on {as_of}; its first report is dated {first}")
    model = trained_forecaster(store, as_of)
    return model.predict(events, season, season.number, as_of)


@dataclass
class IngestReport:
    url: str | None
    title: str | None
    published: date | None
    duplicate: bool
    claims: int
    events_added: int
    cast_added: int
    seasons: list[tuple[str, int]]
    extraction: object = None

    def to_dict(self) -> dict:
        return {"url": self.url, "title": self.title,
                "published": self.published.isoformat() if self.published else None,
                "duplicate": self.duplicate, "claims": self.claims,
                "events_added": self.events_added, "cast_added": self.cast_added,
                "seasons": [{"title": t, "season": n} for t, n in self.seasons]}


@dataclass(frozen=True)
class _TitleLookups:
    known: KnownTitles  # for finding tracked titles in articles
    index: TitleIndex  # for linking what was found to them


_LOOKUPS: WeakKeyDictionary[Store, tuple[tuple[int, ...], _TitleLookups]] = \
    WeakKeyDictionary()


def _title_lookups(store: Store) -> _TitleLookups:
    """The store's titles prepared for reading articles, rebuilt only when titles are
    added: for thousands of titles that costs more than reading an article."""
    version = store.titles_version()
    hit = _LOOKUPS.get(store)
    if hit is None or hit[0] != version:
        from seasoncast.extract.titles import KnownTitles

        titles = store.titles()
        hit = _LOOKUPS[store] = version, _TitleLookups(KnownTitles(titles), TitleIndex(titles))
    return hit[1]


def read_document(doc, store: Store, title_hint: str | None = None,
                  published: date | None = None):
    """Extract a document's claims, linked to tracked titles where they match."""
    from seasoncast.extract import extract_document
    from seasoncast.timeline import season_in_the_news

    lookups = _title_lookups(store)
    index = lookups.index

    @functools.cache  # an article names the same few shows claim after claim
    def tracked(name: str) -> Title | None:
        return index.best(name, threshold=88)

    def link(name: str | None) -> str | None:
        if not name:
            return None
        hit = tracked(name)
        return hit.name if hit else name.strip()[:300]

    def season_guess(name: str, on: date | None) -> int | None:
        hit = tracked(name)
        if hit is None:
            return None
        on = on or date.today()
        return season_in_the_news([s.number for s in store.seasons(hit.name)],
                                  store.events(hit.name, as_of=on), on)

    extraction = extract_document(doc.text, published=published or doc.published,
                                  title_hint=title_hint, known_titles=lookups.known,
                                  url=doc.url, season_guess=season_guess)
    return extraction, link


def ingest_document(store: Store, doc, *, title_hint: str | None = None,
                    published: date | None = None, dry_run: bool = False) -> IngestReport:
    """Read one document and, unless `dry_run`, store it with what it says."""
    from seasoncast.store.documents import store_document

    extraction, link = read_document(doc, store, title_hint, published)
    when = published or doc.published or extraction.published
    claims = [(c, link(c.title)) for c in extraction.claims if c.season is not None]
    claims = [(c, n) for c, n in claims if n]
    cast = [(c, link(c.title)) for c in extraction.cast if c.season is not None]
    cast = [(c, n) for c, n in cast if n]
    views = [(v, link(v.title)) for v in extraction.viewership]
    report = IngestReport(doc.url, doc.title, when, False, len(claims), 0, 0,
                          sorted({(n, c.season) for c, n in claims}), extraction)
    if dry_run:
        return report
    stored = store_document(store, text=doc.text, content_hash=doc.content_hash, url=doc.url,
                            title=doc.title, published=when, domain=doc.domain,
                            tier=int(doc.tier), claims=claims, cast=cast, viewership=views,
                            today=today())
    report.duplicate = stored.duplicate
    report.events_added = stored.events_added
    report.cast_added = stored.cast_added
    return report
