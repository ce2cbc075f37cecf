"""Database tables (SQLAlchemy Core). The ORM stays out: the store maps rows to the
plain objects of `seasoncast.model` itself, so nothing else sees a database type."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

titles = Table(
    "titles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("platform", String(100)),
    Column("country", String(10)),
    Column("genres", String(300)),
)

title_aliases = Table(
    "title_aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title_id", ForeignKey("titles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("alias", String(300), nullable=False),
    UniqueConstraint("title_id", "alias", name="uq_title_aliases_title_alias"),
)

seasons = Table(
    "seasons",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title_id", ForeignKey("titles.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("platform", String(100)),
    Column("country", String(10)),
    Column("genres", String(300)),
    Column("vfx_heavy", Boolean),
    Column("episodes", Integer),
    Column("notes", Text),
    UniqueConstraint("title_id", "number", name="uq_seasons_title_number"),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2000), nullable=False, unique=True),
    Column("domain", String(300)),
    Column("publisher", String(300)),
    Column("published", Date),
    Column("tier", Integer, nullable=False),
    Column("title", String(1000)),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source_id", ForeignKey("sources.id"), nullable=True),
    Column("url", String(2000)),
    Column("title", String(1000)),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# Every dated fact about a season: reference rows and claims read from articles alike.
# `fingerprint` is a hash of the identifying fields, so re-imports are idempotent even
# where the fields themselves are NULL (NULLs never collide in UNIQUE constraints).
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("season_id", ForeignKey("seasons.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(30), nullable=False),
    Column("modality", String(20), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("precision", String(20)),
    Column("date_text", String(200)),
    Column("known_on", Date, nullable=False),
    Column("source_url", String(2000), nullable=False),
    Column("note", Text),
    Column("origin", String(20), nullable=False),  # "reference" or "article"
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=True),
    Column("subject", String(300)),
    Column("detail", String(500)),
    Column("location", String(300)),
    Column("quote_start", Integer),
    Column("quote_end", Integer),
    Column("confidence", Float),
)

cast_credits = Table(
    "cast_credits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("season_id", ForeignKey("seasons.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("person", String(300), nullable=False),
    Column("character", String(300)),
    Column("status", String(20), nullable=False),
    Column("known_for", Text),  # JSON list
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=True),
    Column("source_url", String(2000)),
)

viewership = Table(
    "viewership",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("season_id", ForeignKey("seasons.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("raw_title", String(1000)),
    Column("metric", String(20), nullable=False),
    Column("value", Float, nullable=False),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("precision", String(20)),
    Column("dataset", String(60)),  # e.g. "top10-weekly", "engagement-2025H1", "article"
    Column("category", String(60)),
    Column("rank", Integer),
    Column("source_url", String(2000)),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=True),
    Column("link_confidence", Float),
)

changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("season_id", ForeignKey("seasons.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", ForeignKey("documents.id", ondelete="SET NULL"), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("summary", Text, nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text),
)
