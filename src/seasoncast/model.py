"""The domain model: plain typed objects shared by every stage of the pipeline.

Nothing here knows about the database or the web; the store converts rows to these
objects and back. Vocabulary follows interfaces.md §1–§2 exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

from seasoncast.datespan import DateSpan


class Kind(StrEnum):
    """What a claim is about (interfaces.md §2)."""

    RENEWAL = "renewal"
    PREPRODUCTION = "preproduction"
    CASTING = "casting"
    FILMING_START = "filming_start"
    FILMING_WRAP = "filming_wrap"
    ADDITIONAL_FILMING = "additional_filming"
    CAST_WRAP = "cast_wrap"
    TEASER = "teaser"
    TRAILER = "trailer"
    RELEASE = "release"
    DELAY = "delay"
    CANCELLATION = "cancellation"
    SLATE_LISTING = "slate_listing"


class Modality(StrEnum):
    """How a source holds a claim (interfaces.md §2)."""

    HAPPENED = "happened"
    ANNOUNCED = "announced"
    PLANNED = "planned"
    EXPECTED = "expected"
    RUMORED = "rumored"
    DENIED = "denied"


class Tier(IntEnum):
    """Credibility of a source; higher is more credible."""

    SOCIAL = 1  # social posts
    FAN = 2  # aggregators and fan sites
    NEWS = 3  # general news
    TRADE = 4  # trade press
    OFFICIAL = 5  # the platform, studio or network itself

    @property
    def label(self) -> str:
        return {1: "social post", 2: "fan site / aggregator", 3: "general news",
                4: "trade press", 5: "official"}[int(self)]


class Status(StrEnum):
    """Where a season stands, derived from its timeline."""

    ANNOUNCED = "announced"
    PREPRODUCTION = "pre_production"
    FILMING = "filming"
    POST_PRODUCTION = "post_production"
    SCHEDULED = "scheduled"
    RELEASED = "released"
    CANCELLED = "cancelled"


class CastStatus(StrEnum):
    RETURNING = "returning"
    NEW = "new"
    LEAVING = "leaving"


@dataclass(frozen=True, slots=True)
class Title:
    """A show, with every name it goes by (other romanisations, original language)."""

    name: str
    aliases: tuple[str, ...] = ()
    platform: str | None = None
    country: str | None = None
    genres: tuple[str, ...] = ()

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Season:
    title: str
    number: int
    platform: str | None = None
    country: str | None = None
    genres: tuple[str, ...] = ()
    vfx_heavy: bool | None = None
    episodes: int | None = None
    notes: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.title, self.number)


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    domain: str | None = None
    publisher: str | None = None
    published: date | None = None
    tier: Tier = Tier.NEWS
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement about one season: kind × modality × DateSpan (interfaces.md §2)."""

    title: str
    season: int | None
    kind: Kind
    modality: Modality
    date: DateSpan | None = None
    subject: str | None = None
    detail: str | None = None
    location: str | None = None
    quote_span: tuple[int, int] | None = None
    confidence: float = 1.0
    source: Source | None = None
    known_on: date | None = None

    def to_dict(self) -> dict:
        """The claim JSON of interfaces.md §2 (plus source fields when known)."""
        d = {
            "title": self.title,
            "season": self.season,
            "kind": self.kind.value,
            "modality": self.modality.value,
            "date": self.date.to_dict() if self.date else None,
            "subject": self.subject,
            "detail": self.detail,
            "location": self.location,
            "quote_span": list(self.quote_span) if self.quote_span else None,
            "confidence": round(self.confidence, 3),
        }
        if self.source is not None:
            d["source_url"] = self.source.url
        if self.known_on is not None:
            d["known_on"] = self.known_on.isoformat()
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Claim:
        return cls(
            title=d["title"],
            season=d.get("season"),
            kind=Kind(d["kind"]),
            modality=Modality(d["modality"]),
            date=DateSpan.from_dict(d["date"]) if d.get("date") else None,
            subject=d.get("subject"),
            detail=d.get("detail"),
            location=d.get("location"),
            quote_span=tuple(d["quote_span"]) if d.get("quote_span") else None,
            confidence=float(d.get("confidence", 1.0)),
        )


@dataclass(frozen=True, slots=True)
class CastCredit:
    person: str
    status: CastStatus
    title: str | None = None
    season: int | None = None
    character: str | None = None
    known_for: tuple[str, ...] = ()
    source: Source | None = None

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "season": self.season,
            "person": self.person,
            "character": self.character,
            "status": self.status.value,
            "known_for": list(self.known_for),
        }


@dataclass(frozen=True, slots=True)
class Viewership:
    """A viewing figure with the period it covers."""

    title: str | None
    season: int | None
    metric: str  # "views" or "hours"
    value: float
    period: DateSpan | None = None
    source: Source | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "season": self.season,
            "metric": self.metric,
            "value": int(self.value) if float(self.value).is_integer() else self.value,
            "period": self.period.to_dict() if self.period else None,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """A row of the reference data (interfaces.md §4): a dated fact about a season."""

    title: str
    season: int
    kind: Kind
    modality: Modality
    date: DateSpan | None
    known_on: date
    source_url: str
    note: str | None = None
    subject: str | None = None  # a person, for casting and cast_wrap
    detail: str | None = None
    origin: str = "reference"  # or "article" for claims read from an ingested document

    @property
    def later_part(self) -> bool:
        """A date of a split season's later part ("Part 2 on July 10"), not its premiere."""
        return bool(self.detail and re.match(r"Part [2-9]\b", self.detail))

    @property
    def key(self) -> tuple:
        return (self.title, self.season, self.kind, self.modality,
                self.date.start if self.date else None, self.date.end if self.date else None,
                self.known_on, self.source_url)
