"""RSS/Atom feeds (feedparser) → Documents, optionally fetching each item's page.

The feed itself is fetched with the same checks as any URL (`fetch.fetch`), and item
links are fetched only on request; an item whose page cannot be fetched falls back to
the summary the feed carries, so one bad link never loses the rest of the feed.
"""

from __future__ import annotations

import logging
from datetime import date

import feedparser

from seasoncast.ingest.document import Document
from seasoncast.ingest.fetch import IngestError, fetch
from seasoncast.ingest.html import html_to_text, strip_tags

log = logging.getLogger(__name__)
MAX_ITEMS = 200


def parse_feed(raw: bytes | str, *, base_url: str | None = None) -> list[Document]:
    """Documents from feed XML, using each item's summary/content as its text."""
    parsed = feedparser.parse(raw)
    if parsed.bozo and not parsed.entries:
        raise IngestError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
    docs = []
    for entry in parsed.entries[:MAX_ITEMS]:
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry["content"])
        body = body or entry.get("summary", "") or entry.get("description", "")
        text = strip_tags(body) if "<" in body else body
        title = entry.get("title")
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}" if text else title
        docs.append(Document.create(text, url=entry.get("link") or base_url, title=title,
                                    published=_entry_date(entry), kind="feed-item"))
    return docs


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def load_feed(url: str, *, fetch_items: bool = False, allow_private: bool = False
              ) -> list[Document]:
    """Fetch a feed; with `fetch_items`, replace each item's text by its page's text."""
    resp = fetch(url, allow_private=allow_private)
    docs = parse_feed(resp.body, base_url=resp.url)
    if not fetch_items:
        return docs
    out = []
    for d in docs:
        if not d.url:
            out.append(d)
            continue
        try:
            page = fetch(d.url, allow_private=allow_private)
            html = html_to_text(page.body)
            out.append(Document.create(html.text, url=page.url, title=html.title or d.title,
                                       published=html.published or d.published, kind="html"))
        except IngestError as e:
            log.warning("keeping the feed summary of %s: %s", d.url, e)
            out.append(d)
    return out
