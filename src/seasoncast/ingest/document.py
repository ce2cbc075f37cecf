"""A fetched or loaded article, stored once however many times it is syndicated.

`content_hash` is the SHA-256 of the *normalised* text (Unicode NFKC, case-folded,
punctuation and whitespace collapsed), so a copy of the same story re-published with
other quotes, line breaks or a trailing "Read more" still collides with the original.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from seasoncast.model import Source, Tier

_BOILERPLATE = re.compile(
    r"^(?:read more|share this|advertisement|related:|click here|subscribe|follow us).*$",
    re.IGNORECASE | re.MULTILINE)


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _BOILERPLATE.sub(" ", text)
    text = re.sub(r"[\W_]+", " ", text)
    return text.strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    domain: str | None = None
    content_hash: str = ""
    tier: Tier = Tier.NEWS
    kind: str = "text"  # "text", "markdown", "html", "feed-item"

    @classmethod
    def create(cls, text: str, *, url: str | None = None, title: str | None = None,
               published: date | None = None, kind: str = "text") -> Document:
        """A document with its domain, tier and hash filled in."""
        from seasoncast.ingest.tiers import domain_of, tier_for

        domain = domain_of(url) if url and "://" in url else None
        return cls(text=text, url=url, title=title, published=published, domain=domain,
                   content_hash=content_hash(text), tier=tier_for(url) if domain else
                   tier_for(None), kind=kind)

    def as_source(self) -> Source:
        return Source(url=self.url or f"sha256:{self.content_hash}", domain=self.domain,
                      published=self.published, tier=self.tier, title=self.title)


def deduplicate(docs: list[Document]) -> list[Document]:
    """Keep the first document of each content hash (syndicated copies collide)."""
    seen: set[str] = set()
    out = []
    for d in docs:
        if d.content_hash in seen:
            continue
        seen.add(d.content_hash)
        out.append(d)
    return out
