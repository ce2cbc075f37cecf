"""Reading and writing the domain objects (see `seasoncast.store`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection, Engine, func, insert, select, update

from seasoncast.datespan import DateSpan, Precision
from seasoncast.model import Event, Kind, Modality, Season, Title
from seasoncast.reference import ReferenceData
from seasoncast.store import schema as t
from seasoncast.store.engine import make_engine, migrate
from seasoncast.titles import same_name_key

Progress = Callable[[int], None]  # called with the number of rows just handled


@dataclass(frozen=True, slots=True)
class ImportResult:
    titles_added: int
    seasons_added: int
    events_added: int
    events_unchanged: int
    events_removed: int = 0  # bundled rows no longer in the bundled data (see sync_bundled)


def fingerprint(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def event_fingerprint(ev: Event) -> str:
    return fingerprint(ev.title.casefold(), ev.season, ev.kind.value, ev.modality.value,
                       ev.date.start if ev.date else None, ev.date.end if ev.date else None,
                       ev.known_on, ev.source_url)


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(x for x in (text or "").split(";") if x)


class Store:
    """A seasoncast database. Open with `Store.open()`; it migrates itself to the newest
    schema."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True) -> Store:
        engine = make_engine(url)
        if upgrade:
            migrate(engine)
        return cls(engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def is_empty(self) -> bool:
        with self.engine.connect() as c:
            return c.scalar(select(func.count()).select_from(t.seasons)) == 0

    # -- import --------------------------------------------------------------------
    def import_reference(self, data: ReferenceData, progress: Progress | None = None, *,
                         origin: str = "reference") -> ImportResult:
        """Add what is new in `data`; rows already present are left as they are.
        `origin` marks the new rows: "bundled" for the data shipped with seasoncast."""
        with self.engine.begin() as c:
            return self._import(c, data, progress, origin)

    def _import(self, c: Connection, data: ReferenceData, progress: Progress | None,
                origin: str) -> ImportResult:
        title_ids = {name: id_ for id_, name in c.execute(select(t.titles.c.id,
                                                                 t.titles.c.name))}
        titles_added = 0
        merged = data.merged_seasons()
        names = {s.title for s in merged.values()} | {e.title for e in data.events}
        for name in sorted(names - title_ids.keys()):
            first = next((s for s in merged.values() if s.title == name), None)
            title_ids[name] = c.execute(insert(t.titles).values(
                name=name, platform=first.platform if first else None,
                country=first.country if first else None,
                genres=";".join(first.genres) if first else None,
            )).inserted_primary_key[0]
            titles_added += 1
        self._add_aliases(c, title_ids, data.aliases)
        season_ids = {(tid, n): sid for sid, tid, n in c.execute(
            select(t.seasons.c.id, t.seasons.c.title_id, t.seasons.c.number))}
        seasons_added = 0
        keys = set(merged) | {(e.title, e.season) for e in data.events}
        for title, number in sorted(keys):
            tid = title_ids[title]
            s = merged.get((title, number))
            values = _season_values(s) if s else {}
            if (tid, number) in season_ids:
                if values:  # fill fields left empty before, never overwrite
                    self._fill_season(c, season_ids[(tid, number)], values)
                continue
            season_ids[(tid, number)] = c.execute(insert(t.seasons).values(
                title_id=tid, number=number, **values)).inserted_primary_key[0]
            seasons_added += 1
        existing = set(c.scalars(select(t.events.c.fingerprint)))
        rows = []
        unchanged = 0
        for i, ev in enumerate(data.events):
            fp = event_fingerprint(ev)
            if fp in existing:
                unchanged += 1
            else:
                existing.add(fp)
                rows.append(_event_values(ev, fp, season_ids[(title_ids[ev.title],
                                                               ev.season)], origin))
            if progress and (i + 1) % 500 == 0:
                progress(500)
        for start in range(0, len(rows), 1000):
            c.execute(insert(t.events), rows[start:start + 1000])
        if progress:
            progress(len(data.events) % 500)
        return ImportResult(titles_added, seasons_added, len(rows), unchanged)

    def sync_bundled(self, data: ReferenceData, retired: set[str] = frozenset()) -> int:
        """Remove the bundled rows that the bundled `data` no longer holds (a corrected
        date, a merged duplicate), with the seasons and titles only they made. Rows a
        user imported or read from articles stay. Returns how many events went.

        Stores written before bundled rows were marked have them as "reference": those
        still bundled are marked now, and `retired` names the fingerprints of rows that
        were dropped before then."""
        with self.engine.begin() as c:
            return self._sync(c, data, retired)

    def import_bundled(self, data: ReferenceData, retired: set[str] = frozenset()
                       ) -> ImportResult:
        """`import_reference` of the bundled data and `sync_bundled`, in one transaction:
        a failure leaves the store as it was."""
        with self.engine.begin() as c:
            result = self._import(c, data, None, "bundled")
            removed = self._sync(c, data, retired)
            self._merge_respelled(c, {s.title for s in data.seasons} |
                                  {e.title for e in data.events})
            return replace(result, events_removed=removed)

    @staticmethod
    def _merge_respelled(c: Connection, bundled: set[str]) -> None:
        """Fold a title that the bundled data now spells otherwise ("XO, Kitty" became
        "XO Kitty") into the new spelling: its seasons' remaining rows (viewing
        figures, articles' claims, cast) and its aliases move over, and it goes."""
        spelled = {same_name_key(name): name for name in bundled}
        ids = dict(c.execute(select(t.titles.c.name, t.titles.c.id)).all())
        for name, old_id in ids.items():
            new = spelled.get(same_name_key(name))
            if name in bundled or new is None or new == name or new not in ids:
                continue
            new_id = ids[new]
            for old_sid, number in c.execute(select(t.seasons.c.id, t.seasons.c.number)
                                             .where(t.seasons.c.title_id == old_id)).all():
                new_sid = c.scalar(select(t.seasons.c.id).where(
                    t.seasons.c.title_id == new_id, t.seasons.c.number == number))
                if new_sid is None:
                    c.execute(update(t.seasons).where(t.seasons.c.id == old_sid)
                              .values(title_id=new_id))
                    continue
                for table in (t.events, t.cast_credits, t.viewership, t.changes):
                    c.execute(update(table).where(table.c.season_id == old_sid)
                              .values(season_id=new_sid))
                c.execute(t.seasons.delete().where(t.seasons.c.id == old_sid))
            have = set(c.scalars(select(t.title_aliases.c.alias)
                                 .where(t.title_aliases.c.title_id == new_id)))
            c.execute(t.title_aliases.delete().where(t.title_aliases.c.alias.in_(have),
                                                     t.title_aliases.c.title_id == old_id))
            c.execute(update(t.title_aliases).where(t.title_aliases.c.title_id == old_id)
                      .values(title_id=new_id))
            c.execute(t.titles.delete().where(t.titles.c.id == old_id))

    def _sync(self, c: Connection, data: ReferenceData, retired: set[str]) -> int:
        current = {event_fingerprint(ev) for ev in data.events}
        seasons = {(s.title, s.number) for s in data.seasons}
        ev = t.events
        rows = c.execute(select(ev.c.id, ev.c.fingerprint, ev.c.origin, ev.c.season_id)
                         .where(ev.c.origin.in_(("bundled", "reference")))).all()
        mark = [r.id for r in rows if r.origin == "reference" and r.fingerprint in current]
        gone = [r for r in rows if r.fingerprint not in current and (
            r.origin == "bundled" or r.fingerprint in retired)]
        for start in range(0, len(mark), 500):
            c.execute(update(ev).where(ev.c.id.in_(mark[start:start + 500]))
                      .values(origin="bundled"))
        for start in range(0, len(gone), 500):
            c.execute(ev.delete().where(ev.c.id.in_([r.id for r in gone[start:start + 500]])))
        self._drop_emptied(c, {r.season_id for r in gone}, seasons)
        return len(gone)

    @staticmethod
    def _drop_emptied(c: Connection, season_ids: set[int],
                      keep: set[tuple[str, int]]) -> None:
        """Delete the seasons (then titles) left with nothing once their rows went,
        unless the bundled seasons list them."""
        for sid in season_ids:
            row = c.execute(select(t.seasons.c.title_id, t.seasons.c.number,
                                   t.titles.c.name)
                            .join(t.titles, t.titles.c.id == t.seasons.c.title_id)
                            .where(t.seasons.c.id == sid)).first()
            if row is None or (row.name, row.number) in keep:
                continue
            used = any(c.scalar(select(func.count()).select_from(table)
                                .where(table.c.season_id == sid))
                       for table in (t.events, t.cast_credits, t.viewership, t.changes))
            if used:
                continue
            c.execute(t.seasons.delete().where(t.seasons.c.id == sid))
            left = c.scalar(select(func.count()).select_from(t.seasons)
                            .where(t.seasons.c.title_id == row.title_id))
            if not left:
                c.execute(t.titles.delete().where(t.titles.c.id == row.title_id))

    def _add_aliases(self, c: Connection, title_ids: dict[str, int],
                     aliases: dict[str, set[str]]) -> None:
        have = {(tid, a) for tid, a in c.execute(select(t.title_aliases.c.title_id,
                                                         t.title_aliases.c.alias))}
        rows = [{"title_id": title_ids[name], "alias": a}
                for name, names in aliases.items() if name in title_ids
                for a in sorted(names) if (title_ids[name], a) not in have]
        if rows:
            c.execute(insert(t.title_aliases), rows)

    @staticmethod
    def _fill_season(c: Connection, season_id: int, values: dict) -> None:
        row = c.execute(select(t.seasons).where(t.seasons.c.id == season_id)).mappings().one()
        fill = {k: v for k, v in values.items() if v is not None and row[k] is None}
        if fill:
            c.execute(update(t.seasons).where(t.seasons.c.id == season_id).values(**fill))

    # -- reading -------------------------------------------------------------------
    def titles(self) -> list[Title]:
        with self.engine.connect() as c:
            aliases: dict[int, list[str]] = {}
            for tid, alias in c.execute(select(t.title_aliases.c.title_id,
                                               t.title_aliases.c.alias)):
                aliases.setdefault(tid, []).append(alias)
            return [Title(name=r.name, aliases=tuple(sorted(aliases.get(r.id, []))),
                          platform=r.platform, country=r.country, genres=_split(r.genres))
                    for r in c.execute(select(t.titles).order_by(t.titles.c.name))]

    def seasons(self, title: str | None = None) -> list[Season]:
        q = (select(t.seasons, t.titles.c.name.label("title_name"))
             .join(t.titles, t.titles.c.id == t.seasons.c.title_id)
             .order_by(t.titles.c.name, t.seasons.c.number))
        if title is not None:
            q = q.where(t.titles.c.name == title)
        with self.engine.connect() as c:
            return [_season(r) for r in c.execute(q).mappings()]

    def season(self, title: str, number: int) -> Season | None:
        return next((s for s in self.seasons(title) if s.number == number), None)

    def events(self, title: str | None = None, number: int | None = None,
               as_of: date | None = None) -> list[Event]:
        """Dated facts, oldest known first; `as_of` hides what was not yet public."""
        q = (select(t.events, t.titles.c.name.label("title_name"),
                    t.seasons.c.number.label("season_number"))
             .join(t.seasons, t.seasons.c.id == t.events.c.season_id)
             .join(t.titles, t.titles.c.id == t.seasons.c.title_id)
             .order_by(t.events.c.known_on, t.events.c.id))
        if title is not None:
            q = q.where(t.titles.c.name == title)
        if number is not None:
            q = q.where(t.seasons.c.number == number)
        if as_of is not None:
            q = q.where(t.events.c.known_on <= as_of)
        with self.engine.connect() as c:
            return [_event(r) for r in c.execute(q).mappings()]

    def reference_data(self) -> ReferenceData:
        """Everything in the store, in the shape the forecaster learns from."""
        data = ReferenceData(seasons=self.seasons(), events=self.events())
        for title in self.titles():
            if title.aliases:
                data.aliases[title.name] = set(title.aliases)
        return data

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as c:
            return c.scalar(select(t.meta.c.value).where(t.meta.c.key == key))

    def set_meta(self, key: str, value: str) -> None:
        with self.engine.begin() as c:
            if c.scalar(select(t.meta.c.key).where(t.meta.c.key == key)) is None:
                c.execute(insert(t.meta).values(key=key, value=value))
            else:
                c.execute(update(t.meta).where(t.meta.c.key == key).values(value=value))

    def fingerprint(self) -> str:
        """Changes whenever events are added or removed (for caching fitted models)."""
        with self.engine.connect() as c:
            n, top = c.execute(select(func.count(), func.max(t.events.c.id))
                               .select_from(t.events)).one()
        return f"{n}:{top}"

    def titles_version(self) -> tuple[int, ...]:
        """Changes whenever a title or an alias is added (neither is ever edited or
        removed), for caching what is built from `titles()`."""
        figures = [select(f).select_from(table).scalar_subquery()
                   for table in (t.titles, t.title_aliases)
                   for f in (func.count(), func.max(table.c.id))]
        with self.engine.connect() as c:
            return tuple(c.execute(select(*figures)).one())

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {name: c.scalar(select(func.count()).select_from(table))
                    for name, table in (("titles", t.titles), ("seasons", t.seasons),
                                        ("events", t.events), ("documents", t.documents))}


def _season_values(s: Season) -> dict:
    return {"platform": s.platform, "country": s.country,
            "genres": ";".join(s.genres) or None, "vfx_heavy": s.vfx_heavy,
            "episodes": s.episodes, "notes": s.notes}


def _event_values(ev: Event, fp: str, season_id: int, origin: str = "reference") -> dict:
    return {
        "fingerprint": fp, "season_id": season_id, "kind": ev.kind.value,
        "modality": ev.modality.value,
        "date_start": ev.date.start if ev.date else None,
        "date_end": ev.date.end if ev.date else None,
        "precision": ev.date.precision.value if ev.date else None,
        "date_text": ev.date.text if ev.date else None,
        "known_on": ev.known_on, "source_url": ev.source_url, "note": ev.note,
        "origin": origin,
    }


def _season(r) -> Season:
    return Season(title=r["title_name"], number=r["number"], platform=r["platform"],
                  country=r["country"], genres=_split(r["genres"]), vfx_heavy=r["vfx_heavy"],
                  episodes=r["episodes"], notes=r["notes"])


def _event(r) -> Event:
    span = None
    if r["date_start"] is not None:
        span = DateSpan(r["date_start"], r["date_end"], Precision(r["precision"]),
                        r["date_text"])
    return Event(title=r["title_name"], season=r["season_number"], kind=Kind(r["kind"]),
                 modality=Modality(r["modality"]), date=span, known_on=r["known_on"],
                 source_url=r["source_url"], note=r["note"], subject=r["subject"],
                 detail=r["detail"], origin=r["origin"])
