"""Claim, cast and viewership extraction from one article (interfaces.md §2–§3)."""

from seasoncast.extract.pipeline import Extraction, extract_document

__all__ = ["Extraction", "extract_document"]
