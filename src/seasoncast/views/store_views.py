"""Writing viewing rows to the store and reading them back, per season.

Every row read from a file is stored, linked or not, so an import accounts for all of
them; the `fingerprint` (dataset, category, key, metric) makes a second import of the
same file a no-op. All of one import is one transaction. The 2023 H1 report has no
views column, so after each import views are derived for it as hours ÷ runtime, the
runtime taken from a later report of the same title (Netflix's own method).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, and_, insert, select

from seasoncast.store import Store
from seasoncast.store import schema as t
from seasoncast.store.repository import fingerprint
from seasoncast.views.importers import ViewRow
from seasoncast.views.linking import REVIEW_FLOOR, Link, Linker

V = t.viewership
FIRST_REPORT = "engagement-2023H1"  # the report without a Views column


@dataclass
class ImportSummary:
    rows: int = 0  # rows read from the files
    added: int = 0
    unchanged: int = 0  # already stored (same fingerprint)
    linked: int = 0
    unlinked: int = 0
    review: int = 0  # unlinked with a plausible candidate (listed by `views-review`)
    derived_views: int = 0  # 2023 H1 views computed from hours ÷ runtime
    by_dataset: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "by_dataset"}
        d["by_dataset"] = dict(sorted(self.by_dataset.items()))
        return d


def season_ids(c: Connection) -> dict[tuple[str, int], int]:
    q = select(t.titles.c.name, t.seasons.c.number, t.seasons.c.id).join(
        t.titles, t.titles.c.id == t.seasons.c.title_id)
    return {(name, n): sid for name, n, sid in c.execute(q)}


def make_linker(store: Store) -> Linker:
    with store.engine.connect() as c:
        ids = season_ids(c)
    return Linker(store.titles(), ids)


def row_fingerprint(r: ViewRow) -> str:
    return fingerprint("view", r.dataset, r.category, r.key, r.metric)


def _values(r: ViewRow, fp: str, link: Link) -> dict:
    return {"fingerprint": fp, "season_id": link.season_id, "raw_title": r.raw_title,
            "metric": r.metric, "value": r.value, "period_start": r.period_start,
            "period_end": r.period_end, "precision": r.precision, "dataset": r.dataset,
            "category": r.category, "rank": r.rank, "source_url": r.source_url,
            "link_confidence": link.confidence}


def import_rows(store: Store, rows: Iterable[ViewRow], *, linker: Linker | None = None,
                premieres: dict[int, date] | None = None,
                progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Store rows not yet stored, linked where confident; one transaction."""
    linker = linker or make_linker(store)
    premieres = premieres if premieres is not None else season_premieres(store)
    summary = ImportSummary()
    with store.engine.begin() as c:
        existing = set(c.scalars(select(V.c.fingerprint)))
        batch: list[dict] = []
        for r in rows:
            summary.rows += 1
            fp = row_fingerprint(r)
            if fp in existing:
                summary.unchanged += 1
                continue
            existing.add(fp)
            link = linker.link(r.raw_title, r.show_title, is_film=r.is_film,
                               mixed=r.category == "All")
            values = _values(r, fp, link)
            if r.window_days and link.season_id in premieres:
                start = premieres[link.season_id]
                values.update(period_start=start, precision="days",
                              period_end=date.fromordinal(start.toordinal()
                                                          + r.window_days - 1))
            batch.append(values)
            summary.added += 1
            summary.by_dataset[r.dataset.split("-20")[0]] += 1
            if link.season_id is not None:
                summary.linked += 1
            else:
                summary.unlinked += 1
                summary.review += link.for_review
            if len(batch) >= 5000:
                c.execute(insert(V), batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            c.execute(insert(V), batch)
            if progress:
                progress(len(batch))
        summary.derived_views = derive_first_report_views(c)
    return summary


def round_views(value: float) -> float:
    """Netflix rounds views to the nearest 100,000."""
    return float(int(value / 100_000 + 0.5) * 100_000)


def derive_first_report_views(c: Connection) -> int:
    """Views for 2023 H1 rows = hours ÷ runtime of the same title in the earliest later
    report that gives one. Idempotent: a derived row has its own fingerprint."""
    runtimes: dict[str, tuple[str, float]] = {}
    q = (select(V.c.raw_title, V.c.dataset, V.c.value)
         .where(V.c.metric == "runtime", V.c.dataset.like("engagement-%"),
                V.c.dataset != FIRST_REPORT)
         .order_by(V.c.dataset.desc()))
    for raw, dataset, value in c.execute(q):
        if value:
            runtimes[raw] = (dataset, value)  # ascending overwrite: earliest report wins
    existing = set(c.scalars(select(V.c.fingerprint).where(V.c.dataset == FIRST_REPORT,
                                                           V.c.metric == "views")))
    rows = []
    for r in c.execute(select(V).where(V.c.dataset == FIRST_REPORT, V.c.metric == "hours")
                       ).mappings():
        if r["raw_title"] not in runtimes:
            continue
        fp = fingerprint("view-derived", r["fingerprint"])
        if fp in existing:
            continue
        _, runtime = runtimes[r["raw_title"]]
        values = {k: r[k] for k in ("season_id", "raw_title", "period_start", "period_end",
                                    "precision", "dataset", "category", "rank", "source_url",
                                    "link_confidence")}
        values.update(fingerprint=fp, metric="views", value=round_views(r["value"] / runtime))
        rows.append(values)
    for i in range(0, len(rows), 5000):
        c.execute(insert(V), rows[i:i + 5000])
    return len(rows)


def derived_runtime_source(store: Store, raw_title: str) -> str | None:
    """Which later report gave the runtime that 2023 H1 views were derived with."""
    q = (select(V.c.dataset).where(V.c.raw_title == raw_title, V.c.metric == "runtime",
                                   V.c.dataset.like("engagement-%"),
                                   V.c.dataset != FIRST_REPORT).order_by(V.c.dataset))
    with store.engine.connect() as c:
        return c.scalars(q).first()


def season_premieres(store: Store) -> dict[int, date]:
    """season id -> earliest premiere that happened (the reference data's release rows)."""
    q = (select(t.events.c.season_id, t.events.c.date_start)
         .where(t.events.c.kind == "release", t.events.c.modality == "happened",
                t.events.c.date_start.is_not(None)))
    out: dict[int, date] = {}
    with store.engine.connect() as c:
        for sid, start in c.execute(q):
            if sid not in out or start < out[sid]:
                out[sid] = start
    return out


@dataclass(frozen=True, slots=True)
class StoredView:
    raw_title: str
    metric: str
    value: float
    period_start: date | None
    period_end: date | None
    precision: str | None
    dataset: str
    category: str | None
    rank: int | None
    source_url: str | None
    link_confidence: float | None


def season_id(store: Store, title: str, number: int) -> int | None:
    q = (select(t.seasons.c.id).join(t.titles, t.titles.c.id == t.seasons.c.title_id)
         .where(t.titles.c.name == title, t.seasons.c.number == number))
    with store.engine.connect() as c:
        return c.scalar(q)


def sibling_season_ids(store: Store, title: str, number: int) -> list[int]:
    """The season and its twins under titles differing only in case or punctuation
    ("BEEF"/"Beef" from two reference batches): rows may be linked to either."""
    from seasoncast.titles import normalize_title

    key = normalize_title(title)
    with store.engine.connect() as c:
        return [sid for (name, n), sid in season_ids(c).items()
                if n == number and (name == title or normalize_title(name) == key)]


def season_views(store: Store, title: str, number: int,
                 datasets: str | None = None) -> list[StoredView]:
    """Every stored row linked to a season (optionally only datasets starting so)."""
    sids = sibling_season_ids(store, title, number)
    if not sids:
        return []
    q = (select(V).where(V.c.season_id.in_(sids))
         .order_by(V.c.dataset, V.c.period_end, V.c.id))
    if datasets:
        q = q.where(V.c.dataset.like(datasets + "%"))
    with store.engine.connect() as c:
        return [_stored(r) for r in c.execute(q).mappings()]


def _stored(r) -> StoredView:
    return StoredView(r["raw_title"], r["metric"], r["value"], r["period_start"],
                      r["period_end"], r["precision"], r["dataset"], r["category"], r["rank"],
                      r["source_url"], r["link_confidence"])


def list_datasets(store: Store, prefix: str) -> list[str]:
    with store.engine.connect() as c:
        return list(c.scalars(select(V.c.dataset).where(V.c.dataset.like(prefix + "%"))
                              .distinct().order_by(V.c.dataset)))


def review_rows(store: Store, limit: int | None = None) -> list[dict]:
    """Unlinked rows that may belong to a tracked title, one entry per published title."""
    q = (select(V.c.raw_title, V.c.link_confidence, V.c.dataset)
         .where(and_(V.c.season_id.is_(None), V.c.link_confidence >= REVIEW_FLOOR))
         .order_by(V.c.link_confidence.desc(), V.c.raw_title))
    groups: dict[str, dict] = {}
    with store.engine.connect() as c:
        for raw, conf, dataset in c.execute(q):
            g = groups.setdefault(raw, {"raw_title": raw, "confidence": conf, "rows": 0,
                                        "datasets": set()})
            g["rows"] += 1
            g["datasets"].add(dataset.split("-20")[0])
    out = [dict(g, datasets=sorted(g["datasets"])) for g in groups.values()]
    return out[:limit] if limit else out


def relink(store: Store) -> int:
    """Link stored unlinked rows again (after seasons or aliases were added); returns how
    many rows gained a season. Rows never lose a link here."""
    from sqlalchemy import update

    linker = make_linker(store)
    q = (select(V.c.raw_title, V.c.category).where(V.c.season_id.is_(None))
         .distinct())
    changed = 0
    with store.engine.begin() as c:
        for raw, category in c.execute(q).all():
            is_film = (category or "").startswith(("Film", "Movie"))
            link = linker.link(raw, None, is_film=is_film, mixed=category == "All")
            if link.season_id is None:
                continue
            res = c.execute(update(V).where(V.c.season_id.is_(None), V.c.raw_title == raw,
                                            V.c.category == category)
                            .values(season_id=link.season_id,
                                    link_confidence=link.confidence))
            changed += res.rowcount
    return changed


def counts(store: Store) -> dict[str, int]:
    """Stored rows: linked, unlinked, for review."""
    from sqlalchemy import func

    with store.engine.connect() as c:
        total = c.scalar(select(func.count()).select_from(V))
        linked = c.scalar(select(func.count()).select_from(V).where(V.c.season_id.is_not(None)))
        review = c.scalar(select(func.count()).select_from(V).where(
            V.c.season_id.is_(None), V.c.link_confidence >= REVIEW_FLOOR))
    return {"rows": total, "linked": linked, "unlinked": total - linked, "review": review}
