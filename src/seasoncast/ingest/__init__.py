"""Ingest: documents from files, directories, URLs and feeds, with source tiers."""

from seasoncast.ingest.document import Document, content_hash, deduplicate
from seasoncast.ingest.fetch import IngestError
from seasoncast.ingest.load import load_feed, load_path, load_url

__all__ = ["Document", "IngestError", "content_hash", "deduplicate", "load_feed",
           "load_path", "load_url"]
