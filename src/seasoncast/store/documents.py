"""Storing ingested articles and what was read from them.

A document is stored once (by content hash, so a syndicated copy is recognised); its
claims become events of origin "article", its cast and viewing figures go with it, and a
`changes` row per season records what the article changed, for the Changes page and feed.
All of it happens in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Connection, Table, insert, select

from seasoncast.model import CastCredit, Claim, Event, Viewership
from seasoncast.store import schema as t
from seasoncast.store.repository import Store, event_fingerprint, fingerprint

MAX_STORED_CHARS = 200_000


@dataclass
class StoredDocument:
    document_id: int
    duplicate: bool
    events_added: int = 0
    cast_added: int = 0
    views_added: int = 0
    seasons: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # claims about untracked titles


def claim_to_event(claim: Claim, title: str, known_on: date, source_url: str) -> Event:
    return Event(title=title, season=claim.season, kind=claim.kind, modality=claim.modality,
                 date=claim.date, known_on=known_on, source_url=source_url,
                 note=claim.detail, subject=claim.subject, detail=claim.detail,
                 origin="article")


def store_document(store: Store, *, text: str, content_hash: str, url: str | None,
                   title: str | None, published: date | None, domain: str | None,
                   tier: int, claims: list[tuple[Claim, str]],
                   cast: list[tuple[CastCredit, str]],
                   viewership: list[tuple[Viewership, str | None]],
                   today: date) -> StoredDocument:
    """Store a document and its readings. `claims` and `cast` pair each item with the
    tracked title it was linked to; unlinked items are not passed in.

    Rows of a kind are inserted together (one executemany), which is what makes storing
    cheap next to reading the article."""
    source_url = url or f"urn:sha256:{content_hash}"
    known_on = published or today
    with store.engine.begin() as c:
        existing = c.scalar(select(t.documents.c.id).where(
            t.documents.c.content_hash == content_hash))
        if existing is not None:
            return StoredDocument(existing, True)
        source_id = None
        if url:
            source_id = c.scalar(select(t.sources.c.id).where(t.sources.c.url == url))
            if source_id is None:
                source_id = c.execute(insert(t.sources).values(
                    url=url, domain=domain, published=published, tier=int(tier),
                    title=(title or "")[:1000] or None)).inserted_primary_key[0]
        doc_id = c.execute(insert(t.documents).values(
            content_hash=content_hash, source_id=source_id, url=url,
            title=(title or "")[:1000] or None, published=published,
            text=text[:MAX_STORED_CHARS], chars=len(text),
            ingested_at=datetime.now(UTC))).inserted_primary_key[0]
        result = StoredDocument(doc_id, False)
        season_id = _SeasonIds(c)

        events = []
        for claim, name in claims:
            if claim.season is not None:
                ev = claim_to_event(claim, name, known_on, source_url)
                # one claim per person; the source is part of it, so the unique index finds
                # the article's claims stored already
                events.append((claim, name, ev, fingerprint(event_fingerprint(ev),
                                                            claim.subject)))
        changed: dict[tuple[str, int], list[str]] = {}
        rows = []
        for claim, name, ev, fp in _unstored(c, t.events, events):
            q = claim.quote_span or (None, None)
            rows.append(dict(
                fingerprint=fp, season_id=season_id(name, claim.season),
                kind=ev.kind.value, modality=ev.modality.value,
                date_start=ev.date.start if ev.date else None,
                date_end=ev.date.end if ev.date else None,
                precision=ev.date.precision.value if ev.date else None,
                date_text=(ev.date.text or "")[:200] or None if ev.date else None,
                known_on=known_on, source_url=source_url, note=None, origin="article",
                document_id=doc_id, subject=(claim.subject or "")[:300] or None,
                detail=(claim.detail or "")[:500] or None,
                location=(claim.location or "")[:300] or None,
                quote_start=q[0], quote_end=q[1], confidence=claim.confidence))
            changed.setdefault((name, claim.season), []).append(_claim_words(claim))
        result.events_added = _insert_all(c, t.events, rows)

        credits = [(credit, name, fingerprint("cast", name, credit.season, credit.person,
                                              credit.status.value, source_url))
                   for credit, name in cast if credit.season is not None]
        rows = []
        for credit, name, fp in _unstored(c, t.cast_credits, credits):
            rows.append(dict(
                fingerprint=fp, season_id=season_id(name, credit.season),
                person=credit.person[:300], character=(credit.character or "")[:300] or None,
                status=credit.status.value, known_for=json.dumps(list(credit.known_for)),
                document_id=doc_id, source_url=source_url))
        result.cast_added = _insert_all(c, t.cast_credits, rows)

        figures = [(fig, name, fingerprint("view", name, fig.season, fig.metric, fig.value,
                                           source_url)) for fig, name in viewership]
        rows = []
        for fig, name, fp in _unstored(c, t.viewership, figures):
            rows.append(dict(
                fingerprint=fp, season_id=season_id(name, fig.season)
                if name and fig.season else None, raw_title=fig.title, metric=fig.metric,
                value=float(fig.value),
                period_start=fig.period.start if fig.period else None,
                period_end=fig.period.end if fig.period else None,
                precision=fig.period.precision.value if fig.period else None,
                dataset="article", source_url=source_url, document_id=doc_id))
        result.views_added = _insert_all(c, t.viewership, rows)

        now = datetime.now(UTC)
        _insert_all(c, t.changes, [dict(season_id=season_id(name, number), document_id=doc_id,
                                        at=now, summary="; ".join(words)[:2000])
                                   for (name, number), words in changed.items()])
        result.seasons = sorted(changed)
        return result


class _SeasonIds:
    """Season ids by title name and number; a title or season an article is the first to
    name is created."""

    def __init__(self, c: Connection):
        self._c = c
        self._ids: dict[tuple[str, int], int] = {}

    def __call__(self, name: str, number: int) -> int:
        key = (name, number)
        if key not in self._ids:
            self._ids[key] = self._lookup_or_create(name, number)
        return self._ids[key]

    def _lookup_or_create(self, name: str, number: int) -> int:
        c = self._c
        sid = c.scalar(select(t.seasons.c.id).join(t.titles).where(
            t.titles.c.name == name, t.seasons.c.number == number))
        if sid is not None:  # the usual case, in one query
            return sid
        tid = c.scalar(select(t.titles.c.id).where(t.titles.c.name == name))
        if tid is None:
            tid = c.execute(insert(t.titles).values(name=name)).inserted_primary_key[0]
        sid = c.scalar(select(t.seasons.c.id).where(
            t.seasons.c.title_id == tid, t.seasons.c.number == number))
        if sid is None:
            sid = c.execute(insert(t.seasons).values(
                title_id=tid, number=number)).inserted_primary_key[0]
        return sid


def _unstored(c: Connection, table: Table, items: list[tuple]) -> Iterator[tuple]:
    """The items (each with its fingerprint last) not in `table` yet, each fingerprint
    once; one query finds those already stored."""
    fingerprints = [item[-1] for item in items]
    seen = set(c.scalars(select(table.c.fingerprint).where(
        table.c.fingerprint.in_(fingerprints)))) if fingerprints else set()
    for item in items:
        if item[-1] not in seen:
            seen.add(item[-1])
            yield item


def _insert_all(c: Connection, table: Table, rows: list[dict]) -> int:
    if rows:
        c.execute(insert(table), rows)
    return len(rows)


def _claim_words(claim: Claim) -> str:
    from seasoncast.datespan import describe

    what = claim.kind.value.replace("_", " ")
    when = f" {describe(claim.date)}" if claim.date else ""
    return f"{what} ({claim.modality.value}){when}"


def cast_of(store: Store, title: str, number: int) -> list[CastCredit]:
    from seasoncast.model import CastStatus

    q = (select(t.cast_credits).join(t.seasons, t.seasons.c.id == t.cast_credits.c.season_id)
         .join(t.titles, t.titles.c.id == t.seasons.c.title_id)
         .where(t.titles.c.name == title, t.seasons.c.number == number)
         .order_by(t.cast_credits.c.id))
    out: dict[str, CastCredit] = {}
    with store.engine.connect() as c:
        for r in c.execute(q).mappings():
            credit = CastCredit(person=r["person"], status=CastStatus(r["status"]), title=title,
                                season=number, character=r["character"],
                                known_for=tuple(json.loads(r["known_for"] or "[]")))
            out.setdefault(r["person"].casefold(), credit)  # first report of a person wins
    return list(out.values())


def changes(store: Store, limit: int = 100) -> list[dict]:
    q = (select(t.changes.c.id, t.changes.c.at, t.changes.c.summary,
                t.titles.c.name.label("title"), t.seasons.c.number.label("season"),
                t.documents.c.url, t.documents.c.title.label("doc_title"))
         .join(t.seasons, t.seasons.c.id == t.changes.c.season_id)
         .join(t.titles, t.titles.c.id == t.seasons.c.title_id)
         .outerjoin(t.documents, t.documents.c.id == t.changes.c.document_id)
         .order_by(t.changes.c.at.desc(), t.changes.c.id.desc()).limit(limit))
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(q).mappings()]


def sources(store: Store, limit: int = 500) -> list[dict]:
    q = select(t.sources).order_by(t.sources.c.published.desc().nulls_last()).limit(limit)
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(q).mappings()]


def viewership_of(store: Store, title: str, limit: int = 50) -> list[dict]:
    """Viewing figures stored for a title (any season), newest period first."""
    q = (select(t.viewership.c.metric, t.viewership.c.value, t.viewership.c.period_start,
                t.viewership.c.period_end, t.viewership.c.dataset, t.viewership.c.category,
                t.viewership.c.rank, t.viewership.c.source_url,
                t.seasons.c.number.label("season"))
         .join(t.seasons, t.seasons.c.id == t.viewership.c.season_id)
         .join(t.titles, t.titles.c.id == t.seasons.c.title_id)
         .where(t.titles.c.name == title)
         .order_by(t.viewership.c.period_end.desc().nulls_last()).limit(limit))
    with store.engine.connect() as c:
        rows = [dict(r) for r in c.execute(q).mappings()]
    for r in rows:
        for k in ("period_start", "period_end"):
            r[k] = r[k].isoformat() if r[k] else None
    return rows
